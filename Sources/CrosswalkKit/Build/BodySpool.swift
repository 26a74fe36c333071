import Foundation

/// Rendered page bodies kept between the Markdown stage and rendering in a temporary file, not
/// in memory: every body held at once was most of a build's peak memory (about half of it at
/// 10,000 pages). Reading one back costs a `pread` from the page cache.
///
/// A `crosswalk build` keeps its spool beside the output as the next build's `MarkdownCache`:
/// a spool is then a named file there, locked (`flock`) while a build writes to it, and the
/// next build appends to it, pointing its unchanged pages at the bodies already there. Any
/// other spool is unlinked at once and lives as long as it is open.
///
/// Small appends are gathered per thread in lanes, each filling a region of the file it has
/// set aside, and written a region at a time (`SpoolLane`): a `pwrite` per body, from every
/// core into one file, cost more in the kernel than writing the pages themselves.
public final class BodySpool: @unchecked Sendable {
    /// Internal for tests, which cut the file short to see a read fail.
    let descriptor: Int32
    /// A new named spool's path, until `keep(at:)` moves it; nil when unlinked or continued.
    private var path: String?
    /// Opened from a kept spool (`init(continuing:count:)`).
    private var continued = false
    /// Written first, so a cache index can tell its own bodies file from another build's.
    let token: UInt64
    static let headerSize = 16
    static let magic: UInt64 = 0x6377_626f_6469_6573  // "cwbodies"
    private let lock = NSLock()
    // Guarded by `lock`.
    private var end = headerSize
    /// Bytes stored, for `size`: lanes leave the unused ends of their regions as holes.
    private var stored = headerSize
    private var places: [(offset: Int, count: Int)?]
    private var failure: String?
    /// Appends to lanes made, and of them those known to be in the file (`writeLanes`).
    private var laneAppends = 0
    private var laneAppendsWritten = 0
    /// Lane bytes that could not be written, kept to be read from memory instead.
    private var unwritten: [(offset: Int, bytes: [UInt8])] = []
    private let lanes = (0..<SpoolLane.count).map { _ in SpoolLane() }
    /// Held while the lanes are written for a reader, so that others wait for it.
    private let writingLanes = NSLock()
    /// Each lane's first appends that are written at once; tests set 0 to use lanes from the
    /// first body.
    var directFirst = SpoolLane.directFirst

    /// Why a body could not be read back, once one could not: the build must then publish
    /// nothing, since that page would have gone out without its body.
    var readFailure: String? { lock.withLock { failure } }

    /// A new spool; nil when no file can be made, and the caller then keeps bodies in memory.
    /// `named`: a path prefix; the file is made there (`<prefix><pid>-XXXXXX`), named and
    /// locked, instead of in the temporary folder, and such files of builds no longer running
    /// are removed.
    init?(count: Int, named prefix: String? = nil) {
        if let prefix { Self.removeAbandoned(prefix) }
        let start = prefix.map { $0 + "\(getpid())-" } ?? joinPath(NSTemporaryDirectory(), "crosswalk-bodies-")
        var template = Array((start + "XXXXXX").utf8CString)
        let descriptor = template.withUnsafeMutableBufferPointer { buffer in
            buffer.baseAddress.map { mkstemp($0) } ?? -1
        }
        guard descriptor >= 0 else { return nil }
        let madePath = String(decoding: template.dropLast().map { UInt8(bitPattern: $0) }, as: UTF8.self)
        // Unnamed: gone from the folder at once, the file lives exactly as long as the descriptor.
        if prefix == nil { unlink(madePath) }
        token = UInt64.random(in: 1...UInt64.max)
        var header = [Self.magic.littleEndian, token.littleEndian]
        let wrote = header.withUnsafeMutableBytes { pwrite(descriptor, $0.baseAddress, Self.headerSize, 0) }
        guard wrote == Self.headerSize, prefix == nil || flock(descriptor, LOCK_EX | LOCK_NB) == 0 else {
            close(descriptor)
            if prefix != nil { unlink(madePath) }
            return nil
        }
        self.descriptor = descriptor
        path = prefix == nil ? nil : madePath
        places = Array(repeating: nil, count: count)
    }

    /// The spool a build kept at `path`, to append to (locked: nil while another build writes
    /// it), or with `readOnly` only to read (`serve` starts from a build's cache; never written,
    /// so a build appending meanwhile changes nothing read here). Nil when there is none or it
    /// is not a spool.
    init?(continuing path: String, count: Int, readOnly: Bool = false) {
        let descriptor = open(path, (readOnly ? O_RDONLY : O_RDWR) | O_CLOEXEC)
        guard descriptor >= 0 else { return nil }
        var info = stat()
        var reader = CacheBytesReader(Self.read(descriptor, at: 0, count: Self.headerSize) ?? [])
        guard readOnly || flock(descriptor, LOCK_EX | LOCK_NB) == 0, fstat(descriptor, &info) == 0,
            reader.integer() == Self.magic, !reader.failed
        else {
            close(descriptor)
            return nil
        }
        token = reader.integer()
        self.descriptor = descriptor
        end = Int(info.st_size)
        // Blocks, not length: the holes lanes left are not bodies the file holds.
        stored = min(end, Int(info.st_blocks) * 512)
        continued = !readOnly
        places = Array(repeating: nil, count: readOnly ? 0 : count)
    }

