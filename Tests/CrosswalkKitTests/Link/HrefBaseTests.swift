import Testing

@testable import CrosswalkKit

@Suite struct HrefBaseTests {
    /// Whatever the page and target, the href is the one `LinkResolver` writes: targets in
    /// the page's own top folder, paths with odd slashes and the home page included.
    @Test func hrefsAreTheOnesTheResolverWrites() {
        let segments = ["glossary", "glossary-old", "gloss", "notes", "plc", "index.html", "a", "é", "", " "]
        var generator = SplitMix(seed: 62)
        func path(maxSegments: Int) -> String {
            let count = Int(generator.next() % UInt64(maxSegments + 1))
            var text = (0..<count).map { _ in segments[Int(generator.next() % UInt64(segments.count))] }
                .joined(separator: "/")
            switch generator.next() % 6 {
            case 0: text = "/" + text
            case 1: text += "/"
            default: break
            }
            return text
        }
        for _ in 0..<20_000 {
            let from = path(maxSegments: 3)
            let to = path(maxSegments: 4)
            let base = HrefBase(from: from)
            let expected = LinkResolver.href(from: from, to: to)
            #expect(base.href(to: to) == expected, "from '\(from)' to '\(to)'")
            var bytes = HTMLBytes()
            bytes.raw("<")
            to.withUTF8Bytes { base.append(to: $0, firstFolderEnd: HrefBase.plainFirstFolderEnd($0), into: &bytes) }
            #expect(bytes.string == "<" + expected, "from '\(from)' to '\(to)'")
        }
    }

    @Test(arguments: [
        ("notes/area-3/note-6/", "glossary/term-1/index.html", "../../../glossary/term-1/index.html"),
        ("glossary/term-5/", "glossary/term-1/index.html", "../term-1/index.html"),
        ("", "glossary/term-1/index.html", "glossary/term-1/index.html"),
        ("glossary/", "glossary", "../glossary"),
    ])
    func commonCases(from: String, to: String, expected: String) {
        #expect(HrefBase(from: from).href(to: to) == expected)
    }
}
