import Foundation

@testable import CrosswalkKit

#if canImport(Glibc)
    import Glibc
#endif

/// One hostile-input case: a folder under `Fixtures/Hostile/<case>/` holding
///
/// - `site.txt`: the site in ``SiteFixture``'s `-- content/a.md --` format (the default theme
///   is copied in unless the site has its own `templates/`);
/// - `setup.txt` (optional): what text cannot hold, one step a line, in order:
///   - `bytes <path> <text>`: append bytes to a file; `\n \r \t \\ \xNN` are escapes;
///   - `repeat <path> <count> <text>`: append the text `count` times (same escapes);
///   - `symlink <path> -> <target>`: a symbolic link (the target is written as is);
///   - `unreadable <path>`: reading it fails with EACCES (through the ``FileSystem`` seam:
///     tests run as root, so `chmod 000` would not stop a read);
///   - `unlistable <path>`: listing the folder fails with EACCES, the same way;
/// - `expect.txt`: one expectation a line (`#` starts a comment):
///   - `CW202 content/a.md:3:5`: a diagnostic with that code there (line and column optional,
///     the place too);
///   - `exists <path>` / `absent <path>`: a file below the source folder after the build;
///   - `contains <path> <text>` / `lacks <path> <text>`: what a written file holds.
///
/// Every error the build reports must be one of the expected codes, and a case that expects
/// no error must publish.
struct HostileFixture {
    struct Expected: CustomStringConvertible {
        var code: DiagnosticCode
        var file: String?
        var line: Int?
        var column: Int?

        var description: String {
            [code.rawValue, file, line.map(String.init), column.map(String.init)].compactMap { $0 }
                .joined(separator: " ")
        }

        func matches(_ diagnostic: Diagnostic) -> Bool {
            diagnostic.code == code && (file == nil || diagnostic.location.file == file)
                && (line == nil || diagnostic.location.line == line)
                && (column == nil || diagnostic.location.column == column)
        }
    }

    enum Check {
        case exists(String)
        case absent(String)
        case contains(String, String)
        case lacks(String, String)
    }

    let name: String
    let site: SiteFixture
    let setup: [String]
    var expected: [Expected] = []
    var checks: [Check] = []

