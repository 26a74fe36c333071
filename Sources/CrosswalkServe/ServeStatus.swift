import CrosswalkKit
import Foundation

/// What the browser learns about builds, as JSON from `/__crosswalk/status` and
/// `/__crosswalk/wait`.
public struct ServeStatus: Sendable, Equatable, Codable {
    /// One diagnostic in the flat shape `crosswalk build --format json` prints.
    public struct Record: Sendable, Equatable, Codable {
        public var file: String
        public var line: Int
        public var column: Int
        public var severity: String
        public var code: String
        public var message: String
        public var hint: String?

        public init(_ diagnostic: Diagnostic) {
            file = diagnostic.location.file
            line = diagnostic.location.line
            column = diagnostic.location.column
            severity = diagnostic.severity.rawValue
            code = diagnostic.code.rawValue
            message = diagnostic.message
            hint = diagnostic.hint
        }
    }

    /// Counts finished builds, good or bad; 0 before the first one ends.
    public var generation: Int
    /// Whether the latest build succeeded (and so is what is being served).
    public var ok: Bool
    public var diagnostics: [Record]

    public init(generation: Int = 0, ok: Bool = false, diagnostics: [Record] = []) {
        self.generation = generation
        self.ok = ok
        self.diagnostics = diagnostics
    }

    var json: Data {
        let encoder = JSONEncoder()
        encoder.outputFormatting = [.sortedKeys, .withoutEscapingSlashes]
        return (try? encoder.encode(self)) ?? Data("{}".utf8)
    }
}

/// The latest build's outcome, and the long-poll requests waiting for the next one. Builds
/// publish from the builder thread; requests wait on the server's tasks.
final class BuildState: Sendable {
    private struct Waiter {
        var since: Int
        var continuation: CheckedContinuation<ServeStatus, Never>
    }

    private struct Storage {
        var status = ServeStatus()
        /// The generation whose files are on disk; 0 while there are none.
        var siteGeneration = 0
        var waiters: [Int: Waiter] = [:]
        var nextWaiter = 0
        var closed = false
    }

    private let storage = Locked(Storage())

    var status: ServeStatus { storage.withLock { $0.status } }
    var siteGeneration: Int { storage.withLock { $0.siteGeneration } }

    /// Records a finished build and answers every request waiting for it.
    @discardableResult
    func publish(_ report: BuildReport) -> ServeStatus {
        publish(diagnostics: report.diagnostics, published: report.published)
    }

    /// `published`: the build swapped in a new site.
    @discardableResult
    func publish(diagnostics: [Diagnostic], published: Bool) -> ServeStatus {
        let (status, ready) = storage.withLock { storage in
            let generation = storage.status.generation + 1
            storage.status = ServeStatus(
                generation: generation, ok: !diagnostics.hasErrors,
                diagnostics: diagnostics.sortedForDisplay.map(ServeStatus.Record.init))
            if published { storage.siteGeneration = generation }
            let ready = storage.waiters.filter { $0.value.since < generation }
            for id in ready.keys { storage.waiters[id] = nil }
            return (storage.status, ready.values.map(\.continuation))
        }
        for continuation in ready { continuation.resume(returning: status) }
        return status
    }

    /// The status once its generation passes `since`, or as it is after `timeout`, on
    /// cancellation, or when the server stops.
    func wait(since: Int, timeout: Duration) async -> ServeStatus {
        let id = storage.withLock { storage in
            storage.nextWaiter += 1
            return storage.nextWaiter
        }
        let timer = Task { [self] in
            try? await Task.sleep(for: timeout)
            resume(id)
        }
        defer { timer.cancel() }
        return await withTaskCancellationHandler {
            await withCheckedContinuation { continuation in
                let now: ServeStatus? = storage.withLock { storage in
                    // Checked under the lock: a cancellation that ran before the waiter was
                    // registered found nothing to resume.
                    if storage.closed || storage.status.generation > since || Task.isCancelled {
                        return storage.status
                    }
                    storage.waiters[id] = Waiter(since: since, continuation: continuation)
                    return nil
                }
                if let now { continuation.resume(returning: now) }
            }
        } onCancel: {
            resume(id)
        }
    }

    /// Answers every waiting request now and any later one at once: the server is stopping.
    func close() {
        let (status, waiting) = storage.withLock { storage in
            storage.closed = true
            defer { storage.waiters = [:] }
            return (storage.status, storage.waiters.values.map(\.continuation))
        }
        for continuation in waiting { continuation.resume(returning: status) }
    }

    private func resume(_ id: Int) {
        let found = storage.withLock { storage in
            storage.waiters.removeValue(forKey: id).map { ($0.continuation, storage.status) }
        }
        if let (continuation, status) = found { continuation.resume(returning: status) }
    }
}
