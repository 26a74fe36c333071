import CrosswalkMarkdown
import Foundation

/// `[[target]]`, `[[target|label]]` and `[[target#heading]]` in prose become links. A target is
/// a slug, a title or an alias (any case), or `folder/slug`; a target naming no page or more
/// than one is an error. The label must sit in one text node (no emphasis inside).
struct Wikilinks {
    let page: Page
    let site: Site
    /// Held here, once per page: read through the site (a class), it was copied, its tables
    /// retained, for every link.
    private let vocabulary: Vocabulary
    private(set) var links: [OutgoingLink] = []
    private(set) var diagnostics: [Diagnostic] = []
    private var locator: SourceLocator

    /// `locator`, when given, searches this page's body (its lines found already).
    init(page: Page, site: Site, locator: SourceLocator? = nil) {
        self.page = page
        self.site = site
        vocabulary = site.vocabulary
        self.locator = locator ?? SourceLocator(source: page.source)
    }

    /// Turns the wikilinks in `prose` (text and soft-break nodes in prose, in document order:
    /// ``ProseText/scan(_:)``) into links; returns the prose nodes afterwards, the new text
    /// beside each link in place of the node it came from, so no later walk is needed.
    mutating func apply(to prose: [MarkdownNode]) -> [MarkdownNode] {
        var result: [MarkdownNode] = []
        result.reserveCapacity(prose.count)
        // A node's text as bytes, cut by offsets: reused from node to node, and no `String` or
        // `Substring` is made of text that stays text.
        var literal: [UInt8] = []
        for node in prose {
            // Asked in place first: most text nodes hold no wikilink.
            guard node.literalContains("[[") else {
                result.append(node)
                continue
            }
            literal.removeAll(keepingCapacity: true)
            node.appendLiteral(to: &literal)
            let replaced = literal.withUnsafeBufferPointer { bytes -> Bool in
                let pieces = split(bytes, in: node)
                guard pieces.contains(where: \.isLink) else { return false }
                for piece in pieces {
                    switch piece {
                    case .text(let range):
                        let textNode = MarkdownNode.text(utf8: UnsafeBufferPointer(rebasing: bytes[range]))
                        node.insertBefore(textNode)
                        result.append(textNode)
                    case .link(let href, let label):
                        let link = MarkdownNode.make(.link)
                        link.url = href
                        link.append(.text(label))
                        node.insertBefore(link)
                    }
                }
                return true
            }
            if replaced { node.free() } else { result.append(node) }
        }
        return result
    }

    private enum Piece {
        /// Bytes of the node's text, kept as they are.
        case text(Range<Int>)
        case link(href: String, label: String)

        var isLink: Bool { if case .link = self { true } else { false } }
    }

    /// Cuts a literal into text and resolved wikilinks; unresolved ones stay as text.
    ///
    /// Linear in the literal: the `]]` after an opener, and the last bracket before that `]]`,
    /// are found once and reused by every later opener before it (`[[a[` repeated, then one
    /// `]]` a megabyte later, made the scan quadratic).
    private mutating func split(_ bytes: UnsafeBufferPointer<UInt8>, in node: MarkdownNode) -> [Piece] {
        var pieces: [Piece] = []
        pieces.reserveCapacity(4)
        func keep(_ range: Range<Int>) { if !range.isEmpty { pieces.append(.text(range)) } }
        var rest = 0
        var known: (close: Int, lastBracket: Int?)?
        while let open = Self.offset(of: "[[", in: bytes, from: rest) {
            let innerStart = open + 2
            let reusable = known.map { $0.close >= innerStart } ?? false
            if !reusable {
                guard let close = Self.offset(of: "]]", in: bytes, from: innerStart) else { break }
                let region = bytes[innerStart..<close]
                known = (close, region.lastIndex { $0 == UInt8(ascii: "[") || $0 == UInt8(ascii: "]") })
            }
            guard let (close, lastBracket) = known else { break }
            let inner = innerStart..<close
            let hasBracket = lastBracket.map { $0 >= innerStart } ?? false
            guard !inner.isEmpty, !hasBracket else {
                keep(rest..<innerStart)
                rest = innerStart
                continue
            }
            keep(rest..<open)
            let written = open..<close + 2
            if let link = resolve(inner, written: written, of: bytes, in: node) {
                pieces.append(link)
            } else {
                keep(written)
            }
            rest = close + 2
        }
        keep(rest..<bytes.count)
        return pieces
    }

