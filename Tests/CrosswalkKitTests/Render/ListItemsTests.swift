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

    /// A listing's entries at once give what `html` gives each, whether kept already or not,
    /// filling each once, also when `html` kept it; a root that is not only a way up gives nil.
    @Test func entriesAtOnceGiveWhatHTMLGives() {
        let cache = ListItemCache()
        var fills = 0
        func fill(_ page: Int, _ root: String) -> String {
            fills += 1
            return "<li>\(page)@\(root)</li>"
        }
        _ = cache.html(page: 64, root: "../../") { fill(64, "../../") }
        for round in 0..<2 {
            for root in ["", "../../"] {
                let pages = [0, 5, 64, 700, 5]
                let entries = cache.entries(pages: pages, root: root) { fill($0, root) }
                let texts = entries?.map { String(decoding: $0, as: UTF8.self) }
                #expect(texts == pages.map { "<li>\($0)@\(root)</li>" }, "round \(round)")
                #expect(pages.map { page in cache.html(page: page, root: root) { fill(page, root) } } == texts)
            }
        }
        // Four pages under "" and four under "../../", one of them kept before the listing.
        #expect(fills == 8)
        #expect(cache.entries(pages: [1], root: "#glossary-a") { fill($0, "#glossary-a") } == nil)
        cache.forget(pages: [700])
        _ = cache.entries(pages: [700, 0], root: "../../") { fill($0, "../../") }
        #expect(fills == 9)
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
