import Foundation

/// Rebuilds a site again and again in one process (`crosswalk serve`), redoing only what an
/// edit affects and writing only the files whose inputs changed.
///
/// What each output depends on is tracked with keys:
/// - a file's *source stamp* (size, times, inode): unchanged files are neither read nor parsed;
/// - the *site key*: every page's path and front matter, the assets and the config. Markdown
///   of one page depends on other pages only through these (link targets, titles, aliases,
///   term summaries), so while it is unchanged a page's markdown is reused unless its own file
///   changed;
/// - the *listing key*: the site key plus every page's final title and summary (which may come
///   from the body) and the templates. Listings, navigation and generated pages depend on it;
/// - per page: its source stamp and the pages linking to it (backlinks, neighbours).
/// A test builds the same edits incrementally and from nothing and compares every byte.
public final class IncrementalBuilder: @unchecked Sendable {
    public let options: BuildOptions
    public let fileSystem: FileSystem
    private let lock = NSLock()

    private struct Source {
        var stamp: String
        var model: PageBuilder.Output
        var loadDiagnostics: [Diagnostic]
        /// The page's path and front matter, hashed once when the file is read.
        var nameHash: Int

        init(stamp: String, model: PageBuilder.Output, loadDiagnostics: [Diagnostic]) {
            self.stamp = stamp
            self.model = model
            self.loadDiagnostics = loadDiagnostics
            var hasher = Hasher()
            hasher.combine(model.page?.source.relativePath)
            hasher.combine(model.page?.source.frontMatter.map(Self.visibleElsewhere))
            nameHash = hasher.finalize()
        }

        /// Front-matter keys only the page's own file shows (footer, header, lint): a new value
        /// on the same line changes that page alone, so it need not rebuild the site.
        static let ownKeys = ["owner", "reviewed", "review_by", "tags"]

        /// The front matter with the values of one-line `ownKeys` blanked, every line kept in
        /// place (positions in other keys' diagnostics stay right); anything else counts.
        static func visibleElsewhere(_ yaml: String) -> String {
            yaml.split(separator: "\n", omittingEmptySubsequences: false).map { line in
                for key in ownKeys where line.hasPrefix(key + ":") { return Substring(key + ":") }
                return line
            }.joined(separator: "\n")
        }
    }

    private var sources: [String: Source] = [:]
    /// Built pages by source path, with the stamp of the file they were built from.
    private var markdown: [String: (stamp: String, built: BuiltPage)] = [:]
    private var siteKey: UInt64?
    /// The last build's site, whose names and matcher serve again while `siteKey` holds.
    private var previousSite: Site?
    /// The last build's files to write and their keys, and the listing key they were made under.
    private var lastOutputs: (listing: UInt64, items: [SiteRenderer.Item], keys: [(path: String, key: UInt64)])?
    /// Full walks of `content/` so far (tests check named edits need none).
    private(set) var walks = 0
    /// The last full walk of `content/`: files, their stamps, each file's place by absolute
    /// path, and the folders with an `index.md`.
    private var lastScan:
        (
            discovery: ContentLoader.Discovery, stamps: [String], positions: [String: Int],
            indexFolders: Set<String>
        )?
    /// The last link graph and link diagnostics, and the site key they were made under.
    private var linkState: (siteKey: UInt64, graph: LinkGraph, diagnostics: [Diagnostic])?
    /// Output path → the key it was last written with.
    private var written: [String: UInt64] = [:]
    private var assetStamps: [String: String] = [:]
    let searchCache = SearchEntryCache()
    private let titleOrder = TitleOrderCache()
    private var templateCache: (stamp: String, templates: TemplateSet?, diagnostics: [Diagnostic])?

    public init(options: BuildOptions, fileSystem: FileSystem = .disk) {
        self.options = options
        self.fileSystem = fileSystem
    }

    /// Builds into `options.outputDirectory`, in place: the folder is private to the caller
    /// (the dev server), so files are replaced one by one (each atomically) rather than the
    /// whole tree swapped. A build with errors writes nothing.
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
        let (discovery, stamps) = scan(change, loader: loader)
        report.diagnostics += discovery.diagnostics
        let foldersWithIndexMD = Set(
            discovery.markdown.filter { LinkResolver.isIndexMarkdown($0.relativePath) }
                .map { LinkResolver.folder(of: $0.relativePath) })
        let stale = discovery.markdown.indices.filter {
            sources[discovery.markdown[$0].relativePath]?.stamp != stamps[$0]
        }
        clock.start("model")
        let reloaded = parallelMap(stale) { index -> Source in
            let file = discovery.markdown[index]
            let loaded = loader.loadFile(path: file.path, relativePath: file.relativePath)
            let model = loaded.files.first.map {
                PageBuilder.build(
                    $0, folderHasIndexMD: foldersWithIndexMD.contains(LinkResolver.folder(of: file.relativePath)))
            }
            return Source(
                stamp: stamps[index], model: model ?? PageBuilder.Output(page: nil, diagnostics: []),
                loadDiagnostics: loaded.diagnostics)
        }
        for (index, source) in zip(stale, reloaded) { sources[discovery.markdown[index].relativePath] = source }
        let present = Set(discovery.markdown.map(\.relativePath))
        sources = sources.filter { present.contains($0.key) }
        var pages: [Page] = []
        var names = Hasher()
        for file in discovery.markdown {
            guard let source = sources[file.relativePath] else { continue }
            report.diagnostics += source.loadDiagnostics + source.model.diagnostics
            if let page = source.model.page {
                pages.append(page)
                names.combine(source.nameHash)
            }
        }

