import Testing

@testable import CrosswalkKit

/// What the line reader accepts, it must read as libyaml's events read it (positions and
/// typing included); the rest it leaves alone. Random front matter near the edge of what it
/// accepts, and the random front matter of `FrontMatterEventsTests`, hold it to that.
@Suite struct FrontMatterLinesTests {
    static let keys = ["title", "tags", "a", "b-c", "k_1", "x", "2026", "Key", "-a", "a b", "é"]
    static let pieces = [
        "PLC", "Plant manager", "2026-11-01", "4", "1.5", "yes", "no", "~", "null", "true", ".5", "(a)", "a/b",
        "x+y", "a - b", "a, b", "a: b", "a #c", "a#c", "-5", "- a", "a  ", " a", "\"q\"", "\"\"", "'s'", "''",
        "'it''s'", "\"a\\\"b\"", "\"a'b\"", "'a\"b'", "\"a # b\"", "\"a: b\"", "[]", "[ ]", "[a, b]", "[a,b]",
        "[ a , \"b\" ]", "[a, [b]]", "[a, {b: c}]", "[a,]", "[a b, c]", "{}", "{ }", "{a: b}", "{a: \"b\", c: 4}",
        "{a:b}", "{a: [b]}", "{a: b, a: c}", "{verdict: ok, note: \"Treat it as part of the process.\"}",
        "a\tb", "é", "a\u{301}", "!tag", "&x a", "*x", "|", ">", "%", "@", "`", "?", "a ? b", "{a: b} c",
        "[a] b", "\"a\" b", "'a' # c",
    ]
    static let blocks = [
        "\n  - a\n  - \"b\"\n  - [c, d]", "\n  - {verdict: ok, note: \"n\"}\n  - {verdict: avoid}",
        "\n  k: v\n  other: {a: b}", "\n  k: v\n  k: w", "\n   - three spaces", "\n - one space", "\n- none",
        "\n  - a\n\n  - after a blank", "\n  - a\n    - deeper", "\n  k:\n    deeper: v", "\n  - a\n  k: v",
        "\n  k: v\n  - a", "\n  -a", "\n  - ", "\n  k: ", "", "\n", "\n\n  - after blank",
    ]

    static func nearTheEdge(_ random: inout SplitMix) -> String {
        var text = ""
        for index in 0..<(1 + random.below(6)) {
            if index > 0 { text += random.below(12) == 0 ? "\n\n" : "\n" }
            let key = random.below(10) == 0 ? keys[random.below(keys.count)] : keys[random.below(7)]
            if random.below(4) == 0 {
                text += key + ":" + blocks[random.below(blocks.count)]
            } else {
                text += key + ": " + pieces[random.below(pieces.count)]
            }
            if random.below(15) == 0 { text += [" ", "  # c", "\t", "\r"][random.below(4)] }
        }
        if random.below(6) == 0 { text += "\n" }
        return text
    }

    /// True when the line reader leaves `yaml` alone, or reads it as the event reader does.
    static func agrees(_ yaml: String) -> (agrees: Bool, readByLines: Bool) {
        guard let lines = FrontMatterLines.read(yaml) else { return (true, false) }
        guard let events = FrontMatterEvents.read(yaml) else { return (false, true) }
        let same =
            lines.count == events.count
            && zip(lines, events).allSatisfy { $0.key == $1.key && FrontMatterEventsTests.same($0.value, $1.value) }
        return (same, true)
    }

    @Test func frontMatterNearTheEdgeReadsAsLibyamlReadsIt() {
        var random = SplitMix(seed: 62_443_2)
        var (byLines, total) = (0, 0)
        for _ in 0..<20_000 {
            let yaml = Self.nearTheEdge(&random)
            let (agrees, readByLines) = Self.agrees(yaml)
            #expect(agrees, Comment(rawValue: yaml.debugDescription))
            if readByLines { byLines += 1 }
            total += 1
        }
        // Both ways taken often, or this compares little.
        #expect(byLines > 2_000)
        #expect(total - byLines > 2_000)
    }

    @Test func theEventReadersRandomFrontMatterReadsAsLibyamlReadsIt() {
        var random = SplitMix(seed: 80_082)
        for _ in 0..<6_000 {
            let yaml = FrontMatterEventsTests.randomFrontMatter(&random)
            #expect(Self.agrees(yaml).agrees, Comment(rawValue: yaml.debugDescription))
        }
    }

    /// The front matter of the benchmark's pages and the shipped site's, as they are written.
    @Test func usualFrontMatterIsReadByLines() throws {
        let usual = [
            """
            title: "Feeder sequencer"
            aliases: ["FS", "feeder sequencers"]
            summary: "The feeder sequencer as both teams use the word."
            related: [term-124, term-130]
            tags: [process, vendor]
            reviewed: 2026-11-01
            """,
            """
            title: "Planned outages, rule 1"
            why: [regulatory]
            purdue: [4, 5]
            references:
              - {standard: "IEC 62443-3-2", note: "guidance on DMZ"}
              - {standard: "NERC CIP-007", note: "guidance on patch window"}
            owner: "Control systems engineer"
            """,
            """
            title: "Network security tool 1"
            category: "network security"
            constraints:
              constraint-41: {verdict: ok, note: "Treat the agent as part of the process."}
              constraint-13: {verdict: avoid, note: "Before the bridge, confirm the register."}
            tags: [network, device]

            """,
        ]
        for yaml in usual {
            let pairs = try #require(FrontMatterLines.read(yaml), Comment(rawValue: yaml))
            #expect(Self.agrees(yaml).agrees, Comment(rawValue: yaml))
            #expect(pairs.count >= 4)
        }
        let tool = try #require(FrontMatterLines.read(usual[2]))
        #expect(tool[2].value.position == .init(line: 4, column: 3))
        #expect(FrontMatterLines.read("a: x # comment") == nil)
        #expect(FrontMatterLines.read("a: 1\na: 2") == nil)
        #expect(FrontMatterLines.read("a: \"\\n\"") == nil)
        #expect(FrontMatterLines.read("title: Sécurité") == nil)
        // Past the parser's limit on values, left to libyaml and Yams to refuse.
        let limit = FrontMatterParser.maxNodes
        #expect(
            FrontMatterLines.read("a: [" + Array(repeating: "b", count: limit - 2).joined(separator: ", ") + "]") != nil
        )
        #expect(
            FrontMatterLines.read("a: [" + Array(repeating: "b", count: limit).joined(separator: ", ") + "]") == nil)
    }
}
