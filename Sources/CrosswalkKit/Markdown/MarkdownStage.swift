import CrosswalkMarkdown

/// The Markdown stage: parses a page body with libcmark, applies crosswalk's AST transforms,
/// renders HTML and records headings and links as data.
public struct MarkdownStage: Sendable {
    public var options: MarkdownOptions
    /// Off: pure CommonMark exactly as libcmark renders it (`crosswalk render --commonmark`).
    public var extensions: Bool

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

    /// Renders markdown outside any site (the `render` command): links are left as written.
    public func render(_ text: String) -> RenderedMarkdown {
        let document = MarkdownDocument(parsing: text, options: options)
        guard extensions else { return RenderedMarkdown(html: document.renderHTML()) }
        var headingIDs = HeadingIDs()
        let headings = headingIDs.apply(to: document.root)
        return RenderedMarkdown(html: document.renderHTML(), headings: headings)
    }

    /// Renders one page of a site: the leading H1 becomes the title when front matter has
    /// none (and is dropped when it repeats the title), links are resolved against the site.
    public func render(_ page: Page, in site: Site) -> RenderedMarkdown {
        let document = MarkdownDocument(parsing: page.source.body, options: options)
        guard extensions else { return RenderedMarkdown(html: document.renderHTML()) }
        let leadingH1 = Self.takeLeadingH1(document.root, declaredTitle: page.declaredTitle)
        var headingIDs = HeadingIDs()
        let headings = headingIDs.apply(to: document.root)
        var linker = LinkRewriter(page: page, resolver: LinkResolver(site: site))
        linker.apply(to: document.root)
        return RenderedMarkdown(
            html: document.renderHTML(), headings: headings, links: linker.links,
            leadingH1: leadingH1, firstParagraph: Self.firstParagraph(document.root),
            diagnostics: linker.diagnostics)
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

    static func firstParagraph(_ root: MarkdownNode) -> String? {
        guard let paragraph = root.children.first(where: { $0.type == .paragraph }) else { return nil }
        let text = paragraph.plainText
        return text.isEmpty ? nil : text
    }
}
