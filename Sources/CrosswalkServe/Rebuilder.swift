import CrosswalkKit
import Foundation

/// Runs builds on a thread of its own: a build is synchronous, CPU-bound work that must not
/// hold a thread of the cooperative pool the HTTP server answers on. Changes are debounced
/// (a burst of saves builds once) and changes that arrive during a build coalesce into one
/// more build after it.
final class Rebuilder: @unchecked Sendable {
    private let condition = NSCondition()
    // Guarded by `condition`.
    private var pending = false
    /// Everything that changed since the last build started.
    private var change = SourceChange.unknown
    private var firstChange = ContinuousClock.now
    private var lastChange = ContinuousClock.now
    private var stopping = false
    private var running = false

    private let debounce: Duration
    /// A steady stream of changes still builds at least this often.
    private let maximumDelay: Duration
    private let build: @Sendable (SourceChange) -> Void

    init(debounce: Duration, build: @escaping @Sendable (SourceChange) -> Void) {
        self.debounce = debounce
        self.maximumDelay = max(debounce * 10, .milliseconds(500))
        self.build = build
    }

    /// Starts the thread and the first build, at once.
    func start() {
        condition.lock()
        pending = true
        firstChange = .now - debounce
        lastChange = firstChange
        running = true
        condition.unlock()
        let thread = Thread { [self] in loop() }
        thread.name = "crosswalk-serve-build"
        thread.start()
    }

    /// Something under the source changed; safe from any thread.
    func changed(_ what: SourceChange = .unknown) {
        condition.lock()
        let now = ContinuousClock.now
        change = pending ? change.merged(with: what) : what
        if !pending { firstChange = now }
        pending = true
        lastChange = now
        condition.signal()
        condition.unlock()
    }

    /// Ends the thread, after the build in progress (if any) has finished writing: the caller
    /// is about to remove the folder it writes into.
    func stop() {
        condition.lock()
        stopping = true
        condition.broadcast()
        while running { condition.wait() }
        condition.unlock()
    }

    private func loop() {
        condition.lock()
        while waitForQuiet() {
            pending = false
            let what = change
            change = .unknown
            condition.unlock()
            build(what)
            condition.lock()
        }
        running = false
        condition.broadcast()
        condition.unlock()
    }

    /// Waits (holding the lock between waits) until a change has been followed by `debounce`
    /// of quiet, or `maximumDelay` has passed since the first unbuilt change. False when
    /// stopping.
    private func waitForQuiet() -> Bool {
        while !stopping {
            guard pending else {
                condition.wait()
                continue
            }
            let due = min(lastChange + debounce, firstChange + maximumDelay)
            let remaining = ContinuousClock.now.duration(to: due)
            if remaining <= .zero { return true }
            _ = condition.wait(until: Date(timeIntervalSinceNow: remaining.seconds))
        }
        return false
    }
}

extension Duration {
    var seconds: Double {
        let (whole, fraction) = components
        return Double(whole) + Double(fraction) / 1e18
    }
}
