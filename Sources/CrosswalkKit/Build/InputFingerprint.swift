import Foundation

/// A fingerprint of everything a build reads — every file under `content/` and `templates/`,
/// `crosswalk.yml`, the options, the date and the crosswalk binary itself. When the output was
/// built from the same fingerprint, a rebuild has nothing to do.
enum InputFingerprint {
    static func compute(options: BuildOptions, today: String, fileSystem: FileSystem) -> String {
        var manifest = "crosswalk-fingerprint 1\n"
        manifest += globals(options: options, today: today, fileSystem: fileSystem)
        manifest += fileSystem.stamps(below: joinPath(options.sourceRoot, "content"))
        manifest += fileSystem.stamps(below: joinPath(options.sourceRoot, "templates"))
        return String(StableHash.of(Array(manifest.utf8)), radix: 16)
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
    func stamps(below directory: String) -> String {
        var text = ""
        func walk(_ path: String) {
            let children = (listDirectory(path) ?? []).sorted().map { joinPath(path, $0) }
            // A folder's entries are looked at on every core: at 100k pages these calls, one
            // after another, were nearly all of an up-to-date build's second.
            let entries = parallelMap(children) { child -> (path: String, stamp: String?) in
                switch entry(child) {
                case .directory: (child, nil)
                case .file(let stamp): (child, stamp ?? "-")
                }
            }
            for entry in entries {
                if let stamp = entry.stamp {
                    text += entry.path + " " + stamp + "\n"
                } else {
                    walk(entry.path)
                }
            }
        }
        walk(directory)
        return text
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
