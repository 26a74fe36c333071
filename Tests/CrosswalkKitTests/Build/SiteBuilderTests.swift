import Foundation
import Testing

@testable import CrosswalkKit

@Suite struct SiteBuilderTests {
    static let smallSite = """
        -- crosswalk.yml --
        title: Plant KB
        -- content/index.md --
        ---
        title: Welcome
        summary: The shared vocabulary.
        ---
        Start with the [glossary](glossary/) or [PLC](glossary/plc.md).
        -- content/glossary/plc.md --
        ---
        title: PLC
        aliases: [programmable logic controller]
        summary: A rugged computer that runs control logic.
        it: A specialised server nobody may reboot.
        ot: The controller that runs the process.
        related: [patch]
        ---
        ## History
        Photo: ![rack](rack.png)
        -- content/glossary/rack.png --
        PNGDATA
        -- content/glossary/patch.md --
        ---
        title: Patch <b>bold</b>
        summary: A change that fixes a defect.
        ---
        See [PLC history](plc.md#history).
        -- content/constraints/planned-outages.md --
        ---
        title: Changes only in planned outages
        summary: Control systems change only when the process is down.
        why: [availability, safety]
        purdue: [1, 2]
        ---
        Body.
        -- content/tools/edr-agent.md --
        ---
        title: EDR agent
        summary: Watches endpoints.
        constraints:
          planned-outages: {verdict: caution, note: Install only in the outage.}
        ---
        Body.
        -- content/guides/plant-walk.md --
        # Plant walk

        What you will see.
        """

