import Foundation

/// The Render stage: fills the theme's templates for every page, the home page, one index
/// page per section, the glossary A–Z, the crosswalk matrix and the 404 page, and writes the
/// search index and (with a base URL) the sitemap.
// A class: every render task shares one renderer, and copying a struct this wide per page
// showed up in profiles.
public final class SiteRenderer: Sendable {
    let site: Site
    let pages: [BuiltPage]
    let graph: LinkGraph
    let templates: TemplateSet
    /// Set by incremental builds to reuse search entries of unchanged pages.
    let searchCache: SearchEntryCache?
    // Site-wide facts every page needs, worked out once: asking `Site` per page costs a scan
    // of every page, which made rendering quadratic in the page count.
    /// Section kinds in navigation order.
    let sections: [PageKind]
    /// The site has tools and constraints, so a matrix.
    let hasMatrix: Bool
    /// URLs of generated pages; a content `index.md` there becomes their introduction.
    let generatedURLs: Set<String>
    /// Verdicts by tool and by constraint (built-page indices).
    let verdictsByTool: [Int: [LinkGraph.Verdict]]
    let verdictsByConstraint: [Int: [LinkGraph.Verdict]]
    /// Each page's place in title order: comparing titles the way people sort them is slow, so
    /// it happens once here, not in every listing of every page.
    let titleRank: [Int]
    /// Each page's kind, and whether it is a folder index, by index: read for every backlink
    /// and neighbour of every page, where going through the pages' objects retained two each.
    let kinds: [PageKind]
    let folderIndexes: [Bool]
    /// Each page's output path, and its title as pictures write it whole and cut, as bytes:
    /// written per neighbour of every page.
    let outputPaths: PathTable
    let graphTitles: PackedBytes
    let graphLabels: PackedBytes
    /// Page bodies set aside by the Markdown stage (see `BodySpool`); nil: they are in `pages`.
    let bodies: BodySpool?
    /// Listing entries already filled in, shared by all render tasks (and, in `serve`, kept
    /// between rebuilds).
    let listItems: ListItemCache
    /// The glossary A–Z's order, kept between rebuilds in `serve`.
    let glossaryOrder: TitleOrderCache?
    /// The theme draws listing entries with `partials/list-item`.
    let hasListItemPartial: Bool
    /// Folder URL → the pages directly inside it, made when first asked.
    private let pagesByFolder = MadeOnce<[String: [Int]]>()
    /// `partials/header` filled once per way back to the root and current section.
    let headers = SharedFragments()
    let sharedContexts = SharedContexts()
    /// The theme has `partials/header` to fill once and hand every page as `header_html`.
    let hasHeaderPartial: Bool
    /// Every name the theme looks up (`TemplateSet.namesLookedUp`); nil: any may be.
    private let namesLookedUp: Set<String>?

    /// The URL of the tools × constraints matrix.
    public static let matrixURL = "matrix/"

