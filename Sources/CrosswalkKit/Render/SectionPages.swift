import Foundation

/// Generated listing pages: one per section, the glossary A–Z and the crosswalk matrix.
extension SiteRenderer {
    func renderSection(_ kind: PageKind) -> OutputFile {
        let url = (kind.folder ?? "") + "/"
        let members = sortedByTitle(
            pages.indices.filter { pages[$0].page.kind == kind && !pages[$0].page.isFolderIndex })
        var page = introFields(url: url, title: kind.sectionTitle, kind: kind.sectionTitle)
        page["items"] = members.map { listItem($0, from: url) }
        if kind == .term { page["letters"] = glossaryLetters(members, from: url) }
        var context = baseContext(url: url)
        context["page"] = page
        let template = kind == .term && templates.names.contains("glossary") ? "glossary" : "list"
        return OutputFile(path: url + "index.html", contents: templates.render(context, template: template))
    }

    /// A–Z: every term with its IT and OT meanings, and every alias pointing at its term.
    private func glossaryLetters(_ terms: [Int], from url: String) -> [[String: Any]] {
        var entries: [(sortKey: String, fields: [String: Any])] = []
        for index in terms {
            let built = pages[index]
            var fields = listItem(index, from: url)
            if let it = built.page.metadata.it, !it.isEmpty { fields["it"] = it }
            if let ot = built.page.metadata.ot, !ot.isEmpty { fields["ot"] = ot }
            fields["anchor"] = "term-" + built.page.slug
            entries.append((built.title, fields))
            for alias in built.page.metadata.aliases
            where alias.value.caseInsensitiveCompare(built.title) != .orderedSame {
                entries.append(
                    (
                        alias.value,
                        ["title": alias.value, "see": built.title, "href": fields["href"] ?? "", "is_alias": true]
                    ))
            }
        }
        // The way people sort, ties in entry order; the order is kept between `serve` rebuilds.
        let keys = entries.map(\.sortKey)
        let rank = glossaryOrder?.rank(of: keys) ?? Self.titleRank(of: keys)
        var ordered = entries.indices.map { $0 }
        for index in entries.indices { ordered[rank[index]] = index }
        var groups: [(letter: String, items: [[String: Any]])] = []
        for entry in ordered.map({ entries[$0] }) {
            let first = entry.sortKey.first.map { String($0).uppercased() } ?? "#"
            let letter = first.first?.isLetter == true ? first : "#"
            if groups.last?.letter == letter {
                groups[groups.count - 1].items.append(entry.fields)
            } else {
                groups.append((letter, [entry.fields]))
            }
        }
        return groups.map { ["letter": $0.letter, "id": "letter-" + $0.letter.lowercased(), "items": $0.items] }
    }

    /// Tools down the side, constraints across the top; each cell the verdict as symbol and
    /// word, with the note.
    /// Title, summary and body of a generated page, taken from a content `index.md` at the
    /// same URL when there is one.
    func introFields(url: String, title: String, kind: String) -> [String: Any] {
        let introIndex = site.index(url: url)
        let intro = introIndex.map { pages[$0] }
        let shownTitle = intro?.title ?? title
        let fields: [String: Any] = [
            "title": shownTitle, "kind": "section", "kind_label": kind, "summary": intro?.summary ?? "",
            "body": introIndex.map(bodyHTML) ?? "", "breadcrumbs": breadcrumbs(for: url, title: shownTitle),
        ]
        return Self.withoutEmptyText(fields.merging(Self.noLists) { value, _ in value })
    }
}
