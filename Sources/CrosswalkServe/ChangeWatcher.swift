import CrosswalkKit
import Foundation

/// Notices changes to what a build reads — `content/`, `templates/` and `crosswalk.yml` —
/// and calls `onChange` from a thread of its own.
protocol ChangeWatcher: Sendable {
    func start() throws
    /// Returns once the watcher's thread has ended.
    func stop()
}

/// What a build reads, below the source root.
struct WatchedPaths: Sendable {
    static let trees = ["content", "templates"]
    static let configName = "crosswalk.yml"

    let root: String

    var trees: [String] { Self.trees.map { joinPath(root, $0) } }
    var config: String { joinPath(root, Self.configName) }
    var content: String { joinPath(root, "content") }

    /// Names directly under the root whose change matters.
    static func mattersAtRoot(_ name: String) -> Bool {
        name == configName || trees.contains(name)
    }

    /// Hidden files (editor swap files, `.DS_Store`) are skipped by the build too.
    static func ignored(_ name: String) -> Bool {
        name.hasPrefix(".")
    }

    /// Every folder below `tree`, itself included, following symbolic links like the
    /// loader does but visiting each real folder once. `visit` sees each folder before its
    /// contents are listed: a watch added there reports any subfolder made after the listing
    /// began, and the listing finds any made before (adding watches after the whole walk
    /// lost a subfolder made in between, and every later edit inside it).
    @discardableResult
    static func folders(under tree: String, visit: (String) -> Void = { _ in }) -> [String] {
        var found: [String] = []
        var visited: Set<String> = []
        func walk(_ folder: String) {
            guard let real = SiteFiles.realPath(folder), visited.insert(real).inserted else { return }
            found.append(folder)
            visit(folder)
            let names = (try? FileManager.default.contentsOfDirectory(atPath: folder)) ?? []
            for name in names.sorted() where !ignored(name) {
                let path = joinPath(folder, name)
                var isDirectory: ObjCBool = false
                if FileManager.default.fileExists(atPath: path, isDirectory: &isDirectory), isDirectory.boolValue {
                    walk(path)
                }
            }
        }
        var isDirectory: ObjCBool = false
        if FileManager.default.fileExists(atPath: tree, isDirectory: &isDirectory), isDirectory.boolValue {
            walk(tree)
        }
        return found
    }
}

/// A pipe a watcher's thread polls beside its real work, so `stop()` can wake it at once.
final class WakePipe: Sendable {
    let readEnd: Int32
    let writeEnd: Int32

    init() throws {
        var ends: [Int32] = [-1, -1]
        guard pipe(&ends) == 0 else { throw WatchError.system("pipe", errno) }
        readEnd = ends[0]
        writeEnd = ends[1]
    }

    func wake() {
        var byte: UInt8 = 1
        _ = write(writeEnd, &byte, 1)
    }

    deinit {
        close(readEnd)
        close(writeEnd)
    }
}

enum WatchError: Error, CustomStringConvertible {
    case system(String, Int32)

    var description: String {
        switch self {
        case .system(let call, let code): "\(call) failed: \(String(cString: strerror(code)))"
        }
    }
}
