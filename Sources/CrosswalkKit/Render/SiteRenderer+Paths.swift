/// Where each render item is written, known without rendering it — so an incremental build
/// can decide what to render.
extension SiteRenderer {
    public func outputPath(of item: Item) -> String {
        switch item {
        case .page(let index): pages[index].page.outputPath
        case .section(let kind): (kind.folder ?? "") + "/index.html"
        case .matrix: Self.matrixURL + "index.html"
        case .generatedHome: "index.html"
        case .notFound: "404.html"
        case .searchIndex: SearchIndex.fileName
        case .sitemap: Sitemap.fileName
        }
    }
}
