import CrosswalkMarkdown
import Foundation

/// GFM pipe tables as an AST transform over libcmark's CommonMark tree, rendering exactly the
/// HTML of cmark-gfm's table extension.
///
/// CommonMark reads a table as a paragraph (or, with a `---`/`===` line under it, a setext
/// heading). The paragraph's source lines are matched against GFM's rules — header row,
/// delimiter row, body rows up to a line that leaves the container or opens a block — and the
/// paragraph is replaced by custom blocks. Cell text is parsed by libcmark as inline markdown
/// and the resulting inline nodes are moved into the cells. Text before the header row stays a
/// paragraph; lines after the table's end are parsed again as markdown.
///
/// Known differences from cmark-gfm: reference-style links inside cells (and in text parsed
/// again) do not see the page's link reference definitions; a row that is an HTML block start
/// of type 7 stays a row; a link reference definition right before a header row is a
/// definition here, text there.
enum PipeTables {
    /// cmark-gfm's limit on padding cells, against tables built to exhaust memory.
    static let maximumPaddingCells = 0x80000
    /// Lines after a table are parsed again and searched for tables; a paragraph of many tables
    /// each broken by a non-row line would make that quadratic, so the search stops this deep.
    static let maximumNesting = 16

    /// Turns every table under `root` into table HTML. `source` is the text `root` was parsed
    /// from: block positions point into it.
    static func apply(to root: MarkdownNode, source: String, options: MarkdownOptions) {
        apply(to: root, source: source, pass: Pass(options: options, nesting: 0, lazyLines: []))
    }

    /// One search for tables: the page's, or one in lines parsed again after a table.
    struct Pass {
        var options: MarkdownOptions
        /// How many parses again this one is inside.
        var nesting: Int
        /// Lines that were lazy in the page; parsed again they look like any other line, but
        /// they still cannot be a delimiter row or a body row.
        var lazyLines: Set<Int>
    }

    /// What a pass leaves for the pass that parsed its lines again.
    struct Found {
        /// Lines where a table ended on a line lazy in the page: there cmark-gfm closes the
        /// containers the line skips, which only the caller's pass can do.
        var breaks: Set<Int> = []
        /// Tables without body rows, to loosen lists with once they sit in the page.
        var bareTables: [MarkdownNode] = []

        mutating func add(_ other: Found) {
            breaks.formUnion(other.breaks)
            bareTables += other.bareTables
        }
    }

    @discardableResult
    static func apply(to root: MarkdownNode, source: String, pass: Pass) -> Found {
        var source = source
        // memchr, not a byte loop through the view: most pages have no table at all. A pipe
        // alone says little (every `[[a|b]]` has one), so a line that could be a delimiter
        // row is looked for as well, before any walk or line table.
        let worthLooking = source.withUTF8 { bytes in
            bytes.holdsByte(PipeTableSyntax.pipe) && PipeTableSyntax.mayHoldDelimiterRow(bytes)
        }
        guard worthLooking else { return Found() }
        var candidates: [MarkdownNode] = []
        root.walkBlocks { node in
            // A setext heading is a paragraph plus its underline; it needs at least three lines.
            if node.type == .paragraph || (node.type == .heading && node.endLine > node.startLine + 1) {
                candidates.append(node)
            }
        }
        guard !candidates.isEmpty else { return Found() }
        let lines = SourceLines(source)
        // Blocks a table ran on into are freed with it; their views must not be used again.
        var consumed: Set<MarkdownNode> = []
        var found = Found()
        for block in candidates where !consumed.contains(block) && mayHoldTable(block, lines: lines) {
            let outcome = convert(block, lines: lines, pass: pass)
            consumed.formUnion(outcome.freed)
            found.add(outcome.found)
        }
        return found
    }

    // MARK: - Rewriting the tree

    /// A cheap test before any line matching: a pipe, and a dash for the delimiter row.
    private static func mayHoldTable(_ block: MarkdownNode, lines: SourceLines) -> Bool {
        guard block.startLine > 0 else { return false }
        let numbers = block.startLine...max(block.startLine, block.endLine)
        return lines.contains(PipeTableSyntax.pipe, in: numbers) && lines.contains(PipeTableSyntax.dash, in: numbers)
    }

