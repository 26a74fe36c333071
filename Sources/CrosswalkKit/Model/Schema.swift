/// The front-matter schema of each kind: which keys exist and what shape their values take.
/// Turns raw ``FrontMatterValue``s into ``PageMetadata``, reporting every problem at the
/// offending value's line and column.
struct Schema {
    static let common = ["title", "summary", "tags", "owner", "reviewed", "review_by", "autolink"]
    static let byKind: [PageKind: [String]] = [
        .term: ["aliases", "it", "ot", "related"],
        .constraint: ["why", "purdue", "references"],
        .tool: ["category", "constraints"],
        .workflow: ["steps"],
        .scenario: ["injects"],
        .page: [],
    ]
    static let reasons = ["availability", "safety", "certification", "legacy", "regulatory"]
    static let purdueLevels = ["0", "1", "2", "3", "3.5", "4", "5"]

    let file: SourceFile
    let kind: PageKind
    private(set) var diagnostics: [Diagnostic] = []

    init(file: SourceFile, kind: PageKind) {
        self.file = file
        self.kind = kind
    }

    static func knownKeys(for kind: PageKind) -> [String] { common + (byKind[kind] ?? []) }

    mutating func validate(_ pairs: [(key: String, value: FrontMatterValue)]) -> PageMetadata {
        var metadata = PageMetadata()
        let known = Self.knownKeys(for: kind)
        for (key, value) in pairs {
            switch key {
            case "title", "summary": break  // read by PageBuilder
            case "tags": metadata.tags = texts(key, value)
            case "owner": metadata.owner = text(key, value)
            case "reviewed": metadata.reviewed = date(key, value)
            case "review_by": metadata.reviewBy = date(key, value)
            case "autolink": metadata.autolink = flag(key, value) ?? true
            case "aliases" where kind == .term: metadata.aliases = located(key, value)
            case "it" where kind == .term: metadata.it = text(key, value)
            case "ot" where kind == .term: metadata.ot = text(key, value)
            case "related" where kind == .term: metadata.related = located(key, value)
            case "why" where kind == .constraint:
                metadata.why = texts(key, value).filter { oneOf(key, $0, Self.reasons, value) }
            case "purdue" where kind == .constraint:
                metadata.purdue = scalars(key, value).filter { oneOf(key, $0, Self.purdueLevels, value) }
            case "references" where kind == .constraint: metadata.references = references(value)
            case "category" where kind == .tool: metadata.category = text(key, value)
            case "constraints" where kind == .tool: metadata.constraintVerdicts = verdicts(value)
            case "steps" where kind == .workflow: metadata.steps = steps(value)
            case "injects" where kind == .scenario: metadata.injects = injects(value)
            default:
                let suggestion = Suggestions.closest(to: key, among: known)
                let kindName = kind == .page ? "a page" : "a \(kind.label.lowercased())"
                diagnostics.append(
                    .warning(
                        .unknownKey, at: at(value, key: true), "unknown front-matter key '\(key)' for \(kindName)",
                        hint: suggestion.map { "did you mean '\($0)'?" }
                            ?? "known keys: \(known.joined(separator: ", "))"))
            }
        }
        return metadata
    }

    // MARK: value shapes

    private func at(_ value: FrontMatterValue, key: Bool = false) -> SourceLocation {
        let position = value.position
        return file.location(frontMatterLine: position.line, column: key ? 1 : position.column)
    }

    private mutating func typeError(_ key: String, _ value: FrontMatterValue, expected: String, example: String) {
        diagnostics.append(
            .error(
                .wrongValueType, at: at(value), "'\(key)' must be \(expected), not \(value.typeName)",
                hint: "for example: \(example)"))
    }

    private mutating func text(_ key: String, _ value: FrontMatterValue) -> String? {
        if case .scalar(let text, _, _) = value, !text.isEmpty, text != "null", text != "~" { return text }
        if case .scalar = value { return nil }
        typeError(key, value, expected: "text", example: "\(key): one line of text")
        return nil
    }

