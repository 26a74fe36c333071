/// Splits UTF-8 text into words for glossary matching: runs of letters, digits and combining
/// marks (any script). Everything else — spaces, punctuation, apostrophes — separates words,
/// so `SIS’s` yields `SIS` and `s`, and `PLC,` yields `PLC`. ASCII, the common case, never
/// leaves the byte level.
struct WordTokenizer {
    struct Token {
        /// UTF-8 offsets into the text.
        var start: Int
        var end: Int
        /// True when the word has bytes outside ASCII (folding needs Unicode rules then).
        var isASCII: Bool
    }

    /// A letter or digit. Arithmetic, not a table: a static array costs a lazy-init check and
    /// a bounds check per byte.
    @inline(__always)
    static func isASCIIWord(_ byte: UInt8) -> Bool {
        (byte | 0x20) &- 0x61 < 26 || byte &- 0x30 < 10
    }

    static func isWordScalar(_ scalar: Unicode.Scalar) -> Bool {
        if scalar.isASCII { return isASCIIWord(UInt8(scalar.value)) }
        let properties = scalar.properties
        if properties.isAlphabetic || properties.numericType != nil { return true }
        switch properties.generalCategory {
        case .nonspacingMark, .spacingMark, .enclosingMark: return true
        default: return false
        }
    }

    /// The scalar whose UTF-8 sequence starts at `index` of valid UTF-8, and the sequence's
    /// length (cut at the end of `bytes`): callers that scan bytes decode only non-ASCII.
    static func scalar(in bytes: UnsafeBufferPointer<UInt8>, at index: Int) -> (scalar: Unicode.Scalar?, length: Int) {
        let lead = bytes[index]
        guard lead >= 0x80 else { return (Unicode.Scalar(lead), 1) }
        let width = lead >= 0xF0 ? 4 : lead >= 0xE0 ? 3 : 2
        let length = min(width, bytes.count - index)
        var value = UInt32(lead) & (width == 2 ? 0x1F : width == 3 ? 0x0F : 0x07)
        for offset in 1..<length { value = value << 6 | (UInt32(bytes[index + offset]) & 0x3F) }
        return (Unicode.Scalar(value), length)
    }

    /// Per byte: 1 for an ASCII letter or digit, 0 for any other ASCII byte, 2 for a byte
    /// that starts or continues a multi-byte character (decoded to decide).
    private static let byteClasses: [UInt8] = (0...255).map { byte in
        byte >= 0x80 ? 2 : isASCIIWord(UInt8(byte)) ? 1 : 0
    }

    /// The words of `bytes` (valid UTF-8).
    static func tokens(in bytes: UnsafeBufferPointer<UInt8>) -> [Token] {
        var tokens = TokenBuffer()
        Self.tokens(in: bytes, into: &tokens)
        return Array(tokens.all)
    }

    /// The words of `bytes` (valid UTF-8), replacing what `tokens` held: a caller scanning
    /// many texts keeps one buffer instead of making one per text.
    ///
    /// Eight bytes at a time while they are ASCII (nearly all prose): which of them are letters
    /// or digits is worked out for the eight at once, and only where a word starts or ends is
    /// looked at. Other bytes go one scalar at a time. Both keep the same state: where the word
    /// being read started (-1 between words), and whether it is ASCII so far.
    static func tokens(in bytes: UnsafeBufferPointer<UInt8>, into tokens: inout TokenBuffer) {
        tokens.removeAll()
        guard let base = bytes.baseAddress else { return }
        let count = bytes.count
        let highBits: UInt64 = 0x8080_8080_8080_8080
        var start = -1
        var ascii = true
        var index = 0
        // One table load per byte outside the fast path: every byte of prose passes through here.
        byteClasses.withUnsafeBufferPointer { classes in
            while index < count {
                if index + 8 <= count {
                    let chunk = base.eightBytes(at: index)
                    if chunk & highBits == 0 {
                        let words = wordBytes(chunk)
                        // Bytes before `offset` are done; the byte there is of the kind looked for.
                        var offset = 0
                        while offset < 8 {
                            let remaining = highBits << UInt64(offset * 8)
                            if start < 0 {
                                let found = words & remaining
                                if found == 0 { break }
                                offset = found.trailingZeroBitCount >> 3
                                start = index + offset
                                ascii = true
                            } else {
                                let found = ~words & remaining
                                if found == 0 { break }
                                offset = found.trailingZeroBitCount >> 3
                                tokens.append(Token(start: start, end: index + offset, isASCII: ascii))
                                start = -1
                            }
                        }
                        index += 8
                        continue
                    }
                }
                let byteClass = classes[Int(bytes[index])]
                let (isWord, length) =
                    byteClass < 2 ? (byteClass == 1, 1) : nonASCIIWordScalar(in: bytes, at: index)
                if isWord {
                    if start < 0 { (start, ascii) = (index, true) }
                    if byteClass == 2 { ascii = false }
                } else if start >= 0 {
                    tokens.append(Token(start: start, end: index, isASCII: ascii))
                    start = -1
                }
                index += length
            }
        }
        if start >= 0 { tokens.append(Token(start: start, end: count, isASCII: ascii)) }
    }

