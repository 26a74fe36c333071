import Foundation
import Testing

@testable import CrosswalkKit

/// Paths taken apart as bytes, held to Foundation's and the `split` they replaced.
@Suite struct PathTextTests {
    static let pieces = ["a", "/", "//", ".", "..", "é", "b c", "index.html", ".public.staging-1"]

    static func randomPaths() -> [String] {
        var random = SplitMix(seed: 2_024)
        var paths = ["", "/", "//", "a", "/a", "a/", "/a/b/c", "/a//b", "a/b/", "/a/b//", "./a", "../a"]
        for _ in 0..<5_000 {
            let path = (0..<Int(random.next() % 7)).map { _ in pieces[Int(random.next() % UInt64(pieces.count))] }
            paths.append(path.joined())
        }
        return paths
    }

    @Test func folderPathIsFoundationsParentForAbsolutePaths() {
        // Absolute paths without `//`, as crosswalk writes to: this Foundation traps on some
        // relative ones (`a`) and on `//é`, and folds `//` inside a path into one.
        var compared = 0
        for path in Self.randomPaths() where path.hasPrefix("/") && !path.contains("//") {
            #expect(folderPath(holding: path) == (path as NSString).deletingLastPathComponent, "\(path)")
            compared += 1
        }
        #expect(compared > 200)
        #expect(folderPath(holding: "//") == "/")
        #expect(["a", "a/", "a/b/", "./a", "..", ""].map(folderPath(holding:)) == ["", "", "a", ".", "", ""])
        #expect(
            folderPath(holding: "/srv/site/.public.staging-1/notes/a/index.html")
                == "/srv/site/.public.staging-1/notes/a")
    }

    @Test func aPathStaysInsideAsTheSplitSaid() {
        func reference(_ path: String) -> Bool {
            !path.split(separator: "/", omittingEmptySubsequences: false).contains {
                $0.isEmpty || $0 == "." || $0 == ".."
            }
        }
        for path in Self.randomPaths() {
            #expect(OutputWriter.staysInside(path) == reference(path), "\(path)")
        }
        #expect(OutputWriter.staysInside("notes/a/index.html"))
        #expect(!OutputWriter.staysInside("notes/../index.html"))
    }

    @Test func pathSegmentsAreTheSplitsPieces() {
        var paths = Self.randomPaths() + ["glossary/\u{301}x/", "a\r\n/b", "/\u{301}", "é/a/"]
        paths += Self.randomPaths().map { $0.replacingOccurrences(of: "é", with: "e") }
        for path in paths {
            #expect(pathSegments(path) == path.split(separator: "/"), "\(path.debugDescription)")
        }
    }

    /// The folders above a path's last segment are its first segments joined again, cut from
    /// the path or not (empty segments, marks after a slash, paths outside ASCII).
    @Test func ancestorFoldersAreTheJoinedFirstSegments() {
        var paths =
            Self.randomPaths() + ["glossary/\u{301}x/", "a\r\n/b", "/\u{301}", "é/a/", "notes/area-05/note-900/"]
        paths += Self.randomPaths().map { $0.replacingOccurrences(of: "é", with: "e") }
        var nested = 0
        for path in paths {
            let parts = path.split(separator: "/")
            let expected = parts.count < 2 ? [] : (1..<parts.count).map { parts[0..<$0].joined(separator: "/") + "/" }
            let found = ancestorFolders(path)
            #expect(found.map(\.url) == expected, "\(path.debugDescription)")
            #expect(found.map(\.name) == Array(parts.dropLast()), "\(path.debugDescription)")
            if expected.count > 1 { nested += 1 }
        }
        #expect(nested > 20)
        #expect(ancestorFolders("notes/area-05/note-900/").map(\.url) == ["notes/", "notes/area-05/"])
    }
}
