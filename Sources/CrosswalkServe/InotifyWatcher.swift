#if canImport(Glibc)
    import CrosswalkKit
    import Foundation
    import Glibc

    /// Watches with Linux inotify: one watch per folder of `content/` and `templates/`
    /// (inotify is not recursive), added as folders appear, and one on the source root for
    /// `crosswalk.yml` and the two trees themselves.
    final class InotifyWatcher: ChangeWatcher, @unchecked Sendable {
        private let paths: WatchedPaths
        private let onChange: @Sendable (SourceChange) -> Void
        private let wakePipe: WakePipe
        private let descriptor: Int32
        private let finished = DispatchSemaphore(value: 0)
        // Touched by `start()` before the thread exists, then only by the thread.
        private var watches: [Int32: String] = [:]
        private var rootWatch: Int32 = -1

        private static let folderMask = UInt32(
            IN_CREATE | IN_CLOSE_WRITE | IN_DELETE | IN_MOVED_FROM | IN_MOVED_TO | IN_ATTRIB | IN_DELETE_SELF
                | IN_MOVE_SELF | IN_ONLYDIR)
        private static let rootMask = UInt32(
            IN_CREATE | IN_CLOSE_WRITE | IN_DELETE | IN_MOVED_FROM | IN_MOVED_TO | IN_ATTRIB | IN_ONLYDIR)

        init(root: String, onChange: @escaping @Sendable (SourceChange) -> Void) throws {
            paths = WatchedPaths(root: root)
            self.onChange = onChange
            wakePipe = try WakePipe()
            descriptor = inotify_init1(Int32(IN_NONBLOCK | IN_CLOEXEC))
            guard descriptor >= 0 else { throw WatchError.system("inotify_init1", errno) }
        }

        deinit {
            close(descriptor)
        }

        func start() throws {
            rootWatch = inotify_add_watch(descriptor, paths.root, Self.rootMask)
            guard rootWatch >= 0 else { throw WatchError.system("inotify_add_watch \(paths.root)", errno) }
            try rescan()
            let thread = Thread { [self] in
                run()
                finished.signal()
            }
            thread.name = "crosswalk-serve-inotify"
            thread.start()
        }

        func stop() {
            wakePipe.wake()
            finished.wait()
        }

        private func run() {
            var buffer = [UInt8](repeating: 0, count: 64 * 1024)
            var fds = [
                pollfd(fd: descriptor, events: Int16(POLLIN), revents: 0),
                pollfd(fd: wakePipe.readEnd, events: Int16(POLLIN), revents: 0),
            ]
            while true {
                fds[0].revents = 0
                fds[1].revents = 0
                if poll(&fds, 2, -1) < 0 {
                    if errno == EINTR { continue }
                    return
                }
                if fds[1].revents != 0 { return }
                var change: SourceChange?
                while true {
                    let count = buffer.withUnsafeMutableBytes { read(descriptor, $0.baseAddress, $0.count) }
                    if count <= 0 { break }
                    if let seen = handleEvents(buffer, count: count) { change = change?.merged(with: seen) ?? seen }
                }
                if let change { onChange(change) }
            }
        }

        /// What the events in the buffer change for the build (nil: nothing); adds and drops
        /// watches as folders come and go. Files written in place under `content/` are named,
        /// so the build need not look at every file; anything else is `.unknown`.
        private func handleEvents(_ buffer: [UInt8], count: Int) -> SourceChange? {
            var change: SourceChange?
            func note(_ seen: SourceChange) { change = change?.merged(with: seen) ?? seen }
            var needsRescan = false
            var offset = 0
            buffer.withUnsafeBytes { bytes in
                while offset + 16 <= count {
                    let watch = bytes.loadUnaligned(fromByteOffset: offset, as: Int32.self)
                    let mask = bytes.loadUnaligned(fromByteOffset: offset + 4, as: UInt32.self)
                    let length = Int(bytes.loadUnaligned(fromByteOffset: offset + 12, as: UInt32.self))
                    let nameBytes = bytes[(offset + 16)..<min(offset + 16 + length, count)].prefix { $0 != 0 }
                    let name = String(decoding: nameBytes, as: UTF8.self)
                    offset += 16 + length
                    if mask & UInt32(IN_Q_OVERFLOW) != 0 {
                        note(.unknown)
                        needsRescan = true
                        continue
                    }
                    if mask & UInt32(IN_IGNORED) != 0 {
                        watches[watch] = nil
                        continue
                    }
                    let isFolder = mask & UInt32(IN_ISDIR) != 0
                    if watch == rootWatch {
                        guard WatchedPaths.mattersAtRoot(name) else { continue }
                        note(.unknown)
                        needsRescan = needsRescan || name != WatchedPaths.configName
                        continue
                    }
                    guard let folder = watches[watch] else { continue }
                    if mask & UInt32(IN_DELETE_SELF | IN_MOVE_SELF) != 0 {
                        note(.unknown)
                        needsRescan = true
                        continue
                    }
                    if !name.isEmpty && WatchedPaths.ignored(name) { continue }
                    // A file written in place under content/ is named; a file or folder
                    // created, removed or renamed, or anything in templates/, is not.
                    let inPlace =
                        !isFolder && !name.isEmpty
                        && mask & UInt32(IN_CREATE | IN_DELETE | IN_MOVED_FROM | IN_MOVED_TO) == 0
                    let underContent = folder == paths.content || folder.hasPrefix(paths.content + "/")
                    note(inPlace && underContent ? .files([joinPath(folder, name)]) : .unknown)
                    if isFolder && mask & UInt32(IN_CREATE | IN_MOVED_TO) != 0 {
                        addTree(joinPath(folder, name))
                    } else if isFolder && mask & UInt32(IN_MOVED_FROM) != 0 {
                        // The moved folder's watches still report, under its old path.
                        needsRescan = true
                    }
                }
            }
            if needsRescan { try? rescan() }
            return change
        }

        private func addTree(_ tree: String) {
            WatchedPaths.folders(under: tree) { folder in
                let watch = inotify_add_watch(descriptor, folder, Self.folderMask)
                if watch >= 0 { watches[watch] = folder }
            }
        }

        /// Watches every folder of the trees as they are now and drops watches on folders
        /// that left them. A watch on the same folder keeps its number, so this is cheap.
        private func rescan() throws {
            var fresh: [Int32: String] = [:]
            var outOfWatches = false
            for tree in paths.trees {
                WatchedPaths.folders(under: tree) { folder in
                    let watch = inotify_add_watch(descriptor, folder, Self.folderMask)
                    if watch >= 0 {
                        fresh[watch] = folder
                    } else if errno == ENOSPC {
                        outOfWatches = true
                    }
                }
                if outOfWatches {
                    throw WatchError.system(
                        "inotify_add_watch (raise fs.inotify.max_user_watches, or use --poll)", ENOSPC)
                }
            }
            for watch in watches.keys where fresh[watch] == nil && watch != rootWatch {
                inotify_rm_watch(descriptor, watch)
            }
            watches = fresh
        }
    }
#endif
