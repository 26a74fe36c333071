import Foundation

/// Finds glossary terms and aliases in text. Built once per site over every term name.
///
/// Names are keyed by their lower-cased words joined by single spaces; a scan tries, at each
/// word, phrases of growing length while they are still a prefix of some name, and keeps the
/// longest that matches. Cost grows with the text, not with the number of terms: every step
/// is a hash lookup. (DESIGN.md measured this beside Aho–Corasick: the word hash is smaller
/// and faster for whole-word terms.)
///
/// Rules: whole words only; names with two or more capital letters (`IT`, `SIS`, `OPC UA`)
/// match case-sensitively, all others case-insensitively; a title's trailing `(ABBR)` is also
/// a name; a plural matches its term when the last word adds `s` or `es`, or turns `y` into
/// `ies` (`PLCs`, `patches`, `policies`) — for case-sensitive names only a lower-case `s`.
public struct GlossaryMatcher: Sendable {
    public struct Match: Equatable, Sendable {
        /// UTF-8 offsets of the matched phrase in the scanned text.
        public var start: Int
        public var end: Int
        /// Index of the term in the list given at construction.
        public var term: Int
    }

    struct Entry: Sendable {
        var term: Int
        /// The words as written, for case-sensitive names; nil when case does not matter.
        var exactWords: [String]?
    }

    private var table: [String: [Entry]] = [:]
    private var prefixes: Set<String> = []
    private(set) var maxWords = 0

    /// `names[i]` lists the names of term `i` (title, aliases).
    public init(names: [[String]]) {
        for (term, termNames) in names.enumerated() {
            var seen: Set<String> = []
            for name in termNames.flatMap(Self.expand) {
                let words = WordTokenizer.tokens(in: name[...])
                guard !words.isEmpty, Self.isMatchable(name, words) else { continue }
                let key = words.map { $0.text.lowercased() }.joined(separator: " ")
                let caseSensitive = name.unicodeScalars.count { $0.properties.isUppercase } >= 2
                guard seen.insert(key + (caseSensitive ? "\u{1}" : "")).inserted else { continue }
                table[key, default: []].append(
                    Entry(term: term, exactWords: caseSensitive ? words.map { String($0.text) } : nil))
                maxWords = max(maxWords, words.count)
                var prefix = ""
                for word in words.dropLast() {
                    prefix += (prefix.isEmpty ? "" : " ") + word.text.lowercased()
                    prefixes.insert(prefix)
                }
            }
        }
    }

    /// `Information technology (IT)` names both `Information technology` and `IT`.
    static func expand(_ name: String) -> [String] {
        guard name.hasSuffix(")"), let open = name.lastIndex(of: "("), open > name.startIndex else { return [name] }
        let base = name[..<open].trimmingCharacters(in: .whitespaces)
        let inner = String(name[name.index(after: open)..<name.index(before: name.endIndex)])
        return base.isEmpty ? [name] : [name, base, inner]
    }

    /// A name whose words are separated by anything but spaces or hyphens can never match.
    private static func isMatchable(_ name: String, _ words: [WordTokenizer.Token]) -> Bool {
        let utf8 = name.utf8
        for (left, right) in zip(words, words.dropFirst()) {
            let gap = utf8[
                utf8.index(utf8.startIndex, offsetBy: left.end)..<utf8.index(utf8.startIndex, offsetBy: right.start)]
            if !WordTokenizer.joinable(gap[...]) { return false }
        }
        return true
    }

    /// Leftmost-longest matches in `text`, not overlapping. `accept` decides whether a
    /// found term is linked (first mention, not the page's own term); a rejected match still
    /// consumes its words, so `safety` inside a repeated `safety instrumented system` stays plain.
    public func matches(in text: Substring, accept: (Int) -> Bool) -> [Match] {
        guard maxWords > 0 else { return [] }
        let tokens = WordTokenizer.tokens(in: text)
        let utf8 = text.utf8
        var result: [Match] = []
        var index = 0
        while index < tokens.count {
            var key = ""
            var best: (length: Int, term: Int)?
            for length in 1...maxWords {
                let last = index + length - 1
                guard last < tokens.count else { break }
                if length > 1 {
                    let gapStart = utf8.index(utf8.startIndex, offsetBy: tokens[last - 1].end)
                    let gapEnd = utf8.index(utf8.startIndex, offsetBy: tokens[last].start)
                    guard WordTokenizer.joinable(utf8[gapStart..<gapEnd]) else { break }
                    key += " "
                }
                let word = tokens[last].text.lowercased()
                if let term = lookup(key + word, tokens[index...last], pluralSuffix: "") {
                    best = (length, term)
                } else {
                    for (singular, suffix) in Self.singulars(of: word) {
                        if let term = lookup(key + singular, tokens[index...last], pluralSuffix: suffix) {
                            best = (length, term)
                            break
                        }
                    }
                }
                key += word
                if !prefixes.contains(key) { break }
            }
            if let best {
                if accept(best.term) {
                    result.append(
                        Match(start: tokens[index].start, end: tokens[index + best.length - 1].end, term: best.term))
                }
                index += best.length
            } else {
                index += 1
            }
        }
        return result
    }

    private func lookup(_ key: String, _ words: ArraySlice<WordTokenizer.Token>, pluralSuffix: String) -> Int? {
        guard let entries = table[key] else { return nil }
        for entry in entries {
            guard let exact = entry.exactWords else { return entry.term }
            guard pluralSuffix.isEmpty || pluralSuffix == "s" else { continue }
            let written = words.map { String($0.text) }
            var expected = exact
            if !pluralSuffix.isEmpty, let lastWord = expected.popLast() { expected.append(lastWord + "s") }
            if written == expected { return entry.term }
        }
        return nil
    }

    /// Candidate singulars of a lower-cased word with the suffix each removes.
    static func singulars(of word: String) -> [(String, String)] {
        var result: [(String, String)] = []
        if word.hasSuffix("ies"), word.count > 4 { result.append((String(word.dropLast(3)) + "y", "ies")) }
        if word.hasSuffix("es"), word.count > 3 { result.append((String(word.dropLast(2)), "es")) }
        if word.hasSuffix("s"), word.count > 2 { result.append((String(word.dropLast()), "s")) }
        return result
    }
}
