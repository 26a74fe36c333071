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
        titleOrder(titles, keys: titles.map(sortKey))
    }

    static func titleOrder(_ titles: [String], keys: [[UInt32]]) -> [Int] {
        titles.indices.sorted { titlePrecedes($0, $1, titles, keys) }
    }

    /// The order `titleOrder` sorts by: a total order, so inserting into a sorted list gives
    /// the list a sort would.
    static func titlePrecedes(_ a: Int, _ b: Int, _ titles: [String], _ keys: [[UInt32]]) -> Bool {
        if keys[a] != keys[b] { return keys[a].lexicographicallyPrecedes(keys[b]) }
        if titles[a] != titles[b] {
            return titles[a].unicodeScalars.lexicographicallyPrecedes(titles[b].unicodeScalars)
        }
        return a < b
    }

    /// Case, accents and width folded; a run of digits as its length and then its digits, so
    /// `Item 9` comes before `Item 10`.
    static func sortKey(_ title: String) -> [UInt32] {
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
/// tenth of a rebuild, and an edit rarely changes a title. When a few titles changed, only
/// those are placed again.
public final class TitleOrderCache: @unchecked Sendable {
    private var titles: [String] = []
    private var keys: [[UInt32]] = []
    /// Indices into `titles`, sorted.
    private var order: [Int] = []
    private var rank: [Int] = []
    private let lock = NSLock()

    /// Above this many new titles, sorting them all again is as quick.
    static let patchLimit = 64

    public init() {}

    func rank(of titles: [String]) -> [Int] {
        lock.withLock {
            guard titles != self.titles else { return rank }
            var changed: [Int] = []
            if titles.count == self.titles.count {
                for index in titles.indices where titles[index] != self.titles[index] {
                    changed.append(index)
                    if changed.count > Self.patchLimit { break }
                }
            }
            if titles.count == self.titles.count, changed.count <= Self.patchLimit {
                place(changed, titles)
            } else {
                keys = titles.map(SiteRenderer.sortKey)
                order = SiteRenderer.titleOrder(titles, keys: keys)
                self.titles = titles
            }
            rank = [Int](repeating: 0, count: titles.count)
            for (position, index) in order.enumerated() { rank[index] = position }
            return rank
        }
    }

    /// Takes the titles at `changed` out of the order and puts them back where they sort now.
    private func place(_ changed: [Int], _ titles: [String]) {
        let moved = Set(changed)
        order.removeAll { moved.contains($0) }
        for index in changed { keys[index] = SiteRenderer.sortKey(titles[index]) }
        self.titles = titles
        for index in changed {
            let place = order.partitioningIndex { SiteRenderer.titlePrecedes(index, $0, titles, keys) }
            order.insert(index, at: place)
        }
    }
}
