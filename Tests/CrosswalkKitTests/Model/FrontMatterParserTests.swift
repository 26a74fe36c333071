import Foundation
import Testing
import Yams

@testable import CrosswalkKit

/// The Model stage types plain scalars itself (Yams's regexes were half its time); it must
/// agree with Yams's default resolver on every string.
@Suite struct FrontMatterParserTests {
    static func yamsReadsAsText(_ text: String) -> Bool {
        Node(text).tag.rawValue == Tag.Name.str.rawValue
    }

    @Test func plainScalarsAreTypedAsYamsTypesThem() {
        var samples =
            Array(FrontMatterParser.nonTextWords) + [
                "", "~", "<<", "=", "0", "00", "07", "08", "0o17", "0b101", "0x1F", "0x", "-0", "+12", "1_000",
                "190:20:30", "1.5", ".5", "1e3", "1e+3", ".5e-3", ".5e3", "+.inf", ".NaN", ".nan", "-.Inf",
                "2026-11-29", "2026-1-2 3:04:05", "2001-12-14t21:59:43.10-05:00", "2026-11-29 x", "1.2.3",
                "12:30", "-", "+", ".", "..", "0.", "1_", "_1", "yes!", "Yes ", "TRUE2", "nul", "NuLL",
                "Plant manager", "SOC analyst", "- item", "3.5", "IEC 62443-3-3", "No entry", "on call",
                "~x", "<<x", "=x", "++1", "1e", "1e+", "0b", "0o", "0b2", "1:60", "1:5", "1:05.5",
                "9999-99-99", "2026-11-0a", "2026/11/01", "1234", "99999999999999999999999", "0123", "12a", "1 2",
            ]
        // Random strings over the characters the rules care about (fixed seed: repeatable).
        var generator = SplitMix(seed: 62443)
        let alphabet = Array("0123456789+-._:eExXoObBaAfFiInNtTzZ ~<=yslu\t")
        for _ in 0..<20_000 {
            let length = Int(generator.next() % 12)
            samples.append(String((0..<length).map { _ in alphabet[Int(generator.next() % UInt64(alphabet.count))] }))
        }
        // Numbers and near-numbers, which the shortcuts judge without the regexes.
        let digits = Array("0123456789._")
        for _ in 0..<4_000 {
            let length = 1 + Int(generator.next() % 6)
            samples.append(String((0..<length).map { _ in digits[Int(generator.next() % UInt64(digits.count))] }))
        }
        let disagreements = samples.filter {
            FrontMatterParser.plainScalarIsText($0) != Self.yamsReadsAsText($0)
        }
        #expect(disagreements.isEmpty, "\(disagreements.prefix(20))")
    }

    @Test func quotedAndTaggedScalarsKeepTheirType() throws {
        let yaml = """
            a: "2024"
            b: 2024
            c: !!str 2024
            d: yes
            e: 'no'
            f: !!int "5"
            g: Plant manager
            h: ! 12
            """
        let file = SourceFile(
            relativePath: "a.md", displayPath: "content/a.md", frontMatter: yaml, body: "", bodyLineOffset: 0)
        let parsed = FrontMatterParser.parse(file)
        #expect(parsed.diagnostics.isEmpty)
        let types = parsed.pairs.map { pair -> String in
            if case .scalar(_, let isText, _) = pair.value { return "\(pair.key)=\(isText)" }
            return pair.key
        }
        #expect(types == ["a=true", "b=false", "c=true", "d=false", "e=true", "f=false", "g=true", "h=true"])
    }
}

/// A small, fast, seedable generator for repeatable test data: the same sequence on every
/// machine, also for the standard library's `random(in:using:)`.
struct SplitMix: RandomNumberGenerator {
    var state: UInt64
    init(seed: UInt64) { state = seed }
    mutating func next() -> UInt64 {
        state &+= 0x9E37_79B9_7F4A_7C15
        var z = state
        z = (z ^ (z >> 30)) &* 0xBF58_476D_1CE4_E5B9
        z = (z ^ (z >> 27)) &* 0x94D0_49BB_1331_11EB
        return z ^ (z >> 31)
    }
}
