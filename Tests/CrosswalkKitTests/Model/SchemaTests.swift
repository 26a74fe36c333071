import Testing

@testable import CrosswalkKit

@Suite struct SchemaTests {
    func validate(_ path: String, _ yaml: String) -> (PageMetadata, [Diagnostic]) {
        let file = SourceFile(
            relativePath: path, displayPath: "content/" + path, frontMatter: yaml, body: "", bodyLineOffset: 0)
        let parsed = FrontMatterParser.parse(file)
        var schema = Schema(file: file, kind: PageKind.of(relativePath: path))
        let metadata = schema.validate(parsed.pairs)
        return (metadata, parsed.diagnostics + schema.diagnostics)
    }

    @Test func unknownKeyWarnsAtItsLineWithTheClosestKnownKey() throws {
        let (_, diagnostics) = validate("glossary/a.md", "title: A\nalias: [x]\n")
        let diagnostic = try #require(diagnostics.first)
        #expect(diagnostic.severity == .warning)
        #expect(diagnostic.code == .unknownKey)
        #expect(diagnostic.location == SourceLocation(file: "content/glossary/a.md", line: 3, column: 1))
        #expect(diagnostic.hint == "did you mean 'aliases'?")
    }

    @Test func keysOfAnotherKindAreUnknown() {
        let (_, diagnostics) = validate("tools/a.md", "title: A\nit: meaning\n")
        #expect(diagnostics.map(\.code) == [.unknownKey])
    }

    @Test func readsATerm() {
        let (metadata, diagnostics) = validate(
            "glossary/a.md",
            "title: A\naliases: [B, C]\nit: x\not: y\nrelated: [d]\ntags: [t]\nowner: Lead\nreviewed: 2026-01-02\n")
        #expect(diagnostics.isEmpty)
        #expect(metadata.aliases.map(\.value) == ["B", "C"])
        #expect(metadata.aliases.first?.location.line == 3)
        #expect(metadata.it == "x" && metadata.ot == "y")
        #expect(metadata.related.map(\.value) == ["d"])
        #expect(metadata.reviewed == "2026-01-02")
    }

    @Test func readsAToolsVerdicts() {
        let (metadata, diagnostics) = validate(
            "tools/a.md",
            "title: A\nconstraints:\n  no-scan: {verdict: avoid, note: Never.}\n  outages: {verdict: caution}\n")
        #expect(diagnostics.isEmpty)
        #expect(metadata.constraintVerdicts.map(\.constraint.value) == ["no-scan", "outages"])
        #expect(metadata.constraintVerdicts.map(\.verdict) == [.avoid, .caution])
        #expect(metadata.constraintVerdicts.first?.constraint.location.line == 4)
    }

    @Test func invalidVerdictLaneReasonAndLevelAreErrors() {
        #expect(validate("tools/a.md", "constraints:\n  x: {verdict: maybe}\n").1.map(\.code) == [.wrongValueType])
        #expect(validate("workflows/a.md", "steps:\n  - {lane: hr, action: x}\n").1.map(\.code) == [.wrongValueType])
        #expect(
            validate("constraints/a.md", "why: [cost]\npurdue: [0, 7]\n").1.map(\.code) == [
                .wrongValueType, .wrongValueType,
            ])
        #expect(validate("workflows/a.md", "steps:\n  - {lane: it}\n").1.first?.message == "a step has no 'action'")
    }

    @Test func wrongShapesAreErrorsAtTheValue() throws {
        let (_, diagnostics) = validate("glossary/a.md", "title: A\naliases: {a: b}\n")
        let diagnostic = try #require(diagnostics.first)
        #expect(diagnostic.code == .wrongValueType)
        #expect(diagnostic.location.line == 3 && diagnostic.location.column == 10)
    }

    @Test func datesMustBeISO() {
        #expect(validate("a.md", "review_by: 2027-13-01\n").1.map(\.code) == [.wrongValueType])
        #expect(validate("a.md", "review_by: next year\n").1.map(\.code) == [.wrongValueType])
        #expect(validate("a.md", "review_by: 2027-12-01\n").0.reviewBy == "2027-12-01")
    }

    @Test func readsWorkflowsAndScenarios() {
        let workflow = validate(
            "workflows/a.md", "steps:\n  - {lane: joint, action: Agree, owner: Both, handoff: true}\n"
        ).0
        #expect(workflow.steps.first?.lane == .joint && workflow.steps.first?.handoff == true)
        let scenario = validate(
            "scenarios/a.md", "injects:\n  - {at: \"T+0:00\", event: Alert, it: [Q1], ot: [Q2, Q3]}\n"
        ).0
        #expect(scenario.injects.first?.ot == ["Q2", "Q3"])
    }

    /// Dates read as bytes answer as the character-by-character reading does: random texts
    /// near the `YYYY-MM-DD` form, marks and all, and the byte reading takes most of them.
    @Test func datesReadAsBytesMatchTheCharacterReading() {
        var random = SplitMix(seed: 2_027_0131)
        let pieces = ["0", "1", "2", "9", "3", "-", "+", " ", "T", "\u{301}", "é", "\r\n", "x", "13", "00"]
        var byBytes = 0
        for _ in 0..<20_000 {
            var text = ""
            if random.below(2) == 0 {
                text = String(format: "%04d-%02d-%02d", random.below(3_000), random.below(15), random.below(35))
            }
            for _ in 0..<random.below(4) { text += pieces[random.below(pieces.count)] }
            if random.below(3) == 0 { text = pieces[random.below(pieces.count)] + text }
            let answer = Schema.characterISODate(text)
            if let fast = Schema.plainISODate(text) {
                byBytes += 1
                #expect(fast == answer, Comment(rawValue: text.debugDescription))
            }
            #expect(Schema.isISODate(text) == answer, Comment(rawValue: text.debugDescription))
        }
        #expect(byBytes > 5_000)
    }
}
