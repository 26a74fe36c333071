extension SiteRenderer {
    /// The theme partial that draws one matrix cell.
    static let matrixCellPartial = "partials/matrix-cell"
    /// Above this many cells (tools × constraints) the matrix lists each tool with the
    /// constraints it was assessed against instead of drawing one table: nobody reads a table
    /// of a thousand rows and five hundred columns, and at 100,000 pages it was a 1.2 GB page.
    static let denseMatrixCells = 10_000

    func renderMatrix() -> OutputFile {
        let url = Self.matrixURL
        let tools = sortedByTitle(pages.indices.filter { pages[$0].page.kind == .tool })
        let constraints = sortedByTitle(pages.indices.filter { pages[$0].page.kind == .constraint })
        var page = introFields(url: url, title: "Crosswalk matrix", kind: "Matrix")
        if page["summary"].flatMap(TemplateText.string)?.isEmpty ?? true {
            page["summary"] =
                "Every IT tool against every OT constraint: where it fits, where it needs care, where it must not go."
        }
        let dense = tools.count * constraints.count <= Self.denseMatrixCells
        page["dense"] = dense
        page["tool_count"] = tools.count
        page["constraint_count"] = constraints.count
        // A theme that never names them (one listing the matrix as a plain page) is not given them.
        if dense {
            if draws("constraints") { page["constraints"] = constraints.map { listItem($0, from: url) } }
            if draws("rows") { page["rows"] = tableRows(tools: tools, constraints: constraints, url: url) }
        } else {
            page["constraints"] = [Any]()
        }
        if !dense && draws("rows") {
            page["rows"] = tools.map { tool -> TemplateFields in
                var row = listItem(tool, from: url)
                let verdicts = (verdictsByTool[tool] ?? []).sorted {
                    titleRank[$0.constraint] < titleRank[$1.constraint]
                }
                row["verdicts"] = verdicts.map { verdict -> TemplateFields in
                    var fields = Self.verdictFields(verdict, constraintTitle: pages[verdict.constraint].title)
                    fields["constraint_href"] = LinkResolver.href(
                        from: url, to: pages[verdict.constraint].page.outputPath)
                    return fields
                }
                return row
            }
        }
        var context = baseContext(url: url)
        context["page"] = page
        let template = templates.names.contains("matrix") ? "matrix" : "list"
        return templates.renderFile(context, template: template, path: url + "index.html")
    }

    static func verdictFields(_ verdict: LinkGraph.Verdict, constraintTitle: String) -> TemplateFields {
        withoutEmptyText([
            "verdict": verdict.verdict.rawValue, "verdict_label": verdict.verdict.label,
            "symbol": verdict.verdict.symbol, "note": verdict.note, "constraint": constraintTitle,
        ])
    }

    /// Rows of the table, one per tool. With the theme's cell partial, each row's cells arrive
    /// filled in (`cells_html`), an empty cell filled once per column; older themes get the
    /// fields (`cells`).
    private func tableRows(tools: [Int], constraints: [Int], url: String) -> [TemplateFields] {
        let pageCount = pages.count
        func cellKey(_ tool: Int, _ constraint: Int) -> Int { tool * pageCount + constraint }
        var cells: [Int: LinkGraph.Verdict] = [:]
        for verdict in graph.verdicts { cells[cellKey(verdict.tool, verdict.constraint)] = verdict }
        let fillCells = templates.names.contains(Self.matrixCellPartial)
        func cellFields(_ verdict: LinkGraph.Verdict?, _ constraint: Int) -> TemplateFields {
            guard let verdict else { return ["empty": true, "constraint": pages[constraint].title] }
            return Self.verdictFields(verdict, constraintTitle: pages[constraint].title)
        }
        func fill(_ fields: TemplateFields) -> String {
            var html = templates.render(fields, template: Self.matrixCellPartial)
            while html.last?.isNewline == true { html.removeLast() }
            return html
        }
        let emptyCells = fillCells ? constraints.map { fill(cellFields(nil, $0)) } : []
        return tools.map { tool -> TemplateFields in
            var row = listItem(tool, from: url)
            if fillCells {
                var html = ""
                for (column, constraint) in constraints.enumerated() {
                    let verdict = cells[cellKey(tool, constraint)]
                    html += verdict == nil ? emptyCells[column] : fill(cellFields(verdict, constraint))
                }
                row["cells_html"] = html
            } else {
                row["cells"] = constraints.map { cellFields(cells[cellKey(tool, $0)], $0) }
            }
            return row
        }
    }
}
