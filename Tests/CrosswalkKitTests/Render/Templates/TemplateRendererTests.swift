import Foundation
import Mustache
import Testing

@testable import CrosswalkKit

/// crosswalk's template renderer is held to swift-mustache's output, byte for byte: on the
/// shipped site with the default theme, on random templates over every kind of context value,
/// and on the constructs it leaves to the library.
@Suite struct TemplateRendererTests {
    static let repositoryRoot = URL(fileURLWithPath: SiteFixture.themeDirectory).deletingLastPathComponent().path

    @Test func theShippedSiteRendersAsSwiftMustacheRendersIt() throws {
        var files: [String: [UInt8]] = [:]
        for folder in ["content", "templates"] {
            let enumerator = try #require(FileManager.default.enumerator(atPath: Self.repositoryRoot + "/" + folder))
            while let relative = enumerator.nextObject() as? String {
                let path = folder + "/" + relative
                if let bytes = FileManager.default.contents(atPath: Self.repositoryRoot + "/" + path) {
                    files[path] = Array(bytes)
                }
            }
        }
        let theme = TemplateSet.load(directory: Self.repositoryRoot + "/templates", fileSystem: .disk).0
        #expect(theme?.compiled != nil, "the default theme must take crosswalk's renderer, or this compares nothing")

        let (compared, differing, _) = FuzzTarget.renderEveryFile(files)
        #expect(compared > 100)
        #expect(differing.isEmpty)
    }

    @Test func randomTemplatesRenderAsSwiftMustacheRendersThem() {
        var random = SplitMix(seed: 62_443)
        var compared = 0
        var (withDelimiters, withDynamicPartials) = (0, 0)
        for _ in 0..<3_000 {
            let source = Self.template(depth: 0, random: &random)
            var files = Self.fixedTemplates
            files["/t/t.mustache"] = source
            let (set, diagnostics) = TemplateSet.load(directory: "/t", fileSystem: .inMemory(files))
            guard let set, !diagnostics.hasErrors else { continue }
            guard set.compiled != nil else {
                Issue.record(
                    Comment(
                        rawValue: "crosswalk's parser refused a template swift-mustache accepts: "
                            + source.debugDescription))
                continue
            }
            // One context for both: a dictionary's order (`{{d}}` prints it) is its own.
            let context = Self.context
            let ours = set.render(context, template: "t")
            let theirs = set.renderWithLibrary(context, template: "t")
            #expect(ours == theirs, Comment(rawValue: "template " + source.debugDescription))
            compared += 1
            if source.contains("{{=") { withDelimiters += 1 }
            if source.contains(">*") { withDynamicPartials += 1 }
        }
        #expect(compared > 2_000)
        #expect(withDelimiters > 200 && withDynamicPartials > 200, "\(withDelimiters), \(withDynamicPartials)")
    }

