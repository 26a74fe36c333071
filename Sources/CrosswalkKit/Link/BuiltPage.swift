/// A page after the Markdown stage: its final title and summary and its rendered body.
// A class for the same reason as `Page`: read by index from every render task, never changed.
public final class BuiltPage: Sendable {
    public let page: Page
    public let title: String
    public let summary: String?
    public let markdown: RenderedMarkdown

    /// Summaries shown in listings and hover cards stay short.
    public static let summaryLimit = 200

    public init(page: Page, markdown: RenderedMarkdown) {
        self.page = page
        self.markdown = markdown
        self.title = page.declaredTitle ?? markdown.leadingH1 ?? page.fileNameTitle
        self.summary = page.summary ?? markdown.firstParagraph.map { Self.shorten($0, to: Self.summaryLimit) }
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
