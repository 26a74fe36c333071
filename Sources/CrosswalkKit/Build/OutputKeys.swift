import Foundation

/// What each output file of a `crosswalk build` was made from, kept beside the output
/// (`.public.keys`), so the next build renders only the files whose inputs changed and links
/// the rest from the output it replaces. Keys are stable hashes (FNV-1a), the same in every
/// process.
///
/// A file's key covers what it shows:
/// - the *listing digest*: the binary, the options and the day, `crosswalk.yml`, every
///   template, every asset path, and every page's names (`MarkdownCache.names(of:)`: path, URL,
///   kind, declared title, aliases, relations, verdicts), which decide every link, list and
///   order; a new name renders everything again;
/// - for a page: its own source, the pages linking to it (backlinks, neighbours), the hover
///   cards of the terms it links to (its body carries them), and the *shown text* (final
///   title, summary, a term's meanings) of every page it shows (`pagesShown(by:)`);
/// - for a generated page, the search index, the sitemap and the 404 page: every page's shown
///   text, and the source of the page that introduces it; for the search index every source.
/// Serve keeps finer keys in memory (`IncrementalBuilder`); both are checked against builds
/// from nothing by tests.
struct OutputKeys {
    var byPath: [String: UInt64] = [:]

    static let header = "crosswalk-keys 1"

    static func path(of output: String) -> String {
        let output = output.count > 1 && output.hasSuffix("/") ? String(output.dropLast()) : output
        let parent = (output as NSString).deletingLastPathComponent
        return joinPath(parent, ".\((output as NSString).lastPathComponent).keys")
    }

    /// The keys the build that made `output` left; empty when there are none or they cannot be
    /// read (everything is rendered then).
    static func load(for output: String) -> OutputKeys {
        let output = output.count > 1 && output.hasSuffix("/") ? String(output.dropLast()) : output
        guard FileManager.default.fileExists(atPath: joinPath(output, OutputWriter.markerName)),
            let bytes = try? readWholeFile(path(of: output))
        else { return OutputKeys() }
        var keys = OutputKeys()
        let lines = String(decoding: bytes, as: UTF8.self).split(separator: "\n")
        guard lines.first == Substring(header) else { return OutputKeys() }
        for line in lines.dropFirst() {
            guard let tab = line.firstIndex(of: "\t"), let key = UInt64(line[..<tab], radix: 16) else {
                return OutputKeys()
            }
            keys.byPath[String(line[line.index(after: tab)...])] = key
        }
        return keys
    }

    var text: String {
        var out = Self.header + "\n"
        for (path, key) in byPath.sorted(by: { $0.key < $1.key }) { out += String(key, radix: 16) + "\t" + path + "\n" }
        return out
    }

    /// The digest every key starts from.
    static func listing(fingerprint: String, pages: [BuiltPage], templates: String, assets: [AssetFile]) -> UInt64 {
        var manifest = "listing \(fingerprint)\ntemplates \(templates)\n"
        for asset in assets { manifest += "asset \(asset.relativePath)\n" }
        for built in pages { manifest += MarkdownCache.names(of: built.page) }
        return StableHash.of(Array(manifest.utf8))
    }

    /// What other pages show of each page: its final title and summary (either may come from
    /// its body), a term's meanings and a tool's verdict notes (shown on the constraint's
    /// page). By page index.
    static func shownText(_ pages: [BuiltPage]) -> [UInt64] {
        pages.map { built in
            let metadata = built.page.metadata
            var text = "\(built.title)\u{0}\(built.summary ?? "-")"
            if built.page.kind == .term { text += "\u{0}\(metadata.it ?? "-")\u{0}\(metadata.ot ?? "-")" }
            for entry in metadata.constraintVerdicts { text += "\u{0}\(entry.note)" }
            return StableHash.of(Array(text.utf8))
        }
    }

    /// The pages whose shown text page `index` shows: itself, the folders above it
    /// (breadcrumbs), the pages in it when it is a folder page, the pages linking to it and
    /// those it links to or relates to (Referenced by, neighbours, related), and the other side
    /// of its verdicts. The inverse of `IncrementalBuilder.pagesShowing`.
    static func pagesShown(by index: Int, renderer: SiteRenderer, graph: LinkGraph) -> Set<Int> {
        let pages = renderer.pages
        let url = pages[index].page.url
        var shown: Set<Int> = [index]
        shown.formUnion(graph.backlinks[url] ?? [])
        shown.formUnion(pages[index].markdown.linkTargets)
        shown.formUnion(graph.related[index] ?? [])
        shown.formUnion((graph.verdictsByTool[index] ?? []).map(\.constraint))
        shown.formUnion((graph.verdictsByConstraint[index] ?? []).map(\.tool))
        let parts = url.split(separator: "/")
        for depth in parts.indices.dropFirst() {
            if let folder = renderer.site.index(url: parts[..<depth].joined(separator: "/") + "/") {
                shown.insert(folder)
            }
        }
        if pages[index].page.isFolderIndex && !url.isEmpty {
            shown.formUnion(renderer.children(ofFolder: url))
        }
        return shown
    }

    /// What every key is made from besides the item itself.
    struct Inputs {
        var listing: UInt64
        /// Each page's source digest (`digest(of:)`), by index.
        var sources: [UInt64]
        /// Each page's `shownText`, by index, and all of them at once.
        var shown: [UInt64]
        var allShown: UInt64
        /// Each page's digest of the hover cards its body carries (`MarkdownCache.CardDigests`).
        var cards: [UInt64]

        init(listing: UInt64, sources: [UInt64], shown: [UInt64], cards: [UInt64]) {
            self.listing = listing
            self.sources = sources
            self.shown = shown
            self.cards = cards
            allShown = StableHash.of(shown.flatMap { withUnsafeBytes(of: $0.littleEndian, Array.init) })
        }
    }

    /// The key of one output file.
    static func key(for item: SiteRenderer.Item, renderer: SiteRenderer, graph: LinkGraph, inputs: Inputs) -> UInt64 {
        var manifest = "\(inputs.listing) \(item)"
        switch item {
        case .page(let index):
            manifest += " \(inputs.sources[index]) \(graph.backlinks[renderer.pages[index].page.url] ?? [])"
            manifest += " cards \(inputs.cards[index]) shows"
            for shown in pagesShown(by: index, renderer: renderer, graph: graph).sorted() {
                manifest += " \(shown):\(inputs.shown[shown])"
            }
        case .searchIndex:
            manifest += " \(inputs.allShown) " + inputs.sources.map { String($0, radix: 16) }.joined(separator: ",")
        default:
            manifest += " \(inputs.allShown)"
            if let intro = renderer.introPage(of: item) { manifest += " \(inputs.sources[intro])" }
        }
        return StableHash.of(Array(manifest.utf8))
    }

    /// A page's source as read: front matter and body.
    static func digest(of file: SourceFile) -> UInt64 {
        StableHash.of(Array(((file.frontMatter ?? "") + "\u{0}" + file.body).utf8))
    }
}
