import Testing

@testable import CrosswalkKit

@Suite struct TermAnchorsTests {
    static func text(_ bytes: UnsafeBufferPointer<UInt8>) -> String { String(decoding: bytes, as: UTF8.self) }

    @Test func eachTermKeepsItsPathAndTagTail() {
        let anchors = TermAnchors(
            paths: ["glossary/plc/index.html", "", "glossary/sécurité/index.html", "x"],
            attributes: [#" data-term="plc""#, "", #" data-term="s&amp;""#, " a"])
        #expect(Self.text(anchors.anchor(0).path) == "glossary/plc/index.html")
        #expect(Self.text(anchors.anchor(0).tail) == #"" data-term="plc">"#)
        #expect(Self.text(anchors.anchor(1).path) == "")
        #expect(Self.text(anchors.anchor(1).tail) == #"">"#)
        #expect(Self.text(anchors.anchor(2).path) == "glossary/sécurité/index.html")
        #expect(Self.text(anchors.anchor(2).tail) == #"" data-term="s&amp;">"#)
        #expect(Self.text(anchors.anchor(3).path) == "x")
        #expect(Self.text(anchors.anchor(3).tail) == #"" a>"#)
    }

    /// Slugs keep such bytes out of output paths today; the auto-linker still escapes a path
    /// that has one, and this says which do.
    @Test func onlyPathsWithBytesAnAttributeEscapesNeedEscaping() {
        let paths = ["glossary/plc/index.html", "a&b/index.html", "q\"uote/", "it's/", "x<y/", "é/"]
        let anchors = TermAnchors(paths: paths, attributes: paths.map { _ in "" })
        #expect(paths.indices.map { anchors.anchor($0).pathNeedsEscaping } == [false, true, true, true, true, false])
    }

    /// Each record keeps where its path's first folder ends, as `HrefBase` works it out.
    @Test func eachTermKeepsWhereItsFirstFolderEnds() {
        let paths = ["glossary/plc/index.html", "index.html", "", "/abs/x.html", "a//b.html", "tools/x/"]
        let anchors = TermAnchors(paths: paths, attributes: paths.map { _ in "" })
        #expect(paths.indices.map { anchors.anchor($0).firstFolderEnd } == [8, 10, nil, nil, nil, nil])
    }
}
