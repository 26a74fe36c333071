import Foundation

/// What to build and where.
public struct BuildOptions: Sendable {
    /// Folder holding `content/`, `templates/` and optionally `crosswalk.yml`.
    public var sourceRoot: String
    /// Where the site is published; replaced as a whole when the build succeeds.
    public var outputDirectory: String
    /// Overrides `base_url` from the config.
    public var baseURL: String?
    /// Build and check everything, but write nothing (`crosswalk check`).
    public var dryRun: Bool
    /// Warnings count as errors.
    public var strict: Bool
    /// The day stale-page checks compare `review_by` with (`YYYY-MM-DD`); today when nil.
    public var today: String?
    /// Called as each stage starts, with its name.
    public var progress: (@Sendable (String) -> Void)?
    /// The process ends right after this build (`crosswalk build` and `check`): the site's
    /// values are left for the exit to reclaim instead of being freed one by one, which took
    /// half a second on one core at 100k pages.
    public var leavesMemoryToExit = false

    public init(
        sourceRoot: String, outputDirectory: String, baseURL: String? = nil, dryRun: Bool = false,
        strict: Bool = false, today: String? = nil, progress: (@Sendable (String) -> Void)? = nil
    ) {
        self.sourceRoot = sourceRoot
        self.outputDirectory = outputDirectory
        self.baseURL = baseURL
        self.dryRun = dryRun
        self.strict = strict
        self.today = today
        self.progress = progress
    }
}

/// The outcome of one build: every diagnostic, what was built, and whether it was published.
public struct BuildReport: Sendable {
    public var diagnostics: [Diagnostic] = []
    public var pageCount = 0
    public var fileCount = 0
    public var published = false
    /// True when nothing changed since the build that made the output; nothing was done.
    public var upToDate = false
    /// Output files written anew, and unchanged ones linked from the previous output.
    public var filesWritten = 0
    public var filesReused = 0
    /// Files rendered from templates (the rest were linked by their keys, unrendered).
    public var filesRendered = 0
    /// Pages whose markdown was parsed and rendered, and pages taken from the markdown cache
    /// the last build beside the output left (`MarkdownCache`).
    public var pagesParsed = 0
    public var pagesFromCache = 0
    public var seconds: Double = 0
    /// How long each stage took, in the order they ran.
    public var timings: [StageTiming] = []
    public var succeeded: Bool { !diagnostics.hasErrors }
}

/// Runs the pipeline. `build` lists the stages in the order they run; each is a folder of
/// `Sources/CrosswalkKit`.
public struct SiteBuilder: Sendable {
    public var options: BuildOptions
    public var fileSystem: FileSystem

    public init(options: BuildOptions, fileSystem: FileSystem = .disk) {
        self.options = options
        self.fileSystem = fileSystem
    }

    public func build() -> BuildReport {
        let started = DispatchTime.now()
        var report = BuildReport()
        var clock = StageClock(progress: options.progress)
        runStages(&report, &clock)
        report.timings = clock.finish()
        report.seconds = Double(DispatchTime.now().uptimeNanoseconds - started.uptimeNanoseconds) / 1e9
        return report
    }

