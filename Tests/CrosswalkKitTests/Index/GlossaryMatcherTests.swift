import Testing

@testable import CrosswalkKit

@Suite struct GlossaryMatcherTests {
    let matcher = GlossaryMatcher(names: [
        ["Information technology (IT)", "IT"],  // 0
        ["Programmable logic controller (PLC)", "PLC"],  // 1
        ["Safety"],  // 2
        ["Safety instrumented system (SIS)", "SIS"],  // 3
        ["Patch"],  // 4
        ["Real-time"],  // 5
        ["Policy"],  // 6
        ["OPC UA"],  // 7
        ["Sécurité"],  // 8
    ])

    func found(_ text: String) -> [String] {
        let utf8 = Array(text.utf8)
        return matcher.matches(in: text[...]) { _ in true }.map {
            String(decoding: utf8[$0.start..<$0.end], as: UTF8.self)
        }
    }

    func terms(_ text: String) -> [Int] { matcher.matches(in: text[...]) { _ in true }.map(\.term) }

    @Test func capitalisedAliasesMatchCaseSensitively() {
        #expect(found("Ask IT whether it is patched.") == ["IT"])
        #expect(terms("Ask IT whether it is patched.") == [0])
    }

    @Test func otherNamesMatchInAnyCase() {
        #expect(found("PATCH day and patch night") == ["PATCH", "patch"])
        #expect(found("information technology") == ["information technology"])
    }

    @Test func wholeWordsOnly() {
        #expect(found("dispatcher patchwork ITSM") == [])
    }

    @Test func possessivesAndPluralsMatch() {
        #expect(found("the SIS’s trip, two PLCs, the patches, policies") == ["SIS", "PLCs", "patches", "policies"])
        #expect(found("PLCS and ITs") == ["ITs"])
    }

    @Test func longestMatchWins() {
        #expect(terms("a safety instrumented system and safety") == [3, 2])
    }

    @Test func rejectedLongMatchDoesNotFallBackToAShorterOne() {
        var seen: Set<Int> = []
        let matches = matcher.matches(in: "safety instrumented system, then safety instrumented system"[...]) {
            seen.insert($0).inserted
        }
        #expect(matches.map(\.term) == [3])
    }

    @Test func phrasesJoinAcrossSpacesLineBreaksAndHyphens() {
        #expect(found("real time, real-time and real\ntime") == ["real time", "real-time", "real\ntime"])
        #expect(found("safety, instrumented system") == ["safety"])
    }

    @Test func punctuationNextToATermIsFine() {
        #expect(found("(PLC), \"patch\"; OPC UA.") == ["PLC", "patch", "OPC UA"])
        #expect(found("opc ua") == [])
    }

    @Test func unicodeWordsMatch() {
        #expect(found("La sécurité d’abord; SÉCURITÉ.") == ["sécurité", "SÉCURITÉ"])
    }

    @Test func twentyThousandTermsMatchLikeTen() {
        var names: [[String]] = (0..<20_000).map { ["term number \($0)", "T\($0)X"] }
        names.append(["Historian"])
        let large = GlossaryMatcher(names: names)
        let text = "The historian logs term number 19999 and T42X but not term number or T42."
        let utf8 = Array(text.utf8)
        let hits = large.matches(in: text[...]) { _ in true }.map {
            String(decoding: utf8[$0.start..<$0.end], as: UTF8.self)
        }
        #expect(hits == ["historian", "term number 19999", "T42X"])
        #expect(large.maxWords == 3)
        // Names are prepared on every core: each match still names its own term.
        let terms = large.matches(in: text[...]) { _ in true }.map(\.term)
        #expect(terms == [20_000, 19_999, 42])
    }

    /// A matcher with one term's names replaced finds what a matcher made with those names
    /// finds.
    @Test func replacingATermsNamesMatchesAsANewMatcher() {
        var names: [[String]] = (0..<600).map { ["term number \($0)", "T\($0)X"] }
        names.append(["Historian"])
        let replaced = GlossaryMatcher(names: names).replacing([3: ["Relay cabinet", "RC"], 600: ["Data historian"]])
        names[3] = ["Relay cabinet", "RC"]
        names[600] = ["Data historian"]
        let fresh = GlossaryMatcher(names: names)
        let text = "The data historian and the historian near the relay cabinets, RC and term number 3, T3X, T4X."
        let found = replaced.matches(in: text[...]) { _ in true }
        #expect(found == fresh.matches(in: text[...]) { _ in true })
        #expect(found.map(\.term) == [600, 3, 3, 4])
    }

