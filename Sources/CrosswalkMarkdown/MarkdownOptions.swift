import Ccmark

/// Parse and render switches, mapped one to one onto libcmark's `CMARK_OPT_*` flags.
public struct MarkdownOptions: OptionSet, Sendable, Hashable {
    public let rawValue: Int32
    public init(rawValue: Int32) { self.rawValue = rawValue }

    /// Curly quotes, dashes and ellipses (`CMARK_OPT_SMART`).
    public static let smart = MarkdownOptions(rawValue: CMARK_OPT_SMART)
    /// Keep raw HTML and dangerous URLs (`CMARK_OPT_UNSAFE`); off by default.
    public static let unsafe = MarkdownOptions(rawValue: CMARK_OPT_UNSAFE)
    /// Emit `data-sourcepos` attributes (`CMARK_OPT_SOURCEPOS`).
    public static let sourcePositions = MarkdownOptions(rawValue: CMARK_OPT_SOURCEPOS)
    /// Replace invalid UTF-8 with U+FFFD while parsing (`CMARK_OPT_VALIDATE_UTF8`).
    public static let validateUTF8 = MarkdownOptions(rawValue: CMARK_OPT_VALIDATE_UTF8)
}
