import CrosswalkMarkdown

/// Lines of the page parsed again as markdown inside some of their containers, with the line
/// numbers of the page. Lines that skip containers (lazy lines) become ordinary lines in the
/// new parse, so what laziness meant is kept beside it: which of them continue a paragraph,
/// and which would close their containers in cmark-gfm.
struct ReparsedLines {
    let document: MarkdownDocument
    let markdown: String
    /// Lines that continue fewer than `depth` containers, with how many they continue.
    let lazy: [(line: Int, depth: Int)]
    /// The pass that searches these lines for tables.
    let pass: PipeTables.Pass
    private let lazyLines: Set<Int>
    private let texts: [[UInt8]]
    private let first: Int
    /// Lines that continue a paragraph (or a setext heading's text) begun above them.
    private var continued: Set<Int> = []
    /// Lazy lines that open a block which may not interrupt a paragraph but may start once
    /// the containers a lazy line skips are closed: any list item, an HTML block of type 7.
    private var opening: Set<Int> = []

    init(_ lines: ClosedRange<Int>, depth: Int, chain: ContainerChain, pass outer: PipeTables.Pass) {
        var texts: [[UInt8]] = []
        var lazy: [(line: Int, depth: Int)] = []
        var opening: Set<Int> = []
        for number in lines {
            var (text, matched) = chain.text(ofLine: number, depth: depth)
            if matched < depth {
                lazy.append((number, matched))
                let content = Array(text.drop { $0 == 0x20 })
                let indent = text.count - content.count
                if indent < 4
                    && (PipeTableSyntax.isListItemStart(content) || PipeTableSyntax.isHTMLBlockStart7(content))
                {
                    opening.insert(number)
                } else if indent >= 4
                    || (ContainerChain.isSetextUnderline(content) && !PipeTableSyntax.isThematicBreak(content))
                {
                    // Indented by four or more, a lazy line opens no block in cmark, and a lazy
                    // `===` or `--` underlines nothing: here, with other containers around
                    // it, it might. Escaped, it renders the same and can only go on with a
                    // paragraph (or start one, and then it closes its containers anyway).
                    text = PipeTableSyntax.escapingBlockStart(content)
                }
            }
            texts.append(text)
        }
        let text = Array(texts.joined(separator: [PipeTableSyntax.newline])) + [PipeTableSyntax.newline]
        markdown = PipeTables.padded(text, toLine: lines.lowerBound)
        document = MarkdownDocument(parsing: markdown, options: outer.options)
        self.lazy = lazy
        lazyLines = Set(lazy.map(\.line))
        self.opening = opening
        self.texts = texts
        first = lines.lowerBound
        pass = PipeTables.Pass(
            options: outer.options, nesting: outer.nesting + 1, lazyLines: outer.lazyLines.union(lazyLines))
        continued = continuedLines()
    }

    /// True when `line` is lazy and cmark-gfm closes the containers it skips there: it does not
    /// continue a paragraph, or it follows a table (`breaks`), or it opens a block.
    func closes(line: Int, breaks: Set<Int>) -> Bool {
        guard lazyLines.contains(line) else { return false }
        return !continued.contains(line) || breaks.contains(line) || opening.contains(line)
    }

    /// The document with its tables found (unless too deep already).
    func withTables() -> (document: MarkdownDocument, found: PipeTables.Found) {
        guard pass.nesting <= PipeTables.maximumNesting else { return (document, PipeTables.Found()) }
        return (document, PipeTables.apply(to: document.root, source: markdown, pass: pass))
    }

    private func continuedLines() -> Set<Int> {
        var lines: Set<Int> = []
        document.root.walk { event, node in
            guard event == .enter, node.type == .paragraph || node.type == .heading else { return }
            let last = node.type == .heading ? underline(of: node) - 1 : node.endLine
            if last > node.startLine { lines.formUnion((node.startLine + 1)...last) }
        }
        return lines
    }

    /// libcmark 0.30 ends a setext heading on the line after its underline unless the text
    /// ends there, so the underline is the end line or the one before it.
    private func underline(of heading: MarkdownNode) -> Int {
        let before = heading.endLine - 1
        guard before > heading.startLine, before - first < texts.count else { return heading.endLine }
        let text = texts[before - first].drop { $0 == 0x20 || $0 == 0x09 || $0 == UInt8(ascii: ">") }
        return ContainerChain.isSetextUnderline(Array(text)) ? before : heading.endLine
    }
}
