/// What `IncrementalBuilder` keeps of one content file between rebuilds.
// A class: every rebuild walks all of them, and copying each struct out was a tenth of
// a rebuild after a one-page edit.
final class SourceRecord: Sendable {
    let stamp: String
    let model: PageBuilder.Output
    let loadDiagnostics: [Diagnostic]
    /// What other pages' names, links and order depend on (`nameHash(of:)`), hashed once
    /// when the file is read.
    let nameHash: Int

    init(stamp: String, model: PageBuilder.Output, loadDiagnostics: [Diagnostic]) {
        self.stamp = stamp
        self.model = model
        self.loadDiagnostics = loadDiagnostics
        nameHash = model.page.map(Self.nameHash(of:)) ?? 0
    }

    /// The part of a page other pages are built from, apart from text they only show: where
    /// it is published, its declared title, aliases, relations and constraint verdicts, with
    /// the places the last three are written (other pages' diagnostics point there).
    ///
    /// Left out, because `serve` follows them page by page: the summary and a term's IT/OT
    /// meanings (shown in listings and hover cards, see `IncrementalBuilder.pagesShowing`),
    /// and every key only the page's own file shows (owner, review dates, tags, why, Purdue
    /// levels, references, category, steps, injects, `autolink`, unknown keys), which changes
    /// that page alone, or its links, which the link graph follows.
    static func nameHash(of page: Page) -> Int {
        // The names the markdown cache keys on, and the verdict notes, which the constraint's
        // page and the matrix show.
        var hasher = Hasher()
        hasher.combine(MarkdownCache.names(of: page))
        for entry in page.metadata.constraintVerdicts { hasher.combine(entry.note) }
        return hasher.finalize()
    }
}
