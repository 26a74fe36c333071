import Foundation

/// URL-safe names for files and folders: NFC, lower case, spaces and underscores as `-`.
/// Letters and digits of any script are kept, so `Sécurité.md` becomes `sécurité`. Dots are
/// kept inside a name (`v1.2`) but never lead or trail it, so no slug is `.` or `..`: a slug is
/// a path segment of the output, and ` ..md` must not publish a page outside it. A name with
/// no letter or digit gives the empty slug, which ``PageBuilder`` refuses.
public enum Slug {
    public static func make(_ name: String) -> String {
        // Most names are ASCII, where NFC and lower case are bytes, and letters and digits
        // are `a-z0-9`: Foundation's normalising and character set cost 18,000 instructions
        // a name.
        name.everyUTF8Byte { $0 < 0x80 } ? ascii(name) : unicode(name)
    }

    static func ascii(_ name: String) -> String {
        var bytes: [UInt8] = []
        bytes.reserveCapacity(name.utf8.count)
        var pendingDash = false
        for written in name.utf8 {
            let byte = written &- 0x41 < 26 ? written | 0x20 : written
            if byte &- 0x61 < 26 || byte &- 0x30 < 10 || byte == 0x2E {
                if pendingDash && !bytes.isEmpty { bytes.append(0x2D) }
                pendingDash = false
                bytes.append(byte)
            } else if byte == 0x2D || byte == 0x20 || byte == 0x5F || byte == 0x09 {
                pendingDash = true
            } else {
                pendingDash = pendingDash || byte == 0x2F || byte == 0x2B
            }
        }
        let start = bytes.firstIndex { $0 != 0x2E && $0 != 0x2D } ?? bytes.endIndex
        let end = (bytes.lastIndex { $0 != 0x2E && $0 != 0x2D }).map { $0 + 1 } ?? start
        return String(decoding: bytes[start..<max(start, end)], as: UTF8.self)
    }

    static func unicode(_ name: String) -> String {
        var result = ""
        var pendingDash = false
        for scalar in name.precomposedStringWithCanonicalMapping.lowercased().unicodeScalars {
            if CharacterSet.alphanumerics.contains(scalar) || scalar == "." {
                if pendingDash && !result.isEmpty { result.append("-") }
                pendingDash = false
                result.unicodeScalars.append(scalar)
            } else if scalar == "-" || scalar == " " || scalar == "_" || scalar == "\t" {
                pendingDash = true
            } else {
                // Other punctuation is dropped but still separates words.
                pendingDash = pendingDash || scalar == "/" || scalar == "+"
            }
        }
        while result.first == "." || result.first == "-" { result.removeFirst() }
        while result.last == "." || result.last == "-" { result.removeLast() }
        return result
    }
}
