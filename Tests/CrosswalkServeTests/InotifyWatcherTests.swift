import CrosswalkKit
import Foundation
import Testing

@testable import CrosswalkServe

/// The watcher names content files written in place, so a rebuild looks only at them; a file
/// created (or anything in templates/) says nothing so precise.
@Suite struct InotifyWatcherTests {
    @Test func inPlaceWritesAreNamedAndNewFilesAreNot() async throws {
        let root = FileManager.default.temporaryDirectory.appendingPathComponent("crosswalk-inotify-\(UUID())").path
        defer { try? FileManager.default.removeItem(atPath: root) }
        let page = joinPath(root, "content/notes/page.md")
        try FileManager.default.createDirectory(
            atPath: joinPath(root, "content/notes"), withIntermediateDirectories: true)
        try FileManager.default.createDirectory(atPath: joinPath(root, "templates"), withIntermediateDirectories: true)
        try "# Page\n".write(toFile: page, atomically: false, encoding: .utf8)

        let seen = Locked<[SourceChange]>([])
        let watcher = try InotifyWatcher(root: root) { change in seen.withLock { $0.append(change) } }
        try watcher.start()
        defer { watcher.stop() }

        // Written in place (no new file): named.
        let handle = try #require(FileHandle(forWritingAtPath: page))
        try handle.seekToEnd()
        try handle.write(contentsOf: Data("More.\n".utf8))
        try handle.close()
        #expect(await eventually { seen.withLock { $0.contains(.files([page])) } })
        #expect(!seen.withLock { $0.contains(.unknown) })

        // A new file: the folder's contents changed, so the whole tree must be looked at.
        try "# New\n".write(toFile: joinPath(root, "content/notes/new.md"), atomically: false, encoding: .utf8)
        #expect(await eventually { seen.withLock { $0.contains(.unknown) } })
    }

    /// A folder is visited (its watch added) before its contents are listed, so a subfolder
    /// made at that moment is still found; listing the whole tree first and watching after
    /// lost such a folder, and every later edit inside it (a flaky `ReloadTests` run).
    @Test func aSubfolderMadeWhileItsParentIsWatchedIsFound() throws {
        let root = FileManager.default.temporaryDirectory.appendingPathComponent("crosswalk-tree-\(UUID())").path
        defer { try? FileManager.default.removeItem(atPath: root) }
        try FileManager.default.createDirectory(atPath: joinPath(root, "a"), withIntermediateDirectories: true)
        var visited: [String] = []
        let found = WatchedPaths.folders(under: root) { folder in
            visited.append(folder)
            if folder == joinPath(root, "a") {
                try? FileManager.default.createDirectory(
                    atPath: joinPath(folder, "made-meanwhile"), withIntermediateDirectories: true)
            }
        }
        #expect(found.contains(joinPath(root, "a/made-meanwhile")))
        #expect(visited == found)
    }
}
