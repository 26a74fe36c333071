import CrosswalkMarkdown
import Testing

@testable import CrosswalkKit

@Suite struct CalloutsTests {
    static func render(_ markdown: String, options: MarkdownOptions = []) -> String {
        let document = MarkdownDocument(parsing: markdown, options: options)
        Callouts.apply(to: document.root)
        return document.renderHTML()
    }

    @Test func aMarkerMakesAnAsideWithItsLabel() {
        #expect(
            Self.render("> [!WARNING]\n> Malformed probes have crashed PLCs.\n") == """
                <aside class="callout callout-warning" data-callout="warning">
                <p class="callout-title">Warning</p>
                <p>Malformed probes have crashed PLCs.</p>
                </aside>

                """)
    }

    @Test(arguments: [
        ("NOTE", "note", "Note"), ("tip", "tip", "Tip"), ("Important", "important", "Important"),
        ("caution", "caution", "Caution"),
    ])
    func markersAreCaseInsensitive(marker: String, name: String, label: String) {
        #expect(
            Self.render("> [!\(marker)]\n> Body.\n")
                == "<aside class=\"callout callout-\(name)\" data-callout=\"\(name)\">\n"
                + "<p class=\"callout-title\">\(label)</p>\n<p>Body.</p>\n</aside>\n")
    }

    @Test(arguments: [("IT", "it", "IT", "it"), ("ot", "ot", "OT", "ot"), ("SAFETY", "safety", "Safety", "ot")])
    func lensCalloutsCarryTheirLens(marker: String, name: String, label: String, lens: String) {
        #expect(
            Self.render("> [!\(marker)]\n> Body.\n")
                == "<aside class=\"callout callout-\(name)\" data-callout=\"\(name)\" data-lens=\"\(lens)\">\n"
                + "<p class=\"callout-title\">\(label)</p>\n<p>Body.</p>\n</aside>\n")
    }

    @Test func aCustomTitleReplacesTheLabelAndKeepsInlineMarkdown() {
        #expect(
            Self.render("> [!WARNING] Do *not* scan <script>\n> The PLC may stop.\n") == """
                <aside class="callout callout-warning" data-callout="warning">
                <p class="callout-title">Do <em>not</em> scan <!-- raw HTML omitted --></p>
                <p>The PLC may stop.</p>
                </aside>

                """)
    }

    @Test func aTitleIsEscaped() {
        #expect(
            Self.render("> [!NOTE] a < b & \"c\"\n").contains(
                "<p class=\"callout-title\">a &lt; b &amp; &quot;c&quot;</p>"))
    }

    @Test func aMarkerAloneMakesATitleOnlyCallout() {
        #expect(
            Self.render("> [!TIP]\n")
                == "<aside class=\"callout callout-tip\" data-callout=\"tip\">\n<p class=\"callout-title\">Tip</p>\n</aside>\n"
        )
    }

    @Test func aHardBreakAfterTheMarkerIsRemovedToo() {
        #expect(Self.render("> [!NOTE]  \n> Body.\n").contains("<p class=\"callout-title\">Note</p>\n<p>Body.</p>"))
    }

    @Test func unknownMarkersStayBlockquotes() {
        let markdown = "> [!FOO]\n> Body.\n"
        #expect(Self.render(markdown) == MarkdownDocument.html(from: markdown))
    }

    @Test func markersMustStandAlone() {
        for markdown in [
            "> [!NOTE]x\n", "> [!NOTE]*x*\n", "> Text [!NOTE]\n", "> *[!NOTE]*\n", "> ```\n> [!NOTE]\n> ```\n",
        ] {
            #expect(Self.render(markdown) == MarkdownDocument.html(from: markdown), "\(markdown)")
        }
    }

    @Test func nestedContentKeepsWorking() {
        #expect(
            Self.render(
                "> [!OT]\n> Before patching:\n>\n> - ask the vendor\n> - plan the outage\n>\n> ```\n> code\n> ```\n")
                    == """
                    <aside class="callout callout-ot" data-callout="ot" data-lens="ot">
                    <p class="callout-title">OT</p>
                    <p>Before patching:</p>
                    <ul>
                    <li>ask the vendor</li>
                    <li>plan the outage</li>
                    </ul>
                    <pre><code>code
                    </code></pre>
                    </aside>

                    """)
    }

    @Test func calloutsNestAndWorkInLists() {
        let html = Self.render("- > [!NOTE]\n  > > [!CAUTION] Inner\n  > > text\n")
        #expect(
            html == """
                <ul>
                <li>
                <aside class="callout callout-note" data-callout="note">
                <p class="callout-title">Note</p>
                <aside class="callout callout-caution" data-callout="caution">
                <p class="callout-title">Inner</p>
                <p>text</p>
                </aside>
                </aside>
                </li>
                </ul>

                """)
    }

    @Test func aTableInsideACalloutWorksAfterPipeTables() {
        let markdown = "> [!IT] Verdicts\n> | tool | verdict |\n> | --- | --- |\n> | EDR | avoid |\n"
        let document = MarkdownDocument(parsing: markdown)
        PipeTables.apply(to: document.root, source: markdown, options: [])
        Callouts.apply(to: document.root)
        #expect(
            document.renderHTML().hasPrefix(
                "<aside class=\"callout callout-it\" data-callout=\"it\" data-lens=\"it\">\n"
                    + "<p class=\"callout-title\">Verdicts</p>\n<table>\n<thead>\n"))
    }
}
