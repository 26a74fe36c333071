/// Lists of page indices kept sorted and without repeats, joined by merging: a page's link
/// targets are sorted once, in the parallel Markdown stage, and the lists each page's render
/// and output key make from them (neighbours, the titles it shows) are merges, not sorts.
enum SortedIndices {
    /// `values` sorted, each once.
    static func of(_ values: [Int]) -> [Int] {
        var values = values
        values.sort()
        var kept = 0
        for index in values.indices where kept == 0 || values[kept - 1] != values[index] {
            values[kept] = values[index]
            kept += 1
        }
        values.removeLast(values.count - kept)
        return values
    }

    /// The union of two sorted lists without repeats, sorted and without repeats.
    static func merged(_ first: [Int], _ second: [Int]) -> [Int] {
        if first.isEmpty { return second }
        if second.isEmpty { return first }
        var result: [Int] = []
        result.reserveCapacity(first.count + second.count)
        var (a, b) = (0, 0)
        while a < first.count || b < second.count {
            if b == second.count || (a < first.count && first[a] < second[b]) {
                result.append(first[a])
                a += 1
            } else if a == first.count || second[b] < first[a] {
                result.append(second[b])
                b += 1
            } else {
                result.append(first[a])
                a += 1
                b += 1
            }
        }
        return result
    }
}
