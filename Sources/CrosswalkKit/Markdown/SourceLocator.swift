import CrosswalkMarkdown
import Foundation

/// Finds where inline content was written. Inline nodes carry no positions in libcmark 0.30,
/// so the text is searched for in the lines of the enclosing block.
///
/// Each search scans the block from its first line, so thousands of links in one huge paragraph
/// would cost links × paragraph. A budget of bytes scanned, per page, bounds that: once spent,
/// a position is the block's start. Ordinary pages never come near it.
struct SourceLocator {
    let source: SourceFile
    /// The body as bytes and where each line starts, made on the first search.
    private var bytes: [UInt8] = []
    private var lineStarts: [Int] = []
    /// Bytes of source lines still to be searched on this page.
    private var budget = Self.pageBudget
    static let pageBudget = 32 << 20

    init(source: SourceFile) { self.source = source }

    /// This locator with a whole budget of its own, and the lines it found already: the
    /// wikilinks of a page search the same body as its links.
    func withFullBudget() -> SourceLocator {
        var copy = self
        copy.budget = Self.pageBudget
        return copy
    }

    /// The first place `needle` occurs within `node`'s block, else the block's start.
    mutating func locate(_ needle: String, in node: MarkdownNode) -> SourceLocation {
        guard let block = node.positionedAncestor else { return source.location(bodyLine: 1) }
        if lineStarts.isEmpty {
            bytes = Array(source.body.utf8)
            lineStarts = Self.lineStarts(bytes)
        }
        var needle = needle
        let first = max(block.startLine, 1)
        let last = min(max(block.endLine, first), lineStarts.count)
        let found = needle.withUTF8 { pattern -> SourceLocation? in
            guard first <= last, !pattern.isEmpty else { return nil }
            // The whole block in one search when the budget covers it (the same answer: a
            // needle without a line feed lies within one line), else line by line.
            let blockStart = lineStarts[first - 1]
            let blockCost = end(ofLine: last) + 1 - blockStart
            if blockCost <= budget, !pattern.contains(0x0A) {
                guard let offset = Self.byteOffset(of: pattern, in: bytes[blockStart..<end(ofLine: last)]) else {
                    budget -= blockCost
                    return nil
                }
                let lineNumber = line(containing: offset, from: first, to: last)
                budget -= end(ofLine: lineNumber) + 1 - blockStart
                return location(of: offset, onLine: lineNumber)
            }
            for lineNumber in first...last {
                let start = lineStarts[lineNumber - 1]
                let lineEnd = end(ofLine: lineNumber)
                budget -= lineEnd - start + 1
                guard budget >= 0 else { break }
                if let offset = Self.byteOffset(of: pattern, in: bytes[start..<lineEnd]) {
                    return location(of: offset, onLine: lineNumber)
                }
            }
            return nil
        }
        return found ?? source.location(bodyLine: block.startLine, column: block.startColumn)
    }

    /// Where line `number` ends, before its line feed.
    private func end(ofLine number: Int) -> Int {
        number < lineStarts.count ? lineStarts[number] - 1 : bytes.count
    }

    /// The line of `first...last` holding byte `offset`.
    private func line(containing offset: Int, from first: Int, to last: Int) -> Int {
        var (low, high) = (first, last)
        while low < high {
            let middle = (low + high + 1) / 2
            if lineStarts[middle - 1] <= offset { low = middle } else { high = middle - 1 }
        }
        return low
    }

    private func location(of offset: Int, onLine lineNumber: Int) -> SourceLocation {
        // Columns count Unicode scalars: every byte that does not continue one.
        let column = bytes.withUnsafeBufferPointer {
            Self.scalarCount($0, from: lineStarts[lineNumber - 1], to: offset)
        }
        return source.location(bodyLine: lineNumber, column: column + 1)
    }

    /// How many bytes of `bytes[start..<end]` start a scalar (are not `10xxxxxx`), eight at a
    /// time: a link late in a long paragraph line counted hundreds of bytes one by one.
    static func scalarCount(_ bytes: UnsafeBufferPointer<UInt8>, from start: Int, to end: Int) -> Int {
        guard let base = bytes.baseAddress else { return 0 }
        var count = 0
        var index = start
        while index + 8 <= end {
            let word = base.eightBytes(at: index)
            // A continuation byte has its top bit set and the next one clear.
            let continuations = word & ~(word << 1) & 0x8080_8080_8080_8080
            count += 8 - continuations.nonzeroBitCount
            index += 8
        }
        while index < end {
            if bytes[index] & 0xC0 != 0x80 { count += 1 }
            index += 1
        }
        return count
    }

    /// Where each line starts: 0 and every offset after a newline, found with `memchr`.
    static func lineStarts(_ bytes: [UInt8]) -> [Int] {
        var starts = [0]
        bytes.withUnsafeBufferPointer { buffer in
            guard let base = buffer.baseAddress else { return }
            var offset = 0
            while offset < buffer.count, let found = memchr(base + offset, 0x0A, buffer.count - offset) {
                offset = base.distance(to: found.assumingMemoryBound(to: UInt8.self)) + 1
                starts.append(offset)
            }
        }
        return starts
    }