    @Test func asciiWordBytesAreLettersAndDigits() {
        for byte in UInt8(0)..<0x80 {
            let scalar = Unicode.Scalar(byte)
            let expected =
                (scalar >= "a" && scalar <= "z") || (scalar >= "A" && scalar <= "Z") || (scalar >= "0" && scalar <= "9")
            #expect(WordTokenizer.isASCIIWord(byte) == expected, "byte \(byte)")
        }
    }

    /// Names that fold alike share a slot: each is tried in term order, case-sensitive ones
    /// only as written. A name too long to sit in its slot is found as well.
    @Test func namesSharingASlotAreTriedInTermOrder() {
        let long = "Alpha bravo charlie delta echo foxtrot golf"
        let matcher = GlossaryMatcher(names: [["PLC"], ["plc"], [long, "OT-DMZ"], ["ot dmz"]])
        func terms(_ text: String) -> [Int] { matcher.matches(in: text[...]) { _ in true }.map(\.term) }
        #expect(terms("PLC plc Plc PLCs plcs") == [0, 1, 1, 0, 1])
        #expect(terms("ALPHA bravo charlie delta echo foxtrot golf, OT-DMZ, OT DMZ, ot-dmz") == [2, 2, 2, 3])
    }

    /// A longer name is tried only when the next word starts as one of its next words does;
    /// every way a next word can start still reaches its name: a capital, a digit, a letter
    /// outside ASCII (in either case), and a hyphen or line break between the words.
    @Test func namesContinueWhateverTheirNextWordStartsWith() {
        let matcher = GlossaryMatcher(names: [
            ["Zone étanche"], ["Cell 5 relay"], ["Boiler dispatcher"], ["boiler"], ["Ünit test rig"],
        ])
        func terms(_ text: String) -> [Int] { matcher.matches(in: text[...]) { _ in true }.map(\.term) }
        #expect(terms("zone étanche, ZONE ÉTANCHE") == [0, 0])
        #expect(terms("cell 5 relay and Cell 5 Relays") == [1, 1])
        #expect(terms("boiler dispatcher, Boiler-DISPATCHER, boiler\ndispatchers, boiler room") == [2, 2, 2, 3])
        #expect(terms("ünit test rig, ÜNIT TEST RIG") == [4, 4])
    }

    /// The hash slots find every key put in and nothing else, colliding slots included, with
    /// its records as given, whether they fit in the slot or spill over.
    @Test func hashSlotsFindWhatWasStored() {
        let keys: [UInt64] = (1...5000).map { $0 &* 0x9E37_79B9_7F4A_7C15 } + [0, 1, .max]
        func records(_ index: Int) -> [UInt8] { (0..<(index % 97)).map { UInt8(truncatingIfNeeded: index &+ $0) } }
        let slots = HashSlots(keys.enumerated().map { ($1, records($0), Int32($0 % 3), $0 % 2 == 0, UInt32($0)) })
        for (index, key) in keys.enumerated() {
            guard let slot = slots[key] else {
                Issue.record("key \(key) not found")
                continue
            }
            #expect(slot.nameCount == index % 3 && slot.isPrefix == (index % 2 == 0))
            #expect(slot.continuations == UInt32(index))
            let expected = records(index)
            #expect(Array(UnsafeRawBufferPointer(start: slot.records, count: expected.count)) == expected)
        }
        for missing: UInt64 in [2, 3, 12345, .max - 1] { #expect(slots[missing] == nil) }
        // Absent keys whose slot and tag byte match stored ones are still absent.
        var random = SplitMix(seed: 7)
        let stored = Set(keys)
        let absent = (0..<20000).map { _ in random.next() }.filter { !stored.contains($0) }
        #expect(absent.allSatisfy { slots[$0] == nil })
        #expect(HashSlots([])[7] == nil)
    }

    /// Skipping words that start no name changes no answer: random names (plurals of short
    /// words, digits, a name that folds to ASCII from outside it) over random text.
    @Test func skippingWordsThatStartNoNameFindsTheSame() {
        var random = SplitMix(seed: 29)
        let words = [
            "a", "y", "ox", "xy", "by", "bies", "oxes", "Ay", "PLC", "plcs", "1x", "Q2", "\u{212A}ilo", "kilo", "é",
            "és",
        ]
        for _ in 0..<300 {
            let names = (0..<(1 + random.below(6))).map { _ in
                [(0..<(1 + random.below(3))).map { _ in words[random.below(words.count)] }.joined(separator: " ")]
            }
            let text = (0..<random.below(30)).map { _ in
                words[random.below(words.count)] + [" ", "-", ", ", "\n", "s ", "es "][random.below(6)]
            }.joined()
            let filtered = GlossaryMatcher(names: names)
            var unfiltered = filtered
            unfiltered.starts = .everyWord
            #expect(
                filtered.matches(in: text[...]) { _ in true } == unfiltered.matches(in: text[...]) { _ in true },
                "\(names) \(text.debugDescription)")
        }
    }

