import Foundation

/// Rebuilds a site again and again in one process (`crosswalk serve`), redoing only what an
/// edit affects and writing only the files whose inputs changed.
///
/// What each output depends on is tracked with keys:
/// - a file's *source stamp* (size, times, inode): unchanged files are neither read nor parsed;
/// - the *site key*: what other pages are built from — every page's path, declared title,
///   aliases, relations and verdicts (`SourceRecord.nameHash(of:)`) — the assets and the
///   config. Markdown of one page depends on other pages only through these (hover-card text
///   is in `card-data.js`, not in links); while the key holds, a page's markdown is reused
///   unless its own file changed;
/// - the *listing key*: the site key plus every page's final title and summary (which may come
///   from the body), every term's meanings and the templates. Listings, navigation and
///   generated pages depend on it; when only some titles or summaries moved it, only the pages
///   showing them are written again (`pagesShowing`);
/// - per page: its source stamp and the pages linking to it (backlinks, neighbours).
/// An edit that changes names but keeps every page in place (a new title, alias, relation or
/// verdict) moves the site key but is followed too: see `IncrementalBuilder+Rename`.
/// Tests build the same edits incrementally and from nothing and compare every byte.
public final class IncrementalBuilder: @unchecked Sendable {
    public let options: BuildOptions
    public let fileSystem: FileSystem
    let lock = NSLock()
    /// Held while a page is rewritten in place; `serve` reads files under it.
    public let outputLock = OutputLock()

    /// Sources by their file's place in `lastScan`'s walk; nil until read.
    var sources: [SourceRecord?] = []
    /// The last build's pages, built, in its site's order, and the stamps of their files:
    /// while the site key holds, the same site order holds and they serve again.
    var lastBuilt: (pages: [BuiltPage], stamps: [String]) = ([], [])
    /// Each of those pages' URL and stamp hashed (`searchStamp`), remade with its stamp.
    var lastSearchStamps: [Int] = []
    var siteKey: UInt64?
    /// The site key without the pages: the config and the assets.
    private var baseKey: UInt64?
    /// Renames followed so far (marks the pages parsed again for them).
    private var renames = 0
    /// The last build's site, whose names and matcher serve again while `siteKey` holds.
    var previousSite: Site?
    /// The last build's files to write and their keys, and the listing key they were made under.
    private var lastOutputs: (listing: UInt64, items: [SiteRenderer.Item], keys: [(path: String, key: UInt64)])?
    /// The last listing key and what it was made from besides titles and summaries.
    private var lastListing: (siteKey: UInt64, templates: String, today: String, key: UInt64, built: [BuiltPage])?
    /// Full walks of `content/`, sites indexed and link graphs made from every page so far
    /// (tests check named edits need no walk, and renames patch the site and the graph).
    var walks = 0
    var sitesIndexed = 0
    /// Pages whose words were read for renames apart from a build (`recordWords`).
    var wordsRead = 0
    var graphsMade = 0
    /// The last full walk of `content/`: files, their stamps, each file's place by absolute
    /// path, and the folders with an `index.md`.
    var lastScan:
        (
            discovery: ContentLoader.Discovery, stamps: [String], positions: [String: Int],
            byRelativePath: [String: Int], indexFolders: Set<String>
        )?
    /// The last link graph and link diagnostics, and the site key they were made under.
    var linkState: (siteKey: UInt64, graph: LinkGraph, anchors: [[Diagnostic]])?
    /// Lint warnings per page (site order), made under `linkState`'s graph on `today`.
    var lintState: (today: String, perPage: [[Diagnostic]])?
    /// Output path → the key it was last written with.
    private var written: [String: UInt64] = [:]
    var assetStamps: [String: String] = [:]
    let searchCache = SearchEntryCache()
    private let titleOrder = TitleOrderCache()
    private let glossaryOrder = TitleOrderCache()
    /// Filled listing entries, valid while the site, the templates and the titles and
    /// summaries they show hold (see `run`).
    private var listItemCache: (siteKey: UInt64, templates: String, cache: ListItemCache)?
    private var templateCache: (stamp: String, templates: TemplateSet?, diagnostics: [Diagnostic])?

