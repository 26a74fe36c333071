/// Reads the plainest front matter without libyaml: `key: value` lines of printable ASCII,
/// where a value is a plain or quoted scalar without escapes, a flow list or flow map of them
/// on the same line, or, after `key:` alone, a block of `  - value` or `  key: value` lines.
///
/// libyaml reads such front matter at about a hundred instructions a byte, and a page's
/// front matter is a few hundred bytes of it: this was the largest cost of the Model stage.
/// For what it accepts it gives what `FrontMatterEvents` gives (held to it by a random
/// comparison), positions and typing of plain scalars included. For anything else (a tab, a
/// comment, an escape, an anchor, a character outside ASCII, a plain scalar with a `:` or a
/// `#`, a repeated key, any other layout) it returns nil, and libyaml reads the text.
enum FrontMatterLines {
    static func read(_ yaml: String) -> FrontMatterEvents.Pairs? {
        var text = yaml
        return text.withUTF8 { bytes in
            var reader = LineReader(bytes: bytes)
            return reader.document()
        }
    }
}

private struct LineReader {
    let bytes: UnsafeBufferPointer<UInt8>
    var offset = 0
    /// The current line (1-based) and where it starts.
    var line = 1
    var lineStart = 0
    /// Values left before `FrontMatterParser`'s limit: past it, the front matter is libyaml's
    /// (and Yams's) to refuse. Keys do not count, as in `FrontMatterEvents`.
    var nodesLeft = FrontMatterParser.maxNodes

    init(bytes: UnsafeBufferPointer<UInt8>) { self.bytes = bytes }

    private var atEnd: Bool { offset >= bytes.count }
    private var current: UInt8? { offset < bytes.count ? bytes[offset] : nil }
    private var position: FrontMatterValue.Position { .init(line: line, column: offset - lineStart + 1) }

    mutating func document() -> FrontMatterEvents.Pairs? {
        var pairs: FrontMatterEvents.Pairs = []
        skipBlankLines()
        while !atEnd {
            guard let key = key(), !pairs.contains(where: { $0.key == key }), take(0x3A) else { return nil }
            let value: FrontMatterValue?
            if current == nil || current == 0x0A {
                value = block()
            } else {
                guard take(0x20) else { return nil }
                skipSpaces()
                value = inlineValue(inFlow: false)
                skipSpaces()
                guard value != nil, endLine() else { return nil }
            }
            guard let value else { return nil }
            pairs.append((key, value))
            skipBlankLines()
        }
        return pairs.isEmpty ? nil : pairs
    }

    /// After `key:` and its line break: lines indented by two spaces, all `- value` (a list) or
    /// all `key: value` (a map).
    private mutating func block() -> FrontMatterValue? {
        guard countNode(), endLine() else { return nil }
        skipBlankLines()
        // Two spaces, then `-` or a key: a third space fails at the next step.
        guard offset + 1 < bytes.count, bytes[offset] == 0x20, bytes[offset + 1] == 0x20 else { return nil }
        offset += 2
        let start = position
        let isList = current == 0x2D
        var items: [FrontMatterValue] = []
        var pairs: FrontMatterEvents.Pairs = []
        while true {
            if isList {
                guard take(0x2D), take(0x20), let item = inlineValue(inFlow: false) else { return nil }
                items.append(item)
            } else {
                guard pair(inFlow: false, into: &pairs) else { return nil }
            }
            skipSpaces()
            guard endLine() else { return nil }
            skipBlankLines()
            // The block goes on while lines keep its indentation; a line at the left edge ends it.
            guard current == 0x20 else { break }
            guard offset + 1 < bytes.count, bytes[offset + 1] == 0x20 else { return nil }
            offset += 2
        }
        return isList ? .list(items, start) : .map(pairs, start)
    }

    /// A quoted or plain scalar, or (outside a flow collection) a flow list or map.
    private mutating func inlineValue(inFlow: Bool) -> FrontMatterValue? {
        guard countNode() else { return nil }
        let start = position
        switch current {
        case 0x22, 0x27:
            guard let text = quoted() else { return nil }
            return .scalar(text, isText: true, start)
        case 0x5B where !inFlow:
            offset += 1
            return flowList(start: start)
        case 0x7B where !inFlow:
            offset += 1
            return flowMap(start: start)
        default:
            guard let text = plain(inFlow: inFlow) else { return nil }
            return .scalar(text, isText: FrontMatterParser.plainScalarIsText(text), start)
        }
    }

