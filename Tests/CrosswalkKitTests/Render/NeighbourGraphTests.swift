import Foundation
import Testing

@testable import CrosswalkKit

@Suite struct NeighbourGraphTests {
    typealias Node = NeighbourGraph.Node

    static func text(_ bytes: [UInt8]) -> String { String(decoding: bytes, as: UTF8.self) }

    @Test func noNeighboursNoPicture() {
        #expect(NeighbourGraph.svg(title: "Alone", left: [], right: []).isEmpty)
    }

    @Test func nodesAreLinksWithEscapedTitlesAndKindShapes() {
        let svg = Self.text(
            NeighbourGraph.svg(
                title: "Patch <b>", left: [Node(title: "A & B", kind: .constraint, href: "../a/index.html")],
                right: [Node(title: "Tool \"x\"", kind: .tool, href: "../../tools/x/index.html", mutual: true)]))
        #expect(svg.hasPrefix("<svg class=\"nb-svg\""))
        #expect(svg.contains("aria-label=\"Pages linked to and from Patch &lt;b&gt;\""))
        #expect(svg.contains("<a class=\"nb-node nb-constraint\" href=\"../a/index.html\">"))
        #expect(svg.contains("<title>A &amp; B (ot constraint, links here)</title><rect"))
        #expect(svg.contains("<title>Tool &quot;x&quot; (tool note, linked both ways)</title><path"))
        #expect(svg.contains("marker-start=\"url(#nb-arrow)\""))
        #expect(!svg.contains("<b>"))
    }

    /// Every kind's tooltip word is its label in lower case, and a node's title and label are
    /// the page's title escaped and cut, whether made here or kept with the page.
    @Test func nodeTextsFollowTheTitleAndKind() {
        let title = "Safety <instrumented> system & its \"trips\""
        for kind in PageKind.allCases {
            let svg = Self.text(
                NeighbourGraph.svg(title: "T", left: [Node(title: title, kind: kind, href: "x")], right: []))
            #expect(svg.contains("<title>\(HTMLEscape.text(title)) (\(kind.label.lowercased()), links here)</title>"))
            let label = HTMLEscape.text(NeighbourGraph.truncate(title, to: NeighbourGraph.labelLimit))
            #expect(svg.contains("text-anchor=\"end\">\(label)</text></a>"))
        }
    }

    @Test func extraNeighboursAreCounted() {
        let svg = Self.text(
            NeighbourGraph.svg(
                title: "T", left: [], right: [Node(title: "One", kind: .term, href: "x")], rightMore: 4))
        #expect(svg.contains(">+4 more</text>"))
    }

    @Test func longTitlesAreCutAndWrapped() {
        #expect(
            NeighbourGraph.truncate("Keep control systems in vendor-qualified configurations", to: 13)
                == "Keep control…")
        // Cut by characters, whatever the script: the ASCII shortcut and the general way agree.
        for title in [
            "Ölförderpumpe für Kühlkreisläufe", "日本語のタイトルはとても長いです", "e\u{301}clair e\u{301}clair e\u{301}clair",
            "Plain ascii title here", "Short",
        ] {
            let cut = NeighbourGraph.truncate(title, to: 13)
            let expected =
                title.count <= 13 ? title : String(title.prefix(12)).trimmingCharacters(in: .whitespaces) + "…"
            #expect(cut == expected, "\(title)")
        }
        #expect(NeighbourGraph.wrap("Change to a control system", width: 17) == ["Change to a", "control system"])
        #expect(NeighbourGraph.wrap("Short", width: 17) == ["Short"])
        // The byte path for ASCII titles gives the Character path's lines.
        for title in [
            "Change to a control system", "A  double  spaced title here", " leading space title is long",
            "Supercalifragilisticexpialidocious word", "exactly seventeen", "exactly seventeen!",
            "a b c d e f g h i j k",
            "trailing spaces here        ", "\ttab\tseparated\twords here", "",
        ] {
            #expect(NeighbourGraph.wrap(title, width: 17) == NeighbourGraph.characterWrap(title, width: 17), "\(title)")
        }
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

    /// A hub term that twelve terms (`Term 1` … `Term 12`) wikilink, and `more` files.
    static func hubLinkedByTwelveTerms(_ more: String = "") -> String {
        var site = "-- content/glossary/hub.md --\n---\ntitle: Hub\n---\nText.\n"
        for number in 1...12 {
            site += "-- content/glossary/t\(number).md --\n---\ntitle: Term \(number)\n---\n[[hub]]\n"
        }
        return site + more
    }

    /// The hub's page, built, and the titles of the nodes its graph shows, in order.
    static func hubNodes(_ site: String) throws -> (html: String, shown: [String]) {
        let (folder, report) = try SiteFixture(site).build()
        #expect(report.succeeded, "\(report.diagnosticText)")
        let hub = try folder.read("public/glossary/hub/index.html")
        // The first <title> is the document's; the rest are the graph's nodes.
        let nodes = hub.components(separatedBy: "<title>").dropFirst(2)
        return (hub, nodes.compactMap { $0.components(separatedBy: " (").first })
    }

    /// Seventeen pages link to the hub: eight are shown, taken from each kind in turn and by
    /// title (`Term 2` before `Term 10`) within a kind; the rest are counted.
    @Test func manyNeighboursAreSampledByKindThenTitle() throws {
        var more = ""
        for name in ["a", "b", "c"] {
            more += "-- content/tools/\(name).md --\n---\ntitle: Tool \(name)\n---\n[[hub]]\n"
        }
        for name in ["a", "b"] {
            more += "-- content/constraints/\(name).md --\n---\ntitle: Rule \(name)\n---\n[[hub]]\n"
        }
        let (hub, shown) = try Self.hubNodes(Self.hubLinkedByTwelveTerms(more))
        #expect(shown == ["Term 1", "Term 2", "Term 3", "Rule a", "Rule b", "Tool a", "Tool b", "Tool c"])
        #expect(hub.contains(">+9 more</text>"))
    }

    /// Twelve terms of one kind: the eight first by title are shown, though pages come in URL
    /// order (`t1`, `t10`, `t11`, `t12`, `t2`, …), so later titles are dropped as earlier come.
    @Test func oneKindShowsItsFirstTitlesWhateverTheOrderPagesComeIn() throws {
        let (hub, shown) = try Self.hubNodes(Self.hubLinkedByTwelveTerms())
        #expect(shown == (1...8).map { "Term \($0)" })
        #expect(hub.contains(">+4 more</text>"))
    }
}