    /// For eight ASCII bytes, the top bit of each byte set when it is a letter or a digit.
    /// Each comparison is an addition that carries into the byte's top bit, never further:
    /// no byte is above 0x7F.
    @inline(__always)
    static func wordBytes(_ chunk: UInt64) -> UInt64 {
        let highBits: UInt64 = 0x8080_8080_8080_8080
        let lower = chunk | 0x2020_2020_2020_2020
        // `a` (0x61) ... `z` (0x7A), after folding case.
        let letters = (lower &+ 0x1F1F_1F1F_1F1F_1F1F) & ~(lower &+ 0x0505_0505_0505_0505)
        // `0` (0x30) ... `9` (0x39).
        let digits = (chunk &+ 0x5050_5050_5050_5050) & ~(chunk &+ 0x4646_4646_4646_4646)
        return (letters | digits) & highBits
    }

    /// Whether the scalar at `index` (not ASCII) belongs to a word, and its length in bytes.
    /// Not inlined: the Unicode property types it needs cost a setup on every call of the
    /// function that holds them, and most texts never come here.
    @inline(never)
    private static func nonASCIIWordScalar(
        in bytes: UnsafeBufferPointer<UInt8>, at index: Int
    ) -> (isWord: Bool, length: Int) {
        let decoded = scalar(in: bytes, at: index)
        return (decoded.scalar.map(isWordScalar) ?? false, decoded.length)
    }

    static func tokens(in text: String) -> [Token] {
        text.withUTF8Bytes { tokens(in: $0) }
    }

    /// Two words belong to one phrase when only spaces, line breaks or hyphens stand between
    /// them: `real-time` and `real time` are the same phrase, `PLC, HMI` is not one.
    static func joinable(_ bytes: UnsafeBufferPointer<UInt8>, from start: Int, to end: Int) -> Bool {
        guard end > start, end - start <= 4 else { return false }
        for index in start..<end {
            let byte = bytes[index]
            if byte != 0x20 && byte != 0x0A && byte != 0x09 && byte != 0x2D { return false }
        }
        return true
    }

    /// The lower-cased bytes of one word.
    static func folded(_ bytes: UnsafeBufferPointer<UInt8>, _ token: Token) -> [UInt8] {
        if token.isASCII {
            return (token.start..<token.end).map { index in
                let byte = bytes[index]
                return byte >= 0x41 && byte <= 0x5A ? byte | 0x20 : byte
            }
        }
        let word = String(decoding: UnsafeBufferPointer(rebasing: bytes[token.start..<token.end]), as: UTF8.self)
        return Array(word.lowercased().utf8)
    }
}

/// Room for the words of one text, kept from text to text: an array's emptying and its checked
/// appends cost more per text of a page than finding its words.
struct TokenBuffer: ~Copyable {
    private var base: UnsafeMutablePointer<WordTokenizer.Token>
    private(set) var count = 0
    private var capacity: Int

    init(capacity: Int = 64) {
        self.capacity = max(capacity, 1)
        base = .allocate(capacity: self.capacity)
    }

    deinit { base.deallocate() }

    /// The words held, valid until the next change.
    var all: UnsafeBufferPointer<WordTokenizer.Token> { UnsafeBufferPointer(start: base, count: count) }

    mutating func removeAll() { count = 0 }

    @inline(__always)
    mutating func append(_ token: WordTokenizer.Token) {
        if count == capacity { grow() }
        (base + count).initialize(to: token)
        count += 1
    }

    @inline(never)
    private mutating func grow() {
        let larger = UnsafeMutablePointer<WordTokenizer.Token>.allocate(capacity: capacity * 2)
        larger.moveInitialize(from: base, count: count)
        base.deallocate()
        base = larger
        capacity *= 2
    }
}
