import Foundation
import Mustache

/// A link to a built page in "Referenced by". Templates read its fields by name (`title`,
/// `summary`, `kind`, `kind_label`, `href`) or take `html`: the theme's `partials/list-item`
/// filled for it. Links are relative to the site root (`../../glossary/plc/index.html`), so
/// the filled partial is the same for every page at one folder depth and is rendered once per
/// page and depth: a term linked from thousands of pages was otherwise filled in thousands of
/// times, and that was the largest part of rendering.
final class ListItem: MustacheParent, Sendable {
    let title: String
    let summary: String?
    let kind: PageKind
    let href: String
    let html: String?

    init(title: String, summary: String?, kind: PageKind, href: String, html: String?) {
        self.title = title
        self.summary = summary?.isEmpty == true ? nil : summary
        self.kind = kind
        self.href = href
        self.html = html
    }

    func child(named name: String) -> Any? {
        switch name {
        case "title": TemplateText(title)
        case "summary": summary.map(TemplateText.init)
        case "kind": TemplateText(kind.rawValue)
        case "kind_label": TemplateText(kind.label)
        case "href": TemplateText(href)
        case "html": html.map(TemplateText.init)
        default: nil
        }
    }
}

/// Filled `partials/list-item` by page and root path, shared by every render task.
public final class ListItemCache: @unchecked Sendable {
    private struct Key: Hashable {
        var page: Int
        var root: String

        /// The page and the root's length: a page is listed under one or two roots, so
        /// this tells them apart as well as hashing the root's bytes, which cost more than
        /// the rest of a lookup. Equality still compares the whole root.
        func hash(into hasher: inout Hasher) {
            hasher.combine(page)
            hasher.combine(root.utf8.count)
        }
    }

    /// Entries under a root that is not only a way up, by page, in shards with their own
    /// locks: every listing on every page may ask here, from every render task at once.
    private final class Shard: @unchecked Sendable {
        var filled: [Key: String] = [:]
        let lock = NSLock()
    }

    /// Entries under a root that is only a way up (`../../`), by page, one table per depth: the
    /// entries one listing reads are all at one depth, so it reads them under one lock (a lock
    /// per entry was about 1% of a build). Their bytes are in `chunks`, never moved or freed
    /// while the cache lives, so reading one retains nothing: a shared string was retained on
    /// every read, from every core.
    private final class DepthTable: @unchecked Sendable {
        var entries: [UnsafeBufferPointer<UInt8>?] = []
        private var chunks: [UnsafeMutableRawPointer] = []
        private var free = UnsafeMutableRawBufferPointer(start: nil, count: 0)
        let lock = NSLock()

        /// The entry of `page`, if any; the caller holds `lock`.
        func entry(_ page: Int) -> UnsafeBufferPointer<UInt8>? { page < entries.count ? entries[page] : nil }

        /// Keeps `text` as the entry of `page`, unless another task did first; the caller holds
        /// `lock`. Returns the entry.
        func store(_ text: String, page: Int) -> UnsafeBufferPointer<UInt8> {
            if let kept = entry(page) { return kept }
            if entries.count <= page { entries += repeatElement(nil, count: page + 1 - entries.count) }
            let kept = keep(text)
            entries[page] = kept
            return kept
        }

        /// A copy of `text`'s bytes in the chunks. (An entry forgotten leaves its bytes there.)
        private func keep(_ text: String) -> UnsafeBufferPointer<UInt8> {
            text.withUTF8Bytes { bytes in
                if free.count < bytes.count {
                    let size = max(bytes.count, 16 << 10)
                    let chunk = UnsafeMutableRawPointer.allocate(byteCount: size, alignment: 1)
                    chunks.append(chunk)
                    free = UnsafeMutableRawBufferPointer(start: chunk, count: size)
                }
                guard let start = free.baseAddress, let source = bytes.baseAddress else {
                    return UnsafeBufferPointer(start: nil, count: 0)
                }
                start.copyMemory(from: source, byteCount: bytes.count)
                free = UnsafeMutableRawBufferPointer(rebasing: free[bytes.count...])
                return UnsafeBufferPointer(start: start.assumingMemoryBound(to: UInt8.self), count: bytes.count)
            }
        }

        deinit { for chunk in chunks { chunk.deallocate() } }
    }

