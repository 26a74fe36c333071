import Foundation

/// A small SVG drawn at build time: the page in the middle, the pages that link to it on the
/// left, the pages it links to on the right (arrows both ways when the link is mutual). Kind is
/// told by shape as well as colour; every node is a link with its full title.
enum NeighbourGraph {
    struct Node {
        var kind: PageKind
        var href: String
        /// Linked both ways (drawn on the right, with arrows at both ends).
        var mutual = false
        /// The title as the picture writes it, made here.
        private var ownText: Text?
        /// Or the page's, escaped and cut (`BuiltPage.graphText`), read in place from the
        /// renderer's tables, which outlive the picture: copying a page's texts out retained
        /// them, from every core at once.
        private var pageText: (title: UnsafeBufferPointer<UInt8>, label: UnsafeBufferPointer<UInt8>)?

        init(title: String, kind: PageKind, href: String, mutual: Bool = false) {
            self.kind = kind
            self.href = href
            self.mutual = mutual
            ownText = Text(title: title)
        }

        /// A page's node, its href written from `target` (its output path, valid while the
        /// picture is drawn) by the picture: a `String` per node cost an allocation, and
        /// reading the page's path retained it from every core.
        init(
            text: (title: UnsafeBufferPointer<UInt8>, label: UnsafeBufferPointer<UInt8>), kind: PageKind,
            target: (path: UnsafeBufferPointer<UInt8>, firstFolderEnd: Int?), mutual: Bool
        ) {
            self.kind = kind
            href = ""
            self.mutual = mutual
            pageText = text
            self.target = target
        }

        private var target: (path: UnsafeBufferPointer<UInt8>, firstFolderEnd: Int?)?

        /// Writes the href, escaped for the attribute: a `target` as `hrefs` reaches it.
        func writeHref(to svg: inout HTMLBytes, from hrefs: HrefBase?) {
            guard let target, let hrefs else { return svg.escaped(href) }
            hrefs.withHref(to: target.path, firstFolderEnd: target.firstFolderEnd) { svg.escaped($0, from: 0) }
        }

        /// Writes the title or, with `label`, the cut title.
        func write(label: Bool, to svg: inout HTMLBytes) {
            if let pageText {
                svg.append(label ? pageText.label : pageText.title)
            } else if let ownText {
                svg.raw(label ? ownText.label : ownText.title)
            }
        }
    }

    /// A page's title escaped, and cut to a label, once per page (`BuiltPage.graphText`):
    /// a much-linked page is a node in hundreds of pictures.
    struct Text: Sendable, Equatable {
        var title: [UInt8]
        var label: [UInt8]

        init(title: String) {
            var escaped = HTMLBytes(capacity: title.utf8.count + 16)
            escaped.escaped(title)
            self.title = escaped.bytes
            var label = HTMLBytes(capacity: NeighbourGraph.labelLimit + 16)
            label.escaped(NeighbourGraph.truncate(title, to: NeighbourGraph.labelLimit))
            self.label = label.bytes
        }
    }

    /// Nodes drawn per side; the rest are counted as "+N more".
    static let perSide = 8
    static let width = 660
    static let rowHeight = 28
    static let labelLimit = 24

