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
        case .cardData: CardData.fileName
        case .sitemap: Sitemap.fileName
        }
    }

    /// The content page whose body introduces a generated page (`glossary/index.md` for the
    /// glossary's section page), if there is one.
    public func introPage(of item: Item) -> Int? {
        switch item {
        case .section(let kind): site.index(url: (kind.folder ?? "") + "/")
        case .matrix: site.index(url: Self.matrixURL)
        default: nil
        }
    }

    /// Whether `url` starts with `folder` and a `/`, compared as bytes: not a `folder + "/"`
    /// string and a `hasPrefix` per section, on every page.
    static func isBelow(_ url: String, folder: String) -> Bool {
        let (url, folder) = (url.utf8, folder.utf8)
        guard url.count > folder.count, url.starts(with: folder) else { return false }
        return url[url.index(url.startIndex, offsetBy: folder.count)] == UInt8(ascii: "/")
    }

    /// The folder a page URL sits in: `a/b/` → `a/`, `a/` → `` (home).
    static func parentFolder(of url: String) -> String {
        let trimmed = url.hasSuffix("/") ? url.dropLast() : Substring(url)
        guard let slash = trimmed.lastIndex(of: "/") else { return "" }
        return String(trimmed[...slash])
    }
}
