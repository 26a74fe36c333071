import Foundation
import Testing

@testable import CrosswalkKit

/// The glossary A–Z: each entry filled once from `partials/glossary-entry`, or drawn from the
/// letters' `items` by a theme without that partial.
@Suite struct GlossaryPageTests {
    static let site = """
        -- content/glossary/plc.md --
        ---
        title: PLC
        aliases: [controller]
        summary: Runs <logic>.
        it: A box.
        ot: The brain.
        ---
        Text.
        -- content/glossary/historian.md --
        ---
        title: Historian
        summary: Keeps data.
        ---
        Reads every PLC.
        """

    @Test func entriesComeFilledFromThePartial() throws {
        let (folder, report) = try SiteFixture(Self.site).build()
        #expect(report.succeeded, "\(report.diagnosticText)")
        let page = try folder.read("public/glossary/index.html")
        #expect(
            page.contains("<dt id=\"term-plc\"><a href=\"plc/index.html\">PLC</a></dt>\n<dd><p>Runs &lt;logic&gt;.</p>")
        )
        #expect(page.contains("<span class=\"side\">OT:</span> The brain.</p>"))
        #expect(
            page.contains(
                "<dt class=\"alias\"><a href=\"plc/index.html\">controller</a></dt><dd class=\"alias\">see <a href=\"plc/index.html\">PLC</a></dd>"
            ))
        // Letters in order, each entry once.
        let letters = ["letter-c", "letter-h", "letter-p"].map { page.range(of: "id=\"\($0)\"")?.lowerBound }
        #expect(letters.allSatisfy { $0 != nil } && letters == letters.sorted { $0! < $1! })
        #expect(page.components(separatedBy: "id=\"term-plc\"").count == 2)
    }

    /// A theme made before `partials/glossary-entry` existed draws the entries itself.
    @Test func themesWithoutThePartialDrawTheItems() throws {
        let (folder, report) = try SiteFixture(Self.site).build { folder in
            try FileManager.default.removeItem(atPath: folder.path("templates/partials/glossary-entry.mustache"))
            try folder.write(
                "{{<layout}}{{$main}}{{#page.letters}}<h2>{{letter}}</h2>{{^items_html}}{{#items}}<p>{{title}}: {{summary}}{{see}}</p>{{/items}}{{/items_html}}{{/page.letters}}{{/main}}{{/layout}}\n",
                to: "templates/glossary.mustache")
        }
        #expect(report.succeeded, "\(report.diagnosticText)")
        let page = try folder.read("public/glossary/index.html")
        #expect(page.contains("<h2>P</h2><p>PLC: Runs &lt;logic&gt;.</p>"))
        #expect(page.contains("<h2>C</h2><p>controller: PLC</p>"))
    }

    /// A glossary template may still draw the plain fields, made when it asks: the page's
    /// `items` and, beside each letter's filled entries, its `items`.
    @Test func glossaryTemplatesGetItemsWhenTheyAskForThem() throws {
        let (folder, report) = try SiteFixture(Self.site).build { folder in
            try folder.write(
                "{{<layout}}{{$main}}{{#page.items}}<i>{{title}}</i>{{/page.items}}{{^empty(page.items)}}!{{/empty(page.items)}}{{#page.letters}}<h2>{{letter}}</h2>{{#items}}<p>{{title}}{{#it}}/{{.}}{{/it}}</p>{{/items}}{{/page.letters}}{{/main}}{{/layout}}\n",
                to: "templates/glossary.mustache")
        }
        #expect(report.succeeded, "\(report.diagnosticText)")
        let page = try folder.read("public/glossary/index.html")
        #expect(page.contains("<i>PLC</i>") && page.contains("</i>!<h2>"))
        #expect(page.contains("<h2>C</h2><p>controller</p>"))
        #expect(page.contains("<p>PLC/"))
    }

    /// In `serve`, filled entries are kept between rebuilds; a new summary or meaning fills
    /// that term's entry again.
    @Test func aNewMeaningReachesTheGlossaryInServe() throws {
        let folder = try SiteFixture(Self.site).write()
        let builder = folder.liveBuilder()
        #expect(builder.build().succeeded)
        let path = "content/glossary/plc.md"
        for (old, new) in [("ot: The brain.", "ot: The heart."), ("summary: Runs", "summary: Executes")] {
            try folder.write(try folder.read(path).replacingOccurrences(of: old, with: new), to: path)
            #expect(builder.build(.files([folder.path(path)])).succeeded)
            let fresh = try folder.buildFromNothing(into: "fresh")
            #expect(try folder.read("live/glossary/index.html") == fresh.files["glossary/index.html"], "after '\(new)'")
        }
        #expect(try folder.read("live/glossary/index.html").contains("Executes &lt;logic&gt;."))
    }
}

/// The A–Z's letters and its alias check have ASCII paths; they must agree with the
/// Character and Foundation paths they skip.
@Suite struct GlossaryLetterTests {
    @Test func lettersAndCaseAgreeWithFoundation() {
        func reference(_ title: String) -> String {
            let first = title.first.map { String($0).uppercased() } ?? "#"
            return first.first?.isLetter == true ? first : "#"
        }
        let titles = [
            "plc", "PLC", "1st line", "", "e\u{301}clair", "éclair", "\r\nx", "_x", "zone", "Ölpumpe", "a", "ß",
        ]
        for title in titles { #expect(SiteRenderer.letter(of: title) == reference(title), "\(title.debugDescription)") }
        let pairs = [("PLC", "plc"), ("Plc", "PLC "), ("a-b", "A-B"), ("é", "É"), ("[x]", "{x}"), ("", "")]
        for (a, b) in pairs {
            #expect(SiteRenderer.sameIgnoringCase(a, b) == (a.caseInsensitiveCompare(b) == .orderedSame), "\(a) \(b)")
        }
    }
}
