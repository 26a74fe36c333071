import CrosswalkMarkdown
import Testing

@testable import CrosswalkKit

@Suite struct MarkdownStageTests {
    func site(_ files: [String: String]) throws -> Site {
        let pages = try files.map { path, text in
            let split = try FrontMatterSplitter.split(text).get()
            let source = SourceFile(
                relativePath: path, displayPath: "content/" + path, frontMatter: split.frontMatter,
                body: split.body, bodyLineOffset: split.bodyLineOffset)
            return try #require(PageBuilder.build(source, folderHasIndexMD: false).page)
        }
        return Site(
            config: SiteConfig(), pages: pages,
            assets: [AssetFile(relativePath: "glossary/rack.png", absolutePath: "/x/rack.png")])
    }

    @Test func relativeMarkdownLinksPointAtThePublishedPage() throws {
        let site = try site([
            "glossary/patch.md":
                "---\ntitle: Patch\n---\nSee [PLC](plc.md#history) and [outages](../constraints/planned-outages.md).\n",
            "glossary/plc.md": "---\ntitle: PLC\n---\n## History\n",
            "constraints/planned-outages.md": "---\ntitle: Planned outages\n---\n",
        ])
        let patch = try #require(site.page(sourcePath: "glossary/patch.md"))
        let rendered = MarkdownStage().render(patch, in: site)
        #expect(rendered.html.contains("<a href=\"../plc/index.html#history\">PLC</a>"))
        #expect(rendered.html.contains("<a href=\"../../constraints/planned-outages/index.html\">outages</a>"))
        #expect(rendered.links.map(\.targetURL) == ["glossary/plc/", "constraints/planned-outages/"])
        #expect(rendered.links.first?.fragment == "history")
        #expect(rendered.diagnostics.isEmpty)
    }

    /// Every link's target is the page at its URL, however the link was written and resolved:
    /// on the usual path, the general one, as a wikilink, to a heading of the page itself, or to
    /// a section that has no page of its own.
    @Test func everyLinkTargetsThePageAtItsURL() throws {
        let site = try site([
            "glossary/patch.md": """
            ---
            title: Patch
            ---
            [a](plc.md), [b](./../glossary/plc.md#history), [c](%70lc.md), [d](../constraints/),
            [e](../constraints/index.md), [[PLC]], [[plc#history]], [[#fixes]] and [f](#fixes).

            ## Fixes
            """,
            "glossary/plc.md": "---\ntitle: PLC\n---\n## History\n",
            "constraints/index.md": "---\ntitle: Constraints\n---\n",
            "constraints/planned-outages.md": "---\ntitle: Planned outages\n---\n",
        ])
        let patch = try #require(site.page(sourcePath: "glossary/patch.md"))
        let rendered = MarkdownStage().render(patch, in: site)
        #expect(rendered.diagnostics.isEmpty)
        #expect(rendered.links.count == 9, "\(rendered.links.map(\.targetURL))")
        for link in rendered.links {
            #expect(link.target != nil, "\(link.targetURL)")
            #expect(link.target == site.index(url: link.targetURL), "\(link.targetURL)")
        }
    }

