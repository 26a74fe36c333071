import Foundation
import Testing

@testable import CrosswalkKit

/// Runs the CommonMark 0.30 spec examples through the Markdown stage with every crosswalk
/// extension off. The spec lives in `../shared/commonmark/` beside the checkout, or wherever
/// `CROSSWALK_COMMONMARK_DIR` points.
@Suite struct CommonMarkSpecTests {
    struct Example {
        var number: Int
        var section: String
        var markdown: String
        var html: String
    }

    static let specDirectory: String = {
        if let override = ProcessInfo.processInfo.environment["CROSSWALK_COMMONMARK_DIR"] { return override }
        let repository = URL(fileURLWithPath: #filePath).deletingLastPathComponent().deletingLastPathComponent()
            .deletingLastPathComponent().deletingLastPathComponent()
        return repository.deletingLastPathComponent().appendingPathComponent("shared/commonmark").path
    }()

    static func examples() throws -> [Example] {
        let path = specDirectory + "/spec-0.30.txt"
        guard let text = try? String(contentsOfFile: path, encoding: .utf8) else {
            Issue.record(
                "CommonMark spec not found at \(path): set CROSSWALK_COMMONMARK_DIR to the folder holding spec-0.30.txt"
            )
            return []
        }
        let fence = String(repeating: "`", count: 32)
        var examples: [Example] = []
        var section = ""
        var lines = text.split(separator: "\n", omittingEmptySubsequences: false)[...]
        while let line = lines.popFirst() {
            if line.hasPrefix("#") { section = line.drop { $0 == "#" || $0 == " " }.description }
            guard line == fence + " example" else { continue }
            var markdown: [Substring] = []
            while let next = lines.popFirst(), next != "." { markdown.append(next) }
            var html: [Substring] = []
            while let next = lines.popFirst(), next != fence { html.append(next) }
            func text(_ lines: [Substring]) -> String {
                lines.map { $0 + "\n" }.joined().replacingOccurrences(of: "→", with: "\t")
            }
            examples.append(
                Example(number: examples.count + 1, section: section, markdown: text(markdown), html: text(html)))
        }
        return examples
    }

    @Test func allExamplesAreByteIdenticalWithRawHTMLAllowed() throws {
        let examples = try Self.examples()
        guard !examples.isEmpty else { return }
        #expect(examples.count == 652)
        let stage = MarkdownStage(options: .unsafe, extensions: false)
        var failures: [Int] = []
        for example in examples where stage.render(example.markdown).html != example.html {
            failures.append(example.number)
        }
        #expect(failures.isEmpty, "examples differing from the spec: \(failures)")
    }

    /// In safe mode an example may differ only where libcmark omits raw HTML or empties an
    /// unsafe URL: the example must hold raw HTML or an unsafe URL, the output must show the
    /// omission, and it must hold no markup libcmark's renderer would not write itself.
    @Test func safeModeDiffersOnlyByOmissions() throws {
        let examples = try Self.examples()
        guard !examples.isEmpty else { return }
        let stage = MarkdownStage(options: [], extensions: false)
        var unexplained: [Int] = []
        var omitted = 0
        for example in examples {
            let safe = stage.render(example.markdown).html
            guard safe != example.html else { continue }
            omitted += 1
            let omits =
                safe.contains("<!-- raw HTML omitted -->") || safe.contains("href=\"\"") || safe.contains("src=\"\"")
            let hasRawHTML = example.html.contains("<") && example.markdown.contains("<")
            let hasUnsafeURL = ["javascript:", "vbscript:", "file:", "data:"].contains {
                example.markdown.lowercased().contains($0)
            }
            if !omits || !(hasRawHTML || hasUnsafeURL) || Self.containsUnsafeMarkup(safe) {
                unexplained.append(example.number)
            }
        }
        #expect(omitted > 0, "safe mode should omit the raw HTML examples")
        #expect(unexplained.isEmpty, "examples differing for another reason than omission: \(unexplained)")
    }

    /// True when HTML contains a tag libcmark's own renderer never writes.
    static func containsUnsafeMarkup(_ html: String) -> Bool {
        let allowed: Set<String> = [
            "p", "em", "strong", "a", "img", "code", "pre", "h1", "h2", "h3", "h4", "h5", "h6", "ul", "ol", "li",
            "blockquote", "hr", "br", "!--",
        ]
        var rest = html[...]
        while let open = rest.firstIndex(of: "<") {
            let afterOpen = rest[rest.index(after: open)...]
            let name = afterOpen.drop { $0 == "/" }.prefix { !$0.isWhitespace && $0 != ">" && $0 != "/" }
            if !allowed.contains(name.lowercased()) { return true }
            rest = afterOpen
        }
        return false
    }

    /// With extensions on, every example renders as libcmark does except where an extension
    /// changes it by design. For the 0.30 spec that is heading ids alone: no example holds a
    /// pipe table, a callout marker or a `[[wikilink]]`, so none may change otherwise.
    @Test func extensionsChangeOnlyWhatTheyMeanTo() throws {
        let examples = try Self.examples()
        guard !examples.isEmpty else { return }
        let stage = MarkdownStage(options: .unsafe, extensions: true)
        var unexplained: [Int] = []
        var headingIDsOnly = 0
        for example in examples {
            let html = stage.render(example.markdown).html
            guard html != example.html else { continue }
            if Self.removingHeadingIDs(html) == example.html {
                headingIDsOnly += 1
            } else {
                unexplained.append(example.number)
            }
        }
        #expect(headingIDsOnly > 0)
        #expect(unexplained.isEmpty, "examples changed by extensions without a listed reason: \(unexplained)")
    }

    static func removingHeadingIDs(_ html: String) -> String {
        var result = ""
        var rest = html[...]
        while let open = rest.range(of: "<h"), let close = rest[open.upperBound...].firstIndex(of: ">") {
            let tag = rest[open.lowerBound...close]
            result += rest[..<open.lowerBound]
            if let level = tag.dropFirst(2).first, level.isNumber, tag.contains(" id=\"") {
                result += "<h\(level)>"
            } else {
                result += tag
            }
            rest = rest[rest.index(after: close)...]
        }
        return result + rest
    }
}
