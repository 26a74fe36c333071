import Foundation
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

    /// On disk, where the listing tells folders apart: a link to a folder is stamped as a
    /// file, not entered; hidden files count; every stamp is the file's own.
    @Test func diskStampsFollowTheSameWalk() throws {
        let folder = try TemporaryFolder()
        for file in ["c/b.md", "c/a/z.md", "c/a/y/x.md", "c/a0.md", "c/.hidden", "elsewhere/w.md"] {
            try folder.write(file, to: file)
        }
        try FileManager.default.createSymbolicLink(
            atPath: folder.path("c/link"), withDestinationPath: folder.path("elsewhere"))
        let lines = FileSystem.disk.stampLines(below: folder.path("c"))
        #expect(
            lines.map(\.path)
                == ["c/.hidden", "c/a/y/x.md", "c/a/z.md", "c/a0.md", "c/b.md", "c/link"].map(folder.path))
        for line in lines {
            guard case .file(let stamp) = FileSystem.disk.entry(line.path) else {
                Issue.record("\(line.path) is not stamped as a file")
                continue
            }
            #expect(line.stamp == stamp ?? "-")
        }
    }
}

/// A first build fingerprints the content while it reads it (`InputFingerprint.Concurrent`).
@Suite struct ConcurrentFingerprintTests {
    func build(_ folder: TemporaryFolder, _ fileSystem: FileSystem = .disk) -> BuildReport {
        SiteBuilder(
            options: BuildOptions(sourceRoot: folder.root, outputDirectory: folder.path("public"), today: "2026-11-29"),
            fileSystem: fileSystem
        )
        .build()
    }

    /// A file whose read shows another version than the walk saw (edited in between) leaves a
    /// record no fingerprint matches: the next build builds again, and the one after that,
    /// which read what the walk saw, has nothing to do.
    @Test func aFileChangedWhileReadIsBuiltAgain() throws {
        let folder = try SiteFixture(SiteBuilderTests.smallSite).write()
        var edited = FileSystem.disk
        let readUpTo = edited.readUpTo
        edited.readUpTo = { path, limit in
            let read = try readUpTo(path, limit)
            guard path.hasSuffix("/patch.md"), case .bytes(let bytes, _) = read else { return read }
            return .bytes(bytes, stamp: .text("another version"))
        }
        #expect(build(folder, edited).published)
        let record = try #require(OutputWriter.record(of: folder.path("public")))
        #expect(record.hasPrefix("crosswalk \(InputFingerprint.unmatched) "))
        let second = build(folder)
        #expect(second.published && !second.upToDate)
        #expect(build(folder).upToDate)
    }

    /// The fingerprint taken beside the reads is the one a later build computes first.
    @Test func aFirstBuildIsUpToDateAfterwards() throws {
        let folder = try SiteFixture(SiteBuilderTests.smallSite).write()
        #expect(build(folder).published)
        let record = try #require(OutputWriter.record(of: folder.path("public")))
        let fingerprint = InputFingerprint.compute(
            options: BuildOptions(sourceRoot: folder.root, outputDirectory: folder.path("public"), today: "2026-11-29"),
            today: "2026-11-29", fileSystem: .disk)
        #expect(record.hasPrefix("crosswalk \(fingerprint) "))
        #expect(build(folder).upToDate)
    }
}
