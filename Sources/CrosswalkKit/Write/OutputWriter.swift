import Foundation

#if canImport(Glibc)
    import Glibc
#endif

/// The Write stage: writes the whole site into a staging folder beside the output, then swaps
/// it in with renames. A failed build never touches the previous output, and files the last
/// build wrote that this one did not are gone.
public struct OutputWriter: Sendable {
    public struct Failure: Error, CustomStringConvertible {
        public var message: String
        public var hint: String?
        public var description: String { message }
    }

    /// Marks a folder as crosswalk's output, so a build never replaces a folder it did not make.
    public static let markerName = ".crosswalk-output"

    public let output: String

    public init(output: String) {
        self.output = output.count > 1 && output.hasSuffix("/") ? String(output.dropLast()) : output
    }

    var parent: String { (output as NSString).deletingLastPathComponent }
    var name: String { (output as NSString).lastPathComponent }
    var stagingPath: String { joinPath(parent, ".\(name).staging-\(getpid())") }

    /// Writes `files` and copies `copies` (source path → output-relative path), then publishes.
    public func publish(files: [OutputFile], copies: [(from: String, to: String)]) throws(Failure) {
        try checkOutputIsOurs()
        let staging = stagingPath
        removeTree(staging)
        do {
            var made: Set<String> = []
            try makeDirectory(staging, made: &made)
            try write(Array(Self.markerName.utf8), to: joinPath(staging, Self.markerName), made: &made)
            for file in files {
                try write(Array(file.contents.utf8), to: joinPath(staging, file.path), made: &made)
            }
            for copy in copies {
                try write(try readWholeFile(copy.from), to: joinPath(staging, copy.to), made: &made)
            }
        } catch let failure as Failure {
            removeTree(staging)
            throw failure
        } catch {
            removeTree(staging)
            throw Failure(message: "cannot write the site: \(error)")
        }
        try swapIn(staging)
    }

    /// Refuses to replace an existing, non-empty folder that a crosswalk build did not write.
    private func checkOutputIsOurs() throws(Failure) {
        var isDirectory: ObjCBool = false
        guard FileManager.default.fileExists(atPath: output, isDirectory: &isDirectory) else { return }
        guard isDirectory.boolValue else {
            throw Failure(message: "output \(output) exists and is not a folder", hint: "choose another --output")
        }
        let entries = (try? FileManager.default.contentsOfDirectory(atPath: output)) ?? []
        if !entries.isEmpty && !entries.contains(Self.markerName) {
            throw Failure(
                message: "output folder \(output) has files crosswalk did not write; refusing to replace it",
                hint: "choose an empty or new --output folder, or delete this one yourself")
        }
    }

    private func swapIn(_ staging: String) throws(Failure) {
        let old = joinPath(parent, ".\(name).old-\(getpid())")
        removeTree(old)
        let hadOutput = FileManager.default.fileExists(atPath: output)
        if hadOutput && rename(output, old) != 0 {
            removeTree(staging)
            throw Failure(message: "cannot move the old output aside: \(String(cString: strerror(errno)))")
        }
        if rename(staging, output) != 0 {
            let reason = String(cString: strerror(errno))
            if hadOutput { _ = rename(old, output) }
            removeTree(staging)
            throw Failure(message: "cannot publish the new output: \(reason)")
        }
        if hadOutput { removeTree(old) }
    }

    private func makeDirectory(_ path: String, made: inout Set<String>) throws(Failure) {
        if made.contains(path) { return }
        if mkdir(path, 0o755) != 0 && errno != EEXIST {
            if errno == ENOENT {
                try makeDirectory((path as NSString).deletingLastPathComponent, made: &made)
                if mkdir(path, 0o755) == 0 || errno == EEXIST {
                    made.insert(path)
                    return
                }
            }
            throw Failure(message: "cannot create folder \(path): \(String(cString: strerror(errno)))")
        }
        made.insert(path)
    }

    /// POSIX open/write/close: `Data.write(to:)` fsyncs every file, far too slow for a site.
    private func write(_ bytes: [UInt8], to path: String, made: inout Set<String>) throws(Failure) {
        try makeDirectory((path as NSString).deletingLastPathComponent, made: &made)
        let descriptor = open(path, O_WRONLY | O_CREAT | O_TRUNC, 0o644)
        guard descriptor >= 0 else {
            throw Failure(message: "cannot write \(path): \(String(cString: strerror(errno)))")
        }
        defer { close(descriptor) }
        var offset = 0
        while offset < bytes.count {
            let written = bytes.withUnsafeBytes { buffer -> Int in
                guard let base = buffer.baseAddress else { return 0 }
                return Glibc.write(descriptor, base + offset, bytes.count - offset)
            }
            if written < 0 {
                if errno == EINTR { continue }
                throw Failure(message: "cannot write \(path): \(String(cString: strerror(errno)))")
            }
            offset += written
        }
    }

    private func removeTree(_ path: String) {
        try? FileManager.default.removeItem(atPath: path)
    }
}
