import Testing

@testable import CrosswalkKit

@Suite struct StableHashTests {
    /// Every pair of texts up to 20 bytes from a small alphabet, split at every place: no two
    /// different pairs share a hash, and the same pair always has the same one.
    @Test func differentTextPairsHashApart() {
        var random = SplitMix(seed: 800_082)
        var seen: [UInt64: (String, String)] = [:]
        let alphabet = Array("ab\u{0}é-\n".unicodeScalars)
        for _ in 0..<20_000 {
            let length = random.below(21)
            let text = String(
                String.UnicodeScalarView((0..<length).map { _ in alphabet[random.below(alphabet.count)] }))
            let cut = text.index(text.startIndex, offsetBy: random.below(text.count + 1))
            let pair = (String(text[..<cut]), String(text[cut...]))
            let hash = StableHash.of(pair.0, pair.1)
            #expect(StableHash.of(pair.0, pair.1) == hash)
            if let earlier = seen[hash] {
                #expect(earlier == pair, "two pairs share a hash")
            }
            seen[hash] = pair
        }
        #expect(seen.count > 5_000)
    }

    /// Where the first text ends is part of the hash, whatever the lengths around a word.
    @Test func theSplitBetweenTheTextsCounts() {
        let text = String(repeating: "abcdefgh", count: 3) + "xyz"
        let hashes = Set(text.indices.map { StableHash.of(String(text[..<$0]), String(text[$0...])) })
        #expect(hashes.count == text.count)
        #expect(StableHash.of("", "") != StableHash.of("\u{0}", ""))
    }
}
