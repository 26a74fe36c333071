/// The bytes of `MarkdownCache`'s index: little-endian integers and length-prefixed UTF-8,
/// read with bounds checks everywhere, so a damaged file means no reuse, never a crash or a
/// wrong page.
struct CacheBytesWriter: ~Copyable {
    /// An `HTMLBytes` for its appends: an array's cost about a hundred instructions each, and
    /// a page's record is dozens of strings and numbers.
    private var buffer: HTMLBytes

    init(capacity: Int = 0) { buffer = HTMLBytes(capacity: capacity) }

    /// Calls `body` with the bytes written.
    func withBytes<Result>(_ body: (UnsafeRawBufferPointer) -> Result) -> Result {
        buffer.withBytes { body(UnsafeRawBufferPointer($0)) }
    }

    /// Eight bytes, least significant first; one append, not eight.
    mutating func integer(_ value: UInt64) {
        withUnsafeBytes(of: value.littleEndian) { buffer.append($0.assumingMemoryBound(to: UInt8.self)) }
    }

    mutating func integer(_ value: Int) { integer(UInt64(bitPattern: Int64(value))) }

    /// `values.count`, then each value.
    mutating func integers(_ values: [Int]) {
        integer(values.count)
        for value in values { integer(value) }
    }

    mutating func string(_ value: String) {
        // The bytes in place: appending the UTF-8 view went through its generic iterator.
        value.withUTF8Bytes { utf8 in
            integer(utf8.count)
            buffer.append(utf8)
        }
    }

    mutating func optional(_ value: String?) {
        integer(value == nil ? 0 : 1)
        if let value { string(value) }
    }

    mutating func location(_ value: SourceLocation) {
        string(value.file)
        integer(value.line)
        integer(value.column)
    }
}

struct CacheBytesReader {
    private let bytes: [UInt8]
    private var offset = 0
    /// Set once a read ran past the end or found a value that cannot be: every later read
    /// returns a placeholder, and the caller throws the whole result away.
    private(set) var failed = false

    init(_ bytes: [UInt8], from offset: Int = 0) {
        self.bytes = bytes
        self.offset = offset
    }

    var atEnd: Bool { offset == bytes.count }

    mutating func integer() -> UInt64 {
        guard !failed, offset + 8 <= bytes.count else {
            failed = true
            return 0
        }
        var value: UInt64 = 0
        withUnsafeMutableBytes(of: &value) { target in
            bytes.withUnsafeBytes { source in
                target.copyMemory(from: UnsafeRawBufferPointer(rebasing: source[offset..<offset + 8]))
            }
        }
        offset += 8
        return UInt64(littleEndian: value)
    }

    /// A count or position: never negative, never more than the bytes left could hold.
    mutating func count() -> Int {
        let value = integer()
        guard value <= UInt64(bytes.count) else {
            failed = true
            return 0
        }
        return Int(value)
    }

    mutating func signed() -> Int { Int(Int64(bitPattern: integer())) }

    mutating func string() -> String {
        let count = count()
        guard !failed, offset + count <= bytes.count else {
            failed = true
            return ""
        }
        defer { offset += count }
        return String(decoding: bytes[offset..<offset + count], as: UTF8.self)
    }

    mutating func optional() -> String? {
        switch integer() {
        case 0: return nil
        case 1: return string()
        default:
            failed = true
            return nil
        }
    }

    mutating func location() -> SourceLocation {
        SourceLocation(file: string(), line: signed(), column: signed())
    }

    mutating func fail() { failed = true }
}

extension RenderedMarkdown {
    /// Everything but the HTML, which the cache keeps in its bodies file, and the prose text,
    /// for which it keeps the page's search words (`BuiltPage.searchWords`).
    func encode(into writer: inout CacheBytesWriter, searchWords: String) {
        writer.integer(headings.count)
        for heading in headings {
            writer.integer(heading.level)
            writer.string(heading.text)
            writer.string(heading.id)
        }
        writer.integers(linkTargets)
        writer.integer(untargetedURLs.count)
        for url in untargetedURLs { writer.string(url) }
        writer.integer(anchoredLinks.count)
        for link in anchoredLinks {
            writer.string(link.kind.rawValue)
            writer.string(link.targetURL)
            writer.optional(link.fragment)
            // Links naming a fragment, which all have their place (``OutgoingLink/location``).
            writer.location(link.location ?? SourceLocation(file: ""))
            writer.integer(link.target ?? -1)
        }
        writer.optional(leadingH1)
        writer.optional(firstParagraph)
        writer.string(searchWords)
        writer.integer(diagnostics.count)
        for diagnostic in diagnostics {
            writer.string(diagnostic.severity.rawValue)
            writer.string(diagnostic.code.rawValue)
            writer.location(diagnostic.location)
            writer.string(diagnostic.message)
            writer.optional(diagnostic.hint)
        }
    }

    /// Reads what `encode(into:searchWords:)` wrote; `html` is left empty. Page indices must be
    /// below `pageCount`. Nil when the bytes do not hold such a value.
    static func decode(from reader: inout CacheBytesReader, html: String, pageCount: Int)
        -> (markdown: RenderedMarkdown, searchWords: String)?
    {
        var headings: [Heading] = []
        for _ in 0..<reader.count() where !reader.failed {
            headings.append(Heading(level: reader.signed(), text: reader.string(), id: reader.string()))
        }
        var linkTargets: [Int] = []
        for _ in 0..<reader.count() where !reader.failed {
            let target = reader.signed()
            // Sorted without repeats, as `RenderedMarkdown` keeps them: merges rely on it.
            if !(0..<pageCount).contains(target) || (linkTargets.last.map { $0 >= target } ?? false) { reader.fail() }
            linkTargets.append(target)
        }
        var untargeted: [String] = []
        for _ in 0..<reader.count() where !reader.failed { untargeted.append(reader.string()) }
        var anchored: [OutgoingLink] = []
        for _ in 0..<reader.count() where !reader.failed {
            guard let kind = OutgoingLink.Kind(rawValue: reader.string()) else {
                reader.fail()
                break
            }
            var link = OutgoingLink(kind, to: reader.string(), fragment: reader.optional(), at: reader.location())
            let target = reader.signed()
            if target != -1 && !(0..<pageCount).contains(target) { reader.fail() }
            link.target = target == -1 ? nil : target
            anchored.append(link)
        }
        let leadingH1 = reader.optional()
        let firstParagraph = reader.optional()
        let searchWords = reader.string()
        var diagnostics: [Diagnostic] = []
        for _ in 0..<reader.count() where !reader.failed {
            guard let severity = Severity(rawValue: reader.string()),
                let code = DiagnosticCode(rawValue: reader.string())
            else {
                reader.fail()
                break
            }
            diagnostics.append(
                Diagnostic(
                    severity, code, at: reader.location(), reader.string(), hint: reader.optional()))
        }
        guard !reader.failed else { return nil }
        let rendered = RenderedMarkdown(
            html: html, headings: headings, linkTargets: linkTargets, untargetedURLs: untargeted,
            anchoredLinks: anchored, leadingH1: leadingH1, firstParagraph: firstParagraph, diagnostics: diagnostics)
        return (rendered, searchWords)
    }
}
