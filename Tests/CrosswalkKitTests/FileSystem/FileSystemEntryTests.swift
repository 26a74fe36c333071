import Foundation
import Testing

@testable import CrosswalkKit

/// `entry` answers in one look what `isDirectory` and `stamp` answer in two, on disk and in
/// memory: directories (not followed through links), files and links with their stamps, and
/// missing paths.
@Suite struct FileSystemEntryTests {
    static func twoLooks(_ fileSystem: FileSystem, _ path: String) -> FileSystem.StampedEntry {
        fileSystem.isDirectory(path) ? .directory : .file(stamp: fileSystem.stamp(path))
    }

    @Test func onDiskAsTwoLooks() throws {
        let folder = try TemporaryFolder()
        try folder.write("# Page\n", to: "content/page.md")
        try folder.write("# Other\n", to: "content/sub/other.md")
        symlink(folder.path("content/page.md"), folder.path("content/link.md"))
        symlink(folder.path("content/sub"), folder.path("content/linked-sub"))
        symlink(folder.path("content/missing.md"), folder.path("content/dangling.md"))
        let disk = FileSystem.disk
        for name in ["page.md", "sub", "sub/other.md", "link.md", "linked-sub", "dangling.md", "absent.md"] {
            let path = folder.path("content/" + name)
            #expect(disk.entry(path) == Self.twoLooks(disk, path), "\(name)")
        }
        #expect(disk.entry(folder.path("content/sub")) == .directory)
        #expect(disk.entry(folder.path("content/linked-sub")) != .directory)
        #expect(disk.entry(folder.path("content/absent.md")) == .file(stamp: nil))
    }

    @Test func inMemoryAsTwoLooks() {
        let memory = FileSystem.inMemory(["/site/content/a.md": "# A", "/site/content/b/c.md": "# C"])
        for path in ["/site/content/a.md", "/site/content/b", "/site/content/b/c.md", "/site/none.md"] {
            #expect(memory.entry(path) == Self.twoLooks(memory, path), "\(path)")
        }
    }
}
