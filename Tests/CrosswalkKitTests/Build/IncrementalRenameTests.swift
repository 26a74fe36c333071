import Foundation
import Testing

@testable import CrosswalkKit

/// Renames in `serve`: a new title, new aliases or new relations parse again only the pages
/// that linked the renamed page and those whose words can hold a changed name, and the output
/// must still be a full build's, file for file.
@Suite struct IncrementalRenameTests {
    static let site = """
        -- content/glossary/relay.md --
        ---
        title: Relay panel
        summary: Where the interlocks are wired.
        ---
        Hard-wired logic.
        -- content/glossary/ups.md --
        ---
        title: Uninterruptible power supply (UPS)
        summary: Keeps controllers up when the grid drops.
        ---
        Batteries and an inverter.
        -- content/glossary/oil-pump.md --
        ---
        title: Ölpumpe
        summary: Moves lubricating oil.
        ---
        Keeps bearings alive.
        -- content/glossary/historian.md --
        ---
        title: Historian
        summary: Keeps process data.
        related: [relay]
        ---
        It reads every relay panel.
        -- content/notes/plural.md --
        # Spares

        The relay cabinets hold spares, next to the battery backups.
        -- content/notes/wrapped.md --
        # Walk

        Check the relay
        cabinet before the outage, and the data historians after it.
        -- content/notes/table.md --
        # Stock

        | Item | Where |
        |---|---|
        | Fuses | the relay cabinet |

        Count the spare batteries.
        -- content/notes/shout.md --
        # Lubrication

        Never start the ÖLFÖRDERPUMPE dry.
        -- content/notes/by-file-name.md --
        # By file name

        Ask the [[relay]] team.
        -- content/notes/quiet.md --
        # Quiet

        Nothing here names anything.
        """

    /// A term, a page linking it by a plain link, and a page linking it by wikilink.
    static let linkedTerm = """
        -- content/glossary/relay.md --
        ---
        title: Relay panel
        ---
        Hard-wired logic.
        -- content/notes/link.md --
        # Link

        See [the wiring](../glossary/relay.md).
        -- content/notes/wiki.md --
        # Wiki

        Ask the [[relay]] team.
        """

    /// Replaces `old` with `new` in the file at `path`, which must hold it, and rebuilds as
    /// `serve` does for that file.
    func edit(_ folder: TemporaryFolder, _ builder: IncrementalBuilder, _ path: String, _ old: String, _ new: String)
        throws -> BuildReport
    {
        let text = try folder.read(path)
        #expect(text.contains(old), "\(path) has no '\(old)'")
        try folder.write(text.replacingOccurrences(of: old, with: new), to: path)
        return builder.build(.files([folder.path(path)]))
    }

    func expectFullBuild(_ folder: TemporaryFolder, _ report: BuildReport, _ comment: String) throws {
        let full = try folder.buildFromNothing(into: "full")
        #expect(Set(report.diagnostics) == Set(full.report.diagnostics), "\(comment)")
        guard full.report.succeeded else { return }
        #expect(try folder.snapshot("live") == full.files, "\(comment)")
    }

    @Test func renamesParseOnlyThePagesThatCanMentionThem() throws {
        let folder = try SiteFixture(Self.site).write()
        let builder = folder.liveBuilder()
        let first = builder.build()
        #expect(first.succeeded, "\(first.diagnosticText)")
        // (file, old, new, a page that must show the change)
        let edits = [
            ("content/glossary/relay.md", "title: Relay panel", "title: Relay cabinet", "notes/table/index.html"),
            (
                "content/glossary/ups.md", "title: Uninterruptible power supply (UPS)", "title: Battery backup (UPS)",
                "notes/plural/index.html"
            ),
            ("content/glossary/oil-pump.md", "title: Ölpumpe", "title: Ölförderpumpe", "notes/shout/index.html"),
            (
                "content/glossary/ups.md", "summary: Keeps", "aliases: [spare battery]\nsummary: Keeps",
                "notes/table/index.html"
            ),
            (
                "content/glossary/historian.md", "title: Historian", "title: Historian\naliases: [data historian]",
                "notes/wrapped/index.html"
            ),
            ("content/glossary/historian.md", "related: [relay]", "related: [ups]", "glossary/ups/index.html"),
            (
                "content/glossary/relay.md", "title: Relay cabinet", "title: Relay panel",
                "glossary/historian/index.html"
            ),
        ]
        for (path, old, new, showing) in edits {
            let before = try? folder.read("live/" + showing)
            let report = try edit(folder, builder, path, old, new)
            #expect(report.succeeded, "after '\(new)': \(report.diagnosticText)")
            #expect(report.pagesParsed < report.pageCount, "after '\(new)': every page parsed")
            #expect(try folder.read("live/" + showing) != before, "after '\(new)': \(showing) unchanged")
            try expectFullBuild(folder, report, "after '\(new)'")
        }
        // The quiet page names nothing: no rename touched it.
        // A wikilink by file name shows the title it has now.
        #expect(try folder.read("live/notes/by-file-name/index.html").contains(">Relay panel</a>"))
        let quiet = try folder.read("live/notes/quiet/index.html")
        #expect(!quiet.contains("term-link"))
    }