    private static let shardCount = 64
    private let shards = (0..<shardCount).map { _ in Shard() }
    /// One table per depth `depth(of:)` can give.
    private let depths = (0...maxDepth).map { _ in DepthTable() }
    static let maxDepth = 64

    public init() {}

    private func shard(_ page: Int) -> Shard { shards[page & (Self.shardCount - 1)] }

    /// Drops the entries of `pages` (their title or summary changed).
    func forget(pages: Set<Int>) {
        for page in pages {
            let shard = shard(page)
            shard.lock.withLock { shard.filled = shard.filled.filter { $0.key.page != page } }
        }
        for table in depths {
            table.lock.withLock {
                for page in pages where page < table.entries.count { table.entries[page] = nil }
            }
        }
    }

    func html(page: Int, root: String, fill: () -> String) -> String {
        guard let depth = Self.depth(of: root) else {
            let shard = shard(page)
            let key = Key(page: page, root: root)
            if let hit = shard.lock.withLock({ shard.filled[key] }) { return hit }
            let html = fill()
            shard.lock.withLock { shard.filled[key] = html }
            return html
        }
        let table = depths[depth]
        if let kept = table.lock.withLock({ table.entry(page) }) { return String(decoding: kept, as: UTF8.self) }
        let html = fill()
        table.lock.withLock { _ = table.store(html, page: page) }
        return html
    }

    /// What `html(page:root:fill:)` gives for each of `pages`, all listed at `root`, as bytes
    /// kept in place (returning strings retained them, and every core reads the entries of
    /// popular pages): those kept already are read under one lock, the rest filled. Nil when
    /// `root` is not only a way up.
    func entries(pages: [Int], root: String, fill: (Int) -> String) -> [UnsafeBufferPointer<UInt8>]? {
        guard let depth = Self.depth(of: root) else { return nil }
        let table = depths[depth]
        var found = table.lock.withLock { pages.map(table.entry) }
        for index in found.indices where found[index] == nil {
            // Filled meanwhile, by another task or for the same page earlier in this list?
            if let kept = table.lock.withLock({ table.entry(pages[index]) }) {
                found[index] = kept
                continue
            }
            let html = fill(pages[index])
            found[index] = table.lock.withLock { table.store(html, page: pages[index]) }
        }
        return found.map { $0 ?? UnsafeBufferPointer(start: nil, count: 0) }
    }

    /// How many `../` make up `root`, when it is nothing else (and not absurdly deep).
    static func depth(of root: String) -> Int? {
        root.withUTF8Bytes { bytes -> Int? in
            guard bytes.count % 3 == 0, bytes.count <= 3 * maxDepth else { return nil }
            for start in stride(from: 0, to: bytes.count, by: 3)
            where bytes[start] != 0x2E || bytes[start + 1] != 0x2E || bytes[start + 2] != 0x2F {
                return nil
            }
            return bytes.count / 3
        }
    }
}

extension SiteRenderer {
    /// The theme partial that draws one listing entry; themes without it list by fields only.
    static let listItemPartial = "partials/list-item"
    /// The theme partial for the site header, filled once per folder depth and section.
    static let headerPartial = "partials/header"

    /// The entry for page `index` as listed on a page whose way back to the site root is `root`.
    func sharedListItem(_ index: Int, root: String) -> ListItem {
        listItem(index, root: root, html: sharedListItemHTML(index, root: root))
    }

    /// `sharedListItemHTML(_:root:)` of each of `pages` as bytes, when `root` is only a way up
    /// (`ListItemCache.entries`); nil otherwise, or without the partial.
    func sharedListItemBytes(_ pages: [Int], root: String) -> [UnsafeBufferPointer<UInt8>]? {
        guard hasListItemPartial else { return nil }
        return listItems.entries(pages: pages, root: root) { index in
            templates.render(listItem(index, root: root, html: nil), template: Self.listItemPartial)
        }
    }

    /// The theme's `partials/list-item` filled for page `index` at `root`; nil without it.
    func sharedListItemHTML(_ index: Int, root: String) -> String? {
        guard hasListItemPartial else { return nil }
        return listItems.html(page: index, root: root) {
            templates.render(listItem(index, root: root, html: nil), template: Self.listItemPartial)
        }
    }

    private func listItem(_ index: Int, root: String, html: String?) -> ListItem {
        ListItem(
            title: pages[index].title, summary: pages[index].summary, kind: pages[index].page.kind,
            href: root + pages[index].page.outputPath, html: html)
    }
}
