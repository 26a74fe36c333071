import Testing

@testable import CrosswalkKit

@Suite struct SortedIndicesTests {
    /// Two sorted lists without repeats merge into their sorted union, as sorting both together
    /// and dropping repeats does.
    @Test func sortedListsMergeIntoTheirUnion() {
        var random = SplitMix(seed: 100_000)
        for _ in 0..<2_000 {
            let first = Array(Set((0..<random.below(40)).map { _ in random.below(60) })).sorted()
            let second = Array(Set((0..<random.below(40)).map { _ in random.below(60) })).sorted()
            #expect(SortedIndices.merged(first, second) == Array(Set(first + second)).sorted())
        }
    }

    @Test func anyListComesOutSortedEachOnce() {
        var random = SplitMix(seed: 7)
        for _ in 0..<2_000 {
            let values = (0..<random.below(50)).map { _ in random.below(30) }
            #expect(SortedIndices.of(values) == Array(Set(values)).sorted())
        }
    }

    /// The page's link targets come sorted and each once, whatever order and repeats the links
    /// and auto-links had: renders and output keys merge them as they are.
    @Test func aPagesLinkTargetsAreSortedEachOnce() {
        let links = [9, 2, 9, 5].map { target in
            var link = OutgoingLink(.markdown, to: "t\(target)/", fragment: nil, at: nil)
            link.target = target
            return link
        }
        let markdown = RenderedMarkdown(html: "", links: links, autolinkTargets: [5, 1, 7, 1])
        #expect(markdown.linkTargets == [1, 2, 5, 7, 9])
    }
}