    /// Replaces `block` (and blocks the table runs on into) when it holds a table; returns
    /// the nodes it freed.
    private static func convert(
        _ block: MarkdownNode, lines source: SourceLines, pass: Pass
    ) -> (freed: [MarkdownNode], found: Found) {
        let chain = ContainerChain(of: block, in: source)
        let options = pass.options
        guard let own = chain.blockLines(of: block).map(pass.markingLazy),
            var layout = layout(of: own.lines, contentCount: own.contentCount, depth: chain.count)
        else { return ([], Found()) }
        var lines = own.lines
        let contentCount = own.contentCount
        var blocks = [block]
        // A setext underline read as a row lets the table run on into the paragraph or
        // heading libcmark started on the next line (a heading's underline may be a row too).
        if layout.end == lines.count {
            var last = block
            while last.type == .heading, let next = last.next, next.type == .paragraph || next.type == .heading,
                next.startLine == (lines.last?.number ?? 0) + 1, let more = chain.blockLines(of: next)
            {
                lines += pass.markingLazy(more).lines
                blocks.append(next)
                last = next
            }
            if blocks.count > 1, let longer = self.layout(of: lines, contentCount: contentCount, depth: chain.count) {
                layout = longer
            }
        }

        if layout.headerIndex > 0 {
            // Indented by four, a line can only continue the paragraph, as it did (lazily,
            // perhaps) in the page: `===` is no underline then. cmark-gfm unescapes pipes here too.
            let text = Array(
                lines[..<layout.headerIndex].map { $0.content }.joined(separator: Array("\n    ".utf8)))
            let paragraph = PipeTableSyntax.trim(PipeTableSyntax.unescapePipes(text))
            let parsed = MarkdownDocument(
                parsing: padded(paragraph, toLine: block.startLine), options: options)
            withExtendedLifetime(parsed) {
                for child in parsed.root.children { moveBefore(block, child) }
            }
        }

        // A `---` under the table is a thematic break, which cmark never counts as ending in
        // a blank line; the heading libcmark saw there did, and may have loosened its list.
        if layout.end == lines.count - 1, PipeTableSyntax.isThematicBreak(lines[layout.end].content),
            let item = block.parent, item.type == .item, let list = item.parent
        {
            retighten(list, source: source, ignoring: blocks.last)
        }

        let table = table(layout, lines: lines, source: source, options: options)
        moveBefore(block, table)

        var freed = blocks
        var found = Found()
        var shortened: [MarkdownNode] = []
        if layout.end < lines.count {
            var rest = TableRest(chain: chain, pass: pass)
            let first = lines[layout.end].number
            let last = blocks[blocks.count - 1]
            if layout.restDepth >= 0 && layout.restDepth < chain.count {
                rest.close(from: last, atLine: first, depth: layout.restDepth)
            } else {
                // A line lazy in the page (depth -1) is the caller's to close at.
                if layout.restDepth < 0 { found.breaks.insert(first) }
                rest.place(lines: first...lines[lines.count - 1].number, depth: chain.count, at: .before(last))
            }
            freed += rest.freed
            found.add(rest.found)
            shortened = rest.shortenedLists
        }
        for consumed in blocks { consumed.free() }
        for list in shortened { retighten(list, source: source) }
        if layout.rows.isEmpty { found.bareTables.append(table) }
        for bare in found.bareTables { loosenLists(endingWith: bare) }
        return (freed, found)
    }

    /// cmark-gfm leaves a table without body rows marked as ending in a blank line (it reads
    /// the delimiter row as consumed, the rest of the line blank), and a list whose item ends
    /// with a blank line before more content is loose. Output matches it, `<p>` and all.
    private static func loosenLists(endingWith table: MarkdownNode) {
        var node = table
        while let item = node.parent, item.type == .item, let list = item.parent {
            if node.next != nil || item.next != nil {
                list.isTightList = false
                return
            }
            node = list
        }
    }

    /// Markdown whose first line is numbered `line`, so parsed blocks keep the page's lines.
    static func padded(_ text: [UInt8], toLine line: Int) -> String {
        String(decoding: [UInt8](repeating: PipeTableSyntax.newline, count: max(line - 1, 0)) + text, as: UTF8.self)
    }

    /// Inserts `node` before `anchor`, taking it out of whatever tree holds it.
    static func moveBefore(_ anchor: MarkdownNode, _ node: MarkdownNode) {
        node.unlink()
        if !anchor.insertBefore(node) { node.free() }
    }

    private static func table(
        _ layout: Layout, lines: [BlockLine], source: SourceLines, options: MarkdownOptions
    ) -> MarkdownNode {
        let positions = options.contains(.sourcePositions)
        let headerLine = lines[layout.headerIndex]
        let rowLines = lines[(layout.headerIndex + 2)..<layout.end]
        let lastLine = rowLines.last ?? lines[layout.headerIndex + 1]
        let tableAttribute =
            positions
            ? sourcePosition(from: headerLine, to: lastLine, source: source) : ""
        let table = MarkdownNode.customBlock(enter: "<table\(tableAttribute)>", exit: "</table>")

        let cells = CellContents(texts: layout.header + layout.rows.joined(), options: options)
        // Each column's opening tags taken once per table, not once per cell.
        let openTags = (
            header: layout.alignments.map { $0.openTag(header: true) },
            body: layout.alignments.map { $0.openTag(header: false) }
        )
        withExtendedLifetime(cells) {
            var next = 0
            func row(_ texts: [[UInt8]], line: BlockLine, isHeader: Bool) -> MarkdownNode {
                let enter = positions ? "<tr\(sourcePosition(from: line, to: line, source: source))>" : "<tr>"
                let row = MarkdownNode.customBlock(enter: enter, exit: "</tr>")
                let tags = isHeader ? openTags.header : openTags.body
                for column in texts.indices {
                    let inline = MarkdownNode.customInline(enter: tags[column], exit: isHeader ? "</th>" : "</td>")
                    cells.move(cell: next, into: inline)
                    next += 1
                    // A block of its own puts each cell on its own line, as cmark-gfm does.
                    let cellBlock = MarkdownNode.customBlock(enter: "", exit: "")
                    cellBlock.append(inline)
                    row.append(cellBlock)
                }
                return row
            }
            let head = MarkdownNode.customBlock(enter: "<thead>", exit: "</thead>")
            head.append(row(layout.header, line: headerLine, isHeader: true))
            table.append(head)
            guard !layout.rows.isEmpty else { return }
            let body = MarkdownNode.customBlock(enter: "<tbody>", exit: "</tbody>")
            for (texts, line) in zip(layout.rows, rowLines) { body.append(row(texts, line: line, isHeader: false)) }
            table.append(body)
        }
        return table
    }

    /// ` data-sourcepos="l:c-l:c"` over whole lines, in libcmark's 1-based byte columns.
    private static func sourcePosition(from first: BlockLine, to last: BlockLine, source: SourceLines) -> String {
        let startColumn = source.line(first.number).count - first.content.count + 1
        let endColumn = source.line(last.number).count
        return " data-sourcepos=\"\(first.number):\(startColumn)-\(last.number):\(endColumn)\""
    }
}
