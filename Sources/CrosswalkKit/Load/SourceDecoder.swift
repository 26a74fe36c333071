import Foundation

/// A markdown file's bytes made into its front matter and body in one step, each part a
/// `String` made once from the file's bytes. Decoding the whole file and then copying the
/// body out of it copied every page twice and checked its UTF-8 twice.
///
/// The checks and their order are the loader's: UTF-16, invalid UTF-8, an empty file, a NUL
/// byte, then front matter never closed.
enum SourceDecoder {
    enum Failure: Error, Equatable {
        case utf16
        case invalidUTF8(line: Int, column: Int)
        /// Nothing but white space.
        case empty
        /// A NUL byte, on this 1-based line.
        case nul(line: Int)
        case unterminated
    }

    static func decode(_ bytes: [UInt8]) -> Result<FrontMatterSplitter.Split, Failure> {
        if bytes.starts(with: [0xFF, 0xFE]) || bytes.starts(with: [0xFE, 0xFF]) { return .failure(.utf16) }
        let start = bytes.starts(with: [0xEF, 0xBB, 0xBF]) ? 3 : 0
        let result = bytes.withUnsafeBufferPointer { all -> Result<FrontMatterSplitter.Split, Failure>? in
            let bytes = UnsafeBufferPointer(rebasing: all[start...])
            // Line ends other than LF are rare: those files are decoded whole, made LF, then cut.
            guard !bytes.holdsByte(UInt8(ascii: "\r")) else { return nil }
            return decodeLF(bytes)
        }
        if let result { return result }
        switch TextDecoder.decode(bytes) {
        case .success(let text):
            var text = text
            return text.withUTF8 { decodeLF($0) }
        case .failure(.utf16):
            return .failure(.utf16)
        case .failure(.invalidUTF8(let line, let column)):
            return .failure(.invalidUTF8(line: line, column: column))
        }
    }

    /// `bytes` (no BOM, no CR) cut into its parts; each is valid UTF-8 exactly when the whole
    /// is, as the cuts are at line breaks and the delimiter lines are ASCII.
    private static func decodeLF(_ bytes: UnsafeBufferPointer<UInt8>) -> Result<FrontMatterSplitter.Split, Failure> {
        let parts = FrontMatterSplitter.ranges(bytes)
        var split = FrontMatterSplitter.Split(frontMatter: nil, body: "", bodyLineOffset: 0)
        var valid: Bool
        switch parts {
        case .success(let parts):
            split.bodyLineOffset = parts.bodyLineOffset
            if let range = parts.frontMatter {
                split.frontMatter = String(validating: UnsafeBufferPointer(rebasing: bytes[range]), as: UTF8.self)
            }
            valid = parts.frontMatter == nil || split.frontMatter != nil
            if valid, let body = String(validating: UnsafeBufferPointer(rebasing: bytes[parts.body]), as: UTF8.self) {
                split.body = body
            } else {
                valid = false
            }
        case .failure:
            valid = String(validating: bytes, as: UTF8.self) != nil
        }
        guard valid else {
            let whole = Array(bytes)[...]
            let (line, column) = TextDecoder.lineAndColumn(
                of: TextDecoder.firstInvalidUTF8Offset(whole) ?? 0, in: whole)
            return .failure(.invalidUTF8(line: line, column: column))
        }
        // A file that opens front matter starts with `---`, so only one without can be empty.
        if case .success(let parts) = parts, parts.frontMatter == nil, split.body.allSatisfy(\.isWhitespace) {
            return .failure(.empty)
        }
        if let base = bytes.baseAddress, let nul = memchr(base, 0, bytes.count) {
            let offset = UnsafeRawPointer(nul) - UnsafeRawPointer(base)
            return .failure(.nul(line: UnsafeBufferPointer(rebasing: bytes[..<offset]).count { $0 == 0x0A } + 1))
        }
        if case .failure = parts { return .failure(.unterminated) }
        return .success(split)
    }
}
