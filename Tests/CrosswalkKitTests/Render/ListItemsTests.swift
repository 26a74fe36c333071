import Testing

@testable import CrosswalkKit

@Suite struct ListItemsTests {
    /// Entries under a way up (`../../`) are kept by depth, others by their root; each is
    /// filled once, and forgetting a page fills it again under every root.
    @Test func entriesAreFilledOnceAndForgotten() {
        let cache = ListItemCache()
        var fills = 0
        func entry(_ page: Int, _ root: String) -> String {
            cache.html(page: page, root: root) {
                fills += 1
                return "\(page)@\(root)"
            }
        }
        let roots = ["", "../", "../../../", "#glossary-a", "..", "../x/", "https://example.com/"]
        for page in [0, 1, 63, 64, 65, 1000] {
            for root in roots { #expect(entry(page, root) == "\(page)@\(root)") }
        }
        #expect(fills == 6 * roots.count)
        for page in [0, 1, 63, 64, 65, 1000] {
            for root in roots { #expect(entry(page, root) == "\(page)@\(root)") }
        }
        #expect(fills == 6 * roots.count)
        cache.forget(pages: [64, 1000])
        for root in roots { _ = entry(64, root) }
        for root in roots { _ = entry(1, root) }
        #expect(fills == 7 * roots.count)
    }

    /// Appending gives what `html` gives, whether the entry was kept already or not.
    @Test func appendingGivesTheEntry() {
        let cache = ListItemCache()
        var fills = 0
        for round in 0..<2 {
            for page in [0, 5, 64, 700] {
                for root in ["", "../../", "#glossary-a"] {
                    var output = HTMLBytes()
                    output.raw("<ul>")
                    cache.append(page: page, root: root, to: &output) {
                        fills += 1
                        return "<li>\(page)@\(root)</li>"
                    }
                    #expect(output.string == "<ul><li>\(page)@\(root)</li>", "round \(round)")
                }
            }
        }
        #expect(fills == 12)
    }

    @Test func onlyWaysUpHaveADepth() {
        #expect(ListItemCache.depth(of: "") == 0)
        #expect(ListItemCache.depth(of: "../") == 1)
        #expect(ListItemCache.depth(of: "../../../") == 3)
        for root in ["..", "../..", "./", "../a/", "#glossary-x", "..//", String(repeating: "../", count: 65)] {
            #expect(ListItemCache.depth(of: root) == nil, "\(root)")
        }
    }

    /// Backlink groups and the neighbour graph take a kind's place from `order`.
    @Test func kindsAreInSectionOrderThenPlainPages() {
        #expect(PageKind.allCases == PageKind.sections + [.page])
        #expect(PageKind.allCases.map(\.order) == Array(PageKind.allCases.indices))
    }
}
