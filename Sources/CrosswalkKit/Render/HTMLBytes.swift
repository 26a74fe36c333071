/// HTML built as UTF-8 bytes. Appending to a `String` cost hundreds of instructions a call
/// (growth checks, interpolation); pictures and links drawn per page per neighbour made
/// that a visible share of a build.
///
/// The bytes are in a buffer of its own, not an `Array`: `Array.append(contentsOf:)` cost
/// about seventy instructions a call beyond the copy, and a page makes hundreds of appends.
/// Not copyable, so that the buffer has exactly one owner, which frees it.
struct HTMLBytes: ~Copyable {
    private var start: UnsafeMutablePointer<UInt8>
    private(set) var count = 0
    private var capacity: Int

    init(capacity: Int = 1024) {
        self.capacity = max(capacity, 16)
        start = .allocate(capacity: self.capacity)
    }

    deinit { start.deallocate() }

    /// A copy of the bytes written.
    var bytes: [UInt8] {
        [UInt8](unsafeUninitializedCapacity: count) { buffer, initialized in
            if let base = buffer.baseAddress { UnsafeMutableRawPointer(base).copyMemory(from: start, byteCount: count) }
            initialized = count
        }
    }

    var string: String { String(decoding: UnsafeBufferPointer(start: start, count: count), as: UTF8.self) }

    /// The bytes written, in this value's memory, which the buffer now owns.
    consuming func finished() -> ByteBuffer {
        let buffer = ByteBuffer(adopting: start, count: count)
        discard self
        return buffer
    }

    /// Calls `body` with the bytes written.
    func withBytes<Result>(_ body: (UnsafeBufferPointer<UInt8>) -> Result) -> Result {
        body(UnsafeBufferPointer(start: start, count: count))
    }

    /// The bytes as a C string, for libcmark, which copies it: a NUL is put after them, not
    /// counted. The bytes must hold no NUL.
    mutating func withCString<Result>(_ body: (UnsafePointer<CChar>) -> Result) -> Result {
        if capacity == count { grow(toHold: count + 1) }
        start[count] = 0
        return UnsafeMutableRawPointer(start).withMemoryRebound(to: CChar.self, capacity: count + 1) { body($0) }
    }

    @inline(__always)
    mutating func append(_ source: UnsafeBufferPointer<UInt8>) {
        guard let base = source.baseAddress else { return }
        if capacity - count < source.count { grow(toHold: count + source.count) }
        UnsafeMutableRawPointer(start + count).copyMemory(from: base, byteCount: source.count)
        count += source.count
    }

    /// Lets `write` put up to `capacity` bytes after those written, and keeps the count it
    /// returns: a writer on bytes fills the buffer in place, with no copy from the stack.
    @inline(__always)
    mutating func append(capacity: Int, _ write: (UnsafeMutableBufferPointer<UInt8>) -> Int) {
        if self.capacity - count < capacity { grow(toHold: count + capacity) }
        let written = write(UnsafeMutableBufferPointer(start: start + count, count: capacity))
        count += written
    }

    @inline(never)
    private mutating func grow(toHold needed: Int) {
        var larger = capacity * 2
        while larger < needed { larger *= 2 }
        let moved = UnsafeMutablePointer<UInt8>.allocate(capacity: larger)
        UnsafeMutableRawPointer(moved).copyMemory(from: start, byteCount: count)
        start.deallocate()
        start = moved
        capacity = larger
    }

    /// Empties the buffer, keeping its room.
    mutating func removeAll() { count = 0 }

    /// Appends one byte.
    @inline(__always)
    mutating func append(byte: UInt8) {
        if capacity == count { grow(toHold: count + 1) }
        start[count] = byte
        count += 1
    }

    /// Markup written in the source: appended as it is.
    mutating func raw(_ text: StaticString) {
        append(UnsafeBufferPointer(start: text.utf8Start, count: text.utf8CodeUnitCount))
    }

    /// Trusted text (already escaped, or made by us): appended as it is.
    /// Disfavoured, so that a literal takes the `StaticString` overload: Swift prefers `String`
    /// for a string literal, and the 180,000 literals a 1,000-page build wrote this way cost
    /// about 75 instructions each, 11.7M more in all than through `StaticString`.
    @_disfavoredOverload
    mutating func raw(_ text: String) {
        text.withUTF8Bytes { append($0) }
    }

    /// Bytes made earlier (a template's text): appended as they are.
    mutating func raw(_ source: [UInt8]) {
        // Through a pointer: passing the array on retained it, and a template's text is
        // shared by every page.
        source.withUnsafeBufferPointer { append($0) }
    }

    /// Puts `text` at `offset`; templates indent a partial's lines after rendering them.
    mutating func insert(_ text: String, at offset: Int) {
        text.withUTF8Bytes { inserted in
            guard let base = inserted.baseAddress else { return }
            if capacity - count < inserted.count { grow(toHold: count + inserted.count) }
            (start + offset + inserted.count).update(from: start + offset, count: count - offset)
            UnsafeMutableRawPointer(start + offset).copyMemory(from: base, byteCount: inserted.count)
            count += inserted.count
        }
    }

