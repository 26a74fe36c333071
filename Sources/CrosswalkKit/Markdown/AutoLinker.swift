import CrosswalkMarkdown

/// Links the first mention of each glossary term on a page, in prose only. A phrase may wrap
/// across a soft line break (TEXT, SOFTBREAK, TEXT), so matching runs over such runs of
/// siblings; emphasis still splits a phrase. The page's own term and terms the page already
/// links explicitly are not linked again.
struct AutoLinker: ~Copyable {
    /// The site's matcher, held here: read through a `Site` once per run of text, the site's
    /// fields were copied each time.
    private let matcher: GlossaryMatcher
    /// The pages linked, appended to the caller's list (`apply(to:appendingTo:)`).
    private var targets: [Int] = []
    /// Terms linked on this page (or never to be): one bit per term, as the matcher asks for
    /// every term it finds and hashing an `Int` into a `Set` cost more than the rest.
    private var linked: TermBits
    /// A linked run becomes one node of the HTML libcmark would write for it (`asHTML`).
    private let writesHTML: Bool

    /// `alreadyLinked` holds the links the page makes explicitly (repeats do no harm), their
    /// targets found.
    /// `asHTML`: each run of text holding a term becomes one custom node of finished HTML, not
    /// text nodes around a link node per term (three nodes made, placed and rendered per link).
    /// Nothing may read the run's text from the tree afterwards.
    init(page: Page, site: Site, alreadyLinked: [OutgoingLink], asHTML: Bool = false) {
        writesHTML = asHTML
        matcher = site.matcher
        anchors = site.termAnchors
        termPages = site.termPages
        hrefs = HrefBase(from: page.url)
        linked = TermBits(count: site.termPages.count)
        for link in alreadyLinked {
            if let target = link.target, let term = site.termIndex(page: target) { linked.insert(term) }
        }
        if let own = site.termIndex(url: page.url) { linked.insert(own) }
    }

    /// Links terms in `nodes`: the text and soft-break nodes in prose, in document order.
    /// Each linked term's page is appended to `targets`, which is moved in and out, not
    /// copied. An auto-link needs no `OutgoingLink`: only its target is ever read again, and
    /// making one per link retained the term's URL, from every core at once.
    mutating func apply(to nodes: [MarkdownNode], appendingTo targets: inout [Int]) {
        swap(&self.targets, &targets)
        defer { swap(&self.targets, &targets) }
        // Run bounds first, the tree changed afterwards; as index ranges, not an array per run.
        var runs: [Range<Int>] = []
        var start = 0
        while start < nodes.count {
            var end = start + 1
            while end < nodes.count, nodes[end - 1].next == nodes[end] { end += 1 }
            if nodes[start..<end].contains(where: { $0.type == .text }) { runs.append(start..<end) }
            start = end
        }
        // The runs' text, each in turn, in one buffer of the page's.
        var text = HTMLBytes(capacity: 1024)
        for run in runs { link(nodes[run], text: &text) }
    }

    /// Where each node of the run being linked sits in its text; reused between runs.
    private var bounds: [(start: Int, end: Int, isBreak: Bool)] = []
    /// Room for the words of a run and for its matches; reused between runs.
    private var tokens = TokenBuffer()
    private var matches: [GlossaryMatcher.Match] = []
    /// The terms' targets and attributes, as bytes read per link.
    private let anchors: TermAnchors
    /// Hrefs from this page.
    private let hrefs: HrefBase
    /// Each term's page: a link's target is known here, not looked up by its URL later.
    private let termPages: [Int]

