import Foundation

/// Template fields particular to each kind: a term's meanings and related pages, a
/// constraint's tools, a tool's verdicts, a workflow's steps, a scenario's injects.
extension SiteRenderer {
    func kindFields(for index: Int) -> [String: Any] {
        let built = pages[index]
        let metadata = built.page.metadata
        let url = built.page.url
        var fields: [String: Any] = [
            "tags": metadata.tags, "owner": metadata.owner ?? "",
            "reviewed": metadata.reviewed ?? "", "review_by": metadata.reviewBy ?? "",
        ]
        switch built.page.kind {
        case .term:
            fields["aliases"] = metadata.aliases.map(\.value)
            fields["it"] = metadata.it ?? ""
            fields["ot"] = metadata.ot ?? ""
            fields["related"] = (graph.related[index] ?? []).map { listItem($0, from: url) }
        case .constraint:
            fields["why"] = metadata.why
            fields["purdue"] = metadata.purdue
            fields["references"] = metadata.references.map { reference -> [String: Any] in
                ["standard": reference.standard, "section": reference.section ?? "", "note": reference.note ?? ""]
            }
            fields["tools"] = sortedVerdicts(graph.verdicts.filter { $0.constraint == index }, by: \.tool)
                .map { verdictRow($0, page: $0.tool, from: url) }
        case .tool:
            fields["category"] = metadata.category ?? ""
            fields["constraint_map"] = sortedVerdicts(graph.verdicts.filter { $0.tool == index }, by: \.constraint)
                .map { verdictRow($0, page: $0.constraint, from: url) }
        case .workflow:
            fields["steps"] = metadata.steps.enumerated().map { number, step -> [String: Any] in
                [
                    "number": number + 1, "lane": step.lane.rawValue, "lane_label": step.lane.label,
                    "action": step.action, "owner": step.owner ?? "", "authority": step.authority,
                    "handoff": step.handoff,
                ]
            }
        case .scenario:
            fields["injects"] = metadata.injects.map { inject -> [String: Any] in
                ["at": inject.at, "event": inject.event, "it": inject.it, "ot": inject.ot]
            }
        case .page:
            break
        }
        return fields
    }

    private func sortedVerdicts(_ verdicts: [LinkGraph.Verdict], by page: KeyPath<LinkGraph.Verdict, Int>)
        -> [LinkGraph.Verdict]
    {
        verdicts.sorted {
            pages[$0[keyPath: page]].title.localizedStandardCompare(pages[$1[keyPath: page]].title) == .orderedAscending
        }
    }

    private func verdictRow(_ verdict: LinkGraph.Verdict, page: Int, from url: String) -> [String: Any] {
        var row = listItem(page, from: url)
        row["verdict"] = verdict.verdict.rawValue
        row["verdict_label"] = verdict.verdict.label
        row["symbol"] = verdict.verdict.symbol
        row["note"] = verdict.note
        return row
    }
}
