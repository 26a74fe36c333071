/// The Index stage: every page and asset, with the lookups later stages need. Built once per
/// build; immutable and shared by every task afterwards.
///
/// A class: every page's link resolver, wikilinks and renderer hold the site, and copying a
/// struct of twenty-odd references for each was a retain and a release of every one.
public final class Site: Sendable {
    public let config: SiteConfig
    /// Pages sorted by URL: the home page first, then folder by folder.
    public let pages: [Page]
    public let assets: [AssetFile]
    let sourcePathTable: SourcePathTable
    private let indexByURL: [String: Int]
    private let assetPaths: Set<String>
    private let indexBySlug: [String: Int]
    private let indicesByKind: [PageKind: [Int]]
    /// Names of every page, for wikilinks and relations.
    public let vocabulary: Vocabulary
    /// Indices into `pages` of the glossary terms, in the matcher's term order.
    public let termPages: [Int]
    /// Finds term names in prose; built once per site.
    public let matcher: GlossaryMatcher
    /// Per term (matcher order): its auto-links' target and the escaped attributes after
    /// `href`, made from its URL and file name alone.
    let termAnchors: TermAnchors
    private let termIndexByURL: [String: Int]
    /// The same by page index, -1 for a page that is no term: asked for every link of every
    /// page, where hashing the URL cost more than the rest.
    private let termIndexByPage: [Int32]
    /// Per page: no earlier page has its URL (`firstIndex(atURLOf:)`).
    private let isFirstAtURL: [Bool]
    /// Section kinds that have at least one page or an index file, in navigation order.
    public let sections: [PageKind]
    /// Problems found while indexing: two pages at one URL, an alias claimed twice.
    /// Stored: `serve` asks on every rebuild, and a site kept from the last one has the same.
    public let diagnostics: [Diagnostic]

    /// Builds the index; two pages at one URL is an error naming both files. With `previous`,
    /// whose pages the caller knows have the same paths and front matter (`serve` after a body
    /// edit), everything but the pages is taken from it: order, names, URLs and the matcher
    /// depend on nothing else, and making them again was a tenth of such a rebuild.
    /// `changed`, with `previous`: the only pages that are new values; every other page is
    /// the very value `previous` holds, so only these need placing. "Same names" allows new
    /// summaries and IT/OT meanings (see `SourceRecord.nameHash(of:)`).
    public convenience init(
        config: SiteConfig, pages: [Page], assets: [AssetFile], sameNamesAs previous: Site? = nil,
        changed: [Page]? = nil
    ) {
        // Same paths and front matter: every index, name and URL is as before; only the page
        // values (their bodies) are new, each taking its old place.
        if let previous, let reordered = previous.inSameOrder(pages, changed: changed) {
            self.init(previous, pages: reordered)
        } else {
            self.init(building: config, pages: pages, assets: assets)
        }
    }

    private init(building config: SiteConfig, pages: [Page], assets: [AssetFile]) {
        self.config = config
        self.assets = assets.sorted { $0.relativePath < $1.relativePath }
        let sorted = pages.sorted { ($0.url, $0.source.relativePath) < ($1.url, $1.source.relativePath) }
        self.pages = sorted
        let terms = sorted.indices.filter { sorted[$0].kind == .term && !sorted[$0].isFolderIndex }
        // The lookup tables, the vocabulary and the matcher each read only the pages: made side
        // by side, the last two on threads of their own (the matcher maps on every core itself).
        let names = terms.map { Self.matcherNames(of: sorted[$0]) }
        let makingMatcher = Background { GlossaryMatcher(names: names) }
        let makingVocabulary = Background { Vocabulary(pages: sorted) }
        let lookups = Lookups(sorted)
        let vocabulary = makingVocabulary.value
        self.vocabulary = vocabulary
        matcher = makingMatcher.value
        sourcePathTable = lookups.sourcePathTable
        (indexByURL, isFirstAtURL) = (lookups.indexByURL, lookups.isFirstAtURL)
        (indexBySlug, indicesByKind) = (lookups.indexBySlug, lookups.indicesByKind)
        assetPaths = Set(assets.map(\.relativePath))
        // Computed once: every rendered page asks for the sections (navigation, breadcrumbs).
        sections = PageKind.sections.filter { kind in
            lookups.indicesByKind[kind] != nil || kind.folder.map { lookups.indexByURL[$0 + "/"] != nil } == true
        }
        termPages = terms
        var termIndexByURL: [String: Int] = [:]
        termIndexByURL.reserveCapacity(terms.count)
        for (term, index) in terms.enumerated() { termIndexByURL[sorted[index].url] = term }
        self.termIndexByURL = termIndexByURL
        var termIndexByPage = [Int32](repeating: -1, count: sorted.count)
        for (term, index) in terms.enumerated() { termIndexByPage[index] = Int32(term) }
        self.termIndexByPage = termIndexByPage
        termAnchors = TermAnchors(
            paths: terms.map { sorted[$0].outputPath }, attributes: terms.map { Self.linkAttributes(for: sorted[$0]) })
        diagnostics =
            Self.duplicateURLDiagnostics(sorted, isFirstAtURL: lookups.isFirstAtURL, indexByURL: lookups.indexByURL)
            + vocabulary.diagnostics
    }

