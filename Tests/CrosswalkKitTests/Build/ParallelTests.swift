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

    /// Every item once, in order, whatever the list's length and the threads asked for
    /// (more threads than items, one thread, none).
    @Test func parallelMapWaitingKeepsOrder() {
        for count in [0, 1, 2, 15, 63, 64, 511, 512, 513, 5_000] {
            let items = Array(0..<count)
            for threads in [0, 1, 2, 16, 600] {
                #expect(parallelMapWaiting(items, threads: threads) { $0 &* 7 } == items.map { $0 &* 7 })
            }
        }
    }

    /// The threads asked for all run at once, more than the cores, which a reader waiting on
    /// the disk needs: each of the first eight items waits for the other seven to start. With
    /// fewer threads at once, the waits time out and the test fails (it never hangs).
    @Test func parallelMapWaitingRunsItsThreadsAtOnce() {
        let threads = 8
        let gate = StartGate()
        let metAll = parallelMapWaiting(Array(0..<threads), threads: threads) { _ in gate.arriveAndWait(for: threads) }
        #expect(metAll == Array(repeating: true, count: threads))
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

/// Lets callers through once `count` have arrived; false for one that waited ten seconds.
private final class StartGate: @unchecked Sendable {
    private let condition = NSCondition()
    private var arrived = 0

    func arriveAndWait(for count: Int) -> Bool {
        condition.lock()
        defer { condition.unlock() }
        arrived += 1
        condition.broadcast()
        let deadline = Date(timeIntervalSinceNow: 10)
        while arrived < count {
            if !condition.wait(until: deadline) { return false }
        }
        return true
    }
}
