import ArgumentParser
import CrosswalkKit
import CrosswalkMarkdown
import Foundation

struct RenderCommand: ParsableCommand {
    static let configuration = CommandConfiguration(
        commandName: "render",
        abstract: "Print the HTML of one markdown file (or standard input), like the cmark command.")

    @Flag(help: "Keep raw HTML and dangerous URLs (off: libcmark's safe mode).")
    var unsafe = false

    @Flag(help: "Curly quotes, dashes and ellipses.")
    var smart = false

    @Flag(help: "Pure CommonMark exactly as libcmark renders it: every crosswalk extension off.")
    var commonmark = false

    @Argument(help: "Markdown file; standard input when absent.")
    var file: String?

    func run() throws {
        let bytes: Data
        if let file {
            guard let data = FileManager.default.contents(atPath: file) else {
                throw ValidationError("cannot read \(file)")
            }
            bytes = data
        } else {
            bytes = FileHandle.standardInput.readDataToEndOfFile()
        }
        var options: MarkdownOptions = []
        if unsafe { options.insert(.unsafe) }
        if smart { options.insert(.smart) }
        // Like cmark, invalid UTF-8 becomes U+FFFD rather than an error here.
        let text = String(decoding: bytes, as: UTF8.self)
        let stage = MarkdownStage(options: options, extensions: !commonmark)
        FileHandle.standardOutput.write(Data(stage.render(text).html.utf8))
    }
}
