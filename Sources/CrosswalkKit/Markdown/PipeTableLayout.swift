import CrosswalkMarkdown

extension PipeTables {
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
    static func layout(
        of lines: [BlockLine], contentCount: Int, depth: Int, paddingLimit: Int = maximumPaddingCells
    ) -> Layout? {
        guard contentCount >= 2 else { return nil }
        for index in 1..<contentCount {
            let line = lines[index]
            guard line.depth == depth, line.indent < 4, PipeTableSyntax.isDelimiterRow(line.content) else { continue }
            // A lazy line joins the paragraph with its indentation, and cmark-gfm reads the
            // header from the paragraph's text: ` | a |` has an empty first cell there.
            let above = lines[index - 1]
            let headerText =
                above.depth < depth ? Array(repeating: 0x20, count: above.indent) + above.content : above.content
            guard let delimiter = PipeTableSyntax.cells(of: line.content),
                let header = PipeTableSyntax.cells(of: headerText),
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
                    padding <= paddingLimit, var cells = PipeTableSyntax.cells(of: row.content)
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
}

extension PipeTables.Pass {
    /// Lines lazy in the page get depth -1: never a delimiter row nor a body row.
    func markingLazy(_ block: (lines: [BlockLine], contentCount: Int)) -> (lines: [BlockLine], contentCount: Int) {
        guard !lazyLines.isEmpty else { return block }
        var lines = block.lines
        for index in lines.indices where lazyLines.contains(lines[index].number) { lines[index].depth = -1 }
        return (lines, block.contentCount)
    }
}

extension ContainerChain {
    /// The lines of a paragraph, or of a setext heading (its content lines, then its
    /// underline), and how many are content. Nil for an ATX heading.
    func blockLines(of block: MarkdownNode) -> (lines: [BlockLine], contentCount: Int)? {
        let lines = lines(from: block.startLine, column: block.startColumn, count: block.endLine - block.startLine + 1)
        guard block.type == .heading else { return (lines, lines.count) }
        guard let first = lines.first, !Self.isATXHeading(first.content) else { return nil }
        // libcmark 0.30 ends a setext heading on the line after its underline when there is
        // one, so the underline is found again: the first underline-like line not lazy.
        guard
            let underline = lines.indices.dropFirst().first(where: {
                lines[$0].depth == count && lines[$0].indent < 4 && Self.isSetextUnderline(lines[$0].content)
            })
        else { return nil }
        return (Array(lines[...underline]), underline)
    }

    static func isATXHeading(_ line: [UInt8]) -> Bool {
        let hashes = line.prefix { $0 == UInt8(ascii: "#") }.count
        guard (1...6).contains(hashes) else { return false }
        return hashes == line.count || line[hashes] == 0x20 || line[hashes] == 0x09
    }

    static func isSetextUnderline(_ line: [UInt8]) -> Bool {
        guard let marker = line.first, marker == UInt8(ascii: "=") || marker == UInt8(ascii: "-") else { return false }
        let rest = line.drop { $0 == marker }
        return rest.allSatisfy { $0 == 0x20 || $0 == 0x09 }
    }
}
