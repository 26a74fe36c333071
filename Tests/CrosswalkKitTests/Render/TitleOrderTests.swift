import Foundation
import Testing

@testable import CrosswalkKit

/// Titles sort the way people sort: case, accents and width ignored, numbers by value, then a
/// fixed order for titles that differ only there, then page order.
@Suite struct TitleOrderTests {
    func sorted(_ titles: [String]) -> [String] { SiteRenderer.titleOrder(titles).map { titles[$0] } }

    @Test func sortsAsPeopleSort() {
        #expect(sorted(["Item 10", "item 9", "Item 010", "Item 1"]) == ["Item 1", "item 9", "Item 010", "Item 10"])
        #expect(
            sorted(["Zone", "Ölpumpe", "eclair", "Éclair", "alpha"]) == [
                "alpha", "eclair", "Éclair", "Ölpumpe", "Zone",
            ])
        #expect(sorted(["ＦＵＬＬ", "full", "Full"]) == ["Full", "full", "ＦＵＬＬ"])
        #expect(sorted(["b", "a", "B", "A"]) == ["A", "a", "B", "b"])
    }

    /// Many titles are sorted in two halves on two cores and merged: the same order as one
    /// sort, ties in page order included.
    @Test func manyTitlesSortAsOneSortWould() {
        var random = SplitMix(seed: 4096)
        let pieces = ["Item", "item", "ITEM", "Zone", "Éclair", "eclair", "ÖL", "ol", "9", "10", "010", "a", "B"]
        let titles = (0..<9000).map { _ in
            (0..<1 + random.below(3)).map { _ in pieces[random.below(pieces.count)] }.joined(separator: " ")
        }
        let keys = titles.map(SiteRenderer.sortKey)
        let one = titles.indices.sorted { SiteRenderer.titlePrecedes($0, $1, titles, keys) }
        #expect(SiteRenderer.titleOrder(titles) == one)
        #expect(SiteRenderer.sortKeys(titles) == keys)
    }

    /// The ASCII path gives the key the folding path gives, on titles of letters in both
    /// cases, digits with and without leading zeros, spaces and punctuation; and leaves titles
    /// beyond ASCII to the folding path.
    @Test func asciiKeysAreTheFoldedKeys() {
        var random = SplitMix(seed: 77)
        let alphabet = Array("aZz09 0-._/A9~`0012!".unicodeScalars)
        for _ in 0..<3000 {
            let title = String(
                String.UnicodeScalarView((0..<random.below(12)).map { _ in alphabet[random.below(alphabet.count)] }))
            #expect(SiteRenderer.asciiSortKey(title) == SiteRenderer.foldedSortKey(title), "\(title)")
        }
        #expect(SiteRenderer.asciiSortKey("Éclair 9") == nil)
        #expect(SiteRenderer.sortKey("Éclair 9") == SiteRenderer.foldedSortKey("Éclair 9"))
    }

    @Test func tiesKeepPageOrder() {
        #expect(SiteRenderer.titleOrder(["Same", "Other", "Same"]) == [1, 0, 2])
        #expect(SiteRenderer.titleRank(of: ["b", "Item 10", "a", "Item 9"]) == [1, 3, 0, 2])
    }

    /// A total order: sorting any shuffle of the same titles gives the same titles in the same
    /// order, and ordinary titles come out as `localizedStandardCompare` puts them.
    @Test func isATotalOrderAndAgreesOnOrdinaryTitles() {
        let pieces = [
            "PLC", "plc", "Ölpumpe", "Olpumpe", "oel", "Éclair", "eclair", "Zone", "zone 2", "Zone 10", "Item 9",
            "Item 10", "ß", "ss", "Straße", "strasse", "日本", "Ωmega", "omega", "x y", "A-B", "AB",
        ]
        var random = SplitMix(seed: 1_234)
        let titles = (0..<500).map { _ in
            (0..<Int(random.next() % 3 + 1)).map { _ in pieces[Int(random.next() % UInt64(pieces.count))] }
                .joined(separator: " ")
        }
        let distinct = Array(Set(titles))
        let once = sorted(distinct)
        let shuffled = distinct.sorted { a, b in a.hashValue < b.hashValue }
        #expect(sorted(shuffled) == once)
        let ordinary = [
            "Process historian", "process historian log", "Patch", "Patch window 2", "Patch window 10", "PLC",
        ]
        #expect(sorted(ordinary) == ordinary.sorted { $0.localizedStandardCompare($1) == .orderedAscending })
    }

    /// ASCII titles are folded without Foundation; the key must be the one Foundation's folding
    /// gives (every printable ASCII character, in random titles).
    @Test func asciiKeysMatchFoundationsFolding() {
        var random = SplitMix(seed: 62_443)
        let characters = (0x20...0x7E).map { Character(Unicode.Scalar(UInt8($0))) }
        for _ in 0..<2_000 {
            let title = String((0..<Int(random.next() % 16)).map { _ in characters[Int(random.next() % 95)] })
            let folded = title.folding(
                options: [.caseInsensitive, .diacriticInsensitive, .widthInsensitive], locale: nil)
            #expect(SiteRenderer.foldedForSorting(title) == folded, "\(title)")
        }
    }

    /// `serve` keeps the order between rebuilds and places only changed titles again; the
    /// ranks must be a full sort's, also for repeated titles and more changes than it patches.
    @Test func aKeptOrderPatchedForNewTitlesIsAFullSorts() {
        let pieces = ["PLC", "plc", "Ölpumpe", "Item 9", "Item 10", "Zone", "zone", "ß", "ss", "x", "Same"]
        var random = SplitMix(seed: 800_82)
        func title() -> String {
            (0..<Int(random.next() % 3 + 1)).map { _ in pieces[Int(random.next() % UInt64(pieces.count))] }
                .joined(separator: " ")
        }
        var titles = (0..<300).map { _ in title() }
        let cache = TitleOrderCache()
        #expect(cache.rank(of: titles) == SiteRenderer.titleRank(of: titles))
        for round in 0..<40 {
            let changes = round % 10 == 9 ? TitleOrderCache.patchLimit + 5 : Int(random.next() % 4 + 1)
            for _ in 0..<changes { titles[Int(random.next() % UInt64(titles.count))] = title() }
            #expect(cache.rank(of: titles) == SiteRenderer.titleRank(of: titles), "round \(round)")
        }
        titles.append("Appended")
        #expect(cache.rank(of: titles) == SiteRenderer.titleRank(of: titles))
        // Titles inserted and removed (aliases in the glossary), a few or many at a time.
        for round in 0..<40 {
            let place = Int(random.next() % UInt64(titles.count))
            let count = round % 10 == 9 ? TitleOrderCache.patchLimit + 5 : Int(random.next() % 3 + 1)
            if round % 2 == 0 {
                titles.insert(contentsOf: (0..<count).map { _ in title() }, at: place)
            } else {
                titles.removeSubrange(place..<min(place + count, titles.count))
            }
            #expect(cache.rank(of: titles) == SiteRenderer.titleRank(of: titles), "round \(round)")
        }
    }
}