    public init(
        site: Site, pages: [BuiltPage], graph: LinkGraph, templates: TemplateSet, searchCache: SearchEntryCache? = nil,
        titleOrder: TitleOrderCache? = nil, bodies: BodySpool? = nil, listItems: ListItemCache? = nil,
        glossaryOrder: TitleOrderCache? = nil
    ) {
        self.listItems = listItems ?? ListItemCache()
        self.glossaryOrder = glossaryOrder
        self.site = site
        self.bodies = bodies
        self.searchCache = searchCache
        self.pages = pages
        self.graph = graph
        self.templates = templates
        // Built pages are the site's pages in the same order, so the site's indexes serve.
        precondition(pages.count == site.pages.count, "one built page per site page, in site order")
        self.sections = site.sections
        self.hasMatrix = site.count(of: .tool) > 0 && site.count(of: .constraint) > 0
        var generated = Set(sections.compactMap { $0.folder.map { $0 + "/" } })
        if hasMatrix { generated.insert(Self.matrixURL) }
        self.generatedURLs = generated
        self.verdictsByTool = graph.verdictsByTool
        self.verdictsByConstraint = graph.verdictsByConstraint
        self.hasListItemPartial = templates.names.contains(Self.listItemPartial)
        self.hasHeaderPartial = templates.names.contains(Self.headerPartial)
        self.namesLookedUp = templates.namesLookedUp
        // Made while the titles are ordered: one after another, a serial 10 ms at 10k pages.
        let paths = Background { PathTable(paths: pages.map(\.page.outputPath)) }
        let graphTexts = Background {
            (PackedBytes(pages.map(\.graphText.title)), PackedBytes(pages.map(\.graphText.label)))
        }
        let titles = pages.map(\.title)
        self.titleRank = titleOrder?.rank(of: titles) ?? Self.titleRank(of: titles)
        self.kinds = pages.map(\.page.kind)
        self.folderIndexes = pages.map(\.page.isFolderIndex)
        self.outputPaths = paths.value
        (self.graphTitles, self.graphLabels) = graphTexts.value
    }

    /// Everything to render: each task renders one item. Site-wide items come first: the
    /// matrix and the search index are the largest single tasks, and started last they left
    /// one core working alone at the end of the build.
    public enum Item: Sendable {
        case page(Int)
        case section(PageKind)
        case matrix
        case generatedHome
        /// `404.html`, when the theme has a `not-found` template.
        case notFound
        /// `search-index.js`, read by the theme's search box.
        case searchIndex
        /// `card-data.js`, the terms' hover-card text, when the site has terms.
        case cardData
        /// `sitemap.xml`, when the site has a base URL.
        case sitemap
    }

    public var items: [Item] {
        let generated = generatedURLs
        var items: [Item] = hasMatrix ? [.matrix, .searchIndex] : [.searchIndex]
        if !site.termPages.isEmpty { items.append(.cardData) }
        if site.config.baseURL != nil { items.append(.sitemap) }
        items += sections.map { .section($0) }
        if site.index(url: "") == nil { items.append(.generatedHome) }
        if templates.names.contains(Self.notFoundTemplate) { items.append(.notFound) }
        // By index: hashing every page's URL was 2.5 ms at 10k pages.
        let atGenerated = Set(generated.compactMap { site.index(url: $0) })
        items += pages.indices.compactMap { atGenerated.contains(site.firstIndex(atURLOf: $0)) ? nil : .page($0) }
        return items
    }

    public func render(_ item: Item) -> OutputFile {
        switch item {
        case .page(let index): renderPage(index)
        case .section(let kind): renderSection(kind)
        case .matrix: renderMatrix()
        case .generatedHome: renderGeneratedHome()
        case .notFound: renderNotFound()
        case .searchIndex: OutputFile(path: SearchIndex.fileName, bytes: searchIndexScript())
        case .cardData: OutputFile(path: CardData.fileName, contents: cardDataScript())
        case .sitemap: OutputFile(path: Sitemap.fileName, contents: sitemap())
        }
    }

    private func renderPage(_ index: Int) -> OutputFile {
        let built = pages[index]
        let url = built.page.url
        var page = pageFields(built)
        page["body"] = bodyHTML(index)
        // The lists and pictures no template names are not made: a theme without the
        // neighbour graph does not pay for it (nor does its outline link to it).
        if draws("breadcrumbs") { page["breadcrumbs"] = breadcrumbs(for: url, title: built.title) }
        if draws("children") { page["children"] = built.page.isFolderIndex && !url.isEmpty ? children(of: url) : [] }
        if draws("backlinks") { page["backlinks"] = backlinkGroups(for: index) }
        if draws("neighbours"), let neighbours = neighbourGraph(for: index) { page["neighbours"] = neighbours }
        for entry in kindFields(for: index).entries { page[entry.name] = entry.value }
        if draws("toc") { page["toc"] = tableOfContents(index, fields: page) }
        page.removeEmptyText()
        var context = baseContext(url: url)
        context["page"] = page
        if draws("sections") { context["sections"] = url.isEmpty ? sectionSummaries(from: url) : [] }
        let template = url.isEmpty && templates.names.contains("home") ? "home" : templates.name(for: built.page.kind)
        return templates.renderFile(context, template: template, path: built.page.outputPath)
    }

