import Foundation
import Mustache

/// The theme's compiled templates. Loaded once per build; immutable and shared by all tasks.
public struct TemplateSet: Sendable {
    let library: MustacheLibrary
    /// The same templates for crosswalk's renderer; `nil` when one uses a construct it leaves
    /// to swift-mustache (a content type other than crosswalk's own).
    let templates: CompiledTemplates?
    var compiled: [String: [TemplateNode]]? { templates?.byName }
    let names: Set<String>
    /// Every name the theme's tags look up, each part of a dotted one (`page.backlinks` gives
    /// `page` and `backlinks`): a field named nowhere is never drawn, so need not be made.
    /// (A tag naming a whole object, `{{page}}`, writes nothing: `TemplateFields` describes
    /// itself as empty text.) `nil` when templates are left to swift-mustache.
    let namesLookedUp: Set<String>?
    /// A partial or block the renderer found expanding inside itself without end.
    let runaway = RunawayTemplates()

    private init(
        library: MustacheLibrary, compiled: [String: [TemplateNode]]?, names: Set<String>, namesLookedUp: Set<String>?
    ) {
        self.library = library
        templates = compiled.map(CompiledTemplates.init)
        self.names = names
        self.namesLookedUp = namesLookedUp
    }

    private init(library: MustacheLibrary, compiled: [String: [TemplateNode]]?, names: Set<String>) {
        var looked: Set<String> = []
        func visit(_ nodes: [TemplateNode]) {
            for node in nodes {
                looked.formUnion(node.name.path)
                visit(node.children)
                for block in (node.blocks ?? [:]).values { visit(block) }
            }
        }
        compiled?.values.forEach(visit)
        self.init(library: library, compiled: compiled, names: names, namesLookedUp: compiled.map { _ in looked })
    }

    /// Templates a theme must have; kinds without their own template fall back to `page`.
    public static let required = ["layout", "page", "list"]

    /// Loads every `*.mustache` below `directory` (names like `partials/nav`), reporting every
    /// syntax error, missing required template and unknown partial at once.
    public static func load(directory: String, fileSystem: FileSystem) -> (TemplateSet?, [Diagnostic]) {
        var sources: [String: (text: String, display: String)] = [:]
        var diagnostics: [Diagnostic] = []
        var seen = Set([fileSystem.resolve(directory) ?? directory])
        collect(
            directory: directory, prefix: "", fileSystem: fileSystem, seen: &seen, into: &sources,
            diagnostics: &diagnostics)

        var library = MustacheLibrary()
        for (name, source) in sources.sorted(by: { $0.key < $1.key }) {
            do {
                library.register(try MustacheTemplate(string: FastHTML.pragma + source.text), named: name)
            } catch let error as MustacheTemplate.ParserError {
                diagnostics.append(
                    .error(
                        .templateSyntax,
                        at: SourceLocation(
                            // The pragma line we put first is not the author's.
                            file: source.display, line: max(1, error.context.lineNumber - 1),
                            column: error.context.columnNumber),
                        "template syntax error: \(error.error)",
                        hint: "check that every {{#section}} has a matching {{/section}}"))
            } catch {
                diagnostics.append(
                    .error(.templateSyntax, at: SourceLocation(file: source.display), "template error: \(error)"))
            }
            for reference in PartialReferences.find(in: source.text) where sources[reference.name] == nil {
                diagnostics.append(
                    .error(
                        .missingPartial,
                        at: SourceLocation(file: source.display, line: reference.line, column: reference.column),
                        "template refers to '\(reference.name)', which does not exist",
                        hint: Suggestions.closest(to: reference.name, among: Array(sources.keys)).map {
                            "did you mean '\($0)'?"
                        }
                            ?? "add \(reference.name).mustache to the templates folder"))
            }
        }
        for name in required where sources[name] == nil {
            diagnostics.append(
                .error(
                    .missingTemplate, at: SourceLocation(file: joinPath(displayRoot(directory), name + ".mustache")),
                    "the theme has no '\(name)' template",
                    hint: "copy it from crosswalk's default templates/"))
        }
        guard !diagnostics.hasErrors else { return (nil, diagnostics) }
        var compiled: [String: [TemplateNode]]? = [:]
        for (name, source) in sources {
            guard let nodes = TemplateParser.parse(FastHTML.pragma + source.text, contentType: FastHTML.name) else {
                compiled = nil
                break
            }
            compiled?[name] = nodes
        }
        return (TemplateSet(library: library, compiled: compiled, names: Set(sources.keys)), diagnostics)
    }

