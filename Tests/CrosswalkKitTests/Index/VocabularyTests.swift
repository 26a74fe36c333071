import Testing

@testable import CrosswalkKit

@Suite struct VocabularyTests {
    @Test func aliasClaimedByTwoTermsIsAnError() throws {
        let report = SiteFixture(
            """
            -- content/glossary/historian.md --
            ---
            title: Historian
            aliases: [plant historian]
            ---
            x
            -- content/glossary/data-historian.md --
            ---
            title: Data historian
            aliases: [Plant Historian]
            ---
            x
            """
        ).check()
        let diagnostic = try #require(report.diagnostics.first { $0.code == .duplicateAlias })
        #expect(diagnostic.location.file == "content/glossary/historian.md")
        #expect(diagnostic.location.line == 3)
        #expect(diagnostic.message.contains("content/glossary/data-historian.md"))
    }

    @Test func aliasEqualToAnotherTermsTitleIsAnError() {
        let report = SiteFixture(
            """
            -- content/glossary/a.md --
            ---
            title: Alpha
            aliases: [Beta]
            ---
            x
            -- content/glossary/b.md --
            ---
            title: Beta
            ---
            x
            """
        ).check()
        #expect(report.has(.duplicateAlias, file: "content/glossary/a.md"))
    }
}

/// The names suggestions are drawn from: sorted once asked for, and after a rename (`serve`)
/// those of the renamed pages, not the old ones.
@Suite struct VocabularyNamesTests {
    @Test func namesAreSortedWhenAskedForAndFollowARename() throws {
        let plc = try SiteFixture.page("glossary/plc.md", "---\ntitle: PLC\naliases: [Controller]\n---\nx")
        let hmi = try SiteFixture.page("glossary/hmi.md", "---\ntitle: HMI\n---\nx")
        let twin = try SiteFixture.page("notes/plc.md", "---\ntitle: PLC\n---\nx")
        let vocabulary = Vocabulary(pages: [hmi, plc, twin])
        #expect(vocabulary.allNames == ["Controller", "HMI", "PLC", "hmi", "plc"])
        let renamed = try SiteFixture.page(
            "glossary/plc.md", "---\ntitle: Logic controller\naliases: [Controller]\n---\nx")
        let patched = try #require(vocabulary.renaming([(1, plc, renamed)], pages: [hmi, renamed, twin]))
        // "PLC" stays: the note still has that title.
        #expect(patched.allNames == ["Controller", "HMI", "Logic controller", "PLC", "hmi", "plc"])
        let renamedAgain = try SiteFixture.page("notes/plc.md", "---\ntitle: Note\n---\nx")
        let again = try #require(patched.renaming([(2, twin, renamedAgain)], pages: [hmi, renamed, renamedAgain]))
        #expect(again.allNames == ["Controller", "HMI", "Logic controller", "Note", "hmi", "plc"])
        #expect(vocabulary.allNames == ["Controller", "HMI", "PLC", "hmi", "plc"])
    }
}
