import Testing

@testable import CrosswalkKit

/// Front matter read from libyaml's events must be what Yams's tree gives: the same keys,
/// values, types and positions, or nothing, and then Yams reads it. Random front matter mixes
/// the usual lines with everything the event reader leaves to Yams.
@Suite struct FrontMatterEventsTests {
    static let keys = ["title", "tags", "a", "b", "summary", "<<", "\"quoted key\"", "'a'", "ключ", "a b", "1"]
    static let scalars = [
        "PLC", "2024", "yes", "~", "null", "2026-11-29", "1.5", "Plant manager", "x # comment", "-", "\"quoted\"",
        "'single ''q'''", "\"esc \\n \\u00e9\"", "!!str 12", "! 12", "&anchor v", "*anchor", "[a, 2, \"c\"]", "[]",
        "{k: v, n: 1}", "{}", "\"\"", "''", "é\u{301}", "a: b", "[unclosed", "\"unclosed", "`tick", "@at", "%pct",
        "0x1F", ".inf", "<<", "=", "!!int \"5\"", "!custom x", "a\tb", "true",
    ]
    static let blocks = [
        "\n  - item\n  - 2\n  - \"three\"", "\n  inner: v\n  other: 3", "|\n  line one\n  line two",
        ">-\n  folded\n  text", "\n  - a: 1\n    b: [x]\n  - plain", "\n  deep:\n    deeper:\n      deepest: 1",
        "\n- outdented", "\n  - &l item\n  - *l", "\n  nested: {a: [1, {b: c}]}",
    ]
    static let strayLines = [
        "  bad indent: x", "\tTab: x", "---", "...", "key without colon", "# comment", "", "? complex\n: value",
        "%YAML 1.2", "title: second", "- list at top",
    ]

    static func randomFrontMatter(_ random: inout SplitMix) -> String {
        var lines: [String] = []
        for _ in 0..<(1 + Int(random.next() % 7)) {
            let roll = random.next() % 20
            if roll == 0 {
                lines.append(strayLines[Int(random.next() % UInt64(strayLines.count))])
                continue
            }
            let key = keys[Int(random.next() % UInt64(keys.count))]
            let value =
                roll < 15
                ? scalars[Int(random.next() % UInt64(scalars.count))]
                : blocks[Int(random.next() % UInt64(blocks.count))]
            lines.append(key + ":" + (value.hasPrefix("\n") ? "" : " ") + value)
        }
        return lines.joined(separator: "\n")
    }

    /// Equal with positions, which `FrontMatterValue`'s `==` leaves out.
    static func same(_ a: FrontMatterValue, _ b: FrontMatterValue) -> Bool {
        guard a.position == b.position else { return false }
        switch (a, b) {
        case let (.scalar(x, xt, _), .scalar(y, yt, _)): return x == y && xt == yt
        case let (.list(x, _), .list(y, _)): return x.count == y.count && zip(x, y).allSatisfy { same($0, $1) }
        case let (.map(x, _), .map(y, _)):
            return x.count == y.count && zip(x, y).allSatisfy { $0.key == $1.key && same($0.value, $1.value) }
        default: return false
        }
    }

    @Test func randomFrontMatterReadsAsYamsReadsIt() {
        var random = SplitMix(seed: 80_082)
        var (read, leftToYams) = (0, 0)
        for _ in 0..<6_000 {
            let yaml = Self.randomFrontMatter(&random)
            let file = SourceFile(
                relativePath: "a.md", displayPath: "content/a.md", frontMatter: yaml, body: "", bodyLineOffset: 0)
            let ours = FrontMatterParser.parse(file)
            let yams = FrontMatterParser.parseWithYams(file)
            if FrontMatterEvents.read(yaml) != nil { read += 1 } else { leftToYams += 1 }
            let samePairs =
                ours.pairs.count == yams.pairs.count
                && zip(ours.pairs, yams.pairs).allSatisfy { $0.key == $1.key && Self.same($0.value, $1.value) }
            #expect(samePairs, Comment(rawValue: yaml.debugDescription))
            #expect(ours.diagnostics == yams.diagnostics, Comment(rawValue: yaml.debugDescription))
        }
        // Both paths must have been taken often, or this compares little.
        #expect(read > 1_000)
        #expect(leftToYams > 1_000)
    }

    @Test func usualFrontMatterIsReadWithoutYams() throws {
        let yaml = "title: PLC\ntags: [ot, \"it\"]\nreviewed: 2026-11-29\nsteps:\n  - one\n  - 2\nmeta:\n  owner: SOC"
        let pairs = try #require(FrontMatterEvents.read(yaml))
        #expect(pairs.map(\.key) == ["title", "tags", "reviewed", "steps", "meta"])
        #expect(pairs[2].value == .scalar("2026-11-29", isText: false, .init(line: 3, column: 11)))
        #expect(pairs[3].value.position == .init(line: 5, column: 3))
        #expect(FrontMatterEvents.read("a: &x 1\nb: *x") == nil)
        #expect(FrontMatterEvents.read("a: 1\na: 2") == nil)
        #expect(FrontMatterEvents.read("- a") == nil)
        #expect(FrontMatterEvents.read("a: [") == nil)
    }
}
