/// A theme's compiled templates by name, for `TemplateRenderer`. A partial tag carries its
/// name's hash (`TemplateNode.targetHash`), so expanding it compares hashes in a short list:
/// a `[String: …]` hashed the name with SipHash, about 450 instructions, at every one of a
/// page's dozen partial tags.
struct CompiledTemplates: Sendable {
    let byName: [String: [TemplateNode]]
    // Apart, so the scan reads hashes only: a list of tuples copied each name and template.
    private let hashes: [UInt64]
    private let names: [String]
    private let templates: [[TemplateNode]]

    init(_ byName: [String: [TemplateNode]]) {
        self.byName = byName
        let entries = Array(byName)
        names = entries.map(\.key)
        hashes = names.map(TemplateFields.hash)
        templates = entries.map(\.value)
    }

    subscript(name: String) -> [TemplateNode]? { byName[name] }

    /// The template `name`, whose hash is `hash` (`TemplateFields.hash(_:)`).
    subscript(name: String, hash hash: UInt64) -> [TemplateNode]? {
        let index = hashes.withUnsafeBufferPointer { hashes in
            hashes.indices.first { hashes[$0] == hash && names[$0] == name }
        }
        return index.map { templates[$0] }
    }
}
