import Foundation
import Testing

@testable import CrosswalkKit

@Suite struct BacklinksTests {
    @Test func longBacklinkListsAreCappedPerKindWithACount() throws {
        var site = "-- content/glossary/plc.md --\n---\ntitle: PLC\nsummary: A controller.\n---\nText.\n"
        for number in 1...55 {
            site += "-- content/notes/note-\(number).md --\n# Note \(number)\n\nAbout the PLC.\n"
        }
        let (folder, report) = try SiteFixture(site).build()
        #expect(report.succeeded, "\(report.diagnosticText)")
        let plc = try folder.read("public/glossary/plc/index.html")
        let section = try #require(plc.range(of: "<section class=\"backlinks\"")).lowerBound
        let backlinks = plc[section...]
        #expect(
            backlinks.components(separatedBy: "<li><a href=\"../../notes/note-").count - 1
                == SiteRenderer.backlinksPerKind)
        #expect(backlinks.contains("…and 5 more."))
    }

    static let site = """
        -- content/glossary/plc.md --
        ---
        title: PLC
        summary: A controller.
        ---
        Text.
        -- content/notes/a/deep.md --
        ---
        title: Deep note
        summary: About <controllers>.
        ---
        The PLC again.
        -- content/glossary/hmi.md --
        ---
        title: HMI
        ---
        The PLC is behind it.
        """

    static func build(theme edit: (TemporaryFolder) throws -> Void) throws -> TemporaryFolder {
        let (folder, report) = try SiteFixture(site).build(editing: edit)
        #expect(report.succeeded, "\(report.diagnosticText)")
        return folder
    }

    /// Entries are filled once per page and depth and shared, so each listing page must still
    /// get links that work from its own folder, and the theme's partial must draw them.
    @Test func theListItemPartialDrawsEveryEntryWithRootRelativeLinks() throws {
        let folder = try Self.build { folder in
            try folder.write(
                "<li class=\"mine\"><a href=\"{{href}}\">{{title}}</a> ({{kind_label}}){{#summary}}: {{summary}}{{/summary}}</li>\n",
                to: "templates/partials/list-item.mustache")
        }
        let plc = try folder.read("public/glossary/plc/index.html")
        #expect(
            plc.contains(
                "<li class=\"mine\"><a href=\"../../glossary/hmi/index.html\">HMI</a> (Term): The PLC is behind it.</li>"
            ))
        #expect(
            plc.contains(
                "<li class=\"mine\"><a href=\"../../notes/a/deep/index.html\">Deep note</a> (Page): About &lt;controllers&gt;.</li>"
            ))
        let hmi = try folder.read("public/glossary/hmi/index.html")
        #expect(!hmi.contains("class=\"mine\"><a href=\"../../glossary/hmi/"), "a page never lists itself")
    }

    /// With the partial, a group's `items` are still there for a theme that asks (made then).
    @Test func groupsKeepTheirItemsBesideTheFilledEntries() throws {
        let folder = try Self.build { folder in
            try folder.write(
                "{{#page.backlinks}}<h3>{{title}}</h3>{{#items}}[{{title}}|{{kind_label}}|{{href}}]{{/items}}{{/page.backlinks}}\n",
                to: "templates/partials/backlinks.mustache")
        }
        let plc = try folder.read("public/glossary/plc/index.html")
        #expect(plc.contains("[HMI|Term|../../glossary/hmi/index.html]"))
        #expect(plc.contains("[Deep note|Page|../../notes/a/deep/index.html]"))
    }

    /// A theme made before `partials/list-item` existed lists backlinks from the item fields.
    @Test func themesWithoutTheListItemPartialListByFields() throws {
        let folder = try Self.build { folder in
            try FileManager.default.removeItem(atPath: folder.path("templates/partials/list-item.mustache"))
            try folder.write(
                "{{#page.backlinks}}<h3>{{title}}</h3><ul>{{#items}}<li><a href=\"{{href}}\">{{title}}</a>{{#summary}}<p>{{summary}}</p>{{/summary}}</li>{{/items}}</ul>{{/page.backlinks}}\n",
                to: "templates/partials/backlinks.mustache")
        }
        let plc = try folder.read("public/glossary/plc/index.html")
        #expect(plc.contains("<li><a href=\"../../glossary/hmi/index.html\">HMI</a><p>The PLC is behind it.</p></li>"))
        #expect(
            plc.contains("<a href=\"../../notes/a/deep/index.html\">Deep note</a><p>About &lt;controllers&gt;.</p>"))
    }
}
