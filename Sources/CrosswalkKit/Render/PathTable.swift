/// Every page's output path as bytes in one block of memory, with where its first folder
/// ends (as `HrefBase` needs it). Made once per renderer.
///
/// Pictures link every page to its neighbours. Reading a neighbour's path `String` retained
/// and released it, from every core at once on the same much-linked pages; here an href is
/// written from plain memory that lives as long as the renderer.
final class PathTable: @unchecked Sendable {
    private let memory: UnsafeMutablePointer<UInt8>
    private let bounds: [(start: Int, end: Int, firstFolderEnd: Int?)]

    init(paths: [String]) {
        var bytes: [UInt8] = []
        var bounds: [(start: Int, end: Int, firstFolderEnd: Int?)] = []
        bounds.reserveCapacity(paths.count)
        for path in paths {
            let start = bytes.count
            bytes += path.utf8
            bounds.append((start, bytes.count, path.withUTF8Bytes(HrefBase.plainFirstFolderEnd)))
        }
        memory = .allocate(capacity: max(bytes.count, 1))
        memory.initialize(from: bytes, count: bytes.count)
        self.bounds = bounds
    }

    deinit { memory.deallocate() }

    /// Path `index`, valid while this table lives, and where its first folder ends.
    subscript(index: Int) -> (path: UnsafeBufferPointer<UInt8>, firstFolderEnd: Int?) {
        let bound = bounds[index]
        return (UnsafeBufferPointer(start: memory + bound.start, count: bound.end - bound.start), bound.firstFolderEnd)
    }
}
