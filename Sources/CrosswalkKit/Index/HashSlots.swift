/// A read-only map from 64-bit hashes to small integers, by open addressing. The glossary
/// matcher looks a hash up per word of prose; `Dictionary` hashed each key again with SipHash,
/// and that was a third of matching. Keys here are FNV-1a hashes, mixed once more by a
/// multiply so their high bits pick the slot.
struct HashSlots: Sendable {
    private var keys: [UInt64]
    private var values: [Int32]
    private let shift: UInt64

    /// `pairs` must not repeat a key.
    init(_ pairs: [(key: UInt64, value: Int32)]) {
        var bits: UInt64 = 4
        while (1 << bits) < pairs.count * 2 { bits += 1 }
        let size = 1 << Int(bits)
        keys = Array(repeating: 0, count: size)
        // -1 marks an empty slot; values are indexes, never negative.
        values = Array(repeating: -1, count: size)
        shift = 64 - bits
        for (key, value) in pairs {
            var slot = self.slot(key)
            while values[slot] >= 0 { slot = (slot + 1) & (size - 1) }
            keys[slot] = key
            values[slot] = value
        }
    }

    @inline(__always)
    private func slot(_ key: UInt64) -> Int { Int(truncatingIfNeeded: (key &* 0x9E37_79B9_7F4A_7C15) >> shift) }

    subscript(key: UInt64) -> Int32? {
        var slot = self.slot(key)
        let mask = keys.count - 1
        while true {
            let value = values[slot]
            if value < 0 { return nil }
            if keys[slot] == key { return value }
            slot = (slot + 1) & mask
        }
    }
}