        clock.start("index")
        let newSiteKey = Self.siteKey(config: config, pageNames: names.finalize(), assets: discovery.assets)
        if newSiteKey != siteKey { markdown.removeAll() }
        let site = Site(
            config: config, pages: pages, assets: discovery.assets,
            sameNamesAs: newSiteKey == siteKey ? previousSite : nil)
        siteKey = newSiteKey
        previousSite = site
        report.diagnostics += site.diagnostics

        clock.start("markdown")
        let stage = MarkdownStage(config: config)
        let stampByPath = Dictionary(uniqueKeysWithValues: zip(discovery.markdown.map(\.relativePath), stamps))
        let cached = markdown
        let results = parallelMap(site.pages) { page -> (built: BuiltPage, fresh: Bool, sameLinks: Bool) in
            let stamp = stampByPath[page.source.relativePath] ?? "-"
            let previous = cached[page.source.relativePath]
            if let previous, previous.stamp == stamp, previous.built.page === page {
                // The same page value from the same file: last time's built page stands.
                return (previous.built, false, true)
            }
            let rendered = stage.render(page, in: site)
            let sameLinks = previous?.built.markdown.hasSameLinks(as: rendered) ?? false
            return (BuiltPage(page: page, markdown: rendered), true, sameLinks)
        }
        let built = results.map(\.built)
        // Backlinks, verdicts and anchor checks depend only on front matter (the site key) and
        // each page's links and headings: when an edit changed neither, last time's still hold.
        let linksUnchanged = newSiteKey == linkState?.siteKey && results.allSatisfy(\.sameLinks)
        let freshPages = Set(results.indices.filter { results[$0].fresh })
        if markdown.count != built.count || freshPages.count == built.count {
            markdown = Dictionary(
                uniqueKeysWithValues: built.map {
                    ($0.page.source.relativePath, (stampByPath[$0.page.source.relativePath] ?? "-", $0))
                })
        } else {
            for index in freshPages {
                let path = built[index].page.source.relativePath
                markdown[path] = (stampByPath[path] ?? "-", built[index])
            }
        }
        report.diagnostics += built.flatMap(\.markdown.diagnostics)

