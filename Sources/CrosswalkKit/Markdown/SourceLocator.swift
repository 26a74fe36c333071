import CrosswalkMarkdown

/// Finds where inline content was written. Inline nodes carry no positions in libcmark 0.30,
/// so the text is searched for in the lines of the enclosing block.
struct SourceLocator {
    let source: SourceFile
    private var lines: [Substring]?

    init(source: SourceFile) { self.source = source }

    /// The first place `needle` occurs within `node`'s block, else the block's start.
    mutating func locate(_ needle: String, in node: MarkdownNode) -> SourceLocation {
        guard let block = node.positionedAncestor else { return source.location(bodyLine: 1) }
        if lines == nil { lines = source.body.split(separator: "\n", omittingEmptySubsequences: false) }
        let lines = self.lines ?? []
        let first = max(block.startLine, 1)
        let last = min(max(block.endLine, first), lines.count)
        if first <= last, !needle.isEmpty {
            for lineNumber in first...last {
                let line = lines[lineNumber - 1]
                if let range = line.range(of: needle) {
                    return source.location(
                        bodyLine: lineNumber, column: line[..<range.lowerBound].unicodeScalars.count + 1)
                }
            }
        }
        return source.location(bodyLine: block.startLine, column: block.startColumn)
    }
}

/// Where prose text lives: text nodes outside links, images, headings, auto-links and raw
/// HTML elements (`<span>PLC</span>`: the text between the inline tags is the element's).
enum ProseText {
    /// Text and soft-break nodes in prose, in document order.
    static func nodes(in root: MarkdownNode, includeSoftBreaks: Bool = false) -> [MarkdownNode] {
        var result: [MarkdownNode] = []
        var skipDepth = 0
        var rawHTMLDepth = 0
        root.walk { event, node in
            switch node.type {
            case .link, .image, .heading:
                skipDepth += event == .enter ? 1 : -1
            case .customInline where node.onEnter.hasPrefix("<a "):
                skipDepth += event == .enter ? 1 : -1
            case .paragraph, .customBlock:
                rawHTMLDepth = 0
            case .htmlInline:
                rawHTMLDepth = max(0, rawHTMLDepth + tagDepthChange(node.literal ?? ""))
            case .text where skipDepth == 0 && rawHTMLDepth == 0:
                result.append(node)
            case .softBreak where skipDepth == 0 && rawHTMLDepth == 0 && includeSoftBreaks:
                result.append(node)
            default:
                break
            }
        }
        return result
    }

    static let voidElements: Set<String> = [
        "area", "base", "br", "col", "embed", "hr", "img", "input", "link", "meta", "source", "track", "wbr",
    ]

    /// +1 for an opening tag, -1 for a closing one, 0 for comments, void and self-closing tags.
    static func tagDepthChange(_ tag: String) -> Int {
        guard tag.hasPrefix("<"), !tag.hasPrefix("<!"), !tag.hasPrefix("<?") else { return 0 }
        if tag.hasPrefix("</") { return -1 }
        if tag.hasSuffix("/>") { return 0 }
        let name = tag.dropFirst().prefix { $0.isLetter || $0.isNumber }.lowercased()
        return name.isEmpty || voidElements.contains(name) ? 0 : 1
    }
}