    @Test func buildsPrettyURLsIndexPagesAndAssets() throws {
        let (folder, report) = try SiteFixture(Self.smallSite).build()
        #expect(report.succeeded, "\(report.diagnosticText)")
        #expect(report.published)
        #expect(
            folder.files(under: "public") == [
                ".crosswalk-output", "404.html", "assets/cards.js", "assets/controls.js", "assets/early.js",
                "assets/favicon.svg", "assets/pictures.css", "assets/print.css", "assets/search.js", "assets/style.css",
                "card-data.js", "constraints/index.html", "constraints/planned-outages/index.html",
                "glossary/index.html", "glossary/patch/index.html", "glossary/plc/index.html", "glossary/rack.png",
                "guides/plant-walk/index.html", "index.html", "matrix/index.html", "search-index.js",
                "tools/edr-agent/index.html", "tools/index.html",
            ])
        let plc = try folder.read("public/glossary/plc/index.html")
        #expect(plc.contains("<h1>PLC</h1>"))
        #expect(plc.contains("href=\"../../assets/style.css\""))
        #expect(plc.contains("<h2 id=\"history\">History</h2>"))
        #expect(plc.contains("src=\"../rack.png\""))
        #expect(plc.contains("The controller that runs the process."))
        #expect(plc.contains("<a href=\"../patch/index.html\">Patch &lt;b&gt;bold&lt;/b&gt;</a>"))
        #expect(plc.contains("<title>PLC · Plant KB</title>"))
    }

    /// Bodies come back from the build's spool as bytes: a page with one has it whole, and a
    /// page without one has no empty body block.
    @Test func bodiesFromTheSpoolAreWholeAndAnEmptyOneIsLeftOut() throws {
        let (folder, report) = try SiteFixture(
            """
            -- content/glossary/plc.md --
            ---
            title: PLC
            ---
            A *controller* — ünïcode & <b>tags</b> kept out.
            -- content/glossary/empty.md --
            ---
            title: Empty
            ---
            """
        ).build()
        #expect(report.succeeded, "\(report.diagnosticText)")
        let plc = try folder.read("public/glossary/plc/index.html")
        #expect(plc.contains("<div class=\"body\">\n<p>A <em>controller</em> — ünïcode &amp;"))
        let empty = try folder.read("public/glossary/empty/index.html")
        #expect(empty.contains("<h1>Empty</h1>"))
        #expect(!empty.contains("<div class=\"body\">"))
    }

    @Test func frontMatterIsEscapedAndBreadcrumbsLeadHome() throws {
        let (folder, report) = try SiteFixture(Self.smallSite).build()
        #expect(report.succeeded, "\(report.diagnosticText)")
        let patch = try folder.read("public/glossary/patch/index.html")
        #expect(patch.contains("<h1>Patch &lt;b&gt;bold&lt;/b&gt;</h1>"))
        #expect(!patch.contains("<b>bold</b>"))
        #expect(patch.contains("<a href=\"../plc/index.html#history\">PLC history</a>"))
        #expect(patch.contains("<a href=\"../../index.html\">Home</a>"))
        #expect(patch.contains("<a href=\"../index.html\">Glossary</a>"))
        let guide = try folder.read("public/guides/plant-walk/index.html")
        #expect(guide.contains("<h1>Plant walk</h1>"))
        #expect(guide.contains("<span>guides</span>"))
    }

    @Test func sectionIndexesAndHomeListPages() throws {
        let (folder, report) = try SiteFixture(Self.smallSite).build()
        #expect(report.succeeded, "\(report.diagnosticText)")
        let glossary = try folder.read("public/glossary/index.html")
        #expect(glossary.contains("<a href=\"patch/index.html\">"))
        #expect(glossary.contains("A rugged computer that runs control logic."))
        let home = try folder.read("public/index.html")
        #expect(home.contains("<a href=\"glossary/index.html\">Glossary</a>"))
        #expect(home.contains("<a href=\"glossary/plc/index.html\">PLC</a>"))
        let tool = try folder.read("public/tools/edr-agent/index.html")
        #expect(
            tool.contains(
                "<a href=\"../../constraints/planned-outages/index.html\">Changes only in planned outages</a>"))
        #expect(tool.contains("verdict-caution"))
    }

    @Test func everyProblemIsReportedAndNothingIsPublished() throws {
        let site =
            Self.smallSite + """

                -- content/glossary/bad-yaml.md --
                ---
                title: [unclosed
                ---
                -- content/glossary/broken-link.md --
                ---
                title: Broken
                ---
                See [x](nowhere.md).
                -- content/glossary/empty.md --
                """
        let (folder, report) = try SiteFixture(site).build()
        #expect(!report.succeeded)
        #expect(!report.published)
        #expect(report.has(.invalidYAML, file: "content/glossary/bad-yaml.md"))
        #expect(report.has(.brokenLink, file: "content/glossary/broken-link.md", line: 4))
        #expect(report.has(.emptyFile, file: "content/glossary/empty.md"))
        #expect(!folder.exists("public"))
    }

    @Test func failedBuildLeavesThePreviousOutputUntouched() throws {
        let (folder, first) = try SiteFixture(Self.smallSite).build()
        #expect(first.succeeded, "\(first.diagnosticText)")
        let before = try folder.files(under: "public").map { ($0, try folder.read("public/" + $0)) }
        try folder.write("---\ntitle: [oops\n---\n", to: "content/glossary/plc.md")
        let second = SiteBuilder(
            options: BuildOptions(sourceRoot: folder.root, outputDirectory: folder.path("public"))
        ).build()
        #expect(!second.succeeded)
        let after = try folder.files(under: "public").map { ($0, try folder.read("public/" + $0)) }
        #expect(before.map(\.0) == after.map(\.0))
        #expect(before.map(\.1) == after.map(\.1))
        let leftovers = try FileManager.default.contentsOfDirectory(atPath: folder.root).filter {
            $0.hasPrefix(".public.staging") || $0.hasPrefix(".public.old")
        }
        #expect(leftovers.isEmpty)
    }

    /// A theme whose block expands inside itself fails the build with the tag named, and
    /// the last good output stays as it was.
    @Test func aThemeExpandingItselfFailsTheBuildAndKeepsTheOutput() throws {
        let (folder, first) = try SiteFixture(Self.smallSite).build()
        #expect(first.succeeded, "\(first.diagnosticText)")
        let before = try folder.read("public/glossary/plc/index.html")
        let page = try folder.read("templates/page.mustache")
        try folder.write(
            page.replacingOccurrences(of: "{{/main}}", with: "{{$main}}{{/main}}{{/main}}"),
            to: "templates/page.mustache")
        let second = SiteBuilder(
            options: BuildOptions(sourceRoot: folder.root, outputDirectory: folder.path("public"))
        ).build()
        #expect(!second.succeeded)
        #expect(
            second.diagnostics.contains { $0.code == .outputFailed && $0.message.contains("{{$main}}") },
            "\(second.diagnosticText)")
        #expect(try folder.read("public/glossary/plc/index.html") == before)
    }

    @Test func filesFromAnEarlierBuildAreRemoved() throws {
        let (folder, first) = try SiteFixture(Self.smallSite).build()
        #expect(first.succeeded)
        try FileManager.default.removeItem(atPath: folder.path("content/guides/plant-walk.md"))
        let second = SiteBuilder(
            options: BuildOptions(sourceRoot: folder.root, outputDirectory: folder.path("public"))
        ).build()
        #expect(second.succeeded, "\(second.diagnosticText)")
        #expect(!folder.exists("public/guides/plant-walk/index.html"))
        #expect(folder.exists("public/glossary/plc/index.html"))
    }

    @Test func refusesToReplaceAFolderItDidNotWrite() throws {
        let folder = try SiteFixture(Self.smallSite).write()
        try folder.write("precious", to: "public/notes.txt")
        let report = SiteBuilder(
            options: BuildOptions(sourceRoot: folder.root, outputDirectory: folder.path("public"))
        ).build()
        #expect(report.has(.outputFailed))
        #expect(try folder.read("public/notes.txt") == "precious")
    }

    @Test func twoPagesAtOneURLAreAnError() {
        let report = SiteFixture(
            """
            -- content/guides/Plant Walk.md --
            # A
            -- content/guides/plant-walk.md --
            # B
            """
        ).check()
        #expect(report.has(.duplicateURL, file: "content/guides/plant-walk.md"))
    }

    @Test func invalidUTF8IsAnErrorWithPosition() throws {
        let folder = try SiteFixture(Self.smallSite).write()
        try folder.write(Data("---\ntitle: A\n---\nok ".utf8) + Data([0xFF, 0x41]), to: "content/bad.md")
        let report = SiteBuilder(
            options: BuildOptions(sourceRoot: folder.root, outputDirectory: folder.path("public"))
        ).build()
        let diagnostic = try #require(report.diagnostics.first { $0.code == .invalidUTF8 })
        #expect(diagnostic.location == SourceLocation(file: "content/bad.md", line: 4, column: 4))
    }

    @Test func sameInputBuildsTheSameBytes() throws {
        let (first, a) = try SiteFixture(Self.smallSite).build()
        let (second, b) = try SiteFixture(Self.smallSite).build()
        #expect(a.succeeded && b.succeeded, "\(a.diagnosticText) \(b.diagnosticText)")
        let files = first.files(under: "public")
        #expect(files == second.files(under: "public"))
        for file in files {
            #expect(try first.read("public/" + file) == second.read("public/" + file), "\(file) differs")
        }
    }

    @Test func rawHTMLInContentIsOmittedUnlessTheSiteOptsIn() throws {
        let page = "-- content/a.md --\n# A\n\n<script>alert(1)</script>\n\n<b onclick=\"x()\">hi</b>\n"
        let (safe, report) = try SiteFixture(page).build()
        #expect(report.succeeded, "\(report.diagnosticText)")
        let html = try safe.read("public/a/index.html")
        #expect(!html.contains("alert(1)") && !html.contains("onclick"))
        let (unsafe, _) = try SiteFixture("-- crosswalk.yml --\nunsafe_html: true\n" + page).build()
        #expect(try unsafe.read("public/a/index.html").contains("<script>alert(1)</script>"))
    }
}
