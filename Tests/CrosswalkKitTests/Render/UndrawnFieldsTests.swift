import Testing

@testable import CrosswalkKit

/// A page field no template names is not made: a theme without the neighbour graph or
/// "Referenced by" does not pay for them, and its outline does not link to sections it never
/// draws.
@Suite struct UndrawnFieldsTests {
    static let content = """
        -- content/glossary/plc.md --
        ---
        title: PLC
        ---
        ## One

        ## Two

        ## Three
        -- content/tools/scanner.md --
        ---
        title: Scanner
        ---
        Reads the [PLC](../glossary/plc.md).
        -- templates/list.mustache --
        list
        -- templates/page.mustache --
        {{<layout}}{{$main}}{{page.title}}{{/main}}{{/layout}}
        """

    static let layout = """
        -- templates/layout.mustache --
        <p>{{#page.toc}}[{{id}}]{{/page.toc}}</p>{{$main}}{{/main}}
        """

    @Test func fieldsNoTemplateNamesAreNotMade() throws {
        let (folder, report) = try SiteFixture(Self.content + "\n" + Self.layout).build()
        #expect(report.succeeded, "\(report.diagnosticText)")
        #expect(try folder.read("public/glossary/plc/index.html").contains("<p>[one][two][three]</p>"))
    }

    @Test func fieldsAnyTemplateNamesAreMade() throws {
        // Named in a partial no page includes: which template draws what is not followed.
        let theme =
            Self.layout + """

                -- templates/partials/unused.mustache --
                {{#page.neighbours}}{{{svg}}}{{/page.neighbours}}{{^empty(page.backlinks)}}x{{/empty(page.backlinks)}}
                """
        let (folder, report) = try SiteFixture(Self.content + "\n" + theme).build()
        #expect(report.succeeded, "\(report.diagnosticText)")
        #expect(
            try folder.read("public/glossary/plc/index.html").contains(
                "<p>[one][two][three][connections-heading][backlinks-heading]</p>"))
    }

    /// swift-mustache, the judge of crosswalk's renderer, is given the same fields: its outline
    /// too leaves out what the theme does not draw.
    @Test func swiftMustacheIsGivenTheSameFields() {
        let files = SiteFixture(Self.content + "\n" + Self.layout).files.mapValues { Array($0.utf8) }
        let (compared, differing, _) = FuzzTarget.renderEveryFile(files)
        #expect(compared > 2)
        #expect(differing.isEmpty)
    }

    @Test func namesAreCollectedFromEveryKindOfTag() throws {
        let files = [
            "/t/layout.mustache":
                "{{a.b}}{{{c}}}{{#d}}{{e}}{{/d}}{{^f}}{{/f}}{{#empty(g.h)}}{{/empty(g.h)}}{{$main}}{{i}}{{/main}}",
            "/t/page.mustache": "{{<layout}}{{$main}}{{j}}{{/main}}{{/layout}}",
            "/t/list.mustache": "{{.k}}{{#first()}}{{/first()}}{{.}}",
        ]
        let templates = try #require(TemplateSet.load(directory: "/t", fileSystem: .inMemory(files)).0)
        #expect(templates.namesLookedUp == ["a", "b", "c", "d", "e", "f", "g", "h", "i", "j", "k"])
        // Left to swift-mustache: which names it looks up is not known, so every field is made.
        var delimiters = files
        delimiters["/t/list.mustache"] = "{{% CONTENT_TYPE: TEXT}}{{ x }}"
        let library = try #require(TemplateSet.load(directory: "/t", fileSystem: .inMemory(delimiters)).0)
        #expect(library.namesLookedUp == nil)
    }

    /// Naming a whole object writes nothing in either renderer, so a field left out cannot be
    /// seen by a tag that does not name it.
    @Test func aWholeObjectWritesNothing() throws {
        let files = [
            "/t/layout.mustache": "[{{page}}][{{{.}}}][{{#page}}{{.}}{{/page}}][{{lazy}}]",
            "/t/page.mustache": "x", "/t/list.mustache": "x",
        ]
        let templates = try #require(TemplateSet.load(directory: "/t", fileSystem: .inMemory(files)).0)
        let context: TemplateFields = [
            "page": ["title": "T", "toc": [Any]()] as TemplateFields,
            "lazy": LazyFields(["a": "b"], lazy: [:]),
        ]
        #expect(templates.render(context, template: "layout") == "[][][][]")
        #expect(templates.renderWithLibrary(context, template: "layout") == "[][][][]")
    }
}
