import Foundation
import Testing

@testable import CrosswalkKit

/// The knowledge base in `content/` is the product's first impression: it must build with no
/// errors and no warnings, and its HTML must stay well-formed where crosswalk adds links.
@Suite struct ShippedContentTests {
    static let repository = URL(fileURLWithPath: #filePath).deletingLastPathComponent().deletingLastPathComponent()
        .deletingLastPathComponent().deletingLastPathComponent().path

    @Test func buildsWithoutWarningsAndWithoutNestedLinks() throws {
        let output = try TemporaryFolder()
        let report = SiteBuilder(
            options: BuildOptions(sourceRoot: Self.repository, outputDirectory: output.path("public"))
        ).build()
        #expect(report.diagnostics.isEmpty, "\(report.diagnosticText)")
        #expect(report.pageCount >= 100)
        for file in output.files(under: "public") where file.hasSuffix(".html") {
            let html = try output.read("public/" + file)
            #expect(Self.maximumAnchorDepth(html) <= 1, "nested <a> in \(file)")
        }
    }

    /// How deeply `<a>` elements nest in `html`.
    static func maximumAnchorDepth(_ html: String) -> Int {
        var depth = 0
        var deepest = 0
        var rest = html[...]
        while let open = rest.firstIndex(of: "<") {
            let tag = rest[rest.index(after: open)...]
            if tag.hasPrefix("a ") || tag.hasPrefix("a>") {
                depth += 1
                deepest = max(deepest, depth)
            } else if tag.hasPrefix("/a>") {
                depth -= 1
            }
            rest = tag
        }
        return deepest
    }

    @Test func nestedAnchorDetectorWorks() {
        #expect(Self.maximumAnchorDepth("<a href=x>a</a><abbr>b</abbr><a>c</a>") == 1)
        #expect(Self.maximumAnchorDepth("<a href=x><a href=y>b</a></a>") == 2)
    }
}
