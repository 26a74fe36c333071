/// Every name a page can be referred to by — slug, title and (for terms) aliases — for
/// wikilinks, front-matter relations and did-you-mean suggestions.
public struct Vocabulary: Sendable {
    /// Folded name → indices into `Site.pages`, in URL order.
    private var pagesByName = PageIndexTable()
    private var pagesBySlug = PageIndexTable()
    /// Every slug, title and alias as written, sorted and each once, for suggestions: sorted
    /// the first time one is needed, which a build without a broken link never is (at 100,000
    /// pages, sorting them was most of the Index stage, on one core).
    public var allNames: [String] { sortedNames.value { Array(Set(names)).sorted() } }
    /// The same in page order, with repeats.
    private var names: [String] = []
    private var sortedNames = MadeOnce<[String]>()
    public private(set) var diagnostics: [Diagnostic] = []
    private let urls: [String]

    init(pages: [Page]) {
        urls = pages.map(\.url)
        var aliasOwner: [String: (page: Int, location: SourceLocation)] = [:]
        var titleOwner: [String: Int] = [:]
        // Sized up front: grown by doubling, 100,000 names were hashed again at every doubling.
        pagesBySlug.reserveCapacity(pages.count)
        pagesByName.reserveCapacity(pages.count * 2)
        self.names.reserveCapacity(pages.count * 2)
        // Every name folded first, on every core: one page after another, folding was about a
        // seventh of the vocabulary, the longest task of the Index stage.
        let folded = pages.count >= 1024 ? parallelMap(pages, Self.foldedNames) : pages.map(Self.foldedNames)
        // One buffer for every page's keys: an array or two made per page was most of the rest.
        var pageKeys: [String] = []
        for (index, page) in pages.enumerated() where !page.isFolderIndex {
            let keys = folded[index]
            pagesBySlug.append(index, to: page.slug)
            self.names.append(page.slug)
            pageKeys.removeAll(keepingCapacity: true)
            pageKeys.append(keys.slug)
            if let title = page.declaredTitle, let key = keys.title {
                self.names.append(title)
                pageKeys.append(key)
                if page.kind == .term, titleOwner[key] == nil { titleOwner[key] = index }
            }
            for (alias, key) in zip(page.metadata.aliases, keys.aliases) {
                if let owner = aliasOwner[key], owner.page != index {
                    diagnostics.append(
                        .error(
                            .duplicateAlias, at: alias.location,
                            "alias '\(alias.value)' is also claimed by \(pages[owner.page].source.displayPath)",
                            hint: "an alias must name one term; remove it from one of them"))
                    continue
                }
                aliasOwner[key] = (index, alias.location)
                self.names.append(alias.value)
                pageKeys.append(key)
            }
            // A page's few names, each once (no `Set` per page).
            for (position, key) in pageKeys.enumerated() where !pageKeys[..<position].contains(key) {
                pagesByName.append(index, to: key)
            }
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
    }

    /// This vocabulary after `changes` gave pages new titles or aliases (`serve` after a
    /// rename), patched rather than made again; nil when the result could differ from a new
    /// vocabulary's: a page changed its slug or folder-index role, this one has problems to
    /// report, or a new name is one another page has (which page keeps an alias then depends
    /// on order: the full build decides).
    func renaming(_ changes: [(index: Int, old: Page, new: Page)], pages: [Page]) -> Vocabulary? {
        guard diagnostics.isEmpty else { return nil }
        var patched = self
        var added: Set<String> = []
        var removed: Set<String> = []
        for (index, old, new) in changes {
            guard old.slug == new.slug, old.isFolderIndex == new.isFolderIndex else { return nil }
            if old.isFolderIndex { continue }
            let (oldNames, newNames) = (Self.names(of: old), Self.names(of: new))
            let (oldKeys, newKeys) = (Set(oldNames.map(Self.fold)), Set(newNames.map(Self.fold)))
            for key in oldKeys.subtracting(newKeys) { patched.pagesByName.remove(index, from: key) }
            for key in newKeys.subtracting(oldKeys) {
                guard patched.pagesByName.find(key) == .none else { return nil }
                patched.pagesByName.append(index, to: key)
            }
            removed.formUnion(oldNames)
            added.formUnion(newNames)
        }
        // A name as written leaves the list only when no page has it any more.
        let gone = removed.subtracting(added).filter { name in
            !patched.pagesByName.all(Self.fold(name)).contains { Self.names(of: pages[$0]).contains(name) }
        }
        patched.names.removeAll { gone.contains($0) }
        patched.names += added
        patched.sortedNames = MadeOnce()
        return patched
    }

    /// A page's slug, declared title and aliases, folded.
    private static func foldedNames(_ page: Page) -> (slug: String, title: String?, aliases: [String]) {
        guard !page.isFolderIndex else { return ("", nil, []) }
        return (fold(page.slug), page.declaredTitle.map(fold), page.metadata.aliases.map { fold($0.value) })
    }

    /// A page's names as written, what wikilinks and auto-links find it by: slug, declared
    /// title, aliases.
    static func names(of page: Page) -> [String] {
        [page.slug] + (page.declaredTitle.map { [$0] } ?? []) + page.metadata.aliases.map(\.value)
    }

    /// Case-insensitive, Unicode-normalised, curly apostrophes made straight.
    static func fold(_ name: String) -> String {
        // Most names are ASCII: lower-case them byte by byte, without Foundation; most slugs
        // are lower case already, and are their own key.
        let (ascii, upper) = name.withUTF8Bytes { bytes -> (Bool, Bool) in
            var upper = false
            for byte in bytes {
                if byte >= 0x80 { return (false, upper) }
                if byte >= 0x41 && byte <= 0x5A { upper = true }
            }
            return (true, upper)
        }
        if ascii {
            guard upper else { return name }
            // Written into the String's own storage: a mapped array, then a String of it,
            // was most of a wikilink's lookup.
            return name.withUTF8Bytes { bytes in
                String(unsafeUninitializedCapacity: bytes.count) { output in
                    for index in bytes.indices {
                        let byte = bytes[index]
                        output[index] = byte >= 0x41 && byte <= 0x5A ? byte | 0x20 : byte
                    }
                    return bytes.count
                }
            }
        }
        return name.precomposedStringWithCanonicalMapping.lowercased().replacingOccurrences(of: "’", with: "'")
    }

    /// Pages a wikilink target names: `slug`, `title`, `alias`, or `folder/slug`
    /// (`glossary/patch` when a term and a tool share the slug `patch`).
    func pages(named target: String) -> [Int] {
        let key = Self.fold(target)
        // A name in the table names at least one page (`PageIndexTable.remove` drops the rest).
        let named = pagesByName.all(key)
        return named.isEmpty ? pagesInFolder(named: key) : named
    }

    /// The one page `target` names, as `pages(named:)` finds it; nil when it names none or
    /// several. Nothing is copied for a name of one page, by far the most common answer.
    func onlyPage(named target: String) -> Int? {
        let key = Self.fold(target)
        switch pagesByName.find(key) {
        case .one(let index): return index
        case .several: return nil
        case .none:
            let found = pagesInFolder(named: key)
            return found.count == 1 ? found[0] : nil
        }
    }

    /// `folder/slug`: the pages named `slug` under `folder`.
    private func pagesInFolder(named key: String) -> [Int] {
        guard let slash = key.lastIndex(of: "/") else { return [] }
        let folder = key[..<slash] + "/"
        let slug = String(key[key.index(after: slash)...])
        return pagesBySlug.all(slug).filter { urls[$0].hasPrefix(folder) }
    }

    /// Pages whose file is named `slug`.
    func pages(slug: String) -> [Int] { pagesBySlug.all(slug) }
}
