import Foundation

/// Template fields particular to each kind: a term's meanings and related pages, a
/// constraint's tools, a tool's verdicts, a workflow's steps, a scenario's injects.
extension SiteRenderer {
    func kindFields(for index: Int) -> TemplateFields {
        let built = pages[index]
        let metadata = built.page.metadata
        let url = built.page.url
        var fields: TemplateFields = [
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
            fields["references"] = metadata.references.map { reference -> TemplateFields in
                Self.withoutEmptyText([
                    "standard": reference.standard, "section": reference.section ?? "", "note": reference.note ?? "",
                ])
            }
            fields["tools"] = sortedVerdicts(verdictsByConstraint[index] ?? [], by: \.tool)
                .map { verdictRow($0, page: $0.tool, from: url) }
        case .tool:
            fields["category"] = metadata.category ?? ""
            fields["constraint_map"] = sortedVerdicts(verdictsByTool[index] ?? [], by: \.constraint)
                .map { verdictRow($0, page: $0.constraint, from: url) }
        case .workflow:
            fields["steps"] = swimlaneSteps(metadata.steps)
        case .scenario:
            fields["injects"] = metadata.injects.enumerated().map { number, inject -> TemplateFields in
                [
                    "id": Self.injectID(number), "number": number + 1, "at": inject.at, "event": inject.event,
                    "it": inject.it, "ot": inject.ot,
                ]
            }
        case .page:
            break
        }
        return fields
    }

    /// Steps for the swimlane drawing: IT, joint and OT lanes left to right; `flow` draws the
    /// arrow from the previous step's lane (`it-ot`, or `ot-ot` straight down).
    private func swimlaneSteps(_ steps: [PageMetadata.WorkflowStep]) -> [TemplateFields] {
        var previous: PageMetadata.Lane?
        return steps.enumerated().map { number, step -> TemplateFields in
            var fields = Self.withoutEmptyText([
                "number": number + 1, "lane": step.lane.rawValue, "lane_label": step.lane.label,
                "action": step.action, "owner": step.owner ?? "", "authority": step.authority,
                "handoff": step.handoff,
            ])
            if let previous {
                fields["flow"] = previous.rawValue + "-" + step.lane.rawValue
                if previous != step.lane { fields["from_lane"] = previous.label }
            }
            previous = step.lane
            return fields
        }
    }

    private func sortedVerdicts(_ verdicts: [LinkGraph.Verdict], by page: KeyPath<LinkGraph.Verdict, Int>)
        -> [LinkGraph.Verdict]
    {
        verdicts.sorted { titleRank[$0[keyPath: page]] < titleRank[$1[keyPath: page]] }
    }

    private func verdictRow(_ verdict: LinkGraph.Verdict, page: Int, from url: String) -> TemplateFields {
        var row = listItem(page, from: url)
        row["verdict"] = verdict.verdict.rawValue
        row["verdict_label"] = verdict.verdict.label
        row["symbol"] = verdict.verdict.symbol
        if !verdict.note.isEmpty { row["note"] = verdict.note }
        return row
    }
}
