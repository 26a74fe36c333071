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

    /// Parses `text` as CommonMark.
    public init(parsing text: String, options: MarkdownOptions = []) {
        var text = text
        let pointer = text.withUTF8 { buffer in
            buffer.withMemoryRebound(to: CChar.self) { chars in
                cmark_parse_document(chars.baseAddress, chars.count, options.rawValue)
            }
        }
        // cmark_parse_document only returns nil when out of memory.
        guard let pointer else { preconditionFailure("libcmark could not allocate a document") }
        self.root = MarkdownNode(pointer)
        self.options = options
    }

    deinit { cmark_node_free(root.pointer) }

    /// Renders the whole tree to HTML with the document's options.
    public func renderHTML() -> String {
        Self.renderHTML(root, options: options)
    }

    /// Renders `node` and its children to HTML.
    public static func renderHTML(_ node: MarkdownNode, options: MarkdownOptions) -> String {
        // The buffer is malloc'd by libcmark and ours to free.
        guard let buffer = cmark_render_html(node.pointer, options.rawValue) else { return "" }
        defer { free(buffer) }
        return String(cString: buffer)
    }

    /// Parses and renders in one step, exactly as the `cmark` command does.
    public static func html(from text: String, options: MarkdownOptions = []) -> String {
        MarkdownDocument(parsing: text, options: options).renderHTML()
    }
}
