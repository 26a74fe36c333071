import ArgumentParser

@main
struct Crosswalk: ParsableCommand {
    static let configuration = CommandConfiguration(
        commandName: "crosswalk",
        abstract: "Build a cross-linked IT/OT knowledge base from markdown into a static site.",
        version: "0.1.0",
        subcommands: [
            BuildCommand.self, CheckCommand.self, ServeCommand.self, NewCommand.self, InitCommand.self,
            RenderCommand.self,
            BenchAutolinkCommand.self,
        ],
        defaultSubcommand: BuildCommand.self
    )
}
