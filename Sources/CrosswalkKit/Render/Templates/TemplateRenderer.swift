import Mustache

/// Renders compiled templates into bytes, with swift-mustache's rules for finding values
/// (up the stack, through `MustacheParent`, `MustacheCustomRepresentation` and `Mirror`),
/// for sections and inverted sections, transforms, partials, blocks and indentation.
///
/// The context types crosswalk builds (`TemplateFields`, `[String: Any]` from front matter,
/// `TemplateText`, `TemplateHTML`, `LazyFields`, `String`, `Bool`, `Int` and arrays of them)
/// are told apart by their type's identity, one comparison, before any protocol cast; the
/// library tries up to four casts per stack level per lookup, which made it the largest single
/// cost of a build. Lambdas and templates as values, which crosswalk's contexts never hold,
/// are not called.
struct TemplateRenderer: ~Copyable {
    /// What a section passes to the templates inside it.
    struct Frame {
        var position: ListPosition?
        var indentation: String?
        var blocks: [String: [TemplateNode]]?
    }

    let templates: CompiledTemplates
    var output: HTMLBytes
    private var stack: [Any]
    /// Partials and blocks being expanded, one inside another, and how many expansions so far
    /// were of one already being expanded. Past ``maxNesting`` or ``maxRecursions`` the
    /// expansion stops and `runaway` is told, instead of overflowing the stack or, when a
    /// block expands itself once per list entry, doubling the work at every level.
    private var expanding: [Expansion] = []
    private var recursions = 0
    private let runaway: RunawayTemplates?

    /// Far deeper than any theme nests on purpose (a recursive partial for nested headings
    /// goes six levels), far shallower than a thread's stack allows.
    static let maxNesting = 32
    /// Far more than a recursive partial over a page's headings or a folder tree makes.
    static let maxRecursions = 1_000

    /// `capacity`: the bytes the output is expected to take (a page, a listing entry).
    init(templates: CompiledTemplates, root: Any, capacity: Int, runaway: RunawayTemplates? = nil) {
        self.templates = templates
        output = HTMLBytes(capacity: capacity)
        stack = [root]
        self.runaway = runaway
    }

    /// The output, once rendering is done.
    consuming func takeOutput() -> HTMLBytes { output }

    mutating func render(_ nodes: [TemplateNode], _ frame: Frame) {
        // The nodes as unretained references: `nodes` keeps them alive, and they are shared by
        // every page, so a retain and release per node was an atomic write both cores made to
        // the same memory, many times a page.
        nodes.withUnsafeBufferPointer { buffer in
            buffer.withMemoryRebound(to: Unmanaged<TemplateNode>.self) { nodes in
                render(nodes, frame)
            }
        }
    }

    private mutating func render(_ nodes: UnsafeBufferPointer<Unmanaged<TemplateNode>>, _ frame: Frame) {
        guard let indentation = frame.indentation, !indentation.isEmpty else {
            for node in nodes { node._withUnsafeGuaranteedRef { render($0, frame) } }
            return
        }
        // Output that starts a line of this template's text gets the indentation first.
        let start = output.count
        for node in nodes {
            let before = output.count
            node._withUnsafeGuaranteedRef { render($0, frame) }
            if output.count > before, output.endsLine(at: before, after: start) {
                output.insert(indentation, at: before)
            }
        }
    }

    private mutating func render(_ node: TemplateNode, _ frame: Frame) {
        switch node.kind {
        case .text:
            output.raw(node.bytes)
        case .variable:
            guard let value = lookup(node.name, frame) else { return }
            write(value, escaped: node.escaped)
        case .section:
            section(lookup(node.name, frame), node.children, frame)
        case .invertedSection:
            invertedSection(lookup(node.name, frame), node.children, frame)
        case .partial, .dynamicPartial:
            let nodes =
                node.kind == .partial
                ? templates[node.target, hash: node.targetHash]
                : (lookup(node.name, frame) as? String).flatMap { templates[$0] }
            guard let nodes, enter(node, rendering: nodes) else { return }
            defer { expanding.removeLast() }
            var inner = Frame(position: nil, indentation: frame.indentation, blocks: frame.blocks)
            if let indentation = node.indentation { inner.indentation = (frame.indentation ?? "") + indentation }
            if let blocks = node.blocks {
                // Blocks given further out win, as in swift-mustache.
                inner.blocks = frame.blocks.map { $0.merging(blocks) { outer, _ in outer } } ?? blocks
            }
            render(nodes, inner)
        case .block:
            let nodes = frame.blocks?[node.target] ?? node.children
            guard enter(node, rendering: nodes) else { return }
            defer { expanding.removeLast() }
            let inner = Frame(
                position: nil, indentation: (frame.indentation ?? "") + (node.indentation ?? ""), blocks: frame.blocks)
            render(nodes, inner)
        }
    }

    /// How a theme writes the tag of a partial or block.
    private static func tag(_ node: TemplateNode) -> String {
        switch node.kind {
        case .block: "{{$\(node.target)}}"
        case .dynamicPartial: "{{>*\(node.name.path.joined(separator: "."))}}"
        default: "{{> \(node.target)}}"
        }
    }

