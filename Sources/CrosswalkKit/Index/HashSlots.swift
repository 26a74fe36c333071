/// A read-only map from 64-bit hashes to what the glossary matcher knows of them: the names
/// with that hash (a run of its flat entry list), and whether the hash is the start of a
/// longer name. The matcher looks a hash up per word of prose. `Dictionary` hashed each key
/// again with SipHash, and two tables (names, prefixes) cost two cache misses per word with
/// 20,000 terms; here one probe reads one 16-byte slot. Keys are FNV-1a hashes, mixed once
/// more by a multiply so their high bits pick the slot (open addressing, linear probing).
struct HashSlots: Sendable {
    struct Slot: Sendable {
        var key: UInt64
        /// Where the names with this hash start in the matcher's entries.
        var names: Int32
        /// -1: the slot is empty; else the count of names times 2, plus 1 when the hash starts
        /// a longer name.
        var flags: Int32

        var isPrefix: Bool { flags & 1 == 1 }
        var nameCount: Int { Int(flags >> 1) }
    }

    private var slots: [Slot]
    private let shift: UInt64

    /// `pairs` must not repeat a key.
    init(_ pairs: [(key: UInt64, names: Int32, count: Int32, isPrefix: Bool)]) {
        var bits: UInt64 = 4
        while (1 << bits) < pairs.count * 2 { bits += 1 }
        let size = 1 << Int(bits)
        slots = Array(repeating: Slot(key: 0, names: -1, flags: -1), count: size)
        shift = 64 - bits
        for (key, names, count, isPrefix) in pairs {
            var slot = self.slot(key)
            while slots[slot].flags >= 0 { slot = (slot + 1) & (size - 1) }
            slots[slot] = Slot(key: key, names: names, flags: count << 1 | (isPrefix ? 1 : 0))
        }
    }

    @inline(__always)
    private func slot(_ key: UInt64) -> Int { Int(truncatingIfNeeded: (key &* 0x9E37_79B9_7F4A_7C15) >> shift) }

    subscript(key: UInt64) -> Slot? {
        slots.withUnsafeBufferPointer { slots in
            var slot = self.slot(key)
            let mask = slots.count - 1
            while true {
                let found = slots[slot]
                if found.flags < 0 { return nil }
                if found.key == key { return found }
                slot = (slot + 1) & mask
            }
        }
    }
}
