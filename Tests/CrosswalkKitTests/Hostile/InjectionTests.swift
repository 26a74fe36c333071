import Foundation
import Testing

@testable import CrosswalkKit

/// No payload from content or config reaches the output of a real build unescaped (default,
/// safe mode): read back as a browser would tokenize it, the output has no script with inline
/// code, no event-handler attribute, no `javascript:`/`vbscript:`/`data:` URL and no element
/// that embeds other documents; each payload lands in text or a harmless attribute value; and
/// `search-index.js` is inert JSON.
@Suite struct InjectionTests {
    static let site = InjectionSite.built
    static let urlAttributes: Set<String> = [
        "href", "src", "action", "formaction", "xlink:href", "poster", "background", "cite", "data", "srcset",
    ]
    static let embeddingElements: Set<String> = ["iframe", "frame", "frameset", "object", "embed", "applet", "base"]

    @Test func theSiteBuildsWithEveryPayload() {
        #expect(Self.site.report.published, "\(Self.site.report.diagnosticText)")
        #expect(!Self.site.report.diagnostics.hasErrors, "\(Self.site.report.diagnosticText)")
        #expect(InjectionSite.vectors.count >= 20)
        #expect(Self.site.files.keys.contains("notes/vectors/index.html"))
    }

    @Test func noScriptElementCarriesInlineCode() {
        for (path, tokens) in Self.site.pages {
            for (index, token) in tokens.enumerated() {
                guard case .tag("script", let attributes) = token else { continue }
                #expect(attributes.contains { $0.name == "src" }, "\(path): <script> without src")
                if case .rawText(_, let code)? = tokens.dropFirst(index + 1).first {
                    #expect(
                        code.trimmingCharacters(in: .whitespacesAndNewlines).isEmpty, "\(path): inline script \(code)")
                }
            }
        }
    }

    @Test func noEventHandlerAttributeOrEmbeddingElement() {
        for (path, tokens) in Self.site.pages {
            for case .tag(let name, let attributes) in tokens {
                #expect(!Self.embeddingElements.contains(name), "\(path): <\(name)>")
                for attribute in attributes {
                    #expect(!attribute.name.hasPrefix("on"), "\(path): <\(name) \(attribute.name)=…>")
                }
                if name == "meta", let equiv = attributes.first(where: { $0.name == "http-equiv" }) {
                    #expect(equiv.value.lowercased() == "content-security-policy", "\(path): meta \(equiv.value)")
                }
            }
        }
    }

    @Test func noURLAttributeHoldsAScriptingScheme() {
        for (path, tokens) in Self.site.pages {
            for case .tag(let name, let attributes) in tokens {
                for attribute in attributes where Self.urlAttributes.contains(attribute.name) {
                    #expect(
                        !Self.isDangerous(attribute.value, image: name == "img"),
                        "\(path): <\(name) \(attribute.name)=\"\(attribute.value)\">")
                }
            }
        }
    }

    @Test(arguments: InjectionSite.vectors)
    func payloadLandsOnlyInTextOrHarmlessAttributes(_ vector: InjectionSite.Vector) {
        var seen = 0
        for (path, tokens) in Self.site.pages {
            for token in tokens {
                switch token {
                case .text(let text):
                    if text.contains(vector.marker) { seen += 1 }
                case .tag(let name, let attributes):
                    #expect(!name.contains(vector.marker), "\(path): the payload made a tag <\(name)>")
                    for attribute in attributes {
                        #expect(!attribute.name.contains(vector.marker), "\(path): attribute \(attribute.name)")
                        guard attribute.value.contains(vector.marker) else { continue }
                        seen += 1
                        #expect(!attribute.name.hasPrefix("on"), "\(path): in a handler \(attribute.name)")
                        if Self.urlAttributes.contains(attribute.name) {
                            #expect(!Self.isDangerous(attribute.value, image: name == "img"), "\(path): \(attribute)")
                        }
                    }
                case .rawText(let element, let text):
                    #expect(!text.contains(vector.marker), "\(path): the payload runs inside <\(element)>")
                case .endTag, .comment:
                    break
                }
            }
        }
        if vector.appears {
            #expect(seen > 0, "\(vector): not found in the output at all; the test would prove nothing")
        } else {
            #expect(seen == 0, "\(vector): safe mode should have dropped it")
        }
    }

    @Test func templateSyntaxInContentIsPrintedNotEvaluated() throws {
        let page = try #require(Self.site.files["notes/vectors/index.html"])
        let text = HTMLScanner.tokens(page).compactMap { token -> String? in
            if case .text(let text) = token { return text }
            return nil
        }.joined()
        #expect(text.contains("Literal {{site.title}} {{{page.body}}} {{> layout}} xss27."))
        let description = HTMLScanner.tokens(page).compactMap { token -> String? in
            guard case .tag("meta", let attributes) = token, attributes.contains(where: { $0.value == "description" })
            else { return nil }
            return attributes.first { $0.name == "content" }?.value
        }
        #expect(description.contains("xss28 {{site.title}} {{{page.body}}}"), "\(description)")
    }

    @Test func searchIndexIsInertJSON() throws {
        let script = try #require(Self.site.files[SearchIndex.fileName])
        for forbidden in ["</script", "<script", "<!--", "\u{2028}", "\u{2029}"] {
            #expect(!script.lowercased().contains(forbidden), "search-index.js holds \(forbidden.debugDescription)")
        }
        let prefix = "window.\(SearchIndex.globalName)="
        let start = try #require(script.range(of: prefix)?.upperBound)
        let end = try #require(script.range(of: ";", options: .backwards)?.lowerBound)
        let json = try JSONSerialization.jsonObject(with: Data(script[start..<end].utf8)) as? [String: Any]
        let pages = try #require(json?["pages"] as? [[Any]])
        let titles = Set(pages.compactMap { $0.count > 2 ? $0[2] as? String : nil })
        #expect(titles.contains("C </script><script>alert('xss09')</script>"), "\(titles)")
        #expect(titles.contains("Sep\u{2028}xss30\u{2029}arators"), "\(titles)")
        #expect(titles.contains("PLC <script>alert('xss01')</script>"), "\(titles)")
    }

    /// The checks are not vacuous: with `unsafe_html: true` the raw payloads pass through and
    /// every detector fires.
    @Test func theDetectorsFireWhenRawHTMLIsAllowed() {
        let unsafe = InjectionSite.unsafe
        #expect(unsafe.report.published, "\(unsafe.report.diagnosticText)")
        var inlineScripts = 0
        var handlers = 0
        var scriptURLs = 0
        for (_, tokens) in unsafe.pages {
            for token in tokens {
                if case .rawText("script", let code) = token, !code.trimmingCharacters(in: .whitespaces).isEmpty {
                    inlineScripts += 1
                }
                guard case .tag(let name, let attributes) = token else { continue }
                handlers += attributes.filter { $0.name.hasPrefix("on") }.count
                scriptURLs +=
                    attributes.filter {
                        Self.urlAttributes.contains($0.name) && Self.isDangerous($0.value, image: name == "img")
                    }.count
            }
        }
        #expect(inlineScripts > 0 && handlers > 0 && scriptURLs > 0, "\(inlineScripts) \(handlers) \(scriptURLs)")
    }

    /// A URL a browser would run or render as a document: `javascript:`, `vbscript:`, or `data:`
    /// other than the raster images libcmark lets through in an `<img>`.
    static func isDangerous(_ url: String, image: Bool) -> Bool {
        let squeezed = String(url.unicodeScalars.filter { $0.value > 0x20 }.map(Character.init)).lowercased()
        if squeezed.hasPrefix("javascript:") || squeezed.hasPrefix("vbscript:") { return true }
        guard squeezed.hasPrefix("data:") else { return false }
        let rasters = ["data:image/png", "data:image/gif", "data:image/jpeg", "data:image/webp"]
        return !(image && rasters.contains { squeezed.hasPrefix($0) })
    }
}
