import Mustache

/// The named values of one context object a template reads (a page, a listing entry, the
/// site), written as a dictionary literal.
///
/// A few dozen names (a page's front matter may add more), kept in a list with a 64-bit hash
/// of each name, which a template's compiled names carry too (`TemplateName.hashes`): a
/// lookup compares hashes, then the name. A `[String: Any]` hashed the name with SipHash on
/// every lookup, about 300 instructions, and a page looks up about 150 values.
struct TemplateFields: ExpressibleByDictionaryLiteral, MustacheParent {
    struct Entry {
        let hash: UInt64
        let name: String
        var value: Any
    }

    private(set) var entries: [Entry]

    init() { entries = [] }

    /// A name given twice keeps its first value (a dictionary literal traps).
    init(dictionaryLiteral elements: (String, Any)...) {
        entries = []
        // Room for the few fields a page's context gets after the literal.
        entries.reserveCapacity(elements.count + 4)
        for (name, value) in elements { entries.append(Entry(hash: Self.hash(name), name: name, value: value)) }
    }

    /// Fields from pairs whose names differ (a page's front-matter keys, which the parser
    /// holds unique): appended without looking for each name first, which is quadratic in
    /// the keys of a page that has thousands.
    init(uniqueNames pairs: some Sequence<(String, Any)>) {
        entries = pairs.map { Entry(hash: Self.hash($0.0), name: $0.0, value: $0.1) }
    }

    /// FNV-1a over the name's UTF-8.
    static func hash(_ name: String) -> UInt64 {
        name.withUTF8Bytes { bytes in
            var hash: UInt64 = 0xcbf2_9ce4_8422_2325
            for byte in bytes { hash = (hash ^ UInt64(byte)) &* 0x100_0000_01b3 }
            return hash
        }
    }

    var isEmpty: Bool { entries.isEmpty }

    /// The value named `name`, whose hash is `hash`.
    func value(_ name: String, hash: UInt64) -> Any? {
        index(of: name, hash: hash).map { entries[$0].value }
    }

    /// Through a pointer: `firstIndex(where:)` copied every entry it looked at.
    private func index(of name: String, hash: UInt64) -> Int? {
        entries.withUnsafeBufferPointer { entries in
            for index in entries.indices where entries[index].hash == hash && entries[index].name == name {
                return index
            }
            return nil
        }
    }

    /// Setting nil removes the name, as it does in a dictionary.
    subscript(name: String) -> Any? {
        get { value(name, hash: Self.hash(name)) }
        set {
            let hash = Self.hash(name)
            switch (index(of: name, hash: hash), newValue) {
            case (let index?, let value?): entries[index].value = value
            case (let index?, nil): entries.remove(at: index)
            case (nil, let value?): entries.append(Entry(hash: hash, name: name, value: value))
            case (nil, nil): break
            }
        }
    }

    /// Leaves out every value that is empty text (`SiteRenderer.withoutEmptyText(_:)`), in
    /// place: fields with none are not copied.
    mutating func removeEmptyText() {
        entries.removeAll { TemplateText.string($0.value)?.isEmpty == true }
    }

    /// These fields, with those of `other` whose names they do not have.
    func adding(missingFrom other: TemplateFields) -> TemplateFields {
        var merged = self
        for entry in other.entries where index(of: entry.name, hash: entry.hash) == nil { merged.entries.append(entry) }
        return merged
    }

    /// For swift-mustache, which renders a theme crosswalk's own renderer does not take.
    func child(named name: String) -> Any? { self[name] }
}

/// A tag that names a whole object (`{{page}}`) writes nothing, in both renderers: the text
/// would otherwise list every field, so a field no tag names could still be seen, and the
/// renderer could not leave out what the theme never draws (`TemplateSet.namesLookedUp`).
extension TemplateFields: CustomStringConvertible {
    var description: String { "" }
}
