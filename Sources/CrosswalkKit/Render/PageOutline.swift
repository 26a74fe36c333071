/// The in-page table of contents: the sections a kind's template draws before the body, the
/// body's own `##`/`###` headings, then the sections drawn after it, in page order. The ids
/// here are the ones the default templates give those sections.
extension SiteRenderer {
    /// Fewer entries than this and the page is short enough to read without one.
    static let outlineMinimum = 3

    /// `fields` are the page's template fields, so an empty section gets no entry.
    func tableOfContents(_ index: Int, fields: TemplateFields) -> [TemplateFields] {
        let built = pages[index]
        func has(_ key: String) -> Bool {
            guard let value = fields[key] else { return false }
            // The lists crosswalk builds without a cast: `as? [Any]` made a new array of each.
            if let count = ContextKind.listCount(value) { return count > 0 }
            if let list = value as? [Any] { return !list.isEmpty }
            return true
        }
        var entries: [(text: String, id: String, level: Int)] = []
        switch built.page.kind {
        case .workflow where has("steps"):
            entries.append(("Steps", "steps-heading", 2))
        case .scenario where has("injects"):
            entries.append(("Injects", "injects-heading", 2))
            for (number, inject) in built.page.metadata.injects.enumerated() {
                entries.append((inject.at, Self.injectID(number), 3))
            }
        case .tool where has("constraint_map"):
            entries.append(("Against the plant’s constraints", "constraint-map-heading", 2))
        default:
            break
        }
        for heading in built.markdown.headings where heading.level == 2 || heading.level == 3 {
            entries.append((heading.text, heading.id, heading.level))
        }
        if built.page.kind == .constraint && has("references") {
            entries.append(("References", "references-heading", 2))
        }
        if built.page.kind == .constraint && has("tools") {
            entries.append(("Tools against this constraint", "constraint-tools-heading", 2))
        }
        if built.page.kind == .term && has("related") { entries.append(("Related", "related-heading", 2)) }
        if has("neighbours") { entries.append(("Connections", "connections-heading", 2)) }
        if has("backlinks") { entries.append(("Referenced by", "backlinks-heading", 2)) }
        guard entries.count >= Self.outlineMinimum else { return [] }
        return entries.map {
            ["text": TemplateText($0.text), "id": TemplateText($0.id), "level": $0.level, "nested": $0.level == 3]
        }
    }

    /// The id of a scenario's inject; a dot never occurs in a heading id, so no clash.
    static func injectID(_ number: Int) -> String { "inject.\(number + 1)" }
}
