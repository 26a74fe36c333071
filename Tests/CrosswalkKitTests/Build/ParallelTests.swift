import Dispatch
import Foundation
import Testing

@testable import CrosswalkKit

/// The helpers that put whole-site passes on both cores keep order and hand back every result.
@Suite struct ParallelTests {
    @Test func parallelMapKeepsOrder() {
        let items = Array(0..<5_000)
        #expect(parallelMap(items) { $0 * 3 } == items.map { $0 * 3 })
        #expect(parallelMap([7]) { $0 + 1 } == [8])
        #expect(parallelMap([Int]()) { $0 }.isEmpty)
    }

    /// Every run is taken by exactly one iteration, whatever the count, and lists around the
    /// size where runs start holding several items keep their order.
    @Test func interleavedRunsCoverEveryRunOnce() {
        for runs in 0...65 {
            #expect((0..<runs).map { interleavedRun($0, of: runs) }.sorted() == Array(0..<runs))
        }
        for count in [63, 64, 511, 512, 513, 1_001] {
            let items = Array(0..<count)
            #expect(parallelMap(items) { $0 &* 7 } == items.map { $0 &* 7 })
        }
    }

    @Test func inParallelReturnsBothResultsInPlace() {
        let (text, number) = inParallel({ String(repeating: "a", count: 3) }, { (1...100).reduce(0, +) })
        #expect(text == "aaa" && number == 5_050)
    }

    /// Made on another thread, waited for, and the same on every read.
    @Test func backgroundValueIsWaitedForAndKept() {
        let started = DispatchSemaphore(value: 0)
        let background = Background { () -> [Int] in
            started.signal()
            return (0..<10_000).map { $0 * 2 }
        }
        started.wait()
        #expect(background.value.count == 10_000)
        #expect(background.value.last == 19_998)
    }
}
