import Foundation
import Testing

@testable import CrosswalkKit

/// `partials/header` is filled once per folder depth and current section and handed to every
/// page as `header_html`; each page must still get links from its own folder and its own
/// section marked.
@Suite struct SharedHeaderTests {
    static let site = """
        -- content/glossary/plc.md --
        ---
        title: PLC
        ---
        Text.
        -- content/glossary/hmi.md --
        ---
        title: HMI
        ---
        Text.
        -- content/tools/scanner.md --
        ---
        title: Scanner
        ---
        Text.
        -- content/notes/a/deep.md --
        # Deep note

        Text.
        """

    static let header =
        "<header>{{root}}|{{home_href}}|{{#nav}}{{kind}}{{#current}}*{{/current}}={{href}},{{/nav}}|{{page.title}}</header>\n"

    @Test func eachPageGetsTheHeaderForItsFolderAndSection() throws {
        let (folder, report) = try SiteFixture(Self.site).build { folder in
            try folder.write(Self.header, to: "templates/partials/header.mustache")
        }
        #expect(report.succeeded, "\(report.diagnosticText)")
        let plc = try folder.read("public/glossary/plc/index.html")
        #expect(
            plc.contains(
                "<header>../../|../../index.html|term*=../index.html,tool=../../tools/index.html,|</header>"))
        // Same depth and section: the same filled header.
        #expect(try folder.read("public/glossary/hmi/index.html").contains("term*=../index.html,tool="))
        #expect(
            try folder.read("public/tools/scanner/index.html").contains(
                "term=../../glossary/index.html,tool*=../index.html,"))
        #expect(
            try folder.read("public/notes/a/deep/index.html").contains(
                "<header>../../../|../../../index.html|term=../../../glossary/index.html,tool=../../../tools/index.html,|"
            ))
        #expect(
            try folder.read("public/index.html").contains(
                "<header>|index.html|term=glossary/index.html,tool=tools/index.html,|</header>"))
        // The shared header sees no page fields.
        #expect(!plc.contains("|PLC</header>"))
    }

    /// A layout that includes the partial itself fills it per page, with the page's fields.
    @Test func aLayoutIncludingThePartialStillFillsItPerPage() throws {
        let (folder, report) = try SiteFixture(Self.site).build { folder in
            try folder.write(Self.header, to: "templates/partials/header.mustache")
            let layout = try folder.read("templates/layout.mustache")
            try folder.write(
                layout.replacingOccurrences(of: "{{{header_html}}}", with: "{{>partials/header}}\n"),
                to: "templates/layout.mustache")
        }
        #expect(report.succeeded, "\(report.diagnosticText)")
        #expect(try folder.read("public/glossary/plc/index.html").contains("tool=../../tools/index.html,|PLC</header>"))
    }
}
