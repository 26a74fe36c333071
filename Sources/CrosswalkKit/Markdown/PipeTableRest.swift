import CrosswalkMarkdown

/// The lines after a table, which cmark-gfm reads as new blocks where libcmark had them in the
/// table's paragraph, perhaps as lazy lines (lines that skip a `>` or an item's indentation).
/// A lazy line continues only a paragraph: any other lazy line closes the containers it skips,
/// and the page reads on outside them. So the lines are parsed again at their depth, split
/// wherever such a line closes containers, and widened over following blocks that the new
/// reading runs on into (a list going on into the next list, a paragraph into a `---`).
struct TableRest {
    enum Anchor {
        case before(MarkdownNode)
        case after(MarkdownNode)

        var node: MarkdownNode {
            switch self {
            case .before(let node), .after(let node): node
            }
        }
    }

    let chain: ContainerChain
    let pass: PipeTables.Pass
    /// Nodes freed on the way (with their descendants); their views are dead.
    private(set) var freed: [MarkdownNode] = []
    /// What the passes over the lines found, for the caller.
    private(set) var found = PipeTables.Found()
    /// Lists that lost items to a closing line: libcmark judged them loose with those items.
    private(set) var shortenedLists: [MarkdownNode] = []
    /// How many following blocks one placement may take in before it stops matching cmark-gfm.
    static let maximumAbsorbed = 4

    init(chain: ContainerChain, pass: PipeTables.Pass) {
        self.chain = chain
        self.pass = pass
    }

    /// Parses `lines` inside `depth` containers and inserts the blocks at `anchor`.
    mutating func place(lines: ClosedRange<Int>, depth: Int, at anchor: Anchor) {
        let (lines, absorbed) = absorbing(lines, depth: depth, after: anchor.node)
        let parsed = ReparsedLines(lines, depth: depth, chain: chain, pass: pass)
        let converted = parsed.withTables()
        let closing = parsed.lazy.first {
            $0.line != lines.lowerBound && parsed.closes(line: $0.line, breaks: converted.found.breaks)
        }
        guard let closing else {
            for node in absorbed { free(node) }
            found.add(converted.found)
            insert(converted.document, at: anchor)
            return
        }
        let target = closeTarget(depth: closing.depth)
        // Blocks taken in from beyond the target go too: their lines are read again below.
        for node in absorbed where !Self.isInside(node, target) { free(node) }
        freeFollowing(anchor.node, upTo: target)
        if closing.line > lines.lowerBound {
            let prefix = ReparsedLines(lines.lowerBound...(closing.line - 1), depth: depth, chain: chain, pass: pass)
                .withTables()
            found.add(prefix.found)
            insert(prefix.document, at: anchor)
        }
        let end = max(regionEnd(of: target), closing.line)
        place(lines: closing.line...end, depth: closing.depth, at: .after(target))
    }

    /// Ends the containers line `line` skips (it is lazy) after `node`, and reads on from it.
    mutating func close(from node: MarkdownNode, atLine line: Int, depth: Int) {
        let target = closeTarget(depth: depth)
        freeFollowing(node, upTo: target)
        place(lines: line...max(regionEnd(of: target), line), depth: depth, at: .after(target))
    }

    /// Widens `lines` over the blocks after `node` that parsing on from the lines runs into,
    /// block by block; a block stays when that parse starts a block on its first line.
    private func absorbing(
        _ lines: ClosedRange<Int>, depth: Int, after node: MarkdownNode
    ) -> (ClosedRange<Int>, [MarkdownNode]) {
        var lines = lines
        var absorbed: [MarkdownNode] = []
        var next = Self.following(node)
        while let block = next, block.startLine > lines.upperBound, absorbed.count < Self.maximumAbsorbed {
            let end = regionEnd(of: block)
            let probe = ReparsedLines(lines.lowerBound...end, depth: depth, chain: chain, pass: pass)
            // With its tables: a list after a table may go on into the block.
            let converted = probe.withTables()
            let separate =
                probe.closes(line: block.startLine, breaks: converted.found.breaks)
                || withExtendedLifetime(converted.document) {
                    converted.document.root.children.contains { $0.startLine == block.startLine }
                }
            if separate { break }
            lines = lines.lowerBound...end
            absorbed.append(block)
            next = Self.following(block)
        }
        return (lines, absorbed)
    }

    /// The next node after `node` in document order that is not inside it.
    private static func following(_ node: MarkdownNode) -> MarkdownNode? {
        var probe: MarkdownNode? = node
        while let current = probe {
            if let next = current.next { return next }
            probe = current.parent
        }
        return nil
    }

    private static func isInside(_ node: MarkdownNode, _ ancestor: MarkdownNode) -> Bool {
        var probe = node.parent
        while let current = probe {
            if current == ancestor { return true }
            probe = current.parent
        }
        return false
    }

    /// The outermost container left at `depth`; for a list item, its list.
    private func closeTarget(depth: Int) -> MarkdownNode {
        let node = chain.containers[depth].node
        if node.type == .item, let list = node.parent { return list }
        return node
    }

    /// The last line before the next node outside `target`.
    private func regionEnd(of target: MarkdownNode) -> Int {
        guard let next = Self.following(target) else { return chain.source.count }
        return next.startLine - 1
    }

    private func insert(_ parsed: MarkdownDocument, at anchor: Anchor) {
        withExtendedLifetime(parsed) {
            switch anchor {
            case .before(let node):
                for child in parsed.root.children { PipeTables.moveBefore(node, child) }
            case .after(var node):
                for child in parsed.root.children {
                    child.unlink()
                    if node.insertAfter(child) { node = child } else { child.free() }
                }
            }
        }
    }

    private mutating func free(_ node: MarkdownNode) {
        if node.type == .item, let list = node.parent { shortenedLists.append(list) }
        node.walk { event, inner in if event == .enter { freed.append(inner) } }
        node.free()
    }

    /// Frees what follows `node` inside `target`, at every level up to it.
    private mutating func freeFollowing(_ node: MarkdownNode, upTo target: MarkdownNode) {
        var node = node
        while node != target, let parent = node.parent {
            if node.next != nil, parent.type == .item, let list = parent.parent { shortenedLists.append(list) }
            while let sibling = node.next { free(sibling) }
            node = parent
        }
    }

}

extension PipeTables {
    /// Makes a loose list tight again unless a blank line still separates its items or the
    /// blocks in an item (libcmark 0.30 keeps no blank-line flags; the source has them), not
    /// counting what follows `ignoring`. As in cmark, a thematic break ends in no blank line.
    /// Where a table (no position) leaves it unknown, the list stays loose.
    static func retighten(_ list: MarkdownNode, source: SourceLines, ignoring: MarkdownNode? = nil) {
        guard !list.isTightList else { return }
        func isBlank(_ line: Int) -> Bool {
            source.line(line).allSatisfy { $0 == 0x20 || $0 == 0x09 || $0 == UInt8(ascii: ">") }
        }
        func blankBetween(_ block: MarkdownNode?, _ following: MarkdownNode) -> Bool {
            if following.startLine > 1 { return isBlank(following.startLine - 1) }
            guard let block, block.startLine > 0, block.type != .heading else { return true }
            return isBlank(block.endLine + 1)
        }
        for item in list.children {
            let children = item.children
            for index in children.indices where children[index].type != .thematicBreak && children[index] != ignoring {
                guard let following = index + 1 < children.count ? children[index + 1] : item.next else { continue }
                if blankBetween(children[index], following) { return }
            }
            if children.isEmpty, let next = item.next, blankBetween(nil, next) { return }
        }
        list.isTightList = true
    }
}