    /// A theme that expands a partial or block inside itself without end is stopped and named,
    /// not left to overflow the stack: a block inside its own override, a partial including
    /// itself outside any section, and a block expanding itself once per list entry (twice per
    /// level, which a depth limit alone would let run 2^32 times). A recursive partial whose
    /// data ends renders whole and is not named.
    @Test func templatesExpandingThemselvesWithoutEndAreStopped() throws {
        let context: TemplateFields = [
            "title": "T", "items": [["n": 1] as TemplateFields, ["n": 2] as TemplateFields],
        ]
        let cases: [(template: String, tag: String)] = [
            ("{{<layout}}{{$main}}x{{$main}}{{/main}}{{/main}}{{/layout}}", "{{$main}} → {{$main}}"),
            ("{{> self}}", "{{> self}} → {{> self}}"),
            ("{{<layout}}{{$main}}{{#items}}{{$main}}{{/main}}{{/items}}{{/main}}{{/layout}}", "{{$main}} → {{$main}}"),
        ]
        for (template, tag) in cases {
            let files = [
                "/t/layout.mustache": "<{{$main}}{{/main}}>", "/t/self.mustache": template, "/t/page.mustache": "",
                "/t/list.mustache": "",
            ]
            let set = try #require(TemplateSet.load(directory: "/t", fileSystem: .inMemory(files)).0)
            let file = set.renderFile(context, template: "self", path: "x.html")
            #expect(set.runaway.tag == tag, "\(template)")
            #expect(file.bytes.count < 1 << 20, "\(template)")
        }
        // Nesting is bounded too, recursive or not: forty partials, each including the next.
        var chain = [
            "/t/layout.mustache": "", "/t/page.mustache": "", "/t/list.mustache": "", "/t/p40.mustache": "end",
        ]
        for level in 0..<40 { chain["/t/p\(level).mustache"] = "{{> p\(level + 1)}}" }
        let deep = try #require(TemplateSet.load(directory: "/t", fileSystem: .inMemory(chain)).0)
        #expect(deep.render(context, template: "p0") == "")
        #expect(deep.runaway.tag?.hasPrefix("{{> p1}} → {{> p2}}") == true)

        let tree: TemplateFields = [
            "name": "a",
            "kids": [["name": "b", "kids": [["name": "c", "kids": [Any]()] as TemplateFields]] as TemplateFields],
        ]
        let files = [
            "/t/layout.mustache": "", "/t/tree.mustache": "({{name}}{{#kids}}{{> tree}}{{/kids}})",
            "/t/page.mustache": "", "/t/list.mustache": "",
        ]
        let set = try #require(TemplateSet.load(directory: "/t", fileSystem: .inMemory(files)).0)
        #expect(set.render(tree, template: "tree") == "(a(b(c)))")
        #expect(set.runaway.tag == nil)
    }

    @Test func constructsItLeavesToSwiftMustacheStillRender() throws {
        var files = Self.fixedTemplates
        files["/t/t.mustache"] = "{{% CONTENT_TYPE: TEXT}}{{v}}"
        let set = try #require(TemplateSet.load(directory: "/t", fileSystem: .inMemory(files)).0)
        #expect(set.compiled == nil)
        #expect(set.render(Self.context, template: "t") == "x<y")
    }

    /// Delimiters set for the rest of a section, and partials named by a value (a `String`;
    /// crosswalk's own text type names none, as swift-mustache casts to `String`).
    @Test func setDelimitersAndDynamicPartials() throws {
        let cases: [(template: String, expected: String)] = [
            ("{{=<% %>=}}<%v%> {{v}} <%{v%>}", "x&lt;y {{v}} x<y"),
            ("{{#b}}{{=| |=}}|v||/b|{{v}}", "x&lt;yx&lt;y"),
            ("a\n  {{=<% %>=}}  \n<%! note %><%&v%>", "a\nx<y"),
            ("[{{>*pn}}][{{>*textName}}][{{>*missing}}]", "[[x&lt;yonetwo]\n][][]"),
            ("  {{>*qn}}\n", "  line\n  x&lt;y\n"),
            ("{{<*parentName}}{{$blk}}over{{/blk}}{{/*parentName}}", "AoverB\n  overline\nx&lt;y\n"),
            ("{{=<% %>=}}<%>*pn%>", "[x&lt;yonetwo]\n"),
            // Text once the delimiters changed, not a partial that is missing.
            ("{{=<% %>=}}{{> nothing}}<%v%>", "{{> nothing}}x&lt;y"),
            ("{{#list}}{{>*v}}{{/list}}", ""),
        ]
        for (template, expected) in cases {
            var files = Self.fixedTemplates
            files["/t/t.mustache"] = template
            let set = try #require(TemplateSet.load(directory: "/t", fileSystem: .inMemory(files)).0)
            #expect(set.compiled != nil, "\(template)")
            let ours = set.render(Self.context, template: "t")
            #expect(ours == expected, "\(template)")
            #expect(ours == set.renderWithLibrary(Self.context, template: "t"), "\(template)")
        }
    }

