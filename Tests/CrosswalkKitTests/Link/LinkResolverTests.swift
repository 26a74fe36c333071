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

    @Test func normalisingTwoPartsEqualsNormalisingTheirJoin() {
        let parts = ["", "/", "a", "a/", "a/b", "..", "../x", "./", "a/../..", "é/./ü", "//", ".", "b/../c/"]
        for base in parts {
            for name in parts {
                #expect(
                    LinkResolver.normalize(base, name) == LinkResolver.normalize(joinPath(base, name)),
                    "\(base) + \(name)")
            }
        }
    }

    @Test(arguments: [
        "a.md", "A.MD", "x/b.Md", ".md", "md", "a.mdx", "a.m", "é.md", "aé.MD", "\u{0130}.md", "a.m\u{0301}d",
        "a.md\u{0301}", "a\u{0301}.md", "\u{0600}.md", "x.MD\u{212A}",
    ])
    func markdownExtensionAgreesWithLowercasing(path: String) {
        #expect(LinkResolver.hasMarkdownExtension(path) == path.lowercased().hasSuffix(".md"))
    }

    @Test func destinationsAreCutAtTheFirstHashAndQuestionMark() {
        let cases: [(String, String, Bool, String?, Bool)] = [
            ("a.md", "a.md", false, nil, false),
            ("a%20b.md?x=%41#f%20g", "a%20b.md", true, "f%20g", true),
            ("a.md#x?y#z", "a.md", false, "x?y#z", false),
            ("?q#", "", false, "", false),
            ("a#\u{0301}b", "a", false, "b", false),
            ("%#", "%", true, "", false),
        ]
        for (destination, path, pathPercent, fragment, fragmentPercent) in cases {
            let cut = LinkResolver.cut(destination)
            #expect(cut.path.text == path && cut.path.hasPercent == pathPercent, "\(destination)")
            #expect(cut.fragment?.text == fragment && (cut.fragment?.hasPercent ?? false) == fragmentPercent)
        }
    }

    /// One `../` per non-empty segment, as splitting the URL on `/` counts them.
    @Test func rootPathClimbsOneFolderPerSegment() {
        for url in ["", "a/", "a/b/", "glossary/plc/", "/a//b/", "a", "//", "é/ü/x", "a/b/c/d/e/"] {
            let expected = String(repeating: "../", count: url.split(separator: "/").count)
            #expect(LinkResolver.rootPath(from: url) == expected, Comment(rawValue: url))
        }
    }

    /// The byte way for the usual `other.md#heading` link resolves as the general way does,
    /// and leaves everything else to it: destinations made of awkward prefixes, names and
    /// endings, from pages at several depths.
    @Test func markdownFileLinksResolveAsInGeneral() throws {
        let paths = [
            "index.md", "glossary/plc.md", "glossary/patch.md", "glossary/deep/rack.md", "guides/index.md",
            "guides/Ölpumpe.md", "constraints/no-scan.md",
        ]
        let pages = try paths.map { path in
            let source = SourceFile(
                relativePath: path, displayPath: "content/" + path, frontMatter: "title: T", body: "Text.\n",
                bodyLineOffset: 0)
            return try #require(PageBuilder.build(source, folderHasIndexMD: path.hasPrefix("guides/")).page)
        }
        let resolver = LinkResolver(site: Site(config: SiteConfig(), pages: pages, assets: []))
        let prefixes = ["", "./", "../", "../../", "../../../", "x/../", "deep/", "glossary/", "/", "//", ".//"]
        let names = [
            "plc.md", "PLC.MD", "patch.Md", "rack.md", "index.md", "Ölpumpe.md", "O\u{308}lpumpe.md", "no-scan.md",
            "missing.md", "plc",
            ".md", "glossary", "plc.mdx", "https:plc.md",
        ]
        let endings = ["", "#", "#history", "#a#b", "#héllo", "#a b", "#%20", "?q=1", "#x?y", "#\u{301}"]
        var quick = 0
        for page in pages {
            for prefix in prefixes {
                for name in names {
                    for ending in endings {
                        let destination = prefix + name + ending
                        let folder = LinkResolver.folder(of: page.source.relativePath)
                        guard let fast = resolver.resolveMarkdownFile(destination, from: page, folder: folder) else {
                            continue
                        }
                        quick += 1
                        #expect(fast == resolver.resolveInGeneral(destination, from: page), "\(destination)")
                    }
                }
            }
        }
        #expect(quick > 150)
    }
}
