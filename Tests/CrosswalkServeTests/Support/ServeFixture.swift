import Foundation

@testable import CrosswalkServe

/// A small site in a fresh temporary folder (content/ plus a copy of the repository's
/// templates/), served in-process on a free loopback port.
final class ServeFixture: Sendable {
    static let themeDirectory = URL(fileURLWithPath: #filePath).deletingLastPathComponent()
        .deletingLastPathComponent().deletingLastPathComponent().deletingLastPathComponent()
        .appendingPathComponent("templates").path

    static let pages = [
        "content/index.md":
            "---\ntitle: Welcome\nsummary: The shared vocabulary.\n---\nStart with [PLC](glossary/plc.md).\n",
        "content/glossary/plc.md": plc("The controller that runs the process."),
        "content/glossary/rack.png": "PNGDATA",
    ]

    static func plc(_ body: String) -> String {
        "---\ntitle: PLC\nsummary: A rugged computer that runs control logic.\n---\n\(body)\n"
    }

    let root: String
    let server: DevServer

    init(
        files: [String: String] = ServeFixture.pages, poll: Bool = false, longPoll: Duration = .seconds(10)
    ) throws {
        root =
            FileManager.default.temporaryDirectory.appendingPathComponent("crosswalk-serve-test-\(UUID().uuidString)")
            .path
        try FileManager.default.createDirectory(atPath: root, withIntermediateDirectories: true)
        try FileManager.default.copyItem(atPath: Self.themeDirectory, toPath: root + "/templates")
        for (path, text) in files { try Self.write(text, to: root + "/" + path) }
        server = DevServer(
            options: ServeOptions(
                sourceRoot: root, port: 0, poll: poll, pollInterval: .milliseconds(50), longPoll: longPoll))
    }

    deinit { try? FileManager.default.removeItem(atPath: root) }

    /// Starts the server; returns its port.
    func start() async throws -> Int {
        try await server.start()
    }

    /// Runs `body` with the server started, and stops it afterwards (also when `body` throws).
    func serving(_ body: (Int) async throws -> Void) async throws {
        let port = try await start()
        do {
            try await body(port)
        } catch {
            await server.stop()
            throw error
        }
        await server.stop()
    }

    func write(_ text: String, to relative: String) throws {
        try Self.write(text, to: root + "/" + relative)
    }

    private static func write(_ text: String, to path: String) throws {
        try FileManager.default.createDirectory(
            atPath: (path as NSString).deletingLastPathComponent, withIntermediateDirectories: true)
        try Data(text.utf8).write(to: URL(fileURLWithPath: path))
    }

    /// Waits (through the server, as a browser does) for the build after `generation`.
    func nextStatus(after generation: Int, port: Int) async throws -> ServeStatus {
        let response = try await RawHTTP.request("/__crosswalk/wait?since=\(generation)", port: port)
        return try JSONDecoder().decode(ServeStatus.self, from: response.body)
    }
}
