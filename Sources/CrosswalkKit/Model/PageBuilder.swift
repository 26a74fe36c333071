/// The Model stage: turns a ``SourceFile`` into a ``Page`` (kind, slug, URL, title, summary).
public enum PageBuilder {
    public struct Output: Sendable {
        public var page: Page?
        public var diagnostics: [Diagnostic]
    }

    /// `index.md` takes precedence over `README.md` as its folder's index page; when both
    /// exist, `README.md` is published as an ordinary page (`<folder>/readme/`).
    public static func build(_ file: SourceFile, folderHasIndexMD: Bool) -> Output {
        let parsed = FrontMatterParser.parse(file)
        var diagnostics = parsed.diagnostics
        guard !diagnostics.hasErrors else { return Output(page: nil, diagnostics: diagnostics) }

        var components = pathSegments(file.relativePath).map(String.init)
        let fileName = components.removeLast()
        let stem = String(fileName.dropLast(3))
        let lowerStem = stem.lowercased()
        let isIndex = lowerStem == "index" || (lowerStem == "readme" && !folderHasIndexMD)
        let folderSlugs = components.map(Slug.make)
        let folderURL = folderSlugs.map { $0 + "/" }.joined()
        let slug = Slug.make(stem)
        // An empty segment would publish the page over its folder's page (`x//`).
        if folderSlugs.contains("") || (!isIndex && slug.isEmpty) {
            diagnostics.append(
                .error(
                    .emptySlug, at: SourceLocation(file: file.displayPath),
                    "'\(file.relativePath)' gives no URL: a name without letters or digits makes an empty segment",
                    hint: "rename the file or folder so its name has a letter or digit"))
            return Output(page: nil, diagnostics: diagnostics)
        }
        let url = isIndex ? folderURL : folderURL + slug + "/"

        func text(_ key: String) -> String? {
            guard let pair = parsed.pairs.first(where: { $0.key == key }) else { return nil }
            if let text = pair.value.text { return text }
            if case .scalar(let raw, false, _) = pair.value, raw.isEmpty || raw == "null" || raw == "~" {
                return nil
            }
            let position = pair.value.position
            diagnostics.append(
                .error(
                    .wrongValueType,
                    at: file.location(frontMatterLine: position.line, column: position.column),
                    "'\(key)' must be text, not \(pair.value.typeName)",
                    hint: "write it as one line of text; quote it if it looks like a number or date: \(key): \"…\""))
            return nil
        }

        // A folder's index page introduces the folder; it is never a term or tool itself.
        let kind = isIndex ? PageKind.page : PageKind.of(relativePath: file.relativePath)
        var schema = Schema(file: file, kind: kind)
        let metadata = schema.validate(parsed.pairs)
        diagnostics += schema.diagnostics
        let page = Page(
            kind: kind,
            slug: isIndex ? (components.last.map(Slug.make) ?? "index") : slug,
            source: file,
            url: url,
            declaredTitle: text("title"),
            summary: text("summary"),
            isFolderIndex: isIndex,
            frontMatter: parsed.pairs,
            metadata: metadata)
        return Output(page: diagnostics.hasErrors ? nil : page, diagnostics: diagnostics)
    }
}
