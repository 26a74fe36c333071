/// A content page after the Model stage: its identity, where it is published, and its front
/// matter. The rendered body comes later (Markdown stage).
///
/// A class: pages are made once and never change, and every stage looks them up by index;
/// as a struct, each `pages[i].url` copied the whole page, which showed up in profiles.
public final class Page: Sendable {
    public let kind: PageKind
    /// The file name without `.md`, slugified: `plc`.
    public let slug: String
    public let source: SourceFile
    /// The page's folder URL below the site root, ending in `/` (empty for the home page):
    /// `glossary/plc/`. The file is written to `<url>index.html`.
    public let url: String
    /// From front matter; nil when the title comes from the body's first `# H1` or file name.
    public let declaredTitle: String?
    public let summary: String?
    /// True for `index.md` / `README.md`: the page that stands for its folder.
    public let isFolderIndex: Bool
    /// Every front-matter key in file order, for templates and kind schemas.
    public let frontMatter: [(key: String, value: FrontMatterValue)]
    /// The front matter checked against the kind's schema.
    public let metadata: PageMetadata

    public init(
        kind: PageKind, slug: String, source: SourceFile, url: String, declaredTitle: String?,
        summary: String?, isFolderIndex: Bool, frontMatter: [(key: String, value: FrontMatterValue)],
        metadata: PageMetadata = PageMetadata()
    ) {
        self.kind = kind
        self.slug = slug
        self.source = source
        self.url = url
        self.declaredTitle = declaredTitle
        self.summary = summary
        self.isFolderIndex = isFolderIndex
        self.frontMatter = frontMatter
        self.metadata = metadata
        self.outputPath = url + "index.html"
    }

    /// The output file below the site root: `glossary/plc/index.html`.
    public let outputPath: String

    public func value(_ key: String) -> FrontMatterValue? {
        frontMatter.first { $0.key == key }?.value
    }

    /// Fallback title: the file name without `.md` (the folder name for an index page).
    public var fileNameTitle: String {
        var components = pathSegments(source.relativePath).map(String.init)
        let fileName = components.removeLast()
        if isFolderIndex, let folder = components.last { return folder }
        if isFolderIndex { return "Home" }
        return String(fileName.dropLast(3))
    }
}
