/// The Link stage: with every page rendered, checks that each `#anchor` names a heading of
/// its target page. (File targets were checked while rendering.)
public enum LinkChecker {
    public static func check(_ pages: [BuiltPage]) -> [Diagnostic] {
        var anchors: [String: Set<String>] = [:]
        for built in pages {
            anchors[built.page.url] = Set(built.markdown.headings.map(\.id))
        }
        var diagnostics: [Diagnostic] = []
        for built in pages {
            for link in built.markdown.links {
                guard let fragment = link.fragment, !fragment.isEmpty,
                    let known = anchors[link.targetURL], !known.contains(fragment)
                else { continue }
                let target = pages.first { $0.page.url == link.targetURL }
                let name = target.map { "'\($0.title)'" } ?? "/\(link.targetURL)"
                diagnostics.append(
                    .error(
                        .brokenAnchor, at: link.location,
                        "\(name) has no heading with id '\(fragment)'",
                        hint: Suggestions.closest(to: fragment, among: Array(known).sorted()).map {
                            "did you mean '#\($0)'?"
                        }
                            ?? "heading ids are the heading text in lower case with spaces as '-'"))
            }
        }
        return diagnostics
    }
}