    /// The stages in the order they run.
    private func runStages(_ report: inout BuildReport, _ clock: inout StageClock) {
        let today = options.today ?? Linter.currentDate()
        clock.start("fingerprint")
        // With an earlier output, its fingerprint decides whether there is anything to do.
        // Without one (a first build, a clean CI checkout) the content is fingerprinted while
        // it loads.
        let previous = options.dryRun ? nil : OutputWriter.record(of: options.outputDirectory).flatMap(BuildRecord.init)
        var known: String?
        var concurrent: InputFingerprint.Concurrent?
        if let previous {
            let fingerprint = InputFingerprint.compute(options: options, today: today, fileSystem: fileSystem)
            if previous.fingerprint == fingerprint {
                report.diagnostics = previous.warnings
                report.pageCount = previous.pageCount
                report.upToDate = true
                return
            }
            known = fingerprint
        } else if !options.dryRun {
            concurrent = InputFingerprint.Concurrent(options: options, today: today, fileSystem: fileSystem)
        }
        // The theme is read and compiled on another thread meanwhile: it needs nothing from
        // the content, and on the build's one thread it was 15-20 ms no core shared.
        let loadingTemplates = Background { [options, fileSystem] in
            TemplateSet.load(directory: joinPath(options.sourceRoot, "templates"), fileSystem: fileSystem)
        }
        clock.start("load")
        let config = loadConfig(&report)
        var loader = ContentLoader(fileSystem: fileSystem, maxFileBytes: config.maxFileBytes)
        loader.keepsStamps = concurrent != nil
        let loaded = loader.load(sourceRoot: options.sourceRoot)
        report.diagnostics += loaded.diagnostics
        // Checked on whichever core is free: the walk may still be going, and the record
        // needs the result only at the end.
        let checkedFingerprint = concurrent.map { [readStamps = loaded.stamps] concurrent in
            Background { concurrent.value(checking: readStamps) }
        }
        clock.start("model")
        let pages = model(loaded.files, &report)
        clock.start("index")
        let site = Site(config: config, pages: pages, assets: loaded.assets)
        report.diagnostics += site.diagnostics
        clock.start("markdown")
        let (built, sources, spool) = renderMarkdown(site, &report)
        clock.start("link")
        // Independent passes over every page's links: one per core.
        let (graph, anchors) = inParallel({ LinkGraph(site: site, pages: built) }, { LinkChecker.check(built) })
        report.diagnostics += graph.diagnostics + anchors
        clock.start("lint")
        report.diagnostics += Linter(config: config, today: today)
            .check(site: site, pages: built, graph: graph)
        clock.start("templates")
        let (templates, templateDiagnostics) = loadingTemplates.value
        report.diagnostics += templateDiagnostics
        report.pageCount = built.count
        if options.strict { report.diagnostics = report.diagnostics.map(\.promotedToError) }

        guard let templates, !report.diagnostics.hasErrors else { return }
        // On the build's own thread: made inside `inParallel`, its sorting ran on one core
        // (libdispatch runs an apply nested in another with the width left, here one).
        let renderer = SiteRenderer(site: site, pages: built, graph: graph, templates: templates, bodies: spool)
        defer { if options.leavesMemoryToExit { ExitRetainer.keep(site, built, graph, renderer) } }
        let items = renderer.items
        report.fileCount = items.count
        guard !options.dryRun else { return }
        clock.start("render+write")
        let fingerprint = known ?? checkedFingerprint?.value ?? InputFingerprint.unmatched
        let record = BuildRecord(fingerprint: fingerprint, pageCount: built.count, warnings: report.diagnostics)
        let (listing, shown) = inParallel(
            {
                OutputKeys.listing(
                    fingerprint: InputFingerprint.globals(options: options, today: today, fileSystem: fileSystem),
                    pages: built, templates: fileSystem.stamps(below: joinPath(options.sourceRoot, "templates")),
                    assets: site.assets)
            }, { OutputKeys.ShownText(built) })
        let inputs = OutputKeys.Inputs(listing: listing, sources: sources, shown: shown)
        write(items, renderer: renderer, site: site, record: record, &report) { item in
            OutputKeys.key(for: item, renderer: renderer, graph: graph, inputs: inputs)
        }
    }

    // MARK: stages

    func loadConfig(_ report: inout BuildReport) -> SiteConfig {
        let path = joinPath(options.sourceRoot, SiteConfig.fileName)
        var config = SiteConfig()
        if fileSystem.exists(path) {
            do {
                let bytes = try fileSystem.read(path)
                switch TextDecoder.decode(bytes) {
                case .success(let text):
                    let (parsed, diagnostics) = SiteConfig.parse(text)
                    config = parsed
                    report.diagnostics += diagnostics
                case .failure:
                    report.diagnostics.append(
                        .error(
                            .invalidConfig, at: SourceLocation(file: SiteConfig.fileName),
                            "crosswalk.yml is not valid UTF-8"))
                }
            } catch {
                report.diagnostics.append(
                    .error(
                        .unreadableFile, at: SourceLocation(file: SiteConfig.fileName),
                        "cannot read crosswalk.yml: \(error)"))
            }
        }
        if let baseURL = options.baseURL { config.baseURL = baseURL.isEmpty ? nil : baseURL }
        return config
    }

