/// Escaping for text that goes into HTML outside the template engine.
public enum HTMLEscape {
    /// Escapes `&`, `<`, `>`, `"` and `'`, byte by byte.
    public static func attribute(_ text: String) -> String {
        let escaped = text.withUTF8Bytes { bytes -> String? in
            guard let base = bytes.baseAddress, let first = HTMLBytes.firstEscaped(base, from: 0, to: bytes.count)
            else { return nil }
            var output = HTMLBytes(capacity: bytes.count + 16)
            output.escaped(bytes, from: first)
            return output.string
        }
        return escaped ?? text
    }

    /// Same escaping; the name says where the text goes.
    public static func text(_ text: String) -> String { attribute(text) }

    /// Bits 0x22, 0x26, 0x27, 0x3C and 0x3E: the bytes `entity(for:)` escapes.
    private static let escapedBytes: UInt64 = 1 << 0x22 | 1 << 0x26 | 1 << 0x27 | 1 << 0x3C | 1 << 0x3E

    /// Whether `entity(for:)` escapes `byte`, in one test: spaces and digits, common in text,
    /// went through the comparisons one by one.
    @inline(__always)
    static func needsEscaping(_ byte: UInt8) -> Bool {
        byte < 64 && escapedBytes >> UInt64(byte) & 1 == 1
    }

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
