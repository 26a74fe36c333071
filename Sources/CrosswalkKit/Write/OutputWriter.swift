import Foundation

#if canImport(Glibc)
    import Glibc
#endif

/// The Write stage. A build writes into a staging folder beside the output and swaps it in
/// with renames when everything succeeded: a failed or killed build never touches the previous
/// output, and files the last build wrote that this one did not are gone.
///
/// Files whose bytes are unchanged are hard-linked from the previous output instead of
/// written: on this kind of disk creating a file costs 100-1,600 µs, comparing and linking a
/// few. A lock (`flock`, released by the kernel when a build dies) keeps two builds from
/// writing the same output at once.
public final class OutputWriter: @unchecked Sendable {
    public struct Failure: Error, CustomStringConvertible {
        public var message: String
        public var hint: String?
        public var description: String { message }
    }

    /// Marks a folder as crosswalk's output, so a build never replaces a folder it did not make.
    public static let markerName = ".crosswalk-output"
    static let markerText = "This folder is written by crosswalk; a build replaces it as a whole.\n"

    public let output: String
    let staging: String
    /// Beside the output: what the last successful build was made from (see ``BuildRecord``).
    let recordPath: String
    private var lockDescriptor: Int32
    /// The replaced output is kept here as the next build's staging tree (`OutputWriter+Spare`).
    let spare: String
    /// The staging tree is the last build's spare, not a new empty folder.
    let recycled: Bool
    /// An output was there when the build began: without one, no file is compared with its
    /// earlier version (a look per file that could only fail).
    private let hasPrevious: Bool
    private let directories = PathSet()
    /// Relative paths written or linked, in a recycled tree: the rest of it is swept away.
    private let produced = PathSet()
    /// Files written and linked, for the report.
    private let counts = Counts()

    /// Takes the output's lock and creates an empty staging folder.
    public init(output: String) throws(Failure) {
        let output = output.count > 1 && output.hasSuffix("/") ? String(output.dropLast()) : output
        let parent = (output as NSString).deletingLastPathComponent
        let name = (output as NSString).lastPathComponent
        self.output = output
        self.staging = joinPath(parent, ".\(name).staging-\(getpid())")
        self.recordPath = Self.recordPath(of: output)
        self.spare = Self.sparePath(of: output)
        var info = stat()
        hasPrevious = lstat(output, &info) == 0
        try Self.makeDirectories(parent)
        lockDescriptor = try Self.lock(joinPath(parent, ".\(name).lock"))
        var recycled = false
        do {
            try Self.checkOutputIsOurs(output)
            Self.removeLeftovers(parent: parent, name: name)
            recycled = Self.adoptSpare(spare, as: staging)
            if !recycled { try Self.makeDirectories(staging) }
        } catch {
            self.recycled = recycled
            // Through `release()`, which forgets the descriptor: deinit still runs for this
            // object and would close the number again, perhaps by then another build's file.
            release()
            throw error
        }
        self.recycled = recycled
        directories.insert(staging)
    }

    deinit {
        // An abandoned session (a failed build) leaves nothing behind but a spare tree.
        if FileManager.default.fileExists(atPath: staging) { Self.keepAsSpare(staging, spare: spare) }
        release()
    }

    private func release() {
        guard lockDescriptor >= 0 else { return }
        close(lockDescriptor)
        lockDescriptor = -1
    }

    static func recordPath(of output: String) -> String {
        let parent = (output as NSString).deletingLastPathComponent
        return joinPath(parent, ".\((output as NSString).lastPathComponent).record")
    }

    /// The record the build that made the current output left, if that output still exists.
    public static func record(of output: String) -> String? {
        let output = output.count > 1 && output.hasSuffix("/") ? String(output.dropLast()) : output
        guard FileManager.default.fileExists(atPath: joinPath(output, markerName)),
            let bytes = try? readWholeFile(recordPath(of: output))
        else { return nil }
        return String(decoding: bytes, as: UTF8.self)
    }

    /// Writes one file below the staging folder; safe to call from many threads at once for
    /// different paths.
    public func write(_ file: OutputFile) throws(Failure) {
        try file.withBytes { bytes throws(Failure) in try write(bytes, to: file.path) }
    }

