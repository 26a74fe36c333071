/// `serve` after an edit that changed some pages' links but no front matter: the graph is
/// patched where those pages pointed, instead of made again from every page's links.
extension LinkGraph {
    /// The graph once the pages at `changed` (indices into both arrays, same site order) link
    /// as in `new` instead of `old`. Relations and verdicts come from front matter, which an
    /// edit that keeps the site key leaves alone (and a rename that keeps them, see
    /// `IncrementalBuilder.keepRelations`), so they stand. Also returns the pages whose
    /// backlinks changed: those pages show them.
    func updating(_ changed: [Int], from old: [BuiltPage], to new: [BuiltPage]) -> (graph: LinkGraph, touched: [Int]) {
        var graph = self
        var touched = Set<Int>()
        for source in changed {
            let before = targets(of: source, old[source])
            let after = targets(of: source, new[source])
            for target in before.pages.subtracting(after.pages) {
                graph.removeBacklink(from: source, to: new[target].page.url)
                touched.insert(target)
            }
            for target in after.pages.subtracting(before.pages) {
                graph.addBacklink(from: source, to: new[target].page.url)
                touched.insert(target)
            }
            for url in before.urls.subtracting(after.urls) { graph.removeBacklink(from: source, to: url) }
            for url in after.urls.subtracting(before.urls) { graph.addBacklink(from: source, to: url) }
        }
        return (graph, touched.sorted())
    }

    /// Where one page points, as `init` counts it: its links' target pages, its relations and
    /// the constraints it is mapped against (never itself), and the URLs no page has.
    private func targets(of index: Int, _ built: BuiltPage) -> (pages: Set<Int>, urls: Set<String>) {
        var pages = Set(built.markdown.linkTargets)
        pages.formUnion(related[index] ?? [])
        pages.formUnion((verdictsByTool[index] ?? []).map(\.constraint))
        pages.remove(index)
        var urls = Set(built.markdown.untargetedURLs)
        urls.remove(built.page.url)
        return (pages, urls)
    }

    /// Backlink lists stay sorted and without repeats, as `init` makes them.
    private mutating func addBacklink(from source: Int, to url: String) {
        var sources = backlinks[url] ?? []
        let position = sources.partitioningIndex { $0 >= source }
        guard position == sources.endIndex || sources[position] != source else { return }
        sources.insert(source, at: position)
        setBacklinks(sources, for: url)
    }

    private mutating func removeBacklink(from source: Int, to url: String) {
        guard var sources = backlinks[url] else { return }
        sources.removeAll { $0 == source }
        setBacklinks(sources.isEmpty ? nil : sources, for: url)
    }
}

extension Array {
    /// The first index whose element satisfies `belongs`, which must hold for a suffix.
    func partitioningIndex(where belongs: (Element) -> Bool) -> Int {
        var low = startIndex
        var high = endIndex
        while low < high {
            let middle = (low + high) / 2
            if belongs(self[middle]) { high = middle } else { low = middle + 1 }
        }
        return low
    }
}
