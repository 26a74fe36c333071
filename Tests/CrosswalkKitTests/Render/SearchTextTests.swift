import Foundation
import Testing

@testable import CrosswalkKit

/// The byte-level word splitter is pinned to the scalar-by-scalar one it replaced, on random
/// text mixing ASCII, accents (precomposed and combining), other scripts, digits and symbols.
@Suite struct SearchTextTests {
    static let pieces = [
        "a", "Z", "pump", "PLC", "of", "to", "42", "7", " ", "  ", "-", "’", ".", ",", "\n", "é", "E\u{301}",
        "\u{301}", "Ünit", "ß", "Σ", "数据", "٣", "½", "🙂", "x\u{200D}y", "İ", "ﬁ", "Ⅻ", "\t", "_", "a1b2",
    ]

    /// The splitter before the byte-level one, kept as the reference.
    static func referenceWords(in text: String) -> [String] {
        var words: [String] = []
        var current = ""
        var ascii = true
        func flush() {
            guard !current.isEmpty else { return }
            words.append(ascii ? current : current.lowercased().folding(options: .diacriticInsensitive, locale: nil))
            current = ""
            ascii = true
        }
        for scalar in text.unicodeScalars {
            let value = scalar.value
            if value < 0x80 {
                if (0x61...0x7A).contains(value) || (0x30...0x39).contains(value) {
                    current.unicodeScalars.append(scalar)
                } else if (0x41...0x5A).contains(value) {
                    current.unicodeScalars.append(Unicode.Scalar(UInt8(value + 0x20)))
                } else {
                    flush()
                }
            } else if scalar.properties.isAlphabetic || scalar.properties.numericType != nil {
                current.unicodeScalars.append(scalar)
                ascii = false
            } else if scalar.properties.generalCategory != .nonspacingMark {
                flush()
            }
        }
        flush()
        return words
    }

    static func referenceIndexWords(_ text: String, excluding known: Set<String>, limit: Int) -> [String] {
        var seen = known
        var result: [String] = []
        for word in referenceWords(in: text) {
            guard word.unicodeScalars.count >= 3 || word.allSatisfy(\.isNumber) else { continue }
            guard !SearchText.stopWords.contains(word), seen.insert(word).inserted else { continue }
            result.append(word)
            if result.count == limit { break }
        }
        return result
    }

    @Test func wordsMatchTheScalarSplitterOnRandomText() {
        var random = SplitMix(seed: 800_82)
        for _ in 0..<3_000 {
            let text = (0..<random.below(30)).map { _ in Self.pieces[random.below(Self.pieces.count)] }.joined()
            #expect(
                SearchText.words(in: text) == Self.referenceWords(in: text), Comment(rawValue: text.debugDescription))
            let limit = 1 + random.below(12)
            let reference = Self.referenceIndexWords(text, excluding: ["pump"], limit: limit)
            #expect(
                SearchIndex.words(fromText: text, excluding: ["pump"], limit: limit) == reference,
                Comment(rawValue: text.debugDescription))
            // As the page keeps them: joined by single spaces, none before or after.
            var seen = SearchIndex.seenWords(capacity: 1 + limit)
            seen.insert("pump")
            #expect(
                SearchIndex.joinedWords(fromText: text, after: seen, limit: limit) == reference.joined(separator: " "),
                Comment(rawValue: text.debugDescription))
        }
    }
}