    /// `previous` with other page values (and, after a rename, other names): the rest is kept.
    private init(
        _ previous: Site, pages: [Page], vocabulary: Vocabulary? = nil, matcher: GlossaryMatcher? = nil
    ) {
        config = previous.config
        self.pages = pages
        assets = previous.assets
        sourcePathTable = previous.sourcePathTable
        indexByURL = previous.indexByURL
        assetPaths = previous.assetPaths
        indexBySlug = previous.indexBySlug
        indicesByKind = previous.indicesByKind
        self.vocabulary = vocabulary ?? previous.vocabulary
        termPages = previous.termPages
        self.matcher = matcher ?? previous.matcher
        termAnchors = previous.termAnchors
        termIndexByURL = previous.termIndexByURL
        termIndexByPage = previous.termIndexByPage
        isFirstAtURL = previous.isFirstAtURL
        sections = previous.sections
        diagnostics = previous.diagnostics
    }

    /// The tables that find a page by URL, slug, kind or source path.
    private struct Lookups: Sendable {
        var sourcePathTable: SourcePathTable
        var indexByURL: [String: Int] = [:]
        var isFirstAtURL: [Bool]
        var indexBySlug: [String: Int] = [:]
        var indicesByKind: [PageKind: [Int]] = [:]

        init(_ pages: [Page]) {
            sourcePathTable = SourcePathTable(paths: pages.map(\.source.relativePath))
            // Sized up front: grown by doubling, 100,000 keys were hashed again at every doubling.
            indexByURL.reserveCapacity(pages.count)
            indexBySlug.reserveCapacity(pages.count)
            isFirstAtURL = [Bool](repeating: false, count: pages.count)
            for (index, page) in pages.enumerated() {
                if indexByURL[page.url] == nil {
                    indexByURL[page.url] = index
                    isFirstAtURL[index] = true
                }
                if !page.isFolderIndex, indexBySlug[page.slug] == nil { indexBySlug[page.slug] = index }
                if !page.isFolderIndex { indicesByKind[page.kind, default: []].append(index) }
            }
        }
    }

    /// The site after an edit that kept every file at its URL but gave pages new titles or
    /// aliases (`serve` after a rename): `previous` patched, its order, URLs and indexes kept.
    /// Nil when a new site could differ in more than names (see `Vocabulary.renaming`); then
    /// the caller builds one. `changed` are the pages that are new values.
    convenience init?(renaming previous: Site, pages: [Page], changed: [Page]) {
        guard previous.diagnostics.isEmpty, let placed = previous.inSameOrder(pages, changed: changed) else {
            return nil
        }
        var changes: [(index: Int, old: Page, new: Page)] = []
        for page in changed {
            guard let index = previous.sourcePathTable.index(of: page.source.relativePath) else { return nil }
            let old = previous.pages[index]
            guard old.url == page.url, old.kind == page.kind else { return nil }
            changes.append((index, old, page))
        }
        guard let vocabulary = previous.vocabulary.renaming(changes, pages: placed) else { return nil }
        var renamedTerms: [Int: [String]] = [:]
        for change in changes where Self.matcherNames(of: change.old) != Self.matcherNames(of: change.new) {
            guard let term = previous.termIndexByURL[change.new.url] else { return nil }
            renamedTerms[term] = Self.matcherNames(of: change.new)
        }
        let matcher = renamedTerms.isEmpty ? nil : previous.matcher.replacing(renamedTerms)
        self.init(previous, pages: placed, vocabulary: vocabulary, matcher: matcher)
    }

