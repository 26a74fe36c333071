import Testing

@testable import CrosswalkKit

@Suite struct SourcePathTableTests {
    static let paths = [
        "index.md", "glossary/plc.md", "glossary/index.md", "glossary/deep/rack.md", "guides/Ölpumpe.md",
        "guides/caf\u{E9}.md", "tools/nmap.md", "tools/Nmap.md",
    ]

    /// By bytes and by `String`, every path finds its own page: the byte table's order is the
    /// pages' order even with non-ASCII paths (kept out of it) between ASCII ones.
    @Test func everyPathFindsItsPageEitherWay() {
        let table = SourcePathTable(paths: Self.paths)
        for (index, path) in Self.paths.enumerated() {
            #expect(table.index(of: path) == index, "\(path)")
            #expect(path.withUTF8Bytes { table.index(of: $0) } == index, "\(path)")
        }
        #expect(table.index(of: "glossary/PLC.md") == nil)
        #expect("glossary/plc.m".withUTF8Bytes { table.index(of: $0) } == nil)
        #expect("".withUTF8Bytes { table.index(of: $0) } == nil)
    }

    /// A path written decomposed (`e` and a combining accent) finds the file named composed,
    /// as `String` equality does.
    @Test func aDecomposedPathFindsTheComposedFile() {
        let table = SourcePathTable(paths: Self.paths)
        #expect("guides/cafe\u{301}.md".withUTF8Bytes { table.index(of: $0) } == 5)
        #expect("guides/O\u{308}lpumpe.md".withUTF8Bytes { table.index(of: $0) } == 4)
    }

    /// A folder and a name find what `normalize` of the two finds, `..` out of `content/`
    /// nothing.
    @Test func aFolderAndANameFindWhatTheirNormalizedPathFinds() {
        let table = SourcePathTable(paths: Self.paths)
        let folders = ["", "glossary", "glossary/deep", "guides", "tools/x"]
        let names = [
            "plc.md", "../glossary/plc.md", "./rack.md", "deep/rack.md", "../../index.md", "../../../index.md",
            "..", "Ölpumpe.md", "../tools//nmap.md", "x/../Nmap.md", "café.md",
        ]
        var found = 0
        for folder in folders {
            for name in names {
                let expected = LinkResolver.normalize(folder, name).flatMap { table.index(of: $0) }
                let actual = folder.withUTF8Bytes { folderBytes in
                    name.withUTF8Bytes { table.index(folder: folderBytes, name: $0) }
                }
                #expect(actual == expected, "\(folder) + \(name)")
                if expected != nil { found += 1 }
            }
        }
        #expect(found > 10)
    }
}
