/// The Link stage: with every page rendered, checks that each `#anchor` names a heading of
/// its target page. (File targets were checked while rendering.)
public enum LinkChecker {
    /// `pages` are in the site's order, so a link's `target` indexes them.
    public static func check(_ pages: [BuiltPage]) -> [Diagnostic] {
        checkEach(pages).flatMap { $0 }
    }

    /// Each page's broken anchors, in page order; with `only`, just those pages' links are
    /// checked (the rest get none), for `serve` after an edit.
    static func checkEach(_ pages: [BuiltPage], only: [Int]? = nil) -> [[Diagnostic]] {
        // Heading ids only of pages some link names a fragment of, made when first needed:
        // a set per page for every page was a tenth of a `serve` rebuild.
        var anchors: [Int: Set<String>] = [:]
        var result = [[Diagnostic]](repeating: [], count: pages.count)
        for index in only ?? Array(pages.indices) {
            var diagnostics: [Diagnostic] = []
            for link in pages[index].markdown.anchoredLinks {
                guard let fragment = link.fragment, !fragment.isEmpty else { continue }
                // No target: no page has that URL, so there are no headings to check against.
                guard let targetIndex = link.target else { continue }
                if anchors[targetIndex] == nil {
                    anchors[targetIndex] = Set(pages[targetIndex].markdown.headings.map(\.id))
                }
                let known = anchors[targetIndex] ?? []
                guard !known.contains(fragment) else { continue }
                let name = "'\(pages[targetIndex].title)'"
                diagnostics.append(
                    .error(
                        // A link naming a fragment has its place; the body's start is a fallback.
                        .brokenAnchor, at: link.location ?? pages[index].page.source.location(bodyLine: 1),
                        "\(name) has no heading with id '\(fragment)'",
                        hint: Suggestions.closest(to: fragment, among: Array(known).sorted()).map {
                            "did you mean '#\($0)'?"
                        }
                            ?? "heading ids are the heading text in lower case with spaces as '-'"))
            }
            result[index] = diagnostics
        }
        return result
    }
}
