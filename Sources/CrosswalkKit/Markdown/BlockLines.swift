import CrosswalkMarkdown
import Foundation

/// The markdown source as libcmark numbers its lines (LF, CR LF and CR all end one), with the
/// container prefixes (`>` markers, list-item indentation) of a block's lines matched the way
/// libcmark matches them. libcmark 0.30 keeps no per-line offsets, so a transform that needs a
/// paragraph's raw lines recomputes them from the block's start position and its ancestors.
struct SourceLines {
    private let bytes: [UInt8]
    private var starts: [Int] = []
    private var ends: [Int] = []

    init(_ source: String) {
        var bytes = Array(source.utf8)
        // libcmark skips a leading byte-order mark before counting columns.
        if bytes.starts(with: [0xEF, 0xBB, 0xBF]) { bytes.removeFirst(3) }
        self.bytes = bytes
        var starts: [Int] = []
        var ends: [Int] = []
        bytes.withUnsafeBufferPointer { bytes in
            guard let base = bytes.baseAddress else { return }
            var start = 0
            if memchr(base, 0x0D, bytes.count) == nil {
                // Line feeds only (nearly every file): memchr from one to the next.
                while start < bytes.count, let found = memchr(base + start, 0x0A, bytes.count - start) {
                    let index = base.distance(to: found.assumingMemoryBound(to: UInt8.self))
                    starts.append(start)
                    ends.append(index)
                    start = index + 1
                }
            } else {
                var index = 0
                while index < bytes.count {
                    let byte = bytes[index]
                    if byte == 0x0A || byte == 0x0D {
                        starts.append(start)
                        ends.append(index)
                        if byte == 0x0D && index + 1 < bytes.count && bytes[index + 1] == 0x0A { index += 1 }
                        start = index + 1
                    }
                    index += 1
                }
            }
            if start < bytes.count {
                starts.append(start)
                ends.append(bytes.count)
            }
        }
        self.starts = starts
        self.ends = ends
    }

    var count: Int { starts.count }

    /// Whether any of the lines `numbers` (clamped to the text) holds `byte`, which must not
    /// be a line ending.
    func contains(_ byte: UInt8, in numbers: ClosedRange<Int>) -> Bool {
        let first = max(numbers.lowerBound, 1)
        let last = min(numbers.upperBound, starts.count)
        guard first <= last else { return false }
        // One memchr over the lines and the line endings between them.
        let start = starts[first - 1]
        let end = ends[last - 1]
        return bytes.withUnsafeBufferPointer { buffer in
            guard let base = buffer.baseAddress, end > start else { return false }
            return memchr(base + start, Int32(byte), end - start) != nil
        }
    }

    /// The bytes of 1-based line `number` without its line ending (empty when out of range).
    func line(_ number: Int) -> ArraySlice<UInt8> {
        guard number >= 1 && number <= starts.count else { return [] }
        return bytes[starts[number - 1]..<ends[number - 1]]
    }
}

/// One line of a paragraph-like block, after its container prefixes.
struct BlockLine {
    var number: Int
    /// How many of the block's containers the line continues; fewer than all is a lazy line.
    var depth: Int
    /// Columns of indentation before the content, after the matched containers.
    var indent: Int
    /// The text from its first non-space character.
    var content: [UInt8]
}

/// The chain of containers (block quotes, list items) a block sits in, outermost first, and
/// how each one's prefix is matched on a line.
struct ContainerChain {
    enum Kind {
        case quote
        /// A list item whose content starts `indent` columns after its parent's content.
        case item(indent: Int)
    }

    struct Container {
        var kind: Kind
        var node: MarkdownNode
    }

    private(set) var containers: [Container] = []
    let source: SourceLines

    init(of block: MarkdownNode, in source: SourceLines) {
        self.source = source
        var ancestors: [MarkdownNode] = []
        var node = block.parent
        while let current = node {
            if current.type == .blockQuote || current.type == .item { ancestors.append(current) }
            node = current.parent
        }
        // Items nested on one line (`- - x`) reuse the cursor of the item before them, so a
        // deep chain costs time in proportion to the text, not to its square.
        var previous: (line: Int, depth: Int, cursor: LineCursor)?
        for ancestor in ancestors.reversed() {
            guard ancestor.type == .item else {
                containers.append(Container(kind: .quote, node: ancestor))
                continue
            }
            let line = ancestor.startLine
            var cursor = LineCursor(source.line(line))
            var depth = 0
            if let previous, previous.line == line { (depth, cursor) = (previous.depth, previous.cursor) }
            match(&cursor, from: depth, upTo: containers.count, onLine: line)
            let indent = Self.itemIndent(ancestor, after: cursor)
            containers.append(Container(kind: .item(indent: indent), node: ancestor))
            cursor.advance(columns: indent)
            previous = (line, containers.count, cursor)
        }
    }

    var count: Int { containers.count }

    /// The lines of a block that starts at `line`:`column` and spans `lineCount` lines.
    func lines(from line: Int, column: Int, count lineCount: Int) -> [BlockLine] {
        guard lineCount > 0 else { return [] }
        let first = source.line(line)
        let offset = min(max(column - 1, 0), first.count)
        var result = [BlockLine(number: line, depth: count, indent: 0, content: Array(first.dropFirst(offset)))]
        for number in line + 1..<line + lineCount {
            var cursor = LineCursor(source.line(number))
            let depth = match(&cursor, from: 0, upTo: count, onLine: number)
            let indent = cursor.indentation
            cursor.skipSpaces()
            result.append(BlockLine(number: number, depth: depth, indent: indent, content: cursor.rest))
        }
        return result
    }

