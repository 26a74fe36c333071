import Foundation
import Testing

@testable import CrosswalkKit

/// The Write stage never writes outside its output, whatever path a page produces, and the
/// output is never missing: swapped in with one atomic exchange, and put back when a build was
/// killed between the two renames of the fallback.
@Suite struct WriterSafetyTests {
    @Test(arguments: ["../index.html", "a/../../x.html", "/etc/x.html", "a//b.html", "./x.html", "x/.", ""])
    func writerRefusesAPathThatLeavesTheOutput(_ path: String) throws {
        let folder = try TemporaryFolder()
        let writer = try OutputWriter(output: folder.path("site/public"))
        #expect(throws: OutputWriter.Failure.self) { try writer.write(OutputFile(path: path, contents: "escaped")) }
        #expect(!folder.exists("site/index.html") && !folder.exists("x.html"))
    }

    @Test func pathsBelowTheOutputAreAccepted() {
        for path in ["index.html", "a/b/index.html", "日本語/ページ/index.html", " ../index.html", "v1.2/index.html"] {
            #expect(OutputWriter.staysInside(path), "\(path)")
        }
    }

    @Test func commitSwapsTheOutputAndLeavesNothingBesideIt() throws {
        let folder = try TemporaryFolder()
        for round in 1...3 {
            let writer = try OutputWriter(output: folder.path("public"))
            try writer.write(OutputFile(path: "index.html", contents: "round \(round)"))
            try writer.commit(record: "r\(round)")
            #expect(try folder.read("public/index.html") == "round \(round)")
        }
        let beside = try FileManager.default.contentsOfDirectory(atPath: folder.root)
        #expect(beside.filter { $0.contains(".staging-") || $0.contains(".old-") }.isEmpty, "\(beside)")
    }

    @Test func exchangeSwapsTwoFoldersAtomically() throws {
        let folder = try TemporaryFolder()
        try folder.write("one", to: "a/file")
        try folder.write("two", to: "b/file")
        #expect(OutputWriter.exchange(folder.path("a"), folder.path("b")))
        #expect(try folder.read("a/file") == "two")
        #expect(try folder.read("b/file") == "one")
    }

    @Test func anOutputLeftOnlyAsOldIsPutBackBeforeAnythingElse() throws {
        let folder = try TemporaryFolder()
        try folder.write(OutputWriter.markerText, to: ".public.old-4242/" + OutputWriter.markerName)
        try folder.write("previous site", to: ".public.old-4242/index.html")
        try folder.write("half", to: ".public.staging-4242/index.html")
        do {
            let writer = try OutputWriter(output: folder.path("public"))
            try writer.write(OutputFile(path: "index.html", contents: "never committed"))
            #expect(try folder.read("public/index.html") == "previous site")
        }
        // The new build died without committing: the previous site is published again.
        #expect(try folder.read("public/index.html") == "previous site")
        #expect(!folder.exists(".public.old-4242") && !folder.exists(".public.staging-4242"))
    }
}