        clock.start("link")
        if !linksUnchanged, let siteKey {
            let graph = LinkGraph(site: site, pages: built)
            linkState = (siteKey, graph, graph.diagnostics + LinkChecker.check(built))
        }
        guard let (_, graph, linkDiagnostics) = linkState else { return }
        report.diagnostics += linkDiagnostics
        clock.start("lint")
        report.diagnostics += Linter(config: config, today: today).check(site: site, pages: built, graph: graph)
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
        let listingKey = Self.listingKey(newSiteKey, built, templatesStamp: templatesStamp, today: today)
        searchCache.keys = built.map { built in
            var hasher = Hasher()
            hasher.combine(listingKey)
            hasher.combine(stampByPath[built.page.source.relativePath])
            return hasher.finalize()
        }
        let renderer = SiteRenderer(
            site: site, pages: built, graph: graph, templates: templates, searchCache: searchCache,
            titleOrder: titleOrder)
        let allSources = StableHash.of(Array(stamps.joined(separator: "\n").utf8))
        func key(_ item: SiteRenderer.Item) -> UInt64 {
            Self.key(
                for: item, renderer: renderer, graph: graph, listing: listingKey, sources: allSources,
                stamps: stampByPath)
        }
        var items: [SiteRenderer.Item]
        var keys: [(path: String, key: UInt64)]
        let sameFiles = previousOutputs?.listing == listingKey && linksUnchanged && freshPages.count < built.count
        if sameFiles, let last = previousOutputs {
            // Same pages, titles, summaries, links and templates: the same files, and only the
            // pages built again, the pages they introduce and the search index can differ.
            (items, keys) = (last.items, last.keys)
            for position in items.indices {
                let item = items[position]
                switch item {
                case .page(let index) where freshPages.contains(index): keys[position].key = key(item)
                case .searchIndex: keys[position].key = key(item)
                default:
                    if let intro = renderer.introPage(of: item), freshPages.contains(intro) {
                        keys[position].key = key(item)
                    }
                }
            }
        } else {
            items = renderer.items
            keys = items.map { (renderer.outputPath(of: $0), key($0)) }
        }
        report.fileCount = items.count
        let output = options.outputDirectory
        let dirty = items.indices.filter {
            // The output folder is private to the caller, so what was written is still there:
            // checking every file again was a stat per page per edit.
            written[keys[$0].path] != keys[$0].key
        }
        let toRender = items
        let failures = parallelMap(dirty) { index -> String? in
            Self.writeAtomically(renderer.render(toRender[index]), into: output)
        }
        if let failure = failures.compactMap({ $0 }).first {
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

    // MARK: scanning

    /// The content files and their stamps. Walking the tree and reading every file's stamp
    /// is the largest cost of a rebuild after a one-page edit, so when the watcher named
    /// the files it saw written, and all of them were there last time, the last walk stands
    /// and only those files are stamped again.
    private func scan(_ change: SourceChange, loader: ContentLoader) -> (ContentLoader.Discovery, [String]) {
        @Sendable func stamp(_ file: (path: String, relativePath: String), indexFolders: Set<String>) -> String {
            (fileSystem.stamp(file.path) ?? "-")
                + (indexFolders.contains(LinkResolver.folder(of: file.relativePath)) ? "+i" : "")
        }
        if case .files(let written) = change, let last = lastScan, written.isSubset(of: last.positions.keys) {
            var stamps = last.stamps
            for path in written {
                guard let position = last.positions[path] else { continue }
                stamps[position] = stamp(last.discovery.markdown[position], indexFolders: last.indexFolders)
            }
            lastScan?.stamps = stamps
            return (last.discovery, stamps)
        }
        let discovery = loader.discover(sourceRoot: options.sourceRoot)
        walks += 1
        let indexFolders = Set(
            discovery.markdown.filter { LinkResolver.isIndexMarkdown($0.relativePath) }
                .map { LinkResolver.folder(of: $0.relativePath) })
        // On every core: one stat per file.
        let stamps = parallelMap(discovery.markdown) { stamp($0, indexFolders: indexFolders) }
        let positions = Dictionary(
            discovery.markdown.enumerated().map { ($1.path, $0) }, uniquingKeysWith: { first, _ in first })
        lastScan = (discovery, stamps, positions, indexFolders)
        return (discovery, stamps)
    }

    private func directoryStamp(_ directory: String) -> String {
        String(StableHash.of(Array(fileSystem.stamps(below: directory).utf8)), radix: 16)
    }

    // MARK: files

    private func copyAssets(site: Site, stages: SiteBuilder, into output: String) {
        var copies = site.assets.map { (from: $0.absolutePath, to: $0.relativePath) }
        copies += stages.themeAssets().map { (from: $0.absolute, to: "assets/" + $0.relative) }
        var stamps: [String: String] = [:]
        for copy in copies {
            let stamp = fileSystem.stamp(copy.from) ?? "-"
            stamps[copy.to] = stamp
            guard assetStamps[copy.to] != stamp || !fileSystem.exists(joinPath(output, copy.to)),
                let bytes = try? fileSystem.read(copy.from)
            else { continue }
            _ = Self.writeAtomically(bytes, to: joinPath(output, copy.to))
        }
        for (path, _) in assetStamps where stamps[path] == nil { unlink(joinPath(output, path)) }
        assetStamps = stamps
    }

    /// Writes beside the target and renames over it, so a reader never sees half a file.
    static func writeAtomically(_ file: OutputFile, into output: String) -> String? {
        writeAtomically(Array(file.contents.utf8), to: joinPath(output, file.path))
    }

    static func writeAtomically(_ bytes: [UInt8], to path: String) -> String? {
        do {
            try FileManager.default.createDirectory(
                atPath: (path as NSString).deletingLastPathComponent, withIntermediateDirectories: true)
        } catch {
            return "cannot create the folder of \(path): \(error.localizedDescription)"
        }
        let temporary = path + ".crosswalk-new"
        let descriptor = open(temporary, O_WRONLY | O_CREAT | O_TRUNC, 0o644)
        guard descriptor >= 0 else { return "cannot write \(path): \(String(cString: strerror(errno)))" }
        let count = bytes.withUnsafeBytes { Foundation.write(descriptor, $0.baseAddress, $0.count) }
        close(descriptor)
        guard count == bytes.count, rename(temporary, path) == 0 else {
            unlink(temporary)
            return "cannot write \(path)"
        }
        return nil
    }
}