    /// A partial or block being expanded: the tag, and the nodes it renders (by address, as
    /// the same template or override comes back when it expands inside itself). Unretained:
    /// the nodes are shared by every page, and retaining them was an atomic write per tag.
    private struct Expansion {
        var nodes: UnsafeRawPointer?
        var tag: Unmanaged<TemplateNode>
    }

    /// Starts expanding the partial or block `node`, which renders `nodes`; false, and the tags
    /// from that expansion's last one on told to `runaway` (`{{$main}} → {{> body}} →
    /// {{$main}}`), when that would go past the limits above.
    private mutating func enter(_ node: TemplateNode, rendering nodes: [TemplateNode]) -> Bool {
        let address = nodes.withUnsafeBufferPointer { UnsafeRawPointer($0.baseAddress) }
        var earlier: Int?
        for index in expanding.indices.reversed() where expanding[index].nodes == address {
            earlier = index
            break
        }
        if earlier != nil { recursions += 1 }
        guard expanding.count < Self.maxNesting, recursions <= Self.maxRecursions else {
            let tags = expanding[(earlier ?? 0)...].map { $0.tag.takeUnretainedValue() } + [node]
            runaway?.record(
                tags.map(Self.tag).joined(separator: " → "))
            return false
        }
        expanding.append(Expansion(nodes: address, tag: .passUnretained(node)))
        return true
    }

    private mutating func write(_ value: Any, escaped: Bool) {
        let text: String
        switch ContextKind(value) {
        case .text: text = ContextKind.known(value, as: TemplateText.self).text
        case .string: text = ContextKind.known(value, as: String.self)
        // As swift-mustache writes it (`String(describing:)`), without its failed casts.
        case .int: text = String(ContextKind.known(value, as: Int.self))
        case .html:
            let bytes = ContextKind.known(value, as: TemplateHTML.self).bytes
            if escaped { bytes.withUnsafeBufferPointer { output.escaped($0, from: 0) } } else { output.raw(bytes) }
            return
        default: text = Self.describe(value)
        }
        if escaped { output.escaped(text) } else { output.raw(text) }
    }

    private mutating func section(_ value: Any?, _ nodes: [TemplateNode], _ frame: Frame) {
        guard let value else { return }
        switch ContextKind(value) {
        case .table, .fields, .text, .string, .lazy, .html, .listItem, .int:
            push(value, nodes, frame)
        case .bool:
            if ContextKind.known(value, as: Bool.self) { render(nodes, frame) }
        case .anyList:
            each(ContextKind.known(value, as: [Any].self), nodes, frame)
        case .tableList:
            each(ContextKind.known(value, as: [TemplateFields].self), nodes, frame)
        case .fieldsList:
            each(ContextKind.known(value, as: [[String: Any]].self), nodes, frame)
        case .textList:
            each(ContextKind.known(value, as: [TemplateText].self), nodes, frame)
        case .stringList:
            each(ContextKind.known(value, as: [String].self), nodes, frame)
        case .listItems:
            each(ContextKind.known(value, as: [ListItem].self), nodes, frame)
        case .other:
            if let sequence = value as? any MustacheSequence {
                each(sequence, nodes, frame)
            } else if let bool = value as? Bool {
                if bool { render(nodes, frame) }
            } else if let renderable = value as? MustacheCustomRenderable, renderable.isNull {
                return
            } else {
                push(value, nodes, frame)
            }
        }
    }

    private mutating func invertedSection(_ value: Any?, _ nodes: [TemplateNode], _ frame: Frame) {
        guard let value else { return render(nodes, frame) }
        switch ContextKind(value) {
        case .table, .fields, .text, .string, .lazy, .html, .listItem, .int:
            return
        case .bool:
            if !ContextKind.known(value, as: Bool.self) { render(nodes, frame) }
        case .anyList:
            if ContextKind.known(value, as: [Any].self).isEmpty { push(value, nodes, frame) }
        case .tableList:
            if ContextKind.known(value, as: [TemplateFields].self).isEmpty { push(value, nodes, frame) }
        case .fieldsList:
            if ContextKind.known(value, as: [[String: Any]].self).isEmpty { push(value, nodes, frame) }
        case .textList:
            if ContextKind.known(value, as: [TemplateText].self).isEmpty { push(value, nodes, frame) }
        case .stringList:
            if ContextKind.known(value, as: [String].self).isEmpty { push(value, nodes, frame) }
        case .listItems:
            if ContextKind.known(value, as: [ListItem].self).isEmpty { push(value, nodes, frame) }
        case .other:
            if let sequence = value as? any MustacheSequence {
                if Self.isEmpty(sequence) { push(value, nodes, frame) }
            } else if let bool = value as? Bool {
                if !bool { render(nodes, frame) }
            } else if let renderable = value as? MustacheCustomRenderable, renderable.isNull {
                render(nodes, frame)
            }
        }
    }

    private static func isEmpty(_ sequence: some Sequence) -> Bool {
        var iterator = sequence.makeIterator()
        return iterator.next() == nil
    }