    /// Some template looks up `name` (or which names they look up cannot be known).
    func draws(_ name: String) -> Bool { namesLookedUp?.contains(name) ?? true }

    private func renderGeneratedHome() -> OutputFile {
        var context = baseContext(url: "")
        let page: TemplateFields = ["title": site.config.title, "kind": "home", "children": children(of: "")]
        context["page"] = page.adding(missingFrom: Self.noLists)
        context["sections"] = sectionSummaries(from: "")
        let template = templates.names.contains("home") ? "home" : "page"
        return templates.renderFile(context, template: template, path: "index.html")
    }

    // MARK: shared pieces

    /// Fields every template shares: the site, the way back to the root, the navigation by
    /// kind. Links are relative so the site works from `file://`; `absoluteRoot` (for the 404
    /// page, served at any depth) makes them start from the site's root path instead.
    func baseContext(url: String, absoluteRoot: String? = nil) -> TemplateFields {
        let root = absoluteRoot ?? LinkResolver.rootPath(from: url)
        // The navigation entry marked current: the section the page is in, or the matrix.
        let current =
            absoluteRoot != nil
            ? -1
            : sections.firstIndex { Self.isBelow(url, folder: $0.folder ?? "") }
                ?? (hasMatrix && url == Self.matrixURL ? sections.count : -1)
        // The links point at a section's page, one folder down from the root: they differ only
        // by the way back to the root and whether the page is in that folder. Pages share a
        // handful of these contexts, made once.
        let folder = url.prefix { $0 != "/" }
        let key = "\(absoluteRoot == nil ? "r" : "a")\(current) \(root) \(folder)"
        var context = sharedContexts.value(key) {
            sharedContext(url: url, root: root, current: current, absolute: absoluteRoot != nil, key: key)
        }
        if let base = Sitemap.normalizedBase(site.config.baseURL), absoluteRoot == nil {
            context["canonical"] = base + url
        }
        return context
    }

    private func sharedContext(url: String, root: String, current: Int, absolute: Bool, key: String) -> TemplateFields {
        let absoluteRoot = absolute ? root : nil
        func href(_ target: String) -> String {
            absoluteRoot.map { $0 + target } ?? LinkResolver.href(from: url, to: target)
        }
        var siteFields: TemplateFields = [
            "title": TemplateText(site.config.title), "language": TemplateText(site.config.language),
        ]
        if let base = site.config.baseURL { siteFields["base_url"] = TemplateText(base) }
        var nav: [TemplateFields] = sections.enumerated().map { index, kind in
            [
                "title": TemplateText(kind.sectionTitle), "kind": TemplateText(kind.rawValue),
                "href": TemplateText(href((kind.folder ?? "") + "/index.html")), "current": index == current,
            ]
        }
        if hasMatrix {
            nav.append([
                "title": "Matrix", "kind": "matrix", "href": href(Self.matrixURL + "index.html"),
                "current": current == sections.count,
            ])
        }
        var context: TemplateFields = [
            "site": siteFields, "root": TemplateText(root), "home_href": TemplateText(root + "index.html"), "nav": nav,
        ]
        // Raw HTML may carry its own scripts and styles; only a site without it gets the policy.
        if !site.config.unsafeHTML { context["csp"] = Self.contentSecurityPolicy }
        if hasHeaderPartial {
            // These fields are all the header sees: it is filled once per shared context.
            let fields = context
            context["header_html"] = headers.html(key) { templates.render(fields, template: Self.headerPartial) }
        }
        return context
    }