    /// The tokenizer agrees with a scalar-by-scalar definition of a word: with words and gaps
    /// long and short, so that they start and end at every place of its eight-byte steps, and
    /// with other scripts among them.
    @Test func tokensAreRunsOfWordScalars() {
        var random = SplitMix(seed: 31)
        let pieces = [
            "a", "Z", "9", " ", ".", "é", "\u{301}", "’", "🙂", "日本", "\u{0663}", "-", "\n", "ß", "Safety", "PLC",
            "interlock ", "  ", "@[`{", "/:", "x7", "0123456789",
        ]
        for _ in 0..<2_000 {
            let text = (0..<random.below(40)).map { _ in pieces[random.below(pieces.count)] }.joined()
            var expected: [(Int, Int, Bool)] = []
            var offset = 0
            var current: (start: Int, ascii: Bool)?
            for scalar in text.unicodeScalars {
                let width = String(scalar).utf8.count
                if WordTokenizer.isWordScalar(scalar) {
                    if current == nil { current = (offset, true) }
                    if !scalar.isASCII { current?.ascii = false }
                } else if let word = current {
                    expected.append((word.start, offset, word.ascii))
                    current = nil
                }
                offset += width
            }
            if let word = current { expected.append((word.start, offset, word.ascii)) }
            let tokens = WordTokenizer.tokens(in: text)
            #expect(tokens.map(\.start) == expected.map(\.0) && tokens.map(\.end) == expected.map(\.1), "\(text)")
            #expect(tokens.map(\.isASCII) == expected.map(\.2), "\(text)")
        }
    }

    /// Eight bytes at once, a byte's top bit is set exactly when it is a letter or a digit, in
    /// every lane and beside every other byte.
    @Test func eightBytesAtOnceAgreeWithOneAtATime() {
        var random = SplitMix(seed: 808)
        for _ in 0..<20_000 {
            let lanes = (0..<8).map { _ in UInt8(random.below(128)) }
            let chunk = lanes.enumerated().reduce(UInt64(0)) { $0 | UInt64($1.element) << UInt64($1.offset * 8) }
            let words = WordTokenizer.wordBytes(chunk)
            for (lane, byte) in lanes.enumerated() {
                #expect((words >> UInt64(lane * 8 + 7)) & 1 == (WordTokenizer.isASCIIWord(byte) ? 1 : 0), "\(byte)")
            }
            #expect(words & ~0x8080_8080_8080_8080 == 0)
        }
    }

    /// Token room and a match array kept between texts (as the auto-linker keeps them) change no
    /// answer: the matches of the text before never stay, and the room, started small, grows.
    @Test func reusedTokenRoomFindsTheSame() {
        var tokens = TokenBuffer(capacity: 1)
        var reused: [GlossaryMatcher.Match] = []
        for text in ["a safety instrumented system and PLCs", "", "IT", "patches, policies and information technology"]
        {
            var copy = text
            copy.withUTF8 { matcher.matches(in: $0, tokens: &tokens, into: &reused) { _ in true } }
            #expect(reused == matcher.matches(in: text[...]) { _ in true }, "\(text)")
        }
    }
}
