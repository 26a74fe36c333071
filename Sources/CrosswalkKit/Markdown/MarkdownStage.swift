import CrosswalkMarkdown

/// The Markdown stage: parses a page body with libcmark, applies crosswalk's AST transforms,
/// renders HTML and records headings and links as data.
public struct MarkdownStage: Sendable {
    public var options: MarkdownOptions
    /// Off: pure CommonMark exactly as libcmark renders it (`crosswalk render --commonmark`).
    public var extensions: Bool
    /// Records each page's words (`RenderedMarkdown.mentions`).
    var recordsMentions = false
    /// Off: auto-linked runs stay text and link nodes, as on a page with escaped brackets
    /// (tests compare the two).
    var autoLinksAsHTML = true

    public init(options: MarkdownOptions = [], extensions: Bool = true) {
        self.options = options
        self.extensions = extensions
    }

    /// Options for a site build from its config.
    public init(config: SiteConfig) {
        var options: MarkdownOptions = []
        if config.smartPunctuation { options.insert(.smart) }
        if config.unsafeHTML { options.insert(.unsafe) }
        self.init(options: options, extensions: true)
    }

    /// Renders markdown outside any site (the `render` command): links are left as written and
    /// there is no glossary, but every other extension applies.
    public func render(_ text: String) -> RenderedMarkdown {
        MarkdownMemory.withArena { renderTree(text) }
    }

    private func renderTree(_ text: String) -> RenderedMarkdown {
        guard extensions else {
            return RenderedMarkdown(html: MarkdownDocument(parsing: text, options: options).renderHTML())
        }
        let (protected, marked) = EscapedBrackets.protect(text)
        let document = MarkdownDocument(parsing: protected, options: options)
        PipeTables.apply(to: document.root, source: protected, options: options)
        Callouts.apply(to: document.root)
        var headingIDs = HeadingIDs()
        let headings = headingIDs.apply(to: document.root)
        if marked { EscapedBrackets.restore(document.root) }
        return RenderedMarkdown(html: document.renderHTML(), headings: headings)
    }

    /// Renders one page of a site. The transforms run in this order, each over the tree the
    /// last one left: pipe tables; the leading H1 becomes the title when front matter has none
    /// (and is dropped when it repeats the title); callouts; relative links are resolved;
    /// wikilinks become links; headings get ids; glossary terms are linked.
    ///
    /// `store`, when given, is offered the HTML as libcmark wrote it; when it keeps it (true),
    /// `html` is left empty and no `String` of it is made.
    public func render(
        _ page: Page, in site: Site, storingHTML store: ((UnsafeBufferPointer<UInt8>) -> Bool)? = nil
    ) -> RenderedMarkdown {
        // The page's trees, its tables' cells among them, are made and dropped here: their
        // memory is one arena, let go at once.
        MarkdownMemory.withArena { renderTree(page, in: site, store: store) }
    }