    /// The template for a page of `kind`: its own (`term`) or the generic `page`.
    func name(for kind: PageKind) -> String {
        names.contains(kind.rawValue) ? kind.rawValue : "page"
    }

    func render(_ context: TemplateFields, template: String) -> String {
        render(object: context, template: template)
    }

    /// Renders with any context object (a `MustacheParent`, say).
    func render(_ object: some Sendable, template: String) -> String {
        render(object: object, template: template)
    }

    /// The same templates rendered by swift-mustache only, for comparing the two.
    /// It makes the same fields as crosswalk's renderer would be given, so that the two are
    /// compared on the same context.
    var usingLibraryOnly: TemplateSet {
        TemplateSet(library: library, compiled: nil, names: names, namesLookedUp: namesLookedUp)
    }

    /// A whole page, as the file that goes to disk at `path`.
    func renderFile(_ context: TemplateFields, template: String, path: String) -> OutputFile {
        guard let templates else {
            return OutputFile(path: path, contents: renderWithLibrary(context, template: template))
        }
        // Room for a whole page at once: pages of 25-60 KB grew their output two or three
        // times, copying it each time.
        let output = render(context, template: template, with: templates, capacity: 64 * 1024)
        return OutputFile(path: path, buffer: output.finished())
    }

    private func render(object: Any, template: String) -> String {
        guard let templates else { return renderWithLibrary(object, template: template) }
        return render(object, template: template, with: templates, capacity: 1024).string
    }

    private func render(
        _ object: Any, template: String, with templates: CompiledTemplates, capacity: Int
    ) -> HTMLBytes {
        var renderer = TemplateRenderer(templates: templates, root: object, capacity: capacity, runaway: runaway)
        if let nodes = templates[template, hash: TemplateFields.hash(template)] {
            renderer.render(nodes, TemplateRenderer.Frame())
        }
        return renderer.takeOutput()
    }

    /// swift-mustache's rendering of the same templates: the fallback, and the reference the
    /// tests hold crosswalk's renderer to.
    func renderWithLibrary(_ object: Any, template: String) -> String {
        library.render(object, withTemplate: template) ?? ""
    }

    private static func displayRoot(_ directory: String) -> String {
        directory.split(separator: "/").last.map(String.init) ?? "templates"
    }

    private static func collect(
        directory: String, prefix: String, fileSystem: FileSystem, seen: inout Set<String>,
        into sources: inout [String: (text: String, display: String)], diagnostics: inout [Diagnostic]
    ) {
        for name in (fileSystem.listDirectory(directory) ?? []).sorted() where !name.hasPrefix(".") {
            let path = joinPath(directory, name)
            let display = "templates/" + prefix + name
            if let folder = fileSystem.folderFollowingLinks(path) {
                if prefix.isEmpty && name == "assets" { continue }
                guard seen.insert(folder).inserted else { continue }
                collect(
                    directory: path, prefix: prefix + name + "/", fileSystem: fileSystem, seen: &seen,
                    into: &sources, diagnostics: &diagnostics)
            } else if name.hasSuffix(".mustache") {
                do {
                    let bytes = try fileSystem.read(path)
                    guard let text = String(validating: bytes, as: UTF8.self) else {
                        diagnostics.append(
                            .error(.templateSyntax, at: SourceLocation(file: display), "template is not valid UTF-8"))
                        continue
                    }
                    sources[prefix + String(name.dropLast(".mustache".count))] = (text, display)
                } catch {
                    diagnostics.append(
                        .error(.unreadableFile, at: SourceLocation(file: display), "cannot read template: \(error)"))
                }
            }
        }
    }
}

/// Finds `{{> name}}` and `{{< name}}` tags in template source, with positions, so a missing
/// partial is an error instead of silently rendering nothing. A partial named by a value
/// (`{{>*name}}`) is found only when rendering, and tags after a change of delimiters
/// (`{{=<% %>=}}`) are not looked for: what reads as a tag there is text.
enum PartialReferences {
    struct Reference: Equatable {
        var name: String
        var line: Int
        var column: Int
    }

    static func find(in text: String) -> [Reference] {
        var references: [Reference] = []
        for (index, line) in text.split(separator: "\n", omittingEmptySubsequences: false).enumerated() {
            var rest = line[...]
            while let open = rest.range(of: "{{") {
                let afterOpen = rest[open.upperBound...].drop { $0 == " " }
                if afterOpen.first == "=" { return references }
                guard let sigil = afterOpen.first, sigil == ">" || sigil == "<" else {
                    rest = rest[open.upperBound...]
                    continue
                }
                let nameStart = afterOpen.dropFirst().drop { $0 == " " }
                guard let close = nameStart.range(of: "}}") else { break }
                let name = nameStart[..<close.lowerBound].trimmingCharacters(in: .whitespaces)
                let column = line[..<open.lowerBound].count + 1
                if !name.isEmpty, !name.hasPrefix("*") {
                    references.append(Reference(name: name, line: index + 1, column: column))
                }
                rest = nameStart[close.upperBound...]
            }
        }
        return references
    }
}

