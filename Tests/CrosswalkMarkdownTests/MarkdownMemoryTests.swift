import CrosswalkMarkdown
import Testing

/// libcmark's memory inside and outside an arena: the same trees and HTML either way, trees
/// that outlive the arena's scope, nodes moved between trees, and buffers that outgrow a chunk.
@Suite struct MarkdownMemoryTests {
    /// Markdown with every kind of block and inline, `count` times over.
    static func sample(_ count: Int) -> String {
        (0..<count).map { index in
            """
            # Heading \(index) *em* **strong**

            A paragraph with `code`, a [link](https://example.com/\(index) "title"), ![image](i.png),
            <span>inline HTML</span> and an autolink <https://example.org>.

            > quoted
            > - list item \(index)
            > - another

            1. one
            2. two

                indented code \(index)

            ```swift
            let value = \(index)
            ```

            ***

            """
        }.joined()
    }

    @Test func aDocumentParsedInAnArenaRendersAsOneParsedOutside() {
        for count in [0, 1, 3, 400] {
            let text = Self.sample(count)
            let outside = MarkdownDocument.html(from: text)
            let inside = MarkdownMemory.withArena { MarkdownDocument.html(from: text) }
            #expect(inside == outside, "sample of \(count)")
        }
    }

    @Test func aDocumentOutlivesTheScopeItWasParsedIn() {
        let text = Self.sample(50)
        let document = MarkdownMemory.withArena { MarkdownDocument(parsing: text) }
        // Other scopes reuse the memory a freed arena held, if it was freed too early.
        for _ in 0..<20 { _ = MarkdownMemory.withArena { MarkdownDocument.html(from: Self.sample(5)) } }
        #expect(document.renderHTML() == MarkdownDocument.html(from: text))
    }

    @Test func nodesMovedOutOfAFreedDocumentStayValid() throws {
        let html = try MarkdownMemory.withArena { () throws -> String in
            let page = MarkdownDocument(parsing: "before\n")
            do {
                // As table cells are: parsed apart, moved into the page, their document freed.
                let cell = MarkdownDocument(parsing: Self.sample(20))
                let paragraph = try #require(page.root.firstChild)
                while let child = cell.root.firstChild {
                    #expect(paragraph.insertBefore(child))
                }
            }
            let made = MarkdownNode.text(String(repeating: "long text ", count: 10_000))
            #expect(page.root.lastChild?.append(made) == true)
            return page.renderHTML()
        }
        #expect(html.hasPrefix("<h1>Heading 0"))
        #expect(html.contains("<p>before" + String(repeating: "long text ", count: 10_000) + "</p>"))
        #expect(html.contains("indented code 19"))
    }

    @Test func literalsGrowAndShrinkInsideAndOutside() throws {
        let lengths = [1, 100, 20_000, 3, 70_000, 0, 5]
        func setEachLength() throws -> [String] {
            let document = MarkdownDocument(parsing: "text\n")
            let text = try #require(document.root.firstChild?.firstChild)
            // Each set frees the last literal and makes a new one, some past a chunk's size;
            // a node made between two sets takes the block after the literal.
            return try lengths.map { length in
                text.literal = String(repeating: "x", count: length)
                _ = text.insertAfter(.text("y"))
                return try #require(text.literal)
            }
        }
        #expect(try setEachLength().map(\.count) == lengths)
        #expect(try MarkdownMemory.withArena { try setEachLength() }.map(\.count) == lengths)
        #expect(try MarkdownMemory.withArena { try setEachLength() }.allSatisfy { $0.allSatisfy { $0 == "x" } })
    }
}
