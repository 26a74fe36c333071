import Foundation

/// The line-level syntax of GFM pipe tables, ported from cmark-gfm's table extension
/// (`extensions/table.c`, `ext_scanners.re`) so that rows split exactly as GitHub splits them.
/// Every function takes one line's bytes from its first non-space, without the line ending.
enum PipeTableSyntax {
    enum Alignment: Sendable, Equatable {
        case none, left, center, right

        /// `<th>` or `<td>` with the attribute cmark-gfm writes: literals, not made again for
        /// every table.
        func openTag(header: Bool) -> String {
            switch (self, header) {
            case (.none, true): "<th>"
            case (.left, true): "<th align=\"left\">"
            case (.center, true): "<th align=\"center\">"
            case (.right, true): "<th align=\"right\">"
            case (.none, false): "<td>"
            case (.left, false): "<td align=\"left\">"
            case (.center, false): "<td align=\"center\">"
            case (.right, false): "<td align=\"right\">"
            }
        }
    }

    /// cmark-gfm gives up on a row past this many cells (its `uint16_t` column count).
    static let maximumColumns = 65_535

    /// `[|]? marker ([|] marker)* [|]? spacechar* newline`, marker `spacechar* :? -+ :? spacechar*`.
    static func isDelimiterRow(_ line: [UInt8]) -> Bool {
        var index = 0
        if index < line.count && line[index] == pipe { index += 1 }
        guard scanMarker(line, &index) else { return false }
        while index < line.count && line[index] == pipe {
            index += 1
            var next = index
            if scanMarker(line, &next) {
                index = next
                continue
            }
            while index < line.count && isSpaceChar(line[index]) { index += 1 }
            break
        }
        return index == line.count
    }

    /// False only when no line of `text` can be a delimiter row: such a row, after its
    /// container prefixes (spaces, tabs, `>`; a line inside a paragraph carries no list
    /// marker), is pipes, colons, dashes and spaces, with a dash. Finds each dash with memchr
    /// and looks around it, once per byte at most: every page is asked, few hold a table.
    static func mayHoldDelimiterRow(_ text: UnsafeBufferPointer<UInt8>) -> Bool {
        guard let base = text.baseAddress else { return false }
        func fits(_ byte: UInt8) -> Bool {
            byte == dash || byte == pipe || byte == colon || isSpaceChar(byte) || byte == UInt8(ascii: ">")
        }
        func endsLine(_ byte: UInt8) -> Bool { byte == newline || byte == carriageReturn }
        var offset = 0
        // The last dash looked at, and where the run of fitting bytes around it starts: a run
        // is walked back over once, however many dashes it holds.
        var previous: (dash: Int, runStart: Int)?
        while offset < text.count, let found = memchr(base + offset, Int32(dash), text.count - offset) {
            let index = base.distance(to: found.assumingMemoryBound(to: UInt8.self))
            let floor = previous.map { $0.dash + 1 } ?? 0
            var start = index
            while start > floor, fits(text[start - 1]) { start -= 1 }
            if let previous, start == floor { start = previous.runStart }
            previous = (index, start)
            guard start == 0 || endsLine(text[start - 1]) else {
                offset = index + 1
                continue
            }
            var end = index + 1
            while end < text.count, fits(text[end]) { end += 1 }
            if end == text.count || endsLine(text[end]) { return true }
            // Dashes up to `end` share this run, which does not reach the line's end.
            offset = end
        }
        return false
    }

    /// The alignment a delimiter cell (already trimmed) asks for.
    static func alignment(of cell: [UInt8]) -> Alignment {
        let left = cell.first == colon
        let right = cell.last == colon
        switch (left, right) {
        case (true, true): return .center
        case (true, false): return .left
        case (false, true): return .right
        case (false, false): return .none
        }
    }

