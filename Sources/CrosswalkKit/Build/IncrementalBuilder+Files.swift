import Foundation

/// Writing `serve`'s output: theme and content assets, and pages rewritten in place under
/// `outputLock` (see `OutputLock`).
extension IncrementalBuilder {
    // MARK: files

    func copyAssets(site: Site, stages: SiteBuilder, into output: String) {
        var copies = site.assets.map { (from: $0.absolutePath, to: $0.relativePath) }
        copies += stages.themeAssets().map { (from: $0.absolute, to: "assets/" + $0.relative) }
        var stamps: [String: String] = [:]
        for copy in copies {
            let stamp = fileSystem.stamp(copy.from) ?? "-"
            stamps[copy.to] = stamp
            guard assetStamps[copy.to] != stamp || !fileSystem.exists(joinPath(output, copy.to)),
                let bytes = try? fileSystem.read(copy.from)
            else { continue }
            _ = Self.writeAtomically(bytes, to: joinPath(output, copy.to))
        }
        for (path, _) in assetStamps where stamps[path] == nil { unlink(joinPath(output, path)) }
        assetStamps = stamps
    }

    /// Rewrites an existing file in place, under `lock`, so it keeps its inode and the
    /// server never reads it half written; a new file is written beside and renamed in.
    static func writeInPlace(_ file: OutputFile, into output: String, lock: OutputLock) -> String? {
        let path = joinPath(output, file.path)
        return file.bytes.withUnsafeBufferPointer { bytes -> String? in
            // nil: no file to rewrite; 0: rewritten; else the error.
            let outcome: Int32? = lock.writing {
                // Written over and then cut to length, not emptied first: ext4 flushes a file
                // emptied and written again to disk when it is closed, a write per page.
                let descriptor = open(path, O_WRONLY)
                guard descriptor >= 0 else { return nil }
                defer { close(descriptor) }
                guard writeAll(bytes, to: descriptor), ftruncate(descriptor, off_t(bytes.count)) == 0 else {
                    return errno
                }
                return 0
            }
            switch outcome {
            case nil: return writeAtomically(bytes, to: path)
            case 0?: return nil
            case let code?: return "cannot write \(path): \(String(cString: strerror(code)))"
            }
        }
    }

    static func writeAtomically(_ bytes: [UInt8], to path: String) -> String? {
        bytes.withUnsafeBufferPointer { writeAtomically($0, to: path) }
    }

    static func writeAtomically(_ bytes: UnsafeBufferPointer<UInt8>, to path: String) -> String? {
        do {
            try FileManager.default.createDirectory(
                atPath: (path as NSString).deletingLastPathComponent, withIntermediateDirectories: true)
        } catch {
            return "cannot create the folder of \(path): \(error.localizedDescription)"
        }
        let temporary = path + ".crosswalk-new"
        let descriptor = open(temporary, O_WRONLY | O_CREAT | O_TRUNC, 0o644)
        guard descriptor >= 0 else { return "cannot write \(path): \(String(cString: strerror(errno)))" }
        let complete = writeAll(bytes, to: descriptor)
        close(descriptor)
        guard complete, rename(temporary, path) == 0 else {
            unlink(temporary)
            return "cannot write \(path)"
        }
        return nil
    }

    /// Writes every byte to `descriptor`; false when the file system refused some.
    private static func writeAll(_ bytes: UnsafeBufferPointer<UInt8>, to descriptor: Int32) -> Bool {
        var offset = 0
        while offset < bytes.count, let base = bytes.baseAddress {
            let count = Foundation.write(descriptor, base + offset, bytes.count - offset)
            if count < 0 && errno == EINTR { continue }
            guard count > 0 else { return false }
            offset += count
        }
        return true
    }
}
