import Foundation
import Testing

@testable import CrosswalkKit

/// A folder's page lists the pages directly inside it ("In this section"), by title: not pages
/// further down, not glossary terms or other kinds, not itself.
@Suite struct FolderListingTests {
    static let site = """
        -- content/guides/index.md --
        ---
        title: Guides
        summary: Walks and checklists.
        ---
        How to find your way.
        -- content/guides/walk.md --
        # Plant walk

        What you will see.
        -- content/guides/alarms.md --
        # Alarm drill

        What to do first.
        -- content/guides/deep/index.md --
        # Deep dives

        The details.
        -- content/guides/deep/valves.md --
        # Valves

        Where they are.
        -- content/guidesextra/other.md --
        # Not a guide

        Another folder whose name starts the same.
        -- content/glossary/plc.md --
        ---
        title: PLC
        summary: A controller.
        ---
        Text.
        """

    func listed(_ html: String) -> [String] {
        guard let start = html.range(of: "<section class=\"children\"")?.upperBound,
            let end = html.range(of: "</section>", range: start..<html.endIndex)?.lowerBound
        else { return [] }
        return html[start..<end].components(separatedBy: "<li><a href=\"").dropFirst().compactMap { item in
            item.split(separator: ">", maxSplits: 1).last?.split(separator: "<").first.map(String.init)
        }
    }

    @Test func aFolderPageListsThePagesDirectlyInside() throws {
        let (folder, report) = try SiteFixture(Self.site).build()
        #expect(report.succeeded, "\(report.diagnosticText)")
        #expect(listed(try folder.read("public/guides/index.html")) == ["Alarm drill", "Deep dives", "Plant walk"])
        #expect(listed(try folder.read("public/guides/deep/index.html")) == ["Valves"])
        #expect(listed(try folder.read("public/guides/walk/index.html")).isEmpty)
    }

    @Test func parentFolders() {
        #expect(SiteRenderer.parentFolder(of: "a/b/") == "a/")
        #expect(SiteRenderer.parentFolder(of: "a/") == "")
        #expect(SiteRenderer.parentFolder(of: "a/b/c.html") == "a/b/")
        #expect(SiteRenderer.parentFolder(of: "") == "")
    }

    /// A page is in a section's folder when its URL is that folder and a slash, and more.
    @Test func urlsBelowAFolder() {
        #expect(SiteRenderer.isBelow("glossary/plc/", folder: "glossary"))
        #expect(SiteRenderer.isBelow("glossary/", folder: "glossary"))
        #expect(!SiteRenderer.isBelow("glossary-old/plc/", folder: "glossary"))
        #expect(!SiteRenderer.isBelow("glossary", folder: "glossary"))
        #expect(!SiteRenderer.isBelow("tools/x/", folder: "glossary"))
        #expect(!SiteRenderer.isBelow("glos", folder: "glossary"))
        #expect(SiteRenderer.isBelow("/x/", folder: ""))
        #expect(!SiteRenderer.isBelow("x/", folder: ""))
        #expect(SiteRenderer.isBelow("sécurité/a/", folder: "sécurité"))
    }
}
