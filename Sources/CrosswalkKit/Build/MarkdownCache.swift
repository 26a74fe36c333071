import Foundation

#if canImport(Glibc)
    import Glibc
#endif

/// Every page's rendered markdown, kept beside the output between `crosswalk build`s
/// (`.public.markdown`, an index, and `.public.bodies`, the body spool of the build that made
/// it), so a rebuild parses only the pages whose markdown can have changed: a one-page edit at
/// 10,000 pages spent three of its five seconds parsing pages nobody touched.
///
/// A page's markdown is made from its own source, the names of every page (paths, URLs,
/// titles, aliases: links, wikilinks and the glossary matcher), the assets and the config (a
/// term's hover-card text is in `card-data.js`, not in its links). So a page's entry serves
/// again when:
/// - the *site digest* is the same: the binary, `crosswalk.yml`, the asset paths and every
///   page's names (`names(of:)`, what `SourceRecord.nameHash(of:)` covers for `serve`);
/// - its source digest is the same (front matter and body).
/// Like the output keys, this is checked against builds from nothing by tests. A missing,
/// damaged or foreign cache only means more parsing.
final class MarkdownCache: @unchecked Sendable {
    static let header = "crosswalk-markdown 5"

    struct Entry {
        var source: UInt64
        var body: (offset: Int, count: Int)
        var metadata: (offset: Int, count: Int)
    }

    private let entries: [Entry]
    /// The file the entries point into.
    private let file: BodySpool

    private init(entries: [Entry], file: BodySpool) {
        self.entries = entries
        self.file = file
    }

    /// The index, the bodies file, and the prefix of a build's spool on its way to be one.
    static func paths(of output: String) -> (index: String, bodies: String, spool: String) {
        let output = output.count > 1 && output.hasSuffix("/") ? String(output.dropLast()) : output
        let parent = (output as NSString).deletingLastPathComponent
        let name = (output as NSString).lastPathComponent
        return (
            joinPath(parent, ".\(name).markdown"), joinPath(parent, ".\(name).bodies"),
            joinPath(parent, ".\(name).bodies-")
        )
    }

    /// What every page's markdown depends on besides its own source.
    static func siteDigest(_ site: Site, options: BuildOptions, fileSystem: FileSystem) -> UInt64 {
        var manifest = header + "\n"
        manifest += "binary \(FileSystem.disk.stamp("/proc/self/exe") ?? "-")\n"
        // The config's text, not its file's stamp: tools that write it again unchanged are common.
        let config = (try? fileSystem.read(joinPath(options.sourceRoot, SiteConfig.fileName))) ?? []
        manifest += "config \(StableHash.of(Array(config)))\n"
        for asset in site.assets { manifest += "asset \(asset.relativePath)\n" }
        return digest(manifest, names: site.pages)
    }

    /// `manifest` and `names(of:)` of every page, in order, hashed: the names in runs of pages
    /// on every core, each run's bytes hashed where they were made. Joined and hashed on one
    /// core, the 1.6 MB of names at 10k pages were 3 ms no other core shared, twice a build.
    static func digest(_ manifest: String, names pages: [Page]) -> UInt64 {
        let run = 512
        let starts = Array(stride(from: 0, to: pages.count, by: run))
        let runs = parallelMap(starts) { start in
            var text = HTMLBytes(capacity: 160 * run)
            for page in pages[start..<min(start + run, pages.count)] { appendNames(of: page, to: &text) }
            return StableHash.of(text.bytes)
        }
        var hasher = StableHasher()
        hasher.combine(StableHash.of(Array(manifest.utf8)))
        for hash in runs { hasher.combine(hash) }
        return hasher.value
    }

    /// What other pages' markdown reads of `page`: where it is published and what it is called.
    static func names(of page: Page) -> String {
        var text = HTMLBytes(capacity: 160)
        appendNames(of: page, to: &text)
        return text.string
    }

