import Testing

@testable import CrosswalkKit

/// `WordBloom` may answer a false "yes", never a false "no", for any name the glossary matcher
/// could find in the text.
@Suite struct WordBloomTests {
    @Test func everyNameTheMatcherCouldFindIsContained() {
        var bloom = WordBloom()
        bloom.insert(wordsOf: "Check the relay\ncabinets, the spare BATTERIES and two boxes; the ÖLPUMPE’s oil.")
        for name in [
            "relay cabinet", "Relay cabinets", "spare battery", "box", "Ölpumpe", "oil", "the", "Spare batteries",
            "Uninterruptible power supply (spare)", "check-the",
        ] {
            #expect(bloom.mayContain(name: name), "\(name)")
        }
        for name in ["relay panel", "pump", "batter", "cabinet door", "(x)"] {
            #expect(!bloom.mayContain(name: name), "\(name)")
        }
    }

    /// Over seeded random texts: every word, and every pair of words, is contained; words the
    /// texts never hold are rarely reported.
    @Test func noFalseNoAndFewFalseYes() {
        var random = SplitMix(seed: 20_261_129)
        let vocabulary = (0..<5_000).map { index in "w\(index)x" }
        var falseYes = 0
        var absentChecks = 0
        for _ in 0..<40 {
            let words = (0..<600).map { _ in vocabulary[Int(random.next() % 4_000)] }
            var bloom = WordBloom()
            for chunk in stride(from: 0, to: words.count, by: 50) {
                bloom.insert(wordsOf: words[chunk..<chunk + 50].joined(separator: " "))
            }
            for index in words.indices.dropLast() {
                #expect(bloom.mayContain(name: words[index] + " " + words[index + 1]))
            }
            for absent in vocabulary[4_000...].prefix(200) {
                absentChecks += 1
                if bloom.mayContain(name: absent) { falseYes += 1 }
            }
        }
        #expect(Double(falseYes) / Double(absentChecks) < 0.05, "\(falseYes) of \(absentChecks)")
    }

    /// ASCII words are folded while hashed, with their singulars; the bits must be those of
    /// each word folded first (random words of letters ending in `s`, `es`, `ies`, any case).
    @Test func asciiWordsHashAsTheirFoldedCopies() {
        var random = SplitMix(seed: 62_443)
        let letters = Array("aeisyAEISYbk".utf8)
        let endings = ["", "s", "es", "ies", "S", "ES", "IES", "Ies"]
        for _ in 0..<300 {
            let text = (0..<20).map { _ in
                String(
                    decoding: (0..<Int(random.next() % 5)).map { _ in letters[Int(random.next() % 12)] }, as: UTF8.self)
                    + endings[Int(random.next() % 8)]
            }.joined(separator: " ")
            var fast = WordBloom()
            fast.insert(wordsOf: text)
            var reference = WordBloom()
            var copy = text
            copy.withUTF8 { bytes in
                for token in WordTokenizer.tokens(in: bytes) {
                    reference.insert(folded: WordTokenizer.folded(bytes, token))
                }
            }
            #expect(fast == reference, "\(text)")
        }
    }
}
