import Foundation

/// Byte-level stand-ins for Foundation string calls on the per-link hot path. Foundation's
/// `range(of:)` and percent coding go through locale-aware, UTF-16 machinery; these give the
/// same answers for the inputs they accept and fall back to Foundation otherwise.
extension Substring {
    /// The first occurrence of an ASCII `needle`, found in the UTF-8 bytes.
    func firstRange(ofASCII needle: StaticString) -> Range<String.Index>? {
        let pattern = UnsafeBufferPointer(start: needle.utf8Start, count: needle.utf8CodeUnitCount)
        guard let first = pattern.first else { return nil }
        let bytes = utf8
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
}

extension String {
    /// `removingPercentEncoding`, skipped when there is nothing to decode.
    var percentDecoded: String? {
        utf8.contains(UInt8(ascii: "%")) ? removingPercentEncoding : self
    }

    /// Percent-encoded for a URL fragment; unchanged when every byte is unreserved.
    var fragmentEncoded: String {
        let plain = utf8.allSatisfy { byte in
            (byte >= 0x30 && byte <= 0x39) || (byte >= 0x41 && byte <= 0x5A) || (byte >= 0x61 && byte <= 0x7A)
                || byte == 0x2D || byte == 0x5F || byte == 0x2E || byte == 0x7E
        }
        return plain ? self : (addingPercentEncoding(withAllowedCharacters: .urlFragmentAllowed) ?? self)
    }
}