    /// A list of scalars; a single scalar is accepted as a list of one.
    private mutating func scalars(_ key: String, _ value: FrontMatterValue) -> [String] {
        switch value {
        case .scalar(let text, _, _): return text.isEmpty || text == "null" ? [] : [text]
        case .list(let items, _):
            var result: [String] = []
            for item in items {
                guard let text = item.scalarText else {
                    typeError(key, item, expected: "a list of text", example: "\(key): [a, b]")
                    continue
                }
                result.append(text)
            }
            return result
        case .map:
            typeError(key, value, expected: "a list", example: "\(key): [a, b]")
            return []
        }
    }

    private mutating func texts(_ key: String, _ value: FrontMatterValue) -> [String] { scalars(key, value) }

    private mutating func located(_ key: String, _ value: FrontMatterValue) -> [Located<String>] {
        let items: [FrontMatterValue]
        switch value {
        case .list(let list, _): items = list
        case .scalar(let text, _, _): items = text.isEmpty || text == "null" ? [] : [value]
        case .map:
            typeError(key, value, expected: "a list", example: "\(key): [a, b]")
            return []
        }
        var result: [Located<String>] = []
        for item in items {
            guard let text = item.scalarText else {
                typeError(key, item, expected: "a list of text", example: "\(key): [a, b]")
                continue
            }
            result.append(Located(text, at: at(item)))
        }
        return result
    }

    private mutating func flag(_ key: String, _ value: FrontMatterValue) -> Bool? {
        if let text = value.scalarText, let flag = Bool(yamlBoolean: text) { return flag }
        typeError(key, value, expected: "true or false", example: "\(key): false")
        return nil
    }

    /// A date as `YYYY-MM-DD`; kept as text, compared as text.
    private mutating func date(_ key: String, _ value: FrontMatterValue) -> String? {
        guard let text = value.scalarText, Self.isISODate(text) else {
            typeError(key, value, expected: "a date (YYYY-MM-DD)", example: "\(key): 2027-01-31")
            return nil
        }
        return String(text.prefix(10))
    }

    static func isISODate(_ text: String) -> Bool {
        // `2026-11-01` as bytes, the form nearly every page has; anything else, as characters.
        if let plain = plainISODate(text) { return plain }
        return characterISODate(text)
    }

    /// For ten ASCII bytes `dddd-dd-dd` (then the end, or any ASCII byte, so no mark joins the
    /// last digit), what `characterISODate` answers; nil for anything else.
    static func plainISODate(_ text: String) -> Bool? {
        let bytes = text.utf8
        guard bytes.count >= 10 else { return nil }
        var month = 0
        var day = 0
        for (offset, byte) in bytes.prefix(11).enumerated() {
            let digit = Int(byte &- UInt8(ascii: "0"))
            switch offset {
            case 4, 7: guard byte == UInt8(ascii: "-") else { return nil }
            case 10: guard byte < 0x80 else { return nil }
            default:
                guard digit < 10 else { return nil }
                if offset == 5 || offset == 6 { month = month * 10 + digit }
                if offset == 8 || offset == 9 { day = day * 10 + digit }
            }
        }
        return (1...12).contains(month) && (1...31).contains(day)
    }

    static func characterISODate(_ text: String) -> Bool {
        let parts = text.prefix(10).split(separator: "-")
        guard parts.count == 3, parts[0].count == 4, parts[1].count == 2, parts[2].count == 2,
            let month = Int(parts[1]), let day = Int(parts[2]), Int(parts[0]) != nil
        else { return false }
        return (1...12).contains(month) && (1...31).contains(day)
    }

    private mutating func oneOf(_ key: String, _ text: String, _ allowed: [String], _ value: FrontMatterValue) -> Bool {
        if allowed.contains(text) { return true }
        diagnostics.append(
            .error(
                .wrongValueType, at: at(value), "'\(text)' is not a valid \(key) value",
                hint: "use one of: \(allowed.joined(separator: ", "))"))
        return false
    }

    private mutating func mapping(_ key: String, _ value: FrontMatterValue, example: String) -> [String:
        FrontMatterValue]?
    {
        guard case .map(let pairs, _) = value else {
            typeError(key, value, expected: "a mapping", example: example)
            return nil
        }
        return Dictionary(pairs.map { ($0.key, $0.value) }, uniquingKeysWith: { first, _ in first })
    }

