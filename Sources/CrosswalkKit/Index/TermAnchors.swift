/// What every auto-link to a term is written from, as bytes in one block of memory: the
/// term's output path (the link's target) and the tag's tail after `href` (`"`, the
/// attributes, `>`). Made once per site.
///
/// The auto-linker writes a tag per mention it links. Reading a term's `String`s there
/// retained and released them, from every core at once on the same much-linked terms; here
/// a link reads plain memory that lives as long as the site.
///
/// A term's record is one run of bytes: a 16-byte header (the path's and the tail's lengths,
/// where the path's first folder ends, whether it needs escaping), then the path, then the
/// tail. A link reads the record's start and the record, not four arrays (bounds, bytes,
/// folder ends, escaping): at 100,000 pages (20,000 terms) writing the tags took four times
/// its share of the build at 10,000, nearly all of it waiting on those reads.
final class TermAnchors: @unchecked Sendable {
    /// One term's anchor, valid while its `TermAnchors` lives.
    struct Anchor {
        var path: UnsafeBufferPointer<UInt8>
        /// `"`, the attributes and `>`.
        var tail: UnsafeBufferPointer<UInt8>
        /// The path holds a byte an attribute must escape (`&`, `"`, …).
        var pathNeedsEscaping: Bool
        /// Where the path's first folder ends, as `HrefBase` needs it.
        var firstFolderEnd: Int?
    }

    private static let headerSize = 16
    private let memory: UnsafeMutableRawPointer
    /// Where each term's record starts in `memory`.
    private let starts: [Int]

    /// `paths[i]` and `attributes[i]` are term `i`'s output path and escaped attributes.
    init(paths: [String], attributes: [String]) {
        precondition(paths.count == attributes.count, "one path and set of attributes per term")
        var bytes: [UInt8] = []
        var starts: [Int] = []
        starts.reserveCapacity(paths.count)
        func append(_ field: Int) {
            withUnsafeBytes(of: Int32(truncatingIfNeeded: field)) { bytes += $0 }
        }
        for (path, attributes) in zip(paths, attributes) {
            // Records start 8-byte aligned, so the header loads as whole words.
            bytes += repeatElement(0, count: (8 - bytes.count % 8) % 8)
            starts.append(bytes.count)
            let tail = [UInt8(ascii: "\"")] + attributes.utf8 + [UInt8(ascii: ">")]
            append(path.utf8.count)
            append(tail.count)
            append(path.withUTF8Bytes(HrefBase.plainFirstFolderEnd) ?? -1)
            append(path.utf8.contains(where: HTMLEscape.needsEscaping) ? 1 : 0)
            bytes += path.utf8
            bytes += tail
        }
        memory = .allocate(byteCount: max(bytes.count, 1), alignment: 8)
        memory.copyMemory(from: bytes, byteCount: bytes.count)
        self.starts = starts
    }

    deinit { memory.deallocate() }

    /// Term `term`'s anchor, read from its one record.
    func anchor(_ term: Int) -> Anchor {
        let record = UnsafeRawPointer(memory + starts[term])
        func field(_ index: Int) -> Int { Int(record.load(fromByteOffset: index * 4, as: Int32.self)) }
        let (pathCount, tailCount, folderEnd) = (field(0), field(1), field(2))
        let path = (record + Self.headerSize).assumingMemoryBound(to: UInt8.self)
        return Anchor(
            path: UnsafeBufferPointer(start: path, count: pathCount),
            tail: UnsafeBufferPointer(start: path + pathCount, count: tailCount),
            pathNeedsEscaping: field(3) != 0, firstFolderEnd: folderEnd < 0 ? nil : folderEnd)
    }
}