/// The same HTML escaping as swift-mustache's default (`& < > " '`), done on bytes: the
/// default escapes Character by Character and was the largest single cost of rendering.
/// Every template starts with a pragma selecting it.
struct FastHTML: MustacheContentType {
    static let name = "CROSSWALK_HTML"
    static let pragma: String = {
        MustacheContentTypes.register(FastHTML(), named: name)
        // On a line of its own, which Mustache removes as a standalone tag.
        return "{{% CONTENT_TYPE: \(name)}}\n"
    }()

    func escapeText(_ text: String) -> String { HTMLEscape.text(text) }
}

/// A string in a template context. swift-mustache renders a plain `String` through
/// `String(describing:)` after four failed casts, and pushes it as a section through `Mirror`;
/// this type takes the library's fast paths instead (`MustacheCustomRenderable`,
/// `MustacheParent`) and keeps its transforms (`empty`, `uppercased`, …). Used for the fields
/// every page renders; any other `String` renders the same, only slower.
struct TemplateText: MustacheCustomRenderable, MustacheParent, MustacheTransformable, CustomStringConvertible,
    Sendable
{
    let text: String

    init(_ text: String) { self.text = text }

    var renderText: String { text }
    var isNull: Bool { false }
    var description: String { text }
    func child(named: String) -> Any? { nil }
    func transform(_ name: String) -> Any? { text.transform(name) }

    /// The text of a context value made of either kind of string. Not optional: wrapping a
    /// field's value as `Any?` copied it, about 600 instructions a field on every page.
    static func string(_ value: Any) -> String? {
        // The kinds crosswalk builds are told apart without a failed cast for every field.
        switch ContextKind(value) {
        case .text: return ContextKind.known(value, as: TemplateText.self).text
        case .string: return ContextKind.known(value, as: String.self)
        case .other:
            switch value {
            case let text as TemplateText: return text.text
            case let string as String: return string
            default: return nil
            }
        default: return nil
        }
    }
}

/// Markup crosswalk made as bytes (the neighbour graph), for `{{{x}}}`. crosswalk's renderer
/// copies the bytes; swift-mustache, and any transform, gets them as a `String`.
struct TemplateHTML: MustacheCustomRenderable, MustacheParent, MustacheTransformable, Sendable {
    let bytes: [UInt8]

    init(_ bytes: [UInt8]) { self.bytes = bytes }

    var renderText: String { String(decoding: bytes, as: UTF8.self) }
    var isNull: Bool { false }
    func child(named: String) -> Any? { nil }
    func transform(_ name: String) -> Any? { renderText.transform(name) }
}

/// Template fields, some made only when a template asks for them (a list of thousands a
/// theme may draw but the default one does not). A page renders on one thread, so what was
/// made is kept without a lock.
final class LazyFields: MustacheParent, CustomStringConvertible, @unchecked Sendable {
    private let fields: TemplateFields
    private let lazy: [String: () -> Any]
    private var made: TemplateFields = [:]

    init(_ fields: TemplateFields, lazy: [String: () -> Any]) {
        self.fields = fields
        self.lazy = lazy
    }

    func child(named name: String) -> Any? { child(named: name, hash: TemplateFields.hash(name)) }

    /// Empty text, as `TemplateFields` writes itself.
    var description: String { "" }

    /// `hash` is `TemplateFields.hash(name)`.
    func child(named name: String, hash: UInt64) -> Any? {
        if let value = fields.value(name, hash: hash) ?? made.value(name, hash: hash) { return value }
        guard let make = lazy[name] else { return nil }
        let value = make()
        made[name] = value
        return value
    }
}

/// The first partial or block the renderer stopped because it expanded inside itself more
/// than ``TemplateRenderer/maxNesting`` times (`{{$main}}` inside the override of `main`, a
/// partial that includes itself outside any section): it would never end. Shared by every
/// render of one template set, from every core.
final class RunawayTemplates: @unchecked Sendable {
    private let lock = NSLock()
    private var first: String?

    /// The tags that were expanding when it was stopped, as a theme writes them
    /// (`{{$main}} → {{> body}} → {{$main}}`).
    var tag: String? { lock.withLock { first } }

    func record(_ tag: String) {
        lock.withLock { if first == nil { first = tag } }
    }
}
