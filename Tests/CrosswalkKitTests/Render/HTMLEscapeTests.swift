import Testing

@testable import CrosswalkKit

@Suite struct HTMLEscapeTests {
    /// The rule, spelled out per character, as the byte loop must give it.
    static func reference(_ text: String) -> String {
        text.map { character -> String in
            switch character {
            case "&": "&amp;"
            case "<": "&lt;"
            case ">": "&gt;"
            case "\"": "&quot;"
            case "'": "&#39;"
            default: String(character)
            }
        }.joined()
    }

    @Test(arguments: [
        "", "plain", "a & b", "<script>alert('x')</script>", "\"quoted\"", "&&&", "end>", "<start",
        "Zürich <Straße> & 日本 'ok'", "e\u{301} & é", "0123456789:;=?@[]",
    ])
    func escapesTheFiveCharacters(text: String) {
        #expect(HTMLEscape.attribute(text) == Self.reference(text))
        var bytes = HTMLBytes()
        bytes.escaped(text)
        #expect(bytes.string == Self.reference(text))
    }

    @Test func everyASCIIByte() {
        let text = String(decoding: (UInt8(1)..<0x80).map { $0 }, as: UTF8.self)
        #expect(HTMLEscape.text(text) == Self.reference(text))
        // The one-test check agrees with the entity table on every byte.
        #expect(
            (0...255).allSatisfy { HTMLEscape.needsEscaping(UInt8($0)) == (HTMLEscape.entity(for: UInt8($0)) != nil) })
    }

    /// Texts of every length up to a few words across the eight-byte steps of the scan, made
    /// of the escaped bytes, their neighbours (`#` is flagged and let through) and UTF-8.
    @Test func escapingMatchesTheRuleAtEveryPlace() {
        let pieces = ["&", "<", ">", "\"", "'", "#", "$", "%", "=", "?", "a", "Z", " ", "é", "日", "\u{1F600}"]
        var state: UInt64 = 0x9E37_79B9_7F4A_7C15
        func next() -> Int {
            state = state &* 6_364_136_223_846_793_005 &+ 1_442_695_040_888_963_407
            return Int(state >> 33)
        }
        for length in 0..<40 {
            for _ in 0..<25 {
                let text = (0..<length).map { _ in pieces[next() % pieces.count] }.joined()
                #expect(HTMLEscape.attribute(text) == Self.reference(text))
                // libcmark's text escaping, which the auto-linker writes: `'` stays.
                let cmarkSet: Set<UInt8> = [0x22, 0x26, 0x3C, 0x3E]
                let bytes = Array(text.utf8)
                let first = bytes.withUnsafeBufferPointer { buffer in
                    HTMLBytes.firstEscaped(buffer.baseAddress!, from: 0, to: buffer.count, escapes: cmarkSet.contains)
                }
                #expect(first == bytes.firstIndex(where: cmarkSet.contains))
                var output = HTMLBytes()
                bytes.withUnsafeBufferPointer { output.escaped($0, from: 0, escapes: cmarkSet.contains) }
                #expect(output.string == text.map { $0 == "'" ? "'" : Self.reference(String($0)) }.joined())
            }
        }
    }

    @Test func numbersAndCoordinates() {
        var bytes = HTMLBytes()
        for value in [0, 7, -42, 1_000_000, Int.max, Int.min] {
            bytes.integer(value)
            bytes.raw(" ")
        }
        for value in [0.0, 12.0, 12.25, -3.5, 2.04, 1e12, -0.0, 1e19, -14.0] {
            bytes.coordinate(value)
            bytes.raw(" ")
        }
        #expect(
            bytes.string == "0 7 -42 1000000 \(Int.max) \(Int.min) 0 12 12.3 -3.5 2 1000000000000 0 1e+19 -14 ")
    }

    /// Written bytes grow past the first capacity, and insertions move the rest along.
    /// (Not copyable: the compiler keeps one owner of the buffer.)
    @Test func bytesGrowAndInsert() {
        var bytes = HTMLBytes(capacity: 4)
        var expected = ""
        for index in 0..<200 {
            bytes.raw("<p>")
            bytes.integer(index)
            expected += "<p>\(index)"
        }
        #expect(bytes.string == expected && bytes.count == expected.utf8.count)
        bytes.insert("  ", at: 3)
        bytes.insert("!", at: bytes.count)
        bytes.insert("[", at: 0)
        expected = "[<p>  0" + expected.dropFirst(4) + "!"
        #expect(bytes.string == expected)
        #expect(bytes.bytes == Array(expected.utf8))
        // An insertion longer than the room left.
        var small = HTMLBytes(capacity: 16)
        small.raw("0123456789abcdef")
        small.insert(String(repeating: "x", count: 40), at: 8)
        #expect(small.string == "01234567" + String(repeating: "x", count: 40) + "89abcdef")
        var ends = bytes.endsLine(at: bytes.count, after: 0)
        #expect(!ends)
        bytes.raw("\n")
        ends = bytes.endsLine(at: bytes.count, after: 0)
        #expect(ends)
        bytes.raw("\r\n")
        ends = bytes.endsLine(at: bytes.count, after: 0)
        #expect(!ends)
    }
}
