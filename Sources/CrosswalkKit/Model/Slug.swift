import Foundation

/// URL-safe names for files and folders: NFC, lower case, spaces and underscores as `-`.
/// Letters and digits of any script are kept, so `Sécurité.md` becomes `sécurité`. Dots are
/// kept inside a name (`v1.2`) but never lead or trail it, so no slug is `.` or `..`: a slug is
/// a path segment of the output, and ` ..md` must not publish a page outside it. A name with
/// no letter or digit gives the empty slug, which ``PageBuilder`` refuses.
public enum Slug {
    public static func make(_ name: String) -> String {
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
