import Foundation
import Testing

@testable import CrosswalkKit

/// `crosswalk build` keeps every page's rendered markdown beside the output and parses again
/// only the pages whose markdown can have changed; whatever it reuses, the output must be a
/// build from nothing's.
@Suite struct MarkdownCacheTests {
    func build(_ folder: TemporaryFolder, into output: String = "public") -> BuildReport {
        SiteBuilder(options: folder.buildOptions(into: output)).build()
    }

    func edit(_ folder: TemporaryFolder, _ path: String, _ old: String, _ new: String) throws {
        let text = try folder.read(path)
        #expect(text.contains(old), "\(path) has no '\(old)'")
        try folder.write(text.replacingOccurrences(of: old, with: new), to: path)
    }

    func expectFromNothing(_ folder: TemporaryFolder, _ comment: Comment? = nil) throws {
        let fresh = try folder.buildFromNothing(into: "fresh")
        #expect(fresh.report.succeeded, "\(fresh.report.diagnosticText)")
        #expect(try folder.snapshot("public") == fresh.files, comment)
    }

    @Test func aBodyEditParsesThatPageAlone() throws {
        let folder = try SiteFixture(IncrementalTextEditTests.site).write()
        let first = build(folder)
        #expect(first.succeeded)
        #expect(first.pagesParsed == first.pageCount && first.pagesFromCache == 0)
        try edit(folder, "content/guides/deep/valves.md", "See the", "Walk past the PLC, then see the")
        let second = build(folder)
        #expect(second.succeeded)
        #expect(second.pagesParsed == 1, "\(second.pagesParsed) of \(second.pageCount) parsed")
        #expect(second.pagesFromCache == second.pageCount - 1)
        #expect(
            try folder.read("public/guides/deep/valves/index.html").contains("Walk past the <a class=\"term-link\""))
        try expectFromNothing(folder)
    }

    /// A term's hover card is not in the links to it (`card-data.js` holds it): a new summary
    /// or meaning parses the term alone.
    @Test func aTermCardEditParsesTheTermAlone() throws {
        let folder = try SiteFixture(IncrementalTextEditTests.site).write()
        #expect(build(folder).succeeded)
        let edits = [
            ("summary: A rugged", "summary: A sturdy", "\"A sturdy computer"),
            ("ot: The controller", "ot: The box", "\"The box"),
        ]
        for (old, new, shown) in edits {
            try edit(folder, "content/glossary/plc.md", old, new)
            let report = build(folder)
            #expect(report.succeeded)
            #expect(report.pagesParsed == 1, "\(report.pagesParsed) parsed")
            #expect(try folder.read("public/card-data.js").contains(shown))
            try expectFromNothing(folder, "after '\(new)'")
        }
    }

    /// Names are what every page's links, wikilinks and auto-links are made from.
    @Test func aNameEditParsesEveryPage() throws {
        let folder = try SiteFixture(IncrementalTextEditTests.site).write()
        #expect(build(folder).succeeded)
        for (path, old, new) in [
            ("content/glossary/historian.md", "title: Historian", "title: Data historian"),
            (
                "content/glossary/plc.md", "aliases: [programmable logic controller]",
                "aliases: [programmable logic controller, details]"
            ),
            ("content/glossary/jump-host.md", "title: Jump host", "title: Jump host\naliases: [bastion]"),
        ] {
            try edit(folder, path, old, new)
            let report = build(folder)
            #expect(report.succeeded)
            #expect(report.pagesParsed == report.pageCount, "after '\(new)'")
            try expectFromNothing(folder, "after '\(new)'")
        }
        // The alias on the same line: \`guides/deep/index.md\` mentions "details".
        #expect(try folder.read("public/guides/deep/index.html").contains(">details</a>"))
        // A new page is a new name too.
        try folder.write(
            "---\ntitle: Valves\nsummary: Gates for flow.\n---\nSee the historian.\n", to: "content/glossary/valve.md")
        let added = build(folder)
        #expect(added.succeeded)
        #expect(added.pagesParsed == added.pageCount)
        try expectFromNothing(folder)
    }

    /// The config's text counts, not its file: written again unchanged, it changes nothing.
    @Test func theConfigCountsByItsText() throws {
        let folder = try SiteFixture(IncrementalTextEditTests.site).write()
        #expect(build(folder).succeeded)
        let config = try folder.read("crosswalk.yml")
        try FileManager.default.removeItem(atPath: folder.path("crosswalk.yml"))
        try folder.write(config, to: "crosswalk.yml")
        try edit(folder, "content/guides/deep/valves.md", "See the", "Then see the")
        #expect(build(folder).pagesParsed == 1)
        try folder.write(config + "\nsmart_punctuation: false\n", to: "crosswalk.yml")
        let changed = build(folder)
        #expect(changed.succeeded && changed.pagesParsed == changed.pageCount)
        try expectFromNothing(folder)
    }

    /// A cache cut short, overwritten with junk, paired with another build's bodies or left
    /// without them is ignored (bodies cut short: the pages whose bodies are gone), and the
    /// build is still right.
    @Test func aDamagedCacheOnlyMeansMoreParsing() throws {
        let folder = try SiteFixture(IncrementalTextEditTests.site).write()
        #expect(build(folder).succeeded)
        #expect(build(folder, into: "other").succeeded)
        let paths = MarkdownCache.paths(of: folder.path("public"))
        let damages: [(String, () throws -> Void)] = [
            ("index cut short", { try self.cut(paths.index, keeping: 0.6) }),
            ("index of junk", { try Data(repeating: 0xA5, count: 4_000).write(to: URL(fileURLWithPath: paths.index)) }),
            ("bodies cut short", { try self.cut(paths.bodies, keeping: 0.5) }),
            ("bodies of junk", { try Data(repeating: 0x5A, count: 64).write(to: URL(fileURLWithPath: paths.bodies)) }),
            (
                "another build's bodies",
                {
                    try? FileManager.default.removeItem(atPath: paths.bodies)
                    try FileManager.default.copyItem(
                        atPath: MarkdownCache.paths(of: folder.path("other")).bodies, toPath: paths.bodies)
                }
            ),
            ("bodies gone", { try FileManager.default.removeItem(atPath: paths.bodies) }),
            ("index gone", { try FileManager.default.removeItem(atPath: paths.index) }),
        ]
        for (number, (name, damage)) in damages.enumerated() {
            try damage()
            try edit(folder, "content/guides/deep/valves.md", "the [plant walk]", "the [plant walk] (\(number))")
            let report = build(folder)
            #expect(report.succeeded, "\(name): \(report.diagnosticText)")
            if name == "bodies cut short" {
                #expect(report.pagesParsed > 1 && report.pagesFromCache > 0, "\(name): \(report.pagesParsed) parsed")
            } else {
                #expect(report.pagesParsed == report.pageCount, "\(name): \(report.pagesFromCache) from the cache")
            }
            try expectFromNothing(folder, "\(name)")
            // And the cache the build left serves the next one.
            try edit(folder, "content/guides/deep/valves.md", "(\(number))", "(\(number)).")
            #expect(build(folder).pagesParsed == 1, "\(name): the cache was not made again")
        }
    }

    func cut(_ path: String, keeping share: Double) throws {
        let size = try #require(FileManager.default.attributesOfItem(atPath: path)[.size] as? Int)
        #expect(truncate(path, off_t(Double(size) * share)) == 0)
    }

    /// Each build appends the pages it parsed to the bodies file; once most of it is bodies no
    /// page uses, the next build starts a new file.
    @Test func theBodiesFileStaysBounded() throws {
        let folder = try SiteFixture(IncrementalTextEditTests.site).write()
        let long = String(repeating: "Valves open and close on the historian's schedule. ", count: 400)
        try folder.write(
            "---\ntitle: Valves\nsummary: Where the valves are.\n---\n\(long)\n", to: "content/guides/deep/valves.md")
        #expect(build(folder).succeeded)
        let bodies = MarkdownCache.paths(of: folder.path("public")).bodies
        func size() throws -> Int { try #require(FileManager.default.attributesOfItem(atPath: bodies)[.size] as? Int) }
        let start = try size()
        var largest = start
        for round in 0..<12 {
            try folder.write(
                "---\ntitle: Valves\nsummary: Where the valves are.\n---\n\(long)Round \(round).\n",
                to: "content/guides/deep/valves.md")
            let report = build(folder)
            #expect(report.succeeded && report.pagesParsed == 1)
            largest = max(largest, try size())
        }
        #expect(largest <= 2 * start + 64 * 1024, "\(largest) bytes after edits, \(start) at first")
        try expectFromNothing(folder)
    }

    /// `serve` starts from the cache a build into `public/` left: it parses only the pages
    /// whose files changed since, and builds what a full build does.
    @Test func serveStartsFromTheBuildsCache() throws {
        let folder = try SiteFixture(IncrementalTextEditTests.site).write()
        #expect(build(folder).succeeded)
        try edit(folder, "content/guides/deep/valves.md", "See the", "Then see the")
        let builder = folder.liveBuilder()
        let first = builder.build()
        #expect(first.succeeded, "\(first.diagnosticText)")
        #expect(first.pagesParsed == 1, "\(first.pagesParsed) of \(first.pageCount) parsed")
        let fresh = try folder.buildFromNothing(into: "fresh")
        #expect(try folder.snapshot("live") == fresh.files)
        #expect(Set(first.diagnostics) == Set(fresh.report.diagnostics))
        // A rename later is still a rename: the cached pages' words are read from their files
        // (no recorded words came with them), so it parses only the pages that can mention the
        // names, and reaches every one of them: "session" is in the jump host's text, which did
        // not link the page before.
        try edit(folder, "content/glossary/plc.md", "title: PLC", "title: Session")
        let rename = builder.build(.files([folder.path("content/glossary/plc.md")]))
        #expect(rename.succeeded, "\(rename.diagnosticText)")
        #expect(rename.pagesParsed < rename.pageCount, "\(rename.pagesParsed) of \(rename.pageCount) parsed")
        #expect(try folder.snapshot("live") == folder.buildFromNothing(into: "fresh").files)
        #expect(try folder.read("live/glossary/jump-host/index.html").contains("class=\"term-link\""))
        try edit(folder, "content/glossary/plc.md", "title: Session", "title: PLC")
        #expect(builder.build(.files([folder.path("content/glossary/plc.md")])).pagesParsed < rename.pageCount)
        #expect(try folder.snapshot("live") == folder.buildFromNothing(into: "fresh").files)
    }

    /// `crosswalk check` reads the cache a build left (it writes none): it parses only pages
    /// changed since, and reports what a check from nothing reports.
    @Test func checkRunsReadTheBuildsCache() throws {
        let site =
            IncrementalTextEditTests.site + "\n-- content/notes/broken.md --\n# Broken\n\nSee [[No such page]].\n"
        let folder = try SiteFixture(site).write()
        #expect(!build(folder).succeeded)
        #expect(build(folder).pagesParsed == 0)
        try edit(folder, "content/guides/deep/valves.md", "See the", "Then see the")
        let check = SiteBuilder(options: folder.buildOptions(into: "public", dryRun: true)).build()
        #expect(check.pagesParsed == 1 && check.pagesFromCache == check.pageCount - 1)
        let cold = SiteBuilder(options: folder.buildOptions(into: "elsewhere", dryRun: true)).build()
        #expect(cold.pagesParsed == cold.pageCount)
        #expect(check.diagnostics == cold.diagnostics)
        #expect(check.has(.brokenWikilink, file: "content/notes/broken.md"))
    }

    @Test func checkRunsWriteNoCache() throws {
        let folder = try SiteFixture(IncrementalTextEditTests.site).write()
        let report = SiteBuilder(options: folder.buildOptions(into: "public", dryRun: true)).build()
        #expect(report.succeeded)
        #expect(!folder.exists(".public.markdown") && !folder.exists(".public.bodies"))
    }

    /// Two builds never append to one bodies file: the second to ask gets none.
    @Test func aKeptSpoolHasOneWriterAtATime() throws {
        let folder = try SiteFixture(IncrementalTextEditTests.site).write()
        #expect(build(folder).succeeded)
        let bodies = MarkdownCache.paths(of: folder.path("public")).bodies
        let first = try #require(BodySpool(continuing: bodies, count: 1))
        #expect(BodySpool(continuing: bodies, count: 1) == nil)
        _ = first
    }
}

/// The names text keys the markdown cache and every output on disk: its format is pinned, so a
/// faster way of making it cannot quietly invalidate every cache or miss a field.
@Suite struct MarkdownCacheNamesTests {
    func page(_ path: String, _ text: String) throws -> Page { try SiteFixture.page(path, text) }

    @Test func namesTextIsPinned() throws {
        let term = try page(
            "glossary/nmap.md",
            "---\ntitle: Port scanner\naliases: [nmap, \"Network mapper\"]\nrelated: [plc]\n---\nx\n")
        #expect(
            MarkdownCache.names(of: term) == """
                page glossary/nmap.md
                glossary/nmap/ nmap term false Port scanner
                alias nmap @3:11
                alias Network mapper @3:17
                related plc @4:11

                """)
        let tool = try page(
            "tools/scan.md", "---\nconstraints:\n  no-scanning: {verdict: avoid, note: Stalls PLCs.}\n---\nx\n")
        #expect(
            MarkdownCache.names(of: tool) == """
                page tools/scan.md
                tools/scan/ scan tool false -
                verdict no-scanning @3:1 avoid

                """)
    }
}
