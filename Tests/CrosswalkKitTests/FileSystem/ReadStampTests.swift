import Testing

@testable import CrosswalkKit

@Suite struct ReadStampTests {
    /// The stamp's text, written digit by digit, is the interpolated one for every number:
    /// zero, single digits, powers of ten, negatives (times before 1970) and the extremes.
    @Test func diskStampTextIsTheInterpolatedText() {
        let edges: [Int64] = [0, 1, 9, 10, 99, 100, 1_234_567_890, -1, -10, -1_234, .max, .min, .min + 1]
        var random = SplitMix(seed: 41)
        let numbers = edges + (0..<200).map { _ in Int64(bitPattern: random.next()) >> (random.next() % 64) }
        for (index, number) in numbers.enumerated() {
            let other = numbers[(index * 7 + 3) % numbers.count]
            let inode = UInt64(bitPattern: other) >> (UInt64(index) % 64)
            let stamp = ReadStamp.disk(
                size: number, modified: other, modifiedNanos: number / 3, changed: ~other, changedNanos: 999_999_999,
                inode: inode)
            #expect(stamp.text == "\(number):\(other).\(number / 3):\(~other).999999999:\(inode)")
        }
        #expect(
            ReadStamp.disk(size: 0, modified: 0, modifiedNanos: 0, changed: 0, changedNanos: 0, inode: .max).text
                == "0:0.0:0.0:18446744073709551615")
        #expect(ReadStamp.text("kept").text == "kept")
    }
}
