import Foundation
import Testing

@testable import CrosswalkKit

/// The dev server's incremental builds must give exactly what a build from nothing gives,
/// after every kind of edit, while rewriting only what the edit affects.
@Suite struct IncrementalBuilderTests {
    func fullBuild(_ folder: TemporaryFolder) throws -> [String: String] {
        let full = try folder.buildFromNothing(into: "full")
        #expect(full.report.succeeded, "\(full.report.diagnosticText)")
        return full.files
    }

    /// A theme edited to expand a block inside itself is reported by the next rebuild, naming
    /// the block, as a build from nothing reports it; mending it builds again.
    @Test func aThemeExpandingItselfIsReportedAndMended() throws {
        let folder = try SiteFixture(SiteBuilderTests.smallSite).write()
        let builder = folder.liveBuilder()
        #expect(builder.build().succeeded)
        let page = try folder.read("templates/page.mustache")
        try folder.write(
            page.replacingOccurrences(of: "{{/main}}", with: "{{$main}}{{/main}}{{/main}}"),
            to: "templates/page.mustache")
        let broken = builder.build()
        #expect(
            broken.diagnostics.contains { $0.code == .outputFailed && $0.message.contains("{{$main}} → {{$main}}") })
        try folder.write(page, to: "templates/page.mustache")
        #expect(builder.build().succeeded)
    }

    /// Edits the watcher names: only those files are looked at again, and the result is the
    /// same as a full build. A named file the last walk did not see means walking again.
    @Test func namedEditsMatchAFullBuild() throws {
        let folder = try SiteFixture(SiteBuilderTests.smallSite).write()
        let builder = folder.liveBuilder()
        #expect(builder.build().succeeded)
        let page = folder.path("content/constraints/planned-outages.md")
        try folder.write(
            "---\ntitle: Changes only in planned outages\nsummary: Changed by a named edit.\n---\nNew body.\n",
            to: "content/constraints/planned-outages.md")
        let edit = builder.build(.files([page]))
        #expect(edit.succeeded, "\(edit.diagnosticText)")
        #expect(builder.walks == 1, "a named edit needs no walk")
        #expect(try folder.snapshot("live") == fullBuild(folder))
        #expect(try folder.read("live/constraints/planned-outages/index.html").contains("New body."))

        try folder.write("# Brand new\n\nA page the last walk never saw.\n", to: "content/guides/brand-new.md")
        let added = builder.build(.files([folder.path("content/guides/brand-new.md")]))
        #expect(added.succeeded, "\(added.diagnosticText)")
        #expect(builder.walks == 2)
        #expect(try folder.snapshot("live") == fullBuild(folder))
        #expect(try folder.read("live/guides/brand-new/index.html").contains("A page the last walk never saw."))
    }

    /// A new owner or review date touches that page alone: no other page's markdown or search
    /// entry is made again, and the result is still a full build's.
    @Test func ownFrontMatterEditsRebuildOnlyThatPage() throws {
        let folder = try SiteFixture(SiteBuilderTests.smallSite).write()
        let builder = folder.liveBuilder()
        #expect(builder.build().succeeded)
        let made = builder.searchCache.made
        let path = "content/constraints/planned-outages.md"
        let original = try folder.read(path)
        #expect(original.hasPrefix("---\n"))
        func withOwner(_ owner: String) -> String { "---\nowner: \(owner)\n" + original.dropFirst(4) }
        try folder.write(withOwner("Plant manager"), to: path)
        #expect(builder.build().succeeded)
        #expect(try folder.snapshot("live") == fullBuild(folder))
        let afterAdding = builder.searchCache.made
        try folder.write(withOwner("Site engineer"), to: path)
        let edit = builder.build()
        #expect(edit.succeeded)
        #expect(builder.searchCache.made == afterAdding + 1, "only the edited page's entry")
        #expect(edit.filesWritten <= 2, "the page and the search index")
        #expect(try folder.snapshot("live") == fullBuild(folder))
        #expect(afterAdding > made)
    }

    /// Warnings are kept per page and checked again only for pages an edit rebuilt: after each
    /// edit they must still be exactly a full build's, on the edited page and on the others.
    @Test func warningsFollowEachEditAsAFullBuildReportsThem() throws {
        let folder = try SiteFixture(SiteBuilderTests.smallSite).write()
        let builder = folder.liveBuilder()
        func fullWarnings() -> Set<Diagnostic> {
            Set(SiteBuilder(options: folder.buildOptions(into: "full", dryRun: true)).build().diagnostics)
        }
        #expect(Set(builder.build().diagnostics) == fullWarnings())
        let path = "content/constraints/planned-outages.md"
        let original = try folder.read(path)
        func reviewBy(_ date: String, body: String = "") -> String {
            "---\nreview_by: \(date)\n" + original.dropFirst(4) + body
        }
        for (date, body) in [("2020-01-01", ""), ("2020-01-01", "More."), ("2099-01-01", ""), ("2021-06-30", "")] {
            try folder.write(reviewBy(date, body: body), to: path)
            let edit = builder.build(.files([folder.path(path)]))
            let warnings = Set(edit.diagnostics)
            #expect(warnings == fullWarnings(), "review_by: \(date)")
            #expect(warnings.contains { $0.code == .stalePage } == (date < "2026-11-29"))
            #expect(warnings.contains { $0.code == .missingOwner && $0.location.file.hasSuffix("plant-walk.md") })
        }
        // Links that come and go: the graph is patched, and a term nothing links to any more
        // warns, then stops when a link comes back; pages and warnings stay a full build's.
        let home = try folder.read("content/index.md")
        let patch = try folder.read("content/glossary/patch.md")
        let steps = [
            ("content/index.md", home.replacingOccurrences(of: " or [PLC](glossary/plc.md)", with: ""), false),
            (
                "content/glossary/patch.md",
                patch.replacingOccurrences(of: "[PLC history](plc.md#history)", with: "the controller"), true
            ),
            ("content/glossary/patch.md", patch, false),
            ("content/index.md", home, false),
        ]
        for (path, text, orphan) in steps {
            try folder.write(text, to: path)
            let edit = builder.build(.files([folder.path(path)]))
            let warnings = Set(edit.diagnostics)
            #expect(warnings == fullWarnings(), "\(path)")
            #expect(warnings.contains { $0.code == .orphanTerm && $0.location.file.hasSuffix("plc.md") } == orphan)
            #expect(try folder.snapshot("live") == fullBuild(folder))
        }
    }

    @Test func everyEditMatchesAFullBuild() throws {
        let folder = try SiteFixture(SiteBuilderTests.smallSite).write()
        let builder = folder.liveBuilder()
        let first = builder.build()
        #expect(first.succeeded, "\(first.diagnosticText)")
        #expect(try folder.snapshot("live") == fullBuild(folder))

        // Nothing changed: nothing is rewritten.
        let madeFirst = builder.searchCache.made
        let idle = builder.build()
        #expect(idle.filesWritten == 0)
        #expect(builder.searchCache.made == madeFirst)

        // A body edit that adds a link: the page and the linked page's backlinks change.
        try folder.write(
            "---\ntitle: Changes only in planned outages\nsummary: Control systems change only when the process is down.\n"
                + "why: [availability, safety]\npurdue: [1, 2]\n---\nSee [EDR](../tools/edr-agent.md).\n",
            to: "content/constraints/planned-outages.md")
        let edit = builder.build()
        #expect(edit.filesWritten > 0 && edit.filesWritten < edit.fileCount)
        #expect(builder.searchCache.made == madeFirst + 1, "only the edited page's search entry is made again")
        #expect(try folder.snapshot("live") == fullBuild(folder))

        let edits: [(String, String?)] = [
            ("content/glossary/patch.md", "---\ntitle: Patch\nsummary: A new summary everyone lists.\n---\nText.\n"),
            ("content/guides/new-guide.md", "# New guide\n\nMentions the PLC.\n"),
            // Text only, same links: last time's link graph is reused.
            ("content/guides/new-guide.md", "# New guide\n\nMentions the PLC, in other words.\n"),
            // A link gone and a heading added; then a fragment link to that heading.
            ("content/guides/new-guide.md", "# New guide\n\nNo term here.\n\n## Section\n"),
            ("content/guides/second.md", "# Second\n\nSee [the section](new-guide.md#section).\n"),
            // A section's introduction, then a change below its first paragraph only: the
            // generated section page shows the body, though no title or summary changed.
            ("content/glossary/index.md", "# Glossary\n\nWords both teams use.\n"),
            ("content/glossary/index.md", "# Glossary\n\nWords both teams use.\n\nA second paragraph.\n"),
            ("content/guides/plant-walk.md", nil),
            ("templates/partials/footer.mustache", "<footer>changed footer</footer>\n"),
            ("crosswalk.yml", "title: Renamed KB\n"),
        ]
        for (path, contents) in edits {
            if let contents {
                try folder.write(contents, to: path)
            } else {
                try FileManager.default.removeItem(atPath: folder.path(path))
            }
            let report = builder.build()
            #expect(report.succeeded, "\(path): \(report.diagnosticText)")
            #expect(try folder.snapshot("live") == fullBuild(folder), "after editing \(path)")
        }

        // One good edit and one bad in the same build: nothing is written. Fixing only the bad
        // one must still publish the good one, built last time but never written.
        try folder.write("# New guide\n\nA good edit.\n\n## Section\n", to: "content/guides/new-guide.md")
        try folder.write("# Second\n\nSee [[no-such-page]].\n", to: "content/guides/second.md")
        #expect(!builder.build().succeeded)
        try folder.write("# Second\n\nSee [the section](new-guide.md#section).\n", to: "content/guides/second.md")
        #expect(builder.build().succeeded)
        #expect(try folder.snapshot("live") == fullBuild(folder))
        #expect(try folder.read("live/guides/new-guide/index.html").contains("A good edit."))

        // Renaming the heading breaks the other page's fragment link, though that page did
        // not change: the reused link checks must not hide it.
        try folder.write("# New guide\n\nNo term here.\n\n## Renamed\n", to: "content/guides/new-guide.md")
        let broken = builder.build()
        #expect(broken.diagnostics.contains { $0.code == .brokenAnchor })
        try folder.write("# New guide\n\nNo term here.\n\n## Section\n", to: "content/guides/new-guide.md")
        #expect(builder.build().succeeded)
        #expect(try folder.snapshot("live") == fullBuild(folder))
    }

    @Test func aBrokenEditKeepsTheLastGoodSite() throws {
        let folder = try SiteFixture(SiteBuilderTests.smallSite).write()
        let builder = folder.liveBuilder()
        #expect(builder.build().succeeded)
        let before = try folder.snapshot("live")
        try folder.write("---\ntitle: [broken\n---\n", to: "content/glossary/plc.md")
        let broken = builder.build()
        #expect(!broken.succeeded && !broken.published)
        #expect(try folder.snapshot("live") == before)
        try folder.write("---\ntitle: PLC\nsummary: Fixed.\n---\n## History\nBack.\n", to: "content/glossary/plc.md")
        #expect(builder.build().succeeded)
        #expect(try folder.snapshot("live") == fullBuild(folder))
    }
}
