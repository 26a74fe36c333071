import Yams

/// Settings from `crosswalk.yml` at the source root; every key is optional.
public struct SiteConfig: Sendable, Equatable {
    public var title = "crosswalk"
    /// Absolute URL the site is published at (for the sitemap and canonical links); optional.
    public var baseURL: String?
    public var language = "en"
    /// Pass raw HTML and `javascript:` URLs through. Off: libcmark's safe mode.
    public var unsafeHTML = false
    /// Curly quotes, dashes and ellipses.
    public var smartPunctuation = true
    public var maxFileBytes = ContentLoader.defaultMaxFileBytes
    /// Lint rules switched off with `lint: {rule: false}`.
    public var disabledLints: Set<String> = []

    public init() {}

    public static let fileName = "crosswalk.yml"
    static let knownKeys = [
        "title", "base_url", "language", "unsafe_html", "smart_punctuation", "max_file_bytes", "lint",
    ]

    /// Parses the config text; problems are diagnostics at the offending key.
    public static func parse(_ text: String) -> (SiteConfig, [Diagnostic]) {
        var config = SiteConfig()
        var diagnostics: [Diagnostic] = []
        let file = SourceFile(
            relativePath: fileName, displayPath: fileName, frontMatter: text, body: "",
            bodyLineOffset: 0)
        func at(_ position: FrontMatterValue.Position) -> SourceLocation {
            SourceLocation(file: fileName, line: position.line, column: position.column)
        }
        let parsed = FrontMatterParser.parse(file)
        // FrontMatterParser counts from line 2 (after `---`); a config file starts at line 1.
        diagnostics += parsed.diagnostics.map { diagnostic in
            var moved = diagnostic
            moved.location.line = max(1, moved.location.line - SourceFile.frontMatterFirstLine + 1)
            moved.code = .invalidConfig
            return moved
        }
        func typeError(_ key: String, _ value: FrontMatterValue, _ expected: String) {
            diagnostics.append(
                .error(
                    .invalidConfig, at: at(value.position),
                    "'\(key)' must be \(expected), not \(value.typeName)"))
        }
        for (key, value) in parsed.pairs {
            switch key {
            case "title", "base_url", "language":
                guard let text = value.text else {
                    typeError(key, value, "text")
                    continue
                }
                if key == "title" { config.title = text }
                if key == "language" { config.language = text }
                if key == "base_url" { config.baseURL = text.isEmpty ? nil : text }
            case "unsafe_html", "smart_punctuation":
                guard let flag = value.scalarText.flatMap(Bool.init(yamlBoolean:)) else {
                    typeError(key, value, "true or false")
                    continue
                }
                if key == "unsafe_html" { config.unsafeHTML = flag } else { config.smartPunctuation = flag }
            case "max_file_bytes":
                guard let number = value.scalarText.flatMap({ Int($0) }), number > 0 else {
                    typeError(key, value, "a positive number of bytes")
                    continue
                }
                config.maxFileBytes = number
            case "lint":
                guard case .map(let rules, _) = value else {
                    typeError(key, value, "a mapping of rule: true/false")
                    continue
                }
                let known = DiagnosticCode.allCases.compactMap(\.lintRule)
                for (rule, setting) in rules {
                    guard known.contains(rule) else {
                        diagnostics.append(
                            .warning(
                                .unknownConfigKey, at: at(setting.position), "unknown lint rule '\(rule)'",
                                hint: Suggestions.closest(to: rule, among: known).map { "did you mean '\($0)'?" }
                                    ?? "lint rules: \(known.joined(separator: ", "))"))
                        continue
                    }
                    guard let enabled = setting.scalarText.flatMap(Bool.init(yamlBoolean:)) else {
                        typeError(rule, setting, "true or false")
                        continue
                    }
                    if enabled { config.disabledLints.remove(rule) } else { config.disabledLints.insert(rule) }
                }
            default:
                let suggestion = Suggestions.closest(to: key, among: knownKeys)
                diagnostics.append(
                    .warning(
                        .unknownConfigKey, at: at(value.position), "unknown setting '\(key)'",
                        hint: suggestion.map { "did you mean '\($0)'?" }
                            ?? "known settings: \(knownKeys.joined(separator: ", "))"))
            }
        }
        return (config, diagnostics)
    }
}

extension Bool {
    init?(yamlBoolean text: String) {
        switch text.lowercased() {
        case "true", "yes", "on": self = true
        case "false", "no", "off": self = false
        default: return nil
        }
    }
}
