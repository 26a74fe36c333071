/// What `crosswalk serve` was asked to do.
public struct ServeOptions: Sendable {
    public var sourceRoot: String
    public var host: String
    /// 0 picks a free port.
    public var port: Int
    /// Poll for changes instead of using inotify (network file systems, containers).
    public var poll: Bool

    public init(sourceRoot: String, host: String = "127.0.0.1", port: Int = 8080, poll: Bool = false) {
        self.sourceRoot = sourceRoot
        self.host = host
        self.port = port
        self.poll = poll
    }
}
