/// `404.html`: a server shows it at whatever URL was missing, so its links cannot be relative
/// to its own place; they start from the site's root path instead (from `base_url`, else `/`).
extension SiteRenderer {
    static let notFoundTemplate = "not-found"

    func renderNotFound() -> OutputFile {
        let root = Sitemap.rootPath(site.config.baseURL)
        var context = baseContext(url: "", absoluteRoot: root)
        var summaries: [TemplateFields] = sections.map { kind in
            [
                "title": kind.sectionTitle, "count": site.count(of: kind),
                "href": root + (kind.folder ?? "") + "/index.html",
            ]
        }
        if hasMatrix {
            summaries.append([
                "title": "Crosswalk matrix", "count": graph.verdicts.count,
                "href": root + Self.matrixURL + "index.html",
            ])
        }
        context["sections"] = summaries
        let page: TemplateFields = [
            "title": "Page not found", "kind": "not-found", "kind_label": "Error 404",
            "summary": "There is no page at this address. It may have been renamed or moved.",
        ]
        context["page"] = page.adding(missingFrom: Self.noLists)
        return templates.renderFile(context, template: Self.notFoundTemplate, path: "404.html")
    }
}
