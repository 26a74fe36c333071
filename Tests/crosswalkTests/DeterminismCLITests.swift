import Foundation
import Testing

/// Two runs of the real binary — two processes, so two different hash seeds for every Swift
/// `Dictionary` and `Set` — build the shipped knowledge base from two different folders into
/// byte-identical sites.
@Suite struct DeterminismCLITests {
    static let repository = URL(fileURLWithPath: #filePath).deletingLastPathComponent().deletingLastPathComponent()
        .deletingLastPathComponent().path

    @Test func twoProcessesBuildTheShippedSiteByteForByte() throws {
        let root = FileManager.default.temporaryDirectory.appendingPathComponent("crosswalk-det-\(UUID().uuidString)")
            .path
        defer { try? FileManager.default.removeItem(atPath: root) }
        var sites: [[String: Data]] = []
        for source in [root + "/first", root + "/second one/deeper"] {
            try FileManager.default.createDirectory(atPath: source, withIntermediateDirectories: true)
            for name in ["content", "templates", "crosswalk.yml"] {
                let original = Self.repository + "/" + name
                guard FileManager.default.fileExists(atPath: original) else { continue }
                try FileManager.default.copyItem(atPath: original, toPath: source + "/" + name)
            }
            let process = Process()
            process.executableURL = URL(fileURLWithPath: CLITests.binary)
            process.arguments = ["build", "--source", source, "--output", source + "/site", "--quiet"]
            process.standardOutput = FileHandle.nullDevice
            process.standardError = FileHandle.nullDevice
            try process.run()
            process.waitUntilExit()
            #expect(process.terminationStatus == 0)
            sites.append(try Self.snapshot(source + "/site"))
        }
        #expect(sites[0].count > 100)
        #expect(Set(sites[0].keys) == Set(sites[1].keys))
        let differing = sites[0].keys.sorted().filter { sites[0][$0] != sites[1][$0] }
        #expect(differing.isEmpty, "\(differing.count) files differ, first \(differing.first ?? "")")
    }

    static func snapshot(_ root: String) throws -> [String: Data] {
        var files: [String: Data] = [:]
        let enumerator = FileManager.default.enumerator(atPath: root)
        while let relative = enumerator?.nextObject() as? String {
            var isDirectory: ObjCBool = false
            if FileManager.default.fileExists(atPath: root + "/" + relative, isDirectory: &isDirectory),
                !isDirectory.boolValue
            {
                files[relative] = try Self.read(root + "/" + relative)
            }
        }
        return files
    }

    /// Reads through a file handle: Foundation's `Data(contentsOf:)` and `String(contentsOf:)`
    /// leak 4 KB on an empty file under ASan (swift-foundation in Swift 6.3.1).
    static func read(_ path: String) throws -> Data {
        guard let handle = FileHandle(forReadingAtPath: path) else { throw CocoaError(.fileReadNoSuchFile) }
        defer { try? handle.close() }
        return handle.readDataToEndOfFile()
    }
}
