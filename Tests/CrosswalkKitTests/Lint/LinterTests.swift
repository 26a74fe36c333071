import Testing

@testable import CrosswalkKit

@Suite struct LinterTests {
    static let clean = """
        -- content/glossary/plc.md --
        ---
        title: PLC
        summary: A controller.
        it: An appliance.
        ot: The controller.
        owner: Controls lead
        review_by: 2030-01-01
        ---
        Text.
        -- content/constraints/no-scan.md --
        ---
        title: No scanning
        summary: Listen only.
        owner: OT lead
        ---
        The PLC does not like probes.
        -- content/tools/scanner.md --
        ---
        title: Scanner
        summary: Probes.
        owner: SOC lead
        constraints:
          no-scan: {verdict: avoid, note: No.}
        ---
        Text.

        """

    func codes(_ site: String, today: String = "2027-01-01") -> [DiagnosticCode] {
        var all: [String: String] = [:]
        for (path, text) in SiteFixture(site).files { all["/s/" + path] = text }
        let report = SiteBuilder(
            options: BuildOptions(sourceRoot: "/s", outputDirectory: "/s/public", dryRun: true, today: today),
            fileSystem: .inMemory(all)
        ).build()
        return report.diagnostics.filter { $0.severity == .warning }.map(\.code)
    }

    @Test func cleanSiteHasNoWarnings() {
        #expect(codes(Self.clean).filter { $0.lintRule != nil }.isEmpty)
    }

    @Test func eachRuleFires() {
        #expect(
            codes(Self.clean.replacingOccurrences(of: "The PLC does not", with: "It does not")).contains(.orphanTerm))
        #expect(codes(Self.clean.replacingOccurrences(of: "it: An appliance.\n", with: "")).contains(.missingMeaning))
        #expect(
            codes(
                Self.clean.replacingOccurrences(of: "  no-scan: {verdict: avoid, note: No.}\n", with: "")
                    .replacingOccurrences(of: "constraints:\n", with: "")
            ).contains(.unmappedTool))
        #expect(
            codes(
                Self.clean.replacingOccurrences(of: "  no-scan: {verdict: avoid, note: No.}\n", with: "")
                    .replacingOccurrences(of: "constraints:\n", with: "")
            ).contains(.unmappedConstraint))
        #expect(codes(Self.clean, today: "2031-01-01").contains(.stalePage))
        #expect(codes(Self.clean.replacingOccurrences(of: "owner: SOC lead\n", with: "")).contains(.missingOwner))
        #expect(codes(Self.clean.replacingOccurrences(of: "summary: Probes.\n", with: "")).contains(.missingSummary))
        #expect(
            codes(
                Self.clean.replacingOccurrences(
                    of: "summary: Probes.", with: "summary: " + String(repeating: "word ", count: 50))
            )
            .contains(.longSummary))
        #expect(
            codes(
                Self.clean.replacingOccurrences(of: "title: PLC\n", with: "title: PLC\naliases: [control, CONTROL]\n")
            )
            .filter { $0 == .commonWordAlias }.count == 1)
    }

    @Test func rulesCanBeSwitchedOff() {
        let site =
            "-- crosswalk.yml --\nlint: {missing_owner: false}\n"
            + Self.clean.replacingOccurrences(of: "owner: SOC lead\n", with: "")
        #expect(!codes(site).contains(.missingOwner))
    }

    @Test func unknownRuleIsAWarningWithSuggestion() {
        let (_, diagnostics) = SiteConfig.parse("lint: {orphan_terms: false}\n")
        #expect(diagnostics.first?.hint == "did you mean 'orphan_term'?")
    }

    @Test func strictTurnsWarningsIntoErrors() {
        var all: [String: String] = [:]
        for (path, text) in SiteFixture(Self.clean.replacingOccurrences(of: "owner: SOC lead\n", with: "")).files {
            all["/s/" + path] = text
        }
        let report = SiteBuilder(
            options: BuildOptions(
                sourceRoot: "/s", outputDirectory: "/s/public", dryRun: true, strict: true, today: "2027-01-01"),
            fileSystem: .inMemory(all)
        ).build()
        #expect(!report.succeeded)
        #expect(report.diagnostics.contains { $0.code == .missingOwner && $0.severity == .error })
    }
}
