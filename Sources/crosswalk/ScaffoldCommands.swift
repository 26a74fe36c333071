import ArgumentParser
import CrosswalkKit
import Foundation

extension PageKind: ExpressibleByArgument {
    public init?(argument: String) {
        self.init(rawValue: argument)
    }
}

struct NewCommand: ParsableCommand {
    static let configuration = CommandConfiguration(
        commandName: "new",
        abstract: "Write a new entry with its kind's front matter: term, constraint, tool, workflow, scenario or page.")

    @Argument(help: "term, constraint, tool, workflow, scenario or page.")
    var kind: PageKind

    @Argument(help: "The title; the file name is made from it.")
    var title: String

    @Option(name: .long, help: "Folder holding content/.")
    var source: String = "."

    func run() throws {
        do {
            let path = try Scaffolder.newPage(
                kind: kind, title: title, sourceRoot: absolute(source), today: Linter.currentDate())
            print("wrote \(path)")
        } catch {
            Output.standardError("error: \(error.description)")
            throw ExitCode(1)
        }
    }
}

struct InitCommand: ParsableCommand {
    static let configuration = CommandConfiguration(
        commandName: "init",
        abstract: "Start a new knowledge base: config, the default theme and one example of each kind.")

    @Argument(help: "The folder to create it in.")
    var directory: String = "."

    func run() throws {
        let root = absolute(directory)
        do {
            let files = try Scaffolder.initSite(directory: root, today: Linter.currentDate())
            print("wrote \(files.count) files into \(displayPath(root))")
            print("next: crosswalk build --source \(directory)   (or crosswalk serve --source \(directory))")
        } catch {
            Output.standardError("error: \(error.description)")
            throw ExitCode(1)
        }
    }
}
