import Foundation

/// A small SVG drawn at build time: the page in the middle, the pages that link to it on the
/// left, the pages it links to on the right (arrows both ways when the link is mutual). Kind is
/// told by shape as well as colour; every node is a link with its full title.
enum NeighbourGraph {
    struct Node: Sendable, Equatable {
        var title: String
        var kind: PageKind
        var href: String
        /// Linked both ways (drawn on the right, with arrows at both ends).
        var mutual = false
    }

    /// Nodes drawn per side; the rest are counted as "+N more".
    static let perSide = 8
    static let width = 660
    static let rowHeight = 28
    static let labelLimit = 24

    /// `left` links here, `right` is linked from here. Empty when both are.
    static func svg(title: String, left: [Node], right: [Node], leftMore: Int = 0, rightMore: Int = 0) -> String {
        guard !left.isEmpty || !right.isEmpty else { return "" }
        let rows = max(left.count + (leftMore > 0 ? 1 : 0), right.count + (rightMore > 0 ? 1 : 0), 2)
        let height = rows * rowHeight + 24
        let middle = Double(height) / 2
        var svg =
            "<svg class=\"nb-svg\" viewBox=\"0 0 \(width) \(height)\" width=\"\(width)\" height=\"\(height)\" "
            + "role=\"group\" aria-label=\"\(HTMLEscape.attribute("Pages linked to and from " + title))\">"
        svg +=
            "<defs><marker id=\"nb-arrow\" viewBox=\"0 0 10 10\" refX=\"9\" refY=\"5\" markerWidth=\"7\" "
            + "markerHeight=\"7\" orient=\"auto-start-reverse\"><path class=\"nb-arrowhead\" d=\"M0,0 L10,5 L0,10 z\"/>"
            + "</marker></defs>"
        for (row, node) in left.enumerated() {
            let y = rowY(row, count: left.count + (leftMore > 0 ? 1 : 0), middle: middle)
            svg += edge(from: (210, y), to: (264, middle), both: false)
            svg += nodeLink(node, x: 202, y: y, anchor: "end", labelX: 190, relation: "links here")
        }
        if leftMore > 0 {
            let y = rowY(left.count, count: left.count + 1, middle: middle)
            svg +=
                "<text class=\"nb-more\" x=\"190\" y=\"\(format(y + 4))\" text-anchor=\"end\">+\(leftMore) more</text>"
        }
        for (row, node) in right.enumerated() {
            let y = rowY(row, count: right.count + (rightMore > 0 ? 1 : 0), middle: middle)
            svg += edge(from: (396, middle), to: (448, y), both: node.mutual)
            let relation = node.mutual ? "linked both ways" : "linked from here"
            svg += nodeLink(node, x: 456, y: y, anchor: "start", labelX: 468, relation: relation)
        }
        if rightMore > 0 {
            let y = rowY(right.count, count: right.count + 1, middle: middle)
            svg += "<text class=\"nb-more\" x=\"468\" y=\"\(format(y + 4))\">+\(rightMore) more</text>"
        }
        svg += centre(title, middle: middle)
        svg += "</svg>"
        return svg
    }

    /// A 16 × 16 key for the legend.
    static func key(_ kind: PageKind) -> String {
        "<svg class=\"nb-key nb-\(kind.rawValue)\" viewBox=\"0 0 16 16\" width=\"16\" height=\"16\" aria-hidden=\"true\" focusable=\"false\">"
            + shape(kind, x: 8, y: 8) + "</svg>"
    }

    /// Cuts `text` to `limit` characters with an ellipsis.
    static func truncate(_ text: String, to limit: Int) -> String {
        // Counting characters walks grapheme breaks: a label per neighbour per page made it a
        // visible cost. No more bytes than the limit, or plain ASCII, needs no such walk.
        let bytes = text.utf8
        if bytes.count <= limit { return text }
        if bytes.allSatisfy({ $0 < 0x80 && $0 != 0x0D }) {
            let cut = String(decoding: bytes.prefix(limit - 1), as: UTF8.self)
            return cut.trimmingCharacters(in: .whitespaces) + "…"
        }
        return text.count <= limit ? text : String(text.prefix(limit - 1)).trimmingCharacters(in: .whitespaces) + "…"
    }

    private static func rowY(_ row: Int, count: Int, middle: Double) -> Double {
        middle + (Double(row) - Double(count - 1) / 2) * Double(rowHeight)
    }

