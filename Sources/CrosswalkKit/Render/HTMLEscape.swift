/// Escaping for text that goes into HTML outside the template engine.
public enum HTMLEscape {
    /// Escapes `&`, `<`, `>`, `"` and `'`, byte by byte.
    public static func attribute(_ text: String) -> String {
        var needsWork = false
        for byte in text.utf8 where byte == 0x26 || byte == 0x3C || byte == 0x3E || byte == 0x22 || byte == 0x27 {
            needsWork = true
            break
        }
        guard needsWork else { return text }
        var result = ""
        result.reserveCapacity(text.utf8.count + 16)
        for scalar in text.unicodeScalars {
            switch scalar {
            case "&": result += "&amp;"
            case "<": result += "&lt;"
            case ">": result += "&gt;"
            case "\"": result += "&quot;"
            case "'": result += "&#39;"
            default: result.unicodeScalars.append(scalar)
            }
        }
        return result
    }

    /// Same escaping; the name says where the text goes.
    public static func text(_ text: String) -> String { attribute(text) }
}