    /// What auto-links find a term by: its title (or file name) and aliases.
    static func matcherNames(of page: Page) -> [String] {
        guard page.kind == .term, !page.isFolderIndex else { return [] }
        return [page.declaredTitle ?? page.slug] + page.metadata.aliases.map(\.value)
    }

    /// `pages` in this site's order, or nil when they are not the same files.
    private func inSameOrder(_ pages: [Page], changed: [Page]?) -> [Page]? {
        guard pages.count == self.pages.count else { return nil }
        var placed = self.pages
        for page in changed ?? pages {
            guard let index = sourcePathTable.index(of: page.source.relativePath) else { return nil }
            placed[index] = page
        }
        return placed
    }

    /// Pages that share a URL with an earlier page (`isFirstAtURL` false): only those pages'
    /// URLs are looked up: hashing every page's URL again cost half a
    /// million instructions per 1,000 pages, on one core while the other waited.
    private static func duplicateURLDiagnostics(
        _ pages: [Page], isFirstAtURL: [Bool], indexByURL: [String: Int]
    ) -> [Diagnostic] {
        var diagnostics: [Diagnostic] = []
        for (index, page) in pages.enumerated() where !isFirstAtURL[index] {
            guard let first = indexByURL[page.url], first != index else { continue }
            let other = pages[first].source.displayPath
            diagnostics.append(
                .error(
                    .duplicateURL, at: SourceLocation(file: page.source.displayPath),
                    "this file and \(other) would both be published at /\(page.url)",
                    hint:
                        "rename one of them; file names that differ only in case, spaces or accents map to the same URL"
                ))
        }
        return diagnostics
    }

    /// The matcher's index of the term published at `url`, if it is a term.
    public func termIndex(url: String) -> Int? { termIndexByURL[url] }

    /// The first page at the URL of page `index` (`index(url:)` of its URL): itself but when
    /// an earlier page has the same URL, which is an error.
    func firstIndex(atURLOf index: Int) -> Int {
        isFirstAtURL[index] ? index : indexByURL[pages[index].url] ?? index
    }

    /// The matcher's index of page `page`, if it is a term.
    func termIndex(page: Int) -> Int? {
        let term = termIndexByPage[page]
        return term < 0 ? nil : Int(term)
    }

    /// What a term's auto-links carry for the reader's hover card: which term it is. The
    /// card's text is in `card-data.js` (`CardData`), not in every link. No `title`: the card
    /// replaces the native tooltip.
    static func linkAttributes(for term: Page) -> String {
        " data-term=\"\(HTMLEscape.attribute(term.slug))\" data-card=\"\(HTMLEscape.attribute(term.url))\""
    }

    /// The page built from `content/<relativePath>`.
    public func page(sourcePath relativePath: String) -> Page? {
        sourcePathTable.index(of: relativePath).map { pages[$0] }
    }

    /// The index of the page built from `content/<relativePath>`.
    func index(sourcePath relativePath: String) -> Int? { sourcePathTable.index(of: relativePath) }

    /// Page `index` lent to `body` without retaining it (`withUnretained(at:_:)`).
    func withPage<Result>(_ index: Int, _ body: (Page) -> Result) -> Result { pages.withUnretained(at: index, body) }

    /// The index of the (first) page published at `url`.
    public func index(url: String) -> Int? { indexByURL[url] }

    /// The page published at `url` (a folder URL like `glossary/plc/`).
    public func page(url: String) -> Page? {
        indexByURL[url].map { pages[$0] }
    }

    /// The first page (in URL order) whose file is named `slug`; folder indexes excluded.
    public func page(slug: String) -> Page? {
        indexBySlug[slug].map { pages[$0] }
    }

    public func hasAsset(_ relativePath: String) -> Bool { assetPaths.contains(relativePath) }

    /// The pages of one kind in URL order, folder indexes excluded.
    public func pages(of kind: PageKind) -> [Page] {
        (indicesByKind[kind] ?? []).map { pages[$0] }
    }

    /// How many pages of `kind` there are (folder indexes excluded).
    public func count(of kind: PageKind) -> Int { indicesByKind[kind]?.count ?? 0 }

    /// Every source path, for did-you-mean suggestions.
    public var sourcePaths: [String] { pages.map(\.source.relativePath) }
}
