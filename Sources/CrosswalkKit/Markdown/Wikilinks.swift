import CrosswalkMarkdown
import Foundation

/// `[[target]]`, `[[target|label]]` and `[[target#heading]]` in prose become links. A target is
/// a slug, a title or an alias (any case), or `folder/slug`; a target naming no page or more
/// than one is an error. The label must sit in one text node (no emphasis inside).
struct Wikilinks {
    let page: Page
    let site: Site
    private(set) var links: [OutgoingLink] = []
    private(set) var diagnostics: [Diagnostic] = []
    private var locator: SourceLocator

    /// `locator`, when given, searches this page's body (its lines found already).
    init(page: Page, site: Site, locator: SourceLocator? = nil) {
        self.page = page
        self.site = site
        self.locator = locator ?? SourceLocator(source: page.source)
    }

    /// Turns the wikilinks in `prose` (text and soft-break nodes in prose, in document order:
    /// ``ProseText/scan(_:)``) into links; returns the prose nodes afterwards, the new text
    /// beside each link in place of the node it came from, so no later walk is needed.
    mutating func apply(to prose: [MarkdownNode]) -> [MarkdownNode] {
        var result: [MarkdownNode] = []
        result.reserveCapacity(prose.count)
        for node in prose {
            // Asked in place first: a String of every text node cost more than the search.
            guard node.literalContains("[["), let literal = node.literal else {
                result.append(node)
                continue
            }
            let pieces = split(literal, in: node)
            guard pieces.contains(where: { if case .link = $0 { true } else { false } }) else {
                result.append(node)
                continue
            }
            for piece in pieces {
                switch piece {
                case .text(let text):
                    let textNode = MarkdownNode.text(text)
                    node.insertBefore(textNode)
                    result.append(textNode)
                case .link(let href, let label):
                    let link = MarkdownNode.make(.link)
                    link.url = href
                    link.append(.text(label))
                    node.insertBefore(link)
                }
            }
            node.free()
        }
        return result
    }

    private enum Piece {
        case text(String)
        case link(href: String, label: String)
    }

    /// Cuts a literal into text and resolved wikilinks; unresolved ones stay as text.
    ///
    /// Linear in the literal: the `]]` after an opener, and the last bracket before that `]]`,
    /// are found once and reused by every later opener before it (`[[a[` repeated, then one
    /// `]]` a megabyte later, made the scan quadratic).
    private mutating func split(_ literal: String, in node: MarkdownNode) -> [Piece] {
        var pieces: [Piece] = []
        pieces.reserveCapacity(4)
        var rest = literal[...]
        var known: (close: Range<String.Index>, lastBracket: String.Index?)?
        while let open = rest.firstRange(ofASCII: "[[") {
            let reusable = known.map { $0.close.lowerBound >= open.upperBound } ?? false
            if !reusable {
                guard let close = rest[open.upperBound...].firstRange(ofASCII: "]]") else { break }
                let region = literal.utf8[open.upperBound..<close.lowerBound]
                known = (close, region.lastIndex { $0 == UInt8(ascii: "[") || $0 == UInt8(ascii: "]") })
            }
            guard let (close, lastBracket) = known else { break }
            let inner = rest[open.upperBound..<close.lowerBound]
            let hasBracket = lastBracket.map { $0 >= open.upperBound } ?? false
            guard !inner.isEmpty, !hasBracket else {
                pieces.append(.text(String(rest[..<open.upperBound])))
                rest = rest[open.upperBound...]
                continue
            }
            pieces.append(.text(String(rest[..<open.lowerBound])))
            let written = String(rest[open.lowerBound..<close.upperBound])
            if let link = resolve(inner, written: written, in: node) {
                pieces.append(link)
            } else {
                pieces.append(.text(written))
            }
            rest = rest[close.upperBound...]
        }
        pieces.append(.text(String(rest)))
        return pieces.filter { if case .text(let text) = $0 { !text.isEmpty } else { true } }
    }

    private mutating func resolve(_ inner: Substring, written: String, in node: MarkdownNode) -> Piece? {
        var target = inner
        var label: Substring?
        if let bar = target.firstIndex(ofASCII: UInt8(ascii: "|")) {
            label = target[target.index(after: bar)...]
            target = target[..<bar]
        }
        var heading: Substring?
        if let hash = target.firstIndex(ofASCII: UInt8(ascii: "#")) {
            heading = target[target.index(after: hash)...]
            target = target[..<hash]
        }
        let name = target.trimmingSpaces
        let fragment = heading.map { HeadingIDs.base(for: $0.trimmingSpaces) }
        if name.isEmpty {
            // `[[#heading]]` points into this page.
            guard let fragment, let heading else { return nil }
            links.append(
                OutgoingLink(
                    .wikilink, to: page.url, fragment: fragment, at: locator.locate(written, in: node),
                    target: site.index(url: page.url)))
            return .link(href: "#" + fragment, label: String(label ?? heading))
        }
        guard let index = site.vocabulary.onlyPage(named: name) else {
            report(name, candidates: site.vocabulary.pages(named: name), written: written, in: node)
            return nil
        }
        let location = locator.locate(written, in: node)
        let from = page.url
        // Lent, not copied: the page is read from every core, and retaining it per link was an
        // atomic write to memory both cores share. The closure takes nothing of `self`, which
        // would make the compiler copy the whole `Site` to call it.
        let (url, href, shown) = site.withPage(index) { destination -> (String, String, String) in
            let shown: String
            if let label, !label.trimmingSpaces.isEmpty {
                shown = label.trimmingSpaces
            } else if name == destination.slug, let title = destination.declaredTitle {
                shown = title
            } else {
                shown = name
            }
            let href = LinkResolver.href(from: from, to: destination.outputPath) + (fragment.map { "#" + $0 } ?? "")
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
            let suggestion = Suggestions.closest(to: name, among: site.vocabulary.allNames)
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
