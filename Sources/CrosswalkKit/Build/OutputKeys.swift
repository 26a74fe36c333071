import Foundation

/// What each output file of a `crosswalk build` was made from, kept beside the output
/// (`.public.keys`), so the next build renders only the files whose inputs changed and links
/// the rest from the output it replaces. Keys are stable hashes (FNV-1a), the same in every
/// process.
///
/// A file's key covers what it shows:
/// - the *listing digest*: the binary, the options and the day, `crosswalk.yml`, every
///   template, every asset path, and for every page its path, what other pages show or are
///   built from of its front matter (`shownElsewhere`), its final title and summary (a new
///   title, summary or name renders everything again; a body edit or a key only that page
///   shows does not);
/// - for a page, its own source and the pages linking to it (backlinks, neighbours);
/// - for a generated page, the source of the page that introduces it;
/// - for the search index, every page's source.
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
        for built in pages {
            manifest += "page \(built.page.source.relativePath)\n" + shownElsewhere(built.page) + "\n"
            manifest += "title \(built.title)\nsummary \(built.summary ?? "-")\n"
        }
        return StableHash.of(Array(manifest.utf8))
    }

    /// What other pages show or are built from of `page`'s front matter: the names, relations
    /// and verdicts `SourceRecord.nameHash(of:)` covers for `serve`, and a term's summary and
    /// meanings (hover cards, the glossary). Keys only the page shows (owner, tags, steps…)
    /// are left to its own source digest.
    static func shownElsewhere(_ page: Page) -> String {
        func place(_ location: SourceLocation) -> String { "@\(location.line):\(location.column)" }
        let metadata = page.metadata
        var text = "\(page.url) \(page.kind) \(page.declaredTitle ?? "-") \(page.summary ?? "-")\n"
        text += "it \(metadata.it ?? "-")\not \(metadata.ot ?? "-")\n"
        for alias in metadata.aliases { text += "alias \(alias.value) \(place(alias.location))\n" }
        for related in metadata.related { text += "related \(related.value) \(place(related.location))\n" }
        for entry in metadata.constraintVerdicts {
            text +=
                "verdict \(entry.constraint.value) \(place(entry.constraint.location)) \(entry.verdict) \(entry.note)\n"
        }
        return text
    }

    /// The key of one output file; `sources` are the pages' source digests, by index.
    static func key(
        for item: SiteRenderer.Item, renderer: SiteRenderer, graph: LinkGraph, listing: UInt64, sources: [UInt64]
    ) -> UInt64 {
        var manifest = "\(listing) \(item)"
        switch item {
        case .page(let index):
            manifest += " \(sources[index]) \(graph.backlinks[renderer.pages[index].page.url] ?? [])"
        case .searchIndex:
            manifest += " " + sources.map { String($0, radix: 16) }.joined(separator: ",")
        default:
            if let intro = renderer.introPage(of: item) { manifest += " \(sources[intro])" }
        }
        return StableHash.of(Array(manifest.utf8))
    }

    /// A page's source as read: front matter and body.
    static func digest(of file: SourceFile) -> UInt64 {
        StableHash.of(Array(((file.frontMatter ?? "") + "\u{0}" + file.body).utf8))
    }
}
