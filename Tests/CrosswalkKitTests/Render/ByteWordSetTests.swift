import Testing

@testable import CrosswalkKit

/// The search words' byte set answers as a `Set<String>` would: the same words are new, also
/// when written in another canonical form, and past any number of growths.
@Suite struct ByteWordSetTests {
    @Test func answersAsASetOfStrings() {
        let pieces = ["pump", "Pump", "é", "e\u{301}", "\u{212A}", "K", "k", "valve", "it’s", "x", "", "ß", "ss"]
        var random = SplitMix(seed: 62_443)
        var strings = Set<String>()
        var bytes = ByteWordSet()
        for _ in 0..<4_000 {
            let word =
                (0..<(1 + random.below(3))).map { _ in pieces[random.below(pieces.count)] }.joined()
                + String(random.below(400))
            #expect(bytes.contains(word) == strings.contains(word), "\(word.debugDescription)")
            #expect(bytes.insert(word) == strings.insert(word).inserted, "\(word.debugDescription)")
        }
        #expect(bytes.count == strings.count)
    }

    /// The hash reads every byte: at every length up to 40, changing any one byte, or the
    /// length, changes it; and the low bits, which pick slots, spread over 3-letter words.
    @Test func everyByteAndTheLengthChangeTheHash() {
        func hash(_ bytes: [UInt8]) -> UInt64 { bytes.withUnsafeBufferPointer { ByteWordSet.hash($0) } }
        var seen: [UInt64: [UInt8]] = [:]
        for count in 0...40 {
            let word = (0..<count).map { UInt8(truncatingIfNeeded: 97 + $0 % 26) }
            #expect(seen.updateValue(word, forKey: hash(word)) == nil, "\(word)")
            for position in 0..<count {
                var changed = word
                changed[position] ^= 0x20
                #expect(hash(changed) != hash(word), "\(count) bytes, byte \(position)")
            }
        }
        let letters = Array(UInt8(ascii: "a")...UInt8(ascii: "z"))
        var slots = Set<UInt64>()
        for a in letters { for b in letters { for c in letters { slots.insert(hash([a, b, c]) & 0xFFF) } } }
        // 17,576 words in 4,096 slots fill nearly all of them when the low bits are spread.
        #expect(slots.count > 4_000)
    }
}
