/// A rename in `serve`: an edit that gives pages new names (a title, aliases) or relations but
/// keeps every page at its place, under the same config and assets. Other pages' markdown can
/// change only where a changed name can be written, so rather than the whole site, `serve`
/// parses again the pages that linked the renamed ones and those whose words (`WordBloom`) can
/// hold an old or new name; the graph is made again (it is cheap) and the outputs are written
/// as after a title edit.
extension IncrementalBuilder {
    /// The site of this build: last time's while every name holds, last time's patched after a
    /// rename under the same config and assets, or else indexed again.
    func makeSite(
        _ config: SiteConfig, _ pages: [Page], assets: [AssetFile], changed: [Page], sameNames: Bool, sameBase: Bool
    ) -> Site {
        if !sameNames, sameBase, let previousSite,
            let site = Site(renaming: previousSite, pages: pages, changed: changed)
        {
            return site
        }
        if !sameNames { sitesIndexed += 1 }
        return Site(
            config: config, pages: pages, assets: assets, sameNamesAs: sameNames ? previousSite : nil, changed: changed)
    }

    /// The pages whose names or relations changed, when the site is otherwise the last one:
    /// the same files at the same URLs, in the same order. Nil when it is not such an edit.
    static func renamedPages(from prior: Site?, to site: Site, built: [BuiltPage]) -> [Int]? {
        guard let prior, prior.pages.count == site.pages.count, built.count == site.pages.count else { return nil }
        var renamed: [Int] = []
        for index in site.pages.indices {
            let (old, new) = (prior.pages[index], site.pages[index])
            if old === new { continue }
            guard old.source.relativePath == new.source.relativePath, old.url == new.url, old.kind == new.kind,
                old.slug == new.slug, old.isFolderIndex == new.isFolderIndex
            else { return nil }
            if SourceRecord.nameHash(of: old) != SourceRecord.nameHash(of: new) { renamed.append(index) }
        }
        return renamed
    }

    /// The pages whose markdown a rename can change: the pages edited, those that linked a
    /// renamed page (by the last graph), and those whose text can hold one of its names that
    /// changed (old or new), as an auto-link or a wikilink.
    static func pagesToReparse(
        renamed: [Int], edited: [Int], prior: Site, site: Site, previous: [BuiltPage], graph: LinkGraph
    ) -> [Int] {
        var reparse = Set(edited)
        var names: Set<String> = []
        for index in renamed {
            let slug = WordBloom.Name(prior.pages[index].slug)
            for source in graph.backlinks[prior.pages[index].url] ?? []
            where Self.mayShowTitle(of: index, slug: slug, previous[source].markdown) {
                reparse.insert(source)
            }
            let old = Set(Vocabulary.names(of: prior.pages[index]))
            let new = Set(Vocabulary.names(of: site.pages[index]))
            names.formUnion(old.symmetricDifference(new))
        }
        if !names.isEmpty {
            let names = names.map(WordBloom.Name.init)
            let candidates = site.pages.indices.filter { !reparse.contains($0) }
            let mentioning = parallelMap(candidates) { index in
                previous[index].markdown.mentions.map { words in names.contains { words.mayContain($0) } } ?? true
            }
            for (index, mentions) in zip(candidates, mentioning) where mentions { reparse.insert(index) }
        }
        return reparse.sorted()
    }

    /// The markdown of the pages at `indices`. A page of `previous` (the same site order) that
    /// is parsed again only for other pages' names, not `edited`, has the same words as last
    /// time: they are kept rather than read again.
    static func markdown(
        of indices: [Int], site: Site, stage: MarkdownStage, keepingWords previous: [BuiltPage], edited: Set<Int>
    ) -> [RenderedMarkdown] {
        var quiet = stage
        quiet.recordsMentions = false
        let withoutWords = quiet
        return parallelMap(indices) { index in
            guard index < previous.count, !edited.contains(index), let words = previous[index].markdown.mentions else {
                return stage.render(site.pages[index], in: site)
            }
            var markdown = withoutWords.render(site.pages[index], in: site)
            markdown.mentions = words
            return markdown
        }
    }

    /// Whether a page's markdown can show the title of the page at `target`: through a wikilink
    /// to it written as its slug, whose label is that title unless written. Other links show
    /// their own text, and relations show nothing in the markdown. A page whose link list is
    /// unknown (taken from a `crosswalk build`'s cache) may, when its words can hold the slug.
    static func mayShowTitle(of target: Int, slug: WordBloom.Name, _ markdown: RenderedMarkdown) -> Bool {
        guard !markdown.links.isEmpty || markdown.linkTargets.isEmpty else {
            return markdown.mentions?.mayContain(slug) ?? true
        }
        return markdown.links.contains { $0.kind == .wikilink && $0.target == target }
    }

    /// `serve`'s Markdown stage: it records each page's words, for the next rename.
    static func stage(_ config: SiteConfig) -> MarkdownStage {
        var stage = MarkdownStage(config: config)
        stage.recordsMentions = true
        return stage
    }

    /// Records the words of the last build's pages that lack them, for the next rename, and
    /// returns at once when none do. Pages taken from a `crosswalk build`'s cache (at `serve`'s
    /// start) have none: their words are read once, by a parse of their file, instead of a
    /// rename rebuilding the whole site. `serve` calls this once its first build is out, so
    /// that the first rename does not wait for it (about 0.4 s at 10,000 pages).
    public func recordWords() {
        lock.withLock {
            guard let config = previousSite?.config else { return }
            recordWords(config)
        }
    }

    /// As `recordWords()`, under the lock, with the config of the build at hand.
    func recordWords(_ config: SiteConfig) {
        let pages = lastBuilt.pages
        let missing = pages.indices.filter { pages[$0].markdown.mentions == nil }
        guard !missing.isEmpty else { return }
        let stage = Self.stage(config)
        let recorded = parallelMap(missing) { index in
            var markdown = pages[index].markdown
            markdown.mentions = stage.mentions(of: pages[index].page)
            return BuiltPage(page: pages[index].page, markdown: markdown, searchWords: pages[index].searchWords)
        }
        for (index, page) in zip(missing, recorded) { lastBuilt.pages[index] = page }
        wordsRead += missing.count
    }

    /// True when the renamed pages kept their relations and verdicts, written where they were:
    /// relations resolve by file name, which a rename keeps, so the link graph then changes
    /// only where links did and is patched (`LinkGraph.updating`) instead of made again.
    static func keepRelations(_ renamed: [Int], from prior: Site?, to site: Site) -> Bool {
        guard let prior else { return false }
        return renamed.allSatisfy { index in
            let (old, new) = (prior.pages[index].metadata, site.pages[index].metadata)
            return old.related == new.related && old.constraintVerdicts == new.constraintVerdicts
        }
    }

    /// The pages whose backlinks differ between two graphs of the same pages.
    static func backlinksChanged(from old: LinkGraph, to new: LinkGraph, pages: [BuiltPage]) -> [Int] {
        pages.indices.filter { index in
            let url = pages[index].page.url
            return old.backlinks[url] != new.backlinks[url]
        }
    }
}
