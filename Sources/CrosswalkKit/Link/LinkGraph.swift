/// The Link stage's view of the whole site: front-matter relations resolved and checked,
/// backlinks, and the tool × constraint verdicts — all computed from the links the Markdown
/// stage recorded as data, never from HTML.
public struct LinkGraph: Sendable {
    public struct Verdict: Sendable {
        /// Indices into the built pages.
        public var tool: Int
        public var constraint: Int
        public var verdict: PageMetadata.Verdict
        public var note: String
    }

    /// Target URL → indices of pages linking to it (any kind of link), sorted, no self-links.
    public private(set) var backlinks: [String: [Int]] = [:]
    /// Per page index: the resolved `related` pages.
    public private(set) var related: [Int: [Int]] = [:]
    public private(set) var verdicts: [Verdict] = []
    /// The verdicts grouped by tool and by constraint (page indices), made with the graph so a
    /// `serve` rebuild that keeps the graph does not group them again.
    public private(set) var verdictsByTool: [Int: [Verdict]] = [:]
    public private(set) var verdictsByConstraint: [Int: [Verdict]] = [:]
    public private(set) var diagnostics: [Diagnostic] = []

    /// `pages` are the site's pages, built, in the site's order (as every stage builds them),
    /// so a link's `target` and `Site`'s URL index are indices into `pages` too.
    public init(site: Site, pages: [BuiltPage]) {
        // Sources per target page, by index: sources are visited in index order, so each list
        // comes out sorted and a repeat can only follow itself. Sets keyed by URL cost a fifth
        // of every `serve` rebuild.
        var incoming = [[Int]](repeating: [], count: pages.count)
        /// Links to URLs no page has (a section index, say): the ones without a `target`.
        var elsewhere: [String: [Int]] = [:]
        func add(_ source: Int, to target: Int) {
            guard target != source, incoming[target].last != source else { return }
            incoming[target].append(source)
        }
        for (index, built) in pages.enumerated() {
            let url = built.page.url
            for target in built.markdown.linkTargets { add(index, to: target) }
            for targetURL in built.markdown.untargetedURLs where targetURL != url && elsewhere[targetURL]?.last != index
            {
                elsewhere[targetURL, default: []].append(index)
            }
            let metadata = built.page.metadata
            for slug in metadata.related {
                guard let target = resolve(slug, kinds: nil, site: site) else { continue }
                related[index, default: []].append(target)
                add(index, to: target)
            }
            for entry in metadata.constraintVerdicts {
                guard let target = resolve(entry.constraint, kinds: [.constraint], site: site) else { continue }
                verdicts.append(Verdict(tool: index, constraint: target, verdict: entry.verdict, note: entry.note))
                add(index, to: target)
            }
        }
        backlinks = elsewhere
        // Sized up front: grown by doubling, 100,000 URLs were hashed again at every doubling.
        backlinks.reserveCapacity(elsewhere.count + incoming.count { !$0.isEmpty })
        for (target, sources) in incoming.enumerated() where !sources.isEmpty {
            backlinks[pages[target].page.url] = sources
        }
        verdictsByTool = Dictionary(grouping: verdicts, by: \.tool)
        verdictsByConstraint = Dictionary(grouping: verdicts, by: \.constraint)
    }

    /// For `updating`: `backlinks`' setter is private to this file.
    mutating func setBacklinks(_ sources: [Int]?, for url: String) { backlinks[url] = sources }

    /// A slug from front matter, as a page index (the first page at the target's URL); errors
    /// name the place it was written.
    private mutating func resolve(_ slug: Located<String>, kinds: [PageKind]?, site: Site) -> Int? {
        // By index: a page's object and its URL's hash, per relation of every page, were most
        // of the Link stage at 100,000 pages.
        let candidates = site.vocabulary.pages(slug: slug.value).filter { kinds?.contains(site.pages[$0].kind) ?? true }
        if candidates.count == 1 { return site.firstIndex(atURLOf: candidates[0]) }
        let what = kinds?.map { $0.label.lowercased() }.joined(separator: " or ") ?? "page"
        if candidates.isEmpty {
            let pool = site.pages.filter { kinds?.contains($0.kind) ?? true }.map(\.slug)
            diagnostics.append(
                .error(
                    .unknownRelation, at: slug.location, "no \(what) has the slug '\(slug.value)'",
                    hint: Suggestions.closest(to: slug.value, among: pool).map { "did you mean '\($0)'?" }
                        ?? "a slug is the file name without .md"))
        } else {
            diagnostics.append(
                .error(
                    .unknownRelation, at: slug.location,
                    "'\(slug.value)' names several pages: \(candidates.map { site.pages[$0].source.displayPath }.joined(separator: ", "))",
                    hint: "rename one of the files so slugs are unique"))
        }
        return nil
    }
}
