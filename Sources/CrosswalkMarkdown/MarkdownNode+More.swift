import Ccmark

extension MarkdownNode {
    /// 1-based byte column where a block ends on ``endLine`` (0 for nodes without a position).
    public var endColumn: Int { Int(cmark_node_get_end_column(pointer)) }

    /// Makes `child` the first child; the tree owns it afterwards. Returns false when refused.
    @discardableResult
    public func prepend(_ child: MarkdownNode) -> Bool {
        cmark_node_prepend_child(pointer, child.pointer) != 0
    }

    /// Detaches every child of `other` and appends it here, in order. The children of a
    /// paragraph parsed in another document may move across: their text is owned by the node,
    /// not by the document (checked under valgrind with libcmark 0.30.2).
    public func adoptChildren(of other: MarkdownNode) {
        for child in other.children {
            child.unlink()
            if !append(child) { child.free() }
        }
    }
}
