/// A set of (length, first two letters) of words, as bits: a word outside it is neither the
/// first word of any name nor the plural of a one-word name. Folded bytes; a byte's low five
/// bits stand for it (digits share them with letters, which only lets more words through).
struct WordStarts: Sendable {
    private var bits = [UInt64](repeating: 0, count: 1 << 10)

    /// A set that lets every word through.
    static var everyWord: WordStarts {
        var starts = WordStarts()
        starts.bits = [UInt64](repeating: .max, count: 1 << 10)
        return starts
    }

    private static func slot(count: Int, _ first: UInt8, _ second: UInt8) -> Int {
        min(count, 63) << 10 | Int(first & 0x1F) << 5 | Int(second & 0x1F)
    }

    /// Adds a folded word.
    mutating func insert(_ word: [UInt8]) {
        guard let first = word.first else { return }
        let slot = Self.slot(count: word.count, first, word.count > 1 ? word[1] : 0)
        bits[slot >> 6] |= 1 << UInt64(slot & 63)
    }

    /// False when the ASCII word `token` of `bytes`, folded, was never added.
    @inline(__always)
    func mayStart(_ bytes: UnsafeBufferPointer<UInt8>, _ token: WordTokenizer.Token) -> Bool {
        func folded(_ byte: UInt8) -> UInt8 { byte >= 0x41 && byte <= 0x5A ? byte | 0x20 : byte }
        let count = token.end - token.start
        let slot = Self.slot(count: count, folded(bytes[token.start]), count > 1 ? folded(bytes[token.start + 1]) : 0)
        return bits[slot >> 6] & (1 << UInt64(slot & 63)) != 0
    }
}
