import Testing

@testable import CrosswalkKit

@Suite struct SourceLocatorTests {
    @Test func lineStartsAreZeroAndEveryOffsetAfterANewline() {
        var random = SplitMix(seed: 1_982)
        for _ in 0..<500 {
            let bytes = (0..<random.below(200)).map { _ in [0x0A, 0x61, 0x0D, 0xC3, 0xA9][random.below(5)] as UInt8 }
            let expected = [0] + bytes.indices.filter { bytes[$0] == 0x0A }.map { $0 + 1 }
            #expect(SourceLocator.lineStarts(bytes) == expected)
        }
        #expect(SourceLocator.lineStarts([]) == [0])
        #expect(SourceLocator.lineStarts([0x0A]) == [0, 1])
    }
}
