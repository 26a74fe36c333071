import Foundation

/// Rendered page bodies kept between the Markdown stage and rendering in a temporary file, not
/// in memory: every body held at once was most of a build's peak memory (about half of it at
/// 10,000 pages). Reading one back costs a `pread` from the page cache.
///
/// A `crosswalk build` keeps its spool beside the output as the next build's `MarkdownCache`:
/// a spool is then a named file there, locked (`flock`) while a build writes to it, and the
/// next build appends to it, pointing its unchanged pages at the bodies already there. Any
/// other spool is unlinked at once and lives as long as it is open.
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
    private var places: [(offset: Int, count: Int)?]
    private var failure: String?

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
        continued = !readOnly
        places = Array(repeating: nil, count: readOnly ? 0 : count)
    }

    deinit {
        close(descriptor)
        if let path { unlink(path) }
    }

    /// Bytes in the file, the header included.
    var size: Int { lock.withLock { end } }

    /// Names page `index`'s body where an earlier build of this spool's file stored it.
    func adopt(_ index: Int, at place: (offset: Int, count: Int)) { lock.withLock { places[index] = place } }

    /// `count` bytes at `offset`; nil when the file holds fewer.
    func read(at offset: Int, count: Int) -> [UInt8]? { Self.read(descriptor, at: offset, count: count) }

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
        lock.withLock {
            guard let path else { return continued }
            guard rename(path, target) == 0 else { return false }
            self.path = nil
            return true
        }
    }

    /// Where page `index`'s body is stored, once it is.
    func place(of index: Int) -> (offset: Int, count: Int)? { lock.withLock { places[index] } }

    /// Appends `bytes` anywhere in the file and returns where; nil when it could not be written.
    func append(_ bytes: UnsafeRawBufferPointer) -> Int? {
        let offset = lock.withLock {
            defer { end += bytes.count }
            return end
        }
        guard let base = bytes.baseAddress else { return offset }
        var written = 0
        while written < bytes.count {
            let count = pwrite(descriptor, base + written, bytes.count - written, off_t(offset + written))
            if count < 0 && errno == EINTR { continue }
            guard count > 0 else { return nil }
            written += count
        }
        return offset
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
        guard let place = lock.withLock({ places[index] }) else { return nil }
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
