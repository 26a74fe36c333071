import Testing

@testable import CrosswalkKit

@Suite struct PageBuilderTests {
    func source(_ path: String, _ text: String) throws -> SourceFile {
        let split = try FrontMatterSplitter.split(text).get()
        return SourceFile(
            relativePath: path, displayPath: "content/" + path, frontMatter: split.frontMatter,
            body: split.body, bodyLineOffset: split.bodyLineOffset)
    }

    func build(_ path: String, _ text: String, folderHasIndexMD: Bool = false) throws -> PageBuilder.Output {
        PageBuilder.build(try source(path, text), folderHasIndexMD: folderHasIndexMD)
    }

    @Test func kindSlugAndPrettyURLComeFromThePath() throws {
        let page = try #require(try build("glossary/plc.md", "---\ntitle: PLC\nsummary: A controller.\n---\n").page)
        #expect(page.kind == .term)
        #expect(page.slug == "plc")
        #expect(page.url == "glossary/plc/")
        #expect(page.outputPath == "glossary/plc/index.html")
        #expect(page.declaredTitle == "PLC")
        #expect(page.summary == "A controller.")
    }

    @Test func plainPagesMirrorTheirPath() throws {
        let page = try #require(try build("guides/Plant Walk.md", "Text").page)
        #expect(page.kind == .page)
        #expect(page.url == "guides/plant-walk/")
        #expect(page.declaredTitle == nil)
        #expect(page.fileNameTitle == "Plant Walk")
    }

    @Test func everyKindHasItsFolder() throws {
        let kinds = try ["constraints/a.md", "tools/a.md", "workflows/a.md", "scenarios/a.md", "other/a.md"]
            .map { try #require(try build($0, "x").page).kind }
        #expect(kinds == [.constraint, .tool, .workflow, .scenario, .page])
    }

    @Test func indexAndReadmeStandForTheirFolder() throws {
        #expect(try build("guides/index.md", "x").page?.url == "guides/")
        #expect(try build("guides/README.md", "x").page?.url == "guides/")
        #expect(try build("index.md", "x").page?.url == "")
        #expect(try build("glossary/index.md", "x").page?.kind == .page)
    }

    @Test func readmeBesideIndexIsAnOrdinaryPage() throws {
        let page = try #require(try build("guides/README.md", "x", folderHasIndexMD: true).page)
        #expect(page.url == "guides/readme/")
        #expect(!page.isFolderIndex)
    }

    @Test func titleThatIsNotTextIsAnErrorAtItsValue() throws {
        let output = try build("glossary/a.md", "---\nsummary: ok\ntitle: [a, b]\n---\n")
        #expect(output.page == nil)
        let diagnostic = try #require(output.diagnostics.first)
        #expect(diagnostic.code == .wrongValueType)
        #expect(diagnostic.location == SourceLocation(file: "content/glossary/a.md", line: 3, column: 8))
    }

    @Test func numericTitleMustBeQuoted() throws {
        let output = try build("glossary/a.md", "---\ntitle: 62443\n---\n")
        #expect(output.diagnostics.map(\.code) == [.wrongValueType])
        #expect(try build("glossary/a.md", "---\ntitle: \"62443\"\n---\n").page?.declaredTitle == "62443")
    }

    @Test func invalidYAMLIsMappedToTheFileLine() throws {
        let output = try build("glossary/a.md", "---\ntitle: A\nsummary: [unclosed\n---\n")
        let diagnostic = try #require(output.diagnostics.first)
        #expect(diagnostic.code == .invalidYAML)
        #expect(diagnostic.location.file == "content/glossary/a.md")
        #expect(diagnostic.location.line >= 3)
    }

    @Test func duplicateKeysAreAnError() throws {
        let output = try build("glossary/a.md", "---\ntitle: A\ntitle: B\n---\n")
        #expect(output.diagnostics.contains { $0.code == .invalidYAML && $0.location.line == 3 })
    }

    @Test func billionLaughsIsRefusedPromptly() throws {
        var yaml = "title: T\nl0: &l0 [lol, lol, lol, lol, lol, lol, lol, lol, lol]\n"
        for level in 1...9 {
            let previous = "*l\(level - 1)"
            yaml += "l\(level): &l\(level) [\(Array(repeating: previous, count: 9).joined(separator: ", "))]\n"
        }
        let output = try build("glossary/a.md", "---\n\(yaml)---\n")
        #expect(output.diagnostics.contains { $0.code == .invalidYAML && $0.message.contains("too large") })
    }

    @Test func frontMatterThatIsNotAMappingIsAnError() throws {
        #expect(try build("a.md", "---\n- a\n- b\n---\n").diagnostics.map(\.code) == [.frontMatterNotAMapping])
    }

    /// A page's kind comes from its top folder, found as bytes in an ASCII path and by
    /// `Character` otherwise, with the same answers as the `Character` search everywhere.
    @Test func kindComesFromTheTopFolder() {
        func reference(_ path: String) -> PageKind {
            guard let slash = path.firstIndex(of: "/") else { return .page }
            let top = String(path[..<slash])
            return PageKind.allCases.first { $0.folder == top } ?? .page
        }
        let paths = [
            "glossary/plc.md", "tools/x.md", "constraints/a/b.md", "notes/n.md", "plc.md", "glossary", "glossary/",
            "/glossary/x.md", "glossaryx/y.md", "workflows/é.md", "scénarios/x.md", "glossary/\u{301}x.md",
            "scenarios\r/x.md", "Glossary/x.md",
        ]
        for path in paths { #expect(PageKind.of(relativePath: path) == reference(path), Comment(rawValue: path)) }
    }
}
