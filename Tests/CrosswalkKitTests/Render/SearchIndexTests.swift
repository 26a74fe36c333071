import Foundation
import Testing

@testable import CrosswalkKit

@Suite struct SearchIndexTests {
    static let site = """
        -- content/glossary/plc.md --
        ---
        title: PLC
        aliases: [programmable logic controller]
        summary: A rugged computer that runs control logic.
        ---
        ## History
        Relay panels were replaced by controllers &amp; ladder logic in the "1970s".
        -- content/guides/plant-walk.md --
        # Plant walk

        What you will see on the floor: pumps, valves and the control room.
        """

    @Test func bodyTextComesFromTheMarkdownTreeNotTheHTML() {
        let body = "Pumps &amp; *valves*  \nand `PLC` units\n\n```\ncode block\n```\n\n<b>raw</b>\n"
        let page = Page(
            kind: .page, slug: "a",
            source: SourceFile(
                relativePath: "a.md", displayPath: "content/a.md", frontMatter: nil, body: body, bodyLineOffset: 0),
            url: "a/", declaredTitle: "A", summary: nil, isFolderIndex: false, frontMatter: [])
        let site = Site(config: SiteConfig(), pages: [page], assets: [])
        let text = MarkdownStage().render(page, in: site).plainText
        #expect(SearchText.words(in: text) == ["pumps", "valves", "and", "plc", "units", "raw"])
    }

    @Test func wordsAreFoldedLikeTheBrowserFoldsAQuery() {
        #expect(SearchText.words(in: "Café SCADA’s IEC-62443") == ["cafe", "scada", "s", "iec", "62443"])
    }

    @Test func bodyWordsAreDistinctWithoutStopWordsOrKnownWords() {
        let words = SearchIndex.words(
            fromText: "The pump and the valve; the PUMP again. PLC pump valve", excluding: ["plc"])
        #expect(words == ["pump", "valve", "again"])
    }

    @Test func bodyWordsStopAtTheLimit() {
        let html = (1...100).map { "word\($0)" }.joined(separator: " ")
        #expect(SearchIndex.words(fromText: html, excluding: [], limit: 5).count == 5)
    }

    @Test func jsonStringsEscapeQuotesControlsAndScriptEnds() {
        #expect(JSONText.string("a\"b\\c\nd") == "\"a\\\"b\\\\c\\nd\"")
        #expect(JSONText.string("</script>") == "\"\\u003c/script>\"")
        #expect(JSONText.string("x\u{2028}y\u{1}") == "\"x\\u2028y\\u0001\"")
        #expect(JSONText.string("plain words") == "\"plain words\"")
        #expect(JSONText.string("it’s…\u{1F}\u{2029}") == "\"it’s…\\u001f\\u2029\"")
        #expect(JSONText.string("café — ok") == "\"café — ok\"")
    }

    @Test func indexIsAScriptAssigningOneGlobal() {
        let index = SearchIndex(entries: [
            .init(
                url: "glossary/plc/", kind: "Term", title: "PLC", summary: "A computer.", aliases: ["controller"],
                headings: ["History"], words: "relay ladder")
        ])
        let script = index.javaScript
        #expect(script.contains("window.crosswalkSearchIndex={\"version\":1,\"kinds\":[\"Term\","))
        #expect(
            script.contains(
                "[\"glossary/plc/\",0,\"PLC\",\"A computer.\",[\"controller\"],[\"History\"],\"relay ladder\"]"))
        #expect(script.hasSuffix("]};\n"))
    }

    @Test func buildWritesTheIndexWithEveryPage() throws {
        let (folder, report) = try SiteFixture(Self.site).build()
        #expect(report.succeeded, "\(report.diagnosticText)")
        let script = try folder.read("public/search-index.js")
        #expect(
            script.contains(
                "[\"glossary/plc/\",0,\"PLC\",\"A rugged computer that runs control logic.\","
                    + "[\"programmable logic controller\"],[\"History\"],\"relay panels replaced controllers ladder 1970s\"]"
            ))
        #expect(script.contains("[\"guides/plant-walk/\",5,\"Plant walk\","))
        #expect(script.contains("[\"glossary/\",6,\"Glossary\",\"\",[],[],\"\"]"))
        // Generated section pages sit among the content pages, all in URL order.
        let urls = script.split(separator: "\n").compactMap { line -> String? in
            guard line.hasPrefix("[\""), let end = line.dropFirst(2).firstIndex(of: "\"") else { return nil }
            return String(line[line.index(line.startIndex, offsetBy: 2)..<end])
        }
        #expect(urls.contains("glossary/") && urls.contains("glossary/plc/") && urls.contains("guides/plant-walk/"))
        #expect(urls.count >= 3 && urls == urls.sorted(), "\(urls)")
        let page = try folder.read("public/glossary/plc/index.html")
        #expect(page.contains("data-root=\"../../\""))
        #expect(page.contains("<script src=\"../../assets/search.js\" defer></script>"))
    }

    /// Entry lines written as bytes are the lines the quoted fields joined as strings made.
    @Test func entryLinesAreTheJoinedFields() {
        let pieces = ["PLC", "a\"b", "\\", "\n", "</script>", "x\u{2028}y", "\u{2029}", "it’s…", "\u{1}", " ", "é", ""]
        var random = SplitMix(seed: 8_282)
        func text() -> String { (0..<Int(random.next() % 4)).map { _ in pieces[Int(random.next() % 12)] }.joined() }
        func list() -> [String] { (0..<Int(random.next() % 4)).map { _ in text() } }
        for _ in 0..<2_000 {
            let (url, title, summary, aliases, headings, words) = (text(), text(), text(), list(), list(), list())
            let kind = SearchIndex.kinds[Int(random.next() % UInt64(SearchIndex.kinds.count))]
            let fields = [
                JSONText.string(url), String(SearchIndex.kinds.firstIndex(of: kind) ?? 0), JSONText.string(title),
                JSONText.string(summary), "[" + aliases.map(JSONText.string).joined(separator: ",") + "]",
                "[" + headings.map(JSONText.string).joined(separator: ",") + "]",
                JSONText.string(words.joined(separator: " ")),
            ]
            let entry = SearchIndex.Entry(
                url: url, kind: kind, title: title, summary: summary, aliases: aliases, headings: headings,
                words: words.joined(separator: " "))
            #expect(String(decoding: entry.line, as: UTF8.self) == "[" + fields.joined(separator: ",") + "]")
            #expect(JSONText.string(title) == Self.referenceQuoted(title))
        }
    }

    /// JSON quoting scalar by scalar, as the escaping rules read.
    static func referenceQuoted(_ text: String) -> String {
        var out = "\""
        for scalar in text.unicodeScalars {
            switch scalar {
            case "\"": out += "\\\""
            case "\\": out += "\\\\"
            case "\n": out += "\\n"
            case "\r": out += "\\r"
            case "\t": out += "\\t"
            case "<": out += "\\u003c"
            case "\u{2028}": out += "\\u2028"
            case "\u{2029}": out += "\\u2029"
            case _ where scalar.value < 0x20: out += String(format: "\\u%04x", scalar.value)
            default: out.unicodeScalars.append(scalar)
            }
        }
        return out + "\""
    }
}

extension SearchIndex {
    /// `joinedWords` as a list, after the stop words and `known`: the tests' way to ask.
    static func words(fromText text: String, excluding known: Set<String>, limit: Int = wordLimit) -> [String] {
        var seen = seenWords(capacity: known.count + limit)
        for word in known { seen.insert(word) }
        return joinedWords(fromText: text, after: seen, limit: limit).split(separator: " ").map(String.init)
    }
}