    /// Nothing leaves the site, and no inline script or style runs.
    static let contentSecurityPolicy =
        "default-src 'self'; script-src 'self'; style-src 'self'; img-src 'self' data:; "
        + "object-src 'none'; base-uri 'none'; form-action 'self'"

    func pageFields(_ built: BuiltPage) -> TemplateFields {
        let meta = TemplateFields(uniqueNames: built.page.frontMatter.lazy.map { ($0.key, $0.value.templateValue) })
        return [
            "title": TemplateText(built.title), "summary": TemplateText(built.summary ?? ""),
            "kind": TemplateText(built.page.kind.rawValue), "kind_label": TemplateText(built.page.kind.label),
            "url": TemplateText(built.page.url), "source": TemplateText(built.page.source.displayPath), "meta": meta,
        ]
    }

    /// Home, then each enclosing folder (linked when it has a page), then the page itself.
    func breadcrumbs(for url: String, title: String) -> [TemplateFields] {
        guard !url.isEmpty else { return [] }
        var crumbs: [TemplateFields] = [
            ["title": TemplateText("Home"), "href": TemplateText(LinkResolver.href(from: url, to: "index.html"))]
        ]
        for (folder, name) in ancestorFolders(url) {
            let folderTitle = self.title(ofURL: folder)
            var crumb: TemplateFields = ["title": TemplateText(folderTitle ?? String(name))]
            if folderTitle != nil {
                crumb["href"] = TemplateText(LinkResolver.href(from: url, to: folder + "index.html"))
            }
            crumbs.append(crumb)
        }
        crumbs.append(["title": TemplateText(title), "current": true])
        return crumbs
    }

    /// The rendered markdown of page `index`, for a template: bytes read back from the spool
    /// (`TemplateHTML`), or the text kept in memory. Empty, it is an empty `String`, which
    /// `withoutEmptyText` drops as it always did.
    func bodyHTML(_ index: Int) -> Any {
        guard let bytes = bodies?.load(index) else { return pages[index].markdown.html }
        return bytes.isEmpty ? "" : TemplateHTML(bytes)
    }

    /// The title of the page or section published at a folder URL, if any.
    func title(ofURL url: String) -> String? {
        if let index = site.index(url: url) { return pages[index].title }
        if url == Self.matrixURL && hasMatrix { return "Crosswalk matrix" }
        return sections.first { ($0.folder ?? "") + "/" == url }?.sectionTitle
    }

    /// A link to a built page, for listings, with its kind and summary.
    func listItem(_ index: Int, from url: String) -> TemplateFields {
        // Field by field: `let built = pages[index]` copied the whole page for every item.
        var item: TemplateFields = [
            "title": pages[index].title, "kind": pages[index].page.kind.rawValue,
            "kind_label": pages[index].page.kind.label,
            "href": LinkResolver.href(from: url, to: pages[index].page.outputPath),
        ]
        if let summary = pages[index].summary, !summary.isEmpty { item["summary"] = summary }
        return item
    }

    /// swift-mustache renders `{{#x}}` for an empty string, so fields never hold one: an empty
    /// value is left out instead.
    static func withoutEmptyText(_ fields: TemplateFields) -> TemplateFields {
        var kept = fields
        kept.removeEmptyText()
        return kept
    }

    /// `{{^empty(x)}}` renders when `x` is missing, so pages the layout draws without these
    /// lists still carry them, empty.
    static var noLists: TemplateFields {
        ["toc": [Any](), "tags": [Any](), "backlinks": [Any](), "children": [Any](), "breadcrumbs": [Any]()]
    }

    func sortedByTitle(_ indices: [Int]) -> [Int] {
        indices.sorted { titleRank[$0] < titleRank[$1] }
    }

    /// Pages directly inside the folder at `url`, sorted by title.
    private func children(of url: String) -> [TemplateFields] {
        sortedByTitle(children(ofFolder: url)).map { listItem($0, from: url) }
    }

