import Dispatch

/// Times the build's stages: `start` closes the running stage and opens the next.
struct StageClock {
    private let progress: (@Sendable (String) -> Void)?
    private var current: (name: String, started: UInt64)?
    private var timings: [(stage: String, seconds: Double)] = []

    init(progress: (@Sendable (String) -> Void)?) { self.progress = progress }

    mutating func start(_ name: String) {
        close()
        progress?(name)
        current = (name, DispatchTime.now().uptimeNanoseconds)
    }

    mutating func finish() -> [(stage: String, seconds: Double)] {
        close()
        return timings
    }

    private mutating func close() {
        guard let current else { return }
        timings.append((current.name, Double(DispatchTime.now().uptimeNanoseconds - current.started) / 1e9))
        self.current = nil
    }
}
