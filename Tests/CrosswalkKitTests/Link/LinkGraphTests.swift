import Testing

@testable import CrosswalkKit

@Suite struct LinkGraphTests {
    static let site = """
        -- content/glossary/patch.md --
        ---
        title: Patch
        summary: A fix.
        related: [planned-outage]
        ---
        Text.
        -- content/glossary/planned-outage.md --
        ---
        title: Planned outage
        summary: A stop.
        ---
        Text.
        -- content/constraints/no-active-scanning.md --
        ---
        title: No active scanning
        summary: Listen, do not probe.
        ---
        Text.
        -- content/tools/scanner.md --
        ---
        title: Vulnerability scanner
        summary: Probes hosts.
        constraints:
          no-active-scanning: {verdict: avoid, note: Use passive discovery.}
        ---
        Text.

        """

    @Test func unknownRelationIsAnErrorAtTheSlugWithSuggestion() throws {
        let report = SiteFixture(Self.site.replacingOccurrences(of: "[planned-outage]", with: "[planned-outages]"))
            .check()
        let diagnostic = try #require(report.diagnostics.first { $0.code == .unknownRelation })
        #expect(diagnostic.location == SourceLocation(file: "content/glossary/patch.md", line: 4, column: 11))
        #expect(diagnostic.hint == "did you mean 'planned-outage'?")
    }

    @Test func toolConstraintMustBeAConstraint() throws {
        let report = SiteFixture(Self.site.replacingOccurrences(of: "  no-active-scanning:", with: "  patch:")).check()
        let diagnostic = try #require(report.diagnostics.first { $0.code == .unknownRelation })
        #expect(diagnostic.location.file == "content/tools/scanner.md")
        #expect(diagnostic.location.line == 5)
    }

    @Test func relationsAndVerdictsShowOnBothEnds() throws {
        let (folder, report) = try SiteFixture(Self.site).build()
        #expect(report.succeeded, "\(report.diagnosticText)")
        let outage = try folder.read("public/glossary/planned-outage/index.html")
        #expect(outage.contains("Referenced by"))
        // Listing links start from the site root, so one filled entry serves every page at a depth.
        #expect(outage.contains("<a href=\"../../glossary/patch/index.html\">Patch</a>"))
        let constraint = try folder.read("public/constraints/no-active-scanning/index.html")
        #expect(constraint.contains("<a href=\"../../tools/scanner/index.html\">Vulnerability scanner</a>"))
        #expect(
            constraint.contains("<span aria-hidden=\"true\">✕</span> Avoid</span></td><td>Use passive discovery.</td>"))
        let patch = try folder.read("public/glossary/patch/index.html")
        #expect(
            patch.contains(
                "<a href=\"../planned-outage/index.html\">Planned outage</a> <span class=\"kind-tag\">Term</span>"))
    }

    @Test func matrixCrossesToolsWithConstraints() throws {
        let (folder, _) = try SiteFixture(Self.site).build()
        let matrix = try folder.read("public/matrix/index.html")
        #expect(
            matrix.contains(
                "<th scope=\"col\"><a href=\"../constraints/no-active-scanning/index.html\">No active scanning</a></th>"
            ))
        #expect(
            matrix.contains("<th scope=\"row\"><a href=\"../tools/scanner/index.html\">Vulnerability scanner</a></th>"))
        #expect(matrix.contains("✕</span> Avoid</span><span class=\"note\">Use passive discovery.</span>"))
    }

    @Test func glossaryIndexListsTermsAndAliasesAToZ() throws {
        let site = Self.site.replacingOccurrences(
            of: "title: Patch\n", with: "title: Patch\naliases: [hotfix]\nit: Weekly.\not: Outage.\n")
        let (folder, report) = try SiteFixture(site).build()
        #expect(report.succeeded, "\(report.diagnosticText)")
        let glossary = try folder.read("public/glossary/index.html")
        #expect(glossary.contains("<h2 id=\"letter-h\">H</h2>"))
        #expect(
            glossary.contains(
                "<dt class=\"alias\"><a href=\"patch/index.html\">hotfix</a></dt><dd class=\"alias\">see <a href=\"patch/index.html\">Patch</a></dd>"
            ))
        #expect(glossary.contains("<span class=\"side\">IT:</span> Weekly."))
        #expect(glossary.contains("<span class=\"side\">OT:</span> Outage."))
    }
}