    /// Copies a file (an asset) to `relativePath` in the output.
    public func copy(from source: String, to relativePath: String) throws(Failure) {
        let bytes: [UInt8]
        do { bytes = try readWholeFile(source) } catch { throw Failure(message: "cannot read \(source): \(error)") }
        try bytes.withUnsafeBufferPointer { bytes throws(Failure) in try write(bytes, to: relativePath) }
    }

    /// How many files were written anew and how many were linked unchanged.
    public var written: Int { counts.written }
    public var reused: Int { counts.reused }

    /// Swaps the staging folder in as the output, then saves `record` (and `keys`, see
    /// `OutputKeys`) beside it and releases the lock.
    public func commit(record: String, keys: String? = nil) throws(Failure) {
        defer { release() }
        try Array(Self.markerText.utf8).withUnsafeBufferPointer { bytes throws(Failure) in
            try write(bytes, to: Self.markerName)
        }
        if recycled { Self.sweep(staging, produced: produced.all, folders: directories.all) }
        // The record and keys of the output being replaced no longer describe anything.
        unlink(recordPath)
        unlink(OutputKeys.path(of: output))
        let hadOutput = FileManager.default.fileExists(atPath: output)
        // One atomic swap where the kernel offers it: the output is never missing, even if the
        // build is killed here. The staging path then holds the previous output.
        if hadOutput && Self.exchange(staging, output) {
            Self.keepAsSpare(staging, spare: spare)
            save(record, to: recordPath)
            if let keys { save(keys, to: OutputKeys.path(of: output)) }
            return
        }
        let old = staging.replacingOccurrences(of: ".staging-", with: ".old-")
        Self.removeTree(old)
        if hadOutput && rename(output, old) != 0 {
            throw Failure(message: "cannot move the old output aside: \(String(cString: strerror(errno)))")
        }
        if rename(staging, output) != 0 {
            let reason = String(cString: strerror(errno))
            if hadOutput { _ = rename(old, output) }
            throw Failure(message: "cannot publish the new output: \(reason)")
        }
        if hadOutput { Self.keepAsSpare(old, spare: spare) }
        save(record, to: recordPath)
        if let keys { save(keys, to: OutputKeys.path(of: output)) }
    }

    private func save(_ record: String, to recordPath: String) {
        let temporary = recordPath + ".new"
        let descriptor = open(temporary, O_WRONLY | O_CREAT | O_TRUNC, 0o644)
        if descriptor >= 0 {
            let bytes = Array(record.utf8)
            let complete = bytes.withUnsafeBytes { Glibc.write(descriptor, $0.baseAddress, $0.count) } == bytes.count
            close(descriptor)
            if complete { rename(temporary, recordPath) } else { unlink(temporary) }
        }
    }

    // MARK: files

    /// Links the previous output's file at `relativePath` into the new output unread: the
    /// caller knows it was made from the same inputs (`OutputKeys`). False when there is no
    /// such regular file; the caller renders it then.
    public func keepPrevious(_ relativePath: String) throws(Failure) -> Bool {
        guard Self.staysInside(relativePath) else { return false }
        let previous = joinPath(output, relativePath)
        var info = stat()
        guard lstat(previous, &info) == 0, (info.st_mode & S_IFMT) == S_IFREG else { return false }
        let target = joinPath(staging, relativePath)
        try makeParent(of: target)
        if recycled {
            // Often the spare holds this very file already: it was unchanged last time too.
            // Compared with the look above: a second look at `previous` was 10,000 more system
            // calls in a one-page rebuild of 10,000 pages.
            if !Self.isFile(target, sameAs: info) {
                _ = Self.clearForWrite(target)
                unlink(target)
                guard link(previous, target) == 0 else { return false }
            }
            produced.insert(relativePath)
        } else {
            guard link(previous, target) == 0 else { return false }
        }
        counts.add(reused: 1)
        return true
    }