    /// `left` links here, `right` is linked from here. Empty when both are. As UTF-8, as
    /// pages take it: titles cut with `…` sent every picture down `String`'s slow validation.
    /// `hrefs` leads from the picture's page to the nodes made from pages.
    static func svg(
        title: String, left: [Node], right: [Node], leftMore: Int = 0, rightMore: Int = 0, hrefs: HrefBase? = nil
    ) -> [UInt8] {
        guard !left.isEmpty || !right.isEmpty else { return [] }
        let rows = max(left.count + (leftMore > 0 ? 1 : 0), right.count + (rightMore > 0 ? 1 : 0), 2)
        let height = rows * rowHeight + 24
        let middle = Double(height) / 2
        var svg = HTMLBytes(capacity: 4096)
        svg.raw("<svg class=\"nb-svg\" viewBox=\"0 0 ")
        svg.integer(width)
        svg.raw(" ")
        svg.integer(height)
        svg.raw("\" width=\"")
        svg.integer(width)
        svg.raw("\" height=\"")
        svg.integer(height)
        svg.raw("\" role=\"group\" aria-label=\"Pages linked to and from ")
        svg.escaped(title)
        // Literals as `StaticString`s (no `+`, no `? :` between two literals, either of which
        // makes a `String` on every call): a picture is drawn on every page.
        svg.raw("\"><defs><marker id=\"nb-arrow\" viewBox=\"0 0 10 10\" refX=\"9\" refY=\"5\" markerWidth=\"7\" ")
        svg.raw(
            "markerHeight=\"7\" orient=\"auto-start-reverse\"><path class=\"nb-arrowhead\" d=\"M0,0 L10,5 L0,10 z\"/>")
        svg.raw("</marker></defs>")
        for (row, node) in left.enumerated() {
            let y = rowY(row, count: left.count + (leftMore > 0 ? 1 : 0), middle: middle)
            // The edge from (210, y) to (264, middle), its fixed parts written at once.
            svg.raw("<line class=\"nb-edge\" x1=\"210\" y1=\"")
            svg.coordinate(y)
            svg.raw("\" x2=\"264\" y2=\"")
            svg.coordinate(middle)
            svg.raw("\" marker-end=\"url(#nb-arrow)\"/>")
            nodeLink(&svg, node, x: 202, y: y, left: true, hrefs: hrefs)
        }
        if leftMore > 0 {
            let y = rowY(left.count, count: left.count + 1, middle: middle)
            svg.raw("<text class=\"nb-more\" x=\"190\" y=\"")
            svg.coordinate(y + 4)
            svg.raw("\" text-anchor=\"end\">+")
            svg.integer(leftMore)
            svg.raw(" more</text>")
        }
        for (row, node) in right.enumerated() {
            let y = rowY(row, count: right.count + (rightMore > 0 ? 1 : 0), middle: middle)
            // The edge from (396, middle) to (448, y), arrows at both ends when mutual.
            svg.raw("<line class=\"nb-edge\" x1=\"396\" y1=\"")
            svg.coordinate(middle)
            svg.raw("\" x2=\"448\" y2=\"")
            svg.coordinate(y)
            svg.raw(
                node.mutual
                    ? "\" marker-end=\"url(#nb-arrow)\" marker-start=\"url(#nb-arrow)\"/>" as StaticString
                    : "\" marker-end=\"url(#nb-arrow)\"/>")
            nodeLink(&svg, node, x: 456, y: y, left: false, hrefs: hrefs)
        }
        if rightMore > 0 {
            let y = rowY(right.count, count: right.count + 1, middle: middle)
            svg.raw("<text class=\"nb-more\" x=\"468\" y=\"")
            svg.coordinate(y + 4)
            svg.raw("\">+")
            svg.integer(rightMore)
            svg.raw(" more</text>")
        }
        centre(&svg, title, middle: middle)
        svg.raw("</svg>")
        return svg.bytes
    }

    /// Each kind's key, in `PageKind.allCases` order: drawn once, not per picture.
    static let keys = PageKind.allCases.map(key)

    /// A 16 × 16 key for the legend.
    static func key(_ kind: PageKind) -> String {
        var svg = HTMLBytes(capacity: 256)
        svg.raw("<svg class=\"nb-key nb-")
        svg.raw(kind.rawValue)
        svg.raw("\" viewBox=\"0 0 16 16\" width=\"16\" height=\"16\" aria-hidden=\"true\" focusable=\"false\">")
        shape(&svg, kind, x: 8, y: 8)
        svg.raw("</svg>")
        return svg.string
    }

    /// Cuts `text` to `limit` characters with an ellipsis.
    static func truncate(_ text: String, to limit: Int) -> String {
        // Counting characters walks grapheme breaks: a label per neighbour per page made it a
        // visible cost. No more bytes than the limit, or plain ASCII, needs no such walk.
        let bytes = text.utf8
        if bytes.count <= limit { return text }
        if text.hasCharacterPerByte {
            // ASCII whitespace as `.whitespaces` has it: space and tab.
            var cut = Array(bytes.prefix(limit - 1))
            while let last = cut.last, last == 0x20 || last == 0x09 { cut.removeLast() }
            let start = cut.firstIndex { $0 != 0x20 && $0 != 0x09 } ?? cut.endIndex
            return String(decoding: cut[start...], as: UTF8.self) + "…"
        }
        return text.count <= limit ? text : String(text.prefix(limit - 1)).trimmingCharacters(in: .whitespaces) + "…"
    }

    private static func rowY(_ row: Int, count: Int, middle: Double) -> Double {
        middle + (Double(row) - Double(count - 1) / 2) * Double(rowHeight)
    }

    /// A node: a link around its tooltip, its shape and its label, left of the centre
    /// (label ending at x 190) or right of it (label starting at x 468). The fixed parts of
    /// each are written at once: a picture has up to sixteen nodes, on every page.
    private static func nodeLink(
        _ svg: inout HTMLBytes, _ node: Node, x: Double, y: Double, left: Bool, hrefs: HrefBase?
    ) {
        svg.raw(linkOpening(node.kind))
        node.writeHref(to: &svg, from: hrefs)
        svg.raw("\"><title>")
        node.write(label: false, to: &svg)
        svg.raw(kindWord(node.kind))
        svg.raw(
            left
                ? "links here)</title>" as StaticString
                : node.mutual ? "linked both ways)</title>" : "linked from here)</title>")
        shape(&svg, node.kind, x: x, y: y)
        svg.raw(
            left ? "<text class=\"nb-label\" x=\"190\" y=\"" as StaticString : "<text class=\"nb-label\" x=\"468\" y=\""
        )
        svg.coordinate(y + 4)
        svg.raw(left ? "\" text-anchor=\"end\">" as StaticString : "\" text-anchor=\"start\">")
        node.write(label: true, to: &svg)
        svg.raw("</text></a>")
    }