    /// A partial named by a value that names the template it is in expands without end: it
    /// is stopped and named like any other.
    @Test func aDynamicPartialNamingItselfIsStopped() throws {
        var files = Self.fixedTemplates
        files["/t/t.mustache"] = "x{{>*self}}"
        let set = try #require(TemplateSet.load(directory: "/t", fileSystem: .inMemory(files)).0)
        _ = set.render(["self": "t"] as TemplateFields, template: "t")
        #expect(set.runaway.tag?.hasPrefix("{{>*self}} → {{>*self}}") == true)
    }

    @Test func partialIndentationAndBlocks() throws {
        var files = Self.fixedTemplates
        files["/t/t.mustache"] = "<ul>\n  {{>q}}\n{{<parent}}\n{{$blk}}\n    over {{v}}\n{{/blk}}\n{{/parent}}\n"
        let set = try #require(TemplateSet.load(directory: "/t", fileSystem: .inMemory(files)).0)
        #expect(set.compiled != nil)
        let context = Self.context
        let ours = set.render(context, template: "t")
        #expect(ours == set.renderWithLibrary(context, template: "t"))
        #expect(ours.contains("  line\n  x&lt;y\n"))
    }

    // MARK: Fixtures

    static let fixedTemplates: [String: String] = [
        "/t/layout.mustache": "{{$main}}{{/main}}",
        "/t/page.mustache": "{{v}}",
        "/t/list.mustache": "{{v}}",
        "/t/p.mustache": "[{{v}}{{#list}}{{v}}{{/list}}]\n",
        "/t/q.mustache": "line\n{{v}}\n",
        "/t/parent.mustache": "A{{$blk}}default {{h}}{{/blk}}B\n  {{$blk}}\n  again\n  {{/blk}}\n{{>q}}",
    ]

    struct Tool {
        let name: String
        let inner: String?
    }

    /// crosswalk's own `TemplateFields` at the top and inside, and dictionaries (front-matter
    /// maps) inside.
    static var context: TemplateFields {
        [
            "t": ["v": "fields-v", "list": [["v": "deep-t"]] as [TemplateFields]] as TemplateFields,
            "tlist": [["v": "t-one", "n": 1], ["v": "t-two", "b": false]] as [TemplateFields],
            "emptyTList": [] as [TemplateFields],
            "v": "x<y", "h": "<b>&'\"", "n": 42, "z": 0, "negative": -7, "b": true, "f": false,
            "d": ["v": "inner", "list": [["v": "deep"]] as [[String: Any]]] as [String: Any],
            "list": [["v": "one", "n": 1], ["v": "two", "b": false]] as [[String: Any]],
            "anyList": [1, "two", true, ["v": "three"] as [String: Any]] as [Any],
            "lazyList": [LazyFields(["v": "lazy-one"], lazy: [:]), ["v": "plain"] as [String: Any], ["s"]] as [Any],
            "emptyList": [] as [[String: Any]],
            "text": TemplateText("t&t"),
            "svg": TemplateHTML(Array("<svg>…</svg>".utf8)),
            "textList": [TemplateText("a"), TemplateText("<b>")],
            "lazy": LazyFields(["v": "lazy-v"], lazy: ["w": { "made" }]),
            "obj": Tool(name: "nmap", inner: "o"),
            "strs": ["s1", "s2"],
            "dictStr": ["v": "ds"] as [String: String],
            "none": NSNull(),
            "item": ListItem(title: "PLC", summary: "<logic>", kind: .term, href: "g/plc/", html: nil),
            "items": [ListItem(title: "a", summary: nil, kind: .tool, href: "t/", html: "<li>a</li>")],
            "noItems": [] as [ListItem],
            // Existentials inside `Any`, as generic code makes them.
            "nestedText": Self.wrapped(TemplateText("nested") as any Sendable),
            "nestedFields": Self.wrapped(["v": "nested-v"] as [String: Any] as Any),
            "wrappedInt": Self.wrapped(5 as any Sendable),
            // Template names, for partials named by a value.
            "pn": "p", "qn": "q", "parentName": "parent", "textName": TemplateText("p"),
        ]
    }

