/// What `crosswalk serve` was asked to do.
public struct ServeOptions: Sendable {
    public var sourceRoot: String
    public var host: String
    /// 0 picks a free port.
    public var port: Int
    /// Poll for changes instead of using inotify (network file systems, containers).
    public var poll: Bool
    /// Quiet time after the last change before a rebuild starts, so a burst of saves builds once.
    public var debounce: Duration
    /// How often `--poll` looks at the files.
    public var pollInterval: Duration
    /// How long `/__crosswalk/wait` holds a request when nothing changes.
    public var longPoll: Duration

    public init(
        sourceRoot: String, host: String = "127.0.0.1", port: Int = 8080, poll: Bool = false,
        debounce: Duration = .milliseconds(50), pollInterval: Duration = .milliseconds(300),
        longPoll: Duration = .seconds(25)
    ) {
        self.sourceRoot = sourceRoot
        self.host = host
        self.port = port
        self.poll = poll
        self.debounce = debounce
        self.pollInterval = pollInterval
        self.longPoll = longPoll
    }
}
