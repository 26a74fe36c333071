import Foundation

/// Writing `serve`'s output: theme and content assets, and single files replaced atomically.
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

    /// Writes beside the target and renames over it, so a reader never sees half a file.
    static func writeAtomically(_ file: OutputFile, into output: String) -> String? {
        file.bytes.withUnsafeBufferPointer { writeAtomically($0, to: joinPath(output, file.path)) }
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
        var offset = 0
        while offset < bytes.count, let base = bytes.baseAddress {
            let count = Foundation.write(descriptor, base + offset, bytes.count - offset)
            if count < 0 && errno == EINTR { continue }
            guard count > 0 else { break }
            offset += count
        }
        close(descriptor)
        guard offset == bytes.count, rename(temporary, path) == 0 else {
            unlink(temporary)
            return "cannot write \(path)"
        }
        return nil
    }
}
