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

    /// The read asks for one byte more than the file's size, and stops at a shorter read:
    /// every size, one byte either side of the chunk and page sizes, comes back whole.
    @Test(arguments: [1, 2, 4_095, 4_096, 4_097, 16_383, 16_384, 16_385, 65_537])
    func readsAFileOfEverySizeWhole(size: Int) throws {
        let folder = try TemporaryFolder()
        let bytes = (0..<size).map { UInt8(truncatingIfNeeded: $0 &* 31 &+ 7) }
        try Data(bytes).write(to: URL(fileURLWithPath: folder.path("sized.md")))
        #expect(try readWholeFile(folder.path("sized.md")) == bytes)
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
