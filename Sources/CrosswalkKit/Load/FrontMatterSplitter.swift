/// Splits a file's text into YAML front matter and markdown body.
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

    // Scans bytes up to the closing line only: splitting the whole file into lines cost as
    // much as parsing its YAML.
    static func split(_ text: String) -> Result<Split, Failure> {
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
                    // The newline before the closing line belongs to neither part.
                    let yamlEnd = lineStart > start ? bytes.index(before: lineStart) : start
                    return .success(
                        Split(
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
        if yamlStart == nil { return .success(Split(frontMatter: nil, body: text, bodyLineOffset: 0)) }
        return .failure(.unterminated)
    }

    private static func isDelimiter(_ line: Substring, allowDots: Bool) -> Bool {
        var trimmed = line[...]
        while trimmed.last == " " || trimmed.last == "\t" { trimmed = trimmed.dropLast() }
        return trimmed == "---" || (allowDots && trimmed == "...")
    }
}
