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
        let folder = try SiteFixture(site).write()
        try edit(folder)
        let report = SiteBuilder(
            options: BuildOptions(sourceRoot: folder.root, outputDirectory: folder.path("public"))
        ).build()
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
}
