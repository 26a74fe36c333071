import Testing

@testable import CrosswalkKit

@Suite struct TermAnchorsTests {
    static func text(_ bytes: UnsafeBufferPointer<UInt8>) -> String { String(decoding: bytes, as: UTF8.self) }

    @Test func eachTermKeepsItsPathAndTagTail() {
        let anchors = TermAnchors(
            paths: ["glossary/plc/index.html", "", "glossary/sécurité/index.html"],
            attributes: [#" data-term="plc""#, "", #" data-term="s&amp;""#])
        #expect(Self.text(anchors.path(0)) == "glossary/plc/index.html")
        #expect(Self.text(anchors.tail(0)) == #"" data-term="plc">"#)
        #expect(Self.text(anchors.path(1)) == "")
        #expect(Self.text(anchors.tail(1)) == #"">"#)
        #expect(Self.text(anchors.path(2)) == "glossary/sécurité/index.html")
        #expect(Self.text(anchors.tail(2)) == #"" data-term="s&amp;">"#)
    }

    /// Slugs keep such bytes out of output paths today; the auto-linker still escapes a path
    /// that has one, and this says which do.
    @Test func onlyPathsWithBytesAnAttributeEscapesNeedEscaping() {
        let paths = ["glossary/plc/index.html", "a&b/index.html", "q\"uote/", "it's/", "x<y/", "é/"]
        let anchors = TermAnchors(paths: paths, attributes: paths.map { _ in "" })
        #expect(paths.indices.map(anchors.pathNeedsEscaping) == [false, true, true, true, true, false])
    }
}
