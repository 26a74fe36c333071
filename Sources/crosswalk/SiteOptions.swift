import ArgumentParser
import CrosswalkKit
import Foundation

/// How diagnostics are printed.
enum OutputFormat: String, ExpressibleByArgument, CaseIterable {
    /// `file:line:col: severity: message [code]` for people.
    case text
    /// One JSON object per line per diagnostic, on standard output.
    case json
    /// GitHub Actions workflow commands (`::error file=…,line=…,col=…::…`), on standard output.
    case github
}

/// Options shared by `build` and `check`.
struct SiteOptions: ParsableArguments {
    @Option(name: .long, help: "Folder holding content/, templates/ and crosswalk.yml.")
    var source: String = "."

    @Option(name: .long, help: "Where to write the site (default: public/ inside the source folder).")
    var output: String?

    @Option(name: .customLong("base-url"), help: "Absolute URL the site is published at; overrides crosswalk.yml.")
    var baseURL: String?

    @Flag(help: "Treat warnings as errors.")
    var strict = false

    @Option(help: "Diagnostics as text, json (one object per line) or github (workflow annotations).")
    var format: OutputFormat = .text

    @Flag(name: .shortAndLong, help: "Print only problems.")
    var quiet = false

    @Flag(name: .shortAndLong, help: "Also print how long each stage took.")
    var verbose = false

    func validate() throws {
        if quiet && verbose { throw ValidationError("--quiet and --verbose cannot be used together") }
    }

    var sourceRoot: String { absolute(source) }
    var outputDirectory: String { output.map(absolute) ?? joinedPath(sourceRoot, "public") }

    /// Runs the pipeline, showing progress on a terminal, and prints the outcome.
    /// Returns the exit code: 1 when there was an error (or a warning under `--strict`).
    func run(dryRun: Bool) -> Int32 {
        let progress = ProgressLine(enabled: !quiet && format == .text && isatty(STDERR_FILENO) == 1)
        var buildOptions = BuildOptions(
            sourceRoot: sourceRoot, outputDirectory: outputDirectory, baseURL: baseURL, dryRun: dryRun, strict: strict)
        // The process exits after printing the outcome.
        buildOptions.leavesMemoryToExit = true
        if progress.enabled { buildOptions.progress = { stage in progress.show(stage) } }
        let report = SiteBuilder(options: buildOptions).build()
        progress.clear()
        DiagnosticPrinter.print(report.diagnostics, format: format)
        if verbose { printTimings(report.timings) }
        let errors = report.diagnostics.errorCount
        let warnings = report.diagnostics.warningCount
        let problems = "\(errors) error\(errors == 1 ? "" : "s"), \(warnings) warning\(warnings == 1 ? "" : "s")"
        let seconds = String(format: "%.2f", report.seconds)
        guard report.succeeded else {
            Output.standardError(
                "\(dryRun ? "check" : "build") failed: \(problems)\(dryRun ? "" : "; nothing was published")")
            return 1
        }
        guard !quiet else { return 0 }
        let summary: String
        if dryRun {
            summary = "checked \(report.pageCount) pages in \(seconds) s: \(problems)"
        } else if report.upToDate {
            summary =
                "\(displayPath(outputDirectory)) is up to date (\(report.pageCount) pages, nothing changed)"
                + (warnings > 0 ? " with \(problems)" : "")
        } else {
            summary =
                "built \(report.pageCount) pages (\(report.fileCount) files) into \(displayPath(outputDirectory)) in \(seconds) s"
                + (warnings > 0 ? " with \(problems)" : "")
        }
        if verbose && report.published {
            Output.standardError(
                "  \(report.pagesParsed) pages parsed, \(report.pagesFromCache) from the markdown cache")
            Output.standardError(
                "  \(report.filesRendered) files rendered; \(report.filesWritten) files written, "
                    + "\(report.filesReused) unchanged files kept")
        }
        // Machine-readable formats keep standard output for diagnostics only.
        if format == .text { print(summary) } else { Output.standardError(summary) }
        return 0
    }
}

/// One line on standard error, rewritten in place as stages start (terminals only).
final class ProgressLine: Sendable {
    let enabled: Bool
    init(enabled: Bool) { self.enabled = enabled }

    func show(_ stage: String) {
        guard enabled else { return }
        FileHandle.standardError.write(Data("\r\u{1B}[2K\(stage)…".utf8))
    }

    func clear() {
        guard enabled else { return }
        FileHandle.standardError.write(Data("\r\u{1B}[2K".utf8))
    }
}

enum Output {
    static func standardError(_ line: String) {
        FileHandle.standardError.write(Data((line + "\n").utf8))
    }
}

/// `--verbose`: one line per stage of a build, with its time and the CPU time it used (twice
/// the time: two cores busy).
func printTimings(_ timings: [StageTiming]) {
    for timing in timings {
        let name = timing.stage.padding(toLength: 12, withPad: " ", startingAt: 0)
        Output.standardError(
            "  \(name) " + String(format: "%7.1f ms  (CPU %7.1f ms)", timing.seconds * 1000, timing.cpuSeconds * 1000))
    }
}