    private static func edge(from: (Double, Double), to: (Double, Double), both: Bool) -> String {
        "<line class=\"nb-edge\" x1=\"\(format(from.0))\" y1=\"\(format(from.1))\" x2=\"\(format(to.0))\" "
            + "y2=\"\(format(to.1))\" marker-end=\"url(#nb-arrow)\"\(both ? " marker-start=\"url(#nb-arrow)\"" : "")/>"
    }

    private static func nodeLink(
        _ node: Node, x: Double, y: Double, anchor: String, labelX: Double, relation: String
    ) -> String {
        let name = "\(node.title) (\(node.kind.label.lowercased()), \(relation))"
        return "<a class=\"nb-node nb-\(node.kind.rawValue)\" href=\"\(HTMLEscape.attribute(node.href))\">"
            + "<title>\(HTMLEscape.text(name))</title>" + shape(node.kind, x: x, y: y)
            + "<text class=\"nb-label\" x=\"\(format(labelX))\" y=\"\(format(y + 4))\" text-anchor=\"\(anchor)\">"
            + HTMLEscape.text(truncate(node.title, to: labelLimit)) + "</text></a>"
    }

    /// The page itself: a box with its title on up to two lines.
    private static func centre(_ title: String, middle: Double) -> String {
        let lines = wrap(title, width: 17)
        var svg =
            "<rect class=\"nb-centre\" x=\"266\" y=\"\(format(middle - 22))\" width=\"128\" height=\"44\" rx=\"6\"/>"
        for (offset, line) in lines.enumerated() {
            let y = middle + 4 + (Double(offset) - Double(lines.count - 1) / 2) * 16
            svg +=
                "<text class=\"nb-centre-label\" x=\"330\" y=\"\(format(y))\" text-anchor=\"middle\">"
                + HTMLEscape.text(line) + "</text>"
        }
        return svg
    }

    /// Up to two lines of about `width` characters, breaking at spaces.
    static func wrap(_ text: String, width: Int) -> [String] {
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
    private static func shape(_ kind: PageKind, x: Double, y: Double) -> String {
        let (x, y) = (format(x), format(y))
        switch kind {
        case .term: return "<circle class=\"nb-shape\" cx=\"\(x)\" cy=\"\(y)\" r=\"6\"/>"
        case .constraint:
            return
                "<rect class=\"nb-shape\" x=\"\(x)\" y=\"\(y)\" width=\"11\" height=\"11\" transform=\"translate(-5.5 -5.5)\"/>"
        case .tool: return path("M0,-7 L7,6 L-7,6 Z", x: x, y: y)
        case .workflow: return path("M0,-7 L7,0 L0,7 L-7,0 Z", x: x, y: y)
        case .scenario, .page: return path("M-6,-3.5 L0,-7 L6,-3.5 L6,3.5 L0,7 L-6,3.5 Z", x: x, y: y)
        }
    }

    private static func path(_ d: String, x: String, y: String) -> String {
        "<path class=\"nb-shape\" d=\"\(d)\" transform=\"translate(\(x) \(y))\"/>"
    }

    /// Coordinates with at most one decimal, so output is short and stable.
    private static func format(_ value: Double) -> String {
        let rounded = (value * 10).rounded() / 10
        return rounded == rounded.rounded() ? String(Int(rounded)) : String(rounded)
    }
}

extension SiteRenderer {
    /// Template fields for the page's neighbour graph, or nil when it has no neighbours. Only
    /// knowledge pages count (terms, constraints, tools, workflows, scenarios), not plain
    /// pages or section introductions.
    func neighbourGraph(for index: Int) -> [String: Any]? {
        let built = pages[index]
        let url = built.page.url
        func isNeighbour(_ other: Int) -> Bool {
            other != index && pages[other].page.kind != .page && !pages[other].page.isFolderIndex
        }
        var outgoing = Set(built.markdown.linkTargets)
        outgoing.formUnion(graph.related[index] ?? [])
        for verdict in verdictsByTool[index] ?? [] { outgoing.insert(verdict.constraint) }
        let incoming = Set(graph.backlinks[url] ?? [])
        let right = sample(outgoing.filter(isNeighbour))
        let left = sample(incoming.subtracting(outgoing).filter(isNeighbour))
        func node(_ other: Int) -> NeighbourGraph.Node {
            NeighbourGraph.Node(
                title: pages[other].title, kind: pages[other].page.kind,
                href: LinkResolver.href(from: url, to: pages[other].page.outputPath),
                mutual: incoming.contains(other) && outgoing.contains(other))
        }
        let svg = NeighbourGraph.svg(
            title: built.title, left: left.shown.map(node), right: right.shown.map(node), leftMore: left.more,
            rightMore: right.more)
        guard !svg.isEmpty else { return nil }
        let kinds = Set((left.shown + right.shown).map { pages[$0].page.kind })
        let legend = PageKind.allCases.filter(kinds.contains).map { kind -> [String: Any] in
            ["key": NeighbourGraph.key(kind), "label": kind.label]
        }
        return ["svg": svg, "legend": legend, "incoming": left.shown.count + left.more]
    }

    /// At most `NeighbourGraph.perSide` pages, shared out between kinds in turn so one kind
    /// cannot crowd out the others; shown in kind order, then by title.
    private func sample(_ candidates: Set<Int>) -> (shown: [Int], more: Int) {
        let limit = NeighbourGraph.perSide
        // At most `limit` can be taken from any kind, so only each kind's first `limit` titles
        // are kept, without sorting the thousands that link to a popular term.
        var byKind = PageKind.allCases.map { _ in [Int]() }
        for candidate in candidates {
            let kind = PageKind.allCases.firstIndex(of: pages[candidate].page.kind) ?? 0
            let rank = titleRank[candidate]
            guard byKind[kind].count < limit || rank < titleRank[byKind[kind][limit - 1]] else { continue }
            let place = byKind[kind].firstIndex { titleRank[$0] > rank } ?? byKind[kind].count
            byKind[kind].insert(candidate, at: place)
            if byKind[kind].count > limit { byKind[kind].removeLast() }
        }
        guard candidates.count > limit else { return (byKind.flatMap { $0 }, 0) }
        var chosen: [[Int]] = byKind.map { _ in [] }
        var taken = 0
        while taken < limit {
            for kind in byKind.indices where taken < limit && !byKind[kind].isEmpty {
                chosen[kind].append(byKind[kind].removeFirst())
                taken += 1
            }
        }
        // Keep the title order inside each kind.
        let shown = chosen.flatMap { sortedByTitle($0) }
        return (shown, candidates.count - shown.count)
    }
}
