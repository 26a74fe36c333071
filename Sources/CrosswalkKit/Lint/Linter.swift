import Foundation

/// The Lint stage: warnings about content that builds but will not serve readers well. Each
/// rule can be switched off in `crosswalk.yml` (`lint: {orphan_term: false}`).
public struct Linter: Sendable {
    public let config: SiteConfig
    /// `YYYY-MM-DD`; pages whose `review_by` is before it are stale.
    public let today: String

    public init(config: SiteConfig, today: String) {
        self.config = config
        self.today = today
    }

    public static let summaryLimit = 200

    /// Today's date in UTC as `YYYY-MM-DD`.
    public static func currentDate() -> String {
        let formatter = DateFormatter()
        formatter.locale = Locale(identifier: "en_US_POSIX")
        formatter.timeZone = TimeZone(identifier: "UTC")
        formatter.dateFormat = "yyyy-MM-dd"
        return formatter.string(from: Date())
    }

    public func check(site: Site, pages: [BuiltPage], graph: LinkGraph) -> [Diagnostic] {
        let mapped = Set(graph.verdicts.map(\.constraint))
        return pages.indices.flatMap { check(pages[$0], at: $0, graph: graph, mapped: mapped) }
    }

    /// Each page's warnings, in page order; with `only`, just those pages are checked (the
    /// rest get none). A page's warnings depend on its own front matter, the link graph and
    /// today, so `serve` checks again only the pages an edit rebuilt while the graph holds.
    func checkEach(_ pages: [BuiltPage], graph: LinkGraph, only: [Int]? = nil) -> [[Diagnostic]] {
        let mapped = Set(graph.verdicts.map(\.constraint))
        var result = [[Diagnostic]](repeating: [], count: pages.count)
        for index in only ?? Array(pages.indices) {
            result[index] = check(pages[index], at: index, graph: graph, mapped: mapped)
        }
        return result
    }

    /// `mapped`: the indices of constraints some tool is mapped against.
    private func check(_ built: BuiltPage, at index: Int, graph: LinkGraph, mapped: Set<Int>) -> [Diagnostic] {
        var diagnostics: [Diagnostic] = []
        func warn(
            _ code: DiagnosticCode, _ page: Page, _ message: String, hint: String, at location: SourceLocation? = nil
        ) {
            guard let rule = code.lintRule, !config.disabledLints.contains(rule) else { return }
            diagnostics.append(
                .warning(
                    code, at: location ?? Self.titleLocation(page), message,
                    hint: hint + " (or set lint: {\(rule): false})"))
        }
        let page = built.page
        let metadata = page.metadata
        switch page.kind {
        case .term:
            if (graph.backlinks[page.url] ?? []).isEmpty {
                warn(
                    .orphanTerm, page, "no page refers to the term '\(built.title)'",
                    hint: "link to it from a related page or mention it in prose")
            }
            if metadata.it == nil || metadata.ot == nil {
                let missing = metadata.it == nil ? (metadata.ot == nil ? "IT or OT" : "IT") : "OT"
                warn(
                    .missingMeaning, page, "the term has no \(missing) meaning",
                    hint: "add it: and ot: lines saying what the word means to each side")
            }
            for alias in metadata.aliases where CommonWords.isCommon(alias.value) {
                warn(
                    .commonWordAlias, page,
                    "alias '\(alias.value)' is a common English word and will link ordinary prose",
                    hint: "remove it, or write it in capitals if it is an acronym", at: alias.location)
            }
        case .tool where metadata.constraintVerdicts.isEmpty:
            warn(
                .unmappedTool, page, "the tool note is mapped to no constraint",
                hint: "add constraints: with a verdict for each constraint the tool meets")
        case .constraint where !mapped.contains(index):
            warn(
                .unmappedConstraint, page, "no tool note is mapped against this constraint",
                hint: "add it to the constraints: of the tools it affects")
        default:
            break
        }
        guard !page.isFolderIndex || page.kind != .page || !page.frontMatter.isEmpty else { return diagnostics }
        if let due = metadata.reviewBy, due < today {
            warn(
                .stalePage, page, "the page was due for review on \(due)",
                hint: "review it, then move review_by: forward")
        }
        if metadata.owner == nil {
            warn(.missingOwner, page, "the page has no owner", hint: "add owner: with the role that keeps it true")
        }
        if page.summary == nil {
            warn(
                .missingSummary, page, "the page has no summary",
                hint: "add summary: with one sentence for listings, search and hover cards")
        } else if let summary = page.summary, summary.utf8.count > Self.summaryLimit,
            summary.count > Self.summaryLimit
        {
            // Bytes first: counting characters of every summary on every rebuild added up.
            warn(
                .longSummary, page, "the summary is \(summary.count) characters long",
                hint: "keep it to one sentence of at most \(Self.summaryLimit) characters")
        }
        return diagnostics
    }

    /// Lint warnings point at the front matter's title line when there is one.
    static func titleLocation(_ page: Page) -> SourceLocation {
        if let title = page.value("title") {
            return page.source.location(frontMatterLine: title.position.line, column: 1)
        }
        return SourceLocation(file: page.source.displayPath, line: 1, column: 1)
    }
}
