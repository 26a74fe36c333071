/// HTML built as UTF-8 bytes. Appending to a `String` cost hundreds of instructions a call
/// (growth checks, interpolation); pictures and links drawn per page per neighbour made
/// that a visible share of a build.
struct HTMLBytes {
    private(set) var bytes: [UInt8] = []

    init(capacity: Int = 1024) { bytes.reserveCapacity(capacity) }

    /// Markup written in the source: appended as it is.
    mutating func raw(_ text: StaticString) {
        bytes.append(contentsOf: UnsafeBufferPointer(start: text.utf8Start, count: text.utf8CodeUnitCount))
    }

    /// Trusted text (already escaped, or made by us): appended as it is.
    mutating func raw(_ text: String) {
        text.withUTF8Bytes { bytes.append(contentsOf: $0) }
    }

    /// Bytes made earlier (a template's text): appended as they are.
    mutating func raw(_ source: [UInt8]) {
        // Through a pointer: `append(contentsOf:)` takes its argument owned, so passing the
        // array retained it, and a template's text is shared by every page.
        source.withUnsafeBufferPointer { bytes.append(contentsOf: $0) }
    }

    var count: Int { bytes.count }

    /// Puts `text` at `offset`; templates indent a partial's lines after rendering them.
    mutating func insert(_ text: String, at offset: Int) { bytes.insert(contentsOf: text.utf8, at: offset) }

    /// Whether what was written from `start` up to `offset` ends with a line break, as
    /// Swift's `Character` sees it: `\n` alone, since `\r\n` is one character.
    func endsLine(at offset: Int, after start: Int) -> Bool {
        guard offset > start, bytes[offset - 1] == 0x0A else { return false }
        return offset - 2 < start || bytes[offset - 2] != 0x0D
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
            bytes.append(contentsOf: UnsafeBufferPointer(rebasing: source[start..<offset]))
            raw(entity)
            start = offset + 1
        }
        bytes.append(contentsOf: UnsafeBufferPointer(rebasing: source[start...]))
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
            bytes.append(contentsOf: UnsafeBufferPointer(start: first, count: digits.count - start))
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

    var string: String { String(decoding: bytes, as: UTF8.self) }
}
