import Foundation
import Testing

@testable import CrosswalkKit

@Suite struct ContentLoaderTests {
    @Test func findsMarkdownRecursivelyInSortedOrderAndSeparatesAssets() {
        let fileSystem = FileSystem.inMemory([
            "/s/content/b.md": "# B",
            "/s/content/a/z.md": "# Z",
            "/s/content/a/y.MD": "# Y",
            "/s/content/a/diagram.png": "PNG",
            "/s/content/.hidden.md": "# hidden",
        ])
        let output = ContentLoader(fileSystem: fileSystem).load(sourceRoot: "/s")
        #expect(output.files.map(\.relativePath) == ["a/y.MD", "a/z.md", "b.md"])
        #expect(output.assets.map(\.relativePath) == ["a/diagram.png"])
        #expect(output.diagnostics.isEmpty)
    }

    @Test func missingContentFolderIsAnError() {
        let output = ContentLoader(fileSystem: .inMemory(["/s/other.md": "x"])).load(sourceRoot: "/s")
        #expect(output.diagnostics.map(\.code) == [.missingContentFolder])
    }

    @Test func emptyFileIsAnError() {
        let output = ContentLoader(fileSystem: .inMemory(["/s/content/e.md": "  \n"])).load(sourceRoot: "/s")
        #expect(output.diagnostics.map(\.code) == [.emptyFile])
        #expect(output.diagnostics.first?.location.file == "content/e.md")
    }

    @Test func unterminatedFrontMatterPointsAtTheOpeningLine() {
        let output = ContentLoader(fileSystem: .inMemory(["/s/content/u.md": "---\ntitle: A\n"]))
            .load(sourceRoot: "/s")
        let diagnostic = output.diagnostics.first
        #expect(diagnostic?.code == .unterminatedFrontMatter)
        #expect(diagnostic?.location == SourceLocation(file: "content/u.md", line: 1, column: 1))
    }

    @Test func fileOverTheSizeLimitIsRefused() {
        let output = ContentLoader(
            fileSystem: .inMemory(["/s/content/big.md": String(repeating: "a", count: 2000)]), maxFileBytes: 1000
        ).load(sourceRoot: "/s")
        #expect(output.diagnostics.map(\.code) == [.fileTooLarge])
    }

    @Test func symlinkOutsideContentIsRefused() throws {
        let folder = try TemporaryFolder()
        try folder.write("# Secret", to: "outside/secret.md")
        try folder.write("# Inside", to: "site/content/inside.md")
        try FileManager.default.createSymbolicLink(
            atPath: folder.path("site/content/leak.md"), withDestinationPath: folder.path("outside/secret.md"))
        try FileManager.default.createSymbolicLink(
            atPath: folder.path("site/content/alias.md"), withDestinationPath: folder.path("site/content/inside.md"))
        let output = ContentLoader(fileSystem: .disk).load(sourceRoot: folder.path("site"))
        #expect(output.files.map(\.relativePath) == ["alias.md", "inside.md"])
        #expect(output.diagnostics.map(\.code) == [.symlinkOutsideContent])
        #expect(output.diagnostics.first?.location.file == "content/leak.md")
    }

    /// content/ linked from elsewhere is read like a folder, and links inside it may point
    /// anywhere in the folder it links to.
    @Test func aLinkedContentFolderIsRead() throws {
        let folder = try TemporaryFolder()
        try folder.write("# Inside\n", to: "shared/kb/a/inside.md")
        try folder.write("# Outside\n", to: "shared/outside.md")
        try FileManager.default.createDirectory(atPath: folder.path("site"), withIntermediateDirectories: true)
        try FileManager.default.createSymbolicLink(
            atPath: folder.path("site/content"), withDestinationPath: folder.path("shared/kb"))
        try FileManager.default.createSymbolicLink(
            atPath: folder.path("shared/kb/alias.md"), withDestinationPath: folder.path("shared/kb/a/inside.md"))
        try FileManager.default.createSymbolicLink(
            atPath: folder.path("shared/kb/leak.md"), withDestinationPath: folder.path("shared/outside.md"))
        let output = ContentLoader(fileSystem: .disk).load(sourceRoot: folder.path("site"))
        #expect(output.files.map(\.relativePath) == ["a/inside.md", "alias.md"])
        #expect(output.diagnostics.map(\.code) == [.symlinkOutsideContent])
    }

    @Test func contentThatIsAFileIsNoContentFolder() throws {
        let folder = try TemporaryFolder()
        try folder.write("# Not a folder\n", to: "site/content")
        let output = ContentLoader(fileSystem: .disk).load(sourceRoot: folder.path("site"))
        #expect(output.diagnostics.map(\.code) == [.missingContentFolder])
    }

    @Test func symlinkLoopDoesNotHang() throws {
        let folder = try TemporaryFolder()
        try folder.write("# A", to: "site/content/a/page.md")
        try FileManager.default.createSymbolicLink(
            atPath: folder.path("site/content/a/loop"), withDestinationPath: folder.path("site/content/a"))
        let output = ContentLoader(fileSystem: .disk).load(sourceRoot: folder.path("site"))
        #expect(output.files.map(\.relativePath) == ["a/page.md"])
    }

    /// A folder of many entries has their kinds looked up on every core: the same files, in
    /// name order, folders walked and other files kept as assets, as for a small folder.
    @Test func aLargeFolderIsWalkedInNameOrder() throws {
        let folder = try TemporaryFolder()
        var expected: [String] = []
        for index in 0..<300 {
            let name = "term-\(index).md"
            try folder.write("# Term \(index)\n", to: "content/glossary/" + name)
            expected.append("glossary/" + name)
        }
        try folder.write("# Inside\n", to: "content/glossary/sub/inside.md")
        try folder.write("x", to: "content/glossary/picture.png")
        try folder.write("hidden", to: "content/glossary/.hidden.md")
        expected.append("glossary/sub/inside.md")
        let found = ContentLoader(fileSystem: .disk).discover(sourceRoot: folder.root)
        #expect(found.markdown.map(\.relativePath) == expected.sorted())
        #expect(found.assets.map(\.relativePath) == ["glossary/picture.png"])
        #expect(found.diagnostics.isEmpty)
    }

    /// Paths are joined with one slash, whether or not the base ends with one.
    @Test func joiningPaths() {
        #expect(joinPath("", "a.md") == "a.md")
        #expect(joinPath("content", "a.md") == "content/a.md")
        #expect(joinPath("content/", "a.md") == "content/a.md")
        #expect(joinPath("/", "tmp") == "/tmp")
        #expect(joinPath("a/b", "") == "a/b/")
        #expect(joinPath("dossier é", "fiche.md") == "dossier é/fiche.md")
    }
}
