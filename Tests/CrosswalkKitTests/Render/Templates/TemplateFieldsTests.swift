import Testing

@testable import CrosswalkKit

@Suite struct TemplateFieldsTests {
    /// Set, replaced and removed as a dictionary does, checked against one on random steps.
    @Test func behavesAsADictionaryOfItsNames() {
        let names = ["title", "url", "summary", "kind", "toc", "body", "é", "", "a.b", "title "]
        var random = SplitMix(seed: 11)
        var fields = TemplateFields()
        var dictionary: [String: Int] = [:]
        for step in 0..<5_000 {
            let name = names[Int(random.next() % UInt64(names.count))]
            if random.next() % 4 == 0 {
                fields[name] = nil
                dictionary[name] = nil
            } else {
                fields[name] = step
                dictionary[name] = step
            }
            for name in names {
                #expect(fields[name] as? Int == dictionary[name])
                #expect(fields.value(name, hash: TemplateFields.hash(name)) as? Int == dictionary[name])
            }
            #expect(fields.entries.count == dictionary.count)
        }
    }

    @Test func addingMissingFieldsKeepsItsOwn() {
        let page: TemplateFields = ["title": "Page", "toc": [1]]
        let merged = page.adding(missingFrom: ["toc": [Int](), "tags": [Int]()])
        #expect(merged["title"] as? String == "Page")
        #expect(merged["toc"] as? [Int] == [1])
        #expect(merged["tags"] as? [Int] == [])
        #expect(merged.entries.count == 3)
    }

    /// Empty text of either kind is left out (swift-mustache renders `{{#x}}` for ""), also
    /// inside another existential (an `Any` made from a generic `Any`); other text, empty
    /// lists, `false` and nested fields stay, in their order.
    @Test func emptyTextIsLeftOut() {
        func boxed<Value>(_ value: Value) -> Any { value }
        var fields: TemplateFields = [
            "summary": TemplateText(""), "title": TemplateText("Page"), "owner": "", "url": "plc/",
            "toc": [Any](), "draft": false, "page": ["title": ""] as TemplateFields, "note": boxed("" as Any),
        ]
        fields.removeEmptyText()
        #expect(fields.entries.map(\.name) == ["title", "url", "toc", "draft", "page"])
        #expect(SiteRenderer.withoutEmptyText(["a": TemplateText(""), "b": "x"]).entries.map(\.name) == ["b"])
    }

    /// A page's front matter, thousands of keys of it, is kept whole and found by name.
    @Test func uniqueNamesAreAllKept() {
        let fields = TemplateFields(uniqueNames: (0..<5_000).map { ("key\($0)", $0 as Any) })
        #expect(fields.entries.count == 5_000)
        for number in [0, 1, 2_500, 4_999] { #expect(fields["key\(number)"] as? Int == number) }
        #expect(fields["key5000"] == nil)
    }

    @Test func aLookupNeedsTheNameNotJustItsHash() {
        let fields: TemplateFields = ["title": "Page"]
        #expect(fields.value("other", hash: TemplateFields.hash("title")) == nil)
        #expect(fields.child(named: "title") as? String == "Page")
    }
}
