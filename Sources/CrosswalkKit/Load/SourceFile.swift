import Foundation

/// One markdown file as read from disk: decoded text split into front matter and body.
public struct SourceFile: Sendable {
    /// Path below `content/`, with `/`: `glossary/plc.md`.
    public var relativePath: String
    /// Path shown in diagnostics, relative to the source root: `content/glossary/plc.md`.
    public var displayPath: String
    /// The YAML between the `---` lines, or nil when the file has no front matter.
    public var frontMatter: String?
    /// The markdown after the front matter.
    public var body: String {
        get { bodyText.value }
        set { bodyText = BodyText(newValue) }
    }
    private var bodyText: BodyText
    /// How many file lines precede the body; add it to a body line to get a file line.
    public var bodyLineOffset: Int

    public init(
        relativePath: String, displayPath: String, frontMatter: String?, body: String,
        bodyLineOffset: Int
    ) {
        self.relativePath = relativePath
        self.displayPath = displayPath
        self.frontMatter = frontMatter
        self.bodyText = BodyText(body)
        self.bodyLineOffset = bodyLineOffset
    }

    /// Frees the body once nothing will read it again: a full build does so after the
    /// Markdown stage, because every page's text kept to the end was a fifth of its peak
    /// memory. Copies of this value share the body, so only the owner of the pages may.
    public func releaseBody() { bodyText.release() }

    /// The file's first YAML line is line 2 (line 1 is the opening `---`).
    public static let frontMatterFirstLine = 2

    /// A location in the file, from a 1-based line and column in the body.
    public func location(bodyLine: Int, column: Int = 0) -> SourceLocation {
        SourceLocation(file: displayPath, line: bodyLine + bodyLineOffset, column: column)
    }

    /// A location in the file, from a 1-based line and column in the front matter.
    public func location(frontMatterLine: Int, column: Int = 0) -> SourceLocation {
        SourceLocation(
            file: displayPath, line: frontMatterLine + Self.frontMatterFirstLine - 1, column: column)
    }
}

/// A body that can be let go of; see `SourceFile.releaseBody()`.
private final class BodyText: @unchecked Sendable {
    private var text: String
    private let lock = NSLock()

    init(_ text: String) { self.text = text }

    var value: String { lock.withLock { text } }

    func release() { lock.withLock { text = "" } }
}

/// A non-markdown file under `content/` (an image, a PDF), copied to the same path in the output.
public struct AssetFile: Sendable, Hashable {
    /// Path below `content/`: `glossary/plc-rack.png`.
    public var relativePath: String
    public var absolutePath: String
}
