/// One piece of a compiled template. The tree is what swift-mustache parses the same source
/// into; `TemplateRenderer` renders it without `Any` lookups by name strings.
///
/// A class of plain fields, not an enum with payloads: Swift keeps an enum's case in spare
/// bits of its payload's pointers, where LeakSanitizer cannot follow them, and the fuzz run
/// reported every parsed template as leaked.
final class TemplateNode: Sendable {
    enum Kind: Sendable {
        case text
        /// `{{name}}` (escaped) or `{{{name}}}`, `{{&name}}`.
        case variable
        case section
        case invertedSection
        /// `{{> name}}` (no blocks) or `{{< name}}…{{/name}}` (the blocks it overrides).
        case partial
        /// `{{$name}}default{{/name}}` outside a `{{< parent}}`: a block a child may override.
        case block
        /// `{{>*name}}` or `{{<*name}}…{{/*name}}`: the partial `name`'s value names, looked up
        /// as a variable is; a value that is not a `String` names none, as in swift-mustache.
        case dynamicPartial
    }

    let kind: Kind
    /// A text node's bytes.
    let bytes: [UInt8]
    /// What a variable or a section looks up.
    let name: TemplateName
    let escaped: Bool
    /// A section's contents; a block's default.
    let children: [TemplateNode]
    /// The partial or block called, and its name's hash (`CompiledTemplates`).
    let target: String
    let targetHash: UInt64
    /// Set when a partial's tag stands alone on its line; always set for a block.
    let indentation: String?
    /// The blocks a `{{< parent}}` overrides.
    let blocks: [String: [TemplateNode]]?

    private init(
        _ kind: Kind, bytes: [UInt8] = [], name: TemplateName = .none, escaped: Bool = false,
        children: [TemplateNode] = [], target: String = "", indentation: String? = nil,
        blocks: [String: [TemplateNode]]? = nil
    ) {
        self.kind = kind
        self.bytes = bytes
        self.name = name
        self.escaped = escaped
        self.children = children
        self.target = target
        targetHash = TemplateFields.hash(target)
        self.indentation = indentation
        self.blocks = blocks
    }

    static func text(_ bytes: [UInt8]) -> TemplateNode { TemplateNode(.text, bytes: bytes) }

    static func variable(_ name: TemplateName, escaped: Bool) -> TemplateNode {
        TemplateNode(.variable, name: name, escaped: escaped)
    }

    static func section(_ name: TemplateName, _ children: [TemplateNode]) -> TemplateNode {
        TemplateNode(.section, name: name, children: children)
    }

    static func invertedSection(_ name: TemplateName, _ children: [TemplateNode]) -> TemplateNode {
        TemplateNode(.invertedSection, name: name, children: children)
    }

    static func partial(_ target: String, indentation: String?, blocks: [String: [TemplateNode]]?) -> TemplateNode {
        TemplateNode(.partial, target: target, indentation: indentation, blocks: blocks)
    }

    static func dynamicPartial(
        _ name: TemplateName, indentation: String?, blocks: [String: [TemplateNode]]?
    ) -> TemplateNode {
        TemplateNode(.dynamicPartial, name: name, indentation: indentation, blocks: blocks)
    }

    static func block(_ target: String, defaults: [TemplateNode], indentation: String) -> TemplateNode {
        TemplateNode(.block, children: defaults, target: target, indentation: indentation)
    }
}

/// A tag's name, split once: `page.title`, `.`, `.title` (current object only) or
/// `empty(page.toc)` (transforms, innermost last, as swift-mustache applies them).
struct TemplateName: Sendable, Equatable {
    enum Start: Sendable, Equatable {
        /// `.`: the current object.
        case current
        /// `.a.b`: looked up on the current object only.
        case currentOnly
        /// `a.b`: the first object up the stack that has `a`.
        case stack
        /// `first()` and friends: the position in the enclosing list.
        case position
    }

    var start: Start
    var path: [String]
    /// `TemplateFields.hash` of each name of `path`, so a lookup does not hash it again.
    var hashes: [UInt64]
    var transforms: [String]

    /// For nodes that look nothing up.
    static let none = TemplateName("", transforms: [])

    init(_ name: String, transforms: [String]) {
        self.transforms = transforms
        path = name.split(separator: ".").map(String.init)
        hashes = path.map(TemplateFields.hash)
        if name == "." {
            start = .current
        } else if name.isEmpty, !transforms.isEmpty {
            start = .position
        } else if name.first == "." {
            start = .currentOnly
        } else {
            start = .stack
        }
    }
}
