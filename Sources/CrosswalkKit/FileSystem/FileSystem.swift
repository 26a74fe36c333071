import Foundation

/// What the Load stage needs from a file system, as closures, so most pipeline tests run in
/// memory (``FileSystem/inMemory(_:)``) and the CLI runs on ``FileSystem/disk``.
/// Paths are absolute and use `/`.
public struct FileSystem: Sendable {
    public enum EntryKind: Sendable { case file, directory, symlink, other }

    /// The names in a directory (unsorted); nil when it is not a readable directory.
    public var listDirectory: @Sendable (String) -> [String]?
    /// The kind of the entry itself, without following a symbolic link; nil when absent.
    public var kind: @Sendable (String) -> EntryKind?
    /// The path with every symbolic link resolved; nil when it dangles or loops.
    public var resolve: @Sendable (String) -> String?
    /// The bytes of a file.
    public var read: @Sendable (String) throws -> [UInt8]
    /// The size of a file in bytes, without reading it.
    public var size: @Sendable (String) -> Int?
    /// The names in a directory (unsorted), each with its kind when the listing says it
    /// (`d_type` on Linux; nil when not, and `kind` answers). Nil when it is not a readable
    /// directory. One call per folder, where a kind per entry was a call per file.
    public var listEntries: @Sendable (String) -> [Entry]?
    /// The bytes of a file, or only its size when that is over `limit`: one open where a size,
    /// then a read, looked the file up twice.
    public var readUpTo: @Sendable (String, Int) throws -> LimitedRead

    public struct Entry: Sendable, Equatable {
        public var name: String
        public var kind: EntryKind?
    }

    public enum LimitedRead: Sendable, Equatable {
        /// The bytes, with the file's ``stamp`` as it was when they were read (nil when the
        /// file system cannot tell): a build that fingerprints its inputs while reading them
        /// checks the two agree.
        case bytes([UInt8], stamp: ReadStamp? = nil)
        case tooLarge(size: Int)
    }
    /// A short text that changes whenever the file does (size, times, inode on disk).
    public var stamp: @Sendable (String) -> String?
    /// A directory (not following a symbolic link), or else a file with its `stamp`: one
    /// look where `isDirectory` and `stamp` were two (a walk of every input asks per file).
    public var entry: @Sendable (String) -> StampedEntry

    public enum StampedEntry: Sendable, Equatable {
        case directory
        case file(stamp: String?)
    }

    public init(
        listDirectory: @escaping @Sendable (String) -> [String]?,
        kind: @escaping @Sendable (String) -> EntryKind?,
        resolve: @escaping @Sendable (String) -> String?,
        read: @escaping @Sendable (String) throws -> [UInt8],
        size: @escaping @Sendable (String) -> Int?,
        stamp: @escaping @Sendable (String) -> String?,
        entry: (@Sendable (String) -> StampedEntry)? = nil,
        listEntries: (@Sendable (String) -> [Entry]?)? = nil,
        readUpTo: (@Sendable (String, Int) throws -> LimitedRead)? = nil
    ) {
        self.listDirectory = listDirectory
        self.kind = kind
        self.resolve = resolve
        self.read = read
        self.size = size
        self.stamp = stamp
        self.entry = entry ?? { path in kind(path) == .directory ? .directory : .file(stamp: stamp(path)) }
        self.listEntries = listEntries ?? { path in listDirectory(path)?.map { Entry(name: $0, kind: nil) } }
        self.readUpTo =
            readUpTo ?? { path, limit in
                if let size = size(path), size > limit { return .tooLarge(size: size) }
                // Stamped before the read: an edit in between shows as a different stamp.
                let stamped = stamp(path)
                return .bytes(try read(path), stamp: stamped.map(ReadStamp.text))
            }
    }

    public func exists(_ path: String) -> Bool { kind(path) != nil }
    public func isDirectory(_ path: String) -> Bool { kind(path) == .directory }

    /// The folder `path` is, or links to, with every link resolved; nil for anything else.
    /// A theme may link a folder it shares with other sites (`templates/partials`); walks that
    /// follow links keep the folders they have seen, so a link to a folder above stops there.
    public func folderFollowingLinks(_ path: String) -> String? {
        switch kind(path) {
        case .directory?, .symlink?: resolve(path).flatMap { isDirectory($0) ? $0 : nil }
        default: nil
        }
    }
}

