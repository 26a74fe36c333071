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
        titleOrder(titles, keys: sortKeys(titles))
    }

    /// `sortKey` of every title, on every core for many.
    static func sortKeys(_ titles: [String]) -> [[UInt32]] {
        titles.count >= 1024 ? parallelMap(titles, sortKey) : titles.map(sortKey)
    }

    static func titleOrder(_ titles: [String], keys: [[UInt32]]) -> [Int] {
        guard titles.count >= 4096 else { return titles.indices.sorted { titlePrecedes($0, $1, titles, keys) } }
        // Two halves sorted on two cores, then merged: the order is total, so the merge is
        // the one sort's result (at 100k titles the sort was a serial tenth of a second).
        let middle = titles.count / 2
        let (left, right) = inParallel(
            { (0..<middle).sorted { titlePrecedes($0, $1, titles, keys) } },
            { (middle..<titles.count).sorted { titlePrecedes($0, $1, titles, keys) } })
        var merged: [Int] = []
        merged.reserveCapacity(titles.count)
        var (i, j) = (0, 0)
        while i < left.count && j < right.count {
            if titlePrecedes(right[j], left[i], titles, keys) {
                merged.append(right[j])
                j += 1
            } else {
                merged.append(left[i])
                i += 1
            }
        }
        merged += left[i...]
        merged += right[j...]
        return merged
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
        asciiSortKey(title) ?? foldedSortKey(title)
    }

    /// `sortKey` of an ASCII title, byte by byte: through a folded `String` and its scalars it
    /// took about 7,000 instructions a title, a sort of every page's title per build.
    /// Nil when the title is not ASCII.
    static func asciiSortKey(_ title: String) -> [UInt32]? {
        title.withUTF8Bytes { bytes -> [UInt32]? in
            var key: [UInt32] = []
            key.reserveCapacity(bytes.count + 4)
            var index = 0
            while index < bytes.count {
                let byte = bytes[index]
                guard byte < 0x80 else { return nil }
                guard byte &- 0x30 < 10 else {
                    key.append(UInt32(byte &- 0x41 < 26 ? byte | 0x20 : byte))
                    index += 1
                    continue
                }
                var end = index + 1
                while end < bytes.count, bytes[end] &- 0x30 < 10 { end += 1 }
                var first = index
                while first < end, bytes[first] == 0x30 { first += 1 }
                key.append(0x30)
                key.append(UInt32(max(end - first, 1)))
                if first == end { key.append(0x30) }
                for digit in bytes[first..<end] { key.append(UInt32(digit)) }
                index = end
            }
            return key
        }
    }

    /// `sortKey` of any title (see above).
    static func foldedSortKey(_ title: String) -> [UInt32] {
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
        guard title.everyUTF8Byte({ $0 < 0x80 }) else {
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
            let moved = titles.count == self.titles.count ? nil : Self.changedRun(from: self.titles, to: titles)
            if titles.count == self.titles.count, changed.count <= Self.patchLimit {
                place(changed, titles)
            } else if let moved, moved.removed.count <= Self.patchLimit, moved.added.count <= Self.patchLimit {
                replace(moved.removed, with: moved.added, titles)
            } else {
                keys = SiteRenderer.sortKeys(titles)
                order = SiteRenderer.titleOrder(titles, keys: keys)
                self.titles = titles
            }
            rank = [Int](repeating: 0, count: titles.count)
            for (position, index) in order.enumerated() { rank[index] = position }
            return rank
        }
    }

    /// Where two lists of titles differ when titles were inserted or removed (a new alias in
    /// the glossary): the run between their common beginning and end, in each.
    static func changedRun(from old: [String], to new: [String]) -> (removed: Range<Int>, added: Range<Int>) {
        let shorter = min(old.count, new.count)
        var start = 0
        while start < shorter, old[start] == new[start] { start += 1 }
        var end = 0
        while end < shorter - start, old[old.count - 1 - end] == new[new.count - 1 - end] { end += 1 }
        return (start..<(old.count - end), start..<(new.count - end))
    }

    /// Takes the titles in `removed` out; the ones after them move by the difference, keeping
    /// their order (ties go by index, and all of them stay after the ones before); the titles
    /// in `added` are placed where they sort.
    private func replace(_ removed: Range<Int>, with added: Range<Int>, _ titles: [String]) {
        let shift = added.count - removed.count
        order = order.compactMap { index in
            index < removed.lowerBound ? index : index >= removed.upperBound ? index + shift : nil
        }
        keys =
            Array(keys[..<removed.lowerBound]) + added.map { SiteRenderer.sortKey(titles[$0]) }
            + keys[removed.upperBound...]
        self.titles = titles
        for index in added {
            let place = order.partitioningIndex { SiteRenderer.titlePrecedes(index, $0, titles, keys) }
            order.insert(index, at: place)
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