    deinit {
        close(descriptor)
        if let path { unlink(path) }
        for lane in lanes { lane.buffer?.deallocate() }
    }

    /// Bytes stored in the file, the header included.
    var size: Int { lock.withLock { stored } }

    /// Names page `index`'s body where an earlier build of this spool's file stored it.
    func adopt(_ index: Int, at place: (offset: Int, count: Int)) { lock.withLock { places[index] = place } }

    /// `count` bytes at `offset`; nil when the file holds fewer.
    func read(at offset: Int, count: Int) -> [UInt8]? {
        if let kept = writeLanes(at: offset, count: count) { return kept }
        return Self.read(descriptor, at: offset, count: count)
    }

    static func read(_ descriptor: Int32, at offset: Int, count: Int) -> [UInt8]? {
        var bytes = [UInt8](repeating: 0, count: count)
        var done = 0
        while done < count {
            let got = bytes.withUnsafeMutableBytes { buffer in
                buffer.baseAddress.map { pread(descriptor, $0 + done, count - done, off_t(offset + done)) } ?? 0
            }
            if got < 0 && errno == EINTR { continue }
            guard got > 0 else { return nil }
            done += got
        }
        return bytes
    }

    /// Spools named with `prefix` whose build was killed before it kept or removed them.
    private static func removeAbandoned(_ prefix: String) {
        let folder = (prefix as NSString).deletingLastPathComponent
        let start = (prefix as NSString).lastPathComponent
        for name in (try? FileManager.default.contentsOfDirectory(atPath: folder)) ?? [] where name.hasPrefix(start) {
            guard let pid = Int32(name.dropFirst(start.count).prefix { $0 != "-" }),
                kill(pid, 0) != 0 && errno == ESRCH
            else { continue }
            unlink(joinPath(folder, name))
        }
    }

    /// Moves a new named spool to `target`, replacing what is there; true too for a continued
    /// one, which is there already. False for an unnamed spool or when it cannot be moved.
    func keep(at target: String) -> Bool {
        // A body only in memory would be missing from the file the next build reads.
        if writeLanes(at: 0, count: 0) != nil { return false }
        return lock.withLock {
            guard let path else { return continued }
            guard rename(path, target) == 0 else { return false }
            self.path = nil
            return true
        }
    }

    /// Where page `index`'s body is stored, once it is.
    func place(of index: Int) -> (offset: Int, count: Int)? { lock.withLock { places[index] } }

    /// Appends `bytes` anywhere in the file and returns where; nil when it could not be written.
    /// Small ones go to this thread's lane and reach the file later (`writeLanes`).
    func append(_ bytes: UnsafeRawBufferPointer) -> Int? {
        let lane = lanes[SpoolLane.index()]
        // A thread's first appends, and large ones, are written at once: a build that stores a
        // few pages (an edit) leaves no unused ends of regions in the file.
        let direct =
            bytes.count >= SpoolLane.directLimit
            || lane.lock.withLock {
                lane.appends += 1
                return lane.appends <= directFirst
            }
        guard !direct else {
            let offset = reserve(bytes.count, storing: bytes.count)
            return write(bytes, at: offset) ? offset : nil
        }
        return lane.lock.withLock {
            if lane.buffer == nil || lane.used + bytes.count > lane.regionSize {
                flush(lane)
                // Regions grow as the lane fills them, so a small site's unused ends stay small.
                if lane.buffer != nil && lane.regionSize < SpoolLane.largestRegion {
                    lane.buffer?.deallocate()
                    lane.buffer = nil
                    lane.regionSize *= 2
                }
                lane.buffer = lane.buffer ?? .allocate(byteCount: lane.regionSize, alignment: 16)
                lane.base = reserve(lane.regionSize, storing: 0)
                lane.used = 0
                lane.written = 0
            }
            if let source = bytes.baseAddress, let buffer = lane.buffer {
                (buffer + lane.used).copyMemory(from: source, byteCount: bytes.count)
            }
            defer { lane.used += bytes.count }
            lock.withLock {
                stored += bytes.count
                laneAppends += 1
            }
            return lane.base + lane.used
        }
    }

