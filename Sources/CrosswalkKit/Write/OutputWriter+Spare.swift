import Foundation

#if canImport(Glibc)
    import Glibc
#endif

/// The replaced output, kept as the next build's staging folder (`.public.spare`).
///
/// Making a fresh staging tree costs a folder per page, and deleting the replaced one as many
/// again; on this kind of disk (ext4 without a journal, which skips inodes freed in the last
/// minutes when it makes new ones) the next build paid for that delete in kernel time, most
/// of a one-page rebuild. A spare tree already has the folders. Nothing in it is trusted: a file
/// is written or linked over whatever the spare holds at its path (a file the live output shares
/// is replaced, never written into), and what this build did not write is swept away before
/// the swap.
extension OutputWriter {
    static func sparePath(of output: String) -> String {
        let parent = (output as NSString).deletingLastPathComponent
        return joinPath(parent, ".\((output as NSString).lastPathComponent).spare")
    }

    /// Moves the spare tree to `staging`, when there is one a build left: a folder holding the
    /// output marker (whatever else it holds is swept away, so a folder of someone else's is
    /// never taken).
    static func adoptSpare(_ spare: String, as staging: String) -> Bool {
        var info = stat()
        guard lstat(spare, &info) == 0, (info.st_mode & S_IFMT) == S_IFDIR,
            lstat(joinPath(spare, markerName), &info) == 0, (info.st_mode & S_IFMT) == S_IFREG
        else { return false }
        return rename(spare, staging) == 0
    }

    /// Keeps a tree no build needs any more as the spare (marked as one), or removes it when
    /// there is a spare already.
    static func keepAsSpare(_ tree: String, spare: String) {
        let marker = joinPath(tree, markerName)
        if !FileManager.default.fileExists(atPath: marker) {
            // Unmarked (the write failed), the tree is never taken as a spare: no harm done.
            _ = FileManager.default.createFile(atPath: marker, contents: Data(markerText.utf8))
        }
        if rename(tree, spare) != 0 { removeTree(tree) }
    }

    /// Readies `target` in a recycled staging tree for a new file: false when nothing is there;
    /// true when a file only the spare holds is there, which is then written in place (no inode
    /// freed and another made); anything else there is removed first.
    static func clearForWrite(_ target: String) -> Bool {
        var info = stat()
        guard lstat(target, &info) == 0 else { return false }
        if (info.st_mode & S_IFMT) == S_IFREG && info.st_nlink == 1 { return true }
        removeAnything(target, info)
        return false
    }

    /// True when `path` is the file `info` describes, looked at already (a link of it).
    static func isFile(_ path: String, sameAs info: stat) -> Bool {
        var other = stat()
        return lstat(path, &other) == 0 && other.st_dev == info.st_dev && other.st_ino == info.st_ino
    }

    /// A folder at `path` in a recycled staging tree: one already there is kept, anything else
    /// there (a file, a link) replaced, and missing parents made. Looked at first: in a spare
    /// the folder is nearly always there, and a `mkdir` that fails costs a look as well.
    static func ensureDirectory(_ path: String) throws(Failure) {
        var info = stat()
        if lstat(path, &info) == 0 {
            if (info.st_mode & S_IFMT) == S_IFDIR { return }
            removeAnything(path, info)
        }
        if mkdir(path, 0o755) == 0 { return }
        if errno == ENOENT {
            try ensureDirectory(folderPath(holding: path))
            if mkdir(path, 0o755) == 0 { return }
        }
        // Another thread writing into the same folder may have made it meanwhile.
        if errno == EEXIST, lstat(path, &info) == 0, (info.st_mode & S_IFMT) == S_IFDIR { return }
        throw Failure(message: "cannot create folder \(path): \(String(cString: strerror(errno)))")
    }

    private static func removeAnything(_ path: String, _ info: stat) {
        if (info.st_mode & S_IFMT) == S_IFDIR { removeTree(path) } else { unlink(path) }
    }

    /// Removes from the staging tree every file not in `produced` (relative paths) and every
    /// folder not in `folders` (absolute paths): what the spare held that this build did not
    /// write. Symbolic links are removed, never followed. A level of folders at a time, the
    /// level's folders read on every core: a spare has a folder per page, four system calls
    /// each, and a one-page rebuild reads them all.
    static func sweep(_ staging: String, produced: Set<String>, folders: Set<String>) {
        var level = [(path: staging, prefix: "")]
        while !level.isEmpty {
            level = parallelMap(level) { folder in sweepFolder(folder.path, folder.prefix, produced, folders) }
                .flatMap { $0 }
        }
    }

    /// Sweeps one folder's own entries; returns the folders in it to sweep next.
    private static func sweepFolder(
        _ folder: String, _ prefix: String, _ produced: Set<String>, _ folders: Set<String>
    ) -> [(path: String, prefix: String)] {
        guard let handle = opendir(folder) else { return [] }
        var entries: [(name: String, isFolder: Bool)] = []
        while let entry = readdir(handle) {
            let name = withUnsafePointer(to: &entry.pointee.d_name) { pointer in
                pointer.withMemoryRebound(to: CChar.self, capacity: 256) { String(cString: $0) }
            }
            guard name != "." && name != ".." else { continue }
            var isFolder = entry.pointee.d_type == UInt8(DT_DIR)
            if entry.pointee.d_type == UInt8(DT_UNKNOWN) {
                var info = stat()
                isFolder = lstat(joinPath(folder, name), &info) == 0 && (info.st_mode & S_IFMT) == S_IFDIR
            }
            entries.append((name, isFolder))
        }
        closedir(handle)
        var next: [(path: String, prefix: String)] = []
        for (name, isFolder) in entries {
            let path = joinPath(folder, name)
            if isFolder {
                if folders.contains(path) { next.append((path, prefix + name + "/")) } else { removeTree(path) }
            } else if !produced.contains(prefix + name) {
                unlink(path)
            }
        }
        return next
    }
}
