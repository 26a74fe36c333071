import Foundation

/// Finds glossary terms and aliases in text. Built once per site over every term name.
///
/// A name's key is its lower-cased words joined by single spaces, hashed (FNV-1a) so a phrase
/// can be extended word by word without building strings. A scan tries, at each word, phrases
/// of growing length while they are still a prefix of some name, and keeps the longest that
/// matches. Every step is a hash lookup, so cost grows with the text, not with the number of
/// terms. (DESIGN.md measured this beside Aho–Corasick: the word hash is smaller and faster
/// for whole-word terms.)
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

    /// Every name as a record, those with the same hash one after another in the table's
    /// slot for the hash: the term (4 bytes), the length of its words as written (4 bytes, 0
    /// unless the name is case-sensitive), the key's length (4 bytes), the key (its folded words
    /// joined by spaces, which guards against hash collisions), then the words as written,
    /// joined by spaces. The table also says whether a hash starts a longer name. A found name
    /// is one place in memory: with 20,000 terms each separate read (the slot, a key list, the
    /// written words) was a cache miss.
    private static let recordHeader = 12
    private var table = HashSlots([])
    private(set) var maxWords = 0
    /// Which words can start a name (or be the plural of a one-word name), roughly: most
    /// words of prose cannot, and this says so before the word is hashed and looked up.
    /// Tests set ``WordStarts/everyWord`` to check that the answer is the same without it.
    var starts = WordStarts()

    /// Every term's names, cut and folded: a rename in `serve` prepares only its term again
    /// (`replacing(_:)`).
    private var prepared: [[PreparedName]] = []

    /// `names[i]` lists the names of term `i` (title, aliases).
    public init(names: [[String]]) {
        // Cutting and folding every name is the bulk of the work and needs nothing shared:
        // done on every core, then put in the table in term order (which a lookup's first
        // match depends on).
        self.init(prepared: names.count >= 512 ? parallelMap(names, Self.prepare) : names.map(Self.prepare))
    }

    /// This matcher with the names of the terms in `changes` (term → names) replaced.
    func replacing(_ changes: [Int: [String]]) -> GlossaryMatcher {
        var prepared = self.prepared
        for (term, names) in changes { prepared[term] = Self.prepare(names) }
        return GlossaryMatcher(prepared: prepared)
    }

    private init(prepared: [[PreparedName]]) {
        self.prepared = prepared
        var table: [UInt64: [(term: Int, key: [UInt8], exactWords: [[UInt8]]?)]] = [:]
        // Each prefix, with the first bytes of the words that follow it in names.
        var prefixes: [UInt64: UInt32] = [:]
        defer {
            var slots: [(key: UInt64, records: [UInt8], count: Int32, isPrefix: Bool, continuations: UInt32)] = []
            for (hash, names) in table {
                var records: [UInt8] = []
                for name in names {
                    let exact = name.exactWords.map { Array($0.joined(separator: [0x20])) } ?? []
                    for field in [name.term, exact.count, name.key.count] {
                        withUnsafeBytes(of: UInt32(field).littleEndian) { records += $0 }
                    }
                    records += name.key
                    records += exact
                }
                let continuations = prefixes[hash]
                slots.append((hash, records, Int32(names.count), continuations != nil, continuations ?? 0))
            }
            for (prefix, continuations) in prefixes where table[prefix] == nil {
                slots.append((prefix, [], 0, true, continuations))
            }
            self.table = HashSlots(slots)
        }
        for (term, termNames) in prepared.enumerated() {
            for name in termNames {
                table[Self.hash(name.key), default: []].append((term, name.key, name.exactWords))
                maxWords = max(maxWords, name.folded.count)
                if let first = name.folded.first { starts.insert(first) }
                if name.folded.count == 1, let word = name.folded.first {
                    // The forms the scan makes singular: `s`, `es`, and `ies` for `y`.
                    starts.insert(word + [0x73])
                    starts.insert(word + [0x65, 0x73])
                    if word.last == 0x79 { starts.insert(Array(word.dropLast()) + [0x69, 0x65, 0x73]) }
                }
                var prefix = Self.seed
                for (index, word) in name.folded.dropLast().enumerated() {
                    if index > 0 { prefix = Self.hash([0x20], from: prefix) }
                    prefix = Self.hash(word, from: prefix)
                    let next = name.folded[index + 1].first ?? 0
                    prefixes[prefix, default: 0] |= Self.continuationBit(next)
                }
            }
        }
    }

    /// One name of a term, cut into words and folded.
    private struct PreparedName: Sendable {
        /// Folded words joined by spaces.
        var key: [UInt8]
        var folded: [[UInt8]]
        /// The words as written, for case-sensitive names.
        var exactWords: [[UInt8]]?
    }

    /// A term's names (with `Title (ABBR)` expanded), each once, those that can match.
    private static func prepare(_ termNames: [String]) -> [PreparedName] {
        var seen: Set<[UInt8]> = []
        var prepared: [PreparedName] = []
        for name in termNames.flatMap(expand) {
            var text = name
            text.withUTF8 { bytes in
                let words = WordTokenizer.tokens(in: bytes)
                guard !words.isEmpty, isMatchable(bytes, words) else { return }
                let folded = words.map { WordTokenizer.folded(bytes, $0) }
                let key = Array(folded.joined(separator: [0x20]))
                let caseSensitive = name.unicodeScalars.count { $0.properties.isUppercase } >= 2
                guard seen.insert(key + (caseSensitive ? [1] : [])).inserted else { return }
                let exact =
                    caseSensitive
                    ? words.map { Array(UnsafeBufferPointer(rebasing: bytes[$0.start..<$0.end])) } : nil
                prepared.append(PreparedName(key: key, folded: folded, exactWords: exact))
            }
        }
        return prepared
    }

    static let seed: UInt64 = 0xcbf2_9ce4_8422_2325

    /// A word's mark among the words that may follow a prefix, by its first byte folded: one
    /// bit per ASCII letter, one for digits, none for a byte outside ASCII (a word starting so
    /// is let through unasked, as folding it may start it with any letter).
    @inline(__always)
    static func continuationBit(_ first: UInt8) -> UInt32 {
        let letter = (first | 0x20) &- 0x61
        if first < 0x80 && letter < 26 { return 1 << UInt32(letter) }
        return first &- 0x30 < 10 ? 1 << 26 : 0
    }

    static func hash(_ bytes: some Sequence<UInt8>, from start: UInt64 = seed) -> UInt64 {
        var hash = start
        for byte in bytes {
            hash ^= UInt64(byte)
            hash = hash &* 0x100_0000_01b3
        }
        return hash
    }

    /// `Information technology (IT)` names both `Information technology` and `IT`.
    static func expand(_ name: String) -> [String] {
        guard name.hasSuffix(")"), let open = name.lastIndex(of: "("), open > name.startIndex else { return [name] }
        let base = name[..<open].trimmingCharacters(in: .whitespaces)
        let inner = String(name[name.index(after: open)..<name.index(before: name.endIndex)])
        return base.isEmpty ? [name] : [name, base, inner]
    }

    /// A name whose words are separated by anything but spaces or hyphens can never match.
    private static func isMatchable(_ bytes: UnsafeBufferPointer<UInt8>, _ words: [WordTokenizer.Token]) -> Bool {
        zip(words, words.dropFirst()).allSatisfy { WordTokenizer.joinable(bytes, from: $0.end, to: $1.start) }
    }

    /// Leftmost-longest matches in `text`, not overlapping. `accept` decides whether a
    /// found term is linked (first mention, not the page's own term); a rejected match still
    /// consumes its words, so `safety` inside a repeated `safety instrumented system` stays plain.
    public func matches(in text: Substring, accept: (Int) -> Bool) -> [Match] {
        guard maxWords > 0 else { return [] }
        var copy = String(text)
        return copy.withUTF8 { bytes in matches(in: bytes, accept: accept) }
    }

    func matches(in bytes: UnsafeBufferPointer<UInt8>, accept: (Int) -> Bool) -> [Match] {
        var tokens = TokenBuffer()
        var result: [Match] = []
        matches(in: bytes, tokens: &tokens, into: &result, accept: accept)
        return result
    }

    /// As ``matches(in:accept:)``, into `result` (emptied first), with `tokens` as room for
    /// the words of `bytes`: the auto-linker scans a page's runs with one of each.
    func matches(
        in bytes: UnsafeBufferPointer<UInt8>, tokens: inout TokenBuffer, into result: inout [Match],
        accept: (Int) -> Bool
    ) {
        result.removeAll(keepingCapacity: true)
        guard maxWords > 0 else { return }
        WordTokenizer.tokens(in: bytes, into: &tokens)
        let tokens = tokens.all
        // Folded copies only of words outside ASCII; ASCII words are folded while hashing.
        var unicodeFolded: [Int: [UInt8]] = [:]
        func fold(_ index: Int) -> [UInt8] {
            if let word = unicodeFolded[index] { return word }
            let word = WordTokenizer.folded(bytes, tokens[index])
            if !tokens[index].isASCII { unicodeFolded[index] = word }
            return word
        }
        /// Continues `hash` with word `index` folded, minus its last `dropping` bytes.
        func hashWord(_ index: Int, from hash: UInt64, dropping: Int = 0) -> UInt64 {
            let token = tokens[index]
            guard token.isASCII else { return Self.hash(fold(index).dropLast(dropping), from: hash) }
            var hash = hash
            for offset in token.start..<(token.end - dropping) {
                let byte = bytes[offset]
                hash ^= UInt64(byte >= 0x41 && byte <= 0x5A ? byte | 0x20 : byte)
                hash = hash &* 0x100_0000_01b3
            }
            return hash
        }
        /// The folded byte `back` places from the end of word `index`.
        func lastFolded(_ index: Int, _ back: Int) -> UInt8? {
            let token = tokens[index]
            guard token.isASCII else {
                let word = fold(index)
                return word.count >= back ? word[word.count - back] : nil
            }
            guard token.end - token.start >= back else { return nil }
            let byte = bytes[token.end - back]
            return byte >= 0x41 && byte <= 0x5A ? byte | 0x20 : byte
        }
        var index = 0
        while index < tokens.count {
            // Most words start no name: then the scan below would find nothing here.
            if tokens[index].isASCII, !starts.mayStart(bytes, tokens[index]) {
                index += 1
                continue
            }
            var hash = Self.seed
            var best: (length: Int, term: Int)?
            for length in 1...maxWords {
                let last = index + length - 1
                guard last < tokens.count else { break }
                if length > 1 {
                    guard WordTokenizer.joinable(bytes, from: tokens[last - 1].end, to: tokens[last].start) else {
                        break
                    }
                    hash = Self.hash(CollectionOfOne(0x20), from: hash)
                }
                let full = hashWord(last, from: hash)
                let found = table[full]
                if let found, found.nameCount > 0,
                    let term = lookup(
                        found, words: index...last, plural: nil, bytes: bytes, tokens: tokens, fold: fold)
                {
                    best = (length, term)
                } else if lastFolded(last, 1) == 0x73 {
                    // Plurals: `ies` → `y`, then `es`, then `s`. Tried in turn without an array
                    // of them: every word ending in `s` comes here.
                    let count = tokens[last].isASCII ? tokens[last].end - tokens[last].start : fold(last).count
                    for kind in 0..<3 {
                        let candidate: (removed: Int, added: UInt8?)
                        switch kind {
                        case 0:
                            guard count > 4, lastFolded(last, 3) == 0x69, lastFolded(last, 2) == 0x65 else { continue }
                            candidate = (3, 0x79)
                        case 1:
                            guard count > 3, lastFolded(last, 2) == 0x65 else { continue }
                            candidate = (2, nil)
                        default:
                            guard count > 2 else { continue }
                            candidate = (1, nil)
                        }
                        var singular = hashWord(last, from: hash, dropping: candidate.removed)
                        if let added = candidate.added { singular = Self.hash(CollectionOfOne(added), from: singular) }
                        if let slot = table[singular], slot.nameCount > 0,
                            let term = lookup(
                                slot, words: index...last, plural: candidate, bytes: bytes, tokens: tokens,
                                fold: fold)
                        {
                            best = (length, term)
                            break
                        }
                    }
                }
                hash = full
                guard let found, found.isPrefix else { break }
                // Most next words start no name's next word: then no longer name matches here,
                // and the probe for it (likely a cache miss) is not made.
                let next = last + 1
                if next < tokens.count, bytes[tokens[next].start] < 0x80,
                    found.continuations & Self.continuationBit(bytes[tokens[next].start]) == 0
                {
                    break
                }
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
    }

    /// The term of the record in `slot`'s run the words name, after checking they really are
    /// its key (a hash can collide) and, for case-sensitive names, written exactly so.
    /// Compares in place, without copying.
    private func lookup(
        _ slot: HashSlots.Slot, words: ClosedRange<Int>, plural: (removed: Int, added: UInt8?)?,
        bytes: UnsafeBufferPointer<UInt8>, tokens: UnsafeBufferPointer<WordTokenizer.Token>, fold: (Int) -> [UInt8]
    ) -> Int? {
        let records = slot.records
        func field(_ offset: Int) -> Int {
            Int(UInt32(littleEndian: records.loadUnaligned(fromByteOffset: offset, as: UInt32.self)))
        }
        var offset = 0
        for _ in 0..<slot.nameCount {
            let (term, exactCount, count) = (field(offset), field(offset + 4), field(offset + 8))
            let keyStart = offset + Self.recordHeader
            let exactStart = keyStart + count
            offset = exactStart + exactCount
            let key = UnsafeBufferPointer(
                start: (records + keyStart).assumingMemoryBound(to: UInt8.self), count: count)
            guard keyMatches(key, words: words, plural: plural, bytes: bytes, tokens: tokens, fold: fold) else {
                continue
            }
            guard exactCount > 0 else { return term }
            // Case-sensitive names take only a lower-case `s` plural (`PLCs`).
            if let plural, plural.removed != 1 || plural.added != nil { continue }
            // The words as written, joined by spaces (a word holds no space).
            var position = exactStart
            var same = true
            for index in words {
                let token = tokens[index]
                var end = token.end
                if index == words.upperBound && plural != nil {
                    guard bytes[end - 1] == 0x73 else {
                        same = false
                        break
                    }
                    end -= 1
                }
                if index > words.lowerBound {
                    guard position < offset, records.load(fromByteOffset: position, as: UInt8.self) == 0x20 else {
                        same = false
                        break
                    }
                    position += 1
                }
                let length = end - token.start
                guard offset - position >= length,
                    UnsafeRawBufferPointer(start: records + position, count: length).elementsEqual(
                        UnsafeRawBufferPointer(UnsafeBufferPointer(rebasing: bytes[token.start..<end])))
                else {
                    same = false
                    break
                }
                position += length
            }
            if same && position == offset { return term }
        }
        return nil
    }

    /// True when the folded words (the last one made singular) spell `key`.
    private func keyMatches(
        _ key: UnsafeBufferPointer<UInt8>, words: ClosedRange<Int>, plural: (removed: Int, added: UInt8?)?,
        bytes: UnsafeBufferPointer<UInt8>, tokens: UnsafeBufferPointer<WordTokenizer.Token>, fold: (Int) -> [UInt8]
    ) -> Bool {
        var position = 0
        func take(_ byte: UInt8) -> Bool {
            guard position < key.count, key[position] == byte else { return false }
            position += 1
            return true
        }
        for index in words {
            if index > words.lowerBound, !take(0x20) { return false }
            let dropping = index == words.upperBound ? plural?.removed ?? 0 : 0
            let token = tokens[index]
            if token.isASCII {
                for offset in token.start..<(token.end - dropping) {
                    let byte = bytes[offset]
                    if !take(byte >= 0x41 && byte <= 0x5A ? byte | 0x20 : byte) { return false }
                }
            } else {
                for byte in fold(index).dropLast(dropping) where !take(byte) { return false }
            }
            if index == words.upperBound, let added = plural?.added, !take(added) { return false }
        }
        return position == key.count
    }
}
