import Foundation

/// Words for the search index, split and folded the way the theme's `search.js` splits and
/// folds a query: runs of letters and digits, lower-cased, accents removed.
enum SearchText {
    /// Runs of letters and digits, lower-cased and without accents.
    static func words(in text: String) -> [String] {
        var words: [String] = []
        forEachWord(in: text) { word in
            words.append(word)
            return true
        }
        return words
    }

    /// Calls `body` with each word of `text` (as `words(in:)` splits them) until it returns
    /// false, so a caller that needs only the first words does not split the whole text.
    static func forEachWord(in text: String, _ body: (String) -> Bool) {
        forEachWordUTF8(in: text) { bytes, ascii in
            let word = String(decoding: bytes, as: UTF8.self)
            return body(ascii ? word : fold(word))
        }
    }

    /// The same words as UTF-8, before a `String` is made of them: `ascii` words are final
    /// (ASCII letters are lower-cased on the way in); the others still need `fold`.
    static func forEachWordUTF8(in text: String, _ body: (UnsafeBufferPointer<UInt8>, _ ascii: Bool) -> Bool) {
        text.withUTF8Bytes { bytes in
            var word = WordBuffer()
            var index = 0
            while index < bytes.count {
                let byte = bytes[index]
                if byte < 0x80 {
                    guard WordTokenizer.isASCIIWord(byte) else {
                        index += 1
                        if !word.flush(body) { return }
                        continue
                    }
                    // A run of ASCII letters and digits. A whole word in lower case (most
                    // words) is handed on where it is, not copied byte by byte.
                    var end = index + 1
                    var upper = byte <= 0x5A && byte >= 0x41
                    while end < bytes.count, bytes[end] < 0x80, WordTokenizer.isASCIIWord(bytes[end]) {
                        upper = upper || (bytes[end] <= 0x5A && bytes[end] >= 0x41)
                        end += 1
                    }
                    let run = UnsafeBufferPointer(rebasing: bytes[index..<end])
                    index = end
                    if word.bytes.isEmpty, !upper, end == bytes.count || bytes[end] < 0x80 {
                        if !body(run, true) { return }
                    } else {
                        for byte in run { word.bytes.append(byte <= 0x5A && byte >= 0x41 ? byte | 0x20 : byte) }
                    }
                    continue
                }
                // Only a non-ASCII scalar is decoded: walking the scalar view cost tens of
                // instructions per byte.
                let (decoded, length) = WordTokenizer.scalar(in: bytes, at: index)
                let end = index + length
                let sequence = UnsafeBufferPointer(rebasing: bytes[index..<end])
                let scalar = decoded ?? "\u{FFFD}"
                if scalar.properties.isAlphabetic || scalar.properties.numericType != nil {
                    word.bytes.append(contentsOf: sequence)
                    word.ascii = false
                } else if scalar.properties.generalCategory != .nonspacingMark, !word.flush(body) {
                    return
                }
                index = end
            }
            _ = word.flush(body)
        }
    }

    /// The word so far, in one buffer reused for every word of a text.
    private struct WordBuffer {
        var bytes: [UInt8] = []
        var ascii = true

        init() { bytes.reserveCapacity(32) }

        mutating func flush(_ body: (UnsafeBufferPointer<UInt8>, Bool) -> Bool) -> Bool {
            guard !bytes.isEmpty else { return true }
            let more = bytes.withUnsafeBufferPointer { body($0, ascii) }
            bytes.removeAll(keepingCapacity: true)
            ascii = true
            return more
        }
    }

    /// Unicode's lower case without accents, for words that are not plain ASCII.
    static func fold(_ word: String) -> String {
        word.lowercased().folding(options: .diacriticInsensitive, locale: nil)
    }

