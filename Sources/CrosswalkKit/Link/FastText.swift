import Foundation

/// `memmem` (which Glibc's Swift module does not offer): memchr for the first byte, then memcmp.
enum ByteSearch {
    static func offset(of needle: UnsafeRawBufferPointer, in haystack: UnsafeRawBufferPointer) -> Int? {
        guard let first = needle.first, let base = haystack.baseAddress, let pattern = needle.baseAddress,
            needle.count <= haystack.count
        else { return nil }
        var start = 0
        let lastStart = haystack.count - needle.count
        while start <= lastStart {
            guard let found = memchr(base + start, Int32(first), lastStart - start + 1) else { return nil }
            let offset = UnsafeRawPointer(found) - base
            if memcmp(found, pattern, needle.count) == 0 { return offset }
            start = offset + 1
        }
        return nil
    }
}

/// Byte-level stand-ins for Foundation string calls on the per-link hot path. Foundation's
/// `range(of:)` and percent coding go through locale-aware, UTF-16 machinery; these give the
/// same answers for the inputs they accept and fall back to Foundation otherwise.
extension Substring {
    /// The first occurrence of an ASCII `needle`, found in the UTF-8 bytes.
    func firstRange(ofASCII needle: StaticString) -> Range<String.Index>? {
        let pattern = UnsafeBufferPointer(start: needle.utf8Start, count: needle.utf8CodeUnitCount)
        guard let first = pattern.first else { return nil }
        let bytes = utf8
        // Native strings are contiguous: one memmem instead of a byte loop through the view.
        if let offset = bytes.withContiguousStorageIfAvailable({ haystack -> Int? in
            guard haystack.baseAddress != nil, haystack.count >= pattern.count else { return nil }
            return ByteSearch.offset(of: UnsafeRawBufferPointer(pattern), in: UnsafeRawBufferPointer(haystack))
        }) {
            guard let offset else { return nil }
            let start = bytes.index(bytes.startIndex, offsetBy: offset)
            return start..<bytes.index(start, offsetBy: pattern.count)
        }
        var start = bytes.startIndex
        while let candidate = bytes[start...].firstIndex(of: first) {
            var end = candidate
            var matched = true
            for byte in pattern {
                guard end < bytes.endIndex, bytes[end] == byte else {
                    matched = false
                    break
                }
                end = bytes.index(after: end)
            }
            if matched { return candidate..<end }
            start = bytes.index(after: candidate)
        }
        return nil
    }

    /// The first occurrence of the ASCII `byte`, found in the UTF-8 bytes in place:
    /// `utf8.firstIndex(of:)` stepped through the view one index at a time.
    func firstIndex(ofASCII byte: UInt8) -> Index? {
        let bytes = utf8
        if let found = bytes.withContiguousStorageIfAvailable({ $0.firstIndex(of: byte) }) {
            return found.map { bytes.index(bytes.startIndex, offsetBy: $0) }
        }
        return bytes.firstIndex(of: byte)
    }
}

extension UnsafePointer<UInt8> {
    /// The eight bytes from `offset` as one word, the first byte in its low bits on any host:
    /// how the scans that test eight bytes at a time read their text.
    @inline(__always)
    func eightBytes(at offset: Int) -> UInt64 {
        UInt64(littleEndian: UnsafeRawPointer(self + offset).loadUnaligned(as: UInt64.self))
    }
}

extension StringProtocol where UTF8View: BidirectionalCollection {
    /// `trimmingCharacters(in: .whitespaces)`, without Foundation when neither end is a space,
    /// a tab or a non-ASCII byte (which may start a Unicode space).
    var trimmingSpaces: String {
        let bytes = utf8
        func plain(_ byte: UInt8?) -> Bool { byte.map { $0 != 0x20 && $0 != 0x09 && $0 < 0x80 } ?? true }
        if plain(bytes.first) && plain(bytes.last) { return String(self) }
        return trimmingCharacters(in: .whitespaces)
    }
}

extension String {
    /// `body` over the UTF-8 bytes in place. `withUTF8` is mutating, so calling it on a `var`
    /// copy retained the text first: an atomic write, and both cores read the same titles,
    /// URLs and paths at once. Only a bridged string with no buffer of its own is copied.
    @inline(__always)
    func withUTF8Bytes<Result>(_ body: (UnsafeBufferPointer<UInt8>) throws -> Result) rethrows -> Result {
        // Wrapped, so a `Result` that is itself optional cannot read as "no storage".
        if let direct = try utf8.withContiguousStorageIfAvailable({ Wrapped(value: try body($0)) }) {
            return direct.value
        }
        var copy = self
        return try copy.withUTF8(body)
    }

    /// Whether every UTF-8 byte passes `test`, read in the string's own buffer: `utf8.allSatisfy`
    /// stepped through the view's indices, about twenty instructions a byte.
    @inline(__always)
    func everyUTF8Byte(_ test: (UInt8) -> Bool) -> Bool {
        withUTF8Bytes { bytes in
            for byte in bytes where !test(byte) { return false }
            return true
        }
    }

    /// Every byte is a `Character` of its own: ASCII without a carriage return (which joins the
    /// line feed after it). Steps over bytes then give what steps over `Character`s give.
    var hasCharacterPerByte: Bool { everyUTF8Byte { $0 < 0x80 && $0 != 0x0D } }

    /// `removingPercentEncoding`, skipped when there is nothing to decode.
    var percentDecoded: String? {
        utf8.contains(UInt8(ascii: "%")) ? removingPercentEncoding : self
    }

    /// Percent-encoded for a URL fragment; unchanged when every byte is unreserved.
    var fragmentEncoded: String {
        let plain = everyUTF8Byte { byte in
            (byte >= 0x30 && byte <= 0x39) || (byte >= 0x41 && byte <= 0x5A) || (byte >= 0x61 && byte <= 0x7A)
                || byte == 0x2D || byte == 0x5F || byte == 0x2E || byte == 0x7E
        }
        return plain ? self : (addingPercentEncoding(withAllowedCharacters: .urlFragmentAllowed) ?? self)
    }
}

private struct Wrapped<Value> {
    var value: Value
}

extension Array where Element: AnyObject {
    /// The object at `index` lent to `body` without retaining it: objects every core reads
    /// (pages, their built forms) were retained and released per read, each an atomic write to
    /// memory both cores share. The array keeps the object alive meanwhile.
    func withUnretained<Result>(at index: Int, _ body: (Element) -> Result) -> Result {
        withUnsafeBufferPointer { buffer in
            buffer.withMemoryRebound(to: Unmanaged<Element>.self) { $0[index]._withUnsafeGuaranteedRef(body) }
        }
    }
}
