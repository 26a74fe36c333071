import Yams

/// Parses front-matter YAML with Yams into ordered ``FrontMatterValue`` pairs, mapping every
/// YAML error to a file position.
enum FrontMatterParser {
    struct Output {
        var pairs: [(key: String, value: FrontMatterValue)] = []
        var diagnostics: [Diagnostic] = []
    }

    /// Aliases deeper than this are refused: expansion is what makes "billion laughs" explode.
    static let maxDepth = 64
    /// Values (nodes) one front matter may hold once Yams has resolved its aliases.
    static let maxNodes = 100_000

    /// Text one front matter may expand to: a value is never longer than the YAML that writes
    /// it, so only aliases can pass this. Without it, a 100 KB scalar repeated through 2,000
    /// aliases published 200 MB of tags from a 108 KB file.
    static func maxTextBytes(_ yaml: String) -> Int { 2 * yaml.utf8.count + 4096 }

    static func parse(_ file: SourceFile) -> Output {
        guard let yaml = file.frontMatter, !yaml.allSatisfy({ $0.isWhitespace }) else { return Output() }
        if let pairs = FrontMatterLines.read(yaml) ?? FrontMatterEvents.read(yaml) { return Output(pairs: pairs) }
        return parseWithYams(file)
    }

    /// Yams's reading, for what `FrontMatterEvents` leaves to it: errors, anchors and aliases,
    /// tags, duplicate keys.
    static func parseWithYams(_ file: SourceFile) -> Output {
        var output = Output()
        guard let yaml = file.frontMatter,
            !yaml.allSatisfy({ $0.isWhitespace })
        else { return output }
        let root: Node?
        do {
            // The basic resolver (no regexes; `plainScalarIsText` types plain scalars instead)
            // and the encoding given: Yams's default reads the whole process environment on
            // every call (for YAMS_DEFAULT_ENCODING). Together they were half the Model stage.
            // A constructor without tables: nodes are converted here (`convert`), never by Yams,
            // and the default one builds its three tables on every call.
            root = try Yams.compose(yaml: yaml, .basic, Constructor([:], [:], [:]), .utf8)
        } catch let error as YamlError {
            output.diagnostics.append(diagnostic(for: error, in: file))
            return output
        } catch {
            output.diagnostics.append(
                .error(.invalidYAML, at: file.location(frontMatterLine: 1), "\(error)"))
            return output
        }
        guard case .mapping(let mapping)? = root else {
            let mark = root?.mark
            output.diagnostics.append(
                .error(
                    .frontMatterNotAMapping,
                    at: file.location(frontMatterLine: mark?.line ?? 1, column: mark?.column ?? 1),
                    "front matter must be key: value lines",
                    hint: "write for example `title: Patch` on its own line"))
            return output
        }
        var seen: [String: Int] = [:]
        // Shared by every key, so the whole front matter is bounded, not each value.
        var budget = Budget(nodes: maxNodes, bytes: maxTextBytes(yaml))
        for (keyNode, valueNode) in mapping {
            let key = keyNode.string ?? ""
            let mark = keyNode.mark
            if let first = seen[key] {
                output.diagnostics.append(
                    .error(
                        .invalidYAML,
                        at: file.location(frontMatterLine: mark?.line ?? 1, column: mark?.column ?? 1),
                        "duplicate key '\(key)' (first on line \(first + SourceFile.frontMatterFirstLine - 1))",
                        hint: "keep one '\(key):' line"))
                continue
            }
            seen[key] = mark?.line ?? 0
            guard let value = convert(valueNode, depth: 0, budget: &budget) else {
                output.diagnostics.append(
                    .error(
                        .invalidYAML,
                        at: file.location(frontMatterLine: mark?.line ?? 1, column: mark?.column ?? 1),
                        "value of '\(key)' is nested too deeply or too large",
                        hint: "front matter holds short values; avoid deep nesting and YAML aliases"))
                return output
            }
            output.pairs.append((key, value))
        }
        return output
    }

    struct Budget {
        var nodes: Int
        var bytes: Int
    }

    /// Converts a Yams node; nil when nesting or total size passes the limits.
    private static func convert(_ node: Node, depth: Int, budget: inout Budget) -> FrontMatterValue? {
        budget.nodes -= 1
        guard depth <= maxDepth, budget.nodes >= 0 else { return nil }
        let position = FrontMatterValue.Position(
            line: node.mark?.line ?? 1, column: node.mark?.column ?? 1)
        switch node {
        case .scalar(let scalar):
            budget.bytes -= scalar.string.utf8.count
            guard budget.bytes >= 0 else { return nil }
            // The tag as written, not resolved: empty for a plain scalar without one.
            let written = scalar.tag.rawValue
            let isText =
                written.isEmpty
                ? plainScalarIsText(scalar.string)
                : written == Tag.Name.str.rawValue || written == Tag.Name.nonSpecific.rawValue
            return .scalar(scalar.string, isText: isText, position)
        case .sequence(let sequence):
            var items: [FrontMatterValue] = []
            for item in sequence {
                guard let value = convert(item, depth: depth + 1, budget: &budget) else { return nil }
                items.append(value)
            }
            return .list(items, position)
        case .mapping(let mapping):
            var pairs: [(key: String, value: FrontMatterValue)] = []
            for (key, value) in mapping {
                budget.bytes -= key.string?.utf8.count ?? 0
                guard let converted = convert(value, depth: depth + 1, budget: &budget) else {
                    return nil
                }
                pairs.append((key.string ?? "", converted))
            }
            return .map(pairs, position)
        case .alias:
            // Yams's compose resolves aliases to the anchored node, so this is not reached
            // today; the budget above is what bounds alias expansion. Refuse one if it comes.
            return nil
        }
    }

