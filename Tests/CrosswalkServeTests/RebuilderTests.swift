import CrosswalkKit
import Foundation
import Testing

@testable import CrosswalkServe

@Suite struct RebuilderTests {
    final class Counter: Sendable {
        let builds = Locked(0)
        let inBuild = Locked(false)
        let release = Locked(true)
        var count: Int { builds.withLock { $0 } }
    }

    @Test func buildsOnceAtStartAndOnceForABurstOfChanges() async throws {
        let counter = Counter()
        let rebuilder = Rebuilder(debounce: .milliseconds(100)) { _ in counter.builds.withLock { $0 += 1 } }
        rebuilder.start()
        #expect(await eventually { counter.count == 1 })
        for _ in 0..<20 { rebuilder.changed() }
        #expect(await eventually { counter.count == 2 })
        // Long enough for a wrongly scheduled third build to show up.
        try await Task.sleep(for: .milliseconds(250))
        #expect(counter.count == 2)
        rebuilder.stop()
    }

    @Test func changesDuringABuildCoalesceIntoOneMoreBuild() async throws {
        let counter = Counter()
        let rebuilder = Rebuilder(debounce: .milliseconds(10)) { _ in
            counter.builds.withLock { $0 += 1 }
            counter.inBuild.withLock { $0 = true }
            while !counter.release.withLock({ $0 }) { usleep(1000) }
            counter.inBuild.withLock { $0 = false }
        }
        counter.release.withLock { $0 = false }
        rebuilder.start()
        #expect(await eventually { counter.inBuild.withLock { $0 } })
        for _ in 0..<5 { rebuilder.changed() }
        counter.release.withLock { $0 = true }
        #expect(await eventually { counter.count == 2 })
        try await Task.sleep(for: .milliseconds(150))
        #expect(counter.count == 2)
        rebuilder.stop()
    }

    @Test func stopWaitsForTheBuildInProgress() async {
        let counter = Counter()
        counter.release.withLock { $0 = false }
        let rebuilder = Rebuilder(debounce: .milliseconds(10)) { _ in
            counter.inBuild.withLock { $0 = true }
            while !counter.release.withLock({ $0 }) { usleep(1000) }
            counter.builds.withLock { $0 += 1 }
        }
        rebuilder.start()
        #expect(await eventually { counter.inBuild.withLock { $0 } })
        let stopped = Locked(false)
        Thread {
            rebuilder.stop()
            stopped.withLock { $0 = true }
        }.start()
        try? await Task.sleep(for: .milliseconds(50))
        #expect(!stopped.withLock { $0 })
        counter.release.withLock { $0 = true }
        #expect(await eventually { stopped.withLock { $0 } })
        #expect(counter.count == 1)
    }

    /// Each build hears what changed since the one before: named files add up, and anything
    /// unknown makes the whole change unknown (the first build knows nothing).
    @Test func aBuildIsToldWhatChangedSinceTheLast() async throws {
        let seen = Locked<[SourceChange]>([])
        let rebuilder = Rebuilder(debounce: .milliseconds(50)) { change in seen.withLock { $0.append(change) } }
        rebuilder.start()
        #expect(await eventually { seen.withLock { $0.count } == 1 })
        rebuilder.changed(.files(["/site/content/a.md"]))
        rebuilder.changed(.files(["/site/content/b.md"]))
        #expect(await eventually { seen.withLock { $0.count } == 2 })
        rebuilder.changed(.files(["/site/content/a.md"]))
        rebuilder.changed(.unknown)
        #expect(await eventually { seen.withLock { $0.count } == 3 })
        #expect(
            seen.withLock { $0 } == [.unknown, .files(["/site/content/a.md", "/site/content/b.md"]), .unknown])
        rebuilder.stop()
    }
}
