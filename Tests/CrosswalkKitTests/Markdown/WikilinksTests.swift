import CrosswalkMarkdown
import Testing

@testable import CrosswalkKit

@Suite struct WikilinksTests {
    static let site = """
        -- content/glossary/plc.md --
        ---
        title: Programmable logic controller
        aliases: [PLC]
        summary: A controller.
        autolink: false
        ---
        ## History
        -- content/tools/patch.md --
        ---
        title: Patch tool
        summary: A tool.
        ---
        Text.
        -- content/glossary/patch.md --
        ---
        title: Patch
        summary: A fix.
        ---
        Text.

        """

    func page(_ body: String) -> String {
        Self.site + "-- content/a.md --\n---\ntitle: A\nautolink: false\n---\n" + body
    }

    func html(_ body: String) throws -> String {
        let (folder, report) = try SiteFixture(page(body)).build()
        #expect(report.succeeded, "\(report.diagnosticText)")
        return try folder.read("public/a/index.html")
    }

    @Test func resolvesBySlugTitleOrAliasInAnyCase() throws {
        let html = try html("[[plc]], [[programmable LOGIC controller]], [[Plc]].\n")
        #expect(html.contains("<a href=\"../glossary/plc/index.html\">Programmable logic controller</a>, "))
        #expect(html.contains("<a href=\"../glossary/plc/index.html\">programmable LOGIC controller</a>"))
        #expect(html.contains("<a href=\"../glossary/plc/index.html\">Plc</a>."))
    }

    @Test func labelAndHeading() throws {
        let html = try html("See [[PLC#History|its history]] and [[#Notes]].\n\n## Notes\n")
        #expect(html.contains("<a href=\"../glossary/plc/index.html#history\">its history</a>"))
        #expect(html.contains("<a href=\"#notes\">Notes</a>"))
    }

    @Test func brokenWikilinkIsAnErrorWithPositionAndSuggestion() throws {
        let report = SiteFixture(page("Intro.\n\nSee [[PCL]] now.\n")).check()
        let diagnostic = try #require(report.diagnostics.first { $0.code == .brokenWikilink })
        #expect(diagnostic.location == SourceLocation(file: "content/a.md", line: 7, column: 5))
        #expect(diagnostic.hint == "did you mean [[PLC]]?")
    }

    @Test func ambiguousTargetListsCandidatesAndFolderDisambiguates() throws {
        let report = SiteFixture(page("[[patch]]\n")).check()
        let diagnostic = try #require(report.diagnostics.first { $0.code == .ambiguousWikilink })
        #expect(diagnostic.message.contains("content/glossary/patch.md"))
        #expect(diagnostic.message.contains("content/tools/patch.md"))
        #expect(try html("[[tools/patch]]\n").contains("<a href=\"../tools/patch/index.html\">tools/patch</a>"))
    }

    @Test func brokenAnchorInWikilinkIsChecked() {
        let report = SiteFixture(page("[[PLC#future]]\n")).check()
        #expect(report.has(.brokenAnchor, file: "content/a.md"))
    }

    @Test func escapedAndCodeStayLiteral() throws {
        let html = try html("\\[\\[plc]] and `[[plc]]` and\n\n    [[plc]]\n")
        #expect(html.contains("<p>[[plc]] and <code>[[plc]]</code> and</p>"))
        #expect(html.contains("<pre><code>[[plc]]\n</code></pre>"))
        #expect(!html.contains("\u{E000}"))
    }

    /// Stray brackets around and inside wikilinks: an opener whose target holds a bracket stays
    /// text and the scan goes on from inside it (`[[[PLC]]]` has no opener left after that); text between links (any script) is kept as
    /// written; an empty `[[]]` stays text.
    @Test func strayBracketsAroundWikilinks() throws {
        let html = try html(
            "a [[b [[PLC]] c, [[]] [[Patch tool]], [[Pl[c]] d, [[[PLC]]], é[[PLC|x]]ü]] and [[PLC]][[patch tool]]\n")
        let plc = #"<a href="../glossary/plc/index.html">"#
        let tool = #"<a href="../tools/patch/index.html">"#
        #expect(
            html.contains(
                "<p>a [[b \(plc)PLC</a> c, [[]] \(tool)Patch tool</a>, [[Pl[c]] d, [[[PLC]]], é\(plc)x</a>ü]] and "
                    + "\(plc)PLC</a>\(tool)patch tool</a></p>"), "\(html)")
    }

    @Test func wikilinksAreNotNestedInLinks() throws {
        let html = try html("[outer [[plc]] text](https://example.org)\n")
        #expect(!html.contains("glossary/plc"))
    }

    @Test func wikilinksCountAsBacklinks() throws {
        let (folder, report) = try SiteFixture(page("[[PLC]]\n")).build()
        #expect(report.succeeded, "\(report.diagnosticText)")
        let plc = try folder.read("public/glossary/plc/index.html")
        #expect(plc.contains("Referenced by"))
        #expect(plc.contains("<a href=\"../../a/index.html\">A</a>"))
    }

    /// The prose handed on to the auto-linker is what a new walk of the changed tree finds.
    @Test func handsOnTheProseAFreshWalkFinds() throws {
        let fixture = SiteFixture(
            page(
                "See [[PLC]] and [[patch tool|the tool]], [[nothing]] and\n[[#History]] *[[PLC]]* [x](y.md) [[patch]]s.\n"
            ))
        let pages = try fixture.files.filter { $0.key.hasSuffix(".md") }.map { path, text in
            let split = try FrontMatterSplitter.split(text).get()
            let source = SourceFile(
                relativePath: String(path.dropFirst("content/".count)), displayPath: path,
                frontMatter: split.frontMatter, body: split.body, bodyLineOffset: split.bodyLineOffset)
            return try #require(PageBuilder.build(source, folderHasIndexMD: false).page)
        }
        let site = Site(config: SiteConfig(), pages: pages, assets: [])
        let page = try #require(site.page(sourcePath: "a.md"))
        let document = MarkdownDocument(parsing: page.source.body)
        var wikilinks = Wikilinks(page: page, site: site)
        let handedOn = wikilinks.apply(to: ProseText.scan(document.root).prose)
        #expect(wikilinks.links.count == 4)
        #expect(handedOn == ProseText.scan(document.root).prose)
        #expect(handedOn.contains { $0.type == .softBreak })
    }
}
