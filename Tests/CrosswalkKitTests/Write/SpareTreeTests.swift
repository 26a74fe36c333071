import Foundation
import Testing

@testable import CrosswalkKit

/// The replaced output is kept as `.public.spare` and becomes the next build's staging tree.
/// Whatever the spare holds, the published output must be exactly what the build wrote, and
/// the live output must never change before the swap.
@Suite struct SpareTreeTests {
    func publish(_ folder: TemporaryFolder, _ files: [String: String], record: String) throws -> OutputWriter {
        let writer = try OutputWriter(output: folder.path("public"))
        for (path, contents) in files.sorted(by: { $0.key < $1.key }) {
            try writer.write(OutputFile(path: path, contents: contents))
        }
        try writer.commit(record: record)
        return writer
    }

    func published(_ folder: TemporaryFolder) throws -> [String: String] {
        var files: [String: String] = [:]
        for path in folder.files(under: "public") where path != OutputWriter.markerName {
            files[path] = try folder.read("public/" + path)
        }
        return files
    }

    @Test func theReplacedOutputIsTheNextStagingTree() throws {
        let folder = try TemporaryFolder()
        let first = try publish(folder, ["a/index.html": "a1", "b/index.html": "b1"], record: "1")
        #expect(!first.recycled && !folder.exists(".public.spare"))
        let second = try publish(folder, ["a/index.html": "a1", "b/index.html": "b2"], record: "2")
        #expect(!second.recycled)
        #expect(try folder.read(".public.spare/b/index.html") == "b1")
        let third = try publish(
            folder, ["a/index.html": "a1", "b/index.html": "b3", "c/index.html": "c3"], record: "3")
        #expect(third.recycled)
        #expect(try published(folder) == ["a/index.html": "a1", "b/index.html": "b3", "c/index.html": "c3"])
        #expect(try folder.read(".public.spare/b/index.html") == "b2")
        #expect(!folder.files(under: ".").contains { $0.contains(".staging-") })
    }

    /// Files, folders and links the spare holds that the build does not write are gone from the
    /// output; what stands where the build needs a folder or a file is replaced; a link is
    /// removed, never followed.
    @Test func whateverTheSpareHoldsTheOutputIsWhatWasWritten() throws {
        let folder = try TemporaryFolder()
        let outside = folder.path("outside")
        try folder.write("keep me", to: "outside/secret.txt")
        _ = try publish(folder, ["a/index.html": "a0"], record: "0")
        _ = try publish(folder, ["a/index.html": "a1"], record: "1")
        try folder.write("stale", to: ".public.spare/gone/index.html")
        try folder.write("stale", to: ".public.spare/a/old.html")
        // Swept a level at a time: stale files and folders deep down, beside kept ones.
        try folder.write("stale", to: ".public.spare/a/deep/er/still/old.html")
        try folder.write("stale", to: ".public.spare/h/i/j/old.html")
        try folder.write("stale", to: ".public.spare/h/i/k/gone/index.html")
        try folder.write("a file where a folder goes", to: ".public.spare/d")
        try FileManager.default.createDirectory(
            atPath: folder.path(".public.spare/e.html/inner"), withIntermediateDirectories: true)
        try FileManager.default.createSymbolicLink(atPath: folder.path(".public.spare/f"), withDestinationPath: outside)
        try FileManager.default.createSymbolicLink(
            atPath: folder.path(".public.spare/g.html"), withDestinationPath: outside + "/secret.txt")
        let files = [
            "a/index.html": "a2", "d/index.html": "d2", "e.html": "e2", "f/index.html": "f2", "g.html": "g2",
            "a/deep/er/index.html": "deep2", "h/i/j/index.html": "j2",
        ]
        let writer = try publish(folder, files, record: "2")
        #expect(writer.recycled)
        #expect(try published(folder) == files)
        #expect(try folder.read("outside/secret.txt") == "keep me")
        #expect(folder.files(under: "outside") == ["secret.txt"])
        var info = stat()
        #expect(lstat(folder.path("public/f"), &info) == 0 && (info.st_mode & S_IFMT) == S_IFDIR)
        #expect(!folder.exists("public/a/deep/er/still") && !folder.exists("public/h/i/k"))
    }

    /// Most spare files are links of live output files (unchanged last time). Writing new bytes
    /// at such a path must replace the spare's file, not write into the shared one: the live
    /// output stays as it was until the swap, and after an abandoned build.
    @Test func theLiveOutputNeverChangesBeforeTheSwap() throws {
        let folder = try TemporaryFolder()
        _ = try publish(folder, ["a/index.html": "same", "b/index.html": "b1"], record: "1")
        _ = try publish(folder, ["a/index.html": "same", "b/index.html": "b2"], record: "2")
        var live = stat()
        #expect(lstat(folder.path("public/a/index.html"), &live) == 0)
        #expect(OutputWriter.isFile(folder.path(".public.spare/a/index.html"), sameAs: live))
        do {
            let writer = try OutputWriter(output: folder.path("public"))
            #expect(writer.recycled)
            try writer.write(OutputFile(path: "a/index.html", contents: "changed"))
            try writer.write(OutputFile(path: "b/index.html", contents: "b3"))
            #expect(try folder.read("public/a/index.html") == "same")
            #expect(try folder.read("public/b/index.html") == "b2")
        }
        #expect(try published(folder) == ["a/index.html": "same", "b/index.html": "b2"])
        #expect(folder.exists(".public.spare"))
        // And the next build still publishes exactly what it writes.
        _ = try publish(folder, ["a/index.html": "same", "b/index.html": "b4"], record: "4")
        #expect(try published(folder) == ["a/index.html": "same", "b/index.html": "b4"])
    }

    /// A folder at the spare's path that no build left (no output marker) is never taken, so
    /// nothing in it is swept away.
    @Test func aFolderWithoutTheMarkerIsNotTaken() throws {
        let folder = try TemporaryFolder()
        try folder.write("mine", to: ".public.spare/notes.txt")
        _ = try publish(folder, ["a/index.html": "a1"], record: "1")
        let second = try publish(folder, ["a/index.html": "a2"], record: "2")
        #expect(!second.recycled)
        #expect(try published(folder) == ["a/index.html": "a2"])
        #expect(try folder.read(".public.spare/notes.txt") == "mine")
    }

    /// Whole builds over a spare: every edit still gives a build from nothing's output.
    @Test func buildsOverASpareAreBuildsFromNothing() throws {
        let folder = try SiteFixture(IncrementalTextEditTests.site).write()
        #expect(SiteBuilder(options: folder.buildOptions(into: "public")).build().succeeded)
        for (round, path) in ["content/guides/deep/valves.md", "content/glossary/plc.md", "content/index.md"]
            .enumerated()
        {
            try folder.write(try folder.read(path) + "\nRound \(round).\n", to: path)
            let report = SiteBuilder(options: folder.buildOptions(into: "public")).build()
            #expect(report.succeeded)
            let fresh = try folder.buildFromNothing(into: "fresh")
            #expect(try folder.snapshot("public") == fresh.files, "round \(round)")
        }
        // A page removed: its folder leaves the output.
        try FileManager.default.removeItem(atPath: folder.path("content/guides/deep/valves.md"))
        #expect(SiteBuilder(options: folder.buildOptions(into: "public")).build().succeeded)
        #expect(!folder.exists("public/guides/deep/valves"))
        #expect(try folder.snapshot("public") == folder.buildFromNothing(into: "fresh").files)
    }
}
