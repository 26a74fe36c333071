/// Template fields particular to each kind: a term's IT and OT meanings, a tool's verdicts
/// per constraint, a workflow's steps, a scenario's injects. Values the author wrote in an
/// unexpected shape are skipped here; the schema check reports them.
enum KindFields {
    static func fields(
        for built: BuiltPage, site: Site, from url: String, resolveTitle: (String) -> String?
    ) -> [String: Any] {
        let page = built.page
        func text(_ key: String) -> String? { page.value(key)?.scalarText }
        func texts(_ key: String) -> [String] {
            switch page.value(key) {
            case .list(let items, _)?: items.compactMap(\.scalarText)
            case .scalar(let text, _, _)?: [text]
            default: []
            }
        }
        /// A slug of any kind, as a link when it names a page.
        func reference(_ slug: String) -> [String: Any] {
            guard let target = site.page(slug: slug) else {
                return ["title": slug, "slug": slug]
            }
            return [
                "title": resolveTitle(target.url) ?? slug, "slug": slug, "kind": target.kind.rawValue,
                "href": LinkResolver.href(from: url, to: target.outputPath),
            ]
        }
        func maps(_ key: String) -> [[String: FrontMatterValue]] {
            guard case .list(let items, _)? = page.value(key) else { return [] }
            return items.compactMap { item in
                guard case .map(let pairs, _) = item else { return nil }
                return Dictionary(pairs.map { ($0.key, $0.value) }, uniquingKeysWith: { a, _ in a })
            }
        }

        var fields: [String: Any] = [
            "tags": texts("tags"), "owner": text("owner") ?? "",
            "reviewed": text("reviewed") ?? "", "review_by": text("review_by") ?? "",
        ]
        switch page.kind {
        case .term:
            fields["aliases"] = texts("aliases")
            fields["it"] = text("it") ?? ""
            fields["ot"] = text("ot") ?? ""
            fields["related"] = texts("related").map(reference)
        case .constraint:
            fields["why"] = texts("why")
            fields["purdue"] = texts("purdue")
            fields["references"] = maps("references").map { item in
                ["standard": item["standard"]?.scalarText ?? "", "note": item["note"]?.scalarText ?? ""]
            }
        case .tool:
            fields["category"] = text("category") ?? ""
            if case .map(let pairs, _)? = page.value("constraints") {
                fields["constraint_map"] = pairs.map { pair -> [String: Any] in
                    var row = reference(pair.key)
                    if case .map(let entry, _) = pair.value {
                        let verdict = entry.first { $0.key == "verdict" }?.value.scalarText ?? ""
                        row["verdict"] = verdict
                        row["verdict_label"] = verdictLabel(verdict)
                        row["note"] = entry.first { $0.key == "note" }?.value.scalarText ?? ""
                    }
                    return row
                }
            }
        case .workflow:
            fields["steps"] = maps("steps").enumerated().map { index, step -> [String: Any] in
                let lane = step["lane"]?.scalarText ?? ""
                return [
                    "number": index + 1, "lane": lane, "lane_label": laneLabel(lane),
                    "action": step["action"]?.scalarText ?? "", "owner": step["owner"]?.scalarText ?? "",
                    "authority": step["authority"]?.scalarText == "true",
                    "handoff": step["handoff"]?.scalarText == "true",
                ]
            }
        case .scenario:
            fields["injects"] = maps("injects").map { inject -> [String: Any] in
                func questions(_ key: String) -> [String] {
                    switch inject[key] {
                    case .list(let items, _)?: items.compactMap(\.scalarText)
                    case .scalar(let text, _, _)?: [text]
                    default: []
                    }
                }
                return [
                    "at": inject["at"]?.scalarText ?? "", "event": inject["event"]?.scalarText ?? "",
                    "it": questions("it"), "ot": questions("ot"),
                ]
            }
        case .page:
            break
        }
        return fields
    }

    static func verdictLabel(_ verdict: String) -> String {
        switch verdict {
        case "ok": "OK"
        case "caution": "Caution"
        case "avoid": "Avoid"
        default: verdict
        }
    }

    static func laneLabel(_ lane: String) -> String {
        switch lane {
        case "it": "IT"
        case "ot": "OT"
        case "joint": "Joint"
        default: lane
        }
    }
}