public struct FileSystemError: Error, CustomStringConvertible {
    public var path: String
    public var reason: String
    public var description: String { "\(path): \(reason)" }
}

extension FileSystem {
    /// The real file system, through POSIX calls.
    public static let disk = FileSystem(
        listDirectory: { path in
            try? FileManager.default.contentsOfDirectory(atPath: path)
        },
        kind: { path in
            var info = stat()
            guard lstat(path, &info) == 0 else { return nil }
            switch info.st_mode & S_IFMT {
            case S_IFREG: return .file
            case S_IFDIR: return .directory
            case S_IFLNK: return .symlink
            default: return .other
            }
        },
        resolve: { path in
            guard let resolved = realpath(path, nil) else { return nil }
            defer { free(resolved) }
            return String(cString: resolved)
        },
        read: { path in try readWholeFile(path) },
        size: { path in
            var info = stat()
            guard stat(path, &info) == 0 else { return nil }
            return Int(info.st_size)
        },
        stamp: { path in
            var info = stat()
            guard stat(path, &info) == 0 else { return nil }
            return diskStamp(info)
        },
        entry: { path in
            var info = stat()
            guard lstat(path, &info) == 0 else { return .file(stamp: nil) }
            switch info.st_mode & S_IFMT {
            case S_IFDIR: return .directory
            // A link's stamp is its target's, as `stamp` gives it.
            case S_IFLNK: return .file(stamp: stat(path, &info) == 0 ? diskStamp(info) : nil)
            default: return .file(stamp: diskStamp(info))
            }
        },
        listEntries: { path in listEntriesOnDisk(path) },
        readUpTo: { path, limit in try readWholeFile(path, limit: limit) }
    )

    /// A read-only tree held in memory: `files` maps absolute paths to contents;
    /// directories are implied by the paths.
    public static func inMemory(_ files: [String: String]) -> FileSystem {
        inMemory(bytes: files.mapValues { Array($0.utf8) })
    }

    /// The same with raw bytes, so invalid UTF-8, NUL bytes and byte-order marks reach the
    /// Load stage unchanged (the fuzz target and hostile-input tests use it).
    public static func inMemory(bytes contents: [String: [UInt8]]) -> FileSystem {
        var directories: [String: Set<String>] = [:]
        for path in contents.keys {
            var child = path
            var parent = (path as NSString).deletingLastPathComponent
            while !parent.isEmpty {
                directories[parent, default: []].insert((child as NSString).lastPathComponent)
                if parent == "/" { break }
                child = parent
                parent = (parent as NSString).deletingLastPathComponent
            }
        }
        let tree = directories
        return FileSystem(
            listDirectory: { tree[$0].map(Array.init) },
            kind: { path in
                if contents[path] != nil { return .file }
                return tree[path] != nil ? .directory : nil
            },
            resolve: { path in (contents[path] != nil || tree[path] != nil) ? path : nil },
            read: { path in
                guard let bytes = contents[path] else {
                    throw FileSystemError(path: path, reason: "no such file")
                }
                return bytes
            },
            size: { contents[$0]?.count },
            stamp: { path in contents[path].map { "\($0.count):\(StableHash.of($0))" } }
        )
    }
}

/// Size, modification and change times and inode: what `FileSystem.disk` stamps a file with.
private func diskStamp(_ info: stat) -> String { ReadStamp.disk(info).text }

/// A directory's entries from `readdir`, kinds from `d_type` where the file system gives it.
private func listEntriesOnDisk(_ path: String) -> [FileSystem.Entry]? {
    guard let directory = opendir(path) else { return nil }
    defer { closedir(directory) }
    var entries: [FileSystem.Entry] = []
    while let found = readdir(directory) {
        let name = withUnsafePointer(to: &found.pointee.d_name) {
            $0.withMemoryRebound(to: CChar.self, capacity: 256) { String(cString: $0) }
        }
        if name == "." || name == ".." { continue }
        let kind: FileSystem.EntryKind? =
            switch Int32(found.pointee.d_type) {
            case Int32(DT_REG): .file
            case Int32(DT_DIR): .directory
            case Int32(DT_LNK): .symlink
            case Int32(DT_UNKNOWN): nil
            default: .other
            }
        entries.append(FileSystem.Entry(name: name, kind: kind))
    }
    return entries
}

