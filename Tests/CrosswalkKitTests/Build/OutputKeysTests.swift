import Foundation
import Testing

@testable import CrosswalkKit

/// `crosswalk build` over its own last output renders only the files whose keys changed and
/// links the rest; after every kind of edit the output must be a build from nothing's.
@Suite struct OutputKeysTests {
    func build(_ folder: TemporaryFolder, into output: String) -> BuildReport {
        SiteBuilder(options: folder.buildOptions(into: output)).build()
    }

    func fresh(_ folder: TemporaryFolder) throws -> [String: String] {
        let fresh = try folder.buildFromNothing(into: "fresh")
        #expect(fresh.report.succeeded, "\(fresh.report.diagnosticText)")
        return fresh.files
    }

    @Test func everyEditRebuildsAsFromNothing() throws {
        let folder = try SiteFixture(IncrementalTextEditTests.site).write()
        #expect(build(folder, into: "public").succeeded)
        for (path, old, new, _) in IncrementalTextEditTests.edits {
            try folder.write(try folder.read(path).replacingOccurrences(of: old, with: new), to: path)
            let edit = build(folder, into: "public")
            #expect(edit.succeeded, "\(edit.diagnosticText)")
            #expect(try folder.snapshot("public") == fresh(folder), "after '\(new)' in \(path)")
        }
    }

    /// Body edits that keep every title and summary: a new link (the target's backlinks), a
    /// section introduction below its first paragraph (the generated section page) and new
    /// words (the search index). Each must reach every file that shows it.
    @Test func bodyEditsReachEveryFileShowingThem() throws {
        let site =
            IncrementalTextEditTests.site
            + "\n-- content/glossary/index.md --\n---\ntitle: Glossary\nsummary: Words both teams use.\n---\n"
            + "All the words.\n\nA second paragraph.\n"
        let folder = try SiteFixture(site).write()
        #expect(build(folder, into: "public").succeeded)
        let edits = [
            ("content/glossary/historian.md", "reports.", "reports. See [the valves](../guides/deep/valves.md)."),
            ("content/glossary/index.md", "A second paragraph.", "A second paragraph, edited."),
            ("content/glossary/jump-host.md", "is recorded.", "is recorded and archived offsite."),
        ]
        for (path, old, new) in edits {
            try folder.write(try folder.read(path).replacingOccurrences(of: old, with: new), to: path)
            let edit = build(folder, into: "public")
            #expect(edit.succeeded, "\(edit.diagnosticText)")
            #expect(edit.filesWritten < edit.fileCount, "'\(new)' rendered every file")
            #expect(try folder.snapshot("public") == fresh(folder), "after '\(new)' in \(path)")
        }
    }

    /// A body edit renders that page, the pages whose backlinks it changed and the search
    /// index; every other file is linked from the last output.
    @Test func aBodyEditRendersFewFiles() throws {
        let folder = try SiteFixture(IncrementalTextEditTests.site).write()
        let first = build(folder, into: "public")
        #expect(first.succeeded)
        let path = "content/guides/deep/valves.md"
        try folder.write(try folder.read(path) + "\nMore about valves.\n", to: path)
        let edit = build(folder, into: "public")
        #expect(edit.succeeded)
        #expect(edit.filesWritten <= 3, "\(edit.filesWritten) of \(edit.fileCount) written")
        #expect(edit.filesRendered <= 3, "\(edit.filesRendered) of \(edit.fileCount) rendered")
        #expect(edit.filesReused >= edit.fileCount - 3)
        #expect(try folder.read("public/guides/deep/valves/index.html").contains("More about valves."))
        #expect(try folder.snapshot("public") == fresh(folder))
    }

    /// A front-matter key only the page shows renders that page (and the search index) alone.
    @Test func anOwnKeyEditRendersThatPage() throws {
        let folder = try SiteFixture(IncrementalTextEditTests.site).write()
        #expect(build(folder, into: "public").succeeded)
        let path = "content/constraints/planned-outages.md"
        try folder.write(
            try folder.read(path).replacingOccurrences(of: "why: [availability]", with: "why: [availability, safety]"),
            to: path)
        let edit = build(folder, into: "public")
        #expect(edit.succeeded)
        #expect(edit.filesWritten <= 2, "\(edit.filesWritten) of \(edit.fileCount) written")
        #expect(try folder.snapshot("public") == fresh(folder))
    }

