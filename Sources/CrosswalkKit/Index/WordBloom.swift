/// The words a page's text holds, as a Bloom filter (8,192 bits, three probes): `serve` asks it
/// which pages can mention a name that changed, so a renamed term re-renders those pages and
/// not the whole site.
///
/// The answer may be a false "yes" (about 2% of pages for a one-word name at 900 distinct
/// words) but never a false "no": words are cut and folded exactly as `GlossaryMatcher` cuts and
/// folds them, and each word ending in `s` also stands for the singulars the matcher tries
/// (`ies` → `y`, `es`, `s`), so any text the matcher could match a name in holds all its words.
struct WordBloom: Sendable {
    private var bits = [UInt64](repeating: 0, count: 128)

    init() {}

    /// Adds every word of `text`.
    mutating func insert(wordsOf text: String) {
        var text = text
        text.withUTF8 { bytes in
            for token in WordTokenizer.tokens(in: bytes) {
                let word = WordTokenizer.folded(bytes, token)
                insert(word)
                guard word.last == 0x73 else { continue }
                insert(word.dropLast())
                if word.count > 2 && word[word.count - 2] == 0x65 { insert(word.dropLast(2)) }
                if word.count > 3 && word.suffix(3).elementsEqual([0x69, 0x65, 0x73]) {
                    insert(word.dropLast(3) + [0x79])
                }
            }
        }
    }

    /// False only when no text added here can hold `name` (or, for `Title (ABBR)`, either part
    /// the matcher also looks for).
    func mayContain(name: String) -> Bool {
        GlossaryMatcher.expand(name).contains { expansion in
            var text = expansion
            return text.withUTF8 { bytes in
                let words = WordTokenizer.tokens(in: bytes)
                return !words.isEmpty && words.allSatisfy { contains(WordTokenizer.folded(bytes, $0)) }
            }
        }
    }

    private mutating func insert(_ word: some Collection<UInt8>) {
        let hash = Self.hash(word)
        for probe in 0..<3 {
            let bit = Int((hash >> UInt64(13 * probe)) & 8191)
            bits[bit >> 6] |= 1 << UInt64(bit & 63)
        }
    }

    private func contains(_ word: some Collection<UInt8>) -> Bool {
        let hash = Self.hash(word)
        return (0..<3).allSatisfy { probe in
            let bit = Int((hash >> UInt64(13 * probe)) & 8191)
            return bits[bit >> 6] & (1 << UInt64(bit & 63)) != 0
        }
    }

    /// FNV-1a, then mixed so the three 13-bit probes taken from it are independent enough.
    private static func hash(_ word: some Collection<UInt8>) -> UInt64 {
        var hash: UInt64 = 0xcbf2_9ce4_8422_2325
        for byte in word { hash = (hash ^ UInt64(byte)) &* 0x100_0000_01b3 }
        hash ^= hash >> 29
        hash = hash &* 0xbf58_476d_1ce4_e5b9
        return hash ^ (hash >> 32)
    }
}