    /// Appends `names(of: page)`. As bytes, piece by piece: interpolating an enum reflects on
    /// it, and each `String` append cost hundreds of instructions, for every page twice a build.
    static func appendNames(of page: Page, to text: inout HTMLBytes) {
        func place(_ location: SourceLocation) {
            text.raw(" @")
            text.integer(location.line)
            text.raw(":")
            text.integer(location.column)
        }
        text.raw("page ")
        text.raw(page.source.relativePath)
        text.raw("\n")
        text.raw(page.url)
        text.raw(" ")
        text.raw(page.slug)
        text.raw(" ")
        text.raw(page.kind.rawValue)
        text.raw(page.isFolderIndex ? " true " as StaticString : " false ")
        text.raw(page.declaredTitle ?? "-")
        text.raw("\n")
        for (label, names) in [("alias " as StaticString, page.metadata.aliases), ("related ", page.metadata.related)] {
            for name in names {
                text.raw(label)
                text.raw(name.value)
                place(name.location)
                text.raw("\n")
            }
        }
        for entry in page.metadata.constraintVerdicts {
            text.raw("verdict ")
            text.raw(entry.constraint.value)
            place(entry.constraint.location)
            text.raw(" ")
            text.raw(entry.verdict.rawValue)
            text.raw("\n")
        }
    }

    /// The spool for a build writing `output`, and the cache the last build there left when it
    /// was made for a site with the same digest and pages. The spool continues the cache's
    /// file, so unchanged pages cost nothing, unless over half of it is bodies no page uses any
    /// more: then it is a new file, and the pages served again are copied into it.
    static func open(for output: String, site: Site, digest: UInt64) -> (spool: BodySpool?, cache: MarkdownCache?) {
        let paths = paths(of: output)
        let count = site.pages.count
        try? OutputWriter.makeDirectories((paths.index as NSString).deletingLastPathComponent)
        guard let previous = BodySpool(continuing: paths.bodies, count: count),
            let entries = entries(at: paths.index, site: site, digest: digest, token: previous.token)
        else {
            return (BodySpool(count: count, named: paths.spool) ?? BodySpool(count: count), nil)
        }
        let cache = MarkdownCache(entries: entries, file: previous)
        let live = entries.reduce(BodySpool.headerSize) { $0 + $1.body.count + $1.metadata.count }
        if previous.size <= 2 * live { return (previous, cache) }
        return (BodySpool(count: count, named: paths.spool) ?? BodySpool(count: count), cache)
    }

    /// The cache a `crosswalk build` left beside `output`, to read only: `serve` starts from it
    /// and `crosswalk check` checks from it, rather than parsing every page. Nil when there is
    /// none for this site.
    static func reading(for output: String, site: Site, digest: UInt64) -> MarkdownCache? {
        let paths = paths(of: output)
        guard let file = BodySpool(continuing: paths.bodies, count: 0, readOnly: true),
            let entries = entries(at: paths.index, site: site, digest: digest, token: file.token)
        else { return nil }
        return MarkdownCache(entries: entries, file: file)
    }

    /// Page `index` built as the cache holds it, its body in memory (or left empty without
    /// `body`: a check renders nothing); nil when its file changed since (`source`, its digest
    /// now) or the cache cannot give it whole.
    func builtPage(_ index: Int, source: UInt64, site: Site, body: Bool = true) -> BuiltPage? {
        let entry = entries[index]
        guard entry.source == source,
            let metadata = file.read(at: entry.metadata.offset, count: entry.metadata.count),
            let bytes = body ? file.read(at: entry.body.offset, count: entry.body.count) : []
        else { return nil }
        var reader = CacheBytesReader(metadata)
        let html = String(decoding: bytes, as: UTF8.self)
        guard let (markdown, words) = RenderedMarkdown.decode(from: &reader, html: html, pageCount: site.pages.count),
            reader.atEnd
        else { return nil }
        return BuiltPage(page: site.pages[index], markdown: markdown, searchWords: words)
    }

