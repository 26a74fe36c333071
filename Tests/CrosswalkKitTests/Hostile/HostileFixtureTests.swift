import Foundation
import Testing

@testable import CrosswalkKit

/// Bad and hostile inputs, one folder per case under `Fixtures/Hostile/` (see ``HostileFixture``
/// for the format). Each case must build to completion — no crash, no hang — and report exactly
/// the diagnostics its `expect.txt` names; a case that expects no error must publish.
///
/// Nothing here measures time. Inputs that are slow for libcmark 0.30.2 or for crosswalk's own
/// scans are bounded by structure (``ContentLoader/maxBrackets``, ``SourceLocator``'s budget,
/// the linear wikilink scan), so a regression shows as this suite never finishing.
@Suite struct HostileFixtureTests {
    @Test func thereAreAtLeastSixtyCases() {
        #expect(HostileFixture.names.count >= 60, "found \(HostileFixture.names.count) in \(HostileFixture.directory)")
    }

    @Test(arguments: HostileFixture.names)
    func buildsAndReportsWhatItsExpectFileSays(_ name: String) throws {
        let fixture = try HostileFixture(named: name)
        #expect(!fixture.expected.isEmpty || !fixture.checks.isEmpty, "\(name): expect.txt is empty")
        let (folder, report, before) = try fixture.build()
        let reported = report.diagnosticText

        for expected in fixture.expected {
            #expect(
                report.diagnostics.contains(where: expected.matches),
                "\(name): expected \(expected), got:\n\(reported)")
        }
        let expectedCodes = Set(fixture.expected.map(\.code))
        for diagnostic in report.diagnostics where diagnostic.severity == .error {
            #expect(expectedCodes.contains(diagnostic.code), "\(name): unexpected \(diagnostic.formatted)")
        }
        let expectsErrors = fixture.expected.contains { expected in
            report.diagnostics.contains { $0.severity == .error && expected.matches($0) }
        }
        if expectsErrors {
            #expect(!report.published && !folder.exists("public"), "\(name): a failed build must publish nothing")
        } else {
            #expect(report.published, "\(name): expected a published site, got:\n\(reported)")
        }
        for check in fixture.checks {
            switch check {
            case .exists(let path):
                #expect(
                    folder.exists(path), "\(name): \(path) is missing; public/ holds \(folder.files(under: "public"))")
            case .absent(let path):
                #expect(!folder.exists(path), "\(name): \(path) must not exist")
            case .contains(let path, let text):
                let contents = (try? folder.read(path)) ?? ""
                #expect(contents.contains(text), "\(name): \(path) lacks '\(text)'")
            case .lacks(let path, let text):
                let contents = (try? folder.read(path)) ?? ""
                #expect(!contents.isEmpty && !contents.contains(text), "\(name): \(path) holds '\(text)'")
            }
        }
        // Nothing is ever written beside the output except crosswalk's own lock, record, keys,
        // markdown cache and spare tree.
        let beside = (try? FileManager.default.contentsOfDirectory(atPath: folder.root)) ?? []
        let written = Set(beside).subtracting(
            before.union([
                "public", ".public.lock", ".public.record", ".public.keys", ".public.markdown", ".public.bodies",
            ]))
        #expect(written.isEmpty, "\(name): the build wrote \(written.sorted()) beside public/")
    }
}
