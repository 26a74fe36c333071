import Testing

@testable import CrosswalkKit

@Suite struct AutoLinkerTests {
    static let terms = """
        -- content/glossary/plc.md --
        ---
        title: Programmable logic controller (PLC)
        aliases: [PLC]
        summary: A controller with "quotes" & <angles>.
        it: An appliance.
        ot: The controller.
        ---
        A PLC runs logic.
        -- content/glossary/it.md --
        ---
        title: Information technology (IT)
        aliases: [IT]
        summary: Business computing.
        ---
        Text.
        -- content/glossary/safety.md --
        ---
        title: Safety
        summary: Freedom from harm.
        ---
        Text.
        -- content/glossary/sis.md --
        ---
        title: Safety instrumented system (SIS)
        aliases: [SIS]
        summary: Trips the process.
        ---
        Text.
        -- content/glossary/zone.md --
        ---
        title: Security zone
        summary: A group of assets.
        ---
        Text.

        """

    func html(_ page: String, at path: String = "guides/page.md") throws -> String {
        let (folder, report) = try SiteFixture(Self.terms + "-- content/\(path) --\n" + page).build()
        #expect(report.succeeded, "\(report.diagnosticText)")
        let url = String(path.dropLast(3)) + "/index.html"
        let whole = try folder.read("public/" + url)
        guard let start = whole.range(of: "<div class=\"body\">"),
            let end = whole.range(of: "</div>", range: start.upperBound..<whole.endIndex)
        else { return whole }
        return String(whole[start.upperBound..<end.lowerBound])
    }

    func linkTexts(_ html: String) -> [String] {
        var texts: [String] = []
        var rest = html[...]
        while let open = rest.range(of: "<a class=\"term-link\""),
            let close = rest.range(of: "</a>", range: open.upperBound..<rest.endIndex)
        {
            let inner = rest[open.upperBound..<close.lowerBound]
            texts.append(String(inner[inner.index(after: inner.firstIndex(of: ">") ?? inner.startIndex)...]))
            rest = rest[close.upperBound...]
        }
        return texts
    }

    @Test func linksOnlyTheFirstMention() throws {
        let body = try html("# Page\n\nThe PLC and the PLC again; it is IT.\n\n- a PLC in a list\n- IT again\n")
        #expect(linkTexts(body) == ["PLC", "IT"])
    }

