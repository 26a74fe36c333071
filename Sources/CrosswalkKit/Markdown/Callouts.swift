import CrosswalkMarkdown

/// Callouts: a block quote whose first paragraph opens with `[!NOTE]`, `[!TIP]`,
/// `[!IMPORTANT]`, `[!WARNING]`, `[!CAUTION]`, or the lens-specific `[!IT]`, `[!OT]` and
/// `[!SAFETY]`, becomes an `<aside>` with a visible title. The marker is case-insensitive; the
/// rest of its line, if any, replaces the default title and keeps its inline markdown. An
/// unknown marker leaves the block quote as it is.
enum Callouts {
    struct Kind: Sendable {
        /// Lower-case name used in `callout-<name>` and `data-callout`.
        var name: String
        var label: String
        /// The lens (`it`, `ot`) a reader's lens switch shows or hides the callout with.
        var lens: String?
    }

    /// Keyed by the upper-case marker. Safety systems are plant equipment: the OT lens.
    static let kinds: [String: Kind] = [
        "NOTE": Kind(name: "note", label: "Note"),
        "TIP": Kind(name: "tip", label: "Tip"),
        "IMPORTANT": Kind(name: "important", label: "Important"),
        "WARNING": Kind(name: "warning", label: "Warning"),
        "CAUTION": Kind(name: "caution", label: "Caution"),
        "IT": Kind(name: "it", label: "IT", lens: "it"),
        "OT": Kind(name: "ot", label: "OT", lens: "ot"),
        "SAFETY": Kind(name: "safety", label: "Safety", lens: "ot"),
    ]

    static func apply(to root: MarkdownNode) {
        var quotes: [MarkdownNode] = []
        root.walkBlocks { node in
            if node.type == .blockQuote { quotes.append(node) }
        }
        // Outer quotes first: replacing one moves its children, nested quotes included.
        for quote in quotes { convert(quote) }
    }

    /// The callout a paragraph's first line announces, and the text after the marker (leading
    /// whitespace removed). `text` is the paragraph's leading run of text; `endsLine` tells
    /// whether that run reaches the end of the line.
    static func marker(in text: String, endsLine: Bool) -> (Kind, String)? {
        guard text.hasPrefix("[!"), let close = text.firstIndex(of: "]") else { return nil }
        let name = text[text.index(text.startIndex, offsetBy: 2)..<close]
        guard let kind = kinds[name.uppercased()] else { return nil }
        let rest = text[text.index(after: close)...]
        // `[!NOTE]x` or `[!NOTE]*x*` is prose, not a marker.
        if let next = rest.first {
            guard next == " " || next == "\t" else { return nil }
        } else if !endsLine {
            return nil
        }
        return (kind, String(rest.drop { $0 == " " || $0 == "\t" }))
    }

    private static func convert(_ quote: MarkdownNode) {
        guard let paragraph = quote.firstChild, paragraph.type == .paragraph else { return }
        var run: [MarkdownNode] = []
        var node = paragraph.firstChild
        while let current = node, current.type == .text {
            run.append(current)
            node = current.next
        }
        let endsLine = node == nil || node?.type == .softBreak || node?.type == .lineBreak
        guard let (kind, rest) = marker(in: run.compactMap(\.literal).joined(), endsLine: endsLine) else { return }

        // The run may be several text nodes; one node with the text after the marker replaces it.
        for text in run { text.free() }
        if !rest.isEmpty { paragraph.prepend(.text(rest)) }

        let heading = MarkdownNode.customInline(enter: "<p class=\"callout-title\">", exit: "</p>")
        while let first = paragraph.firstChild, first.type != .softBreak, first.type != .lineBreak {
            first.unlink()
            heading.append(first)
        }
        if heading.firstChild == nil { heading.append(.text(kind.label)) }
        // The line break after the marker line would start the body with an empty line.
        if let lineEnd = paragraph.firstChild { lineEnd.free() }
        if paragraph.firstChild == nil { paragraph.free() }

        let name = HTMLEscape.attribute(kind.name)
        let lens = kind.lens.map { " data-lens=\"\(HTMLEscape.attribute($0))\"" } ?? ""
        let aside = MarkdownNode.customBlock(
            enter: "<aside class=\"callout callout-\(name)\" data-callout=\"\(name)\"\(lens)>", exit: "</aside>")
        quote.replace(with: aside)
        let title = MarkdownNode.customBlock(enter: "", exit: "")
        title.append(heading)
        aside.prepend(title)
    }
}
