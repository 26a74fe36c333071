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

    static func split(_ text: String) -> Result<Split, Failure> {
        var lines = text.split(separator: "\n", omittingEmptySubsequences: false)[...]
        guard let first = lines.first, isDelimiter(first, allowDots: false) else {
            return .success(Split(frontMatter: nil, body: text, bodyLineOffset: 0))
        }
        lines = lines.dropFirst()
        guard let closing = lines.firstIndex(where: { isDelimiter($0, allowDots: true) }) else {
            return .failure(.unterminated)
        }
        let yaml = lines[lines.startIndex..<closing].joined(separator: "\n")
        let body = lines[(closing + 1)...].joined(separator: "\n")
        return .success(Split(frontMatter: yaml, body: body, bodyLineOffset: closing + 1))
    }

    private static func isDelimiter(_ line: Substring, allowDots: Bool) -> Bool {
        var trimmed = line[...]
        while trimmed.last == " " || trimmed.last == "\t" { trimmed = trimmed.dropLast() }
        return trimmed == "---" || (allowDots && trimmed == "...")
    }
}