    /// The indices of the pages directly inside the folder at `url`. From an index of every
    /// folder's pages, made once: a scan of all pages per folder page was quadratic.
    func children(ofFolder url: String) -> [Int] {
        pagesByFolder.value {
            var byFolder: [String: [Int]] = [:]
            for index in pages.indices where pages[index].page.kind == .page && !pages[index].page.url.isEmpty {
                byFolder[Self.parentFolder(of: pages[index].page.url), default: []].append(index)
            }
            return byFolder
        }[url] ?? []
    }

    /// "Referenced by": the pages linking here, grouped by kind in navigation order.
    /// At most this many pages per kind under "Referenced by": a term every page mentions
    /// would otherwise list thousands (the rest are counted, and search finds them).
    static let backlinksPerKind = 50

    private func backlinkGroups(for index: Int) -> [Any] {
        let url = pages[index].page.url
        let sources = graph.backlinks[url] ?? []
        let root = LinkResolver.rootPath(from: url)
        // One pass: each kind's count and its first pages by title. Filtering and sorting the
        // thousands of pages linking a popular term, once per kind, was a visible cost.
        // Sections in order, then plain pages: `PageKind.allCases` order.
        let kinds = PageKind.allCases
        let limit = Self.backlinksPerKind
        var counts = [Int](repeating: 0, count: kinds.count)
        var firsts = [[Int]](repeating: [], count: kinds.count)
        for source in sources {
            let slot = self.kinds[source].order
            counts[slot] += 1
            let rank = titleRank[source]
            if firsts[slot].count == limit, let last = firsts[slot].last, rank > titleRank[last] { continue }
            firsts[slot].insert(source, at: firsts[slot].partitioningIndex { titleRank[$0] > rank })
            if firsts[slot].count > limit { firsts[slot].removeLast() }
        }
        // Every group's filled entries at once: one lock for the page's whole listing.
        let entries = sharedListItemBytes(firsts.flatMap { $0 }, root: root)
        var offset = 0
        return kinds.indices.compactMap { slot -> Any? in
            guard counts[slot] > 0 else { return nil }
            let (kind, shown) = (kinds[slot], firsts[slot])
            defer { offset += shown.count }
            var group: TemplateFields = ["kind": TemplateText(kind.rawValue), "title": TemplateText(kind.sectionTitle)]
            if counts[slot] > shown.count { group["more"] = counts[slot] - shown.count }
            guard hasListItemPartial else { return group.adding(missingFrom: ["items": items(shown, root)]) }
            // The filled entries; their fields only for a theme that asks for `items`.
            // As bytes, the entries copied one after another: `joined()` of the strings cost
            // about three instructions a byte.
            var html = HTMLBytes(capacity: 256 * shown.count)
            for (position, page) in shown.enumerated() {
                if let entries {
                    html.append(entries[offset + position])
                } else if let filled = sharedListItemHTML(page, root: root) {
                    html.raw(filled)
                }
            }
            group["items_html"] = TemplateHTML(html.bytes)
            return LazyFields(group, lazy: ["items": { self.items(shown, root) }])
        }
    }

    private func items(_ shown: [Int], _ root: String) -> [ListItem] {
        shown.map { sharedListItem($0, root: root) }
    }

    func sectionSummaries(from url: String) -> [TemplateFields] {
        var summaries: [TemplateFields] = sections.map { kind in
            let folder = (kind.folder ?? "") + "/"
            return [
                "title": kind.sectionTitle, "count": site.count(of: kind),
                "href": LinkResolver.href(from: url, to: folder + "index.html"),
            ]
        }
        if hasMatrix {
            summaries.append([
                "title": "Crosswalk matrix", "count": graph.verdicts.count,
                "href": LinkResolver.href(from: url, to: Self.matrixURL + "index.html"),
            ])
        }
        return summaries
    }
}
