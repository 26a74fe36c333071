import Foundation

/// Every page by the path of its file below `content/`. Links are resolved against it: a page
/// has dozens of relative links, and for each one making a `String` of the path and hashing it
/// cost more than the rest of resolving it. ASCII paths are therefore also looked up as bytes;
/// any other path as a `String`, which compares canonical forms (a decomposed `é` finds `é`).
///
/// A class: `Site` is copied into every page's transforms, and one reference is all a copy
/// adds.
final class SourcePathTable: Sendable {
    private let indexByPath: [String: Int]
    /// The ASCII paths, open addressing (at most half full): a slot holds the path's hash, its
    /// page and where its bytes are in `asciiBytes`. A lookup reads its slot, and the bytes
    /// only when the hash is the same; a set of words and a list of pages beside it made four
    /// reads to far-apart memory per link.
    private let slots: [PathSlot]
    private let asciiBytes: [UInt8]

    private struct PathSlot {
        var hash: UInt64 = 0
        var start: UInt32 = 0
        var count: UInt32 = 0
        /// -1: an empty slot.
        var page: Int32 = -1
    }

    /// `paths[i]` is the file of page `i`; no path is given twice.
    init(paths: [String]) {
        var indexByPath: [String: Int] = [:]
        indexByPath.reserveCapacity(paths.count)
        var size = 16
        while size < paths.count * 2 { size *= 2 }
        var slots = [PathSlot](repeating: PathSlot(), count: size)
        var asciiBytes: [UInt8] = []
        for (index, path) in paths.enumerated() {
            indexByPath[path] = index
            path.withUTF8Bytes { bytes in
                guard !bytes.contains(where: { $0 >= 0x80 }) else { return }
                let hash = ByteWordSet.hash(bytes)
                var slot = Int(truncatingIfNeeded: hash) & (size - 1)
                while slots[slot].page >= 0 {
                    // The first page of a path given twice keeps it.
                    if slots[slot].hash == hash && Self.holds(asciiBytes, slots[slot], bytes) { return }
                    slot = (slot + 1) & (size - 1)
                }
                slots[slot] = PathSlot(
                    hash: hash, start: UInt32(asciiBytes.count), count: UInt32(bytes.count), page: Int32(index))
                asciiBytes.append(contentsOf: bytes)
            }
        }
        (self.indexByPath, self.slots, self.asciiBytes) = (indexByPath, slots, asciiBytes)
    }

    func index(of path: String) -> Int? { indexByPath[path] }

    /// The page whose file is `bytes` (UTF-8).
    func index(of bytes: UnsafeBufferPointer<UInt8>) -> Int? {
        guard !bytes.contains(where: { $0 >= 0x80 }) else { return indexByPath[String(decoding: bytes, as: UTF8.self)] }
        let hash = ByteWordSet.hash(bytes)
        return slots.withUnsafeBufferPointer { slots in
            let mask = slots.count - 1
            var slot = Int(truncatingIfNeeded: hash) & mask
            while true {
                let entry = slots[slot]
                if entry.page < 0 { return nil }
                if entry.hash == hash && Self.holds(asciiBytes, entry, bytes) { return Int(entry.page) }
                slot = (slot + 1) & mask
            }
        }
    }

    /// Whether `slot`'s path in `stored` is `bytes`.
    private static func holds(_ stored: [UInt8], _ slot: PathSlot, _ bytes: UnsafeBufferPointer<UInt8>) -> Bool {
        guard Int(slot.count) == bytes.count else { return false }
        guard let other = bytes.baseAddress, !bytes.isEmpty else { return true }
        return stored.withUnsafeBufferPointer { stored in
            guard let base = stored.baseAddress else { return false }
            return memcmp(base + Int(slot.start), other, bytes.count) == 0
        }
    }

    /// The page whose file is `name` read from `folder` (`LinkResolver.normalize(_:_:)`), with
    /// no `String` made of the path; nil also when `..` climbs out of `content/`.
    func index(folder: UnsafeBufferPointer<UInt8>, name: UnsafeBufferPointer<UInt8>) -> Int? {
        withUnsafeTemporaryAllocation(of: UInt8.self, capacity: folder.count + name.count + 1) { output in
            guard let count = LinkResolver.normalized(folder, name, into: output) else { return nil }
            return index(of: UnsafeBufferPointer(rebasing: output[..<count]))
        }
    }
}