    /// A link naming a fragment keeps where it was written (the anchor check reports there):
    /// a markdown link's destination, a wikilink's brackets. One without a fragment is not
    /// searched for. Markdown links come first, then wikilinks.
    @Test func linksNamingAFragmentKeepTheirPlace() throws {
        let site = try site([
            "glossary/patch.md": """
            ---
            title: Patch
            ---
            Intro [a](plc.md) and [b](plc.md#history),
            then [[PLC]] and [[plc#history]], [c](#fixes).

            ## Fixes
            """,
            "glossary/plc.md": "---\ntitle: PLC\n---\n## History\n",
        ])
        let patch = try #require(site.page(sourcePath: "glossary/patch.md"))
        let rendered = MarkdownStage().render(patch, in: site)
        let file = "content/glossary/patch.md"
        #expect(
            rendered.links.map(\.location) == [
                nil, SourceLocation(file: file, line: 4, column: 27), SourceLocation(file: file, line: 5, column: 39),
                nil, SourceLocation(file: file, line: 5, column: 18),
            ], "\(rendered.links.map(\.location))")
    }

    @Test func imagesNextToContentKeepWorking() throws {
        let site = try site(["glossary/plc.md": "---\ntitle: PLC\n---\n![A rack](rack.png)\n"])
        let rendered = MarkdownStage().render(try #require(site.page(sourcePath: "glossary/plc.md")), in: site)
        #expect(rendered.html.contains("<img src=\"../rack.png\" alt=\"A rack\" />"))
    }

    @Test func brokenLinkIsAnErrorAtItsLineAndColumnWithSuggestion() throws {
        let site = try site([
            "glossary/patch.md": "---\ntitle: Patch\n---\nIntro.\n\nSee the [PLC](plcs.md) page.\n",
            "glossary/plc.md": "---\ntitle: PLC\n---\n",
        ])
        let rendered = MarkdownStage().render(try #require(site.page(sourcePath: "glossary/patch.md")), in: site)
        let diagnostic = try #require(rendered.diagnostics.first)
        #expect(diagnostic.code == .brokenLink)
        #expect(diagnostic.location == SourceLocation(file: "content/glossary/patch.md", line: 6, column: 15))
        #expect(diagnostic.hint == "did you mean 'plc.md'?")
    }

    @Test func linkClimbingOutOfContentIsAnError() throws {
        let site = try site(["a.md": "[x](../../etc/passwd)\n"])
        let rendered = MarkdownStage().render(try #require(site.page(sourcePath: "a.md")), in: site)
        #expect(rendered.diagnostics.map(\.code) == [.linkOutsideContent])
    }

    @Test func externalLinksAreUntouched() throws {
        let site = try site(["a.md": "[x](https://example.org/a.md) [m](mailto:a@b.c)\n"])
        let rendered = MarkdownStage().render(try #require(site.page(sourcePath: "a.md")), in: site)
        #expect(rendered.html.contains("href=\"https://example.org/a.md\""))
        #expect(rendered.links.isEmpty && rendered.diagnostics.isEmpty)
    }

    @Test func leadingH1SuppliesTheTitleAndIsNotRepeated() throws {
        let site = try site(["notes.md": "# Shift notes\n\nFirst paragraph here.\n\n## Later\n"])
        let rendered = MarkdownStage().render(try #require(site.page(sourcePath: "notes.md")), in: site)
        #expect(rendered.leadingH1 == "Shift notes")
        #expect(!rendered.html.contains("<h1"))
        #expect(rendered.firstParagraph == "First paragraph here.")
    }

    @Test func rawHTMLIsOmittedUnlessUnsafe() {
        let text = "<script>alert(1)</script>\n\n[x](javascript:alert(1))\n"
        let safe = MarkdownStage().render(text).html
        #expect(!safe.contains("<script"))
        #expect(safe.contains("<!-- raw HTML omitted -->"))
        #expect(safe.contains("href=\"\""))
        #expect(MarkdownStage(options: .unsafe).render(text).html.contains("<script>"))
    }

    /// A build hands the body to its spool as libcmark wrote it: the bytes kept are the HTML
    /// `render` gives without a store, and only a store that refuses them gets a `String`.
    @Test func storedHTMLIsTheHTMLRenderGives() throws {
        let site = try site([
            "glossary/patch.md": "---\ntitle: Patch\n---\nA *patch* for the [PLC](plc.md) — ünïcode, `code` & <b>.\n",
            "glossary/plc.md": "---\ntitle: PLC\n---\n",
        ])
        let patch = try #require(site.page(sourcePath: "glossary/patch.md"))
        let expected = MarkdownStage().render(patch, in: site)
        var kept: [UInt8] = []
        let stored = MarkdownStage().render(patch, in: site) { html in
            kept = Array(html)
            return true
        }
        #expect(String(decoding: kept, as: UTF8.self) == expected.html)
        #expect(stored.html.isEmpty)
        #expect(stored.links == expected.links && stored.headings == expected.headings)
        let refused = MarkdownStage().render(patch, in: site) { _ in false }
        #expect(refused.html == expected.html)
    }
    /// The search text ends at the first space from its limit, however the text is cut into
    /// nodes: emphasis (or an auto-link) splitting a paragraph changes nothing.
    @Test func searchTextEndsAtTheFirstSpaceFromItsLimit() {
        let split = MarkdownDocument(parsing: "aaaa bbbb *cccc* dddd eeee\n")
        let whole = MarkdownDocument(parsing: "aaaa bbbb cccc dddd eeee\n")
        #expect(MarkdownStage.plainText(split.root, limit: 10) == "aaaa bbbb cccc")
        #expect(MarkdownStage.plainText(whole.root, limit: 10) == "aaaa bbbb cccc")
        #expect(MarkdownStage.plainText(whole.root, limit: 100) == "aaaa bbbb cccc dddd eeee ")
    }
}
