import Testing

@testable import CrosswalkKit

@Suite struct SiteConfigTests {
    @Test func readsEveryKnownKey() {
        let (config, diagnostics) = SiteConfig.parse(
            "title: Plant KB\nbase_url: https://kb.example.org/\nlanguage: de\nunsafe_html: true\nsmart_punctuation: false\n"
        )
        #expect(diagnostics.isEmpty)
        #expect(config.title == "Plant KB")
        #expect(config.baseURL == "https://kb.example.org/")
        #expect(config.language == "de")
        #expect(config.unsafeHTML)
        #expect(!config.smartPunctuation)
    }

    @Test func defaultsAreSafe() {
        let (config, _) = SiteConfig.parse("")
        #expect(!config.unsafeHTML)
        #expect(config.baseURL == nil)
    }

    @Test func unknownKeyWarnsWithSuggestionAtItsLine() throws {
        let (_, diagnostics) = SiteConfig.parse("title: A\nunsafe_htm: true\n")
        let diagnostic = try #require(diagnostics.first)
        #expect(diagnostic.severity == .warning)
        #expect(diagnostic.code == .unknownConfigKey)
        #expect(diagnostic.location.line == 2)
        #expect(diagnostic.hint?.contains("unsafe_html") == true)
    }

    @Test func wrongTypeIsAnError() {
        let (_, diagnostics) = SiteConfig.parse("unsafe_html: maybe\n")
        #expect(diagnostics.map(\.code) == [.invalidConfig])
        #expect(diagnostics.first?.location.line == 1)
    }
}
