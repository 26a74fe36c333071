import Foundation
import Testing

@testable import CrosswalkKit

/// The same content gives the same bytes: built from two different absolute paths, and with the
/// file system listing folders in a different order (reversed, shuffled), the shipped knowledge
/// base publishes byte-identical trees. (Across processes, where Swift's hash seeds differ,
/// `crosswalkTests/DeterminismCLITests` builds it with the binary.)
@Suite struct DeterminismTests {
    static let repository = URL(fileURLWithPath: #filePath).deletingLastPathComponent().deletingLastPathComponent()
        .deletingLastPathComponent().deletingLastPathComponent().path

    @Test func shippedContentIsByteIdenticalAcrossPathsAndListingOrders() throws {
        let folder = try TemporaryFolder()
        let first = try Self.copyShippedSite(to: folder.path("one"))
        let second = try Self.copyShippedSite(to: folder.path("a longer/pätch with spaces/two"))

        let plain = try Self.build(first, output: folder.path("out-plain"), fileSystem: .disk)
        let reversed = try Self.build(
            second, output: folder.path("out-reversed"), fileSystem: .listing { names, _ in names.reversed() })
        let shuffled = try Self.build(
            first, output: folder.path("elsewhere/out-shuffled"), fileSystem: .listing { Self.shuffle($0, seed: $1) })

        #expect(plain.count > 100, "the shipped site should have well over 100 files, got \(plain.count)")
        Self.expectIdentical(plain, reversed, "reversed listing, other source path")
        Self.expectIdentical(plain, shuffled, "shuffled listing, other output path")
    }

    @Test func shuffledListingReallyDiffersFromSortedOrder() {
        let names = (0..<20).map { "file-\($0).md" }
        #expect(Self.shuffle(names, seed: "/some/folder") != names)
        #expect(Self.shuffle(names, seed: "/some/folder") == Self.shuffle(names, seed: "/some/folder"))
    }

    // MARK: helpers

    /// Copies `content/`, `templates/` and `crosswalk.yml` (when present) of the repository.
    static func copyShippedSite(to root: String) throws -> String {
        try FileManager.default.createDirectory(atPath: root, withIntermediateDirectories: true)
        for name in ["content", "templates", "crosswalk.yml"] {
            let source = repository + "/" + name
            guard FileManager.default.fileExists(atPath: source) else { continue }
            try FileManager.default.copyItem(atPath: source, toPath: root + "/" + name)
        }
        return root
    }

    /// Builds and returns every output file's bytes by relative path.
    static func build(_ source: String, output: String, fileSystem: FileSystem) throws -> [String: Data] {
        let report = SiteBuilder(
            options: BuildOptions(sourceRoot: source, outputDirectory: output, today: "2026-11-29"),
            fileSystem: fileSystem
        ).build()
        #expect(report.published, "\(report.diagnosticText)")
        return try snapshot(output)
    }

    static func snapshot(_ root: String) throws -> [String: Data] {
        var files: [String: Data] = [:]
        let enumerator = FileManager.default.enumerator(atPath: root)
        while let relative = enumerator?.nextObject() as? String {
            var isDirectory: ObjCBool = false
            let path = root + "/" + relative
            if FileManager.default.fileExists(atPath: path, isDirectory: &isDirectory), !isDirectory.boolValue {
                files[relative] = Data(try readWholeFile(path))
            }
        }
        return files
    }

    static func expectIdentical(_ expected: [String: Data], _ actual: [String: Data], _ what: String) {
        #expect(Set(expected.keys) == Set(actual.keys), "\(what): different files")
        let differing = expected.keys.sorted().filter { actual[$0] != nil && actual[$0] != expected[$0] }
        #expect(differing.isEmpty, "\(what): \(differing.count) files differ, first \(differing.first ?? "")")
        if let path = differing.first, let one = expected[path], let other = actual[path] {
            let lines = zip(
                String(decoding: one, as: UTF8.self).split(separator: "\n"),
                String(decoding: other, as: UTF8.self).split(separator: "\n"))
            if let (left, right) = lines.first(where: { $0.0 != $0.1 }) {
                Issue.record("\(path):\n- \(left.prefix(300))\n+ \(right.prefix(300))")
            }
        }
    }

    /// A deterministic shuffle: SplitMix64 seeded from the folder's path.
    static func shuffle(_ names: [String], seed: String) -> [String] {
        var state = seed.utf8.reduce(UInt64(0xcbf2_9ce4_8422_2325)) { ($0 ^ UInt64($1)) &* 0x100_0000_01b3 }
        func next() -> UInt64 {
            state &+= 0x9e37_79b9_7f4a_7c15
            var mixed = state
            mixed = (mixed ^ (mixed >> 30)) &* 0xbf58_476d_1ce4_e5b9
            mixed = (mixed ^ (mixed >> 27)) &* 0x94d0_49bb_1331_11eb
            return mixed ^ (mixed >> 31)
        }
        var result = names
        for index in result.indices.dropFirst().reversed() {
            result.swapAt(index, Int(next() % UInt64(index + 1)))
        }
        return result
    }
}

extension FileSystem {
    /// The disk, but every folder listed in the order `reorder` gives (it gets the names and the
    /// folder's path).
    static func listing(_ reorder: @escaping @Sendable ([String], String) -> [String]) -> FileSystem {
        var fileSystem = FileSystem.disk
        let list = fileSystem.listDirectory
        fileSystem.listDirectory = { path in list(path).map { reorder($0.sorted(), path) } }
        let listEntries = fileSystem.listEntries
        fileSystem.listEntries = { path in
            guard let entries = listEntries(path) else { return nil }
            let kinds = Dictionary(entries.map { ($0.name, $0.kind) }, uniquingKeysWith: { first, _ in first })
            return reorder(entries.map(\.name).sorted(), path).map {
                FileSystem.Entry(name: $0, kind: kinds[$0] ?? nil)
            }
        }
        return fileSystem
    }
}
