import Testing

@testable import CrosswalkKit

@Suite struct LinkCheckerTests {
    @Test func missingAnchorIsAnErrorWithSuggestion() throws {
        let report = SiteFixture(
            """
            -- content/a.md --
            # A

            See [B](b.md#histroy) and [here](#intro).

            ## Intro
            -- content/b.md --
            # B

            ## History
            """
        ).check()
        let diagnostics = report.diagnostics.filter { $0.code == .brokenAnchor }
        #expect(diagnostics.count == 1, "\(report.diagnosticText)")
        let diagnostic = try #require(diagnostics.first)
        #expect(diagnostic.location == SourceLocation(file: "content/a.md", line: 3, column: 9))
        #expect(diagnostic.hint == "did you mean '#history'?")
    }
}
