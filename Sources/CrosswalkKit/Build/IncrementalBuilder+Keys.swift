/// The keys `IncrementalBuilder` compares between rebuilds. They live only in this process, so
/// Swift's seeded hasher serves where no stable hash is needed.
extension IncrementalBuilder {
    /// `pageNames` hashes every page's path and front matter in discovery order (a sorted
    /// walk, as stable as the site's own order).
    static func siteKey(config: SiteConfig, pageNames: Int, assets: [AssetFile]) -> UInt64 {
        // Keys live only in this process, so Swift's seeded hasher will do.
        var hasher = Hasher()
        hasher.combine(
            "\(config.title)|\(config.baseURL ?? "-")|\(config.language)|\(config.unsafeHTML)|\(config.smartPunctuation)|"
        )
        hasher.combine("\(config.maxFileBytes)|\(config.disabledLints.sorted())")
        hasher.combine(pageNames)
        for asset in assets.sorted(by: { $0.relativePath < $1.relativePath }) { hasher.combine(asset.relativePath) }
        return UInt64(bitPattern: Int64(hasher.finalize()))
    }

    static func listingKey(_ siteKey: UInt64, _ pages: [BuiltPage], templatesStamp: String, today: String)
        -> UInt64
    {
        var hasher = Hasher()
        hasher.combine(siteKey)
        hasher.combine(templatesStamp)
        hasher.combine(today)
        for built in pages {
            hasher.combine(built.title)
            hasher.combine(built.summary)
            // The glossary's own page lists every term's meanings.
            if built.page.kind == .term {
                hasher.combine(built.page.metadata.it)
                hasher.combine(built.page.metadata.ot)
            }
        }
        return UInt64(bitPattern: Int64(hasher.finalize()))
    }

    /// `search` hashes every page's search-entry key; `stamps` are the source stamps of the
    /// built pages, by index.
    static func key(
        for item: SiteRenderer.Item, renderer: SiteRenderer, graph: LinkGraph, listing: UInt64, search: UInt64,
        stamps: [String]
    ) -> UInt64 {
        switch item {
        case .page(let index):
            // Backlinks by index are enough because the listing key changes whenever the set
            // of pages does.
            var hasher = Hasher()
            hasher.combine(listing)
            hasher.combine(stamps[index])
            hasher.combine(graph.backlinks[renderer.pages[index].page.url] ?? [])
            return UInt64(bitPattern: Int64(hasher.finalize()))
        case .searchIndex:
            return StableHash.of(Array("\(listing) \(search) search".utf8))
        default:
            // A generated page also shows its introduction's body, which no listing key holds.
            let intro = renderer.introPage(of: item).map { stamps[$0] }
            return StableHash.of(Array("\(listing) \(item) \(intro ?? "-")".utf8))
        }
    }

    /// Each page's search-entry key. An entry shows only its own page's fields, which its file
    /// gives (with `stamps` marking pages parsed again for other pages' names), and whether it
    /// introduces a section (the sections there are, the config): not other pages' names, so a
    /// rename keeps the entries of the pages it does not touch.
    /// `searchStamps` holds each page's URL and stamp hashed (`searchStamp`).
    static func searchKeys(site: Site, baseKey: UInt64, searchStamps: [Int]) -> [Int] {
        var base = Hasher()
        base.combine(baseKey)
        base.combine(site.sections.map(\.rawValue))
        base.combine(site.count(of: .tool) > 0 && site.count(of: .constraint) > 0)
        let baseValue = base.finalize()
        return searchStamps.map { stamp in
            var hasher = Hasher()
            hasher.combine(baseValue)
            hasher.combine(stamp)
            return hasher.finalize()
        }
    }

    /// A page's own part of its search key, hashed when its stamp is made, not for every page
    /// after every edit: at 100,000 pages reading each page's URL and stamp from wherever they
    /// lie in memory was a tenth of a one-page `serve` rebuild.
    static func searchStamp(url: String, stamp: String) -> Int {
        var hasher = Hasher()
        hasher.combine(url)
        hasher.combine(stamp)
        return hasher.finalize()
    }

    static func searchStamps(site: Site, stamps: [String]) -> [Int] {
        zip(site.pages, stamps).map { searchStamp(url: $0.url, stamp: $1) }
    }
}