    /// A node's opening tag up to its `href` value.
    private static func linkOpening(_ kind: PageKind) -> StaticString {
        switch kind {
        case .term: "<a class=\"nb-node nb-term\" href=\""
        case .constraint: "<a class=\"nb-node nb-constraint\" href=\""
        case .tool: "<a class=\"nb-node nb-tool\" href=\""
        case .workflow: "<a class=\"nb-node nb-workflow\" href=\""
        case .scenario: "<a class=\"nb-node nb-scenario\" href=\""
        case .page: "<a class=\"nb-node nb-page\" href=\""
        }
    }

    /// ` (` and `kind.label` in lower case, as a node's tooltip names it, and `, `.
    private static func kindWord(_ kind: PageKind) -> StaticString {
        switch kind {
        case .term: " (term, "
        case .constraint: " (ot constraint, "
        case .tool: " (tool note, "
        case .workflow: " (workflow, "
        case .scenario: " (scenario, "
        case .page: " (page, "
        }
    }

    /// The page itself: a box with its title on up to two lines.
    private static func centre(_ svg: inout HTMLBytes, _ title: String, middle: Double) {
        let lines = wrap(title, width: 17)
        svg.raw("<rect class=\"nb-centre\" x=\"266\" y=\"")
        svg.coordinate(middle - 22)
        svg.raw("\" width=\"128\" height=\"44\" rx=\"6\"/>")
        for (offset, line) in lines.enumerated() {
            let y = middle + 4 + (Double(offset) - Double(lines.count - 1) / 2) * 16
            svg.raw("<text class=\"nb-centre-label\" x=\"330\" y=\"")
            svg.coordinate(y)
            svg.raw("\" text-anchor=\"middle\">")
            svg.escaped(line)
            svg.raw("</text>")
        }
    }

    /// Up to two lines of about `width` characters, breaking at spaces.
    static func wrap(_ text: String, width: Int) -> [String] {
        // ASCII without carriage returns: one byte per character, so the same steps on bytes.
        guard text.hasCharacterPerByte else { return characterWrap(text, width: width) }
        let bytes = Array(text.utf8)
        guard bytes.count > width else { return [text] }
        var first: [UInt8] = []
        var restStart = 0
        for word in bytes.split(separator: 0x20) {
            guard (first.isEmpty ? word.count : first.count + 1 + word.count) <= width else { break }
            if !first.isEmpty { first.append(0x20) }
            first += word
            restStart += min(bytes.count - restStart, word.count + 1)
        }
        if first.isEmpty { return [truncate(text, to: width)] }
        let second = String(decoding: bytes[restStart...], as: UTF8.self).trimmingSpaces
        let firstLine = String(decoding: first, as: UTF8.self)
        return second.isEmpty ? [firstLine] : [firstLine, truncate(second, to: width)]
    }

    static func characterWrap(_ text: String, width: Int) -> [String] {
        guard text.count > width else { return [text] }
        var first = ""
        var rest = Substring(text)
        for word in text.split(separator: " ") {
            let candidate = first.isEmpty ? String(word) : first + " " + word
            guard candidate.count <= width else { break }
            first = candidate
            rest = rest.dropFirst(min(rest.count, word.count + 1))
        }
        if first.isEmpty { return [truncate(text, to: width)] }
        let second = rest.trimmingCharacters(in: .whitespaces)
        return second.isEmpty ? [first] : [first, truncate(second, to: width)]
    }

    /// Circle for a term, square for a constraint, triangle for a tool, diamond for a
    /// workflow, hexagon for a scenario or page.
    private static func shape(_ svg: inout HTMLBytes, _ kind: PageKind, x: Double, y: Double) {
        switch kind {
        case .term:
            svg.raw("<circle class=\"nb-shape\" cx=\"")
            svg.coordinate(x)
            svg.raw("\" cy=\"")
            svg.coordinate(y)
            svg.raw("\" r=\"6\"/>")
        case .constraint:
            svg.raw("<rect class=\"nb-shape\" x=\"")
            svg.coordinate(x)
            svg.raw("\" y=\"")
            svg.coordinate(y)
            svg.raw("\" width=\"11\" height=\"11\" transform=\"translate(-5.5 -5.5)\"/>")
        case .tool: path(&svg, "M0,-7 L7,6 L-7,6 Z", x: x, y: y)
        case .workflow: path(&svg, "M0,-7 L7,0 L0,7 L-7,0 Z", x: x, y: y)
        case .scenario, .page: path(&svg, "M-6,-3.5 L0,-7 L6,-3.5 L6,3.5 L0,7 L-6,3.5 Z", x: x, y: y)
        }
    }

    private static func path(_ svg: inout HTMLBytes, _ d: StaticString, x: Double, y: Double) {
        svg.raw("<path class=\"nb-shape\" d=\"")
        svg.raw(d)
        svg.raw("\" transform=\"translate(")
        svg.coordinate(x)
        svg.raw(" ")
        svg.coordinate(y)
        svg.raw(")\"/>")
    }
}