    private static func entries(at path: String, site: Site, digest: UInt64, token: UInt64) -> [Entry]? {
        guard let bytes = try? readWholeFile(path) else { return nil }
        var reader = CacheBytesReader(bytes)
        guard reader.string() == header, reader.integer() == digest, reader.integer() == token,
            reader.count() == site.pages.count
        else { return nil }
        var entries: [Entry] = []
        entries.reserveCapacity(site.pages.count)
        for page in site.pages {
            guard reader.string() == page.source.relativePath else { return nil }
            entries.append(
                Entry(
                    source: reader.integer(), body: (reader.place(), reader.place()),
                    metadata: (reader.place(), reader.place())))
        }
        guard !reader.failed, reader.atEnd else { return nil }
        return entries
    }

    /// Page `index` built as the last build made it, when it still holds for `source`, with its
    /// record; its body is put in `spool` and its `html` left empty.
    func reuse(_ index: Int, source: UInt64, site: Site, into spool: BodySpool) -> (BuiltPage, MarkdownCacheRecord)? {
        let entry = entries[index]
        guard entry.source == source, let metadata = file.read(at: entry.metadata.offset, count: entry.metadata.count)
        else { return nil }
        var reader = CacheBytesReader(metadata)
        guard let (markdown, words) = RenderedMarkdown.decode(from: &reader, html: "", pageCount: site.pages.count),
            reader.atEnd
        else { return nil }
        let built = BuiltPage(page: site.pages[index], markdown: markdown, searchWords: words)
        if spool === file {
            spool.adopt(index, at: entry.body)
            return (built, MarkdownCacheRecord(source: source, metadata: entry.metadata))
        }
        guard let body = file.read(at: entry.body.offset, count: entry.body.count),
            body.withUnsafeBytes({ spool.store(bytes: $0, at: index) }),
            let record = MarkdownCacheRecord.make(built, source: source, spool: spool)
        else { return nil }
        return (built, record)
    }
}

extension CacheBytesReader {
    /// An offset or size in the bodies file, which the index itself cannot bound.
    fileprivate mutating func place() -> Int {
        let value = integer()
        guard value < 1 << 48 else {
            fail()
            return 0
        }
        return Int(value)
    }
}

/// What a build writing a cache records of each page as it renders it.
struct MarkdownCacheRecord: Sendable {
    var source: UInt64
    var metadata: (offset: Int, count: Int)

    /// Appends `built`'s markdown metadata and search words to `spool` (which holds its body
    /// already); nil when they could not be written, and then the cache is not saved.
    static func make(_ built: BuiltPage, source: UInt64, spool: BodySpool) -> Self? {
        var writer = CacheBytesWriter(capacity: 4096)
        built.markdown.encode(into: &writer, searchWords: built.searchWords)
        guard let (offset, count) = writer.withBytes({ bytes in spool.append(bytes).map { ($0, bytes.count) } })
        else { return nil }
        return Self(source: source, metadata: (offset, count))
    }

    /// Makes `spool` the cache beside `output`, with `records` (one per page, in site order).
    /// Nothing is saved when a record is missing: the cache there, if any, stays as it was.
    static func save(
        _ records: [MarkdownCacheRecord?], site: Site, digest: UInt64, spool: BodySpool, output: String
    ) {
        let paths = MarkdownCache.paths(of: output)
        var writer = CacheBytesWriter()
        writer.string(MarkdownCache.header)
        writer.integer(digest)
        writer.integer(spool.token)
        writer.integer(site.pages.count)
        for (index, record) in records.enumerated() {
            guard let record, let body = spool.place(of: index) else { return }
            writer.string(site.pages[index].source.relativePath)
            writer.integer(record.source)
            writer.integer(body.offset)
            writer.integer(body.count)
            writer.integer(record.metadata.offset)
            writer.integer(record.metadata.count)
        }
        // Bodies first: until the index follows, the index there names another file's token
        // and serves nothing.
        guard spool.keep(at: paths.bodies) else { return }
        let temporary = paths.index + ".new"
        let descriptor = open(temporary, O_WRONLY | O_CREAT | O_TRUNC | O_CLOEXEC, 0o644)
        guard descriptor >= 0 else { return }
        let complete = writer.withBytes { Glibc.write(descriptor, $0.baseAddress, $0.count) == $0.count }
        close(descriptor)
        if complete { rename(temporary, paths.index) } else { unlink(temporary) }
    }
}
