/// Byte strings packed into one block of memory, made once per renderer and read by index:
/// a view of one retains nothing.
///
/// Pictures draw every page's neighbours. Reading a neighbour's path or title from its page
/// retained and released it, from every core at once on the same much-linked pages; here it
/// is written from plain memory that lives as long as the table.
final class PackedBytes: @unchecked Sendable {
    private let memory: UnsafeMutablePointer<UInt8>
    private let bounds: [(start: Int, end: Int)]

    convenience init(_ items: [[UInt8]]) {
        var bytes: [UInt8] = []
        bytes.reserveCapacity(items.reduce(0) { $0 + $1.count })
        var bounds: [(start: Int, end: Int)] = []
        bounds.reserveCapacity(items.count)
        for item in items {
            let start = bytes.count
            bytes += item
            bounds.append((start, bytes.count))
        }
        self.init(bytes: bytes, bounds: bounds)
    }

    /// Each string's UTF-8, copied straight in: an array made of each first was an allocation
    /// per page, 100,000 of them for a site's paths after every `serve` edit.
    convenience init(strings: [String]) {
        var bytes: [UInt8] = []
        bytes.reserveCapacity(strings.count * 32)
        var bounds: [(start: Int, end: Int)] = []
        bounds.reserveCapacity(strings.count)
        for var string in strings {
            let start = bytes.count
            string.withUTF8 { bytes.append(contentsOf: $0) }
            bounds.append((start, bytes.count))
        }
        self.init(bytes: bytes, bounds: bounds)
    }

    private init(bytes: [UInt8], bounds: [(start: Int, end: Int)]) {
        memory = .allocate(capacity: max(bytes.count, 1))
        memory.initialize(from: bytes, count: bytes.count)
        self.bounds = bounds
    }

    var count: Int { bounds.count }

    deinit { memory.deallocate() }

    var isEmpty: Bool { bounds.isEmpty }

    /// Item `index`, valid while this table lives.
    subscript(index: Int) -> UnsafeBufferPointer<UInt8> {
        let bound = bounds[index]
        return UnsafeBufferPointer(start: memory + bound.start, count: bound.end - bound.start)
    }
}

/// Every page's output path as bytes, with where its first folder ends (as `HrefBase` needs
/// it). Made once per renderer.
struct PathTable: Sendable {
    private let paths: PackedBytes
    private let firstFolderEnds: [Int?]

    init(paths: [String]) {
        let packed = PackedBytes(strings: paths)
        self.paths = packed
        firstFolderEnds = (0..<packed.count).map { HrefBase.plainFirstFolderEnd(packed[$0]) }
    }

    /// Path `index`, valid while this table lives, and where its first folder ends.
    subscript(index: Int) -> (path: UnsafeBufferPointer<UInt8>, firstFolderEnd: Int?) {
        (paths[index], firstFolderEnds[index])
    }
}
