import Foundation

/// Times the build's stages: `start` closes the running stage and opens the next. Each stage
/// gets its wall time and the CPU time the whole process spent meanwhile, which shows how
/// many cores it kept busy.
struct StageClock {
    private let progress: (@Sendable (String) -> Void)?
    private var current: (name: String, started: UInt64, cpu: Double)?
    private var timings: [StageTiming] = []

    init(progress: (@Sendable (String) -> Void)?) { self.progress = progress }

    mutating func start(_ name: String) {
        close()
        progress?(name)
        current = (name, DispatchTime.now().uptimeNanoseconds, Self.processCPU())
    }

    mutating func finish() -> [StageTiming] {
        close()
        return timings
    }

    private mutating func close() {
        guard let current else { return }
        timings.append(
            StageTiming(
                stage: current.name,
                seconds: Double(DispatchTime.now().uptimeNanoseconds - current.started) / 1e9,
                cpuSeconds: Self.processCPU() - current.cpu))
        self.current = nil
    }

    /// User and system CPU seconds of every thread so far.
    private static func processCPU() -> Double {
        var usage = rusage()
        guard getrusage(RUSAGE_SELF.rawValue, &usage) == 0 else { return 0 }
        func seconds(_ time: timeval) -> Double { Double(time.tv_sec) + Double(time.tv_usec) / 1e6 }
        return seconds(usage.ru_utime) + seconds(usage.ru_stime)
    }
}

/// One stage of a build: its name, wall seconds and the process's CPU seconds meanwhile.
public struct StageTiming: Sendable {
    public var stage: String
    public var seconds: Double
    public var cpuSeconds: Double
}
