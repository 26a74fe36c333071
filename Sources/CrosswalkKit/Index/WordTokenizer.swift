/// Splits text into words for glossary matching: runs of letters, digits and combining marks
/// (any script). Everything else — spaces, punctuation, apostrophes — separates words, so
/// `SIS’s` yields `SIS` and `s`, and `PLC,` yields `PLC`.
struct WordTokenizer {
    struct Token {
        /// UTF-8 offsets into the text.
        var start: Int
        var end: Int
        var text: Substring
    }

    static func isWordScalar(_ scalar: Unicode.Scalar) -> Bool {
        if scalar.isASCII {
            let value = scalar.value
            return (value >= 0x61 && value <= 0x7A) || (value >= 0x41 && value <= 0x5A)
                || (value >= 0x30 && value <= 0x39)
        }
        let properties = scalar.properties
        if properties.isAlphabetic || properties.numericType != nil { return true }
        switch properties.generalCategory {
        case .nonspacingMark, .spacingMark, .enclosingMark: return true
        default: return false
        }
    }

    static func tokens(in text: Substring) -> [Token] {
        var tokens: [Token] = []
        var offset = 0
        var start: Int?
        var startIndex = text.startIndex
        var index = text.startIndex
        for scalar in text.unicodeScalars {
            let width = UTF8.width(scalar)
            if isWordScalar(scalar) {
                if start == nil {
                    start = offset
                    startIndex = index
                }
            } else if let begin = start {
                tokens.append(Token(start: begin, end: offset, text: text[startIndex..<index]))
                start = nil
            }
            offset += width
            index = text.unicodeScalars.index(after: index)
        }
        if let begin = start { tokens.append(Token(start: begin, end: offset, text: text[startIndex..<index])) }
        return tokens
    }

    /// Two words belong to one phrase when only spaces, line breaks or hyphens stand between
    /// them: `real-time` and `real time` are the same phrase, `PLC, HMI` is not one.
    static func joinable(_ gap: Substring.UTF8View.SubSequence) -> Bool {
        guard !gap.isEmpty, gap.count <= 4 else { return false }
        return gap.allSatisfy { $0 == 0x20 || $0 == 0x0A || $0 == 0x09 || $0 == 0x2D }
    }
}
