import Foundation
import Testing

@testable import CrosswalkKit

@Suite struct ReadWholeFileTests {
    @Test func readsAFileLargerThanOneChunkWhole() throws {
        let folder = try TemporaryFolder()
        let text = String(repeating: "0123456789abcdef\n", count: 5_000)
        try folder.write(text, to: "big.md")
        #expect(try readWholeFile(folder.path("big.md")) == Array(text.utf8))
    }

    @Test func readsAnEmptyFile() throws {
        let folder = try TemporaryFolder()
        try folder.write("", to: "empty.md")
        #expect(try readWholeFile(folder.path("empty.md")).isEmpty)
    }

    /// `/proc` files report a size of 0 and still have content: the bytes past the size
    /// `fstat` gives are read too.
    @Test func readsPastTheSizeTheFileReported() throws {
        let bytes = try readWholeFile("/proc/self/status")
        #expect(String(decoding: bytes, as: UTF8.self).contains("Name:"))
    }

    @Test func aMissingFileThrows() {
        #expect(throws: FileSystemError.self) { try readWholeFile("/nonexistent/crosswalk/file.md") }
    }
}
