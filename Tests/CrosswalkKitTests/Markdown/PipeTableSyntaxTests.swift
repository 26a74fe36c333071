import Testing

@testable import CrosswalkKit

@Suite struct PipeTableSyntaxTests {
    /// The definition `mayHoldDelimiterRow` stands for: some line is only pipes, colons,
    /// dashes, spaces and `>`, with a dash.
    static func reference(_ text: String) -> Bool {
        let allowed: Set<UInt8> = Set("|:- \t\u{0B}\u{0C}>".utf8)
        return text.utf8.split(omittingEmptySubsequences: false) { $0 == 0x0A || $0 == 0x0D }.contains { line in
            line.contains(UInt8(ascii: "-")) && line.allSatisfy(allowed.contains)
        }
    }

    static func mayHold(_ text: String) -> Bool {
        var text = text
        return text.withUTF8 { PipeTableSyntax.mayHoldDelimiterRow($0) }
    }

    @Test(arguments: [
        "", "-", "a-b", "a | b\n--- | ---\n", "> | a |\n> |:-:|\n", "  - x\n    --|--\n", "real-time - safety\n",
        "a\r\n---\r\n", "a\r|-\r", "x-\n-y", "x--\n--\n", "-x\n", "x\n-", "|a|\n|b|\n", ">>>\n", "a-b-c-\n---x\n",
        "a - b - c\n- -\n", "\t-\t\n", "x\u{0B}-\n", "é-\n-\u{A0}\n", "--a--\n--", "a\n--\nb",
    ])
    func findsExactlyTheLinesThatCouldBeDelimiterRows(text: String) {
        #expect(Self.mayHold(text) == Self.reference(text), "\(text.debugDescription)")
    }

    /// Each dash looks back only to the one before it: a megabyte of dashes after a letter
    /// is one pass, not a pass per dash.
    @Test func aLongLineOfDashesIsScannedOnce() {
        let text = "x" + String(repeating: "-", count: 1 << 20) + "y\n"
        #expect(!Self.mayHold(text))
        #expect(Self.mayHold(text + String(repeating: "-", count: 1 << 20)))
    }

    @Test func sourceLinesFindABytePerRangeOfLines() {
        for ending in ["\n", "\r\n", "\r"] {
            let lines = SourceLines(["a|b", "c", "d-e", ""].joined(separator: ending))
            #expect(lines.contains(UInt8(ascii: "|"), in: 1...1))
            #expect(!lines.contains(UInt8(ascii: "|"), in: 2...3))
            #expect(lines.contains(UInt8(ascii: "-"), in: 2...9))
            #expect(!lines.contains(UInt8(ascii: "-"), in: 4...9))
            #expect(lines.line(3) == Array("d-e".utf8)[...])
        }
    }

    @Test func cellsAreTrimmedAndUnescapedAsInTwoSteps() {
        var random = SplitMix(seed: 7)
        let alphabet: [UInt8] = Array(" \t\\|a\r\u{0B}".utf8)
        for _ in 0..<2_000 {
            let text = (0..<random.below(12)).map { _ in alphabet[random.below(alphabet.count)] }
            let lower = random.below(text.count + 1)
            let upper = lower + random.below(text.count - lower + 1)
            #expect(
                PipeTableSyntax.trimmedAndUnescaped(text, lower..<upper)
                    == PipeTableSyntax.trim(PipeTableSyntax.unescapePipes(text[lower..<upper])))
        }
    }
}