    /// Sets aside `count` bytes at the end of the file.
    private func reserve(_ count: Int, storing: Int) -> Int {
        lock.withLock {
            defer {
                end += count
                stored += storing
            }
            return end
        }
    }

    private func write(_ bytes: UnsafeRawBufferPointer, at offset: Int) -> Bool {
        guard let base = bytes.baseAddress else { return true }
        var written = 0
        while written < bytes.count {
            let count = pwrite(descriptor, base + written, bytes.count - written, off_t(offset + written))
            if count < 0 && errno == EINTR { continue }
            guard count > 0 else { return false }
            written += count
        }
        return true
    }

    /// Writes what `lane` holds; bytes that cannot be written are kept in `unwritten`.
    /// Called holding the lane's lock.
    private func flush(_ lane: SpoolLane) {
        guard let buffer = lane.buffer, lane.used > lane.written else { return }
        let bytes = UnsafeRawBufferPointer(start: buffer + lane.written, count: lane.used - lane.written)
        if !write(bytes, at: lane.base + lane.written) {
            let kept = (offset: lane.base + lane.written, bytes: [UInt8](bytes))
            lock.withLock { unwritten.append(kept) }
        }
        lane.written = lane.used
    }

    /// Writes every lane's bytes, before anything is read back or the file kept; the
    /// `count` bytes at `offset` when they could not be written and are kept in memory, and
    /// (for `count` 0) an empty array when anything could not be.
    private func writeLanes(at offset: Int, count: Int) -> [UInt8]? {
        if lock.withLock({ laneAppendsWritten < laneAppends }) {
            writingLanes.withLock {
                // Appends counted here have their bytes in their lane already.
                let appends = lock.withLock { laneAppendsWritten < laneAppends ? laneAppends : nil }
                guard let appends else { return }
                for lane in lanes { lane.lock.withLock { flush(lane) } }
                lock.withLock { laneAppendsWritten = max(laneAppendsWritten, appends) }
            }
        }
        return lock.withLock {
            guard !unwritten.isEmpty else { return nil }
            if count == 0 { return [] }
            for kept in unwritten where kept.offset <= offset && offset + count <= kept.offset + kept.bytes.count {
                return Array(kept.bytes[(offset - kept.offset)..<(offset - kept.offset + count)])
            }
            return nil
        }
    }

    /// Keeps `bytes`, the UTF-8 of a rendered body, as the body of page `index`; false when
    /// they could not be written (the caller keeps the body in memory then).
    func store(bytes: UnsafeRawBufferPointer, at index: Int) -> Bool {
        guard let offset = append(bytes) else { return false }
        lock.withLock { places[index] = (offset, bytes.count) }
        return true
    }

    /// The bytes stored for page `index`, or nil when none were or they could not be read
    /// back whole (then `readFailure` says why). Bytes, not a `String`: a page writes them out
    /// as they are, and a `String` made of them checked every byte as UTF-8 once more.
    func load(_ index: Int) -> [UInt8]? {
        let found = lock.withLock { places[index].map { ($0, laneAppendsWritten == laneAppends && unwritten.isEmpty) } }
        guard let (place, inFile) = found else { return nil }
        if !inFile, let kept = writeLanes(at: place.offset, count: place.count) { return kept }
        var problem: String?
        let body = [UInt8](unsafeUninitializedCapacity: place.count) { buffer, initialized in
            guard let base = buffer.baseAddress else { return }
            var read = 0
            while read < place.count {
                let count = pread(
                    descriptor, base + read, place.count - read, off_t(place.offset + read))
                if count < 0 && errno == EINTR { continue }
                guard count > 0 else {
                    problem = count < 0 ? String(cString: strerror(errno)) : "the temporary file ended early"
                    break
                }
                read += count
            }
            initialized = read
        }
        guard let problem else { return body }
        lock.withLock { failure = failure ?? problem }
        return nil
    }
}

/// One thread's share of a spool's small appends: a region of the file set aside, filled in
/// memory and written at once.
final class SpoolLane {
    static let count = 8
    static let firstRegion = 64 << 10
    static let largestRegion = 1 << 20
    /// Appends this large or larger are written straight away.
    static let directLimit = 128 << 10
    /// A lane's first appends are written straight away too (`BodySpool.directFirst`).
    static let directFirst = 32

    let lock = NSLock()
    var buffer: UnsafeMutableRawPointer?
    var regionSize = firstRegion
    /// Appends that came here.
    var appends = 0
    /// Where the region starts in the file; its bytes `written..<used` are not in the file yet.
    var base = 0
    var used = 0
    var written = 0

    /// The calling thread's lane: threads keep to one, so their appends seldom wait.
    static func index() -> Int {
        Int(truncatingIfNeeded: (UInt64(pthread_self()) &* 0x9E37_79B9_7F4A_7C15) >> 61)
    }
}
