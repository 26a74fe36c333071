import Ccmark

/// A non-owning view of one node in a libcmark tree.
///
/// The tree belongs to its ``MarkdownDocument``; a view is valid while the document lives and
/// the node stays in it. A node made with ``MarkdownNode/make(_:)`` belongs to the caller until
/// it is inserted into a tree; one that could not be inserted, or was unlinked, must be freed
/// with ``free()``.
public struct MarkdownNode: Hashable {
    // Inlinable, like the accessors and `walk` below: every transform walks the tree, and a
    // call across modules per node (and per node type) was most of a walk's cost.
    @usableFromInline let pointer: OpaquePointer

    @inlinable init(_ pointer: OpaquePointer) { self.pointer = pointer }
    @inlinable init?(_ pointer: OpaquePointer?) {
        guard let pointer else { return nil }
        self.pointer = pointer
    }

    /// Creates a detached node of `type`; the caller owns it until it is inserted.
    public static func make(_ type: NodeType) -> MarkdownNode {
        MarkdownNode(cmark_node_new_with_mem(type.raw, MarkdownMemory.allocator))
    }

    /// Creates a detached text node holding `literal`.
    public static func text(_ literal: String) -> MarkdownNode {
        let node = make(.text)
        node.literal = literal
        return node
    }

    /// Creates a detached custom block whose HTML is `enter`, the children, then `exit`.
    /// The HTML is emitted verbatim even in safe mode: escape anything that came from content.
    public static func customBlock(enter: String, exit: String) -> MarkdownNode {
        let node = make(.customBlock)
        setCString(enter, node.pointer, cmark_node_set_on_enter)
        setCString(exit, node.pointer, cmark_node_set_on_exit)
        return node
    }

    /// Creates a detached custom inline; same rules as ``customBlock(enter:exit:)``.
    public static func customInline(enter: String, exit: String) -> MarkdownNode {
        let node = make(.customInline)
        setCString(enter, node.pointer, cmark_node_set_on_enter)
        setCString(exit, node.pointer, cmark_node_set_on_exit)
        return node
    }

    @inlinable public var type: NodeType { NodeType(cmark_node_get_type(pointer)) }

    /// The text of a text, code, code block or HTML node (copied out of the tree).
    public var literal: String? {
        get { cmark_node_get_literal(pointer).map { String(cString: $0) } }
        nonmutating set { setCString(newValue, pointer, cmark_node_set_literal) }
    }

    /// The destination of a link or image.
    public var url: String? {
        get { cmark_node_get_url(pointer).map { String(cString: $0) } }
        nonmutating set { setCString(newValue, pointer, cmark_node_set_url) }
    }

    public var title: String? {
        get { cmark_node_get_title(pointer).map { String(cString: $0) } }
        nonmutating set { setCString(newValue, pointer, cmark_node_set_title) }
    }

    /// The HTML a custom node emits on entering (empty for other nodes).
    public var onEnter: String {
        cmark_node_get_on_enter(pointer).map { String(cString: $0) } ?? ""
    }

    public var headingLevel: Int { Int(cmark_node_get_heading_level(pointer)) }

    /// The info string of a fenced code block.
    public var fenceInfo: String? {
        get { cmark_node_get_fence_info(pointer).map { String(cString: $0) } }
        nonmutating set { setCString(newValue, pointer, cmark_node_set_fence_info) }
    }

    /// 1-based line in the parsed text where the node starts (0 for inlines).
    @inlinable public var startLine: Int { Int(cmark_node_get_start_line(pointer)) }
    public var startColumn: Int { Int(cmark_node_get_start_column(pointer)) }
    public var endLine: Int { Int(cmark_node_get_end_line(pointer)) }

    @inlinable public var parent: MarkdownNode? { MarkdownNode(cmark_node_parent(pointer)) }
    @inlinable public var firstChild: MarkdownNode? { MarkdownNode(cmark_node_first_child(pointer)) }
    @inlinable public var lastChild: MarkdownNode? { MarkdownNode(cmark_node_last_child(pointer)) }
    @inlinable public var next: MarkdownNode? { MarkdownNode(cmark_node_next(pointer)) }
    @inlinable public var previous: MarkdownNode? { MarkdownNode(cmark_node_previous(pointer)) }

    /// The direct children, collected first so the caller may restructure while looping.
    public var children: [MarkdownNode] {
        var result: [MarkdownNode] = []
        var child = firstChild
        while let node = child {
            result.append(node)
            child = node.next
        }
        return result
    }

    /// The nearest block ancestor (or self) that carries a source position.
    public var positionedAncestor: MarkdownNode? {
        var node: MarkdownNode? = self
        while let current = node {
            if current.type.isBlock && current.startLine > 0 { return current }
            node = current.parent
        }
        return nil
    }

