import Foundation
import Testing

@testable import CrosswalkKit

/// Edits to the text other pages show (a summary, a term's IT or OT meaning, a title from the
/// body) rebuild only the pages showing it. After each one, every file and every warning must
/// still be a full build's.
@Suite struct IncrementalTextEditTests {
    static let site = """
        -- crosswalk.yml --
        title: Plant KB
        -- content/index.md --
        ---
        title: Welcome
        summary: The shared vocabulary.
        ---
        Start with [PLC](glossary/plc.md) and the [guides](guides/).
        -- content/glossary/plc.md --
        ---
        title: PLC
        aliases: [programmable logic controller]
        summary: A rugged computer that runs control logic.
        it: A specialised server nobody may reboot.
        ot: The controller that runs the process.
        related: [historian]
        ---
        ## History
        -- content/glossary/historian.md --
        ---
        title: Historian
        summary: Stores process data over time.
        it: A database in the DMZ.
        ot: The plant's memory of every tag.
        ---
        It keeps what every PLC reports.
        -- content/glossary/jump-host.md --
        ---
        title: Jump host
        summary: The one door into the plant network.
        it: A hardened bastion server.
        ot: The only way a vendor reaches the controllers.
        related: [planned-outages]
        ---
        Every session is recorded.
        -- content/guides/deep/index.md --
        # Deep dives

        The details behind each walk.
        -- content/constraints/planned-outages.md --
        ---
        title: Changes only in planned outages
        summary: Control systems change only when the process is down.
        why: [availability]
        purdue: [1, 2]
        references:
          - {standard: "NIST SP 800-82r3", note: "availability first"}
        ---
        A PLC is changed in the outage, and the historian is checked afterwards.
        -- content/tools/edr-agent.md --
        ---
        title: EDR agent
        summary: Watches endpoints.
        constraints:
          planned-outages: {verdict: caution, note: Install only in the outage.}
        ---
        Reports to the historian.
        -- content/workflows/outage.md --
        ---
        title: Outage change
        summary: How a change gets into an outage.
        steps:
          - {lane: it, action: "Raise the change", owner: SOC analyst}
          - {lane: ot, action: "Approve it for the outage", owner: Shift supervisor, authority: true}
        tags: [change]
        ---
        Uses the jump host and the EDR agent.
        -- content/tools/backup-agent.md --
        ---
        summary: Copies controller projects nightly.
        constraints:
          planned-outages: {verdict: ok, note: Reads only.}
        ---
        # Backup agent

        Runs from the historian's network.
        -- content/guides/index.md --
        ---
        title: Guides
        summary: Walks and checklists.
        ---
        How to find your way.
        -- content/guides/plant-walk.md --
        # Plant walk

        What you will see: a PLC and a historian.
        -- content/guides/deep/valves.md --
        ---
        title: Valves
        summary: Where the valves are.
        ---
        See the [plant walk](../plant-walk.md).
        """

    func full(_ folder: TemporaryFolder) throws -> (files: [String: String], warnings: Set<Diagnostic>) {
        let full = try folder.buildFromNothing(into: "full")
        #expect(full.report.succeeded, "\(full.report.diagnosticText)")
        return (full.files, Set(full.report.diagnostics))
    }