    /// Words too common to help find a page.
    static let stopWords: Set<String> = [
        "the", "and", "for", "are", "but", "not", "you", "your", "our", "with", "that", "this", "from", "into",
        "onto", "than", "then", "them", "they", "their", "there", "these", "those", "what", "when", "where",
        "which", "who", "whom", "why", "how", "all", "any", "each", "one", "its", "has", "have", "had", "was",
        "were", "will", "would", "could", "should", "can", "may", "might", "must", "also", "only", "more",
        "most", "other", "some", "such", "does", "did", "done", "about", "after", "before", "over", "under",
        "between", "both", "while", "own", "same", "very", "just", "use", "used", "uses", "using", "been",
        "being", "here", "out", "off", "too", "yet", "per", "via", "get", "gets", "got", "let", "lets", "she",
        "her", "him", "his", "its", "it’s", "way", "ways", "much", "many", "few", "less", "least", "well",
        "even", "still", "often", "every", "like", "need", "needs", "make", "makes", "made", "take", "takes",
    ]
}

/// JSON (and so JavaScript) string literals.
enum JSONText {
    /// `text` as a quoted JSON string. Also escapes `<` (so the text can never close a
    /// `<script>`) and U+2028/U+2029 (line breaks to older JavaScript parsers).
    static func string(_ text: String) -> String {
        // Most text has nothing to escape (`0xE2` starts U+2028, but also `’` and `…`): quoted
        // as it is, without a copy byte by byte. The search index and hover cards quote every
        // title, summary and meaning of the site.
        let plain = text.withUTF8Bytes { bytes in
            !bytes.contains { $0 < 0x20 || $0 == 0x22 || $0 == 0x5C || $0 == 0x3C || $0 == 0xE2 }
        }
        if plain { return "\"" + text + "\"" }
        return text.withUTF8Bytes(escaped)
    }

    private static func escaped(_ bytes: UnsafeBufferPointer<UInt8>) -> String {
        var out: [UInt8] = []
        out.reserveCapacity(bytes.count + 8)
        appendQuoted(bytes, to: &out)
        return String(decoding: out, as: UTF8.self)
    }

    /// `text` quoted as `string(_:)` quotes it, appended to `out`.
    static func append(_ text: String, to out: inout [UInt8]) {
        text.withUTF8Bytes { appendQuoted($0, to: &out) }
    }

    private static func appendQuoted(_ bytes: UnsafeBufferPointer<UInt8>, to out: inout [UInt8]) {
        out.append(UInt8(ascii: "\""))
        appendEscaped(bytes, to: &out)
        out.append(UInt8(ascii: "\""))
    }

    private static func appendEscaped(_ bytes: UnsafeBufferPointer<UInt8>, to out: inout [UInt8]) {
        func hex(_ digit: UInt8) -> UInt8 { digit < 10 ? 0x30 + digit : 0x57 + digit }
        var index = 0
        var plainFrom = 0
        // Runs with nothing to escape are copied whole.
        func flush(_ end: Int) {
            if end > plainFrom { out.append(contentsOf: UnsafeBufferPointer(rebasing: bytes[plainFrom..<end])) }
        }
        while index < bytes.count {
            let byte = bytes[index]
            guard byte < 0x20 || byte == 0x22 || byte == 0x5C || byte == 0x3C || byte == 0xE2 else {
                index += 1
                continue
            }
            flush(index)
            index += 1
            switch byte {
            case UInt8(ascii: "\""): out.append(contentsOf: "\\\"".utf8)
            case UInt8(ascii: "\\"): out.append(contentsOf: "\\\\".utf8)
            case UInt8(ascii: "\n"): out.append(contentsOf: "\\n".utf8)
            case UInt8(ascii: "\r"): out.append(contentsOf: "\\r".utf8)
            case UInt8(ascii: "\t"): out.append(contentsOf: "\\t".utf8)
            case UInt8(ascii: "<"): out.append(contentsOf: "\\u003c".utf8)
            case 0..<0x20:
                out.append(contentsOf: "\\u00".utf8)
                out.append(hex(byte >> 4))
                out.append(hex(byte & 0xF))
            case 0xE2
            where index + 1 < bytes.count && bytes[index] == 0x80
                && (bytes[index + 1] == 0xA8 || bytes[index + 1] == 0xA9):
                // U+2028 and U+2029 are E2 80 A8 and E2 80 A9 in UTF-8.
                out.append(contentsOf: (bytes[index + 1] == 0xA8 ? "\\u2028" : "\\u2029").utf8)
                index += 2
            default: out.append(byte)
            }
            plainFrom = index
        }
        flush(bytes.count)
    }
}