    /// Where `pattern` first occurs in `line` (an index into the body's bytes). A plain byte
    /// search: Foundation's `range(of:)` compared with locale rules and dominated this stage.
    static func byteOffset(of pattern: UnsafeBufferPointer<UInt8>, in line: ArraySlice<UInt8>) -> Int? {
        guard !pattern.isEmpty, pattern.count <= line.count else { return nil }
        return line.withUnsafeBufferPointer { haystack in
            firstOffset(of: pattern, in: haystack).map { line.startIndex + $0 }
        }
    }

    /// The first offset of `pattern` in `haystack`. memchr looks for the pattern's least
    /// common-looking byte (a `/`, `[` or digit rather than a letter, a space or a `.`), and
    /// each hit is compared whole: searching paragraphs for a link's `../` by its `.` stopped
    /// at every full stop.
    static func firstOffset(of pattern: UnsafeBufferPointer<UInt8>, in haystack: UnsafeBufferPointer<UInt8>) -> Int? {
        guard let needle = pattern.baseAddress, let base = haystack.baseAddress, !pattern.isEmpty,
            pattern.count <= haystack.count
        else { return nil }
        func rarity(_ byte: UInt8) -> Int {
            switch byte {
            case UInt8(ascii: "a")...UInt8(ascii: "z"), UInt8(ascii: " "), UInt8(ascii: "."), UInt8(ascii: ","): 0
            case UInt8(ascii: "A")...UInt8(ascii: "Z"), UInt8(ascii: "-"), 0x80...0xFF: 1
            default: 2
            }
        }
        // The first byte of the rarest kind (most needles have a `/` or `[` near the start).
        var anchor = 0
        var anchorRarity = rarity(pattern[0])
        var index = 1
        while anchorRarity < 2 && index < pattern.count {
            let candidate = rarity(pattern[index])
            if candidate > anchorRarity { (anchor, anchorRarity) = (index, candidate) }
            index += 1
        }
        // The anchor byte of a match at `start` sits at `start + anchor`.
        let lastAnchor = haystack.count - pattern.count + anchor
        var position = anchor
        while position <= lastAnchor,
            let found = memchr(base + position, Int32(pattern[anchor]), lastAnchor - position + 1)
        {
            let hit = base.distance(to: found.assumingMemoryBound(to: UInt8.self))
            if memcmp(base + (hit - anchor), needle, pattern.count) == 0 { return hit - anchor }
            position = hit + 1
        }
        return nil
    }
}

/// Where prose text lives: text nodes outside links, images, headings, auto-links and raw
/// HTML elements (`<span>PLC</span>`: the text between the inline tags is the element's).
enum ProseText {
    /// Text and soft-break nodes in prose, in document order, and every link and image (in
    /// prose or not), found in one walk: the transforms that need them shared it.
    static func scan(_ root: MarkdownNode) -> (prose: [MarkdownNode], linksAndImages: [MarkdownNode]) {
        var prose: [MarkdownNode] = []
        prose.reserveCapacity(256)
        var linksAndImages: [MarkdownNode] = []
        linksAndImages.reserveCapacity(32)
        var skipDepth = 0
        var rawHTMLDepth = 0
        root.walk { event, node in
            switch node.type {
            case .link, .image:
                if event == .enter { linksAndImages.append(node) }
                skipDepth += event == .enter ? 1 : -1
            case .heading:
                skipDepth += event == .enter ? 1 : -1
            case .customInline where node.onEnterHasPrefix("<a "):
                skipDepth += event == .enter ? 1 : -1
            case .paragraph, .customBlock:
                rawHTMLDepth = 0
            case .htmlInline:
                rawHTMLDepth = max(0, rawHTMLDepth + tagDepthChange(node.literal ?? ""))
            case .text where skipDepth == 0 && rawHTMLDepth == 0:
                prose.append(node)
            case .softBreak where skipDepth == 0 && rawHTMLDepth == 0:
                prose.append(node)
            default:
                break
            }
        }
        return (prose, linksAndImages)
    }

    static let voidElements: Set<String> = [
        "area", "base", "br", "col", "embed", "hr", "img", "input", "link", "meta", "source", "track", "wbr",
    ]

    /// +1 for an opening tag, -1 for a closing one, 0 for comments, void and self-closing tags.
    static func tagDepthChange(_ tag: String) -> Int {
        guard tag.hasPrefix("<"), !tag.hasPrefix("<!"), !tag.hasPrefix("<?") else { return 0 }
        if tag.hasPrefix("</") { return -1 }
        if tag.hasSuffix("/>") { return 0 }
        let name = tag.dropFirst().prefix { $0.isLetter || $0.isNumber }.lowercased()
        return name.isEmpty || voidElements.contains(name) ? 0 : 1
    }
}