    /// A link names its term; the card's text is in `card-data.js`, escaped for a script.
    @Test func namesItsTermAndTheCardDataHoldsItsText() throws {
        let (folder, report) = try SiteFixture(Self.terms + "-- content/guides/page.md --\n# Page\n\nA PLC.\n").build()
        #expect(report.succeeded)
        let body = try folder.read("public/guides/page/index.html")
        #expect(
            body.contains(
                "<a class=\"term-link\" href=\"../../glossary/plc/index.html\" data-term=\"plc\" data-card=\"glossary/plc/\">PLC</a>"
            ))
        #expect(!body.contains("data-summary") && !body.contains("An appliance."))
        let cards = try folder.read("public/card-data.js")
        #expect(cards.hasPrefix("/* crosswalk hover cards"))
        #expect(
            cards.contains(
                "\"glossary/plc/\":[\"A controller with \\\"quotes\\\" & \\u003cangles>.\",\"An appliance.\",\"The controller.\"]"
            ))
        #expect(cards.contains("\"glossary/it/\":[\"Business computing.\",\"\",\"\"]"))
    }

    @Test func skipsHeadingsCodeLinksImagesAndRawHTML() throws {
        let body = try html(
            "# Page\n\n## PLC basics\n\n`PLC` and\n\n    PLC\n\n[the PLC](https://example.org) ![PLC](https://example.org/x.png) <span>PLC</span>\n\nFinally a PLC.\n"
        )
        #expect(linkTexts(body) == ["PLC"])
        #expect(body.contains("Finally a <a class=\"term-link\""))
        #expect(!body.contains("<a href=\"https://example.org\"><a"))
    }

    @Test func linksInsideEmphasisListsAndQuotes() throws {
        let body = try html("# Page\n\n> quoted *SIS* here\n\n1. item about safety\n")
        #expect(linkTexts(body) == ["SIS", "safety"])
    }

    @Test func longestTermWinsAndWrapsAcrossLines() throws {
        let body = try html("# Page\n\nThe safety\ninstrumented system trips.\n")
        #expect(linkTexts(body) == ["safety\ninstrumented system"])
        #expect(body.contains("sis/index.html"))
    }

    @Test func neverLinksATermOnItsOwnPage() throws {
        let (folder, report) = try SiteFixture(
            Self.terms + "-- content/glossary/rtu.md --\n# RTU\n\nLike a PLC, checked by the SIS.\n"
        ).build()
        #expect(report.succeeded, "\(report.diagnosticText)")
        let plc = try folder.read("public/glossary/plc/index.html")
        #expect(plc.contains("A PLC runs logic."))
        #expect(!plc.contains("href=\"../plc/index.html\""))
        #expect(linkTexts(try folder.read("public/glossary/rtu/index.html")) == ["PLC", "SIS"])
    }

    @Test func explicitLinkToATermSuppressesItsAutoLink() throws {
        let body = try html("# Page\n\nSee [the controller](../glossary/plc.md). A PLC.\n")
        #expect(linkTexts(body).isEmpty)
    }

    @Test func pageCanOptOut() throws {
        let body = try html("---\ntitle: Quiet\nautolink: false\n---\nA PLC and SIS.\n")
        #expect(linkTexts(body).isEmpty)
    }

    @Test func startAndEndOfTextNodes() throws {
        let body = try html("# Page\n\nPLC\n\n*x* SIS\n")
        #expect(linkTexts(body) == ["PLC", "SIS"])
        #expect(body.contains("<p><a class=\"term-link\""))
    }

    /// A linked run written as one node of HTML reads exactly as libcmark writes the text and
    /// link nodes it replaces: escapes, soft breaks, emphasis, lists, tables, and the page's
    /// search text and summary.
    @Test func runsWrittenAsHTMLMatchTheNodesTheyReplace() {
        func page(_ kind: PageKind, _ slug: String, _ folder: String, title: String, body: String) -> Page {
            Page(
                kind: kind, slug: slug,
                source: SourceFile(
                    relativePath: "\(folder)/\(slug).md", displayPath: "content/\(folder)/\(slug).md",
                    frontMatter: nil, body: body, bodyLineOffset: 0),
                url: "\(folder)/\(slug)/", declaredTitle: title, summary: nil, isFolderIndex: false, frontMatter: [])
        }
        let body = """
            The "PLC" & <b>raw</b> 'quoted' PLC, then a safety instrumented
            system & more: 1 < 2 > 0 with &amp; &lt;entities&gt; and &quot;IT&quot;.

            *Security zone* and **the security
            zone** inside emphasis; tail text after SIS.

            - a list item naming Safety at the end Safety
            > quoted IT text

            | Term | Note |
            |---|---|
            | PLC | a "Security zone" & more |
            """
        let pages = [
            page(.page, "note", "guides", title: "Note", body: body),
            page(.term, "plc", "glossary", title: "PLC", body: "x"),
            page(.term, "it", "glossary", title: "IT", body: "x"),
            page(.term, "safety", "glossary", title: "Safety", body: "x"),
            page(.term, "sis", "glossary", title: "Safety instrumented system", body: "x"),
            page(.term, "zone", "glossary", title: "Security zone", body: "x"),
        ]
        let site = Site(config: SiteConfig(), pages: pages, assets: [])
        let note = pages[0]
        let asHTML = MarkdownStage().render(note, in: site)
        var asNodes = MarkdownStage()
        asNodes.autoLinksAsHTML = false
        let expected = asNodes.render(note, in: site)
        #expect(asHTML.html.contains("term-link"))
        #expect(asHTML.html == expected.html)
        #expect(asHTML.linkTargets == expected.linkTargets)
        #expect(asHTML.plainText == expected.plainText)
        #expect(asHTML.firstParagraph == expected.firstParagraph)
    }

    @Test func termBitsInsertEachTermOnce() {
        var bits = TermBits(count: 130)
        let first = [0, 63, 64, 129].map { bits.insert($0) }
        let again = [0, 63, 64, 129].map { bits.insert($0) }
        let others = [1, 65, 128].map { bits.insert($0) }
        #expect(first == [true, true, true, true])
        #expect(again == [false, false, false, false])
        #expect(others == [true, true, true])
    }
}
