import CrosswalkMarkdown

/// Keeps `\[\[` literal. libcmark folds escapes into plain text, so after parsing an escaped
/// `[[` looks exactly like a wikilink. Before parsing, a private-use marker is slipped between
/// the two escaped brackets; wikilink scanning never sees `[[` there, and afterwards the
/// marker is removed from every literal, URL and title (code keeps its `\[\[` as written).
enum EscapedBrackets {
    static let marker = "\u{E000}"

    /// The text to parse, and whether anything was marked.
    static func protect(_ source: String) -> (String, Bool) {
        // A byte search: Foundation's `contains` on every page body cost 3% of a build.
        guard source[...].firstRange(ofASCII: "\\[\\[") != nil else { return (source, false) }
        return (source.replacingOccurrences(of: "\\[\\[", with: "\\[" + marker + "\\["), true)
    }

    static func restore(_ root: MarkdownNode) {
        var nodes: [MarkdownNode] = []
        root.walk { event, node in if event == .enter { nodes.append(node) } }
        for node in nodes {
            switch node.type {
            case .text, .code, .codeBlock, .htmlBlock, .htmlInline:
                if let literal = node.literal, literal.contains(marker) { node.literal = strip(literal) }
                if node.type == .codeBlock, let info = node.fenceInfo, info.contains(marker) {
                    node.fenceInfo = strip(info)
                }
            case .link, .image:
                if let url = node.url, url.contains(marker) { node.url = strip(url) }
                if let title = node.title, title.contains(marker) { node.title = strip(title) }
            default:
                break
            }
        }
    }

    private static func strip(_ text: String) -> String { text.replacingOccurrences(of: marker, with: "") }
}