    /// Yams reports duplicates at the mapping; the useful place is the repeated key's line.
    private static func secondLine(defining key: String, in yaml: String) -> Int? {
        var seen = false
        for (index, line) in yaml.split(separator: "\n", omittingEmptySubsequences: false).enumerated() {
            guard line.hasPrefix(key), line.dropFirst(key.count).drop(while: { $0 == " " }).first == ":" else {
                continue
            }
            if seen { return index + 1 }
            seen = true
        }
        return nil
    }

    private static func diagnostic(for error: YamlError, in file: SourceFile) -> Diagnostic {
        let hint = "check the indentation and quote values that contain ': ' or start with a special character"
        switch error {
        case let .scanner(context, problem, mark, _), let .parser(context, problem, mark, _),
            let .composer(context, problem, mark, _):
            let detail = context.map { "\($0.text) " } ?? ""
            return .error(
                .invalidYAML, at: file.location(frontMatterLine: mark.line, column: mark.column),
                "invalid YAML: \(detail)\(problem)", hint: hint)
        case let .reader(problem, _, _, _):
            return .error(.invalidYAML, at: file.location(frontMatterLine: 1), "invalid YAML: \(problem)", hint: hint)
        case let .duplicatedKeysInMapping(duplicates, context):
            let line = secondLine(defining: duplicates.first ?? "", in: file.frontMatter ?? "") ?? context.mark.line
            return .error(
                .invalidYAML,
                at: file.location(frontMatterLine: line, column: 1),
                "duplicate keys: \(duplicates.joined(separator: ", "))",
                hint: "keep one line per key")
        default:
            return .error(.invalidYAML, at: file.location(frontMatterLine: 1), "invalid YAML: \(error)", hint: hint)
        }
    }

    /// Whether YAML reads a plain (unquoted, untagged) scalar as text, exactly as Yams's default
    /// resolver does: numbers, booleans, null, dates, `<<` and `=` are not. Its regexes run only
    /// for what could be one of those (a digit, sign, dot, `~`, `<` or `=` first); a word, the
    /// usual value, can only be one of the boolean and null spellings.
    static func plainScalarIsText(_ text: String) -> Bool {
        guard let first = text.utf8.first else { return false }  // empty is null
        switch first {
        case UInt8(ascii: "0")...UInt8(ascii: "9"), UInt8(ascii: "+"), UInt8(ascii: "-"), UInt8(ascii: "."),
            UInt8(ascii: "~"), UInt8(ascii: "<"), UInt8(ascii: "="):
            // Dates (`reviewed: 2026-11-01`) and plain integers are most such values; they
            // match Yams's timestamp and int patterns, so spare the regexes.
            if isISODate(text) || isDecimalInteger(text) || isDigitsWithFraction(text) { return false }
            return resolvesAsText(text)
        default:
            return !nonTextWords.contains(text)
        }
    }

    /// Yams's default resolver, regexes and all: the rule the shortcuts above must agree with.
    static func resolvesAsText(_ text: String) -> Bool {
        Node(text).tag.rawValue == Tag.Name.str.rawValue
    }

    /// `YYYY-MM-DD` in ASCII digits.
    static func isISODate(_ text: String) -> Bool {
        let bytes = Array(text.utf8)
        guard bytes.count == 10, bytes[4] == UInt8(ascii: "-"), bytes[7] == UInt8(ascii: "-") else { return false }
        return bytes.indices.allSatisfy { $0 == 4 || $0 == 7 || bytes[$0] &- 0x30 < 10 }
    }

    /// `[0-9]+` or `[0-9]+.[0-9]+` in ASCII (`0`, `07`, `3.5`): Yams reads each as a number.
    /// Lists of Purdue levels (`[0, 1, 2]`) and ratings hold them, and each regex run cost
    /// about as much as reading a whole page's front matter.
    static func isDigitsWithFraction(_ text: String) -> Bool {
        var digits = 0
        var dots = 0
        var last: UInt8 = 0
        for byte in text.utf8 {
            if byte == UInt8(ascii: ".") {
                guard digits > 0, dots == 0 else { return false }
                dots += 1
            } else {
                guard byte &- 0x30 < 10 else { return false }
                digits += 1
            }
            last = byte
        }
        return digits > 0 && last != UInt8(ascii: ".")
    }

    /// `[1-9][0-9]*`: a decimal integer without sign, underscores or a leading zero.
    static func isDecimalInteger(_ text: String) -> Bool {
        guard let first = text.utf8.first, first &- 0x31 < 9 else { return false }
        return text.utf8.allSatisfy { $0 &- 0x30 < 10 }
    }

    /// The words Yams's default resolver reads as booleans or null.
    static let nonTextWords: Set<String> = [
        "yes", "Yes", "YES", "no", "No", "NO", "true", "True", "TRUE", "false", "False", "FALSE",
        "on", "On", "ON", "off", "Off", "OFF", "null", "Null", "NULL",
    ]
}
