import Testing

@testable import CrosswalkKit

@Suite struct InputFingerprintTests {
    /// Stamps are gathered in parallel and written in the walk's order: one `path stamp` line
    /// per file, folders sorted by name and entered where they sort.
    @Test func stampsListEveryFileInSortedWalkOrder() {
        let files = [
            "/s/content/b.md": "bb", "/s/content/a/z.md": "z", "/s/content/a/y/x.md": "xyz",
            "/s/content/c.md": "", "/s/content/a0.md": "a0",
        ]
        let fileSystem = FileSystem.inMemory(files)
        let expected = [
            "/s/content/a/y/x.md", "/s/content/a/z.md", "/s/content/a0.md", "/s/content/b.md", "/s/content/c.md",
        ]
        .map { "\($0) \(fileSystem.stamp($0) ?? "-")\n" }.joined()
        #expect(fileSystem.stamps(below: "/s/content") == expected)
    }
}
