/// One piece of a compiled template. The tree is what swift-mustache parses the same source
/// into; `CompiledTemplates` renders it without `Any` lookups by name strings.
indirect enum TemplateNode: Sendable {
    case text([UInt8])
    case variable(TemplateName, escaped: Bool)
    case section(TemplateName, [TemplateNode])
    case invertedSection(TemplateName, [TemplateNode])
    /// `{{> name}}` (no blocks) or `{{< name}}…{{/name}}` (blocks it overrides). `indentation`
    /// is set when the tag stands alone on its line.
    case partial(String, indentation: String?, blocks: [String: [TemplateNode]]?)
    /// `{{$name}}default{{/name}}` outside a `{{< parent}}`: a block a child may override.
    case block(String, defaults: [TemplateNode], indentation: String)
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
    var transforms: [String]

    init(_ name: String, transforms: [String]) {
        self.transforms = transforms
        path = name.split(separator: ".").map(String.init)
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
