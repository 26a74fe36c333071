import Testing

@testable import CrosswalkKit

@Suite struct OutputFileTests {
    /// A page handed on in its renderer's buffer reads the same as one made from an array, past
    /// the buffer's first growth too; and is written to disk as it is.
    @Test func aFileInABufferHoldsWhatWasWritten() throws {
        var html = HTMLBytes(capacity: 16)
        var expected: [UInt8] = []
        for index in 0..<200 {
            let piece = "<p>é \(index) &amp;</p>\n"
            html.raw(piece)
            expected += piece.utf8
        }
        let file = OutputFile(path: "a/index.html", buffer: html.finished())
        #expect(file.bytes == expected)
        #expect(file.contents == String(decoding: expected, as: UTF8.self))
        #expect(
            file.withBytes { Array($0) } == OutputFile(path: "a/index.html", bytes: expected).withBytes { Array($0) })

        let folder = try TemporaryFolder()
        let writer = try OutputWriter(output: folder.path("public"))
        try writer.write(file)
        try writer.commit(record: "")
        #expect(try readWholeFile(folder.path("public/a/index.html")) == expected)
    }

    @Test func anEmptyBufferIsAnEmptyFile() {
        let file = OutputFile(path: "empty.html", buffer: HTMLBytes(capacity: 0).finished())
        #expect(file.bytes.isEmpty)
        #expect(file.contents.isEmpty)
    }
}
