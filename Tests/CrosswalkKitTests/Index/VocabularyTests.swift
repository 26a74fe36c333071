import Testing

@testable import CrosswalkKit

@Suite struct VocabularyTests {
    @Test func aliasClaimedByTwoTermsIsAnError() throws {
        let report = SiteFixture(
            """
            -- content/glossary/historian.md --
            ---
            title: Historian
            aliases: [plant historian]
            ---
            x
            -- content/glossary/data-historian.md --
            ---
            title: Data historian
            aliases: [Plant Historian]
            ---
            x
            """
        ).check()
        let diagnostic = try #require(report.diagnostics.first { $0.code == .duplicateAlias })
        #expect(diagnostic.location.file == "content/glossary/historian.md")
        #expect(diagnostic.location.line == 3)
        #expect(diagnostic.message.contains("content/glossary/data-historian.md"))
    }

    @Test func aliasEqualToAnotherTermsTitleIsAnError() {
        let report = SiteFixture(
            """
            -- content/glossary/a.md --
            ---
            title: Alpha
            aliases: [Beta]
            ---
            x
            -- content/glossary/b.md --
            ---
            title: Beta
            ---
            x
            """
        ).check()
        #expect(report.has(.duplicateAlias, file: "content/glossary/a.md"))
    }
}
