import CrosswalkMarkdown
import Testing

@testable import CrosswalkKit

@Suite struct PipeTableCellsTests {
    /// What a cell made without parsing stands for: libcmark reads a plain cell, after the
    /// no-break space, as one text node of exactly its bytes.
    @Test(arguments: [MarkdownOptions(), .smart])
    func plainCellsParseToOneTextNodeOfTheirBytes(options: MarkdownOptions) throws {
        var random = SplitMix(seed: 3)
        let pieces = [
            "a", "PLC", " ", "é", "\u{A0}", "1", "#", "=", "-", ".", "'", "\"", "(x)", ":", "|", "~", "$", "+", ">",
            "https://x.y", "{", "%", "🙂", "\u{301}", "/", "?", "^", "1.", "\t", "[", "]", "!", "[[x]]", "](", "(y)",
            "[a]", "![", "]]", "--", "...", "a-b", "x.y",
        ]
        var plainSeen = 0
        for _ in 0..<3_000 {
            let text = (0..<(1 + random.below(5))).map { _ in pieces[random.below(pieces.count)] }.joined()
            let bytes = PipeTableSyntax.trimmedAndUnescaped(Array(text.utf8), 0..<text.utf8.count)
            guard !bytes.isEmpty, CellContents.isPlain(bytes, smart: options.contains(.smart)) else { continue }
            plainSeen += 1
            let document = MarkdownDocument(
                parsing: String(decoding: [0xC2, 0xA0] + bytes + [0x0A], as: UTF8.self), options: options)
            let paragraph = try #require(document.root.firstChild)
            #expect(paragraph.type == .paragraph && paragraph.next == nil)
            let children = paragraph.children
            #expect(children.count == 1 && children.first?.type == .text, "\(text.debugDescription)")
            #expect(children.first?.literal == "\u{A0}" + String(decoding: bytes, as: UTF8.self))
        }
        #expect(plainSeen > 1_000)
    }

    @Test func specialBytesAreNotPlain() {
        for text in ["*a*", "a_b", "`x`", "[a](b)", "![a](b)", "[a]](", "&amp;", "<b>", "a\\|b", "x\u{0B}y"] {
            #expect(!CellContents.isPlain(Array(text.utf8), smart: false), "\(text)")
        }
        // No link references are defined in the cells' document: brackets alone make no link.
        for text in ["[a]", "!", "[[note-1]]", "![a]", "[a] (b)", "a]b(c"] {
            #expect(CellContents.isPlain(Array(text.utf8), smart: false), "\(text)")
        }
        for text in ["it's", "\"q\"", "a..b", "a--b", "1...", "---"] {
            #expect(CellContents.isPlain(Array(text.utf8), smart: false))
            #expect(!CellContents.isPlain(Array(text.utf8), smart: true), "\(text)")
        }
        for text in ["a.b", "a-b", "note-1.", "[[note-65]]", "-.-"] {
            #expect(CellContents.isPlain(Array(text.utf8), smart: true), "\(text)")
        }
    }
}
