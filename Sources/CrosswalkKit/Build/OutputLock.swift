import Foundation

/// Readers and the writer of an output folder whose files are rewritten in place. `serve`
/// rewrites a page by truncating and writing the same file, not by renaming a new file over
/// it: making a file on ext4 searches the inode table past every recently deleted inode, and
/// that was a quarter of a summary edit's time. Its server reads under this lock, so it never
/// sends half a page.
public final class OutputLock: @unchecked Sendable {
    private let lock: UnsafeMutablePointer<pthread_rwlock_t>

    public init() {
        lock = .allocate(capacity: 1)
        pthread_rwlock_init(lock, nil)
    }

    deinit {
        pthread_rwlock_destroy(lock)
        lock.deallocate()
    }

    /// Runs `body` while no file is being written; reads may overlap.
    public func reading<T>(_ body: () throws -> T) rethrows -> T {
        pthread_rwlock_rdlock(lock)
        defer { pthread_rwlock_unlock(lock) }
        return try body()
    }

    /// Runs `body` alone: no read or other write overlaps it.
    public func writing<T>(_ body: () throws -> T) rethrows -> T {
        pthread_rwlock_wrlock(lock)
        defer { pthread_rwlock_unlock(lock) }
        return try body()
    }
}