    /// A rename that breaks a wikilink reports it, as a full build does; naming it back fixes it.
    @Test func aRenameThatBreaksAWikilinkIsReported() throws {
        let site = Self.site + "\n-- content/notes/wiki.md --\n# Wiki\n\nSee [[Relay panel]].\n"
        let folder = try SiteFixture(site).write()
        let builder = folder.liveBuilder()
        #expect(builder.build().succeeded)
        let path = "content/glossary/relay.md"
        let broken = try edit(folder, builder, path, "Relay panel", "Relay board")
        #expect(broken.has(.brokenWikilink, file: "content/notes/wiki.md"))
        try expectFullBuild(folder, broken, "broken")
        let fixed = try edit(folder, builder, path, "Relay board", "Relay panel")
        #expect(fixed.succeeded, "\(fixed.diagnosticText)")
        try expectFullBuild(folder, fixed, "fixed")
    }

    /// A new title or alias patches last time's site and link graph instead of making them
    /// again; a name another page has, or new relations, make them again. Either way the
    /// output is a full build's.
    @Test func renamesPatchTheSiteAndTheLinkGraph() throws {
        let site = Self.site + "\n-- content/notes/ask.md --\n# Ask\n\nAsk the [[Historian]] team.\n"
        let folder = try SiteFixture(site).write()
        let builder = folder.liveBuilder()
        #expect(builder.build().succeeded)
        let (indexed, graphs) = (builder.sitesIndexed, builder.graphsMade)
        let relay = "content/glossary/relay.md"
        let renamed = try edit(folder, builder, relay, "title: Relay panel", "title: Relay cabinet")
        #expect(renamed.succeeded, "\(renamed.diagnosticText)")
        #expect((builder.sitesIndexed, builder.graphsMade) == (indexed, graphs), "a new title made them again")
        try expectFullBuild(folder, renamed, "new title")
        #expect(try folder.read("live/notes/wrapped/index.html").contains(">relay\ncabinet</a>"))

        // Another term's title: which page a wikilink names now depends on order.
        let clash = try edit(folder, builder, relay, "title: Relay cabinet", "title: Historian")
        #expect(builder.sitesIndexed == indexed + 1, "a shared name was patched")
        try expectFullBuild(folder, clash, "shared title")

        let historian = "content/glossary/historian.md"
        let related = try edit(folder, builder, historian, "related: [relay]", "related: [ups]")
        #expect(builder.graphsMade > graphs, "new relations were patched")
        try expectFullBuild(folder, related, "new relation")
    }

    /// A page parsed again because its words could hold a new name, but which does not
    /// hold it, is not written again.
    @Test func aPageParsedAgainButUnchangedIsNotRewritten() throws {
        let site = Self.site + "\n-- content/notes/apart.md --\n# Apart\n\nThe cabinet stands next to a relay.\n"
        let folder = try SiteFixture(site).write()
        let builder = folder.liveBuilder()
        #expect(builder.build().succeeded)
        let page = folder.path("live/notes/apart/index.html")
        let before = try Self.modified(page)
        let relay = "content/glossary/relay.md"
        let report = try edit(folder, builder, relay, "title: Relay panel", "title: Relay cabinet")
        #expect(report.succeeded, "\(report.diagnosticText)")
        #expect(report.pagesParsed > 1, "the page that may name the term was not parsed")
        #expect(try Self.modified(page) == before, "an unchanged page was written again")
        try expectFullBuild(folder, report, "new title")
    }

    /// A page's words are read again when its file changes, so a later rename finds a name
    /// the edit wrote.
    @Test func anEditedPageIsFoundByTheNextRename() throws {
        let folder = try SiteFixture(Self.site).write()
        let builder = folder.liveBuilder()
        #expect(builder.build().succeeded)
        let quiet = "content/notes/quiet.md"
        try folder.write("# Quiet\n\nThe relay cabinet hums.\n", to: quiet)
        #expect(builder.build(.files([folder.path(quiet)])).succeeded)
        let relay = "content/glossary/relay.md"
        let report = try edit(folder, builder, relay, "title: Relay panel", "title: Relay cabinet")
        #expect(try folder.read("live/notes/quiet/index.html").contains("term-link"))
        try expectFullBuild(folder, report, "rename after an edit")
    }

