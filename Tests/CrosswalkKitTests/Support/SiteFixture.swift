import Foundation
import Testing

@testable import CrosswalkKit

/// A whole site described in one string, Hugo-style:
///
///     -- content/glossary/plc.md --
///     ---
///     title: PLC
///     ---
///     Body.
///
/// Files are written to a fresh temporary folder (with the default theme copied in unless
/// the fixture has its own `templates/`), or served from memory.
struct SiteFixture {
    let files: [String: String]

    init(_ text: String) {
        var files: [String: String] = [:]
        var current: String?
        var lines: [Substring] = []
        func flush() {
            if let current { files[current] = lines.joined(separator: "\n") }
        }
        for line in text.split(separator: "\n", omittingEmptySubsequences: false) {
            if line.hasPrefix("-- ") && line.hasSuffix(" --") && line.count > 6 {
                flush()
                current = String(line.dropFirst(3).dropLast(3))
                lines = []
            } else {
                lines.append(line)
            }
        }
        flush()
        self.files = files
    }

    /// The repository's default theme folder.
    static let themeDirectory: String = {
        let here = URL(fileURLWithPath: #filePath)
        return here.deletingLastPathComponent().deletingLastPathComponent().deletingLastPathComponent()
            .deletingLastPathComponent().appendingPathComponent("templates").path
    }()

    /// Writes the site below a new temporary folder and returns that folder.
    func write() throws -> TemporaryFolder {
        let folder = try TemporaryFolder()
        if !files.keys.contains(where: { $0.hasPrefix("templates/") }) {
            try FileManager.default.copyItem(atPath: Self.themeDirectory, toPath: folder.path("templates"))
        }
        for (path, contents) in files {
            try folder.write(contents, to: path)
        }
        return folder
    }

    /// Builds the site from a temporary folder into `<folder>/public`.
    /// `edit` changes the written files first (a theme file, say).
    func build(
        baseURL: String? = nil, editing edit: (TemporaryFolder) throws -> Void = { _ in }
    ) throws -> (TemporaryFolder, BuildReport) {
        let folder = try write()
        try edit(folder)
        let report = SiteBuilder(
            options: BuildOptions(
                sourceRoot: folder.root, outputDirectory: folder.path("public"), baseURL: baseURL)
        ).build()
        return (folder, report)
    }

    /// Builds from memory without writing anything (templates read from the default theme).
    func check() -> BuildReport {
        var all: [String: String] = [:]
        for (path, contents) in files { all["/site/" + path] = contents }
        if !files.keys.contains(where: { $0.hasPrefix("templates/") }) {
            let enumerator = FileManager.default.enumerator(atPath: Self.themeDirectory)
            while let relative = enumerator?.nextObject() as? String {
                let full = Self.themeDirectory + "/" + relative
                if let text = try? String(contentsOfFile: full, encoding: .utf8) {
                    all["/site/templates/" + relative] = text
                }
            }
        }
        return SiteBuilder(
            options: BuildOptions(sourceRoot: "/site", outputDirectory: "/site/public", dryRun: true),
            fileSystem: .inMemory(all)
        ).build()
    }
}

/// A temporary folder removed when the value is released.
final class TemporaryFolder {
    let root: String

    init() throws {
        let base = FileManager.default.temporaryDirectory.appendingPathComponent("crosswalk-tests")
        try FileManager.default.createDirectory(at: base, withIntermediateDirectories: true)
        let url = base.appendingPathComponent(UUID().uuidString)
        try FileManager.default.createDirectory(at: url, withIntermediateDirectories: true)
        root = url.path
    }

    deinit { try? FileManager.default.removeItem(atPath: root) }

    func path(_ relative: String) -> String { root + "/" + relative }

    func write(_ contents: String, to relative: String) throws {
        try write(Data(contents.utf8), to: relative)
    }

    func write(_ data: Data, to relative: String) throws {
        let full = URL(fileURLWithPath: path(relative))
        try FileManager.default.createDirectory(
            at: full.deletingLastPathComponent(), withIntermediateDirectories: true)
        try data.write(to: full)
    }

    func read(_ relative: String) throws -> String {
        try String(contentsOfFile: path(relative), encoding: .utf8)
    }

    func exists(_ relative: String) -> Bool {
        FileManager.default.fileExists(atPath: path(relative))
    }

    /// Options for a build of this folder into `output`, on the day the build tests fix.
    func buildOptions(into output: String, dryRun: Bool = false) -> BuildOptions {
        BuildOptions(sourceRoot: root, outputDirectory: path(output), dryRun: dryRun, today: "2026-11-29")
    }

    /// A `serve` builder writing into `live/`.
    func liveBuilder() -> IncrementalBuilder { IncrementalBuilder(options: buildOptions(into: "live")) }

    /// A build from nothing into `output` (removed first, with everything a build keeps beside
    /// it: record, keys, markdown cache, spare tree): its files and report, for tests that
    /// compare an incremental build with one.
    func buildFromNothing(into output: String) throws -> (files: [String: String], report: BuildReport) {
        try? FileManager.default.removeItem(atPath: path(output))
        for name in (try? FileManager.default.contentsOfDirectory(atPath: root)) ?? []
        where name.hasPrefix(".\(output).") {
            try? FileManager.default.removeItem(atPath: path(name))
        }
        let report = SiteBuilder(options: buildOptions(into: output)).build()
        return (try snapshot(output), report)
    }

    /// A built site below `output` as path → text, without the output marker: what tests of
    /// incremental builds compare with a full build.
    func snapshot(_ output: String) throws -> [String: String] {
        var files: [String: String] = [:]
        for file in self.files(under: output) where file != OutputWriter.markerName {
            files[file] = try read(output + "/" + file)
        }
        return files
    }

    /// Every file below `relative`, as paths relative to it, sorted.
    func files(under relative: String) -> [String] {
        let base = path(relative)
        let enumerator = FileManager.default.enumerator(atPath: base)
        var result: [String] = []
        while let item = enumerator?.nextObject() as? String {
            var isDirectory: ObjCBool = false
            if FileManager.default.fileExists(atPath: base + "/" + item, isDirectory: &isDirectory),
                !isDirectory.boolValue
            {
                result.append(item)
            }
        }
        return result.sorted()
    }
}

extension BuildReport {
    /// The formatted diagnostics, for assertion messages.
    var diagnosticText: String { diagnostics.sortedForDisplay.map(\.formatted).joined(separator: "\n") }

    func has(_ code: DiagnosticCode, file: String? = nil, line: Int? = nil) -> Bool {
        diagnostics.contains { diagnostic in
            diagnostic.code == code && (file == nil || diagnostic.location.file == file)
                && (line == nil || diagnostic.location.line == line)
        }
    }
}

extension SiteFixture {
    /// One page made from `text` (front matter and body) as if read from `content/<path>`.
    static func page(_ path: String, _ text: String) throws -> Page {
        let split = try FrontMatterSplitter.split(text).get()
        let source = SourceFile(
            relativePath: path, displayPath: "content/" + path, frontMatter: split.frontMatter, body: split.body,
            bodyLineOffset: split.bodyLineOffset)
        return try #require(PageBuilder.build(source, folderHasIndexMD: false).page)
    }
}