    /// (file, text to replace, replacement, whether the edit keeps every name so that only
    /// some files are written again)
    static let edits: [(String, String, String, Bool)] = [
        ("content/glossary/plc.md", "summary: A rugged", "summary: A sturdy", true),
        ("content/glossary/plc.md", "it: A specialised", "it: A special", true),
        ("content/glossary/historian.md", "ot: The plant's memory", "ot: The plant's long memory", true),
        ("content/guides/plant-walk.md", "# Plant walk", "# Plant tour", true),
        ("content/guides/plant-walk.md", "What you will see", "What you will hear", true),
        ("content/guides/index.md", "summary: Walks", "summary: Tours", true),
        ("content/constraints/planned-outages.md", "summary: Control", "summary: Plant control", true),
        ("content/tools/edr-agent.md", "summary: Watches", "summary: Guards", true),
        ("content/tools/backup-agent.md", "# Backup agent", "# Project backup agent", true),
        ("content/guides/index.md", "title: Guides", "title: Field guides", false),
        ("content/tools/edr-agent.md", "summary: Guards endpoints.", "summary: Guards endpoints.\nowner: SOC", false),
        ("content/glossary/historian.md", "summary: Stores", "summary: Keeps", true),
        ("content/glossary/jump-host.md", "summary: The one door", "summary: The single door", true),
        // Keys only the page's own file shows, one line or many, and lines moving: that page alone.
        ("content/constraints/planned-outages.md", "why: [availability]", "why: [availability, safety]", true),
        ("content/constraints/planned-outages.md", "purdue: [1, 2]", "purdue: [1, 2, 3]", true),
        ("content/constraints/planned-outages.md", "availability first", "availability comes first", true),
        ("content/tools/edr-agent.md", "outage.}", "outage.}\ncategory: Endpoint", true),
        ("content/workflows/outage.md", "Raise the change", "Raise the change request", true),
        ("content/workflows/outage.md", "tags: [change]", "tags: [change, outage]\nowner: Change manager", true),
        (
            "content/glossary/plc.md", "related: [historian]", "related: [historian]\n# Checked with the plant team",
            true
        ),
        ("content/glossary/historian.md", "title: Historian", "title: Historian\nautolink: false", true),
        // What other pages are built from: names, relations, verdicts.
        (
            "content/glossary/plc.md", "aliases: [programmable logic controller]", "aliases: [programmable controller]",
            false
        ),
        ("content/glossary/jump-host.md", "related: [planned-outages]", "related: [plc]", false),
        ("content/glossary/historian.md", "title: Historian", "title: Process historian", false),
        ("content/tools/edr-agent.md", "note: Install only in the outage.", "note: Install in the outage.", false),
        ("content/constraints/planned-outages.md", "summary: Plant control", "summary: Process control", true),
        ("content/guides/deep/index.md", "# Deep dives", "# Deeper dives", true),
    ]

    @Test func textOthersShowMatchesAFullBuildAfterEachEdit() throws {
        let folder = try SiteFixture(Self.site).write()
        let builder = folder.liveBuilder()
        let first = builder.build()
        #expect(first.succeeded, "\(first.diagnosticText)")
        for (path, old, new, keepsNames) in Self.edits {
            let text = try folder.read(path)
            #expect(text.contains(old), "\(path) holds '\(old)'")
            try folder.write(text.replacingOccurrences(of: old, with: new), to: path)
            let edit = builder.build(.files([folder.path(path)]))
            #expect(edit.succeeded, "\(edit.diagnosticText)")
            let expected = try full(folder)
            let live = try folder.snapshot("live")
            let differing = Set(live.keys).union(expected.files.keys).filter { live[$0] != expected.files[$0] }
            #expect(differing.isEmpty, "after '\(new)' in \(path): \(differing.sorted())")
            #expect(Set(edit.diagnostics) == expected.warnings, "after '\(new)' in \(path)")
            if keepsNames {
                #expect(edit.filesWritten < edit.fileCount, "'\(new)' in \(path) rewrote every file")
            }
        }
    }

