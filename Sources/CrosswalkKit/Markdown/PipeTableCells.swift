import CrosswalkMarkdown

/// The inline markdown of a table's cells, parsed by libcmark in one document: each non-empty
/// cell becomes one paragraph. A no-break space starts every cell's line so that no cell can
/// open a block (`# x`, `- x`, `> x`, `[a]: b`) and so that the cell's first character is
/// flanked by whitespace, as at the start of a line; it is removed again after parsing.
///
/// A cell with no byte that libcmark's inline parser treats specially is one text node of its
/// bytes, made without parsing: most cells are a word or two, and parsing them was most of a
/// table's cost.
final class CellContents {
    private enum Cell {
        case empty
        /// Its bytes are its text.
        case plain([UInt8])
        /// Its paragraph in `document`.
        case parsed(MarkdownNode)
    }

    private var document: MarkdownDocument?
    private var cells: [Cell] = []

    init(texts: [[UInt8]], options: MarkdownOptions) {
        let smart = options.contains(.smart)
        // Each cell asked once: most are plain.
        let plain = texts.map { !$0.isEmpty && Self.isPlain($0, smart: smart) }
        let parsedTexts = zip(texts, plain).compactMap { text, plain in text.isEmpty || plain ? nil : text }
        if !parsedTexts.isEmpty {
            let document = MarkdownDocument(parsing: Self.markdown(of: parsedTexts), options: options)
            self.document = document
            var paragraphs = document.root.children[...]
            for (text, plain) in zip(texts, plain) {
                if text.isEmpty {
                    cells.append(.empty)
                } else if plain {
                    cells.append(.plain(text))
                } else {
                    cells.append(paragraphs.popFirst().map(Cell.parsed) ?? .empty)
                }
            }
        } else {
            cells = texts.map { $0.isEmpty ? .empty : .plain($0) }
        }
    }

    /// True when libcmark would read `text`, alone on a paragraph line after a no-break space,
    /// as one text node of exactly its bytes: no byte its inline parser stops at
    /// (`SPECIAL_CHARS` in libcmark's `inlines.c`, and with smart punctuation
    /// `SMART_PUNCT_CHARS`), and no control character (NUL becomes U+FFFD when parsing).
    ///
    /// Brackets and `!` are the exception: the cells' document defines no link references, so
    /// they make a link or an image only as `](`; otherwise they stay text, and the text nodes
    /// they were cut into are joined again. A `[[wikilink]]` cell is then plain too. So is a
    /// lone `-` or `.` with smart punctuation, which changes only runs of them.
    static func isPlain(_ text: [UInt8], smart: Bool) -> Bool {
        var previous: UInt8 = 0
        for byte in text {
            switch byte {
            case 0..<0x20, UInt8(ascii: "&"), UInt8(ascii: "*"), UInt8(ascii: "<"), UInt8(ascii: "\\"),
                UInt8(ascii: "_"), UInt8(ascii: "`"):
                return false
            case UInt8(ascii: "("):
                if previous == UInt8(ascii: "]") { return false }
            case UInt8(ascii: "\""), UInt8(ascii: "'"):
                if smart { return false }
            case UInt8(ascii: "."), UInt8(ascii: "-"):
                // Smart punctuation changes runs (`--`, `...`); one alone stays as it is.
                if smart && previous == byte { return false }
            default:
                break
            }
            previous = byte
        }
        return true
    }

    /// Each text on its own paragraph after a no-break space, written straight into the
    /// String: joining arrays of bytes cost more than the parse.
    private static func markdown(of texts: [[UInt8]]) -> String {
        let capacity = texts.reduce(1) { $0 + $1.count + 4 }
        return String(unsafeUninitializedCapacity: capacity) { output in
            var count = 0
            func write(_ byte: UInt8) {
                output[count] = byte
                count += 1
            }
            for (index, text) in texts.enumerated() {
                if index > 0 {
                    write(0x0A)
                    write(0x0A)
                }
                write(0xC2)
                write(0xA0)
                for byte in text { write(byte) }
            }
            write(0x0A)
            return count
        }
    }

    /// Moves the inline nodes of cell `index` into `wrapper`.
    func move(cell index: Int, into wrapper: MarkdownNode) {
        guard index < cells.count else { return }
        switch cells[index] {
        case .empty:
            return
        case .plain(let text):
            wrapper.append(text.withUnsafeBufferPointer { MarkdownNode.text(utf8: $0) })
        case .parsed(let paragraph):
            if let first = paragraph.firstChild, first.type == .text, first.removeLiteralPrefix("\u{A0}") == 0 {
                first.free()
            }
            withExtendedLifetime(document) { wrapper.adoptChildren(of: paragraph) }
        }
    }
}