    private func write(_ bytes: UnsafeBufferPointer<UInt8>, to relativePath: String, reuse: Bool = true) throws(Failure)
    {
        guard Self.staysInside(relativePath) else {
            throw Failure(message: "refusing to write '\(relativePath)': the path leaves the output folder")
        }
        let target = joinPath(staging, relativePath)
        try makeParent(of: target)
        let previous = joinPath(output, relativePath)
        if recycled { produced.insert(relativePath) }
        var info = stat()
        if reuse, hasPrevious, Self.hasSameBytes(previous, bytes, info: &info) {
            if recycled && Self.isFile(target, sameAs: info) {
                counts.add(reused: 1)
                return
            }
            if recycled, Self.clearForWrite(target) { unlink(target) }
            if link(previous, target) == 0 {
                counts.add(reused: 1)
                return
            }
        } else if recycled {
            // A file only the spare holds stays, to be written in place (O_TRUNC) below.
            _ = Self.clearForWrite(target)
        }
        // POSIX open/write/close: `Data.write(to:)` fsyncs every file, far too slow for a site.
        let descriptor = open(target, O_WRONLY | O_CREAT | O_TRUNC, 0o644)
        guard descriptor >= 0 else {
            throw Failure(message: "cannot write \(target): \(String(cString: strerror(errno)))")
        }
        defer { close(descriptor) }
        var offset = 0
        while offset < bytes.count, let base = bytes.baseAddress {
            let count = Glibc.write(descriptor, base + offset, bytes.count - offset)
            if count < 0 {
                if errno == EINTR { continue }
                throw Failure(message: "cannot write \(target): \(String(cString: strerror(errno)))")
            }
            offset += count
        }
        counts.add(written: 1)
    }

    /// True when `relativePath` names a file strictly below the output: no empty, `.` or `..`
    /// segment and no leading `/`, whatever page or file name produced it.
    static func staysInside(_ relativePath: String) -> Bool {
        // Segment lengths from the bytes: a `split` into `Substring`s cost 15,000 instructions
        // a file.
        return relativePath.withUTF8Bytes { bytes in
            var start = 0
            for end in 0...bytes.count where end == bytes.count || bytes[end] == UInt8(ascii: "/") {
                let length = end - start
                let dots = bytes[start..<end].allSatisfy { $0 == UInt8(ascii: ".") }
                if length == 0 || (dots && length <= 2) { return false }
                start = end + 1
            }
            return true
        }
    }

    /// True when `path` is a regular file holding exactly `bytes`; `info` is what it looked at.
    static func hasSameBytes(_ path: String, _ bytes: UnsafeBufferPointer<UInt8>, info: inout stat) -> Bool {
        guard lstat(path, &info) == 0, (info.st_mode & S_IFMT) == S_IFREG, Int(info.st_size) == bytes.count,
            let existing = try? readWholeFile(path)
        else { return false }
        return existing.withUnsafeBufferPointer { existing in
            guard let first = existing.baseAddress, let second = bytes.baseAddress else { return existing.isEmpty }
            return memcmp(first, second, existing.count) == 0
        }
    }

    private func makeParent(of path: String) throws(Failure) {
        let parent = folderPath(holding: path)
        guard !directories.contains(parent) else { return }
        if recycled {
            try Self.ensureDirectory(parent)
            // Its parents are kept by the sweep too.
            var above = parent
            while above.count > staging.count, !directories.contains(above) {
                directories.insert(above)
                above = folderPath(holding: above)
            }
        } else {
            try Self.makeDirectories(parent)
        }
        directories.insert(parent)
    }

    static func makeDirectories(_ path: String) throws(Failure) {
        // Most folders are one level below one that exists: a single mkdir, without the
        // checks FileManager makes of every level first.
        if mkdir(path, 0o755) == 0 { return }
        do {
            try FileManager.default.createDirectory(atPath: path, withIntermediateDirectories: true)
        } catch {
            throw Failure(message: "cannot create folder \(path): \(error.localizedDescription)")
        }
    }

    // MARK: safety

