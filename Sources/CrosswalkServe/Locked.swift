import Foundation

/// A value behind a lock, shared by the watcher and builder threads and the server's tasks.
/// (`Synchronization.Mutex` would do, but needs macOS 15 and the package supports 14.)
final class Locked<Value>: @unchecked Sendable {
    private let lock = NSLock()
    private var value: Value

    init(_ value: Value) {
        self.value = value
    }

    func withLock<Result>(_ body: (inout Value) throws -> Result) rethrows -> Result {
        lock.lock()
        defer { lock.unlock() }
        return try body(&value)
    }
}
