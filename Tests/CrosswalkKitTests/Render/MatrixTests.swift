import Foundation
import Testing

@testable import CrosswalkKit

@Suite struct MatrixTests {
    static let site = """
        -- content/constraints/no-scanning.md --
        ---
        title: No active scanning
        ---
        Text.
        -- content/constraints/no-reboots.md --
        ---
        title: No unplanned reboots
        ---
        Text.
        -- content/tools/scanner.md --
        ---
        title: Scanner
        constraints:
          no-scanning: {verdict: avoid, note: Use passive <discovery>.}
        ---
        Text.
        -- content/tools/edr.md --
        ---
        title: EDR
        constraints:
          no-reboots: {verdict: caution}
        ---
        Text.
        """

    static func matrixTable(editing edit: (TemporaryFolder) throws -> Void = { _ in }) throws -> String {
        let (folder, report) = try SiteFixture(site).build(editing: edit)
        #expect(report.succeeded, "\(report.diagnosticText)")
        let html = try folder.read("public/matrix/index.html")
        let table = try #require(html.range(of: "<tbody>")).lowerBound
        return String(html[table...])
    }

    /// Cells come filled in from `partials/matrix-cell` (empty ones once per column); a theme
    /// from before that partial draws them from `cells` and gets the same table.
    @Test func filledCellsMatchTheCellFields() throws {
        let filled = try Self.matrixTable()
        #expect(filled.contains("<td class=\"na\">—</td>"))
        #expect(filled.contains("<td class=\"cell-avoid\">"))
        #expect(filled.contains("<span class=\"note\">Use passive &lt;discovery&gt;.</span></td>"))
        let byFields = try Self.matrixTable { folder in
            let cell = try String(
                contentsOfFile: folder.path("templates/partials/matrix-cell.mustache"), encoding: .utf8)
            try FileManager.default.removeItem(atPath: folder.path("templates/partials/matrix-cell.mustache"))
            let matrix = try String(contentsOfFile: folder.path("templates/matrix.mustache"), encoding: .utf8)
            try folder.write(
                matrix.replacingOccurrences(of: "{{{cells_html}}}", with: "{{#cells}}" + cell + "{{/cells}}"),
                to: "templates/matrix.mustache")
        }
        #expect(filled == byFields)
    }

    /// Past `denseMatrixCells` (here 101 tools × 100 constraints) each tool is listed with the
    /// constraints it was assessed against, and no table is drawn.
    @Test func largeMatricesAreListedByTool() throws {
        var site = ""
        for number in 1...100 {
            site += "-- content/constraints/c\(number).md --\n---\ntitle: Rule \(number)\n---\nText.\n"
        }
        for number in 1...101 {
            site += "-- content/tools/t\(number).md --\n---\ntitle: Tool \(number)\nconstraints:\n"
            site += "  c\(number % 100 + 1): {verdict: avoid, note: Not here <ever>.}\n---\nText.\n"
        }
        #expect(101 * 100 > SiteRenderer.denseMatrixCells)
        let (folder, report) = try SiteFixture(site).build()
        #expect(report.succeeded, "\(report.diagnosticText)")
        let html = try folder.read("public/matrix/index.html")
        #expect(!html.contains("<table class=\"matrix\">"))
        #expect(html.contains("101 tools against 100 constraints"))
        #expect(
            html.contains(
                "<li><a href=\"../tools/t7/index.html\">Tool 7</a><ul><li class=\"cell-avoid\"><span class=\"verdict verdict-avoid\">"
            ))
        #expect(
            html.contains(
                "<a href=\"../constraints/c8/index.html\">Rule 8</a> <span class=\"note\">Not here &lt;ever&gt;.</span>"
            ))
    }
}