    /// Line `number` after the prefixes of its first `depth` containers, indentation kept as
    /// spaces (the text to parse again at that depth), and how many of them it continues.
    func text(ofLine number: Int, depth: Int) -> (text: [UInt8], depth: Int) {
        var cursor = LineCursor(source.line(number))
        let matched = match(&cursor, from: 0, upTo: depth, onLine: number)
        let indent = cursor.indentation
        cursor.skipSpaces()
        return ([UInt8](repeating: 0x20, count: indent) + cursor.rest, matched)
    }

    /// Advances past the prefixes of containers `start..<limit`; returns the depth reached.
    @discardableResult
    private func match(_ cursor: inout LineCursor, from start: Int, upTo limit: Int, onLine number: Int) -> Int {
        guard start < limit else { return start }
        for depth in start..<min(limit, containers.count) {
            let container = containers[depth]
            switch container.kind {
            case .quote:
                guard cursor.indentation(upTo: 4) <= 3, cursor.byteAfterIndentation == UInt8(ascii: ">") else {
                    return depth
                }
                cursor.skipSpaces()
                cursor.advance(columns: 1)
                if cursor.byte == 0x20 || cursor.byte == 0x09 { cursor.advance(columns: 1) }
            case .item(let indent):
                // On its own first line the item's marker fills those columns; a blank line
                // continues an item that has content.
                if container.node.startLine == number || cursor.indentation(upTo: indent) >= indent {
                    cursor.advance(columns: indent)
                } else if cursor.isBlank && container.node.firstChild != nil {
                    cursor.skipSpaces()
                } else {
                    return depth
                }
            }
        }
        return min(limit, containers.count)
    }

    /// `marker_offset + padding` of a list item, as libcmark's `parse_list_marker` computes
    /// them; `parent` stands where the item's parent content starts on the item's first line.
    private static func itemIndent(_ item: MarkdownNode, after parent: LineCursor) -> Int {
        var cursor = parent
        cursor.advance(toByte: item.startColumn - 1)
        let markerOffset = cursor.column - parent.column
        var width = 1
        if let byte = cursor.byte, PipeTableSyntax.isDigit(byte) {
            width = 0
            while let digit = cursor.byte(at: width), PipeTableSyntax.isDigit(digit) { width += 1 }
            width += 1
        }
        cursor.advance(columns: width)
        let afterMarker = cursor.column
        cursor.skipSpaces()
        let spaces = cursor.column - afterMarker
        let padding = spaces >= 5 || spaces < 1 || cursor.byte == nil ? width + 1 : width + spaces
        return markerOffset + padding
    }
}

/// A position in one line, in bytes and in columns (tabs stop every 4 columns). A tab may be
/// partly consumed: the cursor then stays on it with a column inside its width.
struct LineCursor {
    private let bytes: ArraySlice<UInt8>
    private var index: Int
    private(set) var column = 0

    init(_ bytes: ArraySlice<UInt8>) {
        self.bytes = bytes
        self.index = bytes.startIndex
    }

    var byte: UInt8? { byte(at: 0) }

    /// The byte `offset` bytes ahead, if the line has it.
    func byte(at offset: Int) -> UInt8? { index + offset < bytes.endIndex ? bytes[index + offset] : nil }
    var rest: [UInt8] { Array(bytes[index...]) }

    /// Columns of spaces and tabs before the next other character.
    var indentation: Int { indentation(upTo: .max) }

    /// Like ``indentation``, but stops counting at `limit` (a deep chain checks every prefix).
    func indentation(upTo limit: Int) -> Int {
        var probe = self
        while probe.column - column < limit, let byte = probe.byte, byte == 0x20 || byte == 0x09 {
            probe.advance(columns: byte == 0x09 ? 4 - probe.column % 4 : 1)
        }
        return probe.column - column
    }

    /// True when only spaces and tabs are left.
    var isBlank: Bool { bytes[index...].allSatisfy { $0 == 0x20 || $0 == 0x09 } }

    /// The character after at most 3 columns of indentation (callers check the indentation).
    var byteAfterIndentation: UInt8? {
        var probe = self
        var budget = 4
        while budget > 0, let byte = probe.byte, byte == 0x20 || byte == 0x09 {
            probe.advance(columns: 1)
            budget -= 1
        }
        return probe.byte
    }

    mutating func skipSpaces() {
        while let byte, byte == 0x20 || byte == 0x09 { advance(columns: byte == 0x09 ? 4 - column % 4 : 1) }
    }

    mutating func advance(columns: Int) {
        var remaining = columns
        while remaining > 0, let byte {
            if byte == 0x09 {
                let width = 4 - column % 4
                guard width <= remaining else {
                    column += remaining
                    return
                }
                column += width
                remaining -= width
            } else {
                column += 1
                remaining -= 1
            }
            index += 1
        }
    }

    mutating func advance(toByte offset: Int) {
        let target = min(bytes.startIndex + max(offset, 0), bytes.endIndex)
        while index < target, let byte {
            column += byte == 0x09 ? 4 - column % 4 : 1
            index += 1
        }
    }
}
