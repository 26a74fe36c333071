import CrosswalkMarkdown

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
/// of type 7 stays a row; blocks that follow a lazy line inside the same container stay there.
enum PipeTables {
    /// cmark-gfm's limit on padding cells, against tables built to exhaust memory.
    static let maximumPaddingCells = 0x80000

    /// Turns every table under `root` into table HTML. `source` is the text `root` was parsed
    /// from: block positions point into it.
    static func apply(to root: MarkdownNode, source: String, options: MarkdownOptions) {
        guard source.utf8.contains(PipeTableSyntax.pipe) else { return }
        var candidates: [MarkdownNode] = []
        root.walk { event, node in
            guard event == .enter else { return }
            // A setext heading is a paragraph plus its underline; it needs at least three lines.
            if node.type == .paragraph || (node.type == .heading && node.endLine > node.startLine + 1) {
                candidates.append(node)
            }
        }
        guard !candidates.isEmpty else { return }
        let lines = SourceLines(source)
        for block in candidates where mayHoldTable(block, lines: lines) {
            convert(block, lines: lines, options: options)
        }
    }

    /// What the source lines of one paragraph make, when they hold a table.
    struct Layout {
        /// Index (into the block's lines) of the header row; lines before it stay a paragraph.
        var headerIndex: Int
        var alignments: [PipeTableSyntax.Alignment]
        var header: [[UInt8]]
        var rows: [[[UInt8]]]
        /// Index of the first line after the table (the block's line count when none).
        var end: Int
        /// Containers the first line after the table continues; fewer than all puts the rest
        /// outside (the line was lazy).
        var restDepth: Int
    }

    /// Finds a table in `lines` (content lines first, then a setext underline, if any, as the
    /// last entry) of a block nested in `depth` containers, the way cmark-gfm does while it
    /// reads the paragraph: the first delimiter-like line decides.
    static func layout(of lines: [BlockLine], contentCount: Int, depth: Int) -> Layout? {
        guard contentCount >= 2 else { return nil }
        for index in 1..<contentCount {
            let line = lines[index]
            guard line.depth == depth, line.indent < 4, PipeTableSyntax.isDelimiterRow(line.content) else { continue }
            guard let delimiter = PipeTableSyntax.cells(of: line.content),
                let header = PipeTableSyntax.cells(of: lines[index - 1].content),
                header.count == delimiter.count
            else { return nil }
            var layout = Layout(
                headerIndex: index - 1, alignments: delimiter.map(PipeTableSyntax.alignment(of:)), header: header,
                rows: [], end: lines.count, restDepth: depth)
            var padding = 0
            var next = index + 1
            while next < lines.count {
                let row = lines[next]
                if row.depth < depth {
                    layout.restDepth = row.depth
                    break
                }
                guard row.indent < 4, !PipeTableSyntax.startsBlockAfterTable(row.content),
                    padding <= maximumPaddingCells, var cells = PipeTableSyntax.cells(of: row.content)
                else { break }
                if cells.count > header.count { cells.removeLast(cells.count - header.count) }
                padding += header.count - cells.count
                cells += Array(repeating: [], count: header.count - cells.count)
                layout.rows.append(cells)
                next += 1
            }
            layout.end = next
            return layout
        }
        return nil
    }

    // MARK: - Rewriting the tree

    /// A cheap test before any line matching: a pipe, and a dash for the delimiter row.
    private static func mayHoldTable(_ block: MarkdownNode, lines: SourceLines) -> Bool {
        guard block.startLine > 0 else { return false }
        var pipe = false
        var dash = false
        for number in block.startLine...max(block.startLine, block.endLine) {
            for byte in lines.line(number) {
                if byte == PipeTableSyntax.pipe { pipe = true }
                if byte == PipeTableSyntax.dash { dash = true }
            }
            if pipe && dash { return true }
        }
        return false
    }

