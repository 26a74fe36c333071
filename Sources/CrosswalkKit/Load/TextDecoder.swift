import Foundation

/// Turns a content file's bytes into text: UTF-8 only, BOM dropped, CRLF and CR made LF.
enum TextDecoder {
    enum Failure: Error, Equatable {
        /// Invalid UTF-8 at a 1-based line and column (column counts characters before it).
        case invalidUTF8(line: Int, column: Int)
        /// The file looks like UTF-16 (a UTF-16 byte-order mark or NUL-interleaved text).
        case utf16
    }

    static func decode(_ bytes: [UInt8]) -> Result<String, Failure> {
        var bytes = bytes[...]
        if bytes.starts(with: [0xFF, 0xFE]) || bytes.starts(with: [0xFE, 0xFF]) {
            return .failure(.utf16)
        }
        if bytes.starts(with: [0xEF, 0xBB, 0xBF]) { bytes = bytes.dropFirst(3) }
        // The standard library validates in bulk; the scalar-by-scalar walk only locates an error.
        guard var text = String(validating: bytes, as: UTF8.self) else {
            let offset = firstInvalidUTF8Offset(bytes) ?? bytes.startIndex
            let (line, column) = lineAndColumn(of: offset, in: bytes)
            return .failure(.invalidUTF8(line: line, column: column))
        }
        if text.containsUTF8Byte(UInt8(ascii: "\r")) {
            text = text.replacingOccurrences(of: "\r\n", with: "\n")
                .replacingOccurrences(of: "\r", with: "\n")
        }
        return .success(text)
    }

    /// The byte offset of the first byte that breaks UTF-8, or nil when all of it is valid.
    static func firstInvalidUTF8Offset(_ bytes: ArraySlice<UInt8>) -> Int? {
        var iterator = bytes.makeIterator()
        var decoder = UTF8()
        var offset = bytes.startIndex
        var lastGood = offset
        while true {
            switch decoder.decode(&iterator) {
            case .scalarValue(let scalar):
                offset += UTF8.width(scalar)
                lastGood = offset
            case .emptyInput:
                return nil
            case .error:
                return lastGood - bytes.startIndex
            }
        }
    }

    static func lineAndColumn(of offset: Int, in bytes: ArraySlice<UInt8>) -> (Int, Int) {
        let prefix = bytes.prefix(offset)
        let line = prefix.count { $0 == UInt8(ascii: "\n") } + 1
        let lineStart = prefix.lastIndex(of: UInt8(ascii: "\n")).map { $0 + 1 } ?? prefix.startIndex
        let column =
            String(decoding: bytes[lineStart..<(bytes.startIndex + offset)], as: UTF8.self)
            .unicodeScalars.count + 1
        return (line, column)
    }
}

extension String {
    /// Whether the UTF-8 holds `byte` (`holdsByte`).
    func containsUTF8Byte(_ byte: UInt8) -> Bool {
        var text = self
        return text.withUTF8 { $0.holdsByte(byte) }
    }
}

extension UnsafeBufferPointer<UInt8> {
    /// Whether the bytes hold `byte`, found with `memchr`: the generic `contains` stepped
    /// through them byte by byte, a visible part of loading 10,000 files.
    func holdsByte(_ byte: UInt8) -> Bool {
        baseAddress.map { memchr($0, Int32(byte), count) != nil } ?? false
    }
}
