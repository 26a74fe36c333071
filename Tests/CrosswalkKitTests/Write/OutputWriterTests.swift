import Foundation
import Testing

@testable import CrosswalkKit

@Suite struct OutputWriterTests {
    @Test func unchangedFilesAreLinkedFromThePreviousOutput() throws {
        let folder = try TemporaryFolder()
        let first = try OutputWriter(output: folder.path("public"))
        try first.write(OutputFile(path: "a/index.html", contents: "same"))
        try first.write(OutputFile(path: "b/index.html", contents: "old"))
        try first.commit(record: "one")
        var before = stat()
        stat(folder.path("public/a/index.html"), &before)

        let second = try OutputWriter(output: folder.path("public"))
        try second.write(OutputFile(path: "a/index.html", contents: "same"))
        try second.write(OutputFile(path: "b/index.html", contents: "new"))
        try second.commit(record: "two")
        #expect(second.reused == 2 && second.written == 1)  // the marker is unchanged too
        var after = stat()
        stat(folder.path("public/a/index.html"), &after)
        #expect(before.st_ino == after.st_ino)
        #expect(try folder.read("public/b/index.html") == "new")
        #expect(OutputWriter.record(of: folder.path("public")) == "two")
    }

    @Test func aSecondWriterIsRefusedWhileTheFirstHoldsTheLock() throws {
        let folder = try TemporaryFolder()
        do {
            let first = try OutputWriter(output: folder.path("public"))
            #expect(throws: OutputWriter.Failure.self) { try OutputWriter(output: folder.path("public")) }
            withExtendedLifetime(first) {}
        }
        // Released with the first writer: the next build goes ahead.
        _ = try OutputWriter(output: folder.path("public"))
    }

    @Test func anAbandonedSessionLeavesNoStagingFolder() throws {
        let folder = try TemporaryFolder()
        do {
            let writer = try OutputWriter(output: folder.path("public"))
            try writer.write(OutputFile(path: "x.html", contents: "x"))
        }
        let leftovers = try FileManager.default.contentsOfDirectory(atPath: folder.root).filter {
            $0.contains("staging")
        }
        #expect(leftovers.isEmpty)
        #expect(!folder.exists("public"))
    }

    @Test func leftoversOfAKilledBuildAreCleanedUp() throws {
        let folder = try TemporaryFolder()
        try folder.write("half", to: ".public.staging-99999/index.html")
        let writer = try OutputWriter(output: folder.path("public"))
        try writer.commit(record: "x")
        #expect(!folder.exists(".public.staging-99999"))
    }
}
