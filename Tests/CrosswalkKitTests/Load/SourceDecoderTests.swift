import Testing

@testable import CrosswalkKit

@Suite struct SourceDecoderTests {
    typealias Split = FrontMatterSplitter.Split

    @Test func splitsFrontMatterFromBodyOnceDecoded() throws {
        let split = try SourceDecoder.decode(Array("---\ntitle: Sécurité\n---\n# Body – ok\n".utf8)).get()
        #expect(split == Split(frontMatter: "title: Sécurité", body: "# Body – ok\n", bodyLineOffset: 3))
        let plain = try SourceDecoder.decode([0xEF, 0xBB, 0xBF] + Array("No front matter".utf8)).get()
        #expect(plain == Split(frontMatter: nil, body: "No front matter", bodyLineOffset: 0))
        let crlf = try SourceDecoder.decode(Array("---\r\ntitle: A\r\n...\r\nB\rC".utf8)).get()
        #expect(crlf == Split(frontMatter: "title: A", body: "B\nC", bodyLineOffset: 3))
    }

    @Test func reportsEachProblemWhereTheWholeFileHasIt() {
        func failure(_ bytes: [UInt8]) -> SourceDecoder.Failure? {
            if case .failure(let failure) = SourceDecoder.decode(bytes) { return failure }
            return nil
        }
        let bad: [UInt8] = [0xC3, 0x28]
        #expect(failure([0xFF, 0xFE, 0x41, 0x00]) == .utf16)
        #expect(failure(Array("---\ntitle: A\n---\nok\nab".utf8) + bad) == .invalidUTF8(line: 5, column: 3))
        #expect(failure(Array("---\nti".utf8) + bad + Array("\n---\nok".utf8)) == .invalidUTF8(line: 2, column: 3))
        // Bad UTF-8 is told before front matter that never closes, as the loader did.
        #expect(failure(Array("---\nti".utf8) + bad) == .invalidUTF8(line: 2, column: 3))
        #expect(failure([]) == .empty)
        #expect(failure(Array(" \n\t\u{00A0}\n".utf8)) == .empty)
        #expect(failure(Array("---\ntitle: A\n---\n\nx\u{0}".utf8)) == .nul(line: 5))
        #expect(failure(Array("---\nti\u{0}tle".utf8)) == .nul(line: 2))
        #expect(failure(Array("---\ntitle: A\n".utf8)) == .unterminated)
    }

    /// Random files of pieces that matter here give what decoding the whole file, checking
    /// it, then splitting it gave (the loader's steps before `SourceDecoder`).
    @Test func agreesWithDecodingWholeThenSplitting() {
        let pieces: [[UInt8]] = [
            Array("---".utf8), Array("...".utf8), [0x0A], [0x0D], [0x0D, 0x0A], [0x20], [0x09], [0],
            Array("title: A".utf8), Array("é".utf8), [0xC3], [0x28], [0xEF, 0xBB, 0xBF], Array("\u{00A0}".utf8),
        ]
        var generator = SplitMix(seed: 62_443)
        for _ in 0..<5_000 {
            var bytes: [UInt8] = []
            for _ in 0..<Int.random(in: 0...12, using: &generator) {
                bytes += pieces.randomElement(using: &generator)!
            }
            if Bool.random(using: &generator) { bytes = Array("---\n".utf8) + bytes }
            #expect(SourceDecoder.decode(bytes) == Self.reference(bytes), "\(bytes)")
        }
    }

    private static func reference(_ bytes: [UInt8]) -> Result<Split, SourceDecoder.Failure> {
        let text: String
        switch TextDecoder.decode(bytes) {
        case .success(let decoded): text = decoded
        case .failure(.utf16): return .failure(.utf16)
        case .failure(.invalidUTF8(let line, let column)): return .failure(.invalidUTF8(line: line, column: column))
        }
        if text.allSatisfy(\.isWhitespace) { return .failure(.empty) }
        if text.containsUTF8Byte(0) { return .failure(.nul(line: text.prefix { $0 != "\0" }.count { $0 == "\n" } + 1)) }
        return FrontMatterSplitter.split(text).mapError { _ in .unterminated }
    }
}