    /// The cells of a row, unescaped (`\|` → `|`) and trimmed; nil when the line is no row
    /// (no cell at all, or more than ``maximumColumns``). Port of `row_from_string`.
    static func cells(of line: [UInt8]) -> [[UInt8]]? {
        // The scanners expect the line ending, as cmark-gfm sees it.
        var text = line
        text.append(newline)
        var cells: [[UInt8]] = []
        // Room for a usual row at once, rather than growing by doubling from one.
        cells.reserveCapacity(8)
        var offset = pipeLength(text, at: 0)
        var expectMore = true
        while offset < text.count && expectMore {
            let cell = cellLength(text, at: offset)
            let pipe = pipeLength(text, at: offset + cell)
            if cell > 0 || pipe > 0 {
                guard cells.count < maximumColumns else { return nil }
                cells.append(trimmedAndUnescaped(text, offset..<offset + cell))
            }
            offset += cell + pipe
            if pipe == 0 {
                offset += rowEndLength(text, at: offset)
                expectMore = false
            }
        }
        return offset == text.count && !cells.isEmpty ? cells : nil
    }

    /// `\|` → `|`, everywhere (cmark-gfm does it before inline parsing, so also in code spans).
    static func unescapePipes<C: Collection<UInt8>>(_ bytes: C) -> [UInt8] {
        var result: [UInt8] = []
        result.reserveCapacity(bytes.count)
        var index = bytes.startIndex
        while index != bytes.endIndex {
            let next = bytes.index(after: index)
            if bytes[index] == backslash && next != bytes.endIndex && bytes[next] == pipe {
                index = next
                continue
            }
            result.append(bytes[index])
            index = next
        }
        return result
    }

    /// `trim(unescapePipes(text[range]))` in one allocation: trimming first is the same, as
    /// unescaping never touches whitespace and whitespace never splits a `\|`.
    static func trimmedAndUnescaped(_ text: [UInt8], _ range: Range<Int>) -> [UInt8] {
        var lower = range.lowerBound
        var upper = range.upperBound
        while lower < upper && isSpace(text[lower]) { lower += 1 }
        while upper > lower && isSpace(text[upper - 1]) { upper -= 1 }
        guard lower < upper else { return [] }
        // Most cells have no backslash: copied at once, not byte by byte.
        if !text[lower..<upper].contains(backslash) { return Array(text[lower..<upper]) }
        var result: [UInt8] = []
        result.reserveCapacity(upper - lower)
        var index = lower
        while index < upper {
            if text[index] == backslash && index + 1 < upper && text[index + 1] == pipe { index += 1 }
            result.append(text[index])
            index += 1
        }
        return result
    }

    /// Removes cmark's whitespace (space, tab, LF, VT, FF, CR) from both ends.
    static func trim(_ bytes: [UInt8]) -> [UInt8] {
        guard let first = bytes.firstIndex(where: { !isSpace($0) }),
            let last = bytes.lastIndex(where: { !isSpace($0) })
        else { return [] }
        return Array(bytes[first...last])
    }

    /// True when the line opens a block that cannot interrupt a paragraph in CommonMark but
    /// does end a table in GFM: any list item (also empty, or ordered from another number than
    /// 1) or a thematic break (a setext underline `---` under a table is one).
    static func startsBlockAfterTable(_ line: [UInt8]) -> Bool {
        isListItemStart(line) || isThematicBreak(line)
    }

    static func isListItemStart(_ line: [UInt8]) -> Bool {
        guard let first = line.first else { return false }
        var index: Int
        if first == UInt8(ascii: "-") || first == UInt8(ascii: "+") || first == UInt8(ascii: "*") {
            index = 1
        } else {
            index = 0
            while index < line.count && index < 9 && isDigit(line[index]) { index += 1 }
            guard index > 0, index < line.count,
                line[index] == UInt8(ascii: ".") || line[index] == UInt8(ascii: ")")
            else { return false }
            index += 1
        }
        return index == line.count || line[index] == space || line[index] == tab
    }

    /// An HTML block of type 7: one complete open or closing tag, then only spaces.
    static func isHTMLBlockStart7(_ line: [UInt8]) -> Bool {
        guard line.first == UInt8(ascii: "<"), let close = line.firstIndex(of: UInt8(ascii: ">")) else { return false }
        guard line[(close + 1)...].allSatisfy({ $0 == space || $0 == tab }) else { return false }
        var name = line[1..<close].drop { $0 == UInt8(ascii: "/") }
        if name.last == UInt8(ascii: "/") { name = name.dropLast() }
        guard let letter = name.first, (letter | 0x20) >= UInt8(ascii: "a") && (letter | 0x20) <= UInt8(ascii: "z")
        else { return false }
        return !name.contains(UInt8(ascii: "<"))
    }

