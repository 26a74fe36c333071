import ArgumentParser
import CrosswalkKit
import Foundation

struct BuildCommand: ParsableCommand {
    static let configuration = CommandConfiguration(
        commandName: "build",
        abstract: "Build content/ through templates/ into a static site.")

    @OptionGroup var options: SiteOptions

    func run() throws {
        let status = options.run(dryRun: false)
        if status != 0 { throw ExitCode(status) }
    }
}

struct CheckCommand: ParsableCommand {
    static let configuration = CommandConfiguration(
        commandName: "check",
        abstract: "Do everything build does except writing: report every problem.")

    @OptionGroup var options: SiteOptions

    func run() throws {
        let status = options.run(dryRun: true)
        if status != 0 { throw ExitCode(status) }
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
