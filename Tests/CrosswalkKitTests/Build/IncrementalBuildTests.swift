import Foundation
import Testing

@testable import CrosswalkKit

/// A rebuild over an existing output must give exactly what a build from nothing gives.
@Suite struct IncrementalBuildTests {
    func build(_ folder: TemporaryFolder, into output: String) -> BuildReport {
        SiteBuilder(
            options: BuildOptions(sourceRoot: folder.root, outputDirectory: folder.path(output), today: "2026-11-29")
        )
        .build()
    }

    @Test func incrementalBuildIsByteIdenticalToAFullOne() throws {
        let folder = try SiteFixture(SiteBuilderTests.smallSite).write()
        #expect(build(folder, into: "public").succeeded)
        // Edit a body, a front matter field other pages show, add a page and remove one.
        try folder.write(
            "---\ntitle: Patch\nsummary: A changed summary.\n---\nSee [PLC history](plc.md#history).\n",
            to: "content/glossary/patch.md")
        try folder.write("# New page\n\nMentions nothing.\n", to: "content/guides/new.md")
        try FileManager.default.removeItem(atPath: folder.path("content/guides/plant-walk.md"))
        let incremental = build(folder, into: "public")
        #expect(incremental.succeeded, "\(incremental.diagnosticText)")
        #expect(incremental.filesReused > 0)
        let full = build(folder, into: "fresh")
        #expect(full.filesReused == 0)
        #expect(try folder.snapshot("public") == folder.snapshot("fresh"))
    }

    @Test func unchangedInputsAreUpToDate() throws {
        let folder = try SiteFixture(SiteBuilderTests.smallSite).write()
        #expect(build(folder, into: "public").published)
        let again = build(folder, into: "public")
        #expect(again.upToDate && !again.published)
        try folder.write("# Another\n\nText.\n", to: "content/another.md")
        let changed = build(folder, into: "public")
        #expect(changed.published && !changed.upToDate)
    }

    @Test func upToDateRebuildReportsTheSameWarnings() throws {
        let site = SiteBuilderTests.smallSite.replacingOccurrences(
            of: "title: PLC\n", with: "title: PLC\ntypo_key: x\n")
        let folder = try SiteFixture(site).write()
        let first = build(folder, into: "public")
        let second = build(folder, into: "public")
        #expect(second.upToDate)
        #expect(
            first.diagnostics.filter { $0.code == .unknownKey } == second.diagnostics.filter { $0.code == .unknownKey })
        #expect(!second.diagnostics.isEmpty)
    }
}
