import Testing

@testable import CrosswalkKit

@Suite struct BacklinksTests {
    @Test func longBacklinkListsAreCappedPerKindWithACount() throws {
        var site = "-- content/glossary/plc.md --\n---\ntitle: PLC\nsummary: A controller.\n---\nText.\n"
        for number in 1...55 {
            site += "-- content/notes/note-\(number).md --\n# Note \(number)\n\nAbout the PLC.\n"
        }
        let (folder, report) = try SiteFixture(site).build()
        #expect(report.succeeded, "\(report.diagnosticText)")
        let plc = try folder.read("public/glossary/plc/index.html")
        let section = try #require(plc.range(of: "<section class=\"backlinks\"")).lowerBound
        let backlinks = plc[section...]
        #expect(
            backlinks.components(separatedBy: "<li><a href=\"../../notes/note-").count - 1
                == SiteRenderer.backlinksPerKind)
        #expect(backlinks.contains("…and 5 more."))
    }
}
