import Foundation
import Testing

/// End-to-end: the real `crosswalk` binary, its exit codes and what it prints.
@Suite struct CLITests {
    struct Run {
        var status: Int32
        var stdout: String
        var stderr: String
    }

    /// The binary sits beside the test bundle in the build folder.
    static let binary: String = {
        var url = URL(fileURLWithPath: CommandLine.arguments[0]).resolvingSymlinksInPath()
        while url.path != "/" {
            url.deleteLastPathComponent()
            let candidate = url.appendingPathComponent("crosswalk").path
            if FileManager.default.isExecutableFile(atPath: candidate) { return candidate }
        }
        return "crosswalk"
    }()

    static let templates = URL(fileURLWithPath: #filePath).deletingLastPathComponent().deletingLastPathComponent()
        .deletingLastPathComponent().appendingPathComponent("templates").path

    func run(_ arguments: [String], stdin: String? = nil, in directory: String? = nil) throws -> Run {
        let process = Process()
        process.executableURL = URL(fileURLWithPath: Self.binary)
        process.arguments = arguments
        if let directory { process.currentDirectoryURL = URL(fileURLWithPath: directory) }
        let out = Pipe()
        let err = Pipe()
        let input = Pipe()
        process.standardOutput = out
        process.standardError = err
        process.standardInput = input
        try process.run()
        input.fileHandleForWriting.write(Data((stdin ?? "").utf8))
        try input.fileHandleForWriting.close()
        let stdout = out.fileHandleForReading.readDataToEndOfFile()
        let stderr = err.fileHandleForReading.readDataToEndOfFile()
        process.waitUntilExit()
        return Run(
            status: process.terminationStatus, stdout: String(decoding: stdout, as: UTF8.self),
            stderr: String(decoding: stderr, as: UTF8.self))
    }

    func makeSite(_ files: [String: String]) throws -> String {
        let root = FileManager.default.temporaryDirectory.appendingPathComponent("crosswalk-cli-\(UUID().uuidString)")
        for (path, text) in files {
            let url = root.appendingPathComponent(path)
            try FileManager.default.createDirectory(
                at: url.deletingLastPathComponent(), withIntermediateDirectories: true)
            try Data(text.utf8).write(to: url)
        }
        try FileManager.default.copyItem(atPath: Self.templates, toPath: root.appendingPathComponent("templates").path)
        return root.path
    }

    @Test func buildSucceedsAndSaysWhatItBuilt() throws {
        let site = try makeSite(["content/glossary/plc.md": "---\ntitle: PLC\nsummary: A controller.\n---\nText.\n"])
        defer { try? FileManager.default.removeItem(atPath: site) }
        let result = try run(["build", "--source", site])
        #expect(result.status == 0, "\(result.stderr)")
        #expect(result.stdout.contains("built 1 pages"))
        #expect(FileManager.default.fileExists(atPath: site + "/public/glossary/plc/index.html"))
    }

    @Test func brokenWikilinkExitsOneWithPositionAndSuggestion() throws {
        let site = try makeSite([
            "content/glossary/plc.md": "---\ntitle: PLC\nsummary: A controller.\n---\nText.\n",
            "content/notes.md": "---\ntitle: Notes\n---\nSee [[PCL]].\n",
        ])
        defer { try? FileManager.default.removeItem(atPath: site) }
        let result = try run(["build", "--source", site])
        #expect(result.status == 1)
        #expect(result.stderr.contains("content/notes.md:4:5: error: wikilink [[PCL]] names no page [CW405]"))
        #expect(result.stderr.contains("hint: did you mean [[PLC]]?"))
        #expect(result.stderr.contains("build failed: 1 error"))
        #expect(!FileManager.default.fileExists(atPath: site + "/public"))
    }

    @Test func renderPrintsTheFragmentFromStandardInput() throws {
        let result = try run(["render"], stdin: "## Hi *there*\n")
        #expect(result.status == 0)
        #expect(result.stdout == "<h2 id=\"hi-there\">Hi <em>there</em></h2>\n")
    }

    @Test func renderCommonMarkModeIsPureLibcmark() throws {
        #expect(try run(["render", "--commonmark"], stdin: "## Hi\n").stdout == "<h2>Hi</h2>\n")
        #expect(
            try run(["render", "--commonmark"], stdin: "<b>x</b>\n").stdout
                == "<p><!-- raw HTML omitted -->x<!-- raw HTML omitted --></p>\n")
        #expect(try run(["render", "--commonmark", "--unsafe"], stdin: "<b>x</b>\n").stdout == "<p><b>x</b></p>\n")
        #expect(try run(["render", "--smart"], stdin: "\"a\"\n").stdout == "<p>“a”</p>\n")
    }

    static let warningSite = [
        "content/glossary/plc.md":
            "---\ntitle: PLC\nsummary: A controller.\nit: x\not: y\nowner: Lead\nsumary: typo\n---\nText.\n",
        "content/notes.md": "---\ntitle: Notes\nsummary: Notes.\nowner: Lead\n---\nA PLC.\n",
    ]

    @Test func checkWritesNothingAndWarningsPassUnlessStrict() throws {
        let site = try makeSite(Self.warningSite)
        defer { try? FileManager.default.removeItem(atPath: site) }
        let check = try run(["check", "--source", site])
        #expect(check.status == 0, "\(check.stderr)")
        #expect(
            check.stderr.contains(
                "content/glossary/plc.md:7:1: warning: unknown front-matter key 'sumary' for a term [CW205]"))
        #expect(check.stdout.contains("checked 2 pages"))
        #expect(!FileManager.default.fileExists(atPath: site + "/public"))
        let strict = try run(["build", "--strict", "--source", site])
        #expect(strict.status == 1)
        #expect(strict.stderr.contains("error: unknown front-matter key"))
        #expect(!FileManager.default.fileExists(atPath: site + "/public"))
    }

    @Test func jsonFormatIsOneObjectPerDiagnostic() throws {
        let site = try makeSite(Self.warningSite)
        defer { try? FileManager.default.removeItem(atPath: site) }
        let result = try run(["check", "--format", "json", "--source", site])
        let lines = result.stdout.split(separator: "\n")
        #expect(lines.count == 1)
        let object = try #require(try JSONSerialization.jsonObject(with: Data(lines[0].utf8)) as? [String: Any])
        #expect(object["file"] as? String == "content/glossary/plc.md")
        #expect(object["line"] as? Int == 7)
        #expect(object["column"] as? Int == 1)
        #expect(object["severity"] as? String == "warning")
        #expect(object["code"] as? String == "CW205")
        #expect(object["hint"] as? String == "did you mean 'summary'?")
    }

    @Test func githubFormatPrintsWorkflowCommands() throws {
        let site = try makeSite(Self.warningSite)
        defer { try? FileManager.default.removeItem(atPath: site) }
        let result = try run(["check", "--strict", "--format", "github", "--source", site])
        #expect(result.status == 1)
        #expect(
            result.stdout
                == "::error file=content/glossary/plc.md,line=7,col=1,title=CW205::unknown front-matter key 'sumary' for a term%0Adid you mean 'summary'?\n"
        )
    }

    @Test func quietPrintsOnlyProblems() throws {
        let site = try makeSite(["content/a.md": "---\ntitle: A\nsummary: A.\nowner: Me\n---\nText.\n"])
        defer { try? FileManager.default.removeItem(atPath: site) }
        let result = try run(["build", "--quiet", "--source", site])
        #expect(result.status == 0)
        #expect(result.stdout.isEmpty && result.stderr.isEmpty)
    }
}