    /// `Tests/CrosswalkKitTests/Fixtures/Hostile`, found from this file's path.
    static let directory = URL(fileURLWithPath: #filePath).deletingLastPathComponent().deletingLastPathComponent()
        .appendingPathComponent("Fixtures/Hostile").path

    /// Every case folder, sorted.
    static var names: [String] {
        let entries = (try? FileManager.default.contentsOfDirectory(atPath: directory)) ?? []
        return entries.filter { !$0.hasPrefix(".") }.sorted()
    }

    init(named name: String) throws {
        self.name = name
        let folder = Self.directory + "/" + name
        site = SiteFixture(try Self.text(folder + "/site.txt"))
        setup = Self.lines((try? Self.text(folder + "/setup.txt")) ?? "")
        for line in Self.lines(try Self.text(folder + "/expect.txt")) {
            try parseExpectation(line)
        }
    }

    /// Read with POSIX calls: Foundation's readers leak 4 KB on an empty file under ASan
    /// (swift-foundation in Swift 6.3.1), which would fail scripts/test-asan.sh.
    static func text(_ path: String) throws -> String {
        String(decoding: try readWholeFile(path), as: UTF8.self)
    }

    private static func lines(_ text: String) -> [String] {
        text.split(separator: "\n").map { String($0) }.filter { !$0.isEmpty && !$0.hasPrefix("#") }
    }

    private mutating func parseExpectation(_ line: String) throws {
        let (word, rest) = Self.firstWord(line)
        switch word {
        case "exists": checks.append(.exists(rest))
        case "absent": checks.append(.absent(rest))
        case "contains", "lacks":
            let (path, escaped) = Self.firstWord(rest)
            let text = String(decoding: Self.unescape(escaped), as: UTF8.self)
            checks.append(word == "contains" ? .contains(path, text) : .lacks(path, text))
        default:
            guard let code = DiagnosticCode(rawValue: word) else { throw FixtureError("\(name): bad line '\(line)'") }
            var expected = Expected(code: code)
            var parts =
                rest.isEmpty ? [] : rest.split(separator: ":", omittingEmptySubsequences: false).map(String.init)
            while parts.count > 1, let number = Int(parts[parts.count - 1]) {
                if expected.line != nil { expected.column = expected.line }
                expected.line = number
                parts.removeLast()
            }
            if !parts.isEmpty { expected.file = parts.joined(separator: ":") }
            self.expected.append(expected)
        }
    }

    static func firstWord(_ line: String) -> (String, String) {
        guard let space = line.firstIndex(of: " ") else { return (line, "") }
        return (String(line[..<space]), String(line[line.index(after: space)...]))
    }

    // MARK: building

    /// Writes the site, applies `setup.txt`, builds into `public/` and returns the folder, the
    /// report and the names the folder held before the build.
    func build() throws -> (TemporaryFolder, BuildReport, Set<String>) {
        let folder = try site.write()
        var unreadable: Set<String> = []
        var unlistable: Set<String> = []
        for step in setup {
            let (verb, rest) = Self.firstWord(step)
            switch verb {
            case "bytes":
                let (path, text) = Self.firstWord(rest)
                try append(Self.unescape(text), to: folder.path(Self.unescapedPath(path)))
            case "repeat":
                let (escapedPath, countAndText) = Self.firstWord(rest)
                let path = Self.unescapedPath(escapedPath)
                let (count, text) = Self.firstWord(countAndText)
                let unit = Self.unescape(text)
                try append(Array([[UInt8]](repeating: unit, count: Int(count) ?? 0).joined()), to: folder.path(path))
            case "symlink":
                let parts = rest.components(separatedBy: " -> ")
                try FileManager.default.createDirectory(
                    atPath: (folder.path(parts[0]) as NSString).deletingLastPathComponent,
                    withIntermediateDirectories: true)
                try FileManager.default.createSymbolicLink(
                    atPath: folder.path(parts[0]), withDestinationPath: parts[1])
            case "unreadable": unreadable.insert(folder.path(rest))
            case "unlistable": unlistable.insert(folder.path(rest))
            default: throw FixtureError("\(name): bad setup line '\(step)'")
            }
        }
        let denied = unreadable
        let unlisted = unlistable
        var fileSystem = FileSystem.disk
        let read = fileSystem.read
        fileSystem.read = { path in
            if denied.contains(path) { throw FileSystemError(path: path, reason: String(cString: strerror(EACCES))) }
            return try read(path)
        }
        let readUpTo = fileSystem.readUpTo
        fileSystem.readUpTo = { path, limit in
            if denied.contains(path) { throw FileSystemError(path: path, reason: String(cString: strerror(EACCES))) }
            return try readUpTo(path, limit)
        }
        let list = fileSystem.listDirectory
        fileSystem.listDirectory = { path in unlisted.contains(path) ? nil : list(path) }
        let listEntries = fileSystem.listEntries
        fileSystem.listEntries = { path in unlisted.contains(path) ? nil : listEntries(path) }
        let before = Set((try? FileManager.default.contentsOfDirectory(atPath: folder.root)) ?? [])
        let report = SiteBuilder(
            options: BuildOptions(
                sourceRoot: folder.root, outputDirectory: folder.path("public"), today: "2026-11-29"),
            fileSystem: fileSystem
        ).build()
        return (folder, report, before)
    }

    private func append(_ bytes: [UInt8], to path: String) throws {
        try FileManager.default.createDirectory(
            atPath: (path as NSString).deletingLastPathComponent, withIntermediateDirectories: true)
        if !FileManager.default.fileExists(atPath: path) {
            _ = FileManager.default.createFile(atPath: path, contents: nil)
        }
        let handle = try FileHandle(forWritingTo: URL(fileURLWithPath: path))
        defer { try? handle.close() }
        try handle.seekToEnd()
        try handle.write(contentsOf: Data(bytes))
    }

    /// A path with escapes (`cafe\xCC\x81.md`, decomposed): Swift compares strings by canonical
    /// equivalence, so two such names cannot both be keys of `site.txt`'s dictionary.
    static func unescapedPath(_ text: String) -> String {
        String(decoding: unescape(text), as: UTF8.self)
    }

    /// `\n \r \t \\ \xNN` escapes to bytes; everything else as UTF-8.
    static func unescape(_ text: String) -> [UInt8] {
        var bytes: [UInt8] = []
        let source = Array(text.utf8)
        var index = 0
        while index < source.count {
            let byte = source[index]
            index += 1
            guard byte == UInt8(ascii: "\\"), index < source.count else {
                bytes.append(byte)
                continue
            }
            let next = source[index]
            index += 1
            switch next {
            case UInt8(ascii: "n"): bytes.append(0x0A)
            case UInt8(ascii: "r"): bytes.append(0x0D)
            case UInt8(ascii: "t"): bytes.append(0x09)
            case UInt8(ascii: "x") where index + 2 <= source.count:
                let hex = String(decoding: source[index..<index + 2], as: UTF8.self)
                bytes.append(UInt8(hex, radix: 16) ?? 0x3F)
                index += 2
            default: bytes.append(next)
            }
        }
        return bytes
    }
}

struct FixtureError: Error, CustomStringConvertible {
    var description: String
    init(_ description: String) { self.description = description }
}
