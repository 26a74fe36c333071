import Foundation
import Testing

@testable import CrosswalkKit

@Suite struct NeighbourGraphTests {
    typealias Node = NeighbourGraph.Node

    @Test func noNeighboursNoPicture() {
        #expect(NeighbourGraph.svg(title: "Alone", left: [], right: []).isEmpty)
    }

    @Test func nodesAreLinksWithEscapedTitlesAndKindShapes() {
        let svg = NeighbourGraph.svg(
            title: "Patch <b>", left: [Node(title: "A & B", kind: .constraint, href: "../a/index.html")],
            right: [Node(title: "Tool \"x\"", kind: .tool, href: "../../tools/x/index.html", mutual: true)])
        #expect(svg.hasPrefix("<svg class=\"nb-svg\""))
        #expect(svg.contains("aria-label=\"Pages linked to and from Patch &lt;b&gt;\""))
        #expect(svg.contains("<a class=\"nb-node nb-constraint\" href=\"../a/index.html\">"))
        #expect(svg.contains("<title>A &amp; B (ot constraint, links here)</title><rect"))
        #expect(svg.contains("<title>Tool &quot;x&quot; (tool note, linked both ways)</title><path"))
        #expect(svg.contains("marker-start=\"url(#nb-arrow)\""))
        #expect(!svg.contains("<b>"))
    }

    @Test func extraNeighboursAreCounted() {
        let svg = NeighbourGraph.svg(
            title: "T", left: [], right: [Node(title: "One", kind: .term, href: "x")], rightMore: 4)
        #expect(svg.contains(">+4 more</text>"))
    }

    @Test func longTitlesAreCutAndWrapped() {
        #expect(
            NeighbourGraph.truncate("Keep control systems in vendor-qualified configurations", to: 13)
                == "Keep control…")
        #expect(NeighbourGraph.wrap("Change to a control system", width: 17) == ["Change to a", "control system"])
        #expect(NeighbourGraph.wrap("Short", width: 17) == ["Short"])
    }

    @Test func pagesShowTheirNeighboursBothWays() throws {
        let (folder, report) = try SiteFixture(
            """
            -- content/glossary/patch.md --
            ---
            title: Patch
            summary: A fix.
            related: [planned-outage]
            ---
            Text.
            -- content/glossary/planned-outage.md --
            ---
            title: Planned outage
            summary: A stop.
            ---
            A [patch](patch.md) waits for it.
            -- content/guides/notes.md --
            # Notes

            See [[patch]].
            """
        ).build()
        #expect(report.succeeded, "\(report.diagnosticText)")
        let patch = try folder.read("public/glossary/patch/index.html")
        #expect(patch.contains("<h2 id=\"connections-heading\">Connections</h2>"))
        #expect(patch.contains("<a class=\"nb-node nb-term\" href=\"../planned-outage/index.html\">"))
        #expect(patch.contains("Planned outage (term, linked both ways)"))
        // Plain pages are not knowledge neighbours.
        #expect(!patch.contains("nb-page"))
        let notes = try folder.read("public/guides/notes/index.html")
        #expect(notes.contains("Patch (term, linked from here)"))
    }
}
