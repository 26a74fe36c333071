import Foundation
import Testing

@testable import CrosswalkKit

/// The fuzz run's seeds are inputs that once failed or that reach far into the pipeline: each
/// runs through the fuzz target here too, so `make test` fails on them without a fuzz run.
@Suite struct FuzzTargetTests {
    static let corpus = URL(fileURLWithPath: #filePath).deletingLastPathComponent().deletingLastPathComponent()
        .deletingLastPathComponent().appendingPathComponent("FuzzCorpus").path

    static var seeds: [String] {
        ((try? FileManager.default.contentsOfDirectory(atPath: corpus)) ?? []).sorted()
    }

    @Test func thereAreSeeds() {
        #expect(Self.seeds.count >= 10)
    }

    @Test(arguments: seeds) func bothRenderersWriteTheSameFiles(seed: String) throws {
        let bytes = try #require(FileManager.default.contents(atPath: Self.corpus + "/" + seed))
        let checked = FuzzTarget.check(Array(bytes))
        #expect(checked.differing.isEmpty)
        // The theme that expands `{{$main}}` once per outline entry must still be stopped by
        // crosswalk's renderer, before swift-mustache (which has no such limit) renders it.
        #expect((checked.runaway != nil) == (seed == "site-templates-runaway.txt"), "\(checked.runaway ?? "")")
    }
}