/// Reads a whole file with POSIX calls (no Foundation bridging on the hot path).
func readWholeFile(_ path: String) throws -> [UInt8] {
    guard case .bytes(let bytes, _) = try readWholeFile(path, limit: .max) else { return [] }
    return bytes
}

/// Reads a whole file, unless it is over `limit` bytes: then only its size. The stamp is the
/// open file's (`fstat` before the read), as `FileSystem.disk` stamps it.
func readWholeFile(_ path: String, limit: Int) throws -> FileSystem.LimitedRead {
    let descriptor = open(path, O_RDONLY)
    guard descriptor >= 0 else {
        throw FileSystemError(path: path, reason: String(cString: strerror(errno)))
    }
    defer { close(descriptor) }
    // Read straight into an array of the size `fstat` gives: a zero-filled chunk per file to
    // copy from cost more than the read itself. Whatever a growing file has beyond that size
    // is read after it.
    var info = stat()
    let stated = fstat(descriptor, &info) == 0
    let size = stated ? max(0, Int(info.st_size)) : 0
    if size > limit { return .tooLarge(size: size) }
    var failure: Int32 = 0
    // One byte more than the size asked for: a read that returns less has reached the end, so
    // no second read is needed to find it (one system call a file saved).
    var ended = false
    var bytes = [UInt8](unsafeUninitializedCapacity: size + 1) { buffer, count in
        count = 0
        while count < buffer.count, let base = buffer.baseAddress {
            let got = read(descriptor, base + count, buffer.count - count)
            if got < 0 && errno == EINTR { continue }
            if got < 0 { failure = errno }
            if got <= 0 {
                ended = got == 0
                break
            }
            count += got
            if count < buffer.count && count >= size {
                ended = true
                break
            }
        }
    }
    if failure != 0 { throw FileSystemError(path: path, reason: String(cString: strerror(failure))) }
    if ended { return .bytes(bytes, stamp: stated ? .disk(info) : nil) }
    try withUnsafeTemporaryAllocation(of: UInt8.self, capacity: 16 * 1024) { chunk in
        while failure == 0, let base = chunk.baseAddress {
            let got = read(descriptor, base, chunk.count)
            if got < 0 && errno == EINTR { continue }
            if got < 0 { failure = errno }
            if got <= 0 { break }
            bytes.append(contentsOf: UnsafeBufferPointer(rebasing: chunk[0..<got]))
        }
        if failure != 0 { throw FileSystemError(path: path, reason: String(cString: strerror(failure))) }
    }
    return .bytes(bytes, stamp: stated ? .disk(info) : nil)
}

/// A file's ``FileSystem/stamp`` as a read took it: the numbers of an `fstat`, made into the
/// stamp's text only when a caller asks (most builds never compare it).
public enum ReadStamp: Sendable, Equatable {
    case disk(size: Int64, modified: Int64, modifiedNanos: Int64, changed: Int64, changedNanos: Int64, inode: UInt64)
    case text(String)

    static func disk(_ info: stat) -> ReadStamp {
        .disk(
            size: Int64(info.st_size), modified: Int64(info.st_mtim.tv_sec), modifiedNanos: Int64(info.st_mtim.tv_nsec),
            changed: Int64(info.st_ctim.tv_sec), changedNanos: Int64(info.st_ctim.tv_nsec), inode: UInt64(info.st_ino))
    }

    /// The text `FileSystem.stamp` gives for the same file:
    /// `size:modified.nanos:changed.nanos:inode`.
    public var text: String {
        switch self {
        case .text(let text):
            return text
        case .disk(let size, let modified, let modifiedNanos, let changed, let changedNanos, let inode):
            // Written as bytes (`HTMLBytes.integer`): interpolating the six numbers cost about
            // 6,000 instructions a stamp, and a first build stamps every file twice (walk and read).
            var text = HTMLBytes(capacity: 128)
            text.integer(Int(size))
            text.raw(":")
            text.integer(Int(modified))
            text.raw(".")
            text.integer(Int(modifiedNanos))
            text.raw(":")
            text.integer(Int(changed))
            text.raw(".")
            text.integer(Int(changedNanos))
            text.raw(":")
            text.integer(inode)
            return text.string
        }
    }
}
