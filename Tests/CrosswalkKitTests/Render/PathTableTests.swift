import Testing

@testable import CrosswalkKit

@Suite struct PathTableTests {
    /// Each item reads back as given, empty ones and multi-byte ones too, whatever its place.
    @Test func packedBytesReadBackEachItem() {
        let items: [[UInt8]] = [Array("glossary/plc/index.html".utf8), [], Array("café &amp; ü".utf8), [0x41]]
        let packed = PackedBytes(items)
        for (index, item) in items.enumerated() { #expect(Array(packed[index]) == item, "item \(index)") }
        #expect(PackedBytes([]).isEmpty)
    }

    /// Paths come with where their first folder ends, as `HrefBase` works it out.
    @Test func pathsKeepWhereTheirFirstFolderEnds() {
        let paths = ["glossary/plc/index.html", "index.html", "/odd//path/", "", "café/ü/index.html"]
        let table = PathTable(paths: paths)
        for (index, path) in paths.enumerated() {
            #expect(String(decoding: table[index].path, as: UTF8.self) == path)
            #expect(table[index].firstFolderEnd == path.withUTF8Bytes(HrefBase.plainFirstFolderEnd), "\(path)")
        }
        #expect(table[0].firstFolderEnd == 8)
        #expect(table[1].firstFolderEnd == 10)
        #expect(table[2].firstFolderEnd == nil)
    }
}