    private mutating func link(_ run: ArraySlice<MarkdownNode>, text bytes: inout HTMLBytes) {
        // The run's text as bytes, read from the tree in place; most runs hold no term.
        bytes.removeAll()
        bounds.removeAll(keepingCapacity: true)
        for node in run {
            let start = bytes.count
            let isBreak = node.type == .softBreak
            if isBreak { bytes.append(byte: 0x0A) } else { node.withLiteral { bytes.append($0) } }
            bounds.append((start, bytes.count, isBreak))
        }
        // Moved out, not copied: bits still held by `self` would be copied on the first insert.
        var linked = self.linked
        self.linked = TermBits(count: 0)
        var matches = self.matches
        self.matches = []
        defer { self.matches = matches }
        bytes.withBytes { text in
            matcher.matches(in: text, tokens: &tokens, into: &matches) { term in linked.insert(term) }
        }
        self.linked = linked
        guard !matches.isEmpty, let first = run.first else { return }
        if writesHTML {
            var html = writeHTML(of: bytes, matches: matches)
            _ = first.insertBefore(html.withCString { MarkdownNode.customInline(enterCString: $0, exit: "") })
            for node in run { node.free() }
            return
        }

        bytes.withBytes { text in
            /// New nodes for the bytes `from..<to`, soft breaks kept as nodes, each handed to
            /// `place` in order (no array of them).
            func pieces(_ from: Int, _ to: Int, _ place: (MarkdownNode) -> Void) {
                for bound in bounds where bound.end > from && bound.start < to {
                    if bound.isBreak {
                        place(.make(.softBreak))
                    } else {
                        let range = max(from, bound.start)..<min(to, bound.end)
                        place(.text(utf8: UnsafeBufferPointer(rebasing: text[range])))
                    }
                }
            }
            let before = { (node: MarkdownNode) in _ = first.insertBefore(node) }
            var cursor = 0
            for match in matches {
                pieces(cursor, match.start, before)
                let anchor = makeAnchor(term: match.term)
                pieces(match.start, match.end) { anchor.append($0) }
                first.insertBefore(anchor)
                targets.append(termPages[match.term])
                cursor = match.end
            }
            pieces(cursor, text.count, before)
        }
        for node in run { node.free() }
    }

    /// The run's HTML as libcmark writes its text and soft-break nodes (`&`, `<`, `>` and `"`
    /// escaped, a break as a line end), each match inside its link. Into an `HTMLBytes`: an
    /// array's `append(contentsOf:)` cost about a hundred instructions for each piece.
    private mutating func writeHTML(of text: borrowing HTMLBytes, matches: [GlossaryMatcher.Match]) -> HTMLBytes {
        // Room for the text and each link's tags, usually enough.
        var html = HTMLBytes(capacity: text.count + matches.count * 160)
        text.withBytes { text in
            var cursor = 0
            for match in matches {
                Self.appendEscaped(text, cursor, match.start, to: &html)
                appendTag(term: match.term, to: &html)
                Self.appendEscaped(text, match.start, match.end, to: &html)
                html.raw("</a>")
                targets.append(termPages[match.term])
                cursor = match.end
            }
            Self.appendEscaped(text, cursor, text.count, to: &html)
        }
        return html
    }

    /// `text[from..<to]` as libcmark's HTML writer escapes a text node
    /// (`houdini_escape_html0`, not secure: `'` and `/` stay).
    private static func appendEscaped(
        _ text: UnsafeBufferPointer<UInt8>, _ from: Int, _ to: Int, to html: inout HTMLBytes
    ) {
        guard from < to else { return }
        html.escaped(UnsafeBufferPointer(rebasing: text[from..<to]), from: 0, escapes: escapedByLibcmark)
    }

    /// `"`, `&`, `<` and `>`, the bytes libcmark escapes in text, as bits: all are below 64.
    private static func escapedByLibcmark(_ byte: UInt8) -> Bool {
        let special: UInt64 = 1 << 0x22 | 1 << 0x26 | 1 << 0x3C | 1 << 0x3E
        return byte < 64 && special >> UInt64(byte) & 1 == 1
    }

    /// The link node for `term`, its opening tag written as bytes (pages whose escaped
    /// brackets keep the node path).
    private func makeAnchor(term: Int) -> MarkdownNode {
        var tag = HTMLBytes(capacity: 160)
        appendTag(term: term, to: &tag)
        return tag.withCString { MarkdownNode.customInline(enterCString: $0, exit: "</a>") }
    }

    /// Appends the link's opening tag for `term` to `tag`.
    private func appendTag(term: Int, to tag: inout HTMLBytes) {
        tag.raw(#"<a class="term-link" href=""#)
        let anchor = anchors.anchor(term)
        // The way up (`../`) needs no escaping; only a path with such a byte does.
        if anchor.pathNeedsEscaping {
            hrefs.withHref(to: anchor.path, firstFolderEnd: anchor.firstFolderEnd) { href in
                tag.raw(HTMLEscape.attribute(String(decoding: href, as: UTF8.self)))
            }
        } else {
            hrefs.append(to: anchor.path, firstFolderEnd: anchor.firstFolderEnd, into: &tag)
        }
        tag.append(anchor.tail)
    }
}

/// A set of term indices below a fixed count, as bits.
struct TermBits {
    private var words: [UInt64]

    init(count: Int) { words = Array(repeating: 0, count: (count + 63) / 64) }

    /// Adds `term`; false when it was there already.
    @discardableResult
    mutating func insert(_ term: Int) -> Bool {
        let (word, bit) = (term / 64, UInt64(1) << UInt64(term % 64))
        guard words[word] & bit == 0 else { return false }
        words[word] |= bit
        return true
    }
}
