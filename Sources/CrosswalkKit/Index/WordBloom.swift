/// The words a page's text holds, as a Bloom filter (8,192 bits, three probes): `serve` asks it
/// which pages can mention a name that changed, so a renamed term re-renders those pages and
/// not the whole site.
///
/// The answer may be a false "yes" (about 2% of pages for a one-word name at 900 distinct
/// words) but never a false "no": words are cut and folded exactly as `GlossaryMatcher` cuts and
/// folds them, and each word ending in `s` also stands for the singulars the matcher tries
/// (`ies` → `y`, `es`, `s`), so any text the matcher could match a name in holds all its words.
struct WordBloom: Sendable, Equatable {
    private var bits = [UInt64](repeating: 0, count: 128)

    init() {}

    /// Adds every word of `text`.
    mutating func insert(wordsOf text: String) {
        text.withUTF8Bytes { bytes in
            for token in WordTokenizer.tokens(in: bytes) {
                if token.isASCII {
                    insertASCII(bytes, token)
                } else {
                    insert(folded: WordTokenizer.folded(bytes, token))
                }
            }
        }
    }

    /// A word and the singulars it may stand for.
    mutating func insert(folded word: [UInt8]) {
        insert(word)
        guard word.last == 0x73 else { return }
        insert(word.dropLast())
        if word.count > 2 && word[word.count - 2] == 0x65 { insert(word.dropLast(2)) }
        if word.count > 3 && word.suffix(3).elementsEqual([0x69, 0x65, 0x73]) {
            insert(word.dropLast(3) + [0x79])
        }
    }

    /// As `insert(folded:)` for an ASCII word, folded while hashing: no copy of each word of
    /// every page `serve` parses.
    private mutating func insertASCII(_ bytes: UnsafeBufferPointer<UInt8>, _ token: WordTokenizer.Token) {
        @inline(__always) func folded(_ offset: Int) -> UInt8 {
            let byte = bytes[offset]
            return byte &- 0x41 < 26 ? byte | 0x20 : byte
        }
        let count = token.end - token.start
        // The hash of the word without its last one, two and three bytes.
        var (without3, without2, without1) = (Self.seed, Self.seed, Self.seed)
        var hash = Self.seed
        for offset in token.start..<token.end {
            let remaining = token.end - offset
            if remaining == 3 { without3 = hash }
            if remaining == 2 { without2 = hash }
            if remaining == 1 { without1 = hash }
            hash = Self.step(hash, folded(offset))
        }
        set(Self.mix(hash))
        guard folded(token.end - 1) == 0x73 else { return }
        set(Self.mix(without1))
        let beforeS = count > 1 ? folded(token.end - 2) : 0
        if count > 2 && beforeS == 0x65 { set(Self.mix(without2)) }
        if count > 3 && beforeS == 0x65 && folded(token.end - 3) == 0x69 { set(Self.mix(Self.step(without3, 0x79))) }
    }

    /// A name to look for in many pages' words (`mayContain(_:)`), its words hashed once.
    struct Name {
        /// Per expansion (`Title (ABBR)` is also `Title` and `ABBR`), its words' hashes.
        fileprivate let expansions: [[UInt64]]

        init(_ name: String) {
            expansions = GlossaryMatcher.expand(name).map { expansion in
                var text = expansion
                return text.withUTF8 { bytes in
                    WordTokenizer.tokens(in: bytes).map { WordBloom.hash(WordTokenizer.folded(bytes, $0)) }
                }
            }
        }
    }

    /// False only when no text added here can hold `name` (or, for `Title (ABBR)`, either part
    /// the matcher also looks for).
    func mayContain(name: String) -> Bool { mayContain(Name(name)) }

    func mayContain(_ name: Name) -> Bool {
        name.expansions.contains { words in !words.isEmpty && words.allSatisfy(contains(hash:)) }
    }

    private mutating func insert(_ word: some Collection<UInt8>) { set(Self.hash(word)) }

    private mutating func set(_ hash: UInt64) {
        for probe in 0..<3 {
            let bit = Int((hash >> UInt64(13 * probe)) & 8191)
            bits[bit >> 6] |= 1 << UInt64(bit & 63)
        }
    }

    private func contains(hash: UInt64) -> Bool {
        (0..<3).allSatisfy { probe in
            let bit = Int((hash >> UInt64(13 * probe)) & 8191)
            return bits[bit >> 6] & (1 << UInt64(bit & 63)) != 0
        }
    }

    /// FNV-1a, then mixed so the three 13-bit probes taken from it are independent enough.
    private static func hash(_ word: some Collection<UInt8>) -> UInt64 {
        mix(word.reduce(seed, step))
    }

    private static let seed: UInt64 = 0xcbf2_9ce4_8422_2325

    @inline(__always) private static func step(_ hash: UInt64, _ byte: UInt8) -> UInt64 {
        (hash ^ UInt64(byte)) &* 0x100_0000_01b3
    }

    private static func mix(_ fnv: UInt64) -> UInt64 {
        var hash = fnv
        hash ^= hash >> 29
        hash = hash &* 0xbf58_476d_1ce4_e5b9
        return hash ^ (hash >> 32)
    }
}
