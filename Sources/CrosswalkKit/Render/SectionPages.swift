import Foundation

/// Generated listing pages: one per section, the glossary A–Z and the crosswalk matrix.
extension SiteRenderer {
    func renderSection(_ kind: PageKind) -> OutputFile {
        let url = (kind.folder ?? "") + "/"
        let members = sortedByTitle(
            pages.indices.filter { kinds[$0] == kind && !folderIndexes[$0] })
        var page = introFields(url: url, title: kind.sectionTitle, kind: kind.sectionTitle)
        let glossary = kind == .term && templates.names.contains("glossary")
        var context = baseContext(url: url)
        if glossary {
            // The A–Z draws filled entries; the thousands of plain `items` are made only for a
            // glossary template that asks for them.
            page["letters"] = glossaryLetters(members, from: url)
            context["page"] = LazyFields(page, lazy: ["items": { members.map { self.listItem($0, from: url) } }])
        } else {
            page["items"] = members.map { listItem($0, from: url) }
            if kind == .term && draws("letters") { page["letters"] = glossaryLetters(members, from: url) }
            context["page"] = page
        }
        return templates.renderFile(context, template: glossary ? "glossary" : "list", path: url + "index.html")
    }

    /// The theme partial that draws one glossary entry; themes without it draw `items`.
    static let glossaryEntryPartial = "partials/glossary-entry"

    /// A–Z: every term with its IT and OT meanings, and every alias pointing at its term. With
    /// the theme's `partials/glossary-entry`, each letter also carries its entries filled in
    /// (`items_html`); filled entries are kept with the listing entries (`ListItemCache`), so in
    /// `serve` a new summary fills one entry again, not thousands, and an entry's fields are
    /// made only to fill it or for a template that asks for a letter's `items`.
    private func glossaryLetters(_ terms: [Int], from url: String) -> [Any] {
        let partial = templates.names.contains(Self.glossaryEntryPartial)
        var entries: [(sortKey: String, fields: () -> TemplateFields, html: String?)] = []
        func filled(_ fields: () -> TemplateFields, page: Int, entry: Int) -> String? {
            guard partial else { return nil }
            return listItems.html(page: page, root: "#glossary-\(entry)") {
                templates.render(fields(), template: Self.glossaryEntryPartial)
            }
        }
        for index in terms {
            let built = pages[index]
            let fields = { () -> TemplateFields in
                var fields = self.listItem(index, from: url)
                if let it = built.page.metadata.it, !it.isEmpty { fields["it"] = it }
                if let ot = built.page.metadata.ot, !ot.isEmpty { fields["ot"] = ot }
                fields["anchor"] = "term-" + built.page.slug
                return fields
            }
            entries.append((built.title, fields, filled(fields, page: index, entry: 0)))
            for (number, alias) in built.page.metadata.aliases.enumerated()
            where !Self.sameIgnoringCase(alias.value, built.title) {
                let aliasFields = { () -> TemplateFields in
                    [
                        "title": alias.value, "see": built.title,
                        "href": LinkResolver.href(from: url, to: built.page.outputPath), "is_alias": true,
                    ]
                }
                entries.append((alias.value, aliasFields, filled(aliasFields, page: index, entry: number + 1)))
            }
        }
        // The way people sort, ties in entry order; the order is kept between `serve` rebuilds.
        let keys = entries.map(\.sortKey)
        let rank = glossaryOrder?.rank(of: keys) ?? Self.titleRank(of: keys)
        var ordered = entries.indices.map { $0 }
        for index in entries.indices { ordered[rank[index]] = index }
        var groups: [(letter: String, items: [() -> TemplateFields], html: String)] = []
        for entry in ordered.map({ entries[$0] }) {
            let letter = Self.letter(of: entry.sortKey)
            if groups.last?.letter != letter { groups.append((letter, [], "")) }
            groups[groups.count - 1].items.append(entry.fields)
            groups[groups.count - 1].html += entry.html ?? ""
        }
        return groups.map { group in
            var fields: TemplateFields = ["letter": group.letter, "id": "letter-" + group.letter.lowercased()]
            if partial { fields["items_html"] = group.html }
            return LazyFields(fields, lazy: ["items": { group.items.map { $0() } }])
        }
    }

    /// `a` and `b` differ at most in case, as `caseInsensitiveCompare` says; ASCII text (nearly
    /// every alias and title) without Foundation, which cost a microsecond a pair.
    static func sameIgnoringCase(_ a: String, _ b: String) -> Bool {
        let (left, right) = (a.utf8, b.utf8)
        guard left.allSatisfy({ $0 < 0x80 }), right.allSatisfy({ $0 < 0x80 }) else {
            return a.caseInsensitiveCompare(b) == .orderedSame
        }
        return left.count == right.count
            && zip(left, right).allSatisfy { ($0 &- 0x41 < 26 ? $0 | 0x20 : $0) == ($1 &- 0x41 < 26 ? $1 | 0x20 : $1) }
    }

    /// The A–Z letter an entry is listed under: its first character upper-cased when it is a
    /// letter, else `#`.
    static func letter(of title: String) -> String {
        // One ASCII scalar is the whole first character unless a combining mark follows.
        let bytes = title.utf8
        if let byte = bytes.first, byte < 0x80, bytes.dropFirst().first.map({ $0 < 0x80 }) ?? true {
            let upper = byte &- 0x61 < 26 ? byte & ~0x20 : byte
            return upper &- 0x41 < 26 ? String(UnicodeScalar(upper)) : "#"
        }
        let first = title.first.map { String($0).uppercased() } ?? "#"
        return first.first?.isLetter == true ? first : "#"
    }

    /// Tools down the side, constraints across the top; each cell the verdict as symbol and
    /// word, with the note.
    /// Title, summary and body of a generated page, taken from a content `index.md` at the
    /// same URL when there is one.
    func introFields(url: String, title: String, kind: String) -> TemplateFields {
        let introIndex = site.index(url: url)
        let intro = introIndex.map { pages[$0] }
        let shownTitle = intro?.title ?? title
        let fields: TemplateFields = [
            "title": shownTitle, "kind": "section", "kind_label": kind, "summary": intro?.summary ?? "",
            "body": introIndex.map(bodyHTML) ?? "", "breadcrumbs": breadcrumbs(for: url, title: shownTitle),
        ]
        return Self.withoutEmptyText(fields.adding(missingFrom: Self.noLists))
    }
}
