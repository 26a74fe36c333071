/// Escaping for text that goes into HTML outside the template engine.
public enum HTMLEscape {
    /// Escapes `&`, `<`, `>`, `"` and `'`, byte by byte.
    public static func attribute(_ text: String) -> String {
        var text = text
        let escaped = text.withUTF8 { bytes -> String? in
            // Every byte to escape is at most `>`: letters, the bulk of text, fail one test.
            guard let first = bytes.firstIndex(where: { $0 <= 0x3E && entity(for: $0) != nil }) else { return nil }
            var output = HTMLBytes(capacity: bytes.count + 16)
            output.escaped(bytes, from: first)
            return output.string
        }
        return escaped ?? text
    }

    /// Same escaping; the name says where the text goes.
    public static func text(_ text: String) -> String { attribute(text) }

    @inline(__always)
    static func entity(for byte: UInt8) -> StaticString? {
        switch byte {
        case 0x26: "&amp;"
        case 0x3C: "&lt;"
        case 0x3E: "&gt;"
        case 0x22: "&quot;"
        case 0x27: "&#39;"
        default: nil
        }
    }
}