    /// Whether what was written from `start` up to `offset` ends with a line break, as
    /// Swift's `Character` sees it: `\n` alone, since `\r\n` is one character.
    func endsLine(at offset: Int, after start: Int) -> Bool {
        guard offset > start, self.start[offset - 1] == 0x0A else { return false }
        return offset - 2 < start || self.start[offset - 2] != 0x0D
    }

    /// Text from content: `& < > " '` escaped, as `HTMLEscape.text` does.
    mutating func escaped(_ text: String) {
        text.withUTF8Bytes { escaped($0, from: 0) }
    }

    /// `source` escaped, given that nothing before `from` needs it. `escapes` picks which of
    /// `& < > " '` are (see `firstEscaped`).
    @inline(__always)
    mutating func escaped(
        _ source: UnsafeBufferPointer<UInt8>, from: Int, escapes: (UInt8) -> Bool = HTMLEscape.needsEscaping
    ) {
        guard let base = source.baseAddress else { return }
        var start = 0
        var offset = from
        while let found = Self.firstEscaped(base, from: offset, to: source.count, escapes: escapes) {
            append(UnsafeBufferPointer(start: base + start, count: found - start))
            if let entity = HTMLEscape.entity(for: base[found]) { raw(entity) }
            start = found + 1
            offset = start
        }
        append(UnsafeBufferPointer(start: base + start, count: source.count - start))
    }

    /// The offset of the first byte in `from..<end` that `escaped` replaces. Eight bytes are
    /// tested at once, as one integer: most text has nothing to escape, and a byte at a time
    /// was about six instructions a byte of every page. (Swift's `SIMD16` was slower still:
    /// its comparisons were not made vector instructions.)
    ///
    /// `escapes` says which of `& < > " '` count (libcmark's text escaping leaves `'` alone).
    @inline(__always)
    static func firstEscaped(
        _ base: UnsafePointer<UInt8>, from: Int, to end: Int,
        escapes: (UInt8) -> Bool = HTMLEscape.needsEscaping
    ) -> Int? {
        var offset = from
        while end - offset >= 8 {
            let word = base.eightBytes(at: offset)
            // `"` `#` `&` `'` are the bytes 0x22, 0x23, 0x26, 0x27 (0x22 with bits 0 and 2
            // masked off); `<` and `>` are 0x3C and 0x3E (0x3C with bit 1 masked off). A byte
            // flagged here may be a `#` or a byte after a match: the loop below decides.
            if hasZeroByte((word & 0xFAFA_FAFA_FAFA_FAFA) ^ 0x2222_2222_2222_2222)
                || hasZeroByte((word & 0xFDFD_FDFD_FDFD_FDFD) ^ 0x3C3C_3C3C_3C3C_3C3C)
            {
                for index in offset..<(offset + 8) where escapes(base[index]) { return index }
            }
            offset += 8
        }
        while offset < end {
            if escapes(base[offset]) { return offset }
            offset += 1
        }
        return nil
    }

    /// Whether any byte of `word` is zero (never false when one is).
    @inline(__always)
    private static func hasZeroByte(_ word: UInt64) -> Bool {
        (word &- 0x0101_0101_0101_0101) & ~word & 0x8080_8080_8080_8080 != 0
    }

    mutating func integer(_ value: Int) { decimal(UInt64(value.magnitude), negative: value < 0) }

    mutating func integer(_ value: UInt64) { decimal(value, negative: false) }

    private mutating func decimal(_ value: UInt64, negative: Bool) {
        // Digits written backwards into a small buffer, then appended at once: a page's picture
        // writes about a hundred numbers, and appending digit by digit cost more than the rest.
        var digits: (UInt64, UInt64, UInt64) = (0, 0, 0)
        withUnsafeMutableBytes(of: &digits) { digits in
            var magnitude = value
            var start = digits.count
            repeat {
                start -= 1
                digits[start] = UInt8(magnitude % 10) + 0x30
                magnitude /= 10
            } while magnitude > 0
            if negative {
                start -= 1
                digits[start] = 0x2D
            }
            guard let base = digits.baseAddress else { return }
            let first = (base + start).assumingMemoryBound(to: UInt8.self)
            append(UnsafeBufferPointer(start: first, count: digits.count - start))
        }
    }

    /// A coordinate with at most one decimal (`12`, `12.5`), so output is short and stable.
    mutating func coordinate(_ value: Double) {
        // Most coordinates are whole numbers: written without rounding.
        if let whole = Int(exactly: value) {
            integer(whole)
            return
        }
        let rounded = (value * 10).rounded() / 10
        if rounded == rounded.rounded(), abs(rounded) < 9e18 {
            integer(Int(rounded))
        } else {
            raw(String(rounded))
        }
    }

}