    /// `{key: value, …}` after its `{`.
    private mutating func flowMap(start: FrontMatterValue.Position) -> FrontMatterValue? {
        var pairs: FrontMatterEvents.Pairs = []
        skipSpaces()
        if take(0x7D) { return .map([], start) }
        while true {
            guard pair(inFlow: true, into: &pairs) else { return nil }
            skipSpaces()
            if take(0x7D) { return .map(pairs, start) }
            guard take(0x2C) else { return nil }
            skipSpaces()
        }
    }

    /// `[value, …]` after its `[`.
    private mutating func flowList(start: FrontMatterValue.Position) -> FrontMatterValue? {
        var items: [FrontMatterValue] = []
        skipSpaces()
        if take(0x5D) { return .list([], start) }
        while true {
            guard let item = inlineValue(inFlow: true) else { return nil }
            items.append(item)
            skipSpaces()
            if take(0x5D) { return .list(items, start) }
            guard take(0x2C) else { return nil }
            skipSpaces()
        }
    }

    /// `key: value`, added to `pairs` when its key is not among theirs.
    private mutating func pair(inFlow: Bool, into pairs: inout FrontMatterEvents.Pairs) -> Bool {
        guard let key = key(), !pairs.contains(where: { $0.key == key }), take(0x3A), take(0x20) else { return false }
        skipSpaces()
        guard let value = inlineValue(inFlow: inFlow) else { return false }
        pairs.append((key, value))
        return true
    }

    /// `"…"` or `'…'` of printable ASCII, with no escape (`\` in double quotes, `''` in single).
    private mutating func quoted() -> String? {
        guard let quote = current else { return nil }
        let start = offset + 1
        var end = start
        while end < bytes.count, bytes[end] != quote {
            let byte = bytes[end]
            guard byte >= 0x20, byte < 0x7F, byte != 0x5C else { return nil }
            end += 1
        }
        guard end < bytes.count else { return nil }
        // A `''` (an escaped quote) leaves a quote next, which no caller takes.
        offset = end + 1
        return String(decoding: UnsafeBufferPointer(rebasing: bytes[start..<end]), as: UTF8.self)
    }

    /// Letters, digits, spaces and `._/+()-` (and `,` outside a flow collection), starting with
    /// none of YAML's indicators, up to the end of the line or (in a flow collection) a `,`,
    /// `]` or `}`; trailing spaces are not part of it.
    private mutating func plain(inFlow: Bool) -> String? {
        guard let first = current, Self.isPlainStart(first) else { return nil }
        let start = offset
        while let byte = current, byte != 0x0A {
            if inFlow && (byte == 0x2C || byte == 0x5D || byte == 0x7D) { break }
            guard Self.isPlain(byte) || (!inFlow && byte == 0x2C) else { return nil }
            offset += 1
        }
        var end = offset
        while end > start, bytes[end - 1] == 0x20 { end -= 1 }
        return String(decoding: UnsafeBufferPointer(rebasing: bytes[start..<end]), as: UTF8.self)
    }

    private static func isPlainStart(_ byte: UInt8) -> Bool {
        isKey(byte) || byte == 0x2E || byte == 0x2F || byte == 0x28
    }

    private static func isPlain(_ byte: UInt8) -> Bool {
        isKey(byte) || byte == 0x20 || byte == 0x2E || byte == 0x2F || byte == 0x2B || byte == 0x28 || byte == 0x29
            || byte == 0x2D
    }

    /// An ASCII letter, digit or `_`.
    private static func isKey(_ byte: UInt8) -> Bool {
        (byte | 0x20) &- 0x61 < 26 || byte &- 0x30 < 10 || byte == 0x5F
    }

    /// A key of letters, digits, `_` and `-`, starting with no `-`.
    private mutating func key() -> String? {
        guard let first = current, Self.isKey(first) else { return nil }
        let start = offset
        while let byte = current, Self.isKey(byte) || byte == 0x2D { offset += 1 }
        return String(decoding: UnsafeBufferPointer(rebasing: bytes[start..<offset]), as: UTF8.self)
    }

    private mutating func countNode() -> Bool {
        nodesLeft -= 1
        return nodesLeft >= 0
    }

    private mutating func take(_ byte: UInt8) -> Bool {
        guard current == byte else { return false }
        offset += 1
        return true
    }

    private mutating func skipSpaces() {
        while current == 0x20 { offset += 1 }
    }

    /// At a line break (taken) or the end of the text.
    private mutating func endLine() -> Bool {
        if atEnd { return true }
        guard take(0x0A) else { return false }
        line += 1
        lineStart = offset
        return true
    }

    private mutating func skipBlankLines() {
        while current == 0x0A {
            offset += 1
            line += 1
            lineStart = offset
        }
    }
}