    static func wrapped<T>(_ value: T) -> Any { value }

    static let names = [
        "v", "h", "n", "b", "f", "d", "d.v", ".v", ".", "list", "anyList", "emptyList", "text", "textList",
        "lazy", "lazy.v", "lazy.w", "obj", "obj.name", "obj.inner", "strs", "dictStr", "dictStr.v", "none",
        "missing", "empty(list)", "count(list)", "empty(v)", "uppercased(v)", "svg", "empty(svg)", "svg.bytes",
        "first()", "last()", "index()",
        "even()", "reversed(strs)", "item", "item.title", "item.summary", "items", "noItems", "items.html",
        "empty(items)", "nestedText", "nestedFields", "nestedFields.v", "count(items)", "empty(noItems)",
        "count(textList)", "empty(anyList)", "empty(emptyList)", "count(emptyList)", "first(list)",
        "z", "negative", "n.v", "plusone(n)", "minusone(z)", "equalzero(z)", "odd(negative)", "wrappedInt",
        "lazyList", "count(strs)", "empty(strs)", "first(strs)", "t", "t.v", "t.list", "tlist", "count(tlist)",
        "empty(tlist)", "empty(emptyTList)", "emptyTList", "t.missing",
    ]

    static let texts = ["a", "b c", " ", "  ", "\t", "\n", "\n", "\r\n", "{", "}", "<&>", "é", "e\u{301}", "x\n  "]

    /// Random source from the pieces above. Block bodies hold no blocks and no `{{<parent}}`: an
    /// override that expands itself recurses forever, in both renderers.
    static func template(depth: Int, inBlock: Bool = false, random: inout SplitMix) -> String {
        var out = ""
        for _ in 0..<random.below(depth == 0 ? 12 : 5) {
            let name = names[random.below(names.count)]
            switch random.below(depth > 2 ? 6 : 10) {
            case 0, 1, 2: out += texts[random.below(texts.count)]
            case 3: out += ["{{\(name)}}", "{{ \(name) }}", "{{{\(name)}}}", "{{&\(name)}}"][random.below(4)]
            case 4:
                out +=
                    ["{{! note }}", "{{>p}}", "{{> q}}", "  {{>q}}\n", "{{>*pn}}", "  {{>* qn}}\n", "{{>*textName}}"][
                        random.below(7)]
            case 5 where !inBlock:
                out += "{{$blk}}" + template(depth: depth + 1, inBlock: true, random: &random) + "{{/blk}}"
            case 6 where random.below(3) == 0:
                // Other delimiters for a while, then the usual ones again.
                let (open, close) = [("<%", "%>"), ("|", "|"), ("[[", "]]")][random.below(3)]
                out += "{{=\(open) \(close)=}}" + (random.below(2) == 0 ? "\n" : "")
                out += "\(open)\(name)\(close)\(open)#b\(close)\(open){v\(close)}\(open)/b\(close)"
                out += "\(open)={{ }}=\(close)"
            case 6, 7, 8:
                let sigil = random.below(3) == 0 ? "^" : "#"
                let line = random.below(2) == 0 ? "\n" : ""
                out += "{{\(sigil)\(name)}}\(line)" + template(depth: depth + 1, inBlock: inBlock, random: &random)
                out += "{{/\(name)}}\(line)"
            case 9 where !inBlock:
                out += "{{<parent}}\n" + (random.below(2) == 0 ? "  " : "")
                out += "{{$blk}}" + template(depth: depth + 1, inBlock: true, random: &random) + "{{/blk}}\n{{/parent}}"
            default:
                out += texts[random.below(texts.count)]
            }
        }
        return out
    }
}

extension SplitMix {
    mutating func below(_ bound: Int) -> Int { Int(next() % UInt64(bound)) }
}
