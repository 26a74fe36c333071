/// A page after the Markdown stage: its final title and summary and its rendered body.
// A class for the same reason as `Page`: read by index from every render task, never changed.
public final class BuiltPage: Sendable {
    public let page: Page
    public let title: String
    public let summary: String?
    /// Rendered markdown, without its `plainText` (the search words below are made from it).
    public let markdown: RenderedMarkdown
    /// The body words the search index keeps for the page, joined by spaces: made here, in the
    /// parallel Markdown stage, so the page's prose text need not be kept until the index is
    /// written.
    public let searchWords: String
    /// The title as neighbour graphs draw it.
    let graphText: NeighbourGraph.Text

    /// Summaries shown in listings and hover cards stay short.
    public static let summaryLimit = 200

    public convenience init(page: Page, markdown: RenderedMarkdown) {
        let title = Self.title(page, markdown)
        let summary = Self.summary(page, markdown)
        // Room for the page's own words and the body's: the set is copied and grown to
        // about `SearchIndex.wordLimit` more in `SearchIndex.joinedWords`.
        var known = SearchIndex.seenWords(capacity: 64 + SearchIndex.wordLimit)
        let named = [title, summary ?? ""] + page.metadata.aliases.map(\.value) + markdown.headings.map(\.text)
        for text in named {
            SearchText.forEachWordUTF8(in: text) { bytes, ascii in
                if ascii {
                    known.insert(bytes)
                } else {
                    known.insert(SearchText.fold(String(decoding: bytes, as: UTF8.self)))
                }
                return true
            }
        }
        self.init(
            page: page, markdown: markdown,
            searchWords: SearchIndex.joinedWords(fromText: markdown.plainText, after: known))
    }

    /// A page whose search words are known already (`MarkdownCache` keeps them).
    init(page: Page, markdown: RenderedMarkdown, searchWords: String) {
        self.page = page
        title = Self.title(page, markdown)
        summary = Self.summary(page, markdown)
        self.searchWords = searchWords
        graphText = NeighbourGraph.Text(title: title)
        var kept = markdown
        kept.plainText = ""
        self.markdown = kept
    }

    /// The same page built to the same body, search words and all: `serve` keeps the first.
    func isSame(as other: BuiltPage) -> Bool {
        page === other.page && markdown.isSame(as: other.markdown) && searchWords == other.searchWords
    }

    private static func title(_ page: Page, _ markdown: RenderedMarkdown) -> String {
        page.declaredTitle ?? markdown.leadingH1 ?? page.fileNameTitle
    }

    private static func summary(_ page: Page, _ markdown: RenderedMarkdown) -> String? {
        page.summary ?? markdown.firstParagraph.map { shorten($0, to: summaryLimit) }
    }

    /// Cuts `text` at a word boundary before `limit` characters and adds an ellipsis.
    static func shorten(_ text: String, to limit: Int) -> String {
        guard text.count > limit else { return text }
        let cut = text.prefix(limit)
        let end = cut.lastIndex(of: " ") ?? cut.endIndex
        return String(cut[..<end]).trimmingTrailingPunctuation() + "…"
    }
}

extension String {
    fileprivate func trimmingTrailingPunctuation() -> String {
        var result = self[...]
        while let last = result.last, last == "," || last == ";" || last == ":" || last == " " {
            result = result.dropLast()
        }
        return String(result)
    }
}
