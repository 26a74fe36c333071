import Testing

@testable import CrosswalkKit

@Suite struct HeadingIDsTests {
    @Test(arguments: [
        ("History", "history"), ("Zones & conduits", "zones--conduits"), ("IEC 62443-3-3", "iec-62443-3-3"),
        ("What’s a SIS?", "whats-a-sis"), ("Sécurité", "sécurité"), ("snake_case", "snake_case"), ("!!!", "section"),
    ])
    func followsGitHubRules(text: String, id: String) {
        #expect(HeadingIDs.base(for: text) == id)
    }

    /// The byte path for ASCII headings gives the Character loop's answer for every ASCII byte.
    @Test func asciiFastPathMatchesTheCharacterRule() {
        for byte in UInt8(0)..<0x80 {
            let text = "A\(String(UnicodeScalar(byte)))b \(String(UnicodeScalar(byte)))"
            #expect(HeadingIDs.base(for: text) == HeadingIDs.characterBase(for: text), "byte \(byte)")
        }
        #expect(HeadingIDs.base(for: "  ") == HeadingIDs.characterBase(for: "  "))
    }

    @Test func repeatsGetNumberedSuffixes() {
        var ids = HeadingIDs()
        #expect(
            ["Notes", "Notes", "Notes-1", "Notes"].map { ids.unique(for: $0) } == [
                "notes", "notes-1", "notes-1-1", "notes-2",
            ])
    }

    @Test func renderedHeadingsCarryTheirIds() {
        let rendered = MarkdownStage().render("## Why *it* holds\n\n## Why it holds\n")
        #expect(
            rendered.html
                == "<h2 id=\"why-it-holds\">Why <em>it</em> holds</h2>\n<h2 id=\"why-it-holds-1\">Why it holds</h2>\n")
        #expect(rendered.headings.map(\.id) == ["why-it-holds", "why-it-holds-1"])
    }

    @Test func commonMarkModeLeavesHeadingsAlone() {
        #expect(MarkdownStage(extensions: false).render("## A\n").html == "<h2>A</h2>\n")
    }
}
