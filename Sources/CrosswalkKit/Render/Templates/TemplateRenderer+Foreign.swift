import Mustache

/// Values of types crosswalk's contexts never hold, written and looked into as swift-mustache
/// does: off the path of the types `ContextKind` tells apart.
extension TemplateRenderer {
    static func describe(_ value: Any) -> String {
        if let renderable = value as? MustacheCustomRenderable { return renderable.renderText }
        if let optional = value as? OptionalValue, let wrapped = optional.wrapped { return String(describing: wrapped) }
        return String(describing: value)
    }

    /// A value of a type crosswalk does not build, found as swift-mustache finds it. Apart:
    /// inside `child` its `Mirror` types' metadata was fetched on every lookup.
    @inline(never)
    static func otherChild(_ name: String, of object: Any) -> Any? {
        var object: Any? = object
        if let custom = object as? MustacheCustomRepresentation { object = custom.representation }
        if let parent = object as? MustacheParent { return parent.child(named: name) }
        guard let object,
            let matched = Mirror(reflecting: object).children.first(where: { $0.label == name })
        else { return nil }
        let wrapper = Mirror(reflecting: matched.value)
        guard wrapper.displayStyle == .optional else { return matched.value }
        return wrapper.children.first?.value
    }
}

private protocol OptionalValue {
    var wrapped: Any? { get }
}

extension Optional: OptionalValue {
    var wrapped: Any? { self }
}
