import Testing

@testable import CrosswalkKit

@Suite struct TemplateSetTests {
    static let minimal: [String: String] = [
        "/t/layout.mustache": "<html>{{$main}}{{/main}}</html>",
        "/t/page.mustache": "{{<layout}}{{$main}}{{page.title}}{{/main}}{{/layout}}",
        "/t/list.mustache": "{{<layout}}{{$main}}list{{/main}}{{/layout}}",
    ]

    @Test func loadsAMinimalTheme() {
        let (templates, diagnostics) = TemplateSet.load(directory: "/t", fileSystem: .inMemory(Self.minimal))
        #expect(diagnostics.isEmpty)
        #expect(templates?.render(["page": ["title": "<A>"]], template: "page") == "<html>&lt;A&gt;</html>")
    }

    @Test func syntaxErrorNamesTheTemplateLine() throws {
        var files = Self.minimal
        files["/t/term.mustache"] = "line one\n{{#open}}never closed\n"
        let (templates, diagnostics) = TemplateSet.load(directory: "/t", fileSystem: .inMemory(files))
        #expect(templates == nil)
        let diagnostic = try #require(diagnostics.first)
        #expect(diagnostic.code == .templateSyntax)
        #expect(diagnostic.location.file == "templates/term.mustache")
        #expect(diagnostic.location.line >= 2)
    }

    @Test func missingPartialIsAnError() throws {
        var files = Self.minimal
        files["/t/tool.mustache"] = "{{<layout}}{{$main}}\n  {{> partials/verdicts}}{{/main}}{{/layout}}"
        let (_, diagnostics) = TemplateSet.load(directory: "/t", fileSystem: .inMemory(files))
        let diagnostic = try #require(diagnostics.first)
        #expect(diagnostic.code == .missingPartial)
        #expect(diagnostic.location == SourceLocation(file: "templates/tool.mustache", line: 2, column: 3))
    }

    @Test func missingRequiredTemplateIsAnError() {
        var files = Self.minimal
        files["/t/list.mustache"] = nil
        let (_, diagnostics) = TemplateSet.load(directory: "/t", fileSystem: .inMemory(files))
        #expect(diagnostics.map(\.code) == [.missingTemplate])
    }

    @Test func kindsWithoutTheirOwnTemplateUsePage() throws {
        let (templates, _) = TemplateSet.load(directory: "/t", fileSystem: .inMemory(Self.minimal))
        #expect(try #require(templates).name(for: .scenario) == "page")
    }
}
