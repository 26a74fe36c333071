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
}
