/// Every name a page can be referred to by — slug, title and (for terms) aliases — for
/// wikilinks, front-matter relations and did-you-mean suggestions.
public struct Vocabulary: Sendable {
    /// Folded name → indices into `Site.pages`, in URL order.
    private var pagesByName: [String: [Int]] = [:]
    private var pagesBySlug: [String: [Int]] = [:]
    /// Every slug, title and alias as written, for suggestions.
    public private(set) var allNames: [String] = []
    public private(set) var diagnostics: [Diagnostic] = []
    private let urls: [String]

    init(pages: [Page]) {
        urls = pages.map(\.url)
        var aliasOwner: [String: (page: Int, location: SourceLocation)] = [:]
        var titleOwner: [String: Int] = [:]
        for (index, page) in pages.enumerated() where !page.isFolderIndex {
            pagesBySlug[page.slug, default: []].append(index)
            var names = [page.slug]
            if let title = page.declaredTitle {
                names.append(title)
                if page.kind == .term { titleOwner[Self.fold(title)] = titleOwner[Self.fold(title)] ?? index }
            }
            for alias in page.metadata.aliases {
                let key = Self.fold(alias.value)
                if let owner = aliasOwner[key], owner.page != index {
                    diagnostics.append(
                        .error(
                            .duplicateAlias, at: alias.location,
                            "alias '\(alias.value)' is also claimed by \(pages[owner.page].source.displayPath)",
                            hint: "an alias must name one term; remove it from one of them"))
                    continue
                }
                aliasOwner[key] = (index, alias.location)
                names.append(alias.value)
            }
            for name in Set(names.map(Self.fold)) { pagesByName[name, default: []].append(index) }
            allNames += names
        }
        for (key, owner) in aliasOwner.sorted(by: { $0.key < $1.key }) {
            if let titled = titleOwner[key], titled != owner.page {
                diagnostics.append(
                    .error(
                        .duplicateAlias, at: owner.location,
                        "alias '\(key)' is the title of \(pages[titled].source.displayPath)",
                        hint: "an alias must name one term; remove it or rename the other term"))
            }
        }
        allNames = Array(Set(allNames)).sorted()
    }

    /// Case-insensitive, Unicode-normalised, curly apostrophes made straight.
    static func fold(_ name: String) -> String {
        // Most names are ASCII: lower-case them byte by byte, without Foundation.
        if name.utf8.allSatisfy({ $0 < 0x80 }) {
            return String(decoding: name.utf8.map { $0 >= 0x41 && $0 <= 0x5A ? $0 | 0x20 : $0 }, as: UTF8.self)
        }
        return name.precomposedStringWithCanonicalMapping.lowercased().replacingOccurrences(of: "’", with: "'")
    }

    /// Pages a wikilink target names: `slug`, `title`, `alias`, or `folder/slug`
    /// (`glossary/patch` when a term and a tool share the slug `patch`).
    func pages(named target: String) -> [Int] {
        let key = Self.fold(target)
        if let found = pagesByName[key] { return found }
        guard let slash = key.lastIndex(of: "/") else { return [] }
        let folder = key[..<slash] + "/"
        let slug = String(key[key.index(after: slash)...])
        return (pagesBySlug[slug] ?? []).filter { urls[$0].hasPrefix(folder) }
    }

    /// Pages whose file is named `slug`.
    func pages(slug: String) -> [Int] { pagesBySlug[slug] ?? [] }
}
