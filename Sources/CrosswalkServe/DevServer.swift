import CrosswalkKit
import FlyingFox
import FlyingSocks
import Foundation

/// What the server reports while it runs; the CLI decides how to show it.
public enum ServeEvent: Sendable {
    /// A build finished; `status.generation` numbers it.
    case built(ServeStatus, BuildReport)
    /// Something worth telling the user that is not a build result.
    case notice(String)
}

public enum ServeError: Error, CustomStringConvertible {
    case alreadyStarted
    case invalidAddress(String, port: Int)
    case cannotListen(String, port: Int, reason: String)
    case cannotCreateWorkspace(String)

    public var description: String {
        switch self {
        case .alreadyStarted: "the server was already started"
        case .invalidAddress(let host, let port): "cannot listen on \(host) port \(port): not an IP address and port"
        case .cannotListen(let host, let port, let reason): "cannot listen on \(host) port \(port): \(reason)"
        case .cannotCreateWorkspace(let reason): "cannot create a temporary folder for the site: \(reason)"
        }
    }
}

/// `crosswalk serve`: builds the site into a private temporary folder, serves it over HTTP,
/// rebuilds when the source changes and tells open pages to reload. A failed build leaves
/// the last good site in place and shows its errors in the browser. One start per instance.
public final class DevServer: Sendable {
    public let options: ServeOptions
    private let onEvent: @Sendable (ServeEvent) -> Void
    let state = BuildState()
    private let phase = Locked(Phase.idle)

    private enum Phase {
        case idle
        case starting(Task<Int, any Error>, stopRequested: Bool)
        case running(Running)
        case stopped
    }

    private struct Running: Sendable {
        var server: HTTPServer
        var serverTask: Task<Void, Never>
        var watcher: any ChangeWatcher
        var rebuilder: Rebuilder
        var workspace: String
    }

    public init(options: ServeOptions, onEvent: @escaping @Sendable (ServeEvent) -> Void = { _ in }) {
        self.options = options
        self.onEvent = onEvent
    }

    /// Finished builds so far, good or bad.
    public var generation: Int { state.status.generation }
    /// The latest build's outcome.
    public var status: ServeStatus { state.status }

    /// The folder the site is built into, while running.
    var siteFolder: String? {
        phase.withLock { phase in
            guard case .running(let running) = phase else { return nil }
            return joinPath(running.workspace, "site")
        }
    }

    /// Listens, then builds the site once; returns the port it listens on (useful with port 0).
    public func start() async throws -> Int {
        let task: Task<Int, any Error> = try phase.withLock { phase in
            guard case .idle = phase else { throw ServeError.alreadyStarted }
            let task = Task { try await self.launch() }
            phase = .starting(task, stopRequested: false)
            return task
        }
        return try await task.value
    }

    /// Stops listening and watching, waits for a build in progress, removes the temporary
    /// folder. Also makes a `start()` still in progress give up.
    public func stop() async {
        let (starting, running) = phase.withLock { phase -> (Task<Int, any Error>?, Running?) in
            switch phase {
            case .idle, .stopped:
                phase = .stopped
                return (nil, nil)
            case .starting(let task, _):
                phase = .starting(task, stopRequested: true)
                return (task, nil)
            case .running(let running):
                phase = .stopped
                return (nil, running)
            }
        }
        // Answers open long-polls, and a start-up still waiting for its first build.
        state.close()
        if let starting { _ = await starting.result }
        if let running { await Self.tearDown(running) }
    }

    private func launch() async throws -> Int {
        // Checked before anything is built, so a typo fails at once.
        let address = try Self.address(options.host, options.port)
        let workspace = try Self.makeWorkspace()
        let site = joinPath(workspace, "site")
        // No base URL: the preview lives at this server's root, not where the site is published.
        // One incremental builder for the whole session: an edit rebuilds what it affects.
        let builder = IncrementalBuilder(
            options: BuildOptions(sourceRoot: options.sourceRoot, outputDirectory: site, baseURL: ""))
        let rebuilder = Rebuilder(debounce: options.debounce) { [state, onEvent] change in
            let report = builder.build(change)
            onEvent(.built(state.publish(report), report))
            // Pages taken from `crosswalk build`'s cache have no recorded words: read them now,
            // while the reader looks at the site, rather than in the first rename.
            if report.published { builder.recordWords() }
        }
        // Watching starts first so an edit made during the first build is not missed.
        let watcher = startWatcher(onChange: rebuilder.changed)
        var server: (HTTPServer, Task<Void, Never>)?
        do {
            // Listening before the first build: a busy port fails fast, and a browser that
            // connects meanwhile waits on a page that reloads when the site is ready.
            let handler = RequestHandler(
                files: SiteFiles(root: site, lock: builder.outputLock), state: state, longPoll: options.longPoll)
            let http = HTTPServer(
                address: address, timeout: options.longPoll.seconds + 30, logger: .disabled, handler: handler)
            let (serverTask, port) = try await Self.listen(http, options.host, options.port)
            server = (http, serverTask)
            rebuilder.start()
            _ = await state.wait(since: 0, timeout: .seconds(86_400))
            let running = Running(
                server: http, serverTask: serverTask, watcher: watcher, rebuilder: rebuilder, workspace: workspace)
            try phase.withLock { phase in
                guard case .starting(_, false) = phase else { throw CancellationError() }
                phase = .running(running)
            }
            return port
        } catch {
            if let (http, task) = server {
                await http.stop(timeout: 0)
                await task.value
            }
            await Self.offPool {
                watcher.stop()
                rebuilder.stop()
            }
            try? FileManager.default.removeItem(atPath: workspace)
            phase.withLock { $0 = .stopped }
            throw error
        }
    }