    /// Where `pair` (`[[` or `]]`) first occurs in `bytes` from `start` on.
    private static func offset(of pair: StaticString, in bytes: UnsafeBufferPointer<UInt8>, from start: Int) -> Int? {
        let needle = UnsafeRawBufferPointer(start: pair.utf8Start, count: pair.utf8CodeUnitCount)
        let rest = UnsafeRawBufferPointer(UnsafeBufferPointer(rebasing: bytes[start...]))
        return ByteSearch.offset(of: needle, in: rest).map { start + $0 }
    }

    private mutating func resolve(
        _ inner: Range<Int>, written writtenRange: Range<Int>, of bytes: UnsafeBufferPointer<UInt8>,
        in node: MarkdownNode
    ) -> Piece? {
        func string(_ range: Range<Int>) -> String {
            String(decoding: UnsafeBufferPointer(rebasing: bytes[range]), as: UTF8.self)
        }
        var target = inner
        var label: Range<Int>?
        if let bar = bytes[target].firstIndex(of: UInt8(ascii: "|")) {
            label = bar + 1..<target.upperBound
            target = target.lowerBound..<bar
        }
        var heading: Range<Int>?
        if let hash = bytes[target].firstIndex(of: UInt8(ascii: "#")) {
            heading = hash + 1..<target.upperBound
            target = target.lowerBound..<hash
        }
        let written = string(writtenRange)
        let name = string(target).trimmingSpaces
        let fragment = heading.map { HeadingIDs.base(for: string($0).trimmingSpaces) }
        if name.isEmpty {
            // `[[#heading]]` points into this page.
            guard let fragment, let heading else { return nil }
            links.append(
                OutgoingLink(
                    .wikilink, to: page.url, fragment: fragment, at: locator.locate(written, in: node),
                    target: site.index(url: page.url)))
            return .link(href: "#" + fragment, label: string(label ?? heading))
        }
        guard let index = vocabulary.onlyPage(named: name) else {
            report(name, candidates: vocabulary.pages(named: name), written: written, in: node)
            return nil
        }
        // Only a link naming a fragment keeps its place (``OutgoingLink/location``).
        let location = OutgoingLink.namesAnchor(fragment) ? locator.locate(written, in: node) : nil
        let from = page.url
        let labelText = label.map { string($0).trimmingSpaces }
        // Lent, not copied: the page is read from every core, and retaining it per link was an
        // atomic write to memory both cores share. The closure takes nothing of `self`, which
        // would make the compiler copy the whole `Site` to call it.
        let (url, href, shown) = site.withPage(index) { destination -> (String, String, String) in
            let shown: String
            if let labelText, !labelText.isEmpty {
                shown = labelText
            } else if name == destination.slug, let title = destination.declaredTitle {
                shown = title
            } else {
                shown = name
            }
            var href = LinkResolver.href(from: from, to: destination.outputPath)
            // Appending an empty fragment still cost a String append per link.
            if let fragment { href += "#" + fragment }
            return (destination.url, href, shown)
        }
        links.append(
            OutgoingLink(
                .wikilink, to: url, fragment: fragment, at: location, target: site.firstIndex(atURLOf: index)))
        return .link(href: href, label: shown)
    }

    private mutating func report(_ name: String, candidates: [Int], written: String, in node: MarkdownNode) {
        let location = locator.locate(written, in: node)
        if candidates.isEmpty {
            let suggestion = Suggestions.closest(to: name, among: vocabulary.allNames)
            diagnostics.append(
                .error(
                    .brokenWikilink, at: location, "wikilink \(written) names no page",
                    hint: suggestion.map { "did you mean [[\($0)]]?" }
                        ?? "a target is a page's file name, title or alias"))
        } else {
            let names = candidates.map { site.pages[$0].source.displayPath }.joined(separator: ", ")
            diagnostics.append(
                .error(
                    .ambiguousWikilink, at: location, "wikilink \(written) could mean: \(names)",
                    hint: "name the folder too, e.g. [[\(site.pages[candidates[0]].url.dropLast())]]"))
        }
    }
}