    private func renderTree(
        _ page: Page, in site: Site, store: ((UnsafeBufferPointer<UInt8>) -> Bool)?
    ) -> RenderedMarkdown {
        guard extensions else {
            return RenderedMarkdown(html: MarkdownDocument(parsing: page.source.body, options: options).renderHTML())
        }
        let (protected, marked) = EscapedBrackets.protect(page.source.body)
        let document = MarkdownDocument(parsing: protected, options: options)
        let root = document.root
        // Before any transform: wikilinks are still text, and every word the matcher could see
        // is here.
        let mentions = recordsMentions ? Self.mentions(in: root) : nil
        // Tables first: a table followed by `===` would otherwise read as the title heading.
        PipeTables.apply(to: root, source: protected, options: options)
        let leadingH1 = Self.takeLeadingH1(root, declaredTitle: page.declaredTitle)
        Callouts.apply(to: root)
        // One walk for the three transforms below: links only change their URLs, and
        // wikilinks hand on the prose they leave.
        let (prose, linksAndImages) = ProseText.scan(root)
        var rewriter = LinkRewriter(page: page, resolver: LinkResolver(site: site))
        rewriter.apply(to: linksAndImages)
        var wikilinks = Wikilinks(page: page, site: site, locator: rewriter.locator.withFullBudget())
        let proseAfterWikilinks = wikilinks.apply(to: prose)
        var links = rewriter.links + wikilinks.links
        // Headings before auto-links, which never touch them (headings are not prose).
        var headingIDs = HeadingIDs()
        let headings = headingIDs.apply(to: root)
        // The text is final here unless escaped brackets are still to be put back: read it
        // now, and the auto-linker may write each linked run as finished HTML.
        let textIsFinal = !marked && autoLinksAsHTML
        let earlyText = textIsFinal ? (Self.firstParagraph(root), Self.plainText(root)) : nil
        // Most links know their target from resolving it; the rest are looked up by URL.
        for index in links.indices where links[index].target == nil {
            links[index].target = site.index(url: links[index].targetURL)
        }
        var autolinkTargets: [Int] = []
        if page.metadata.autolink {
            var autoLinker = AutoLinker(page: page, site: site, alreadyLinked: links, asHTML: textIsFinal)
            autoLinker.apply(to: proseAfterWikilinks, appendingTo: &autolinkTargets)
        }
        if marked { EscapedBrackets.restore(root) }
        var html = ""
        if let store {
            document.withRenderedHTML { bytes in
                if !store(bytes) { html = String(decoding: bytes, as: UTF8.self) }
            }
        } else {
            html = document.renderHTML()
        }
        var rendered = RenderedMarkdown(
            html: html, headings: headings, links: links, autolinkTargets: autolinkTargets,
            leadingH1: leadingH1, firstParagraph: earlyText.map(\.0) ?? Self.firstParagraph(root),
            diagnostics: rewriter.diagnostics + wikilinks.diagnostics)
        rendered.plainText = earlyText.map(\.1) ?? Self.plainText(root)
        rendered.mentions = mentions
        return rendered
    }

    /// The words of `page`, as `render` records them, for a page built without recording them
    /// (taken from a `crosswalk build`'s cache): a parse, no transforms.
    func mentions(of page: Page) -> WordBloom {
        let document = MarkdownDocument(parsing: EscapedBrackets.protect(page.source.body).0, options: options)
        return Self.mentions(in: document.root)
    }

    private static func mentions(in root: MarkdownNode) -> WordBloom {
        var bloom = WordBloom()
        root.walk { event, node in
            if event == .enter, node.type == .text, let text = node.literal { bloom.insert(wordsOf: text) }
        }
        return bloom
    }

    /// Removes a first-block `# H1` when it supplies or repeats the title; returns its text.
    static func takeLeadingH1(_ root: MarkdownNode, declaredTitle: String?) -> String? {
        guard let first = root.firstChild, first.type == .heading, first.headingLevel == 1 else {
            return nil
        }
        let text = first.plainText
        guard declaredTitle == nil || declaredTitle == text else { return nil }
        first.free()
        return text
    }

    /// Prose text for search, from the tree (never from HTML): text and code spans, blocks
    /// separated by spaces; code blocks and raw HTML are left out.
    static func plainText(_ root: MarkdownNode, limit: Int = 2_048) -> String {
        // As bytes: appending each literal to a String made one per node.
        var text: [UInt8] = []
        text.reserveCapacity(limit + 256)
        // Stops at the limit, the rest of a long page would add nothing: at the first space from
        // the limit on, so the text ends where it would however its nodes were cut (an
        // auto-linked run is one node or several).
        root.walkWhile { event, node in
            switch node.type {
            case .text, .code: if event == .enter { node.appendLiteral(to: &text) }
            case .softBreak, .lineBreak: text.append(0x20)
            // Blocks end words; inline wrappers (an auto-link, a heading's tag) do not: a space
            // after each auto-linked term cut words short and spent the limit.
            case .paragraph, .heading, .item, .customBlock: if event == .exit { text.append(0x20) }
            default: break
            }
            guard text.count > limit, let space = text[limit...].firstIndex(of: 0x20) else { return true }
            text.removeSubrange(space...)
            return false
        }
        return String(decoding: text, as: UTF8.self)
    }

    static func firstParagraph(_ root: MarkdownNode) -> String? {
        // Sibling by sibling: an array of every top-level block cost more than the search.
        var node = root.firstChild
        while let current = node, current.type != .paragraph { node = current.next }
        guard let paragraph = node else { return nil }
        let text = paragraph.plainText
        return text.isEmpty ? nil : text
    }
}
