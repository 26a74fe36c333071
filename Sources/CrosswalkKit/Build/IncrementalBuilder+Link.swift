extension IncrementalBuilder {
    /// The link graph and anchor checks after an edit that changed some page's links or
    /// headings: patched where those point (`patch`, the site key unchanged) or made again.
    /// Returns the pages whose backlinks changed, for a patch or a rename (`renamedFrom`: the
    /// graph before it).
    func updateLinks(
        site: Site, built: [BuiltPage], previous: [BuiltPage], changedLinks: [Int], patch: Bool,
        renamedFrom lastGraph: LinkGraph?
    ) -> [Int] {
        if patch, let last = linkState {
            // Check again the anchors of the changed pages and of links to a page whose
            // headings changed.
            let (graph, touched) = last.graph.updating(changedLinks, from: previous, to: built)
            var recheck = Set(changedLinks)
            for index in changedLinks where previous[index].markdown.headings != built[index].markdown.headings {
                recheck.formUnion(graph.backlinks[built[index].page.url] ?? [])
            }
            var anchors = last.anchors
            let again = LinkChecker.checkEach(built, only: Array(recheck))
            for index in recheck { anchors[index] = again[index] }
            // After a rename the graph is patched under the new site key.
            linkState = (siteKey ?? last.siteKey, graph, anchors)
            return touched
        }
        guard let siteKey else { return [] }
        let graph = LinkGraph(site: site, pages: built)
        graphsMade += 1
        linkState = (siteKey, graph, LinkChecker.checkEach(built))
        lintState = nil
        guard let lastGraph else { return [] }
        return Self.backlinksChanged(from: lastGraph, to: graph, pages: built)
    }
}
