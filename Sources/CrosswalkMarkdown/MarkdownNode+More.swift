import Ccmark
import Glibc

extension MarkdownNode {
    /// Makes `child` the first child; the tree owns it afterwards. Returns false when refused.
    @discardableResult
    public func prepend(_ child: MarkdownNode) -> Bool {
        cmark_node_prepend_child(pointer, child.pointer) != 0
    }

    /// Detaches every child of `other` and appends it here, in order; a child libcmark refuses
    /// is freed. Children may come from another document: a node owns its text, not the
    /// document (checked under valgrind with libcmark 0.30.2). Keep that document alive until
    /// this returns.
    public func adoptChildren(of other: MarkdownNode) {
        // Sibling by sibling, the next one read first: no array of them (one per table cell).
        var child = other.firstChild
        while let current = child {
            child = current.next
            current.unlink()
            if !append(current) { current.free() }
        }
    }

    /// Whether a list renders its items' paragraphs without `<p>` (CommonMark's tight list).
    public var isTightList: Bool {
        get { cmark_node_get_list_tight(pointer) != 0 }
        nonmutating set { cmark_node_set_list_tight(pointer, newValue ? 1 : 0) }
    }

    /// Creates a detached text node holding `bytes` (UTF-8 without NUL), with no `String` made
    /// on the way: the auto-linker cuts text nodes by byte offsets.
    public static func text(utf8 bytes: UnsafeBufferPointer<UInt8>) -> MarkdownNode {
        let node = make(.text)
        withUnsafeTemporaryAllocation(of: UInt8.self, capacity: bytes.count + 1) { buffer in
            // A memcpy: `initialize(from:)` copied element by element.
            if let base = buffer.baseAddress, let source = bytes.baseAddress {
                UnsafeMutableRawPointer(base).copyMemory(from: source, byteCount: bytes.count)
            }
            buffer[bytes.count] = 0
            buffer.withMemoryRebound(to: CChar.self) { _ = cmark_node_set_literal(node.pointer, $0.baseAddress) }
        }
        return node
    }

    /// Creates a detached custom inline whose opening HTML is `enter`, NUL-terminated UTF-8
    /// (libcmark copies it): the auto-linker writes its HTML as bytes.
    public static func customInline(enterCString enter: UnsafePointer<CChar>, exit: String) -> MarkdownNode {
        let node = make(.customInline)
        _ = cmark_node_set_on_enter(node.pointer, enter)
        exit.withCString { _ = cmark_node_set_on_exit(node.pointer, $0) }
        return node
    }

    /// Appends the literal's UTF-8 bytes to `bytes` without making a `String` (nothing when
    /// the node has none). Scanning every text node of a page for terms made a String each.
    public func appendLiteral(to bytes: inout [UInt8]) {
        withLiteral { bytes.append(contentsOf: $0) }
    }

    /// Calls `body` with the literal's UTF-8 bytes, in libcmark's memory (empty when the node
    /// has none): a caller with a buffer of its own appends them without an array's per-call
    /// cost, about a hundred instructions beyond the copy.
    public func withLiteral<Result>(_ body: (UnsafeBufferPointer<UInt8>) -> Result) -> Result {
        guard let literal = cmark_node_get_literal(pointer) else {
            return body(UnsafeBufferPointer(start: nil, count: 0))
        }
        return literal.withMemoryRebound(to: UInt8.self, capacity: 1) { start in
            body(UnsafeBufferPointer(start: start, count: strlen(literal)))
        }
    }
}

extension MarkdownNode {
    /// Whether the literal contains `needle` (ASCII), read in place: most text nodes are
    /// asked whether they hold `[[`, and copying each into a `String` cost more than the answer.
    public func literalContains(_ needle: StaticString) -> Bool {
        guard let literal = cmark_node_get_literal(pointer) else { return false }
        // A StaticString is NUL-terminated; libcmark literals hold no NUL (the parser replaces it).
        return needle.utf8Start.withMemoryRebound(to: CChar.self, capacity: needle.utf8CodeUnitCount + 1) {
            strstr(literal, $0) != nil
        }
    }

    /// Whether ``onEnter`` starts with the ASCII `prefix`, compared in place (as
    /// `String.hasPrefix` would: a combining mark right after the prefix joins its last
    /// character, so then the String decides).
    public func onEnterHasPrefix(_ prefix: StaticString) -> Bool {
        guard let enter = cmark_node_get_on_enter(pointer) else { return false }
        let count = prefix.utf8CodeUnitCount
        let starts = prefix.utf8Start.withMemoryRebound(to: CChar.self, capacity: count + 1) {
            strncmp(enter, $0, count) == 0
        }
        guard starts else { return false }
        guard UInt8(bitPattern: enter[count]) >= 0x80 else { return true }
        return onEnter.hasPrefix(prefix.description)
    }

    /// Removes `prefix` from the start of the literal, in place; returns how many bytes are
    /// left, or nil (and changes nothing) when the literal does not start with `prefix`.
    public func removeLiteralPrefix(_ prefix: StaticString) -> Int? {
        guard let literal = cmark_node_get_literal(pointer) else { return nil }
        let prefixCount = prefix.utf8CodeUnitCount
        let starts = prefix.utf8Start.withMemoryRebound(to: CChar.self, capacity: prefixCount + 1) {
            strncmp(literal, $0, prefixCount) == 0
        }
        guard starts else { return nil }
        let rest = literal + prefixCount
        let count = strlen(rest)
        // Copied first: the setter frees the literal `rest` points into.
        withUnsafeTemporaryAllocation(of: CChar.self, capacity: count + 1) { buffer in
            guard let copy = buffer.baseAddress else { return }
            memcpy(copy, rest, count + 1)
            _ = cmark_node_set_literal(pointer, copy)
        }
        return count
    }
}
