@testable import CrosswalkKit

/// The split of a text already decoded, for tests that start from a page's text; the loader
/// goes from a file's bytes (`SourceDecoder`).
extension FrontMatterSplitter {
    static func split(_ text: String) -> Result<Split, Failure> {
        var contiguous = text
        return contiguous.withUTF8 { bytes in
            ranges(bytes).map { parts in
                guard let frontMatter = parts.frontMatter else {
                    return Split(frontMatter: nil, body: text, bodyLineOffset: 0)
                }
                return Split(
                    frontMatter: string(bytes, frontMatter), body: string(bytes, parts.body),
                    bodyLineOffset: parts.bodyLineOffset)
            }
        }
    }

    /// The bytes cut at line breaks, so still whole UTF-8.
    private static func string(_ bytes: UnsafeBufferPointer<UInt8>, _ range: Range<Int>) -> String {
        String(decoding: UnsafeBufferPointer(rebasing: bytes[range]), as: UTF8.self)
    }
}
