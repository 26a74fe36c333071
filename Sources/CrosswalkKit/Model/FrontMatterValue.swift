/// A front-matter value with the position it came from, converted out of Yams' tree so pages
/// stay `Sendable` and the rest of the pipeline never imports Yams.
public indirect enum FrontMatterValue: Sendable, Equatable {
    /// A scalar; `isText` is false for numbers, booleans, null and dates that YAML resolved.
    case scalar(String, isText: Bool, Position)
    case list([FrontMatterValue], Position)
    case map([(key: String, value: FrontMatterValue)], Position)

    /// Line and column within the front matter (1-based, columns in Unicode scalars).
    public struct Position: Sendable, Equatable {
        public var line: Int
        public var column: Int
        public init(line: Int, column: Int) {
            self.line = line
            self.column = column
        }
    }

    public static func == (lhs: FrontMatterValue, rhs: FrontMatterValue) -> Bool {
        switch (lhs, rhs) {
        case let (.scalar(a, ta, _), .scalar(b, tb, _)): a == b && ta == tb
        case let (.list(a, _), .list(b, _)): a == b
        case let (.map(a, _), .map(b, _)):
            a.count == b.count && zip(a, b).allSatisfy { $0.key == $1.key && $0.value == $1.value }
        default: false
        }
    }

    public var position: Position {
        switch self {
        case .scalar(_, _, let position), .list(_, let position), .map(_, let position): position
        }
    }

    /// The text of a scalar (of any YAML type), nil for lists and maps.
    public var scalarText: String? {
        if case .scalar(let text, _, _) = self { return text }
        return nil
    }

    /// The scalar's text when YAML read it as a string.
    public var text: String? {
        if case .scalar(let text, true, _) = self { return text }
        return nil
    }

    /// Short description of the value's type for diagnostics.
    public var typeName: String {
        switch self {
        case .scalar(_, true, _): "text"
        case .scalar(let text, false, _):
            text == "null" || text == "~" || text.isEmpty ? "empty" : "a number, date or boolean"
        case .list: "a list"
        case .map: "a mapping"
        }
    }

    /// A plain value for templates: String, [Any] or [String: Any].
    public var templateValue: Any {
        switch self {
        case .scalar(let text, _, _): text
        case .list(let items, _): items.map(\.templateValue)
        case .map(let pairs, _):
            Dictionary(pairs.map { ($0.key, $0.value.templateValue) }, uniquingKeysWith: { a, _ in a })
        }
    }
}
