import Ccmark

#if canImport(Glibc)
    import Glibc
#elseif canImport(Musl)
    import Musl
#elseif canImport(Darwin)
    import Darwin
#endif

/// A parsed markdown document; it owns its libcmark tree and frees it on deinit.
///
/// Not `Sendable`: a document stays on the task that parsed it. Different documents may be
/// parsed and rendered on different tasks in parallel.
public final class MarkdownDocument {
    /// The document node; valid while this object lives.
    public let root: MarkdownNode
    public let options: MarkdownOptions
    /// The arena the tree was parsed in, if any: it must outlive the tree.
    private let arena: MarkdownArena?

    /// Parses `text` as CommonMark.
    public init(parsing text: String, options: MarkdownOptions = []) {
        var text = text
        // What cmark_parse_document does, with crosswalk's allocator.
        guard let parser = cmark_parser_new_with_mem(options.rawValue, MarkdownMemory.allocator) else {
            preconditionFailure("libcmark could not allocate a parser")
        }
        text.withUTF8 { buffer in
            buffer.withMemoryRebound(to: CChar.self) { chars in
                cmark_parser_feed(parser, chars.baseAddress, chars.count)
            }
        }
        let pointer = cmark_parser_finish(parser)
        cmark_parser_free(parser)
        // cmark_parser_finish only returns nil when out of memory.
        guard let pointer else { preconditionFailure("libcmark could not allocate a document") }
        self.root = MarkdownNode(pointer)
        self.options = options
        self.arena = MarkdownArena.current
    }

    /// A tree parsed in an arena is not walked to be freed: every block of it is the arena's,
    /// which goes whole once its last document does (`crosswalk_block_free` does nothing with
    /// such a block). The walk was 0.4% of a 1,000-page build's instructions.
    deinit { if arena == nil { cmark_node_free(root.pointer) } }

    /// Renders the whole tree to HTML with the document's options.
    public func renderHTML() -> String {
        Self.renderHTML(root, options: options)
    }

    /// Renders `node` and its children to HTML.
    public static func renderHTML(_ node: MarkdownNode, options: MarkdownOptions) -> String {
        // The buffer comes from the node's allocator, crosswalk's, and is ours to free.
        guard let buffer = cmark_render_html(node.pointer, options.rawValue) else { return "" }
        defer { MarkdownMemory.free(buffer) }
        return String(cString: buffer)
    }

    /// Renders the whole tree and hands `body` libcmark's UTF-8 as it is, without the copy
    /// (and the check of every byte) a `String` makes: a build writes most bodies straight
    /// to disk.
    public func withRenderedHTML<Result>(_ body: (UnsafeBufferPointer<UInt8>) -> Result) -> Result {
        guard let buffer = cmark_render_html(root.pointer, options.rawValue) else {
            return body(.init(start: nil, count: 0))
        }
        defer { MarkdownMemory.free(buffer) }
        let count = strlen(buffer)
        return buffer.withMemoryRebound(to: UInt8.self, capacity: count) {
            body(UnsafeBufferPointer(start: $0, count: count))
        }
    }

    /// Parses and renders in one step, exactly as the `cmark` command does.
    public static func html(from text: String, options: MarkdownOptions = []) -> String {
        MarkdownDocument(parsing: text, options: options).renderHTML()
    }
}
