/// Which other pages show a page's text: what `serve` builds again when an edit changes a
/// title, a summary or a term's meanings but no name, link or relation.
extension IncrementalBuilder {
    /// The pages whose markdown carries the hover-card text (summary, IT and OT meanings) of a
    /// term among `fresh` that changed it: those linking to it, by last time's graph. Without
    /// that graph, every page.
    static func pagesCarryingCards(of fresh: [Int], previous: [BuiltPage], site: Site, graph: LinkGraph?) -> Set<Int> {
        let terms = fresh.filter { index in
            site.termIndex(url: site.pages[index].url) != nil
                && Site.linkAttributes(for: previous[index].page) != Site.linkAttributes(for: site.pages[index])
        }
        guard !terms.isEmpty else { return [] }
        guard let graph else { return Set(site.pages.indices) }
        return Set(terms.flatMap { graph.backlinks[site.pages[$0].url] ?? [] })
    }

    /// The pages that show the title or summary of a page in `retitled`: the page itself, the
    /// pages it points to ("Referenced by", neighbour graph), the pages pointing to it
    /// (neighbour graph, related terms, verdict tables), the folder page above it (its
    /// children) and the pages below its URL (breadcrumbs). Generated pages are not included.
    static func pagesShowing(_ retitled: [Int], pages: [BuiltPage], graph: LinkGraph, site: Site) -> Set<Int> {
        var showing = Set<Int>()
        for index in retitled {
            let url = pages[index].page.url
            showing.insert(index)
            showing.formUnion(pages[index].markdown.linkTargets)
            showing.formUnion(graph.related[index] ?? [])
            showing.formUnion((graph.verdictsByTool[index] ?? []).map(\.constraint))
            showing.formUnion(graph.backlinks[url] ?? [])
            if !url.isEmpty, let parent = site.index(url: SiteRenderer.parentFolder(of: url)) { showing.insert(parent) }
            if !url.isEmpty { showing.formUnion(pages.indices.filter { pages[$0].page.url.hasPrefix(url) }) }
        }
        return showing
    }

    /// Whether a generated page shows the title or summary (or a term's meanings) of a page in
    /// `retitled`: a section page lists its kind's pages, the matrix its tools and constraints,
    /// the generated home the pages at the top; each shows its introduction too; the search
    /// index shows every page.
    static func generatedShowing(_ item: SiteRenderer.Item, _ retitled: [Int], renderer: SiteRenderer) -> Bool {
        if let intro = renderer.introPage(of: item), retitled.contains(intro) { return true }
        return retitled.contains { index in
            let page = renderer.pages[index].page
            switch item {
            case .section(let kind): return page.kind == kind && !page.isFolderIndex
            case .matrix: return page.kind == .tool || page.kind == .constraint
            case .generatedHome:
                return page.kind == .page && !page.url.isEmpty && SiteRenderer.parentFolder(of: page.url).isEmpty
            case .searchIndex: return true
            case .page, .notFound, .sitemap: return false
            }
        }
    }
}
