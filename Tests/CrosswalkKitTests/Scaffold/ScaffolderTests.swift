import Foundation
import Testing

@testable import CrosswalkKit

@Suite struct ScaffolderTests {
    func build(_ root: String) -> BuildReport {
        SiteBuilder(
            options: BuildOptions(
                sourceRoot: root, outputDirectory: root + "/public", dryRun: true, today: "2026-11-29")
        ).build()
    }

    @Test func initWritesASiteThatBuildsWithZeroWarnings() throws {
        let folder = try TemporaryFolder()
        let written = try Scaffolder.initSite(directory: folder.path("kb"), today: "2026-11-29")
        #expect(written.contains("crosswalk.yml"))
        #expect(written.contains("templates/layout.mustache"))
        for kind in PageKind.sections {
            #expect(written.contains { $0.hasPrefix("content/\(kind.folder ?? "")/") }, "no example \(kind)")
        }
        let report = build(folder.path("kb"))
        #expect(report.succeeded)
        #expect(report.diagnostics.isEmpty, "\(report.diagnosticText)")
    }

    @Test func initRefusesAnExistingKnowledgeBase() throws {
        let folder = try TemporaryFolder()
        try folder.write("x", to: "kb/content/a.md")
        #expect(throws: Scaffolder.Failure.self) {
            try Scaffolder.initSite(directory: folder.path("kb"), today: "2026-11-29")
        }
    }

    @Test(arguments: PageKind.allCases)
    func newEntryOfEveryKindBuildsWithoutErrors(kind: PageKind) throws {
        let folder = try TemporaryFolder()
        _ = try Scaffolder.initSite(directory: folder.root, today: "2026-11-29")
        let path = try Scaffolder.newPage(
            kind: kind, title: "Data diode: \"one-way\"", sourceRoot: folder.root, today: "2026-11-29")
        #expect(path == "content/" + (kind.folder.map { $0 + "/" } ?? "") + "data-diode-one-way.md")
        let report = build(folder.root)
        #expect(report.succeeded, "\(report.diagnosticText)")
        #expect(!report.diagnostics.contains { $0.code == .wrongValueType || $0.code == .unknownKey })
        let text = try folder.read(path)
        #expect(text.contains("title: \"Data diode: \\\"one-way\\\"\""))
        #expect(text.contains("review_by: 2027-11-29"))
    }

    @Test func newNeverOverwrites() throws {
        let folder = try TemporaryFolder()
        try folder.write("mine", to: "content/glossary/historian.md")
        #expect(throws: Scaffolder.Failure.self) {
            try Scaffolder.newPage(kind: .term, title: "Historian", sourceRoot: folder.root, today: "2026-11-29")
        }
        #expect(try folder.read("content/glossary/historian.md") == "mine")
    }

    /// `crosswalk init` writes the theme from the binary; it must be the theme in templates/.
    @Test func embeddedThemeMatchesTemplatesFolder() throws {
        var onDisk: [String: String] = [:]
        let root = SiteFixture.themeDirectory
        let enumerator = FileManager.default.enumerator(atPath: root)
        while let relative = enumerator?.nextObject() as? String {
            var isDirectory: ObjCBool = false
            guard FileManager.default.fileExists(atPath: root + "/" + relative, isDirectory: &isDirectory),
                !isDirectory.boolValue, !(relative as NSString).lastPathComponent.hasPrefix(".")
            else { continue }
            onDisk[relative] = try String(contentsOfFile: root + "/" + relative, encoding: .utf8)
        }
        let embedded = Dictionary(DefaultTheme.files.map { ($0.path, $0.contents) }, uniquingKeysWith: { a, _ in a })
        #expect(Set(embedded.keys) == Set(onDisk.keys), "run `make theme` to re-embed templates/")
        for (path, text) in onDisk where embedded[path] != text {
            Issue.record("templates/\(path) differs from the embedded copy; run `make theme`")
        }
    }
}
