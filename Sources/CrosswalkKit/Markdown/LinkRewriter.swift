import CrosswalkMarkdown

/// Rewrites relative links and images to the published files, records links to pages, and
/// reports destinations that do not exist.
struct LinkRewriter {
    let page: Page
    let resolver: LinkResolver
    private(set) var links: [OutgoingLink] = []
    private(set) var diagnostics: [Diagnostic] = []
    /// Handed on to wikilinks afterwards (``SourceLocator/withFullBudget()``).
    private(set) var locator: SourceLocator

    /// The folder of the page's file, which every link of the page starts from.
    private let folder: String

    init(page: Page, resolver: LinkResolver) {
        self.page = page
        self.resolver = resolver
        self.locator = SourceLocator(source: page.source)
        folder = LinkResolver.folder(of: page.source.relativePath)
    }

    /// Rewrites `nodes`, every link and image of the page in document order
    /// (``ProseText/scan(_:)``).
    mutating func apply(to nodes: [MarkdownNode]) {
        for node in nodes {
            guard let destination = node.url else { continue }
            switch resolver.resolve(destination, from: page, folder: folder) {
            case .external:
                continue
            case .samePage(let fragment):
                links.append(
                    OutgoingLink(
                        .markdown, to: page.url, fragment: fragment,
                        at: location(of: destination, in: node, fragment: fragment)))
            case .page(let url, let fragment, let href, let index):
                node.url = href
                links.append(
                    OutgoingLink(
                        .markdown, to: url, fragment: fragment,
                        at: location(of: destination, in: node, fragment: fragment), target: index))
            case .asset(let href):
                node.url = href
            case .missing(let path, let suggestion):
                let what = node.type == .image ? "image" : "link"
                diagnostics.append(
                    .error(
                        .brokenLink, at: location(of: destination, in: node),
                        "\(what) target '\(destination)' does not exist (looked for content/\(path))",
                        hint: suggestion.map { "did you mean '\(relativeSuggestion($0))'?" }
                            ?? "check the path; relative links start from this file's folder"))
            case .outsideContent:
                diagnostics.append(
                    .error(
                        .linkOutsideContent, at: location(of: destination, in: node),
                        "link '\(destination)' leaves the content folder",
                        hint: "link to pages and files inside content/"))
            }
        }
    }

    /// The suggestion written relative to this page's folder, as the author would type it.
    private func relativeSuggestion(_ path: String) -> String {
        let from = LinkResolver.folder(of: page.source.relativePath)
        return LinkResolver.href(from: from.isEmpty ? "" : from + "/", to: path)
    }

    private mutating func location(of destination: String, in node: MarkdownNode) -> SourceLocation {
        locator.locate(destination, in: node)
    }

    /// A link's place, when it names a fragment (``OutgoingLink/location``).
    private mutating func location(of destination: String, in node: MarkdownNode, fragment: String?)
        -> SourceLocation?
    {
        OutgoingLink.namesAnchor(fragment) ? location(of: destination, in: node) : nil
    }
}
