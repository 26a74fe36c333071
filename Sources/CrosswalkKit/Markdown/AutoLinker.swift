import CrosswalkMarkdown

/// Links the first mention of each glossary term on a page, in prose only. A phrase may wrap
/// across a soft line break (TEXT, SOFTBREAK, TEXT), so matching runs over such runs of
/// siblings; emphasis still splits a phrase. The page's own term and terms the page already
/// links explicitly are not linked again.
struct AutoLinker {
    let page: Page
    let site: Site
    private(set) var links: [OutgoingLink] = []
    private var linked: Set<Int> = []
    /// Reused between runs.
    private var bytes: [UInt8] = []

    /// `alreadyLinked` holds the URLs the page links explicitly.
    init(page: Page, site: Site, alreadyLinked: Set<String>) {
        self.page = page
        self.site = site
        for url in alreadyLinked { if let term = site.termIndex(url: url) { linked.insert(term) } }
        if let own = site.termIndex(url: page.url) { linked.insert(own) }
    }

    mutating func apply(to root: MarkdownNode) {
        for run in runs(in: root) { link(run) }
    }

    /// Consecutive text and soft-break siblings in prose.
    private func runs(in root: MarkdownNode) -> [[MarkdownNode]] {
        var runs: [[MarkdownNode]] = []
        for node in ProseText.nodes(in: root, includeSoftBreaks: true) {
            if let last = runs.last?.last, last.next == node {
                runs[runs.count - 1].append(node)
            } else {
                runs.append([node])
            }
        }
        return runs.filter { run in run.contains { $0.type == .text } }
    }

    private mutating func link(_ run: [MarkdownNode]) {
        // The run's text as bytes, read from the tree in place; most runs hold no term.
        var bytes = self.bytes
        self.bytes = []
        bytes.removeAll(keepingCapacity: true)
        var bounds: [(start: Int, end: Int)] = []
        bounds.reserveCapacity(run.count)
        for node in run {
            let start = bytes.count
            if node.type == .softBreak { bytes.append(0x0A) } else { node.appendLiteral(to: &bytes) }
            bounds.append((start, bytes.count))
        }
        defer { self.bytes = bytes }
        // Moved out, not copied: a set still held by `self` would be copied on the first insert.
        var linked = self.linked
        self.linked = []
        let matches = bytes.withUnsafeBufferPointer { text in
            site.matcher.matches(in: text) { term in linked.insert(term).inserted }
        }
        self.linked = linked
        guard !matches.isEmpty, let first = run.first else { return }

        /// New nodes for the bytes `from..<to`, keeping soft breaks as nodes.
        func pieces(_ from: Int, _ to: Int) -> [MarkdownNode] {
            var result: [MarkdownNode] = []
            for (node, bound) in zip(run, bounds) where bound.end > from && bound.start < to {
                if node.type == .softBreak {
                    result.append(.make(.softBreak))
                } else {
                    let range = max(from, bound.start)..<min(to, bound.end)
                    result.append(
                        bytes.withUnsafeBufferPointer { .text(utf8: UnsafeBufferPointer(rebasing: $0[range])) })
                }
            }
            return result
        }
        var cursor = 0
        var replacement: [MarkdownNode] = []
        for match in matches {
            replacement += pieces(cursor, match.start)
            // By index, not `let target = site.pages[…]`: copying a whole Page per link showed
            // up in profiles.
            let target = site.termPages[match.term]
            // The tag as bytes: interpolating it into a String appended four times per link.
            var tag = HTMLBytes(capacity: 160)
            tag.raw("<a class=\"term-link\" href=\"")
            tag.escaped(LinkResolver.href(from: page.url, to: site.pages[target].outputPath))
            tag.raw("\"")
            tag.raw(site.termLinkAttributes[match.term])
            tag.raw(">")
            let anchor = tag.bytes.withUnsafeBufferPointer { MarkdownNode.customInline(enterUTF8: $0, exit: "</a>") }
            for piece in pieces(match.start, match.end) { anchor.append(piece) }
            replacement.append(anchor)
            links.append(OutgoingLink(.autolink, to: site.pages[target].url, at: location(of: first)))
            cursor = match.end
        }
        replacement += pieces(cursor, bytes.count)
        for node in replacement { first.insertBefore(node) }
        for node in run { node.free() }
    }

    private func location(of node: MarkdownNode) -> SourceLocation {
        let block = node.positionedAncestor
        return page.source.location(bodyLine: block?.startLine ?? 1)
    }
}
