import Foundation
import Testing

@testable import CrosswalkKit

/// `serve` rewrites pages in place (same inode) under `OutputLock`, so its server, reading
/// under the same lock, never sends half a page.
@Suite struct InPlaceWriteTests {
    static func inode(_ path: String) -> UInt64? {
        var info = stat()
        return stat(path, &info) == 0 ? UInt64(info.st_ino) : nil
    }

    @Test func anEditedPageIsRewrittenInTheSameFile() throws {
        let folder = try SiteFixture(SiteBuilderTests.smallSite).write()
        let builder = folder.liveBuilder()
        #expect(builder.build().succeeded)
        let page = folder.path("live/constraints/planned-outages/index.html")
        let before = try #require(Self.inode(page))
        try folder.write(
            "---\ntitle: Planned outages\nsummary: Rewritten in place.\n---\nNew body.\n",
            to: "content/constraints/planned-outages.md")
        #expect(builder.build(.files([folder.path("content/constraints/planned-outages.md")])).succeeded)
        #expect(try folder.read("live/constraints/planned-outages/index.html").contains("New body."))
        #expect(Self.inode(page) == before)
        #expect(!FileManager.default.fileExists(atPath: page + ".crosswalk-new"))
    }

    /// Written over and cut to length: a shorter page leaves nothing of the longer one.
    @Test func aShorterRewriteLeavesNothingOfTheLongerOne() throws {
        let folder = try TemporaryFolder()
        let lock = OutputLock()
        for text in ["a long first version of the page", "short", "", "longer again"] {
            let file = OutputFile(path: "page.html", bytes: Array(text.utf8))
            #expect(IncrementalBuilder.writeInPlace(file, into: folder.root, lock: lock) == nil)
            // Read as bytes: Foundation's `String(contentsOfFile:)` leaks its buffer on an
            // empty file, which fails `make test-asan`.
            #expect(String(decoding: try readWholeFile(folder.path("page.html")), as: UTF8.self) == text)
        }
    }

    @Test func aReaderUnderTheLockNeverSeesHalfARewrite() throws {
        let folder = try TemporaryFolder()
        let lock = OutputLock()
        let size = 512 * 1024
        let versions = [UInt8(ascii: "a"), UInt8(ascii: "b")].map {
            OutputFile(path: "page.html", bytes: [UInt8](repeating: $0, count: size))
        }
        #expect(IncrementalBuilder.writeInPlace(versions[0], into: folder.root, lock: lock) == nil)
        let root = folder.root
        let path = folder.path("page.html")
        let torn = LockedCounter()
        DispatchQueue.concurrentPerform(iterations: 2) { worker in
            for round in 0..<150 {
                if worker == 0 {
                    _ = IncrementalBuilder.writeInPlace(versions[round % 2], into: root, lock: lock)
                } else {
                    let bytes = lock.reading { try? readWholeFile(path) } ?? []
                    // Whole, and all one version.
                    if bytes.count != size || bytes.contains(where: { $0 != bytes[0] }) { torn.increment() }
                }
            }
        }
        #expect(torn.value == 0)
    }
}

/// A counter two threads can bump.
final class LockedCounter: @unchecked Sendable {
    private let lock = NSLock()
    private var count = 0
    func increment() { lock.withLock { count += 1 } }
    var value: Int { lock.withLock { count } }
}
