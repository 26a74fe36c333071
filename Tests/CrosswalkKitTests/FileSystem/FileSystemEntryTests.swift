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

    /// A listing's kinds are what `kind` says of each entry (or left to it), on disk and in
    /// memory; hidden entries are listed too, `.` and `..` are not.
    @Test func listedKindsAreTheKindsOfTheEntries() throws {
        let folder = try TemporaryFolder()
        try folder.write("# Page\n", to: "content/page.md")
        try folder.write("x", to: "content/.hidden")
        try folder.write("# Other\n", to: "content/sub/other.md")
        symlink(folder.path("content/page.md"), folder.path("content/link.md"))
        symlink(folder.path("content/missing.md"), folder.path("content/dangling.md"))
        mkfifo(folder.path("content/pipe"), 0o644)
        let memory = FileSystem.inMemory(["/site/content/a.md": "# A", "/site/content/b/c.md": "# C"])
        for (fileSystem, directory) in [(FileSystem.disk, folder.path("content")), (memory, "/site/content")] {
            let entries = try #require(fileSystem.listEntries(directory))
            #expect(Set(entries.map(\.name)) == Set(try #require(fileSystem.listDirectory(directory))))
            for entry in entries {
                let kind = entry.kind ?? fileSystem.kind(directory + "/" + entry.name)
                #expect(kind == fileSystem.kind(directory + "/" + entry.name), "\(entry.name)")
            }
        }
        #expect(FileSystem.disk.listEntries(folder.path("content/page.md")) == nil)
        #expect(FileSystem.disk.listEntries(folder.path("content/absent")) == nil)
    }

    /// A file over the limit is not read, only measured; one at the limit is read.
    @Test func readingUpToALimit() throws {
        let folder = try TemporaryFolder()
        try folder.write("0123456789", to: "ten.md")
        let memory = FileSystem.inMemory(["/ten.md": "0123456789"])
        for (fileSystem, path) in [(FileSystem.disk, folder.path("ten.md")), (memory, "/ten.md")] {
            guard case .bytes(let bytes, let stamp) = try fileSystem.readUpTo(path, 10) else {
                Issue.record("\(path) was not read")
                continue
            }
            #expect(bytes == Array("0123456789".utf8))
            // The read carries the stamp `stamp` gives the same file.
            #expect(stamp?.text == fileSystem.stamp(path))
            #expect(try fileSystem.readUpTo(path, 9) == .tooLarge(size: 10))
        }
        #expect(throws: FileSystemError.self) { try FileSystem.disk.readUpTo(folder.path("absent.md"), 10) }
    }
}
