import CrosswalkMarkdown
import Foundation
import Testing

@testable import CrosswalkKit

@Suite struct PipeTablesTests {
    static func render(_ markdown: String, options: MarkdownOptions = []) -> String {
        let document = MarkdownDocument(parsing: markdown, options: options)
        PipeTables.apply(to: document.root, source: markdown, options: options)
        return document.renderHTML()
    }

    /// The examples of the GFM spec's table section, read like ``CommonMarkSpecTests`` reads
    /// the CommonMark spec (the fence line here is "example table").
    static func examples() -> [CommonMarkSpecTests.Example] {
        let path = CommonMarkSpecTests.specDirectory + "/gfm-tables.txt"
        guard let text = try? String(contentsOfFile: path, encoding: .utf8) else {
            Issue.record("GFM table examples not found at \(path): set CROSSWALK_COMMONMARK_DIR")
            return []
        }
        let fence = String(repeating: "`", count: 32)
        var examples: [CommonMarkSpecTests.Example] = []
        var lines = text.split(separator: "\n", omittingEmptySubsequences: false)[...]
        while let line = lines.popFirst() {
            guard line.hasPrefix(fence + " example") else { continue }
            var markdown: [Substring] = []
            while let next = lines.popFirst(), next != "." { markdown.append(next) }
            var html: [Substring] = []
            while let next = lines.popFirst(), next != fence { html.append(next) }
            func text(_ lines: [Substring]) -> String {
                lines.map { $0 + "\n" }.joined().replacingOccurrences(of: "→", with: "\t")
            }
            examples.append(
                .init(number: examples.count + 1, section: "Tables", markdown: text(markdown), html: text(html)))
        }
        return examples
    }

    @Test func allGFMTableExamplesAreByteIdentical() {
        let examples = Self.examples()
        guard !examples.isEmpty else { return }
        #expect(examples.count == 8)
        for example in examples {
            #expect(Self.render(example.markdown) == example.html, "GFM table example \(example.number)")
        }
    }

