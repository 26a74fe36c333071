import Foundation
import Testing

/// The documentation's promises, checked: every diagnostic code is documented, and the
/// example CI workflow's crosswalk commands work on a sample knowledge base.
@Suite struct DocumentationTests {
    static let repository = URL(fileURLWithPath: #filePath).deletingLastPathComponent().deletingLastPathComponent()
        .deletingLastPathComponent()

    static func read(_ path: String) throws -> String {
        try String(contentsOf: repository.appendingPathComponent(path), encoding: .utf8)
    }

    @Test func everyDiagnosticCodeIsDocumented() throws {
        let documented = try Self.read("docs/diagnostics.md")
        let source = try Self.read("Sources/CrosswalkKit/Diagnostics/DiagnosticCode.swift")
        let codes = source.split(separator: "\"").filter { $0.hasPrefix("CW") && $0.count == 5 }
        #expect(codes.count >= 30)
        for code in codes {
            #expect(documented.contains("| \(code) |"), "\(code) is missing from docs/diagnostics.md")
        }
    }

    @Test func exampleWorkflowCommandsRun() throws {
        let workflow = try Self.read("docs/examples/github-actions.yml")
        let commands = workflow.split(separator: "\n")
            .map { $0.trimmingCharacters(in: .whitespaces) }
            .compactMap { line -> String? in
                guard line.hasPrefix("run: crosswalk ") else { return nil }
                return String(line.dropFirst("run: crosswalk ".count))
            }
        #expect(commands.count == 2)
        let cli = CLITests()
        let site = try cli.makeSite([
            "content/glossary/plc.md":
                "---\ntitle: PLC\nsummary: A controller.\nit: An appliance.\not: The controller.\nowner: Lead\n---\nText.\n",
            "content/index.md": "---\ntitle: Home\nsummary: Start here.\nowner: Lead\n---\nSee the PLC.\n",
        ])
        defer { try? FileManager.default.removeItem(atPath: site) }
        for command in commands {
            let result = try cli.run(command.split(separator: " ").map(String.init), in: site)
            #expect(result.status == 0, "crosswalk \(command): \(result.stderr)")
        }
        #expect(FileManager.default.fileExists(atPath: site + "/public/index.html"))
    }
}