    /// A summary edit in a build that fails on another page is built then but written only
    /// once the other page is fixed: what the pages showing it say must then be up to date.
    @Test func aSummaryEditedInAFailedBuildShowsOnceFixed() throws {
        let folder = try SiteFixture(Self.site).write()
        let builder = folder.liveBuilder()
        #expect(builder.build().succeeded)
        let historian = "content/glossary/historian.md"
        let valves = "content/guides/deep/valves.md"
        let goodValves = try folder.read(valves)
        try folder.write(
            try folder.read(historian).replacingOccurrences(of: "summary: Stores", with: "summary: Keeps"),
            to: historian)
        try folder.write(goodValves + "\nSee [[no-such-page]].\n", to: valves)
        #expect(!builder.build(.files([folder.path(historian), folder.path(valves)])).succeeded)
        try folder.write(goodValves, to: valves)
        let fixed = builder.build(.files([folder.path(valves)]))
        #expect(fixed.succeeded, "\(fixed.diagnosticText)")
        #expect(try folder.snapshot("live") == full(folder).files)
        #expect(try folder.read("live/glossary/plc/index.html").contains("Keeps process data"))
    }

    /// Without a content home page, the generated one lists the pages at the top: their new
    /// titles and summaries show there, and nothing else is written again.
    @Test func theGeneratedHomeShowsATopPagesNewSummary() throws {
        let site = """
            -- content/about.md --
            ---
            title: About
            summary: Who keeps this knowledge base.
            ---
            The plant and the SOC.
            -- content/glossary/plc.md --
            ---
            title: PLC
            summary: A controller.
            ---
            Text.
            """
        let folder = try SiteFixture(site).write()
        let builder = folder.liveBuilder()
        #expect(builder.build().succeeded)
        let path = "content/about.md"
        for (old, new) in [("summary: Who keeps", "summary: Who looks after"), ("title: About", "title: About us")] {
            try folder.write(try folder.read(path).replacingOccurrences(of: old, with: new), to: path)
            let edit = builder.build(.files([folder.path(path)]))
            #expect(edit.succeeded)
            #expect(try folder.snapshot("live") == full(folder).files, "after '\(new)'")
        }
        #expect(try folder.read("live/index.html").contains("Who looks after this knowledge base."))
    }

    /// A title taken from the body shows on the pages linking to it (their neighbour graphs)
    /// and on the other side of its verdicts, in `serve` as in a full build.
    @Test func titlesFromTheBodyReachThePagesLinkingThem() throws {
        let folder = try SiteFixture(OutputKeysTests.bodyTitleSite).write()
        let builder = folder.liveBuilder()
        #expect(builder.build().succeeded)
        for (path, old, new) in [
            ("content/constraints/patch-window.md", "# Patch window", "# Patch weekend"),
            ("content/tools/probe.md", "# Probe", "# Passive probe"),
        ] {
            try folder.write(try folder.read(path).replacingOccurrences(of: old, with: new), to: path)
            #expect(builder.build(.files([folder.path(path)])).succeeded)
            #expect(try folder.snapshot("live") == full(folder).files, "after '\(new)'")
        }
        #expect(try folder.read("live/workflows/scan/index.html").contains("Passive probe"))
    }

    /// A term's hover card is in `card-data.js`: a new summary rewrites that file and the pages
    /// showing the summary, not the pages that only mention the term.
    @Test func aTermsNewSummaryReachesItsCardNotThePagesMentioningIt() throws {
        let folder = try SiteFixture(Self.site).write()
        let builder = folder.liveBuilder()
        #expect(builder.build().succeeded)
        #expect(try folder.read("live/glossary/historian/index.html").contains("A rugged computer"))
        let path = "content/glossary/plc.md"
        try folder.write(try folder.read(path).replacingOccurrences(of: "A rugged", with: "A sturdy"), to: path)
        let edit = builder.build(.files([folder.path(path)]))
        #expect(edit.succeeded)
        #expect(try folder.read("live/card-data.js").contains("\"glossary/plc/\":[\"A sturdy computer"))
        // The plant walk mentions the PLC: its page shows the term's title only.
        let walk = try folder.read("live/guides/plant-walk/index.html")
        #expect(walk.contains("data-card=\"glossary/plc/\"") && !walk.contains("computer that runs"))
        #expect(edit.filesWritten < edit.fileCount)
    }
}
