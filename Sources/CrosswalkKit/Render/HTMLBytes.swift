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

    /// Markup written in the source: appended as it is.
    mutating func raw(_ text: StaticString) {
        append(UnsafeBufferPointer(start: text.utf8Start, count: text.utf8CodeUnitCount))
    }

    /// Trusted text (already escaped, or made by us): appended as it is.
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

    /// `source` escaped, given that nothing before `from` needs it.
    mutating func escaped(_ source: UnsafeBufferPointer<UInt8>, from: Int) {
        var start = 0
        for offset in from..<source.count {
            let byte = source[offset]
            guard HTMLEscape.needsEscaping(byte), let entity = HTMLEscape.entity(for: byte) else { continue }
            append(UnsafeBufferPointer(rebasing: source[start..<offset]))
            raw(entity)
            start = offset + 1
        }
        append(UnsafeBufferPointer(rebasing: source[start...]))
    }

    mutating func integer(_ value: Int) {
        // Digits written backwards into a small buffer, then appended at once: a page's picture
        // writes about a hundred numbers, and appending digit by digit cost more than the rest.
        var digits: (UInt64, UInt64, UInt64) = (0, 0, 0)
        withUnsafeMutableBytes(of: &digits) { digits in
            var magnitude = value.magnitude
            var start = digits.count
            repeat {
                start -= 1
                digits[start] = UInt8(magnitude % 10) + 0x30
                magnitude /= 10
            } while magnitude > 0
            if value < 0 {
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
