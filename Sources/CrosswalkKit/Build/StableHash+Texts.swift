extension StableHash {
    /// A 64-bit hash of `first` and `second` as UTF-8, eight bytes at a time: stable across
    /// runs and machines, for the page sources every build digests. `of(_:)` goes byte by byte
    /// (FNV-1a, a multiply per byte) over a joined copy; this reads the texts in place.
    ///
    /// Each text's words go through xxHash64's round, its last bytes and then its length
    /// through one more (so where one text ends and the next begins is part of the hash), and
    /// the result through xxHash64's final mix.
    static func of(_ first: String, _ second: String) -> UInt64 {
        var hash = feed(first, into: 0x27D4_EB2F_1656_67C5)
        hash = feed(second, into: hash)
        hash ^= hash >> 33
        hash &*= 0xC2B2_AE3D_27D4_EB4F
        hash ^= hash >> 29
        hash &*= 0x1656_67B1_9E37_79F9
        hash ^= hash >> 32
        return hash
    }

    private static func feed(_ text: String, into start: UInt64) -> UInt64 {
        text.withUTF8Bytes { bytes in
            let raw = UnsafeRawBufferPointer(bytes)
            var hash = start
            var offset = 0
            while offset + 8 <= raw.count {
                hash = round(hash, UInt64(littleEndian: raw.loadUnaligned(fromByteOffset: offset, as: UInt64.self)))
                offset += 8
            }
            var last: UInt64 = 0
            for shift in 0..<(raw.count - offset) { last |= UInt64(raw[offset + shift]) << (8 * UInt64(shift)) }
            hash = round(hash, last)
            return round(hash, UInt64(raw.count))
        }
    }

    /// xxHash64's round: `word` mixed into `hash`.
    @inline(__always)
    static func round(_ hash: UInt64, _ word: UInt64) -> UInt64 {
        let mixed = hash &+ word &* 0xC2B2_AE3D_27D4_EB4F
        return ((mixed << 31) | (mixed >> 33)) &* 0x9E37_79B1_85EB_CA87
    }
}
