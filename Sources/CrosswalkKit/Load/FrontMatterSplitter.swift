/// Splits a file's text into YAML front matter and markdown body (`SourceDecoder` makes each
/// part a `String`).
///
/// Front matter starts with a first line of exactly `---` and ends at the next line that is
/// `---` or `...` (trailing spaces allowed). Blank lines inside are part of the YAML.
enum FrontMatterSplitter {
    struct Split: Equatable {
        var frontMatter: String?
        var body: String
        /// File lines before the body's first line.
        var bodyLineOffset: Int
    }

    enum Failure: Error, Equatable {
        /// The opening `---` has no closing line.
        case unterminated
    }

    /// Where the parts are in the bytes of a file: the front matter (nil when there is none)
    /// and the body, as byte ranges cut at line breaks.
    struct Parts: Equatable {
        var frontMatter: Range<Int>?
        var body: Range<Int>
        var bodyLineOffset: Int
    }

    // Scans bytes up to the closing line only: splitting the whole file into lines cost as
    // much as parsing its YAML, and a line as a `Substring` cost 2,000 instructions.
    static func ranges(_ bytes: UnsafeBufferPointer<UInt8>) -> Result<Parts, Failure> {
        var lineStart = 0
        var lineNumber = 0
        var yamlStart: Int?
        while lineStart < bytes.count {
            var lineEnd = lineStart
            while lineEnd < bytes.count, bytes[lineEnd] != UInt8(ascii: "\n") { lineEnd += 1 }
            let next = lineEnd < bytes.count ? lineEnd + 1 : lineEnd
            if let start = yamlStart {
                if isDelimiter(bytes, lineStart, lineEnd, allowDots: true) {
                    // The newline before the closing line belongs to neither part.
                    let yamlEnd = lineStart > start ? lineStart - 1 : start
                    return .success(
                        Parts(frontMatter: start..<yamlEnd, body: next..<bytes.count, bodyLineOffset: lineNumber + 1))
                }
            } else {
                guard isDelimiter(bytes, lineStart, lineEnd, allowDots: false) else { break }
                yamlStart = next
            }
            if lineEnd == bytes.count { break }
            lineStart = next
            lineNumber += 1
        }
        if yamlStart == nil { return .success(Parts(frontMatter: nil, body: 0..<bytes.count, bodyLineOffset: 0)) }
        return .failure(.unterminated)
    }

    /// `---` (or `...` when allowed) and nothing after it but spaces and tabs.
    private static func isDelimiter(_ bytes: UnsafeBufferPointer<UInt8>, _ start: Int, _ end: Int, allowDots: Bool)
        -> Bool
    {
        var end = end
        while end > start, bytes[end - 1] == UInt8(ascii: " ") || bytes[end - 1] == UInt8(ascii: "\t") { end -= 1 }
        guard end - start == 3 else { return false }
        let mark = bytes[start]
        guard mark == UInt8(ascii: "-") || (allowDots && mark == UInt8(ascii: ".")) else { return false }
        return bytes[start + 1] == mark && bytes[start + 2] == mark
    }
}
