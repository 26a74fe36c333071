import CrosswalkMarkdown
import Testing

@Suite struct MarkdownDocumentTests {
    @Test func rendersLikeTheCmarkCommand() {
        #expect(MarkdownDocument.html(from: "# Hi *there*\n") == "<h1>Hi <em>there</em></h1>\n")
    }

    @Test func smartPunctuationIsAnOption() {
        #expect(MarkdownDocument.html(from: "\"SIS's\"...\n", options: .smart) == "<p>“SIS’s”…</p>\n")
    }

    @Test func walkVisitsEnterAndExitInOrder() {
        let document = MarkdownDocument(parsing: "A *b*\n")
        var events: [String] = []
        document.root.walk { event, node in events.append("\(event == .enter ? "+" : "-")\(node.type)") }
        #expect(
            events == [
                "+document", "+paragraph", "+text", "+emphasis", "+text", "-emphasis", "-paragraph", "-document",
            ])
    }

    @Test func blockPositionsAreRecorded() throws {
        let document = MarkdownDocument(parsing: "para\n\n## Head\n")
        let heading = try #require(document.root.children.last)
        #expect(heading.type == .heading)
        #expect(heading.startLine == 3)
        #expect(heading.headingLevel == 2)
    }

    @Test func replacingANodeMovesItsChildren() throws {
        let document = MarkdownDocument(parsing: "## A *b*\n")
        let heading = try #require(document.root.firstChild)
        heading.replaceWithInlineWrapper(open: "<h2 id=\"a\">", close: "</h2>")
        #expect(document.renderHTML() == "<h2 id=\"a\">A <em>b</em></h2>\n")
    }

    @Test func insertingTextAndLinksBuildsInlineContent() throws {
        let document = MarkdownDocument(parsing: "see\n")
        let text = try #require(document.root.firstChild?.firstChild)
        let link = MarkdownNode.make(.link)
        link.url = "x.html"
        #expect(link.append(.text("PLC")))
        #expect(text.insertAfter(link))
        #expect(document.renderHTML() == "<p>see<a href=\"x.html\">PLC</a></p>\n")
    }

    @Test func customBlocksAreNotSubjectToSafeMode() throws {
        let document = MarkdownDocument(parsing: "x\n")
        let paragraph = try #require(document.root.firstChild)
        #expect(paragraph.insertBefore(.customBlock(enter: "<div>", exit: "</div>")))
        #expect(document.renderHTML() == "<div>\n</div>\n<p>x</p>\n")
    }

    @Test func nodesMadeFromBytesRenderTheirBytes() throws {
        let document = MarkdownDocument(parsing: "see\n")
        let text = try #require(document.root.firstChild?.firstChild)
        let anchor = "<a class=\"t\" href=\"é.html\">".withCString {
            MarkdownNode.customInline(enterCString: $0, exit: "</a>")
        }
        let label = Array("Café".utf8).withUnsafeBufferPointer { MarkdownNode.text(utf8: $0) }
        #expect(anchor.append(label))
        #expect(text.insertAfter(anchor))
        #expect(document.renderHTML() == "<p>see<a class=\"t\" href=\"é.html\">Café</a></p>\n")
    }
}

@Suite struct MarkdownNodeLiteralTests {
    @Test func literalContainsSearchesInPlace() throws {
        let document = MarkdownDocument(parsing: "see [[a]] now\n")
        let text = try #require(document.root.firstChild?.firstChild)
        #expect(text.literalContains("[["))
        #expect(!text.literalContains("]]]"))
        let paragraph = try #require(document.root.firstChild)
        #expect(!paragraph.literalContains("s"))
    }

    @Test func removeLiteralPrefixKeepsTheRest() throws {
        let document = MarkdownDocument(parsing: "\u{A0}ab\n")
        let text = try #require(document.root.firstChild?.firstChild)
        #expect(text.removeLiteralPrefix("x") == nil)
        #expect(text.literal == "\u{A0}ab")
        #expect(text.removeLiteralPrefix("\u{A0}") == 2)
        #expect(text.literal == "ab")
        #expect(text.removeLiteralPrefix("ab") == 0)
        #expect(text.literal == "")
    }
}

@Suite struct MarkdownNodeWalkTests {
    static func blocksByWalk(_ node: MarkdownNode) -> [MarkdownNode] {
        var blocks: [MarkdownNode] = []
        node.walk { event, inner in if event == .enter && inner.type.isBlock { blocks.append(inner) } }
        return blocks
    }

    static func blocksByWalkBlocks(_ node: MarkdownNode) -> [MarkdownNode] {
        var blocks: [MarkdownNode] = []
        node.walkBlocks { blocks.append($0) }
        return blocks
    }

    @Test func walkBlocksVisitsTheBlocksWalkDoesInOrder() throws {
        let document = MarkdownDocument(
            parsing:
                "# A *b*\n\n> q\n> - x\n>   1. y\n>\n>      ```\n>      c\n>      ```\n\n---\n\npara [l](u)\n\n<div>\n")
        // A custom block holding an inline wrapper, as heading ids leave them.
        let heading = try #require(document.root.firstChild)
        heading.replaceWithInlineWrapper(open: "<h1>", close: "</h1>")
        #expect(Self.blocksByWalkBlocks(document.root) == Self.blocksByWalk(document.root))
        #expect(Self.blocksByWalkBlocks(document.root).count == 14)
        // From a node inside the tree: that subtree only.
        let quote = try #require(document.root.children.first { $0.type == .blockQuote })
        #expect(Self.blocksByWalkBlocks(quote) == Self.blocksByWalk(quote))
        let paragraph = try #require(document.root.children.first { $0.type == .paragraph })
        #expect(Self.blocksByWalkBlocks(paragraph) == [paragraph])
        let link = try #require(paragraph.lastChild)
        #expect(Self.blocksByWalkBlocks(link).isEmpty)
    }

    @Test func onEnterPrefixIsComparedAsTheStringWould() {
        /// Whether a new custom inline node's `enter` starts with `<a `; the node is freed (it
        /// belongs to no tree).
        func hasLinkPrefix(_ node: MarkdownNode) -> Bool {
            defer { node.free() }
            return node.onEnterHasPrefix("<a ")
        }
        #expect(hasLinkPrefix(MarkdownNode.customInline(enter: "<a href=\"x\">", exit: "</a>")))
        #expect(!hasLinkPrefix(MarkdownNode.customInline(enter: "<abbr>", exit: "")))
        #expect(!hasLinkPrefix(MarkdownNode.customInline(enter: "<a", exit: "")))
        #expect(!hasLinkPrefix(MarkdownNode.customInline(enter: "<a \u{301}x", exit: "")))
        #expect(hasLinkPrefix(MarkdownNode.customInline(enter: "<a é", exit: "")))
        #expect(!hasLinkPrefix(MarkdownNode.make(.text)))
    }

    @Test func walkWhileStopsWhenAsked() {
        let document = MarkdownDocument(parsing: "a *b* c\n\nd\n")
        var texts: [String] = []
        document.root.walkWhile { event, node in
            if event == .enter, node.type == .text { texts.append(node.literal ?? "") }
            return texts.count < 2
        }
        #expect(texts == ["a ", "b"])
        var all = 0
        document.root.walkWhile { _, _ in
            all += 1
            return true
        }
        var events = 0
        document.root.walk { _, _ in events += 1 }
        #expect(all == events)
    }
}