    private mutating func push(_ value: Any, _ nodes: [TemplateNode], _ frame: Frame) {
        stack.append(value)
        render(nodes, Frame(position: nil, indentation: frame.indentation, blocks: frame.blocks))
        stack.removeLast()
    }

    private mutating func each(_ elements: some Sequence, _ nodes: [TemplateNode], _ frame: Frame) {
        var iterator = elements.makeIterator()
        guard var current = iterator.next() else { return }
        var inner = Frame(
            position: ListPosition(index: 0, first: true, last: false), indentation: frame.indentation,
            blocks: frame.blocks)
        while true {
            let next = iterator.next()
            if next == nil { inner.position?.last = true }
            stack.append(Self.flattened(current))
            render(nodes, inner)
            stack.removeLast()
            guard let next else { return }
            current = next
            inner.position?.first = false
            inner.position?.index += 1
        }
    }

    /// `element` as an `Any` holding its own value. An element of an `[Any]` turned into `Any`
    /// from a generic parameter is an `Any` inside an `Any`: its kind reads as `.other`, and
    /// every lookup in it took the protocol casts (about 2,500 instructions each).
    @inline(__always)
    private static func flattened<Element>(_ element: Element) -> Any {
        if Element.self == Any.self { return unsafeBitCast(element, to: Any.self) }
        return element
    }

    // MARK: Finding values

    private func lookup(_ name: TemplateName, _ frame: Frame) -> Any? {
        var found: Any?
        switch name.start {
        case .current:
            found = stack.last
        case .position:
            // `first()`, `index()` and the rest: answered here, without the casts below.
            if let position = frame.position, name.transforms.count == 1 {
                return position.transform(name.transforms[0])
            }
            found = frame.position
        case .currentOnly:
            found = Self.descend(name, from: 0, in: stack[stack.count - 1])
        case .stack:
            guard let first = name.path.first else {
                found = stack.last
                break
            }
            // By index, top down: iterating `reversed()` copied each level's value out first.
            var level = stack.count - 1
            while level >= 0 {
                if let child = Self.child(first, hash: name.hashes[0], of: stack[level]) {
                    // One or two names (`root`, `page.title`) without a slice of the path.
                    switch name.path.count {
                    case 1: found = child
                    case 2: found = Self.child(name.path[1], hash: name.hashes[1], of: child)
                    default: found = Self.descend(name, from: 1, in: child)
                    }
                    break
                }
                level -= 1
            }
        }
        // Moved, not copied: a copy of the found value and the release of `found` after it
        // were about a quarter of a lookup.
        guard var value = consume found else { return nil }
        if ContextKind(value) == .other, let custom = value as? MustacheCustomRepresentation {
            guard let representation = custom.representation else { return nil }
            value = representation
        }
        for transform in name.transforms.reversed() {
            if let counted = Self.countTransform(transform, of: value) {
                value = counted
                continue
            }
            guard let transformable = value as? MustacheTransformable,
                let transformed = transformable.transform(transform)
            else { return nil }
            value = transformed
        }
        return value
    }

    /// `empty(x)` and `count(x)` of the lists crosswalk builds, as swift-mustache's `Array`
    /// transforms give them, without a protocol cast per use; nil for anything else.
    private static func countTransform(_ transform: String, of value: Any) -> Any? {
        guard let count = ContextKind.listCount(value) else { return nil }
        switch transform {
        case "empty": return count == 0
        case "count": return count
        default: return nil
        }
    }

    /// The value at `name.path[start...]` below `object`.
    private static func descend(_ name: TemplateName, from start: Int, in object: Any) -> Any? {
        var object = object
        for index in start..<name.path.count {
            guard let child = child(name.path[index], hash: name.hashes[index], of: object) else { return nil }
            object = child
        }
        return object
    }

    /// `hash` is `TemplateFields.hash(name)`, worked out when the template was compiled.
    private static func child(_ name: String, hash: UInt64, of object: Any) -> Any? {
        switch ContextKind(object) {
        case .table:
            return ContextKind.known(object, as: TemplateFields.self).value(name, hash: hash)
        case .fields:
            return ContextKind.known(object, as: [String: Any].self)[name]
        case .lazy:
            return ContextKind.known(object, as: LazyFields.self).child(named: name, hash: hash)
        case .listItem:
            return ContextKind.known(object, as: ListItem.self).child(named: name)
        case .text, .html, .string, .bool, .int, .anyList, .tableList, .fieldsList, .textList, .stringList, .listItems:
            // No fields: `TemplateText` has none, and `Mirror` shows no labelled children.
            return nil
        case .other:
            return otherChild(name, of: object)
        }
    }
}

/// The position in a list, for `{{#first()}}`, `{{index()}}` and the rest, as swift-mustache
/// names them.
struct ListPosition: MustacheTransformable {
    var index: Int
    var first: Bool
    var last: Bool

    func transform(_ name: String) -> Any? {
        switch name {
        case "first": first
        case "last": last
        case "index": index
        case "even": index & 1 == 0
        case "odd": index & 1 == 1
        default: nil
        }
    }
}
