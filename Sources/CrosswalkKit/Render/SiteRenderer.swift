import Foundation

/// The Render stage: fills the theme's templates for every page, the home page, one index
/// page per section, the glossary A–Z and the crosswalk matrix.
public struct SiteRenderer: Sendable {
    let site: Site
    let pages: [BuiltPage]
    let graph: LinkGraph
    let templates: TemplateSet
    let pageIndexByURL: [String: Int]

    /// The URL of the tools × constraints matrix.
    public static let matrixURL = "matrix/"

    public init(site: Site, pages: [BuiltPage], graph: LinkGraph, templates: TemplateSet) {
        self.site = site
        self.pages = pages
        self.graph = graph
        self.templates = templates
        var index: [String: Int] = [:]
        for (offset, built) in pages.enumerated() where index[built.page.url] == nil {
            index[built.page.url] = offset
        }
        self.pageIndexByURL = index
    }

    /// Everything to render, in output order: each task renders one item.
    public enum Item: Sendable {
        case page(Int)
        case section(PageKind)
        case matrix
        case generatedHome
    }

    var hasMatrix: Bool { !site.pages(of: .tool).isEmpty && !site.pages(of: .constraint).isEmpty }

    /// URLs of generated pages; a content `index.md` there becomes their introduction.
    var generatedURLs: Set<String> {
        var urls = Set(site.sections.compactMap { $0.folder.map { $0 + "/" } })
        if hasMatrix { urls.insert(Self.matrixURL) }
        return urls
    }

    public var items: [Item] {
        let generated = generatedURLs
        var items: [Item] = pages.indices.compactMap { generated.contains(pages[$0].page.url) ? nil : .page($0) }
        items += site.sections.map { .section($0) }
        if hasMatrix { items.append(.matrix) }
        if pageIndexByURL[""] == nil { items.append(.generatedHome) }
        return items
    }

    public func render(_ item: Item) -> OutputFile {
        switch item {
        case .page(let index): renderPage(index)
        case .section(let kind): renderSection(kind)
        case .matrix: renderMatrix()
        case .generatedHome: renderGeneratedHome()
        }
    }

    private func renderPage(_ index: Int) -> OutputFile {
        let built = pages[index]
        let url = built.page.url
        var page = pageFields(built)
        page["body"] = built.markdown.html
        page["toc"] = tableOfContents(built)
        page["breadcrumbs"] = breadcrumbs(for: url, title: built.title)
        page["children"] = built.page.isFolderIndex && !url.isEmpty ? children(of: url) : []
        page["backlinks"] = backlinkGroups(for: index)
        for (key, value) in kindFields(for: index) { page[key] = value }
        var context = baseContext(url: url)
        context["page"] = page
        context["sections"] = url.isEmpty ? sectionSummaries(from: url) : []
        let template = url.isEmpty && templates.names.contains("home") ? "home" : templates.name(for: built.page.kind)
        return OutputFile(path: built.page.outputPath, contents: templates.render(context, template: template))
    }

    private func renderGeneratedHome() -> OutputFile {
        var context = baseContext(url: "")
        context["page"] =
            [
                "title": site.config.title, "kind": "home", "summary": "", "body": "",
                "breadcrumbs": [] as [Any], "children": children(of: ""),
            ] as [String: Any]
        context["sections"] = sectionSummaries(from: "")
        let template = templates.names.contains("home") ? "home" : "page"
        return OutputFile(path: "index.html", contents: templates.render(context, template: template))
    }

    // MARK: shared pieces

    func baseContext(url: String) -> [String: Any] {
        let root = LinkResolver.rootPath(from: url)
        var siteFields: [String: Any] = ["title": site.config.title, "language": site.config.language]
        if let base = site.config.baseURL { siteFields["base_url"] = base }
        var nav: [[String: Any]] = site.sections.map { kind in
            let folder = (kind.folder ?? "") + "/"
            return [
                "title": kind.sectionTitle, "href": LinkResolver.href(from: url, to: folder + "index.html"),
                "current": url.hasPrefix(folder),
            ]
        }
        if hasMatrix {
            nav.append([
                "title": "Matrix", "href": LinkResolver.href(from: url, to: Self.matrixURL + "index.html"),
                "current": url == Self.matrixURL,
            ])
        }
        return ["site": siteFields, "root": root, "home_href": root + "index.html", "nav": nav]
    }

