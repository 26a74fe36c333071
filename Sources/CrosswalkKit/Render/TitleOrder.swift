import Foundation

extension SiteRenderer {
    /// Each title's place when sorted the way people sort: ignoring case, accents and width,
    /// numbers by value (`Item 9` before `Item 10`); then by the title's own characters, so
    /// `PLC` and `plc` have a fixed order; ties in page order.
    ///
    /// This was `localizedStandardCompare`, which agrees for ordinary titles but costs about
    /// 2 µs a comparison here (it makes a locale every call): sorting 10,000 titles took a
    /// quarter of a second on one core, and 1.5 s at 100,000. It is also not transitive for
    /// some strings (`ß` beside `ss`), so no sort of them was well defined. A key made once per
    /// title sorts in a few milliseconds, and is a total order.
    static func titleRank(of titles: [String]) -> [Int] {
        var rank = [Int](repeating: 0, count: titles.count)
        for (position, index) in titleOrder(titles).enumerated() { rank[index] = position }
        return rank
    }

    static func titleOrder(_ titles: [String]) -> [Int] {
        let keys = titles.map(sortKey)
        return titles.indices.sorted { a, b in
            if keys[a] != keys[b] { return keys[a].lexicographicallyPrecedes(keys[b]) }
            if titles[a] != titles[b] {
                return titles[a].unicodeScalars.lexicographicallyPrecedes(titles[b].unicodeScalars)
            }
            return a < b
        }
    }

    /// Case, accents and width folded; a run of digits as its length and then its digits, so
    /// `Item 9` comes before `Item 10`.
    private static func sortKey(_ title: String) -> [UInt32] {
        let folded = foldedForSorting(title)
        var key: [UInt32] = []
        key.reserveCapacity(folded.unicodeScalars.count + 4)
        var digits: [UInt32] = []
        func flushDigits() {
            guard !digits.isEmpty else { return }
            let significant = digits.drop { $0 == 0x30 }
            key.append(0x30)
            key.append(UInt32(max(significant.count, 1)))
            key += significant.isEmpty ? [0x30] : Array(significant)
            digits.removeAll(keepingCapacity: true)
        }
        for scalar in folded.unicodeScalars {
            if scalar.value >= 0x30 && scalar.value <= 0x39 {
                digits.append(scalar.value)
            } else {
                flushDigits()
                key.append(scalar.value)
            }
        }
        flushDigits()
        return key
    }
}

extension SiteRenderer {
    /// Case, accents and width folded. ASCII titles (most of them) fold to lower case and nothing
    /// else: Foundation's folding was most of the cost of ordering titles again on every rename
    /// in `serve`.
    static func foldedForSorting(_ title: String) -> String {
        guard title.utf8.allSatisfy({ $0 < 0x80 }) else {
            return title.folding(options: [.caseInsensitive, .diacriticInsensitive, .widthInsensitive], locale: nil)
        }
        return String(decoding: title.utf8.map { $0 &- 0x41 < 26 ? $0 | 0x20 : $0 }, as: UTF8.self)
    }
}

/// Title order kept between rebuilds (`serve`): sorting titles the way people sort them cost a
/// tenth of a rebuild, and an edit rarely changes a title.
public final class TitleOrderCache: @unchecked Sendable {
    private var titles: [String] = []
    private var rank: [Int] = []
    private let lock = NSLock()

    public init() {}

    func rank(of titles: [String]) -> [Int] {
        lock.withLock {
            if titles != self.titles {
                self.titles = titles
                rank = SiteRenderer.titleRank(of: titles)
            }
            return rank
        }
    }
}