    /// A new summary, or a title from the body, renders the pages showing it (itself, the folder
    /// page listing it, the pages linking to it or linked from it) and the generated pages, and
    /// no other page. (A declared title is a name: wikilinks and auto-links are made from it.)
    @Test func aShownTextEditRendersThePagesShowingIt() throws {
        let folder = try SiteFixture(IncrementalTextEditTests.site).write()
        #expect(build(folder, into: "public").succeeded)
        // (file, old, new, the pages showing it): valves is listed by its folder page and
        // referenced by the plant walk it links; the plant walk is listed by the guides and
        // referenced by valves and the PLC and historian it mentions.
        let edits = [
            ("content/guides/deep/valves.md", "summary: Where the valves are.", "summary: Where every valve is.", 3),
            ("content/guides/plant-walk.md", "# Plant walk", "# Plant tour", 5),
        ]
        for (path, old, new, showing) in edits {
            try folder.write(try folder.read(path).replacingOccurrences(of: old, with: new), to: path)
            let edit = build(folder, into: "public")
            #expect(edit.succeeded)
            let generated = edit.fileCount - edit.pageCount
            #expect(
                edit.filesRendered <= generated + showing,
                "\(edit.filesRendered) of \(edit.fileCount) rendered after '\(new)'")
            #expect(try folder.snapshot("public") == fresh(folder), "after '\(new)'")
        }
    }

    static let bodyTitleSite = """
        -- content/constraints/patch-window.md --
        # Patch window

        Changes wait for the monthly window.
        -- content/tools/probe.md --
        # Probe

        Listens on a span port.
        -- content/tools/scanner.md --
        ---
        title: Scanner
        summary: Finds open ports.
        constraints:
          patch-window: {verdict: caution, note: Scan only in the window.}
        ---
        Active, so careful.
        -- content/workflows/scan.md --
        ---
        title: Scan
        summary: How a scan is run.
        ---
        Start with the [probe](../tools/probe.md), then the [scanner](../tools/scanner.md).
        """

    /// Titles taken from the body reach the pages showing them through each way a page shows
    /// another: a tool's constraint map, a workflow's neighbour graph of what it links to.
    @Test func titlesFromTheBodyReachEveryPageShowingThem() throws {
        let site = Self.bodyTitleSite
        let folder = try SiteFixture(site).write()
        #expect(build(folder, into: "public").succeeded)
        for (path, old, new) in [
            ("content/constraints/patch-window.md", "# Patch window", "# Patch weekend"),
            ("content/tools/probe.md", "# Probe", "# Passive probe"),
        ] {
            try folder.write(try folder.read(path).replacingOccurrences(of: old, with: new), to: path)
            #expect(build(folder, into: "public").succeeded)
            #expect(try folder.snapshot("public") == fresh(folder), "after '\(new)'")
        }
    }

    /// Keys that cannot be read, or an output file removed by hand, only mean more rendering.
    @Test func damagedKeysOrMissingFilesAreRenderedAgain() throws {
        let folder = try SiteFixture(IncrementalTextEditTests.site).write()
        #expect(build(folder, into: "public").succeeded)
        let keysPath = OutputKeys.path(of: folder.path("public"))
        #expect(FileManager.default.fileExists(atPath: keysPath))
        try Data("crosswalk-keys 1\nnot a key\n".utf8).write(to: URL(fileURLWithPath: keysPath))
        try FileManager.default.removeItem(atPath: folder.path("public/glossary/plc/index.html"))
        let path = "content/guides/walk.md"
        try folder.write("# Walk\n\nA new page.\n", to: path)
        #expect(build(folder, into: "public").succeeded)
        #expect(try folder.snapshot("public") == fresh(folder))
        try FileManager.default.removeItem(atPath: folder.path("public/glossary/plc/index.html"))
        try folder.write("# Walk\n\nA new page, edited.\n", to: path)
        #expect(build(folder, into: "public").succeeded)
        #expect(try folder.snapshot("public") == fresh(folder))
    }

    /// The keys file lists each path once, in path order, with the key of its first
    /// occurrence, whatever order the files came in; and reads back as written.
    @Test func theKeysFileListsEachPathOnceInPathOrder() throws {
        let paths = ["tools/b/index.html", "a.html", "tools/b/index.html", "404.html", "tools/a/index.html"]
        let keys: [UInt64] = [0xb1, 0xa, 0xb2, 0x404, 0xa2]
        let text = OutputKeys.text(paths: paths, keys: keys, order: OutputKeys.order(of: paths))
        #expect(
            text
                == "crosswalk-keys 1\n404\t404.html\na\ta.html\na2\ttools/a/index.html\nb1\ttools/b/index.html\n")
        let folder = try TemporaryFolder()
        try folder.write("", to: "public/\(OutputWriter.markerName)")
        try folder.write(text, to: ".public.keys")
        let read = OutputKeys.load(for: folder.path("public"))
        #expect(
            read.byPath == ["404.html": 0x404, "a.html": 0xa, "tools/a/index.html": 0xa2, "tools/b/index.html": 0xb1])
    }

    /// Every key up to 16 digits reads back; a keys file with anything the writer never
    /// writes (another header, a key in capitals or too long, a line without a tab) reads as
    /// no keys at all, so everything is rendered.
    @Test func keysReadBackAndDamagedKeysReadAsNone() throws {
        let folder = try TemporaryFolder()
        try folder.write("", to: "public/\(OutputWriter.markerName)")
        let keys: [UInt64] = [0, 1, 0xf, 0x10, 0xdead_beef, .max, .max - 1]
        let paths = keys.indices.map { "page-\($0)/index.html" }
        try folder.write(
            OutputKeys.text(paths: paths, keys: keys, order: OutputKeys.order(of: paths)), to: ".public.keys")
        #expect(
            OutputKeys.load(for: folder.path("public")).byPath == Dictionary(uniqueKeysWithValues: zip(paths, keys)))
        for damaged in [
            "crosswalk-keys 0\na\ta.html\n", "crosswalk-keys 1\nA\ta.html\n",
            "crosswalk-keys 1\n10000000000000000\ta.html\n",
            "crosswalk-keys 1\na a.html\n", "crosswalk-keys 1\n\ta.html\n", "crosswalk-keys 1\n-1\ta.html\n",
        ] {
            try folder.write(damaged, to: ".public.keys")
            #expect(OutputKeys.load(for: folder.path("public")).byPath.isEmpty, "\(damaged)")
        }
    }
}