    @Test func cellsHoldInlineMarkdown() {
        let html = Self.render(
            """
            | Tool | Verdict |
            | :--- | ---: |
            | *EDR* agent | `avoid` on [PLCs](plc.md) |
            | **SIEM** & <b>x</b> | ok |

            """)
        #expect(
            html == """
                <table>
                <thead>
                <tr>
                <th align="left">Tool</th>
                <th align="right">Verdict</th>
                </tr>
                </thead>
                <tbody>
                <tr>
                <td align="left"><em>EDR</em> agent</td>
                <td align="right"><code>avoid</code> on <a href="plc.md">PLCs</a></td>
                </tr>
                <tr>
                <td align="left"><strong>SIEM</strong> &amp; <!-- raw HTML omitted -->x<!-- raw HTML omitted --></td>
                <td align="right">ok</td>
                </tr>
                </tbody>
                </table>

                """)
    }

    @Test func cellsThatLookLikeBlocksStayInline() {
        let html = Self.render("| a | b | c | d |\n|---|---|---|---|\n| # h | - x | > q | [r]: /u |\n")
        #expect(html.contains("<td># h</td>\n<td>- x</td>\n<td>&gt; q</td>\n<td>[r]: /u</td>"))
    }

    @Test func escapedPipesStayInTheCell() {
        let html = Self.render("| a | b |\n| - | - |\n| x \\| y | `p\\|q` |\n| \\\\| z | w |\n")
        #expect(html.contains("<td>x | y</td>\n<td><code>p|q</code></td>"))
        // As on GitHub, a pipe after any backslash belongs to the cell.
        #expect(html.contains("<td>| z</td>\n<td>w</td>"))
    }

    @Test func smartPunctuationAndUnderscoresWorkAtTheStartOfACell() {
        let html = Self.render("| a | b |\n| - | - |\n| \"quoted\" | _em_ |\n", options: .smart)
        #expect(html.contains("<td>“quoted”</td>\n<td><em>em</em></td>"))
    }

    @Test func tableInsideAListItem() {
        let html = Self.render("- item\n\n  | a | b |\n  | - | - |\n  | 1 | 2 |\n- next\n")
        #expect(
            html == """
                <ul>
                <li>
                <p>item</p>
                <table>
                <thead>
                <tr>
                <th>a</th>
                <th>b</th>
                </tr>
                </thead>
                <tbody>
                <tr>
                <td>1</td>
                <td>2</td>
                </tr>
                </tbody>
                </table>
                </li>
                <li>
                <p>next</p>
                </li>
                </ul>

                """)
    }

    @Test func tableInsideABlockquote() {
        let html = Self.render("> | a |\n> |:-:|\n> | 1 |\n")
        #expect(
            html
                == "<blockquote>\n<table>\n<thead>\n<tr>\n<th align=\"center\">a</th>\n</tr>\n</thead>\n<tbody>\n<tr>\n"
                + "<td align=\"center\">1</td>\n</tr>\n</tbody>\n</table>\n</blockquote>\n")
    }

    @Test func tableInsideAListInsideABlockquoteWithTabs() {
        let html = Self.render("> - x\n>\n>   | a |\n>\t| - |\n>   | 1 |\n")
        #expect(html.contains("<li>\n<p>x</p>\n<table>\n<thead>\n<tr>\n<th>a</th>"))
        #expect(html.contains("<td>1</td>\n</tr>\n</tbody>\n</table>\n</li>"))
    }

    @Test func aLazyLineEndsTheTableAndLeavesTheBlockquote() {
        let html = Self.render("> | a |\n> | - |\n> | 1 |\nafter\n")
        #expect(html.hasSuffix("<td>1</td>\n</tr>\n</tbody>\n</table>\n</blockquote>\n<p>after</p>\n"))
    }

    @Test func aLazyDelimiterRowMakesNoTable() {
        #expect(Self.render("> | a |\n| - |\n") == "<blockquote>\n<p>| a |\n| - |</p>\n</blockquote>\n")
    }

    @Test func textBeforeTheHeaderStaysAParagraph() {
        let html = Self.render("Verdicts *per* tool:\nsee \\| below\n| a |\n| - |\n| 1 |\n")
        #expect(html.hasPrefix("<p>Verdicts <em>per</em> tool:\nsee | below</p>\n<table>\n<thead>\n"))
    }

    @Test func aParagraphWithAPipeStaysAParagraph() {
        let markdown = "Use `a | b` or a | b here.\nIt is - not - a table.\n"
        #expect(Self.render(markdown) == MarkdownDocument.html(from: markdown))
    }

    @Test func mismatchedHeaderAndDelimiterMakeNoTable() {
        let markdown = "| a | b |\n| - |\n| c | d |\n| - | - |\n"
        #expect(Self.render(markdown) == MarkdownDocument.html(from: markdown))
    }

    @Test func anUnderlineUnderATableIsARowOrABreakNotAHeading() {
        #expect(Self.render("| a |\n| - |\n| 1 |\n===\n").contains("<td>1</td>\n</tr>\n<tr>\n<td>===</td>"))
        #expect(Self.render("| a |\n| - |\n| 1 |\n---\n").hasSuffix("</tbody>\n</table>\n<hr />\n"))
    }

    @Test func blocksThatCannotInterruptAParagraphStillEndATable() {
        let html = Self.render("| a |\n| - |\n| 1 |\n2. two\n    code\n")
        #expect(html.hasSuffix("</table>\n<ol start=\"2\">\n<li>two\ncode</li>\n</ol>\n"))
        let indented = Self.render("| a |\n| - |\n| 1 |\n    code\n")
        #expect(indented.hasSuffix("</table>\n<pre><code>code\n</code></pre>\n"))
    }

    @Test func aSecondTableAfterABrokenRowIsFound() {
        let html = Self.render("| a |\n| - |\n|\n| b |\n| - |\n")
        #expect(html.contains("<th>a</th>"))
        #expect(html.contains("</table>\n<p>|</p>\n<table>\n<thead>\n<tr>\n<th>b</th>"))
    }

    // The cases below were checked against cmark-gfm (its table extension) byte for byte.

    @Test func aLazyLineClosesTheListItemATableIsIn() {
        let html = Self.render("- | a |\n  | - |\n  | 1 |\nafter\n- b\n")
        #expect(
            html.hasSuffix(
                "<td>1</td>\n</tr>\n</tbody>\n</table>\n</li>\n</ul>\n<p>after</p>\n<ul>\n<li>b</li>\n</ul>\n"))
    }

    @Test func aLazyHeaderKeepsItsIndentationAsCmarkGFMReadsIt() {
        // ` | a | b |` joins the paragraph with its space: an empty first cell, then a and b.
        let html = Self.render("> intro\n | a | b |\n> |---|---|---|\n")
        #expect(html.contains("<p>intro</p>\n<table>\n<thead>\n<tr>\n<th></th>\n<th>a</th>\n<th>b</th>"))
    }

    @Test func rowsGoOnAfterAnEqualsUnderline() {
        #expect(Self.render("| a |\n| - |\n| 1 |\n===\n| 2 |\n").contains("<td>===</td>\n</tr>\n<tr>\n<td>2</td>"))
    }

    @Test func aRuleUnderATableKeepsItsListTight() {
        let html = Self.render("- | a |\n  | - |\n  | 1 |\n  ---\n\n- b\n")
        #expect(html.hasSuffix("</table>\n<hr />\n</li>\n<li>b</li>\n</ul>\n"))
    }

    @Test func aTableWithoutRowsLoosensItsListLikeCmarkGFM() {
        #expect(Self.render("- | a |\n  | - |\n- b\n").hasSuffix("</table>\n</li>\n<li>\n<p>b</p>\n</li>\n</ul>\n"))
    }

    @Test func windowsLineEndingsWork() {
        #expect(Self.render("| a |\r\n| - |\r\n| 1 |\r\n") == Self.render("| a |\n| - |\n| 1 |\n"))
    }

    @Test func sourcePositionsMarkTheTableAndItsRows() {
        let html = Self.render("intro\n\n| a |\n| - |\n| 1 |\n", options: .sourcePositions)
        #expect(html.contains("<table data-sourcepos=\"3:1-5:5\">\n<thead>\n<tr data-sourcepos=\"3:1-3:5\">"))
    }

    @Test func paddingCellsAreLimitedLikeCmarkGFM() {
        let source = SourceLines("| a | b | c |\n|-|-|-|\nx\ny\nz\n")
        let chain = ContainerChain(of: MarkdownDocument(parsing: "x\n").root, in: source)
        let lines = chain.lines(from: 1, column: 1, count: 5)
        let layout = PipeTables.layout(of: lines, contentCount: 5, depth: 0, paddingLimit: 3)
        // Rows are taken while no more than the limit has been padded: x (2), y (4), then stop.
        #expect(layout?.rows.count == 2)
        #expect(layout?.end == 4)
    }

    @Test func manyTablesInOneParagraphStayLinear() {
        let markdown = String(repeating: "| a |\n| - |\n|\n", count: 600)
        let html = Self.render(markdown)
        #expect(html.hasPrefix("<table>"))
        #expect(html.components(separatedBy: "<table>").count - 1 == PipeTables.maximumNesting + 1)
    }

    @Test func deeplyNestedListsStayLinear() {
        let markdown =
            String(repeating: "- ", count: 5000) + "| a |\n" + String(repeating: "  ", count: 5000) + "| - |\n"
        #expect(Self.render(markdown).contains("<th>a</th>"))
    }
}