    /// inotify unless `--poll` (or inotify is unavailable or out of watches).
    private func startWatcher(onChange: @escaping @Sendable (SourceChange) -> Void) -> any ChangeWatcher {
        #if canImport(Glibc)
            if !options.poll {
                do {
                    let watcher = try InotifyWatcher(root: options.sourceRoot, onChange: onChange)
                    try watcher.start()
                    return watcher
                } catch {
                    onEvent(.notice("cannot watch with inotify (\(error)); polling for changes instead"))
                }
            }
        #endif
        let watcher = PollingWatcher(root: options.sourceRoot, interval: options.pollInterval) { onChange(.unknown) }
        watcher.start()
        return watcher
    }

    private static func tearDown(_ running: Running) async {
        await running.server.stop(timeout: 0)
        await running.serverTask.value
        await offPool {
            running.watcher.stop()
            running.rebuilder.stop()
        }
        try? FileManager.default.removeItem(atPath: running.workspace)
    }

    /// Runs blocking work (joining threads, waiting for a build) on a thread of its own.
    private static func offPool(_ work: @escaping @Sendable () -> Void) async {
        await withCheckedContinuation { continuation in
            Thread {
                work()
                continuation.resume()
            }.start()
        }
    }

    private static let workspacePrefix = "crosswalk-serve-"

    /// A private (0700) folder: `<tmp>/crosswalk-serve-<pid>-XXXXXX`.
    private static func makeWorkspace() throws -> String {
        let temporary = NSTemporaryDirectory()
        removeStaleWorkspaces(in: temporary)
        var template = Array(joinPath(temporary, "\(workspacePrefix)\(getpid())-XXXXXX").utf8CString)
        let made = template.withUnsafeMutableBufferPointer { buffer in
            buffer.baseAddress.flatMap { mkdtemp($0) }.map { String(cString: $0) }
        }
        guard let made else { throw ServeError.cannotCreateWorkspace(String(cString: strerror(errno))) }
        return made
    }

    /// Removes folders that servers killed mid-build (SIGKILL, a crash, a second Ctrl-C) left
    /// behind: ours, named like ours, and their process is gone.
    private static func removeStaleWorkspaces(in directory: String) {
        let names = (try? FileManager.default.contentsOfDirectory(atPath: directory)) ?? []
        for name in names where name.hasPrefix(workspacePrefix) {
            let parts = name.dropFirst(workspacePrefix.count).split(separator: "-")
            guard parts.count == 2, parts[1].count == 6, let pid = Int32(parts[0]), pid > 0, pid != getpid(),
                kill(pid, 0) != 0, errno == ESRCH
            else { continue }
            let path = joinPath(directory, name)
            var info = stat()
            guard lstat(path, &info) == 0, info.st_mode & S_IFMT == S_IFDIR, info.st_uid == getuid() else { continue }
            try? FileManager.default.removeItem(atPath: path)
        }
    }

    static func address(_ host: String, _ port: Int) throws -> any SocketAddress {
        guard let number = UInt16(exactly: port) else { throw ServeError.invalidAddress(host, port: port) }
        var ip = host == "localhost" ? "127.0.0.1" : host
        if ip.hasPrefix("[") && ip.hasSuffix("]") { ip = String(ip.dropFirst().dropLast()) }
        do {
            if ip.contains(":") { return try sockaddr_in6.inet6(ip6: ip, port: number) }
            return try sockaddr_in.inet(ip4: ip, port: number)
        } catch {
            throw ServeError.invalidAddress(host, port: port)
        }
    }

    /// Runs the server and returns once it listens, or throws why it cannot.
    private static func listen(_ server: HTTPServer, _ host: String, _ port: Int) async throws -> (
        Task<Void, Never>, Int
    ) {
        let (events, continuation) = AsyncStream<Result<Int, any Error>>.makeStream()
        let serverTask = Task {
            do {
                try await server.run()
            } catch {
                continuation.yield(.failure(error))
            }
            continuation.yield(.failure(CancellationError()))
        }
        let ready = Task {
            do {
                try await server.waitUntilListening(timeout: 10)
                switch await server.listeningAddress {
                case .ip4(_, let port), .ip6(_, let port): continuation.yield(.success(Int(port)))
                default: continuation.yield(.failure(SocketError.unsupportedAddress))
                }
            } catch {
                continuation.yield(.failure(error))
            }
        }
        for await event in events {
            ready.cancel()
            continuation.finish()
            switch event {
            case .success(let bound):
                return (serverTask, bound)
            case .failure(let error):
                await server.stop(timeout: 0)
                await serverTask.value
                let reason = (error as? SocketError).map { socketReason($0) } ?? "\(error)"
                throw ServeError.cannotListen(host, port: port, reason: reason)
            }
        }
        throw ServeError.cannotListen(host, port: port, reason: "the server ended")
    }

    private static func socketReason(_ error: SocketError) -> String {
        if case .failed(_, _, let message) = error { return message.lowercased() }
        return error.localizedDescription
    }
}