    private mutating func list(_ key: String, _ value: FrontMatterValue, example: String) -> [FrontMatterValue] {
        guard case .list(let items, _) = value else {
            typeError(key, value, expected: "a list", example: example)
            return []
        }
        return items
    }

    private mutating func required(
        _ key: String, in entry: [String: FrontMatterValue], of parent: FrontMatterValue, owner: String
    )
        -> String?
    {
        guard let value = entry[key] else {
            diagnostics.append(
                .error(.wrongValueType, at: at(parent), "\(owner) has no '\(key)'", hint: "add \(key): …"))
            return nil
        }
        return text(key, value)
    }

    private mutating func references(_ value: FrontMatterValue) -> [PageMetadata.Reference] {
        let example = "references: [{standard: IEC 62443-3-3, note: system requirements}]"
        return list("references", value, example: example).compactMap { item in
            guard let entry = mapping("references", item, example: example),
                let standard = required("standard", in: entry, of: item, owner: "a reference")
            else { return nil }
            return PageMetadata.Reference(
                standard: standard, section: entry["section"].flatMap { text("section", $0) },
                note: entry["note"].flatMap { text("note", $0) })
        }
    }

    private mutating func verdicts(_ value: FrontMatterValue) -> [PageMetadata.ConstraintVerdict] {
        let example = "constraints: {no-active-scanning: {verdict: avoid, note: …}}"
        guard case .map(let pairs, _) = value else {
            typeError("constraints", value, expected: "a mapping of constraint slugs", example: example)
            return []
        }
        return pairs.compactMap { pair in
            guard let entry = mapping(pair.key, pair.value, example: "\(pair.key): {verdict: caution, note: …}"),
                let word = required("verdict", in: entry, of: pair.value, owner: "'\(pair.key)'")
            else { return nil }
            guard let verdict = PageMetadata.Verdict(rawValue: word) else {
                diagnostics.append(
                    .error(
                        .wrongValueType, at: at(entry["verdict"] ?? pair.value),
                        "'\(word)' is not a verdict", hint: "use ok, caution or avoid"))
                return nil
            }
            let note = entry["note"].flatMap { text("note", $0) } ?? ""
            return PageMetadata.ConstraintVerdict(
                constraint: Located(pair.key, at: at(pair.value, key: true)), verdict: verdict, note: note)
        }
    }

    private mutating func steps(_ value: FrontMatterValue) -> [PageMetadata.WorkflowStep] {
        let example = "steps: [{lane: it, action: Raise the ticket, owner: Change manager}]"
        return list("steps", value, example: example).compactMap { item in
            guard let entry = mapping("steps", item, example: example),
                let laneWord = required("lane", in: entry, of: item, owner: "a step"),
                let action = required("action", in: entry, of: item, owner: "a step")
            else { return nil }
            guard let lane = PageMetadata.Lane(rawValue: laneWord.lowercased()) else {
                diagnostics.append(
                    .error(
                        .wrongValueType, at: at(entry["lane"] ?? item), "'\(laneWord)' is not a lane",
                        hint: "use it, ot or joint"))
                return nil
            }
            return PageMetadata.WorkflowStep(
                lane: lane, action: action, owner: entry["owner"].flatMap { text("owner", $0) },
                authority: entry["authority"].flatMap { flag("authority", $0) } ?? false,
                handoff: entry["handoff"].flatMap { flag("handoff", $0) } ?? false)
        }
    }

    private mutating func injects(_ value: FrontMatterValue) -> [PageMetadata.Inject] {
        let example = "injects: [{at: \"T+0:00\", event: …, it: [question], ot: [question]}]"
        return list("injects", value, example: example).compactMap { item in
            guard let entry = mapping("injects", item, example: example),
                let at = required("at", in: entry, of: item, owner: "an inject"),
                let event = required("event", in: entry, of: item, owner: "an inject")
            else { return nil }
            return PageMetadata.Inject(
                at: at, event: event, it: entry["it"].map { texts("it", $0) } ?? [],
                ot: entry["ot"].map { texts("ot", $0) } ?? [])
        }
    }
}
