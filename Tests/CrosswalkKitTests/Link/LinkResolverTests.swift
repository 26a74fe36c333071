import Foundation
import Testing

@testable import CrosswalkKit

@Suite struct LinkResolverTests {
    @Test(arguments: [
        ("glossary/patch/", "glossary/plc/index.html", "../plc/index.html"),
        ("glossary/patch/", "constraints/a/index.html", "../../constraints/a/index.html"),
        ("", "glossary/plc/index.html", "glossary/plc/index.html"),
        ("glossary/", "glossary/plc/index.html", "plc/index.html"),
        ("glossary/plc/", "index.html", "../../index.html"),
        ("glossary/plc/", "glossary/rack.png", "../rack.png"),
    ])
    func hrefsAreRelative(from: String, to: String, expected: String) {
        #expect(LinkResolver.href(from: from, to: to) == expected)
    }

    /// The byte-level `href` agrees with its definition on segments, over every pair of a
    /// small set of awkward paths (empty segments, shared prefixes, trailing slashes).
    @Test func hrefMatchesTheSegmentDefinition() {
        let paths = [
            "", "/", "a/", "a", "a/b/", "a/b", "ab/", "a//b/", "/a/b/", "a/b/index.html", "a/bc/index.html",
            "a/b/c/", "b/a/", "index.html", "a/index.html", "a/b/c/d.png", "é/ü/", "a/b//c", "x/",
        ]
        for from in paths {
            for to in paths {
                #expect(
                    LinkResolver.href(from: from, to: to) == Self.referenceHref(from: from, to: to), "\(from) → \(to)")
            }
        }
    }

    static func referenceHref(from: String, to: String) -> String {
        let fromParts = from.split(separator: "/")
        let toParts = to.split(separator: "/")
        var common = 0
        while common < fromParts.count, common < toParts.count - 1, fromParts[common] == toParts[common] {
            common += 1
        }
        return String(repeating: "../", count: fromParts.count - common)
            + toParts[common...].joined(separator: "/")
    }

    @Test func indexMarkdownInAnyCaseAndFolder() {
        for path in ["index.md", "a/INDEX.md", "a/b/Index.MD"] {
            #expect(LinkResolver.isIndexMarkdown(path), "\(path)")
        }
        for path in ["xindex.md", "index.md/a.md", "a/index.mdx", "index\u{0E}md", "readme.md", ""] {
            #expect(!LinkResolver.isIndexMarkdown(path), "\(path)")
        }
    }

    @Test func rootPathClimbsOneLevelPerFolder() {
        #expect(LinkResolver.rootPath(from: "") == "")
        #expect(LinkResolver.rootPath(from: "glossary/plc/") == "../../")
    }

    @Test func normaliseRefusesToClimbAboveTheRoot() {
        #expect(LinkResolver.normalize("glossary/../tools/./a.md") == "tools/a.md")
        #expect(LinkResolver.normalize("glossary/../../a.md") == nil)
        #expect(LinkResolver.normalize("//a//./b/..//ü.md") == "a/ü.md")
        #expect(LinkResolver.normalize("..a/.b/...") == "..a/.b/...")
        #expect(LinkResolver.normalize("./") == "")
    }

    @Test func schemeNeedsALeadingASCIILetter() {
        #expect(!LinkResolver.hasScheme("1http://x"))
        #expect(!LinkResolver.hasScheme("ühttp://x"))
        #expect(!LinkResolver.hasScheme("ht tp://x"))
        #expect(LinkResolver.hasScheme("svn+ssh://x"))
        #expect(!LinkResolver.hasScheme(":x"))
    }

    @Test(arguments: ["plain", " lead", "trail\t", "\u{00A0}nbsp\u{2003}", "", "  ", "in side", "é"])
    func trimmingSpacesMatchesFoundation(text: String) {
        #expect(text.trimmingSpaces == text.trimmingCharacters(in: .whitespaces))
        #expect(text[...].trimmingSpaces == text.trimmingCharacters(in: .whitespaces))
    }

    @Test(arguments: ["https://x", "mailto:a@b", "javascript:alert(1)", "tel:+1", "ftp://x"])
    func schemesAreExternal(url: String) {
        #expect(LinkResolver.hasScheme(url))
    }

    @Test(arguments: ["plc.md", "../a.md", "a:b.md/../x", "#frag", "C:"])
    func pathsHaveNoScheme(url: String) {
        #expect(!LinkResolver.hasScheme(url) || url == "a:b.md/../x" || url == "C:")
    }
}
