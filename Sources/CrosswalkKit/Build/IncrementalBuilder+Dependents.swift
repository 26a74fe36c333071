/// Which other pages show a page's text: what `serve` builds again when an edit changes a
/// title, a summary or a term's meanings but no name, link or relation.
extension IncrementalBuilder {
    /// The pages that show the title or summary of a page in `retitled`: every page showing its
    /// summary (`pagesShowingSummary`), and besides, the pages pointing to it (neighbour graph,
    /// wikilink labels, related terms, verdict tables) and the pages below its URL
    /// (breadcrumbs). Generated pages are not included.
    static func pagesShowing(_ retitled: [Int], pages: [BuiltPage], graph: LinkGraph, site: Site) -> Set<Int> {
        var showing = pagesShowingSummary(retitled, pages: pages, graph: graph, site: site)
        for index in retitled {
            let url = pages[index].page.url
            showing.formUnion(graph.backlinks[url] ?? [])
            if !url.isEmpty { showing.formUnion(pages.indices.filter { pages[$0].page.url.hasPrefix(url) }) }
        }
        return showing
    }

    /// The pages that show the summary of a page in `resummarized` (or a tool's verdict notes):
    /// the page itself, the pages listing it under "Referenced by" (those it links to or relates
    /// to), the pages listing it as related, the other side of its verdicts and its folder page.
    /// Unlike a title, a summary is not shown by the pages linking to it or below it.
    static func pagesShowingSummary(_ resummarized: [Int], pages: [BuiltPage], graph: LinkGraph, site: Site)
        -> Set<Int>
    {
        guard !resummarized.isEmpty else { return [] }
        var showing = Set<Int>()
        let wanted = Set(resummarized)
        for (page, related) in graph.related where !wanted.isDisjoint(with: related) { showing.insert(page) }
        for index in resummarized {
            let url = pages[index].page.url
            showing.insert(index)
            showing.formUnion(pages[index].markdown.linkTargets)
            showing.formUnion(graph.related[index] ?? [])
            showing.formUnion((graph.verdictsByTool[index] ?? []).map(\.constraint))
            showing.formUnion((graph.verdictsByConstraint[index] ?? []).map(\.tool))
            if !url.isEmpty, let parent = site.index(url: SiteRenderer.parentFolder(of: url)) { showing.insert(parent) }
        }
        return showing
    }

    /// Whether a generated page shows the title or summary (or a term's meanings) of a page in
    /// `retitled`: a section page lists its kind's pages, the matrix its tools and constraints,
    /// the generated home the pages at the top; each shows its introduction too; the search
    /// index shows every page, the hover-card data every term.
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
            case .cardData: return page.kind == .term
            case .page, .notFound, .sitemap: return false
            }
        }
    }

    /// The pages whose title, summary or IT/OT meanings differ from `before` (the same pages
    /// in the same order): listings and the glossary show them.
    static func retitled(from before: [BuiltPage], to built: [BuiltPage]) -> [Int] {
        built.indices.filter { index in
            guard before[index] !== built[index] else { return false }
            let (old, new) = (before[index], built[index])
            return old.title != new.title || old.summary != new.summary
                || old.page.metadata.it != new.page.metadata.it || old.page.metadata.ot != new.page.metadata.ot
        }
    }

    /// The pages whose title, summary or meanings other pages show differently now: a new
    /// title shows wherever the page is named; a new summary only where it is listed; a term's
    /// new meanings only on its own page (and the glossary and hover cards). A renamed page
    /// with its old title (new aliases, relations or verdict notes) counts as a new summary:
    /// its own page and the other side of its verdicts and relations; the glossary and the
    /// search index follow renames on their own.
    static func shownChanges(renamed: [Int], retitled: [Int], before: [BuiltPage]?, built: [BuiltPage])
        -> (titles: [Int], summaries: [Int], meanings: [Int])
    {
        var (titles, summaries, meanings): ([Int], [Int], [Int]) = ([], [], [])
        for index in renamed {
            if before?[index].title == built[index].title { summaries.append(index) } else { titles.append(index) }
        }
        for index in retitled {
            if before?[index].title != built[index].title {
                titles.append(index)
            } else if before?[index].summary != built[index].summary {
                summaries.append(index)
            } else {
                meanings.append(index)
            }
        }
        return (titles, summaries, meanings)
    }
}
