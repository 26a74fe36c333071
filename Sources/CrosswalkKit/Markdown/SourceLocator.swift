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

/// Where prose text lives: text nodes outside links, images, headings and auto-links.
enum ProseText {
    /// Text and soft-break nodes in prose, in document order.
    static func nodes(in root: MarkdownNode, includeSoftBreaks: Bool = false) -> [MarkdownNode] {
        var result: [MarkdownNode] = []
        var skipDepth = 0
        root.walk { event, node in
            switch node.type {
            case .link, .image, .heading:
                skipDepth += event == .enter ? 1 : -1
            case .customInline where node.onEnter.hasPrefix("<a "):
                skipDepth += event == .enter ? 1 : -1
            case .text where skipDepth == 0:
                result.append(node)
            case .softBreak where skipDepth == 0 && includeSoftBreaks:
                result.append(node)
            default:
                break
            }
        }
        return result
    }
}
