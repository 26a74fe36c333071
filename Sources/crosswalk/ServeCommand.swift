import ArgumentParser
import CrosswalkKit
import CrosswalkServe
import Foundation

struct ServeCommand: ParsableCommand {
    static let configuration = CommandConfiguration(
        commandName: "serve",
        abstract: "Build, serve on this machine, and rebuild and reload the browser on every change.")

    @Option(name: .long, help: "Folder holding content/, templates/ and crosswalk.yml.")
    var source: String = "."

    @Option(help: "Port to listen on (0 picks a free one).")
    var port: Int = 8080

    @Option(help: "Address to listen on. Anything but a loopback address shows the site to your network.")
    var host: String = "127.0.0.1"

    @Flag(help: "Poll for changes instead of using inotify (network or container file systems).")
    var poll = false

    @Flag(name: .shortAndLong, help: "Also print how long each stage of every rebuild took.")
    var verbose = false

    func validate() throws {
        guard (0...65535).contains(port) else { throw ValidationError("--port must be between 0 and 65535") }
        var isDirectory: ObjCBool = false
        guard FileManager.default.fileExists(atPath: absolute(source), isDirectory: &isDirectory), isDirectory.boolValue
        else { throw ValidationError("no folder at \(source)") }
    }

    /// Blocks until SIGINT or SIGTERM; the root command is synchronous, so the server runs on
    /// tasks while this thread waits.
    func run() throws {
        let root = absolute(source)
        let options = ServeOptions(sourceRoot: root, host: host, port: port, poll: poll)
        let verbose = verbose
        let server = DevServer(options: options) { Self.show($0, verbose: verbose) }
        let finished = DispatchSemaphore(value: 0)
        let outcome = StartOutcome()
        let queue = DispatchQueue(label: "crosswalk-serve-signals")
        let signals = Self.onSignals([SIGINT, SIGTERM], queue: queue) {
            outcome.signals += 1
            guard outcome.signals == 1 else {
                // A build cannot be interrupted; a second signal quits without waiting for it.
                outcome.forced = true
                finished.signal()
                return
            }
            Task {
                await server.stop()
                queue.async {
                    outcome.stopped = true
                    finished.signal()
                }
            }
            queue.asyncAfter(deadline: .now() + 0.5) {
                guard !outcome.stopped else { return }
                Output.standardError("waiting for the build in progress to finish (press Ctrl-C again to quit now)")
            }
        }
        let host = host
        Output.standardError("building \(displayPath(root))…")
        Task {
            do {
                let bound = try await server.start()
                let shown = host.contains(":") ? "[\(host)]" : host
                // Unbuffered: whatever reads standard output sees the address at once.
                let line = "serving \(displayPath(root)) at http://\(shown):\(bound)/ (Ctrl-C to stop)\n"
                FileHandle.standardOutput.write(Data(line.utf8))
                if !Self.isLoopback(host) {
                    Output.standardError("warning: listening on \(host): other machines can read this site")
                }
            } catch is CancellationError {
                // Stopped by a signal during the first build; the signal handler finishes.
            } catch {
                outcome.error = error
                finished.signal()
            }
        }
        finished.wait()
        withExtendedLifetime(signals) {}
        if outcome.forced { throw ExitCode(130) }
        if let error = outcome.error {
            Output.standardError("error: \(error)")
            throw ExitCode.failure
        }
    }

    /// Build results as `build` prints them; after the first build, warnings only as a count,
    /// so an edit's output is about that edit.
    @Sendable static func show(_ event: ServeEvent, verbose: Bool) {
        switch event {
        case .built(let status, let report):
            let first = status.generation == 1
            DiagnosticPrinter.print(report.diagnostics.filter { first || $0.severity == .error }, format: .text)
            let seconds = String(format: "%.2f", report.seconds)
            let errors = report.diagnostics.errorCount
            let warnings = report.diagnostics.warningCount
            let warningNote = warnings > 0 ? " (\(warnings) warning\(warnings == 1 ? "" : "s"))" : ""
            if report.succeeded {
                Output.standardError(
                    "[\(status.generation)] built \(report.pageCount) pages in \(seconds) s\(warningNote)")
            } else {
                Output.standardError(
                    "[\(status.generation)] build failed: \(errors) error\(errors == 1 ? "" : "s"); "
                        + "still serving the last good site")
            }
            if verbose {
                if report.published {
                    Output.standardError(
                        "  \(report.pagesParsed) pages parsed; \(report.filesWritten) files written, "
                            + "\(report.filesReused) kept")
                }
                printTimings(report.timings)
            }
        case .notice(let text):
            Output.standardError("note: \(text)")
        }
    }

    static func isLoopback(_ host: String) -> Bool {
        host == "localhost" || host == "::1" || host == "[::1]" || host.hasPrefix("127.")
    }

    /// Handles the signals on a queue of their own instead of the default (exit at once).
    static func onSignals(
        _ numbers: [Int32], queue: DispatchQueue, _ handler: @escaping @Sendable () -> Void
    ) -> [any DispatchSourceSignal] {
        numbers.map { number in
            signal(number, SIG_IGN)
            let source = DispatchSource.makeSignalSource(signal: number, queue: queue)
            source.setEventHandler(handler: handler)
            source.resume()
            return source
        }
    }
}

/// `error`: written by the start-up task before it signals, read by `run()` after the wait.
/// The rest: touched only on the serial signal queue, and read by `run()` after the wait.
private final class StartOutcome: @unchecked Sendable {
    var error: (any Error)?
    var signals = 0
    var forced = false
    var stopped = false
}