    /// Of the pages linking a renamed term, only those linking it by wikilink (whose label is
    /// its title) are parsed again; a plain link shows its own text.
    @Test func onlyWikilinksToARenamedTermParseTheirPageAgain() throws {
        let folder = try SiteFixture(Self.linkedTerm).write()
        let builder = folder.liveBuilder()
        #expect(builder.build().succeeded)
        let relay = "content/glossary/relay.md"
        let report = try edit(folder, builder, relay, "Relay panel", "Relay board")
        #expect(report.pagesParsed == 2, "\(report.pagesParsed) pages parsed")
        #expect(try folder.read("live/notes/wiki/index.html").contains(">Relay board</a>"))
        try expectFullBuild(folder, report, "rename")
    }

    /// A new alias keeps the title: the pages showing the title are not written again, the
    /// term's own page and the glossary are.
    @Test func aNewAliasRewritesOnlyWhatShowsIt() throws {
        let folder = try SiteFixture(Self.site).write()
        let builder = folder.liveBuilder()
        #expect(builder.build().succeeded)
        let linking = folder.path("live/notes/by-file-name/index.html")
        let before = try Self.modified(linking)
        let relay = "content/glossary/relay.md"
        let report = try edit(
            folder, builder, relay, "title: Relay panel", "title: Relay panel\naliases: [relay cupboard]")
        #expect(report.succeeded, "\(report.diagnosticText)")
        #expect(try Self.modified(linking) == before, "a page showing the unchanged title was written again")
        #expect(try folder.read("live/glossary/relay/index.html").contains("relay cupboard"))
        #expect(try folder.read("live/glossary/index.html").contains("relay cupboard"))
        try expectFullBuild(folder, report, "new alias")
    }

    /// Started from a `crosswalk build`'s markdown cache, whose pages keep no link list, the
    /// first rename parses the pages linking the term whose words can hold its slug (only a
    /// wikilink written as the slug shows the title); a page that came out the same keeps its
    /// new link list, so the next rename parses only the wikilink's page.
    @Test func aPageFromTheCacheLearnsItsLinksOnce() throws {
        let mention = """
            -- content/notes/mention.md --
            # Mention

            The relay crew keeps [the wiring](../glossary/relay.md) tidy.
            """
        let folder = try SiteFixture(Self.linkedTerm + "\n" + mention).write()
        #expect(SiteBuilder(options: folder.buildOptions(into: "public")).build().succeeded)
        let builder = folder.liveBuilder()
        let first = builder.build()
        #expect(first.pagesParsed == 0, "\(first.pagesParsed) pages parsed, not taken from the cache")
        let relay = "content/glossary/relay.md"
        var parsed: [Int] = []
        for (old, new) in [("Relay panel", "Relay board"), ("Relay board", "Relay frame")] {
            let report = try edit(folder, builder, relay, "title: \(old)", "title: \(new)")
            #expect(report.succeeded, "\(report.diagnosticText)")
            parsed.append(report.pagesParsed)
            try expectFullBuild(folder, report, new)
        }
        #expect(parsed == [3, 2])
    }

    /// `serve` reads the words of the pages it took from the cache once its first build is
    /// out (`recordWords`), so the first rename reads none; a second call reads nothing.
    @Test func wordsReadAfterTheFirstBuildServeTheFirstRename() throws {
        let folder = try SiteFixture(Self.linkedTerm).write()
        #expect(SiteBuilder(options: folder.buildOptions(into: "public")).build().succeeded)
        let builder = folder.liveBuilder()
        #expect(builder.build().pagesParsed == 0)
        builder.recordWords()
        #expect(builder.wordsRead == 3)
        builder.recordWords()
        #expect(builder.wordsRead == 3)
        let report = try edit(folder, builder, "content/glossary/relay.md", "title: Relay panel", "title: Relay board")
        #expect(report.succeeded, "\(report.diagnosticText)")
        #expect(builder.wordsRead == 3)
        try expectFullBuild(folder, report, "rename after the words were read")
    }

    static func modified(_ path: String) throws -> [Int] {
        var info = stat()
        guard stat(path, &info) == 0 else { throw CocoaError(.fileNoSuchFile) }
        return [info.st_mtim.tv_sec, info.st_mtim.tv_nsec]
    }
}
