import Testing

@testable import CrosswalkKit

@Suite struct FrontMatterSplitterTests {
    @Test func splitsYAMLFromBody() throws {
        let split = try FrontMatterSplitter.split("---\ntitle: PLC\n---\n# Body\n").get()
        #expect(split.frontMatter == "title: PLC")
        #expect(split.body == "# Body\n")
        #expect(split.bodyLineOffset == 3)
    }

    @Test func acceptsDotsAsClosingLineAndBlankLinesInside() throws {
        let split = try FrontMatterSplitter.split("---\ntitle: A\n\nsummary: B\n...\nText").get()
        #expect(split.frontMatter == "title: A\n\nsummary: B")
        #expect(split.body == "Text")
        #expect(split.bodyLineOffset == 5)
    }

    @Test func fileWithoutFrontMatterIsAllBody() throws {
        let split = try FrontMatterSplitter.split("# Title\n\n---\n").get()
        #expect(split.frontMatter == nil)
        #expect(split.body == "# Title\n\n---\n")
        #expect(split.bodyLineOffset == 0)
    }

    @Test func unterminatedFrontMatterFails() {
        #expect(FrontMatterSplitter.split("---\ntitle: A\n# Body\n") == .failure(.unterminated))
    }

    @Test func trailingSpacesOnDelimitersAreAllowed() throws {
        let split = try FrontMatterSplitter.split("---  \ntitle: A\n--- \nBody").get()
        #expect(split.frontMatter == "title: A")
    }

    @Test func emptyFrontMatterAndBodyWithoutNewline() throws {
        let empty = try FrontMatterSplitter.split("---\n---\nBody").get()
        #expect(empty.frontMatter == "")
        #expect(empty.body == "Body")
        #expect(empty.bodyLineOffset == 2)
        let noBody = try FrontMatterSplitter.split("---\ntitle: A\n---").get()
        #expect(noBody.frontMatter == "title: A")
        #expect(noBody.body == "")
        #expect(FrontMatterSplitter.split("---") == .failure(.unterminated))
        #expect(FrontMatterSplitter.split("---\n") == .failure(.unterminated))
    }

    /// Random files of delimiter-like pieces split as the line-by-line `Substring` version
    /// (kept below as the reference) split them.
    @Test func randomFilesSplitAsTheCharacterVersionSplitsThem() {
        let pieces = ["---", "...", "--", "----", " ", "\t", "\n", "\r\n", "\r", "a: b", "é", "\u{301}", "-", ".", "x"]
        var state: UInt64 = 82
        for _ in 0..<20_000 {
            var text = ""
            for _ in 0..<Int(state % 12) {
                state = state &* 6_364_136_223_846_793_005 &+ 1_442_695_040_888_963_407
                text += pieces[Int((state >> 33) % UInt64(pieces.count))]
            }
            state = state &* 6_364_136_223_846_793_005 &+ 1
            if state % 2 == 0 { text = "---\n" + text }
            #expect(FrontMatterSplitter.split(text) == Self.reference(text), Comment(rawValue: text.debugDescription))
        }
    }

    static func reference(_ text: String) -> Result<FrontMatterSplitter.Split, FrontMatterSplitter.Failure> {
        func isDelimiter(_ line: Substring, allowDots: Bool) -> Bool {
            var trimmed = line[...]
            while trimmed.last == " " || trimmed.last == "\t" { trimmed = trimmed.dropLast() }
            return trimmed == "---" || (allowDots && trimmed == "...")
        }
        let bytes = text.utf8
        var lineStart = bytes.startIndex
        var lineNumber = 0
        var yamlStart: String.Index?
        while lineStart < bytes.endIndex {
            let lineEnd = bytes[lineStart...].firstIndex(of: UInt8(ascii: "\n")) ?? bytes.endIndex
            let line = text[lineStart..<lineEnd]
            let next = lineEnd < bytes.endIndex ? bytes.index(after: lineEnd) : lineEnd
            if let start = yamlStart {
                if isDelimiter(line, allowDots: true) {
                    let yamlEnd = lineStart > start ? bytes.index(before: lineStart) : start
                    return .success(
                        .init(
                            frontMatter: String(text[start..<yamlEnd]), body: String(text[next...]),
                            bodyLineOffset: lineNumber + 1))
                }
            } else {
                guard isDelimiter(line, allowDots: false) else { break }
                yamlStart = next
            }
            if lineEnd == bytes.endIndex { break }
            lineStart = next
            lineNumber += 1
        }
        if yamlStart == nil { return .success(.init(frontMatter: nil, body: text, bodyLineOffset: 0)) }
        return .failure(.unterminated)
    }
}
