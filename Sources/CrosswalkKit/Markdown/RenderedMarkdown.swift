/// What the Markdown stage produces for one page: HTML plus the facts later stages need,
/// recorded as data so nothing downstream re-reads HTML.
public struct RenderedMarkdown: Sendable {
    public var html: String
    /// Headings in document order with their unique ids.
    public var headings: [Heading]
    /// Every link written in the body to another page of the site (or an anchor on this
    /// one): markdown links and wikilinks; empty after `dropLinkList()`, when only the digests
    /// below are kept. Glossary auto-links are only in `linkTargets`.
    public private(set) var links: [OutgoingLink]
    // Digests of `links` for the passes over every link of every page (backlinks, anchors),
    // made once here: walking a million links by value cost tens of milliseconds per pass.
    /// Target page indices of the links that have one and of the auto-links, sorted, each
    /// once (`SortedIndices`): every page's render and output key merge them with other lists.
    let linkTargets: [Int]
    /// Target URLs of the links no page has.
    let untargetedURLs: [String]
    /// The links naming a `#fragment`.
    let anchoredLinks: [OutgoingLink]
    /// The body's leading `# H1`, used as title when front matter has none.
    public var leadingH1: String?
    /// Plain text of the first paragraph, a fallback summary.
    public var firstParagraph: String?
    /// The start of the body's prose as plain text (2 KB: the index keeps 60 distinct words).
    public var plainText: String = ""
    /// Every word of the body's text, when the stage records them (`serve`, to find the pages
    /// a renamed term can appear on).
    var mentions: WordBloom?
    public var diagnostics: [Diagnostic]

    /// `autolinkTargets`: the pages of the glossary terms linked in the body, after `links`'s
    /// in `linkTargets`.
    public init(
        html: String, headings: [Heading] = [], links: [OutgoingLink] = [], autolinkTargets: [Int] = [],
        leadingH1: String? = nil, firstParagraph: String? = nil, diagnostics: [Diagnostic] = []
    ) {
        self.html = html
        self.headings = headings
        self.links = links
        self.linkTargets = SortedIndices.of(links.compactMap(\.target) + autolinkTargets)
        self.untargetedURLs = links.compactMap { $0.target == nil ? $0.targetURL : nil }
        self.anchoredLinks = links.filter { OutgoingLink.namesAnchor($0.fragment) }
        self.leadingH1 = leadingH1
        self.firstParagraph = firstParagraph
        self.diagnostics = diagnostics
    }
}

extension RenderedMarkdown {
    /// A page's markdown as an earlier build recorded it (`MarkdownCache`), its link list
    /// already reduced to the digests.
    init(
        html: String, headings: [Heading], linkTargets: [Int], untargetedURLs: [String],
        anchoredLinks: [OutgoingLink], leadingH1: String?, firstParagraph: String?, diagnostics: [Diagnostic]
    ) {
        self.html = html
        self.headings = headings
        self.links = []
        self.linkTargets = linkTargets
        self.untargetedURLs = untargetedURLs
        self.anchoredLinks = anchoredLinks
        self.leadingH1 = leadingH1
        self.firstParagraph = firstParagraph
        self.diagnostics = diagnostics
    }

    /// Forgets the full link list, keeping the digests later stages read: a full build of
    /// 100,000 pages held millions of links it never looked at again.
    mutating func dropLinkList() { links = [] }

    /// Same link targets, fragment links (with their places) and headings: what backlinks,
    /// verdicts and anchor checks read of a page body.
    func hasSameLinks(as other: RenderedMarkdown) -> Bool {
        linkTargets == other.linkTargets && untargetedURLs == other.untargetedURLs
            && anchoredLinks == other.anchoredLinks && headings == other.headings
    }

    /// Everything later stages read of a page body is the same, but for `plainText`, which a
    /// built page keeps only as search words (`BuiltPage.isSame(as:)` compares those).
    func isSame(as other: RenderedMarkdown) -> Bool {
        html == other.html && hasSameLinks(as: other) && leadingH1 == other.leadingH1
            && firstParagraph == other.firstParagraph && diagnostics == other.diagnostics
    }
}

public struct Heading: Sendable, Hashable {
    public var level: Int
    public var text: String
    public var id: String
}

/// A reference from one page to another, as the markdown stage found it.
public struct OutgoingLink: Sendable, Hashable {
    public enum Kind: String, Sendable, Hashable {
        /// `[text](page.md)`
        case markdown
        /// `[[target]]`
        case wikilink
        /// A front-matter relation (`related`, a tool's `constraints`).
        case relation
    }

    public var kind: Kind
    /// URL of the target page (`glossary/plc/`).
    public var targetURL: String
    /// The `#fragment` without `#`, when there is one.
    public var fragment: String?
    /// Where the link was written; nil for a link without a fragment. Only the links naming a
    /// `#fragment` are reported on after the Markdown stage (an anchor no heading has), and
    /// searching a block for each link cost about as much as resolving it.
    public var location: SourceLocation?
    /// The target's index in `Site.pages`, filled in by the Markdown stage so later stages
    /// that walk every link of every page need no URL lookups; nil for a URL no page has.
    public var target: Int?

    /// Whether a link with `fragment` points at a heading: such links are checked after the
    /// Markdown stage, and only they keep their ``location``.
    static func namesAnchor(_ fragment: String?) -> Bool { !(fragment ?? "").isEmpty }

    /// `target`, when the caller knows it, is what the Markdown stage would find for `targetURL`.
    public init(
        _ kind: Kind, to targetURL: String, fragment: String? = nil, at location: SourceLocation?, target: Int? = nil
    ) {
        self.kind = kind
        self.targetURL = targetURL
        self.fragment = fragment
        self.location = location
        self.target = target
    }
}
