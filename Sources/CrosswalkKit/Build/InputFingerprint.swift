import Foundation

/// A fingerprint of everything a build reads — every file under `content/` and `templates/`,
/// `crosswalk.yml`, the options, the date and the crosswalk binary itself. When the output was
/// built from the same fingerprint, a rebuild has nothing to do.
enum InputFingerprint {
    static func compute(options: BuildOptions, today: String, fileSystem: FileSystem) -> String {
        let content = fileSystem.stamps(below: joinPath(options.sourceRoot, "content"))
        return fingerprint(
            head(options: options, today: today, fileSystem: fileSystem), content, templates(options, fileSystem))
    }

    /// What a record holds when a file changed while the build read it: no fingerprint is
    /// this, so the next build starts over.
    static let unmatched = "changed-while-read"

    private static func head(options: BuildOptions, today: String, fileSystem: FileSystem) -> String {
        "crosswalk-fingerprint 1\n" + globals(options: options, today: today, fileSystem: fileSystem)
    }

    private static func templates(_ options: BuildOptions, _ fileSystem: FileSystem) -> String {
        fileSystem.stamps(below: joinPath(options.sourceRoot, "templates"))
    }

    private static func fingerprint(_ head: String, _ content: String, _ templates: String) -> String {
        String(StableHash.of(Array((head + content + templates).utf8)), radix: 16)
    }

    /// The fingerprint of a build with no earlier output, so nothing to compare it with until
    /// the end: the content's stamps are taken on another core while the Load stage reads the
    /// same files (on one core before it, they were 3% of a build that used both). The rest
    /// (options, `crosswalk.yml`, templates) is stamped here, before any of it is read.
    final class Concurrent: @unchecked Sendable {
        private let head: String
        private let templates: String
        /// Let go once checked: at 100k pages the stamps are tens of megabytes.
        private var content: Background<(text: String, stamps: [String: String])>?

        init(options: BuildOptions, today: String, fileSystem: FileSystem) {
            head = InputFingerprint.head(options: options, today: today, fileSystem: fileSystem)
            templates = InputFingerprint.templates(options, fileSystem)
            let root = joinPath(options.sourceRoot, "content")
            content = Background {
                let lines = fileSystem.stampLines(below: root)
                var stamps: [String: String] = [:]
                stamps.reserveCapacity(lines.count)
                for line in lines { stamps[line.path] = line.stamp }
                return (FileSystem.text(of: lines), stamps)
            }
        }

        /// The fingerprint, once every file the Load stage `read` has the stamp the walk saw:
        /// a file edited between the walk's look and the read would otherwise leave output of
        /// one version under the fingerprint of the other, and the next build would skip it.
        /// Else ``InputFingerprint/unmatched``.
        /// Asked once.
        func value(checking read: [(path: String, stamp: String?)]) -> String {
            guard let (text, stamps) = content?.value else { preconditionFailure("fingerprint asked for twice") }
            content = nil
            for file in read {
                // A file the walk did not reach (below a linked folder) is not fingerprinted
                // at all, as in any build.
                guard let seen = stamps[file.path] else { continue }
                if seen != file.stamp { return InputFingerprint.unmatched }
            }
            return InputFingerprint.fingerprint(head, text, templates)
        }
    }
}

extension InputFingerprint {
    /// What every output file depends on besides content and templates: the options, the
    /// day, the crosswalk binary and `crosswalk.yml`.
    static func globals(options: BuildOptions, today: String, fileSystem: FileSystem) -> String {
        var manifest = "options \(options.baseURL ?? "-") \(options.strict) \(today)\n"
        manifest += "binary \(FileSystem.disk.stamp("/proc/self/exe") ?? "-")\n"
        manifest += "config \(fileSystem.stamp(joinPath(options.sourceRoot, SiteConfig.fileName)) ?? "-")\n"
        return manifest
    }
}

extension FileSystem {
    /// One line `path stamp` per file below `directory`, in sorted order: changes whenever a
    /// file there is added, removed or edited.
    func stamps(below directory: String) -> String { Self.text(of: stampLines(below: directory)) }

    static func text(of lines: [(path: String, stamp: String)]) -> String {
        // Appended piece by piece into room made once: `path + " " + stamp + "\n"` made three
        // strings a file.
        var text = ""
        text.reserveCapacity(lines.reduce(0) { $0 + $1.path.utf8.count + $1.stamp.utf8.count + 2 })
        for line in lines {
            text += line.path
            text += " "
            text += line.stamp
            text += "\n"
        }
        return text
    }

    /// The files below `directory` with their stamps ("-" when there is none), in sorted
    /// order, folder by folder.
    ///
    /// The folders are listed first, one after another (a listing says which entries are
    /// folders), then every file is stamped in one pass on many threads: a stamp looks at the
    /// file's inode, which waits on the disk when it is not cached (`parallelMapWaiting`).
    func stampLines(below directory: String) -> [(path: String, stamp: String)] {
        var files: [String] = []
        func walk(_ path: String) {
            for child in (listEntries(path) ?? []).sorted(by: { $0.name < $1.name }) {
                let childPath = joinPath(path, child.name)
                // A listing that cannot tell the kind is asked again by path.
                let isFolder = child.kind.map { $0 == .directory } ?? (entry(childPath) == .directory)
                if isFolder { walk(childPath) } else { files.append(childPath) }
            }
        }
        walk(directory)
        let stamps = parallelMapWaiting(files, threads: ContentLoader.readingThreads) { path -> String in
            // A file that became a folder since the listing has no stamp.
            guard case .file(let stamp) = entry(path) else { return "-" }
            return stamp ?? "-"
        }
        return zip(files, stamps).map { (path: $0, stamp: $1) }
    }
}

/// FNV-1a, 64 bits: stable across runs and machines (Swift's `Hasher` is seeded per process).
enum StableHash {
    static func of(_ bytes: [UInt8]) -> UInt64 {
        var hash: UInt64 = 0xcbf2_9ce4_8422_2325
        for byte in bytes {
            hash ^= UInt64(byte)
            hash = hash &* 0x100_0000_01b3
        }
        return hash
    }
}

/// Values fed one after another: a number through one round of xxHash64, text as its UTF-8
/// by FNV-1a and a separator, so no run of values reads as another. A number was eight FNV
/// steps, each waiting on the last multiply; an output key feeds hundreds of numbers.
struct StableHasher {
    private(set) var value: UInt64 = 0xcbf2_9ce4_8422_2325

    mutating func combine(_ number: UInt64) {
        value = StableHash.round(value, number)
    }

    mutating func combine(_ text: String) {
        for byte in text.utf8 { value = (value ^ UInt64(byte)) &* 0x100_0000_01b3 }
        // 0xFF never occurs in UTF-8.
        value = (value ^ 0xff) &* 0x100_0000_01b3
    }
}