    /// The line with a backslash before the character that would open a block (a quote,
    /// heading, list item, fence, thematic break or setext underline); it renders the same.
    static func escapingBlockStart(_ line: [UInt8]) -> [UInt8] {
        guard let first = line.first else { return line }
        var digits = 0
        while digits < line.count && isDigit(line[digits]) { digits += 1 }
        if digits > 0 {
            guard isListItemStart(line) else { return line }
            return Array(line[..<digits]) + [backslash] + Array(line[digits...])
        }
        let starters: [UInt8] = Array(">#-+*=_`~".utf8)
        return starters.contains(first) ? [backslash] + line : line
    }

    static func isThematicBreak(_ line: [UInt8]) -> Bool {
        guard let marker = line.first,
            marker == UInt8(ascii: "-") || marker == UInt8(ascii: "*") || marker == UInt8(ascii: "_")
        else { return false }
        var count = 0
        for byte in line {
            if byte == marker {
                count += 1
            } else if byte != space && byte != tab {
                return false
            }
        }
        return count >= 3
    }

    // MARK: - Scanners

    static let pipe = UInt8(ascii: "|")
    static let backslash = UInt8(ascii: "\\")
    static let colon = UInt8(ascii: ":")
    static let dash = UInt8(ascii: "-")
    static let space = UInt8(ascii: " ")
    static let tab = UInt8(ascii: "\t")
    static let newline = UInt8(ascii: "\n")
    static let carriageReturn = UInt8(ascii: "\r")

    /// `[ \t\v\f]`, the scanners' `spacechar`.
    static func isSpaceChar(_ byte: UInt8) -> Bool {
        byte == space || byte == tab || byte == 0x0B || byte == 0x0C
    }

    static func isSpace(_ byte: UInt8) -> Bool {
        isSpaceChar(byte) || byte == newline || byte == carriageReturn
    }

    static func isDigit(_ byte: UInt8) -> Bool { byte >= UInt8(ascii: "0") && byte <= UInt8(ascii: "9") }

    private static func scanMarker(_ line: [UInt8], _ index: inout Int) -> Bool {
        var position = index
        while position < line.count && isSpaceChar(line[position]) { position += 1 }
        if position < line.count && line[position] == colon { position += 1 }
        let dashes = position
        while position < line.count && line[position] == dash { position += 1 }
        guard position > dashes else { return false }
        if position < line.count && line[position] == colon { position += 1 }
        while position < line.count && isSpaceChar(line[position]) { position += 1 }
        index = position
        return true
    }

    /// `(escaped_char | [^|\r\n])+`, longest match: a pipe right after a backslash never ends a
    /// cell, even after another backslash (`\\|` stays in the cell, as on GitHub).
    private static func cellLength(_ text: [UInt8], at offset: Int) -> Int {
        var index = offset
        while index < text.count {
            let byte = text[index]
            if byte == newline || byte == carriageReturn { break }
            if byte == pipe && !(index > offset && text[index - 1] == backslash) { break }
            index += 1
        }
        return index - offset
    }

    /// `[|] spacechar*`
    private static func pipeLength(_ text: [UInt8], at offset: Int) -> Int {
        guard offset < text.count, text[offset] == pipe else { return 0 }
        var index = offset + 1
        while index < text.count && isSpaceChar(text[index]) { index += 1 }
        return index - offset
    }

    /// `spacechar* newline`
    private static func rowEndLength(_ text: [UInt8], at offset: Int) -> Int {
        var index = offset
        while index < text.count && isSpaceChar(text[index]) { index += 1 }
        if index < text.count && text[index] == carriageReturn { index += 1 }
        guard index < text.count, text[index] == newline else { return 0 }
        return index + 1 - offset
    }
}