    private static func lock(_ path: String) throws(Failure) -> Int32 {
        let descriptor = open(path, O_RDWR | O_CREAT, 0o644)
        guard descriptor >= 0 else {
            throw Failure(message: "cannot open the lock \(path): \(String(cString: strerror(errno)))")
        }
        guard flock(descriptor, LOCK_EX | LOCK_NB) == 0 else {
            let holder = (try? readWholeFile(path)).map { String(decoding: $0, as: UTF8.self) } ?? "?"
            close(descriptor)
            throw Failure(
                message: "another build (pid \(holder.isEmpty ? "?" : holder)) is writing this output",
                hint: "wait for it to finish; the lock is released as soon as that build exits")
        }
        let pid = Array(String(getpid()).utf8)
        _ = ftruncate(descriptor, 0)
        _ = pid.withUnsafeBytes { pwrite(descriptor, $0.baseAddress, $0.count, 0) }
        return descriptor
    }

    /// Refuses to replace an existing, non-empty folder that a crosswalk build did not write.
    private static func checkOutputIsOurs(_ output: String) throws(Failure) {
        var isDirectory: ObjCBool = false
        guard FileManager.default.fileExists(atPath: output, isDirectory: &isDirectory) else { return }
        guard isDirectory.boolValue else {
            throw Failure(message: "output \(output) exists and is not a folder", hint: "choose another --output")
        }
        let entries = (try? FileManager.default.contentsOfDirectory(atPath: output)) ?? []
        if !entries.isEmpty && !entries.contains(markerName) {
            throw Failure(
                message: "output folder \(output) has files crosswalk did not write; refusing to replace it",
                hint: "choose an empty or new --output folder, or delete this one yourself")
        }
    }

    /// Swaps two paths atomically with `renameat2(RENAME_EXCHANGE)` (Linux 3.15+; not every
    /// file system). False when unavailable: the caller falls back to two renames.
    static func exchange(_ first: String, _ second: String) -> Bool {
        #if os(Linux)
            typealias RenameAt2 =
                @convention(c) (Int32, UnsafePointer<CChar>, Int32, UnsafePointer<CChar>, UInt32) ->
                Int32
            // Glibc's Swift module hides renameat2 (it needs _GNU_SOURCE); look it up instead.
            guard let symbol = dlsym(UnsafeMutableRawPointer(bitPattern: 0), "renameat2") else { return false }
            let renameat2 = unsafeBitCast(symbol, to: RenameAt2.self)
            let renameExchange: UInt32 = 1 << 1
            return renameat2(AT_FDCWD, first, AT_FDCWD, second, renameExchange) == 0
        #else
            return false
        #endif
    }

    /// Staging and old folders of builds that were killed; we hold the lock, so none is live.
    /// A build killed between the two renames of the fallback left the output only as `.old-`:
    /// that is put back first.
    private static func removeLeftovers(parent: String, name: String) {
        let output = joinPath(parent, name)
        // Made once, not per entry: the parent may hold thousands of other files.
        let (oldPrefix, stagingPrefix) = (".\(name).old-", ".\(name).staging-")
        var entries = (try? FileManager.default.contentsOfDirectory(atPath: parent)) ?? []
        if !FileManager.default.fileExists(atPath: output),
            let old = entries.filter({ $0.hasPrefix(oldPrefix) }).min(),
            FileManager.default.fileExists(atPath: joinPath(joinPath(parent, old), markerName)),
            rename(joinPath(parent, old), output) == 0
        {
            entries.removeAll { $0 == old }
        }
        for entry in entries where entry.hasPrefix(stagingPrefix) || entry.hasPrefix(oldPrefix) {
            removeTree(joinPath(parent, entry))
        }
    }

    static func removeTree(_ path: String) {
        try? FileManager.default.removeItem(atPath: path)
    }
}

/// Paths in the staging tree (folders made, files written), shared by the writing threads.
private final class PathSet: @unchecked Sendable {
    private var paths: Set<String> = []
    private let lock = NSLock()

    func contains(_ path: String) -> Bool { lock.withLock { paths.contains(path) } }
    func insert(_ path: String) { lock.withLock { _ = paths.insert(path) } }
    var all: Set<String> { lock.withLock { paths } }
}

private final class Counts: @unchecked Sendable {
    private var values = (written: 0, reused: 0)
    private let lock = NSLock()

    var written: Int { lock.withLock { values.written } }
    var reused: Int { lock.withLock { values.reused } }
    func add(written: Int = 0, reused: Int = 0) {
        lock.withLock {
            values.written += written
            values.reused += reused
        }
    }
}
