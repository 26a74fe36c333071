/// The whole site pipeline on one arbitrary input, for the libFuzzer target (`crosswalk-fuzz`).
///
/// The input is either one content file (`content/fuzzed.md`) or, when its first line is
/// `-- <path> --`, several files in the whole-site format the tests use:
///
///     -- content/glossary/plc.md --
///     ---
///     title: PLC
///     ---
///     -- crosswalk.yml --
///     unsafe_html: true
///
/// Paths may be `content/…`, `templates/…` or `crosswalk.yml`. Bytes go in unchanged (invalid
/// UTF-8, NUL and BOM included). A small fixed site (a term, a constraint, a tool) gives links
/// and relations something to resolve to. The stages run as ``SiteBuilder`` runs them, on one
/// thread and without writing: load, model, index, markdown, links, lint, templates, and —
/// when there is no error, as in a real build — every output file is rendered with the default
/// theme. The `render` command's path (markdown outside a site) runs on the first file too.
public enum FuzzTarget {
    static let root = "/fuzz"

    static let fixedSite: [String: [UInt8]] = [
        "content/glossary/plc.md":
            "---\ntitle: Programmable logic controller (PLC)\naliases: [PLC]\nsummary: A controller.\nit: A computer.\not: The controller.\n---\n## History\nText about [[SIS]].\n",
        "content/glossary/sis.md":
            "---\ntitle: Safety instrumented system\naliases: [SIS]\nsummary: Trips.\n---\nSee PLC.\n",
        "content/constraints/no-scan.md": "---\ntitle: No active scanning\nwhy: [safety]\npurdue: [1, 2]\n---\nBody.\n",
        "content/tools/nmap.md":
            "---\ntitle: Nmap\ncategory: scanner\nconstraints:\n  no-scan: {verdict: avoid, note: Crashes PLCs.}\n---\nBody.\n",
    ].mapValues { Array($0.utf8) }

    /// The default theme, compiled once: parsing twenty templates per input would dominate.
    static let defaultTemplates: TemplateSet? = {
        var files: [String: [UInt8]] = [:]
        for file in DefaultTheme.files where file.path.hasSuffix(".mustache") {
            files[root + "/templates/" + file.path] = Array(file.contents.utf8)
        }
        return TemplateSet.load(directory: root + "/templates", fileSystem: .inMemory(bytes: files)).0
    }()

    public static func run(_ bytes: UnsafeBufferPointer<UInt8>) {
        let differing = check(Array(bytes)).differing
        // crosswalk's template renderer must write what swift-mustache writes, byte for byte.
        precondition(differing.isEmpty, "the template renderers disagree on \(differing)")
    }

    /// What `run` checks, without stopping: the output files the two renderers write
    /// differently, and the tags of a theme expanding inside itself that was stopped.
    static func check(_ bytes: [UInt8]) -> (differing: [String], runaway: String?) {
        let input = split(bytes)
        var files = fixedSite
        for (path, contents) in input { files[path] = contents }
        if let first = input.first, case .success(let text) = TextDecoder.decode(first.contents) {
            _ = MarkdownStage().render(text)
        }
        let rendered = renderEveryFile(files)
        return (rendered.differing, rendered.runaway)
    }