    func model(_ files: [SourceFile], _ report: inout BuildReport) -> [Page] {
        let foldersWithIndexMD = Set(
            files.filter { LinkResolver.isIndexMarkdown($0.relativePath) }
                .map { LinkResolver.folder(of: $0.relativePath) })
        let outputs = parallelMap(files) { file in
            PageBuilder.build(
                file, folderHasIndexMD: foldersWithIndexMD.contains(LinkResolver.folder(of: file.relativePath)))
        }
        report.diagnostics += outputs.flatMap(\.diagnostics)
        return outputs.compactMap(\.page)
    }

    /// Each built page keeps only what later stages read (link digests, headings, search
    /// words). In a build that writes, each rendered body goes at once to a spool, returned, and
    /// the page's source text is let go, so neither is ever held for the whole site; a page
    /// whose markdown the last build's `MarkdownCache` holds is not parsed again, and the spool
    /// becomes the next build's cache. Also each page's source digest (`OutputKeys.digest(of:)`),
    /// taken before the body goes.
    func renderMarkdown(_ site: Site, _ report: inout BuildReport)
        -> (built: [BuiltPage], sources: [UInt64], spool: BodySpool?)
    {
        let stage = MarkdownStage(config: site.config)
        let pages = site.pages
        let digest = MarkdownCache.siteDigest(site, options: options, fileSystem: fileSystem)
        let (spool, cache) =
            options.dryRun ? (nil, nil) : MarkdownCache.open(for: options.outputDirectory, site: site, digest: digest)
        // A check writes nothing, but reads what the last build beside the output parsed.
        let readOnly =
            options.dryRun ? MarkdownCache.reading(for: options.outputDirectory, site: site, digest: digest) : nil
        let results = parallelMap(Array(pages.indices)) {
            [spool, cache, readOnly] index -> (BuiltPage, UInt64, MarkdownCacheRecord?, Bool) in
            let source = OutputKeys.digest(of: pages[index].source)
            defer { if spool != nil { pages[index].source.releaseBody() } }
            if let built = readOnly?.builtPage(index, source: source, site: site, body: false) {
                return (built, source, nil, true)
            }
            if let spool, let (built, record) = cache?.reuse(index, source: source, site: site, into: spool) {
                return (built, source, record, true)
            }
            var stored = false
            // The body goes from libcmark's buffer to the spool, with no `String` made of it.
            let store = spool.map { spool in
                { (html: UnsafeBufferPointer<UInt8>) -> Bool in
                    stored = spool.store(bytes: UnsafeRawBufferPointer(html), at: index)
                    return stored
                }
            }
            var rendered = stage.render(pages[index], in: site, storingHTML: store)
            rendered.dropLinkList()
            let built = BuiltPage(page: pages[index], markdown: rendered)
            let record = stored ? spool.flatMap { MarkdownCacheRecord.make(built, source: source, spool: $0) } : nil
            return (built, source, record, false)
        }
        let built = results.map(\.0)
        report.pagesFromCache = results.count { $0.3 }
        report.pagesParsed = results.count - report.pagesFromCache
        report.diagnostics += built.flatMap(\.markdown.diagnostics)
        if let spool {
            MarkdownCacheRecord.save(
                results.map(\.2), site: site, digest: digest, spool: spool, output: options.outputDirectory)
        }
        return (built, results.map(\.1), spool)
    }

