import Testing

@testable import CrosswalkKit

@Suite struct SlugTests {
    @Test(arguments: [
        ("plc", "plc"), ("Plant Walk", "plant-walk"), ("jump_host", "jump-host"),
        ("Sécurité", "sécurité"), ("IEC 62443-3-3", "iec-62443-3-3"), ("a / b", "a-b"),
        ("  spaced  ", "spaced"), ("What's new?", "whats-new"),
    ])
    func makesURLSafeNames(input: String, expected: String) {
        #expect(Slug.make(input) == expected)
    }

    @Test func composedAndDecomposedAccentsAgree() {
        #expect(Slug.make("Se\u{301}curite\u{301}") == Slug.make("Sécurité"))
    }

    /// ASCII names take a path of bytes; it must give what the Unicode path gives, for every
    /// printable character, tab, carriage return and line feed, in random names.
    @Test func asciiNamesSlugAsTheUnicodePathSlugsThem() {
        var random = SplitMix(seed: 80_082)
        let characters = Array((0x20...0x7E).map { UInt8($0) }) + [0x09, 0x0A, 0x0D]
        for _ in 0..<3_000 {
            let name = String(
                decoding: (0..<Int(random.next() % 14)).map { _ in
                    characters[Int(random.next() % UInt64(characters.count))]
                },
                as: UTF8.self)
            #expect(Slug.ascii(name) == Slug.unicode(name), "\(name.debugDescription)")
        }
        for name in ["..", " ..", "-a-", "A_B C", "x/y+z", ".v1.2.", "---", ""] {
            #expect(Slug.ascii(name) == Slug.unicode(name), "\(name.debugDescription)")
        }
    }
}