    /// Runs the stages on `files` (paths below the site root) and renders every output file
    /// twice, with crosswalk's template renderer and with swift-mustache's; returns how many
    /// files it compared, the paths of those that differ, and the tags of a theme expanding
    /// inside itself, where rendering stopped.
    static func renderEveryFile(_ files: [String: [UInt8]]) -> (compared: Int, differing: [String], runaway: String?) {
        let fileSystem = FileSystem.inMemory(
            bytes: Dictionary(uniqueKeysWithValues: files.map { (root + "/" + $0, $1) }))

        var diagnostics: [Diagnostic] = []
        var config = SiteConfig()
        if let yml = files["crosswalk.yml"], case .success(let text) = TextDecoder.decode(yml) {
            let parsed = SiteConfig.parse(text)
            config = parsed.0
            diagnostics += parsed.1
        }
        let loaded = ContentLoader(fileSystem: fileSystem, maxFileBytes: config.maxFileBytes).load(sourceRoot: root)
        diagnostics += loaded.diagnostics
        let indexFolders = Set(
            loaded.files.filter { $0.relativePath.split(separator: "/").last?.lowercased() == "index.md" }
                .map { LinkResolver.folder(of: $0.relativePath) })
        var pages: [Page] = []
        for file in loaded.files {
            let output = PageBuilder.build(
                file, folderHasIndexMD: indexFolders.contains(LinkResolver.folder(of: file.relativePath)))
            diagnostics += output.diagnostics
            if let page = output.page { pages.append(page) }
        }
        let site = Site(config: config, pages: pages, assets: loaded.assets)
        diagnostics += site.diagnostics
        let stage = MarkdownStage(config: config)
        let rendered = site.pages.map { stage.render($0, in: site) }
        // Auto-linked runs are written as finished HTML; as text and link nodes, which the
        // auto-linker makes on pages with escaped brackets, every page must come out the same.
        var asNodes = stage
        asNodes.autoLinksAsHTML = false
        for (page, markdown) in zip(site.pages, rendered) {
            let reference = asNodes.render(page, in: site)
            precondition(
                reference.html == markdown.html && reference.plainText == markdown.plainText
                    && reference.firstParagraph == markdown.firstParagraph
                    && reference.linkTargets == markdown.linkTargets,
                "auto-links as HTML differ from auto-links as nodes on \(page.source.displayPath)")
        }
        let built = zip(site.pages, rendered).map { BuiltPage(page: $0, markdown: $1) }
        diagnostics += built.flatMap(\.markdown.diagnostics)
        let graph = LinkGraph(site: site, pages: built)
        diagnostics += graph.diagnostics + LinkChecker.check(built)
        diagnostics += Linter(config: config, today: "2026-11-29").check(site: site, pages: built, graph: graph)

        var templates = defaultTemplates
        if files.keys.contains(where: { $0.hasPrefix("templates/") }) {
            let (loaded, templateDiagnostics) = TemplateSet.load(directory: root + "/templates", fileSystem: fileSystem)
            templates = loaded
            diagnostics += templateDiagnostics
        }
        guard let templates, !diagnostics.hasErrors else { return (0, [], nil) }
        let renderer = SiteRenderer(site: site, pages: built, graph: graph, templates: templates)
        let reference = SiteRenderer(site: site, pages: built, graph: graph, templates: templates.usingLibraryOnly)
        let items = renderer.items
        var compared = 0
        var differing: [String] = []
        for item in items {
            let file = renderer.render(item)
            // A theme expanding inside itself is stopped here, and would overflow
            // swift-mustache's stack: the build reports it instead of publishing.
            if templates.runaway.tag != nil { break }
            compared += 1
            if file.bytes != reference.render(item).bytes { differing.append(file.path) }
        }
        return (compared, differing, templates.runaway.tag)
    }

    /// The input's files, in order: `-- path --` sections, or the whole input as one page.
    static func split(_ bytes: [UInt8]) -> [(path: String, contents: [UInt8])] {
        let lines = bytes.split(separator: UInt8(ascii: "\n"), omittingEmptySubsequences: false)
        guard let first = lines.first, header(first) != nil else { return [("content/fuzzed.md", bytes)] }
        var files: [(path: String, lines: [ArraySlice<UInt8>])] = []
        for line in lines {
            if let path = header(line) {
                files.append((path, []))
            } else if !files.isEmpty {
                files[files.count - 1].lines.append(line)
            }
        }
        return files.map { ($0.path, Array($0.lines.joined(separator: [UInt8(ascii: "\n")]))) }
    }

    /// The path of a `-- path --` line, when it is one crosswalk would read.
    private static func header(_ line: ArraySlice<UInt8>) -> String? {
        guard line.count > 6, line.starts(with: Array("-- ".utf8)), line.suffix(3).elementsEqual(" --".utf8),
            let path = String(validating: line.dropFirst(3).dropLast(3), as: UTF8.self)
        else { return nil }
        let segments = path.split(separator: "/", omittingEmptySubsequences: false)
        guard !segments.contains(where: { $0.isEmpty || $0 == "." || $0 == ".." }) else { return nil }
        return path.hasPrefix("content/") || path.hasPrefix("templates/") || path == "crosswalk.yml" ? path : nil
    }
}
