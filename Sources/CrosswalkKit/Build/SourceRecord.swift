/// What `IncrementalBuilder` keeps of one content file between rebuilds.
// A class: every rebuild walks all of them, and copying each struct out was a tenth of
// a rebuild after a one-page edit.
final class SourceRecord: Sendable {
    let stamp: String
    let model: PageBuilder.Output
    let loadDiagnostics: [Diagnostic]
    /// The page's path and front matter, hashed once when the file is read.
    let nameHash: Int

    init(stamp: String, model: PageBuilder.Output, loadDiagnostics: [Diagnostic]) {
        self.stamp = stamp
        self.model = model
        self.loadDiagnostics = loadDiagnostics
        var hasher = Hasher()
        hasher.combine(model.page?.source.relativePath)
        hasher.combine(model.page?.source.frontMatter.map(Self.visibleElsewhere))
        nameHash = hasher.finalize()
    }

    /// Front-matter keys whose values no other page's names, links or order depend on:
    /// - `owner`, `reviewed`, `review_by`, `tags` show on the page's own file only (footer,
    ///   header, lint);
    /// - `summary`, `it`, `ot` show as text on the pages that list or link this one (listings,
    ///   hover cards), which `serve` finds from the link graph.
    /// A new value on the same line then rebuilds those pages, not the site.
    static let textKeys = ["owner", "reviewed", "review_by", "tags", "summary", "it", "ot"]

    /// The front matter with the values of one-line `textKeys` blanked, every line kept in
    /// place (positions in other keys' diagnostics stay right); anything else counts.
    static func visibleElsewhere(_ yaml: String) -> String {
        yaml.split(separator: "\n", omittingEmptySubsequences: false).map { line in
            for key in textKeys where line.hasPrefix(key + ":") { return Substring(key + ":") }
            return line
        }.joined(separator: "\n")
    }
}