    func pageFields(_ built: BuiltPage) -> [String: Any] {
        var meta: [String: Any] = [:]
        for (key, value) in built.page.frontMatter { meta[key] = value.templateValue }
        return [
            "title": built.title, "summary": built.summary ?? "", "kind": built.page.kind.rawValue,
            "kind_label": built.page.kind.label, "url": built.page.url,
            "source": built.page.source.displayPath, "meta": meta,
        ]
    }

    private func tableOfContents(_ built: BuiltPage) -> [[String: Any]] {
        let headings = built.markdown.headings.filter { $0.level >= 2 && $0.level <= 3 }
        guard headings.count >= 2 else { return [] }
        return headings.map { ["text": $0.text, "id": $0.id, "level": $0.level, "nested": $0.level == 3] }
    }

    /// Home, then each enclosing folder (linked when it has a page), then the page itself.
    func breadcrumbs(for url: String, title: String) -> [[String: Any]] {
        guard !url.isEmpty else { return [] }
        var crumbs: [[String: Any]] = [["title": "Home", "href": LinkResolver.href(from: url, to: "index.html")]]
        let parts = url.split(separator: "/")
        for depth in 1..<parts.count {
            let folder = parts[0..<depth].joined(separator: "/") + "/"
            let folderTitle = self.title(ofURL: folder)
            var crumb: [String: Any] = ["title": folderTitle ?? String(parts[depth - 1])]
            if folderTitle != nil { crumb["href"] = LinkResolver.href(from: url, to: folder + "index.html") }
            crumbs.append(crumb)
        }
        crumbs.append(["title": title, "current": true])
        return crumbs
    }

    /// The title of the page or section published at a folder URL, if any.
    func title(ofURL url: String) -> String? {
        if let index = pageIndexByURL[url] { return pages[index].title }
        if url == Self.matrixURL && hasMatrix { return "Crosswalk matrix" }
        return site.sections.first { ($0.folder ?? "") + "/" == url }?.sectionTitle
    }

    /// A link to a built page, for listings, with its kind and summary.
    func listItem(_ index: Int, from url: String) -> [String: Any] {
        let built = pages[index]
        return [
            "title": built.title, "summary": built.summary ?? "", "kind": built.page.kind.rawValue,
            "kind_label": built.page.kind.label, "href": LinkResolver.href(from: url, to: built.page.outputPath),
        ]
    }

    func sortedByTitle(_ indices: [Int]) -> [Int] {
        indices.sorted { pages[$0].title.localizedStandardCompare(pages[$1].title) == .orderedAscending }
    }

    /// Pages directly inside the folder at `url`, sorted by title.
    private func children(of url: String) -> [[String: Any]] {
        let depth = url.split(separator: "/").count + 1
        let inside = pages.indices.filter { index in
            let child = pages[index].page
            return child.url != url && child.url.hasPrefix(url) && child.kind == .page
                && child.url.split(separator: "/").count == depth
        }
        return sortedByTitle(inside).map { listItem($0, from: url) }
    }

    /// "Referenced by": the pages linking here, grouped by kind in navigation order.
    private func backlinkGroups(for index: Int) -> [[String: Any]] {
        let url = pages[index].page.url
        let sources = graph.backlinks[url] ?? []
        return (PageKind.sections + [.page]).compactMap { kind in
            let members = sortedByTitle(sources.filter { pages[$0].page.kind == kind })
            guard !members.isEmpty else { return nil }
            return [
                "kind": kind.rawValue, "title": kind.sectionTitle, "items": members.map { listItem($0, from: url) },
            ]
        }
    }

    func sectionSummaries(from url: String) -> [[String: Any]] {
        var summaries: [[String: Any]] = site.sections.map { kind in
            let folder = (kind.folder ?? "") + "/"
            return [
                "title": kind.sectionTitle, "count": site.pages(of: kind).count,
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
