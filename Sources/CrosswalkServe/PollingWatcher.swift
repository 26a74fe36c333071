import CrosswalkKit
import Foundation

#if canImport(Glibc)
    import Glibc
#elseif canImport(Darwin)
    import Darwin
#endif

/// Watches by looking: every `interval` it hashes the path, size and modification time of
/// every file the build reads, and reports when the hash changes. For file systems where
/// inotify sees nothing (network shares, some container mounts).
final class PollingWatcher: ChangeWatcher, @unchecked Sendable {
    private let paths: WatchedPaths
    private let interval: Duration
    private let onChange: @Sendable () -> Void
    private let condition = NSCondition()
    // Guarded by `condition`.
    private var stopping = false
    private var running = false

    init(root: String, interval: Duration, onChange: @escaping @Sendable () -> Void) {
        paths = WatchedPaths(root: root)
        self.interval = interval
        self.onChange = onChange
    }

    func start() {
        let initial = signature()
        condition.lock()
        running = true
        condition.unlock()
        let thread = Thread { [self] in run(from: initial) }
        thread.name = "crosswalk-serve-poll"
        thread.start()
    }

    func stop() {
        condition.lock()
        stopping = true
        condition.broadcast()
        while running { condition.wait() }
        condition.unlock()
    }

    private func run(from initial: Int) {
        var last = initial
        condition.lock()
        while !stopping {
            _ = condition.wait(until: Date(timeIntervalSinceNow: interval.seconds))
            if stopping { break }
            condition.unlock()
            let now = signature()
            if now != last {
                last = now
                onChange()
            }
            condition.lock()
        }
        running = false
        condition.broadcast()
        condition.unlock()
    }

    /// One number for the state of every watched file; any edit, addition, removal or
    /// rename changes it.
    func signature() -> Int {
        var hasher = Hasher()
        add(paths.config, to: &hasher)
        for tree in paths.trees {
            for folder in WatchedPaths.folders(under: tree) {
                hasher.combine(folder)
                let names = (try? FileManager.default.contentsOfDirectory(atPath: folder)) ?? []
                for name in names.sorted() where !WatchedPaths.ignored(name) {
                    add(joinPath(folder, name), to: &hasher)
                }
            }
        }
        return hasher.finalize()
    }

    private func add(_ path: String, to hasher: inout Hasher) {
        var info = stat()
        guard stat(path, &info) == 0 else {
            hasher.combine(path + " missing")
            return
        }
        hasher.combine(path)
        hasher.combine(Int64(info.st_size))
        #if canImport(Darwin)
            hasher.combine(info.st_mtimespec.tv_sec)
            hasher.combine(info.st_mtimespec.tv_nsec)
        #else
            hasher.combine(info.st_mtim.tv_sec)
            hasher.combine(info.st_mtim.tv_nsec)
        #endif
        hasher.combine(UInt64(info.st_ino))
    }
}