    public init(options: BuildOptions, fileSystem: FileSystem = .disk) {
        self.options = options
        self.fileSystem = fileSystem
    }

    /// Builds into `options.outputDirectory`, in place: the folder is private to the caller
    /// (the dev server), so files are replaced one by one (a page rewritten in place under
    /// `outputLock`, other files atomically) rather than the whole tree swapped. A build with
    /// errors writes nothing.
    /// `change` is what a file watcher saw since the last call: with the files named, only
    /// those are looked at again, not every file of the site.
    public func build(_ change: SourceChange = .unknown) -> BuildReport {
        lock.withLock {
            let started = DispatchTime.now()
            var report = BuildReport()
            var clock = StageClock(progress: options.progress)
            run(change, &report, &clock)
            report.timings = clock.finish()
            report.seconds = Double(DispatchTime.now().uptimeNanoseconds - started.uptimeNanoseconds) / 1e9
            return report
        }
    }

    private func run(_ change: SourceChange, _ report: inout BuildReport, _ clock: inout StageClock) {
        // Only a build that writes leaves its outputs for the next: after one that stopped at
        // an error, pages built then but never written must count as changed.
        let previousOutputs = lastOutputs
        lastOutputs = nil
        let stages = SiteBuilder(options: options, fileSystem: fileSystem)
        let today = options.today ?? Linter.currentDate()
        clock.start("load")
        let config = stages.loadConfig(&report)
        let loader = ContentLoader(fileSystem: fileSystem, maxFileBytes: config.maxFileBytes)
        let scan = scan(change, loader: loader)
        let files = scan.discovery.markdown
        report.diagnostics += scan.discovery.diagnostics
        // Every step below goes by position, never by path: hashing 10,000 paths a few times
        // per pass was most of a rebuild after a one-page edit.
        let stale = files.indices.filter { sources[$0]?.stamp != scan.stamps[$0] }

        clock.start("model")
        let reloaded = parallelMap(stale) { position -> SourceRecord in
            let file = files[position]
            let loaded = loader.loadFile(path: file.path, relativePath: file.relativePath)
            let model = loaded.files.first.map {
                PageBuilder.build(
                    $0, folderHasIndexMD: scan.indexFolders.contains(LinkResolver.folder(of: file.relativePath)))
            }
            return SourceRecord(
                stamp: scan.stamps[position], model: model ?? PageBuilder.Output(page: nil, diagnostics: []),
                loadDiagnostics: loaded.diagnostics)
        }
        for (position, source) in zip(stale, reloaded) { sources[position] = source }
        var pages: [Page] = []
        pages.reserveCapacity(files.count)
        var names = Hasher()
        for case let source? in sources {
            if !source.loadDiagnostics.isEmpty { report.diagnostics += source.loadDiagnostics }
            if !source.model.diagnostics.isEmpty { report.diagnostics += source.model.diagnostics }
            if let page = source.model.page {
                pages.append(page)
                names.combine(source.nameHash)
            }
        }

        clock.start("index")
        let newSiteKey = Self.siteKey(config: config, pageNames: names.finalize(), assets: scan.discovery.assets)
        let newBaseKey = Self.siteKey(config: config, pageNames: 0, assets: scan.discovery.assets)
        let sameNames = newSiteKey == siteKey
        let site = makeSite(
            config, pages, assets: scan.discovery.assets, changed: reloaded.compactMap(\.model.page),
            sameNames: sameNames, sameBase: newBaseKey == baseKey)
        // A rename (see `IncrementalBuilder+Rename`): new names on pages that stay where they
        // were, under the same config, after a build whose graph is at hand.
        let priorSite = previousSite
        let lastGraph = linkState?.siteKey == siteKey ? linkState?.graph : nil
        let renamed =
            sameNames || newBaseKey != baseKey || lastGraph == nil
            ? nil : Self.renamedPages(from: priorSite, to: site, built: lastBuilt.pages)
        if renamed != nil { recordWords(config) }
        siteKey = newSiteKey
        baseKey = newBaseKey
        previousSite = site
        report.diagnostics += site.diagnostics

        clock.start("markdown")
        // Same names: the same site order, and a page value that is still last time's (its
        // file unchanged) keeps last time's built page.
        let previous = lastBuilt
        let renameMode = renamed != nil
        let reuse = (sameNames || renameMode) && previous.pages.count == site.pages.count
        let edited =
            reuse ? site.pages.indices.filter { previous.pages[$0].page !== site.pages[$0] } : Array(site.pages.indices)
        var fresh = edited
        if let renamed, let priorSite, let lastGraph {
            fresh = Self.pagesToReparse(
                renamed: renamed, edited: edited, prior: priorSite, site: site, previous: previous.pages,
                graph: lastGraph)
            renames += 1
        }
        // Parsed again for another page's names, not for its own file: its stamp says so, so its
        // output and search keys change (a wikilink's label, say, is another page's title).
        let reparsedMark = fresh.count > edited.count ? "+renamed\(renames)" : ""
        let editedSet = Set(edited)
        let stage = Self.stage(config)
        // Every page to build: start from the markdown cache a `crosswalk build` into `public/`
        // left, when it was made for this site (its pages lack recorded words: the first rename
        // reads them, `withMentions`).
        let cached: [BuiltPage?] =
            reuse
            ? []
            : MarkdownCache.reading(
                for: joinPath(options.sourceRoot, "public"), site: site,
                digest: MarkdownCache.siteDigest(site, options: options, fileSystem: fileSystem)
            ).map { cache in
                parallelMap(Array(site.pages.indices)) { index in
                    cache.builtPage(index, source: OutputKeys.digest(of: site.pages[index].source), site: site)
                }
            } ?? []
        let toParse = cached.isEmpty ? fresh : fresh.filter { cached[$0] == nil }
        report.pagesParsed = toParse.count
        let rendered = Self.markdown(
            of: toParse, site: site, stage: stage, keepingWords: reuse ? previous.pages : [], edited: editedSet)
        var built = previous.pages
        var stamps = previous.stamps
        var searchStamps = lastSearchStamps
        /// Pages built again whose links or headings changed.
        var changedLinks: [Int] = []
        var unchanged: Set<Int> = []
        if reuse {
            for (index, markdown) in zip(toParse, rendered) {
                let page = BuiltPage(page: site.pages[index], markdown: markdown)
                // Parsed again for a rename and come out the same: its stamp stands and its files
                // need no writing. The new page is kept for its link list, which a page from the
                // markdown cache lacks (`mayShowTitle` would parse it again on every rename).
                if !editedSet.contains(index), previous.pages[index].isSame(as: page) {
                    built[index] = page
                    unchanged.insert(index)
                    continue
                }
                if !previous.pages[index].markdown.hasSameLinks(as: markdown) { changedLinks.append(index) }
                built[index] = page
                stamps[index] = stamp(of: site.pages[index], scan) + (editedSet.contains(index) ? "" : reparsedMark)
                searchStamps[index] = Self.searchStamp(url: site.pages[index].url, stamp: stamps[index])
            }
        } else {
            var parsed = [BuiltPage?](repeating: nil, count: site.pages.count)
            for (index, markdown) in zip(toParse, rendered) {
                parsed[index] = BuiltPage(page: site.pages[index], markdown: markdown)
            }
            built = site.pages.indices.compactMap { cached.isEmpty ? parsed[$0] : cached[$0] ?? parsed[$0] }
            stamps = site.pages.map { stamp(of: $0, scan) }
            searchStamps = Self.searchStamps(site: site, stamps: stamps)
        }
        lastBuilt = (built, stamps)
        lastSearchStamps = searchStamps
        // Backlinks, verdicts and anchor checks depend only on front matter (the site key) and
        // each page's links and headings: when an edit changed neither, last time's still hold.
        let sameGraphBase = reuse && newSiteKey == linkState?.siteKey
        let linksUnchanged = sameGraphBase && changedLinks.isEmpty
        for page in built where !page.markdown.diagnostics.isEmpty { report.diagnostics += page.markdown.diagnostics }

        clock.start("link")
        // Pages whose backlinks an edit changed, when the graph was patched rather than remade.
        let backlinksChanged =
            linksUnchanged
            ? []
            : updateLinks(
                site: site, built: built, previous: previous.pages, changedLinks: changedLinks,
                patch: sameGraphBase || renameMode && Self.keepRelations(renamed ?? [], from: priorSite, to: site),
                renamedFrom: renameMode ? lastGraph : nil)
        guard let (_, graph, anchors) = linkState else { return }
        report.diagnostics += graph.diagnostics
        for broken in anchors where !broken.isEmpty { report.diagnostics += broken }
        // Built again, or shown different backlinks: the pages whose output may differ.
        let freshPages = Set(fresh).subtracting(unchanged).union(backlinksChanged)
        clock.start("lint")
        let linter = Linter(config: config, today: today)
        var lint = linter.checkEach(built, graph: graph, only: lintState?.today == today ? Array(freshPages) : nil)
        if let last = lintState, last.today == today {
            // The graph held or was patched: only pages built again or with new backlinks can
            // warn differently.
            let again = lint
            lint = last.perPage
            for index in freshPages { lint[index] = again[index] }
        }
        lintState = (today, lint)
        for warnings in lint where !warnings.isEmpty { report.diagnostics += warnings }
        clock.start("templates")
        let templatesDirectory = joinPath(options.sourceRoot, "templates")
        let templatesStamp = directoryStamp(templatesDirectory)
        if templateCache?.stamp != templatesStamp {
            let (loaded, diagnostics) = TemplateSet.load(directory: templatesDirectory, fileSystem: fileSystem)
            templateCache = (templatesStamp, loaded, diagnostics)
        }
        let templates = templateCache?.templates
        report.diagnostics += templateCache?.diagnostics ?? []
        report.pageCount = built.count
        if options.strict { report.diagnostics = report.diagnostics.map(\.promotedToError) }
        guard let templates, !report.diagnostics.hasErrors else { return }

        clock.start("render+write")
        // The listing key covers every title and summary; with the same site, templates and
        // day, only the pages whose title or summary changed can move it, and only the pages
        // showing those (`pagesShowing`) and the generated pages need writing again.
        let priorListing = lastListing
        let sameListingInputs =
            reuse
            && priorListing.map {
                ($0.siteKey, $0.templates, $0.today, $0.built.count) == (newSiteKey, templatesStamp, today, built.count)
            } == true
        // After a rename the names moved the key, but titles and summaries compare as usual.
        let comparableListing =
            sameListingInputs
            || renameMode
                && priorListing.map {
                    ($0.templates, $0.today, $0.built.count) == (templatesStamp, today, built.count)
                } == true
        // Pages whose title or summary changed since the listing key was made (a build that
        // stopped at an error in between made some), and terms whose meanings did: the
        // glossary's page shows them.
        let retitled = (comparableListing ? priorListing?.built : nil).map { Self.retitled(from: $0, to: built) } ?? []
        let listingKey: UInt64
        if sameListingInputs, retitled.isEmpty, let last = priorListing {
            listingKey = last.key
        } else {
            listingKey = Self.listingKey(newSiteKey, built, templatesStamp: templatesStamp, today: today)
        }
        lastListing = (newSiteKey, templatesStamp, today, listingKey, built)
        // All keys, every time (a millisecond): a build that stopped at an error may have built
        // pages whose entries were never made.
        searchCache.keys = Self.searchKeys(site: site, baseKey: newBaseKey, searchStamps: searchStamps)
        // Entries filled last time show the same title and summary unless the page is retitled.
        let listItems: ListItemCache
        if comparableListing, let kept = listItemCache, kept.templates == templatesStamp,
            kept.siteKey == newSiteKey || renameMode
        {
            kept.cache.forget(pages: Set(retitled).union(renamed ?? []))
            listItems = kept.cache
        } else {
            listItems = ListItemCache()
        }
        listItemCache = (newSiteKey, templatesStamp, listItems)
        let renderer = SiteRenderer(
            site: site, pages: built, graph: graph, templates: templates, searchCache: searchCache,
            titleOrder: titleOrder, listItems: listItems, glossaryOrder: glossaryOrder)
        var searchHasher = Hasher()
        searchHasher.combine(searchCache.keys)
        let search = UInt64(bitPattern: Int64(searchHasher.finalize()))
        func key(_ item: SiteRenderer.Item) -> UInt64 {
            Self.key(for: item, renderer: renderer, graph: graph, listing: listingKey, search: search, stamps: stamps)
        }
        var items: [SiteRenderer.Item]
        var keys: [(path: String, key: UInt64)]
        /// Positions in `items` whose key may have changed.
        var touched: [Int]
        let (newTitles, newSummaries, newMeanings) = Self.shownChanges(
            renamed: renamed ?? [], retitled: retitled, before: priorListing?.built, built: built)
        let showing = Self.pagesShowing(newTitles, pages: built, graph: graph, site: site)
            .union(Self.pagesShowingSummary(newSummaries, pages: built, graph: graph, site: site))
            .union(newMeanings).union(freshPages)
        let sameFiles =
            (sameListingInputs && sameGraphBase || renameMode && comparableListing)
            && previousOutputs?.listing == priorListing?.key && showing.count < built.count
        if sameFiles, let last = previousOutputs {
            // Same pages, links and templates: the same files, and only the pages built again,
            // shown new backlinks or showing a new title or summary, the pages they introduce,
            // the generated pages listing a retitled page and the search index can differ.
            (items, keys, touched) = (last.items, last.keys, [])
            for position in items.indices {
                let item = items[position]
                switch item {
                case .page(let index) where showing.contains(index): touched.append(position)
                case .page: continue
                case .searchIndex: touched.append(position)
                default:
                    if Self.generatedShowing(item, retitled + (renamed ?? []), renderer: renderer) {
                        touched.append(position)
                    } else if let intro = renderer.introPage(of: item), freshPages.contains(intro) {
                        touched.append(position)
                    }
                }
            }
            for position in touched { keys[position].key = key(items[position]) }
        } else {
            items = renderer.items
            keys = items.map { (renderer.outputPath(of: $0), key($0)) }
            touched = Array(items.indices)
        }
        report.fileCount = items.count
        let output = options.outputDirectory
        // The output folder is private to the caller, so what was written is still there:
        // checking every file again was a stat per page per edit.
        let dirty = touched.filter { written[keys[$0].path] != keys[$0].key }
        let toRender = items
        let failures = parallelMap(dirty) { index -> String? in
            Self.writeInPlace(renderer.render(toRender[index]), into: output, lock: outputLock)
        }
        let runaway = renderer.templates.runaway.tag.map { SiteBuilder.runawayFailure($0).message }
        if let failure = runaway ?? failures.compactMap({ $0 }).first {
            report.diagnostics.append(.error(.outputFailed, at: SourceLocation(file: output), failure))
            written.removeAll()
            return
        }
        if sameFiles {
            for index in dirty { written[keys[index].path] = keys[index].key }
        } else {
            let current = Set(keys.map(\.path))
            for (path, _) in written where !current.contains(path) { unlink(joinPath(output, path)) }
            written = Dictionary(keys.map { ($0.path, $0.key) }, uniquingKeysWith: { first, _ in first })
        }
        lastOutputs = (listingKey, items, keys)
        copyAssets(site: site, stages: stages, into: output)
        report.published = true
        report.filesWritten = dirty.count
        report.filesReused = items.count - dirty.count
    }

}
