import Foundation

/// The Render stage: fills the theme's templates for every page, the home page and one
/// index page per section.
public struct SiteRenderer: Sendable {
    let site: Site
    let pages: [BuiltPage]
    let templates: TemplateSet
    private let pageIndexByURL: [String: Int]

    public init(site: Site, pages: [BuiltPage], templates: TemplateSet) {
        self.site = site
        self.pages = pages
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
        case generatedHome
    }

    public var items: [Item] {
        let sectionURLs = Set(site.sections.compactMap { $0.folder.map { $0 + "/" } })
        var items: [Item] = pages.indices.compactMap { index in
            sectionURLs.contains(pages[index].page.url) ? nil : .page(index)
        }
        items += site.sections.map { .section($0) }
        if pageIndexByURL[""] == nil { items.append(.generatedHome) }
        return items
    }

    public func render(_ item: Item) -> OutputFile {
        switch item {
        case .page(let index): renderPage(pages[index])
        case .section(let kind): renderSection(kind)
        case .generatedHome: renderGeneratedHome()
        }
    }

    private func renderPage(_ built: BuiltPage) -> OutputFile {
        let url = built.page.url
        var page = pageFields(built)
        page["body"] = built.markdown.html
        page["toc"] = tableOfContents(built)
        page["breadcrumbs"] = breadcrumbs(for: url, title: built.title)
        page["children"] = built.page.isFolderIndex && !url.isEmpty ? children(of: url) : []
        for (key, value) in KindFields.fields(for: built, site: site, from: url, resolveTitle: title(ofURL:)) {
            page[key] = value
        }
        var context = baseContext(url: url, title: built.title)
        context["page"] = page
        context["sections"] = url.isEmpty ? sectionSummaries(from: url) : []
        let template = url.isEmpty && templates.names.contains("home") ? "home" : templates.name(for: built.page.kind)
        return OutputFile(path: built.page.outputPath, contents: templates.render(context, template: template))
    }

    private func renderSection(_ kind: PageKind) -> OutputFile {
        let url = (kind.folder ?? "") + "/"
        let intro = pageIndexByURL[url].map { pages[$0] }
        let title = intro?.title ?? kind.sectionTitle
        var page: [String: Any] = [
            "title": title, "kind": "section", "kind_label": kind.sectionTitle,
            "summary": intro?.summary ?? "", "body": intro?.markdown.html ?? "",
        ]
        page["breadcrumbs"] = breadcrumbs(for: url, title: title)
        page["items"] = site.pages(of: kind)
            .compactMap { pageIndexByURL[$0.url].map { pages[$0] } }
            .sorted { $0.title.localizedStandardCompare($1.title) == .orderedAscending }
            .compactMap { listItem(for: $0.page.url, from: url) }
        var context = baseContext(url: url, title: title)
        context["page"] = page
        return OutputFile(path: url + "index.html", contents: templates.render(context, template: "list"))
    }

    private func renderGeneratedHome() -> OutputFile {
        var context = baseContext(url: "", title: site.config.title)
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

    private func baseContext(url: String, title: String) -> [String: Any] {
        let root = LinkResolver.rootPath(from: url)
        var site: [String: Any] = ["title": self.site.config.title, "language": self.site.config.language]
        if let base = self.site.config.baseURL { site["base_url"] = base }
        return [
            "site": site,
            "root": root,
            "home_href": root + "index.html",
            "nav": self.site.sections.map { kind -> [String: Any] in
                let folder = (kind.folder ?? "") + "/"
                return [
                    "title": kind.sectionTitle,
                    "href": LinkResolver.href(from: url, to: folder + "index.html"),
                    "current": url.hasPrefix(folder),
                ]
            },
        ]
    }

    private func pageFields(_ built: BuiltPage) -> [String: Any] {
        var meta: [String: Any] = [:]
        for (key, value) in built.page.frontMatter { meta[key] = value.templateValue }
        return [
            "title": built.title,
            "summary": built.summary ?? "",
            "kind": built.page.kind.rawValue,
            "kind_label": built.page.kind.label,
            "url": built.page.url,
            "source": built.page.source.displayPath,
            "meta": meta,
        ]
    }

    private func tableOfContents(_ built: BuiltPage) -> [[String: Any]] {
        let headings = built.markdown.headings.filter { $0.level >= 2 && $0.level <= 3 }
        guard headings.count >= 2 else { return [] }
        return headings.map { ["text": $0.text, "id": $0.id, "level": $0.level, "nested": $0.level == 3] }
    }

    /// Home, then each enclosing folder (linked when it has a page), then the page itself.
    private func breadcrumbs(for url: String, title: String) -> [[String: Any]] {
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
        return site.sections.first { ($0.folder ?? "") + "/" == url }?.sectionTitle
    }

    private func listItem(for targetURL: String, from url: String) -> [String: Any]? {
        guard let index = pageIndexByURL[targetURL] else { return nil }
        let built = pages[index]
        return [
            "title": built.title, "summary": built.summary ?? "", "kind": built.page.kind.rawValue,
            "href": LinkResolver.href(from: url, to: built.page.outputPath),
        ]
    }

    /// Pages directly inside the folder at `url`, sorted by title.
    private func children(of url: String) -> [[String: Any]] {
        let depth = url.split(separator: "/").count + 1
        return pages.filter { built in
            let childURL = built.page.url
            return childURL != url && childURL.hasPrefix(url) && built.page.kind == .page
                && childURL.split(separator: "/").count == depth
        }
        .sorted { $0.title.localizedStandardCompare($1.title) == .orderedAscending }
        .compactMap { listItem(for: $0.page.url, from: url) }
    }

    private func sectionSummaries(from url: String) -> [[String: Any]] {
        site.sections.map { kind in
            let folder = (kind.folder ?? "") + "/"
            return [
                "title": kind.sectionTitle, "count": site.pages(of: kind).count,
                "href": LinkResolver.href(from: url, to: folder + "index.html"),
            ]
        }
    }
}