    private static func convert(_ block: MarkdownNode, lines source: SourceLines, options: MarkdownOptions) {
        let chain = ContainerChain(of: block, in: source)
        let lineCount = block.endLine - block.startLine + 1
        let lines = chain.lines(from: block.startLine, column: block.startColumn, count: lineCount)
        let contentCount = block.type == .heading ? lineCount - 1 : lineCount
        guard let layout = layout(of: lines, contentCount: contentCount, depth: chain.count) else { return }

        if layout.headerIndex > 0 {
            // cmark-gfm unescapes pipes in the text before the table too.
            let text = Array(
                lines[..<layout.headerIndex].map { $0.content }.joined(separator: [PipeTableSyntax.newline]))
            let paragraph = PipeTableSyntax.trim(PipeTableSyntax.unescapePipes(text))
            let parsed = MarkdownDocument(
                parsing: padded(paragraph, toLine: block.startLine), options: options)
            withExtendedLifetime(parsed) {
                for child in parsed.root.children { moveBefore(block, child) }
            }
        }

        moveBefore(block, table(layout, lines: lines, source: source, options: options))

        if layout.end < lines.count {
            let rest = lines[layout.end...]
            let text = rest.map { chain.text(ofLine: $0.number, depth: layout.restDepth) }
                .joined(separator: [PipeTableSyntax.newline])
            let markdown = padded(Array(text) + [PipeTableSyntax.newline], toLine: rest[rest.startIndex].number)
            let parsed = MarkdownDocument(parsing: markdown, options: options)
            // The rest may hold another table (cmark-gfm starts a new paragraph there).
            apply(to: parsed.root, source: markdown, options: options)
            withExtendedLifetime(parsed) {
                if layout.restDepth < chain.count {
                    var anchor = chain.containers[layout.restDepth].node
                    // Blocks cannot follow a list item inside its list: they follow the list.
                    if anchor.type == .item, let list = anchor.parent { anchor = list }
                    for child in parsed.root.children {
                        child.unlink()
                        if anchor.insertAfter(child) { anchor = child } else { child.free() }
                    }
                } else {
                    for child in parsed.root.children { moveBefore(block, child) }
                }
            }
        }
        block.free()
    }

    /// Markdown whose first line is numbered `line`, so parsed blocks keep the page's lines.
    private static func padded(_ text: [UInt8], toLine line: Int) -> String {
        String(decoding: [UInt8](repeating: PipeTableSyntax.newline, count: max(line - 1, 0)) + text, as: UTF8.self)
    }

    /// Inserts `node` before `anchor`, taking it out of whatever tree holds it.
    private static func moveBefore(_ anchor: MarkdownNode, _ node: MarkdownNode) {
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
        withExtendedLifetime(cells) {
            var next = 0
            func row(_ texts: [[UInt8]], line: BlockLine, tag: String) -> MarkdownNode {
                let attribute = positions ? sourcePosition(from: line, to: line, source: source) : ""
                let row = MarkdownNode.customBlock(enter: "<tr\(attribute)>", exit: "</tr>")
                for (column, _) in texts.enumerated() {
                    let align = layout.alignments[column].attribute
                    let inline = MarkdownNode.customInline(enter: "<\(tag)\(align)>", exit: "</\(tag)>")
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
            head.append(row(layout.header, line: headerLine, tag: "th"))
            table.append(head)
            guard !layout.rows.isEmpty else { return }
            let body = MarkdownNode.customBlock(enter: "<tbody>", exit: "</tbody>")
            for (texts, line) in zip(layout.rows, rowLines) { body.append(row(texts, line: line, tag: "td")) }
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

/// The inline markdown of a table's cells, parsed by libcmark in one document: each non-empty
/// cell becomes one paragraph. A no-break space starts every cell's line so that no cell can
/// open a block (`# x`, `- x`, `> x`, `[a]: b`) and so that the cell's first character is
/// flanked by whitespace, as at the start of a line; it is removed again after parsing.
private final class CellContents {
    private let document: MarkdownDocument
    /// Per cell, its paragraph in `document` (nil for an empty cell).
    private var paragraphs: [MarkdownNode?] = []

    init(texts: [[UInt8]], options: MarkdownOptions) {
        let lead: [UInt8] = [0xC2, 0xA0]
        let lines = texts.filter { !$0.isEmpty }.map { lead + $0 }
        let markdown = String(decoding: lines.joined(separator: [0x0A, 0x0A]) + [0x0A], as: UTF8.self)
        document = MarkdownDocument(parsing: markdown, options: options)
        var parsed = document.root.children[...]
        for text in texts {
            paragraphs.append(text.isEmpty ? nil : parsed.popFirst())
        }
    }

    /// Moves the inline nodes of cell `index` into `wrapper`.
    func move(cell index: Int, into wrapper: MarkdownNode) {
        guard index < paragraphs.count, let paragraph = paragraphs[index] else { return }
        if let first = paragraph.firstChild, first.type == .text, let literal = first.literal,
            literal.unicodeScalars.first == "\u{A0}"
        {
            let rest = String(literal.unicodeScalars.dropFirst())
            if rest.isEmpty { first.free() } else { first.literal = rest }
        }
        wrapper.adoptChildren(of: paragraph)
    }
}