    /// Inserts `sibling` before this node; the tree owns it afterwards.
    /// Returns false when libcmark refuses (the caller still owns `sibling`).
    @discardableResult
    public func insertBefore(_ sibling: MarkdownNode) -> Bool {
        cmark_node_insert_before(pointer, sibling.pointer) != 0
    }

    @discardableResult
    public func insertAfter(_ sibling: MarkdownNode) -> Bool {
        cmark_node_insert_after(pointer, sibling.pointer) != 0
    }

    /// Appends `child`; the tree owns it afterwards. Returns false when refused.
    @discardableResult
    public func append(_ child: MarkdownNode) -> Bool {
        cmark_node_append_child(pointer, child.pointer) != 0
    }

    /// Detaches the node from its tree; the caller owns it afterwards.
    public func unlink() { cmark_node_unlink(pointer) }

    /// Frees the node and its children, unlinking it first. Only for nodes the caller owns
    /// or wants removed from the tree. A node cut from an arena is only unlinked: its blocks
    /// go with the arena, and freeing them one by one did nothing but walk the subtree.
    public func free() {
        if crosswalk_block_in_arena(UnsafeRawPointer(pointer)) != 0 {
            cmark_node_unlink(pointer)
        } else {
            cmark_node_free(pointer)
        }
    }

    /// Replaces this node with `replacement`, moving every child across, and frees this node.
    public func replace(with replacement: MarkdownNode) {
        for child in children { replacement.append(child) }
        insertBefore(replacement)
        free()
    }

    /// Replaces this block with one whose HTML is `open`, the inline children, then `close`,
    /// with no line breaks added inside (a heading with an id, say). The HTML is emitted
    /// verbatim even in safe mode: escape anything that came from content.
    public func replaceWithInlineWrapper(open: String, close: String) {
        let wrapper = MarkdownNode.customInline(enter: open, exit: close)
        // Sibling by sibling (the next one read before appending unlinks this one): no array.
        var child = firstChild
        while let current = child {
            child = current.next
            wrapper.append(current)
        }
        let block = MarkdownNode.customBlock(enter: "", exit: "")
        block.append(wrapper)
        insertBefore(block)
        free()
    }

    /// The plain text of the node's inline content (text, code and breaks as spaces).
    public var plainText: String {
        // As bytes, decoded once: a String per literal cost more than the text.
        var bytes: [UInt8] = []
        walk { event, node in
            guard event == .enter else { return }
            switch node.type {
            case .text, .code: node.appendLiteral(to: &bytes)
            case .softBreak, .lineBreak: bytes.append(0x20)
            default: break
            }
        }
        return String(decoding: bytes, as: UTF8.self)
    }

    /// Visits this node, if it is a block, and every block below it, in document order; the
    /// inline content of paragraphs and headings is never entered, so a search for blocks
    /// (quotes, headings) costs a fraction of ``walk(_:)``. Do not change the tree inside `visit`.
    @inlinable public func walkBlocks(_ visit: (MarkdownNode) -> Void) {
        var current: MarkdownNode? = self
        while let node = current {
            let type = node.type
            if type.isBlock { visit(node) }
            if type.containsBlocks, let child = node.firstChild {
                current = child
                continue
            }
            // The next sibling of this node or of its nearest ancestor below `self` with one.
            var climb = node
            current = nil
            while climb != self {
                if let next = climb.next {
                    current = next
                    break
                }
                guard let parent = climb.parent else { break }
                climb = parent
            }
        }
    }

    public enum WalkEvent: Sendable { case enter, exit }

    /// Like ``walk(_:)``, but stops as soon as `visit` returns false.
    @inlinable public func walkWhile(_ visit: (WalkEvent, MarkdownNode) -> Bool) {
        guard let iterator = cmark_iter_new(pointer) else { return }
        defer { cmark_iter_free(iterator) }
        while true {
            let event = cmark_iter_next(iterator)
            if event == CMARK_EVENT_DONE { break }
            guard let node = MarkdownNode(cmark_iter_get_node(iterator)) else { continue }
            guard visit(event == CMARK_EVENT_EXIT ? .exit : .enter, node) else { return }
        }
    }

    /// Visits this node and its descendants in document order. Leaves get `.enter` only.
    /// Do not change the tree inside `visit`; collect nodes and change them afterwards.
    @inlinable public func walk(_ visit: (WalkEvent, MarkdownNode) -> Void) {
        walkWhile { event, node in
            visit(event, node)
            return true
        }
    }
}

/// Hands `text` to a libcmark setter (which copies it) through `withCString`: passing a
/// `String` as `const char *` directly made a temporary array per call, a visible cost when
/// every auto-link and table cell makes nodes. nil clears the value.
private func setCString(
    _ text: String?, _ node: OpaquePointer, _ setter: (OpaquePointer?, UnsafePointer<CChar>?) -> Int32
) {
    guard let text else {
        _ = setter(node, nil)
        return
    }
    _ = text.withCString { setter(node, $0) }
}
