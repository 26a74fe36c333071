import CrosswalkMarkdown
import Testing

@testable import CrosswalkKit

@Suite struct SourceLocatorTests {
    @Test func lineStartsAreZeroAndEveryOffsetAfterANewline() {
        var random = SplitMix(seed: 1_982)
        for _ in 0..<500 {
            let bytes = (0..<random.below(200)).map { _ in [0x0A, 0x61, 0x0D, 0xC3, 0xA9][random.below(5)] as UInt8 }
            let expected = [0] + bytes.indices.filter { bytes[$0] == 0x0A }.map { $0 + 1 }
            #expect(SourceLocator.lineStarts(bytes) == expected)
        }
        #expect(SourceLocator.lineStarts([]) == [0])
        #expect(SourceLocator.lineStarts([0x0A]) == [0, 1])
    }

    /// Eight bytes at a time, the count of bytes that start a scalar is the byte-by-byte count,
    /// from every start to every end: ASCII, two- to four-byte characters, stray bytes.
    @Test func scalarsAreCountedAsByteByByte() {
        var random = SplitMix(seed: 8_088)
        let pieces: [[UInt8]] = [
            [0x61], [0x20], [0xC3, 0xA9], [0xE2, 0x80, 0x99], [0xF0, 0x9F, 0x99, 0x82], [0x80], [0xBF], [0xFF],
        ]
        for _ in 0..<200 {
            let bytes = (0..<random.below(12)).flatMap { _ in pieces[random.below(pieces.count)] }
            bytes.withUnsafeBufferPointer { buffer in
                for start in 0...bytes.count {
                    for end in start...bytes.count {
                        let expected = bytes[start..<end].count { $0 & 0xC0 != 0x80 }
                        #expect(SourceLocator.scalarCount(buffer, from: start, to: end) == expected)
                    }
                }
            }
        }
    }

    /// The first line of the block holding the needle, and its column, searched line by line
    /// on bytes as the locator did before it searched a whole block at once.
    static func reference(_ needle: String, lines: [ArraySlice<UInt8>], block: ClosedRange<Int>) -> (
        line: Int, column: Int
    )? {
        let pattern = Array(needle.utf8)
        let first = max(block.lowerBound, 1)
        guard first <= min(max(block.upperBound, first), lines.count) else { return nil }
        for number in first...min(max(block.upperBound, first), lines.count) {
            let line = Array(lines[number - 1])
            guard pattern.count <= line.count else { continue }
            for start in 0...(line.count - pattern.count) where Array(line[start..<(start + pattern.count)]) == pattern
            {
                return (number, line[..<start].count { $0 & 0xC0 != 0x80 } + 1)
            }
        }
        return nil
    }

    @Test func findsTheFirstLineOfTheBlockHoldingTheNeedle() throws {
        var random = SplitMix(seed: 61)
        let words = ["ab", "é", "b", "a\u{301}", "x[y](z)", "ab ab", "\r"]
        for _ in 0..<300 {
            let body =
                (0..<(1 + random.below(8))).map { _ in
                    (0..<random.below(4)).map { _ in words[random.below(words.count)] }.joined(separator: " ")
                        + (random.below(4) == 0 ? "\n" : "")
                }.joined(separator: "\n") + "\n"
            let source = SourceFile(
                relativePath: "a.md", displayPath: "content/a.md", frontMatter: "", body: body, bodyLineOffset: 0)
            let document = MarkdownDocument(parsing: body)
            let lines = Array(body.utf8).split(separator: 0x0A, omittingEmptySubsequences: false)
            var locator = SourceLocator(source: source)
            for block in document.root.children {
                for needle in ["ab", "é", "b a", "a\u{301}", "z", "\r"] {
                    let found = locator.locate(needle, in: block)
                    let expected = Self.reference(needle, lines: lines, block: block.startLine...block.endLine)
                    #expect(found.line == expected?.line ?? block.startLine, "\(body.debugDescription) \(needle)")
                    #expect(found.column == expected?.column ?? block.startColumn, "\(body.debugDescription) \(needle)")
                }
            }
        }
    }
}
