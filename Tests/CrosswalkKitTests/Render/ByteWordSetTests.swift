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
}
