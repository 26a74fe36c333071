import Foundation

extension SiteRenderer {
    /// Template fields for the page's neighbour graph, or nil when it has no neighbours. Only
    /// knowledge pages count (terms, constraints, tools, workflows, scenarios), not plain
    /// pages or section introductions.
    func neighbourGraph(for index: Int) -> TemplateFields? {
        let built = pages[index]
        let url = built.page.url
        let hrefs = HrefBase(from: url)
        func isNeighbour(_ other: Int) -> Bool {
            other != index && kinds[other] != .page && !folderIndexes[other]
        }
        // Sorted arrays, not sets: hashing every backlink of a much-linked term was most of
        // the cost. Backlinks and link targets come sorted and without repeats.
        var others = graph.related[index] ?? []
        if let verdicts = verdictsByTool[index] { others += verdicts.map(\.constraint) }
        // A constant: a `var` the filters below captured was checked for exclusive access on
        // every candidate.
        let outgoing = SortedIndices.merged(built.markdown.linkTargets, SortedIndices.of(others))
        let incoming = graph.backlinks[url] ?? []
        func has(_ sorted: [Int], _ value: Int) -> Bool {
            let place = sorted.partitioningIndex { $0 >= value }
            return place < sorted.count && sorted[place] == value
        }
        // Lazily filtered: the thousands linking a popular term are not copied first.
        let right = sample(outgoing.lazy.filter(isNeighbour))
        let left = sample(incoming.lazy.filter { !has(outgoing, $0) && isNeighbour($0) })
        func node(_ other: Int) -> NeighbourGraph.Node {
            NeighbourGraph.Node(
                text: (graphTitles[other], graphLabels[other]), kind: kinds[other], target: outputPaths[other],
                mutual: has(incoming, other) && has(outgoing, other))
        }
        let svg = NeighbourGraph.svg(
            title: built.title, left: left.shown.map(node), right: right.shown.map(node), leftMore: left.more,
            rightMore: right.more, hrefs: hrefs)
        guard !svg.isEmpty else { return nil }
        var shownKinds = [Bool](repeating: false, count: PageKind.allCases.count)
        for other in left.shown + right.shown { shownKinds[kinds[other].order] = true }
        let legend = PageKind.allCases.filter { shownKinds[$0.order] }.map { kind -> TemplateFields in
            ["key": NeighbourGraph.keys[kind.order], "label": kind.label]
        }
        return ["svg": TemplateHTML(svg), "legend": legend, "incoming": left.shown.count + left.more]
    }

    /// At most `NeighbourGraph.perSide` pages, shared out between kinds in turn so one kind
    /// cannot crowd out the others; shown in kind order, then by title.
    /// `candidates` without repeats, in any order.
    private func sample(_ candidates: some Sequence<Int>) -> (shown: [Int], more: Int) {
        let limit = NeighbourGraph.perSide
        let kindCount = PageKind.allCases.count
        // At most `limit` can be taken from any kind, so only each kind's first `limit` titles
        // are kept, without sorting the thousands that link to a popular term: in `limit`
        // slots per kind of one buffer, by insertion (ranks are positions, never equal).
        // Arrays per kind cost an allocation per insert.
        return withUnsafeTemporaryAllocation(of: Int.self, capacity: kindCount * (limit + 1)) { buffer in
            let slots = UnsafeMutableBufferPointer(rebasing: buffer[..<(kindCount * limit)])
            let kept = UnsafeMutableBufferPointer(rebasing: buffer[(kindCount * limit)...])
            _ = kept.initialize(from: repeatElement(0, count: kindCount))
            var count = 0
            titleRank.withUnsafeBufferPointer { rank in
                kinds.withUnsafeBufferPointer { kinds in
                    for candidate in candidates {
                        count += 1
                        let kind = kinds[candidate].order
                        let first = kind * limit
                        var filled = kept[kind]
                        let candidateRank = rank[candidate]
                        if filled == limit {
                            guard candidateRank < rank[slots[first + limit - 1]] else { continue }
                            filled -= 1
                        }
                        var place = first + filled
                        while place > first, rank[slots[place - 1]] > candidateRank {
                            slots[place] = slots[place - 1]
                            place -= 1
                        }
                        slots[place] = candidate
                        kept[kind] = filled + 1
                    }
                }
            }
            // Each kind's first `taken[kind]`, in kind order: all kept, or `limit` shared out.
            var taken = Array(kept)
            if count > limit {
                taken = Array(repeating: 0, count: kindCount)
                var total = 0
                while total < limit {
                    for kind in 0..<kindCount where total < limit && taken[kind] < kept[kind] {
                        taken[kind] += 1
                        total += 1
                    }
                }
            }
            var shown: [Int] = []
            shown.reserveCapacity(limit)
            for kind in 0..<kindCount { shown += slots[(kind * limit)..<(kind * limit + taken[kind])] }
            return (shown, count - shown.count)
        }
    }
}