    /// Renders and writes in one parallel pass, so rendered pages are never all held in memory.
    /// A file whose key is the one the previous output's file was made under is linked from
    /// it, not rendered (`OutputKeys`).
    /// Writes every item whose `key` differs from the one the output's last build left, and
    /// keeps the rest. Each key is worked out just before its file is rendered: the two read
    /// the same parts of the link graph, which a pass of its own over every page read again.
    private func write(
        _ items: [SiteRenderer.Item], renderer: SiteRenderer, site: Site, record: BuildRecord,
        _ report: inout BuildReport, key: @Sendable (SiteRenderer.Item) -> UInt64
    ) {
        do throws(OutputWriter.Failure) {
            let writer = try OutputWriter(output: options.outputDirectory)
            // Read under the writer's lock: no other build can replace the output meanwhile.
            let previous = OutputKeys.load(for: options.outputDirectory)
            let paths = items.map(renderer.outputPath(of:))
            // The keys file's order (a sort of every path) is worked out on the side meanwhile.
            let order = Background { OutputKeys.order(of: paths) }
            // Per file: its key, and whether it was rendered, or why it could not be written.
            let outcomes = parallelMap(Array(items.indices)) { index -> (UInt64, Result<Bool, OutputWriter.Failure>) in
                let key = key(items[index])
                do throws(OutputWriter.Failure) {
                    if previous.byPath[paths[index]] == key, try writer.keepPrevious(paths[index]) {
                        return (key, .success(false))
                    }
                    try writer.write(renderer.render(items[index]))
                } catch { return (key, .failure(error)) }
                return (key, .success(true))
            }
            for case (_, .failure(let failure)) in outcomes { throw failure }
            if let tag = renderer.templates.runaway.tag { throw Self.runawayFailure(tag) }
            report.filesRendered = outcomes.count { (try? $0.1.get()) == true }
            let keysText = OutputKeys.text(paths: paths, keys: outcomes.map(\.0), order: order.value)
            if let problem = renderer.bodies?.readFailure {
                throw OutputWriter.Failure(
                    message: "cannot read rendered pages back from the temporary file: \(problem)",
                    hint: "check the free space and health of the temporary folder (TMPDIR), then build again")
            }
            for asset in site.assets { try writer.copy(from: asset.absolutePath, to: asset.relativePath) }
            for asset in themeAssets() { try writer.copy(from: asset.absolute, to: "assets/" + asset.relative) }
            try writer.commit(record: record.text, keys: keysText)
            report.published = true
            report.filesWritten = writer.written
            report.filesReused = writer.reused
        } catch {
            report.diagnostics.append(
                .error(
                    .outputFailed, at: SourceLocation(file: options.outputDirectory), error.message, hint: error.hint))
        }
    }

    /// The build's answer to a theme whose `tag` expands inside itself without end.
    static func runawayFailure(_ tag: String) -> OutputWriter.Failure {
        OutputWriter.Failure(
            message:
                "the theme's templates expand inside themselves without end (\(tag)), so no page could be finished",
            hint: "a block must not contain itself in its own override, and a partial that includes itself must sit "
                + "in a section that ends, e.g. {{#children}}{{> item}}{{/children}}")
    }

    /// Files under `templates/assets/`, recursively, sorted.
    func themeAssets() -> [(absolute: String, relative: String)] {
        var found: [(String, String)] = []
        let root = joinPath(options.sourceRoot, "templates/assets")
        var seen = Set([fileSystem.resolve(root) ?? root])
        func walk(_ directory: String, _ prefix: String) {
            for name in (fileSystem.listDirectory(directory) ?? []).sorted() where !name.hasPrefix(".") {
                let path = joinPath(directory, name)
                if let folder = fileSystem.folderFollowingLinks(path) {
                    // A folder linked twice, or a link to a folder above, is walked once.
                    if seen.insert(folder).inserted { walk(path, prefix + name + "/") }
                } else {
                    found.append((path, prefix + name))
                }
            }
        }
        walk(root, "")
        return found
    }
}

/// Values a one-shot process keeps until it exits (`BuildOptions.leavesMemoryToExit`).
enum ExitRetainer {
    private final class Kept: @unchecked Sendable {
        let lock = NSLock()
        var values: [Any] = []
    }

    private static let kept = Kept()

    /// A sanitizer build's leak checker looks at the heap at exit, and cannot follow every
    /// pointer Swift stores (enum payloads keep tags in spare bits): there, values are freed
    /// as usual, so that what it reports is real.
    private static let leakCheckerWatches: Bool = {
        guard let program = dlopen(nil, RTLD_NOW) else { return false }
        return dlsym(program, "__lsan_do_leak_check") != nil
    }()

    static func keep(_ values: Any...) {
        guard !leakCheckerWatches else { return }
        kept.lock.withLock { kept.values += values }
    }
}
