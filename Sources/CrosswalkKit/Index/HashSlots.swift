/// A read-only map from 64-bit hashes to what the glossary matcher knows of them: the records
/// of the names with that hash, and whether the hash is the start of a longer name. The
/// matcher looks a hash up per word of prose that may start a name.
///
/// Each slot is one 64-byte cache line holding the hash, its flags, the marks of the words
/// that continue it (`Slot.continuations`) and, when they fit, the records themselves; longer runs of records go to an overflow area. With 20,000 terms the
/// table is larger than the core's cache, and a found name used to cost two misses (its slot,
/// then its record); now it costs one. Keys are FNV-1a hashes, mixed once more by a multiply so
/// their high bits pick the slot (open addressing, linear probing, at most half full).
/// `Dictionary` hashed each key again with SipHash.
struct HashSlots: @unchecked Sendable {
    struct Slot {
        /// The count of names times 2, plus 1 when the hash starts a longer name.
        var flags: Int32
        /// The names' records, one after another (their format is the matcher's).
        var records: UnsafeRawPointer
        /// For a hash that starts longer names: which first bytes their next words have, as
        /// the matcher marks them (`GlossaryMatcher.continuationBit`).
        var continuations: UInt32

        var isPrefix: Bool { flags & 1 == 1 }
        var nameCount: Int { Int(flags >> 1) }
    }

    private static let lineSize = 64
    private static let inlineOffset = 20
    private static let inlineCapacity = lineSize - inlineOffset
    private static let overflowMark = UInt32.max

    /// Owns the lines and the overflow area, written once in `init` and never changed, so a
    /// slot's pointer stays valid while the table lives.
    private final class Storage {
        let lines: UnsafeMutableRawPointer
        let overflow: UnsafeMutableRawPointer
        init(lineCount: Int, overflowCount: Int) {
            lines = .allocate(byteCount: lineCount * HashSlots.lineSize, alignment: HashSlots.lineSize)
            lines.initializeMemory(as: UInt8.self, repeating: 0, count: lineCount * HashSlots.lineSize)
            overflow = .allocate(byteCount: max(overflowCount, 1), alignment: 8)
        }
        deinit {
            lines.deallocate()
            overflow.deallocate()
        }
    }

    private let storage: Storage
    private let shift: UInt64
    private let mask: Int

    /// `pairs` must not repeat a key; `records` are the bytes of the `count` names' records.
    init(_ pairs: [(key: UInt64, records: [UInt8], count: Int32, isPrefix: Bool, continuations: UInt32)]) {
        var bits: UInt64 = 4
        while (1 << bits) < pairs.count * 2 { bits += 1 }
        let size = 1 << Int(bits)
        let spilled = pairs.reduce(0) { $0 + ($1.records.count > Self.inlineCapacity ? $1.records.count : 0) }
        storage = Storage(lineCount: size, overflowCount: spilled)
        shift = 64 - bits
        mask = size - 1
        let lines = storage.lines
        for index in 0..<size { lines.storeBytes(of: -1, toByteOffset: index * Self.lineSize + 8, as: Int32.self) }
        var overflowUsed = 0
        for (key, records, count, isPrefix, continuations) in pairs {
            var slot = Self.slot(key, shift)
            while lines.load(fromByteOffset: slot * Self.lineSize + 8, as: Int32.self) >= 0 { slot = (slot + 1) & mask }
            let line = lines + slot * Self.lineSize
            line.storeBytes(of: key, as: UInt64.self)
            line.storeBytes(of: count << 1 | (isPrefix ? 1 : 0), toByteOffset: 8, as: Int32.self)
            let isInline = records.count <= Self.inlineCapacity
            line.storeBytes(of: isInline ? Self.overflowMark : UInt32(overflowUsed), toByteOffset: 12, as: UInt32.self)
            line.storeBytes(of: continuations, toByteOffset: 16, as: UInt32.self)
            let target = isInline ? line + Self.inlineOffset : storage.overflow + overflowUsed
            records.withUnsafeBytes {
                UnsafeMutableRawBufferPointer(start: target, count: $0.count).copyMemory(from: $0)
            }
            if !isInline { overflowUsed += records.count }
        }
    }

    @inline(__always)
    private static func slot(_ key: UInt64, _ shift: UInt64) -> Int {
        Int(truncatingIfNeeded: (key &* 0x9E37_79B9_7F4A_7C15) >> shift)
    }

    subscript(key: UInt64) -> Slot? {
        let lines = UnsafeRawPointer(storage.lines)
        var slot = Self.slot(key, shift)
        while true {
            let line = lines + slot * Self.lineSize
            let flags = line.load(fromByteOffset: 8, as: Int32.self)
            if flags < 0 { return nil }
            if line.load(as: UInt64.self) == key {
                let overflow = line.load(fromByteOffset: 12, as: UInt32.self)
                let records =
                    overflow == Self.overflowMark
                    ? line + Self.inlineOffset : UnsafeRawPointer(storage.overflow) + Int(overflow)
                return Slot(
                    flags: flags, records: records, continuations: line.load(fromByteOffset: 16, as: UInt32.self))
            }
            slot = (slot + 1) & mask
        }
    }
}
