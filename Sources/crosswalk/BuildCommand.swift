import ArgumentParser
import CrosswalkKit
import Foundation

struct BuildCommand: ParsableCommand {
    static let configuration = CommandConfiguration(
        commandName: "build",
        abstract: "Build content/ through templates/ into a static site.")

    @Option(name: .long, help: "Folder holding content/, templates/ and crosswalk.yml.")
    var source: String = "."

    @Option(name: .long, help: "Where to write the site (default: public/ inside the source folder).")
    var output: String?

    @Option(name: .customLong("base-url"), help: "Absolute URL the site is published at; overrides crosswalk.yml.")
    var baseURL: String?

    func run() throws {
        let sourceRoot = absolute(source)
        let outputDirectory = output.map(absolute) ?? joinedPath(sourceRoot, "public")
        let report = SiteBuilder(
            options: BuildOptions(sourceRoot: sourceRoot, outputDirectory: outputDirectory, baseURL: baseURL)
        ).build()
        DiagnosticPrinter.print(report.diagnostics)
        if report.succeeded {
            let destination = displayPath(outputDirectory)
            print(
                "built \(report.pageCount) pages (\(report.fileCount) files) into \(destination) in \(String(format: "%.2f", report.seconds)) s"
            )
        } else {
            let errors = report.diagnostics.errorCount
            let warnings = report.diagnostics.warningCount
            FileHandle.standardError.write(
                Data(
                    "build failed: \(errors) error\(errors == 1 ? "" : "s"), \(warnings) warning\(warnings == 1 ? "" : "s"); nothing was published\n"
                        .utf8))
            throw ExitCode(1)
        }
    }
}

func absolute(_ path: String) -> String {
    let expanded = (path as NSString).expandingTildeInPath
    let full = expanded.hasPrefix("/") ? expanded : joinedPath(FileManager.default.currentDirectoryPath, expanded)
    return (full as NSString).standardizingPath
}

func joinedPath(_ base: String, _ name: String) -> String {
    base.hasSuffix("/") ? base + name : base + "/" + name
}

/// A path relative to the working directory when it lies below it.
func displayPath(_ path: String) -> String {
    let cwd = FileManager.default.currentDirectoryPath
    if path.hasPrefix(cwd + "/") { return String(path.dropFirst(cwd.count + 1)) + "/" }
    return path + "/"
}
