import Foundation

/// URL-safe names for files and folders: NFC, lower case, spaces and underscores as `-`.
/// Letters and digits of any script are kept, so `Sécurité.md` becomes `sécurité`.
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
        return result
    }
}
