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
/// - for a page: its own source, the pages linking to it (backlinks, neighbours), and the
///   *shown text* (final title; summary and verdict notes) of every page it shows
///   (`pagesShown(by:)`);
/// - for a generated file (section pages, the matrix, the home page, the 404 page, the search
///   index, the hover-card data, the sitemap): every page's shown text and a term's meanings,
///   and the source of the page that introduces it; for the search index every source.
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
        // Bytes, not a `String`: splitting one into lines went Character by Character, and
        // was most of reading the keys of 100,000 files.
        var keys = OutputKeys()
        let lines = bytes.split(separator: 0x0A)
        guard let first = lines.first, first.elementsEqual(header.utf8) else { return OutputKeys() }
        keys.byPath.reserveCapacity(lines.count - 1)
        for line in lines.dropFirst() {
            guard let tab = line.firstIndex(of: 0x09), let key = hexadecimal(line[..<tab]) else { return OutputKeys() }
            keys.byPath[String(decoding: line[(tab + 1)...], as: UTF8.self)] = key
        }
        return keys
    }

    /// Lower-case hexadecimal digits, as `text(paths:keys:order:)` writes a key; nil for
    /// anything else.
    private static func hexadecimal(_ digits: ArraySlice<UInt8>) -> UInt64? {
        guard !digits.isEmpty, digits.count <= 16 else { return nil }
        var value: UInt64 = 0
        for digit in digits {
            switch digit {
            case UInt8(ascii: "0")...UInt8(ascii: "9"): value = value << 4 | UInt64(digit - UInt8(ascii: "0"))
            case UInt8(ascii: "a")...UInt8(ascii: "f"): value = value << 4 | UInt64(digit - UInt8(ascii: "a") + 10)
            default: return nil
            }
        }
        return value
    }

    /// The indices of `paths` in the keys file's order: by path, each path once (its first).
    static func order(of paths: [String]) -> [Int] {
        let sorted = paths.indices.sorted { paths[$0] < paths[$1] || (paths[$0] == paths[$1] && $0 < $1) }
        return sorted.indices.compactMap { place in
            place > 0 && paths[sorted[place - 1]] == paths[sorted[place]] ? nil : sorted[place]
        }
    }

    /// The keys file (`load(for:)` reads it) of `keys[i]` for `paths[i]`, in `order`
    /// (``order(of:)``), sorted by path so that it is the same whatever order files were made in.
    static func text(paths: [String], keys: [UInt64], order: [Int]) -> String {
        var out = header + "\n"
        // Piece by piece into room made once (a key is at most 16 digits), not a string per line.
        out.reserveCapacity(out.utf8.count + order.reduce(0) { $0 + paths[$1].utf8.count + 18 })
        for index in order {
            out += String(keys[index], radix: 16)
            out += "\t"
            out += paths[index]
            out += "\n"
        }
        return out
    }

    /// The digest every key starts from.
    static func listing(fingerprint: String, pages: [BuiltPage], templates: String, assets: [AssetFile]) -> UInt64 {
        var manifest = "listing \(fingerprint)\ntemplates \(templates)\n"
        for asset in assets { manifest += "asset \(asset.relativePath)\n" }
        return MarkdownCache.digest(manifest, names: pages.map(\.page))
    }

    /// What other pages show of each page, by page index: its final title (either may come from
    /// its body), and apart its summary with a tool's verdict notes (shown on the constraint's
    /// page): a page linking to another shows its title in the neighbour graph, not its
    /// summary. `all` covers both and a term's meanings (the glossary and the hover cards).
    struct ShownText {
        var titles: [UInt64] = []
        var summaries: [UInt64] = []
        var all: UInt64 = 0

        init(_ pages: [BuiltPage]) {
            var all = StableHasher()
            for built in pages {
                let metadata = built.page.metadata
                var summary = StableHasher()
                summary.combine(built.summary ?? "\u{0}")
                for entry in metadata.constraintVerdicts { summary.combine(entry.note) }
                titles.append(StableHash.of(Array(built.title.utf8)))
                summaries.append(summary.value)
                all.combine(titles[titles.count - 1])
                all.combine(summary.value)
                if built.page.kind == .term {
                    all.combine(metadata.it ?? "\u{0}")
                    all.combine(metadata.ot ?? "\u{0}")
                }
            }
            self.all = all.value
        }
    }

    /// The pages whose titles page `index` shows: itself, the folders above it (breadcrumbs),
    /// the pages in it when it is a folder page, the pages linking to it and those it links to
    /// or relates to (Referenced by, neighbours, related), and the other side of its verdicts;
    /// and the pages whose summaries it shows: the same but for the pages it only links to and
    /// the folders above it. The inverse of `IncrementalBuilder.pagesShowing`.
    /// Both lists sorted and without repeats: arrays, not sets, for a few dozen pages per page.
    static func pagesShown(by index: Int, renderer: SiteRenderer, graph: LinkGraph)
        -> (titles: [Int], summaries: [Int])
    {
        let pages = renderer.pages
        let url = pages[index].page.url
        // The pages linking here come sorted and without repeats, and are most of the lists
        // for a much-linked page: the rest is sorted alone and merged with them.
        let backlinks = graph.backlinks[url] ?? []
        var summaries: [Int] = [index]
        summaries += graph.related[index] ?? []
        summaries += (graph.verdictsByTool[index] ?? []).map(\.constraint)
        summaries += (graph.verdictsByConstraint[index] ?? []).map(\.tool)
        if pages[index].page.isFolderIndex && !url.isEmpty {
            summaries += renderer.children(ofFolder: url)
        }
        let sortedSummaries = SortedIndices.of(summaries)
        var folders: [Int] = []
        for (folder, _) in ancestorFolders(url) {
            if let folder = renderer.site.index(url: folder) { folders.append(folder) }
        }
        // Link targets come sorted and without repeats (`RenderedMarkdown.linkTargets`).
        let titles = SortedIndices.merged(
            SortedIndices.merged(sortedSummaries, SortedIndices.of(folders)), pages[index].markdown.linkTargets)
        return (SortedIndices.merged(backlinks, titles), SortedIndices.merged(backlinks, sortedSummaries))
    }

    /// What every key is made from besides the item itself.
    struct Inputs {
        var listing: UInt64
        /// Each page's source digest (`digest(of:)`), by index.
        var sources: [UInt64]
        var shown: ShownText
    }

    /// The key of one output file.
    static func key(for item: SiteRenderer.Item, renderer: SiteRenderer, graph: LinkGraph, inputs: Inputs) -> UInt64 {
        var key = StableHasher()
        key.combine(inputs.listing)
        key.combine(renderer.outputPath(of: item))
        switch item {
        case .page(let index):
            key.combine(inputs.sources[index])
            for linking in graph.backlinks[renderer.pages[index].page.url] ?? [] { key.combine(UInt64(linking)) }
            let shown = pagesShown(by: index, renderer: renderer, graph: graph)
            key.combine("titles")
            for page in shown.titles {
                key.combine(UInt64(page))
                key.combine(inputs.shown.titles[page])
            }
            key.combine("summaries")
            for page in shown.summaries {
                key.combine(UInt64(page))
                key.combine(inputs.shown.summaries[page])
            }
        case .searchIndex:
            key.combine(inputs.shown.all)
            for source in inputs.sources { key.combine(source) }
        default:
            key.combine(inputs.shown.all)
            if let intro = renderer.introPage(of: item) { key.combine(inputs.sources[intro]) }
        }
        return key.value
    }

    /// A page's source as read: front matter and body.
    static func digest(of file: SourceFile) -> UInt64 {
        // Front matter absent and empty digest alike, as when they were joined into one text.
        StableHash.of(file.frontMatter ?? "", file.body)
    }
}
