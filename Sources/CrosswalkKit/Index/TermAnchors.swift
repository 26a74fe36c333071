/// What every auto-link to a term is written from, as bytes in one block of memory: the
/// term's output path (the link's target) and the tag's tail after `href` (`"`, the
/// attributes, `>`). Made once per site.
///
/// The auto-linker writes a tag per mention it links. Reading a term's `String`s there
/// retained and released them, from every core at once on the same much-linked terms; here
/// a link reads plain memory that lives as long as the site.
final class TermAnchors: @unchecked Sendable {
    private let memory: UnsafeMutablePointer<UInt8>
    /// Per term: where its path starts, where its tail starts, and where the tail ends.
    private let bounds: [(path: Int, tail: Int, end: Int)]
    /// Per term: the path holds a byte an attribute must escape (`&`, `"`, …).
    private let pathNeedsEscaping: [Bool]
    /// Per term: where its path's first folder ends, as `HrefBase` needs it.
    private let firstFolderEnds: [Int?]
    /// `paths[i]` and `attributes[i]` are term `i`'s output path and escaped attributes.
    init(paths: [String], attributes: [String]) {
        precondition(paths.count == attributes.count, "one path and set of attributes per term")
        var bytes: [UInt8] = []
        var bounds: [(path: Int, tail: Int, end: Int)] = []
        bounds.reserveCapacity(paths.count)
        for (path, attributes) in zip(paths, attributes) {
            let start = bytes.count
            bytes += path.utf8
            let tail = bytes.count
            bytes.append(UInt8(ascii: "\""))
            bytes += attributes.utf8
            bytes.append(UInt8(ascii: ">"))
            bounds.append((start, tail, bytes.count))
        }
        memory = .allocate(capacity: max(bytes.count, 1))
        memory.initialize(from: bytes, count: bytes.count)
        self.bounds = bounds
        pathNeedsEscaping = paths.map { path in
            path.utf8.contains(where: HTMLEscape.needsEscaping)
        }
        firstFolderEnds = paths.map { $0.withUTF8Bytes(HrefBase.plainFirstFolderEnd) }
    }

    deinit { memory.deallocate() }

    /// Term `term`'s output path, valid while this object lives.
    func path(_ term: Int) -> UnsafeBufferPointer<UInt8> {
        UnsafeBufferPointer(start: memory + bounds[term].path, count: bounds[term].tail - bounds[term].path)
    }

    /// `"`, term `term`'s attributes and `>`, valid while this object lives.
    func tail(_ term: Int) -> UnsafeBufferPointer<UInt8> {
        UnsafeBufferPointer(start: memory + bounds[term].tail, count: bounds[term].end - bounds[term].tail)
    }

    func pathNeedsEscaping(_ term: Int) -> Bool { pathNeedsEscaping[term] }

    func firstFolderEnd(_ term: Int) -> Int? { firstFolderEnds[term] }
}
