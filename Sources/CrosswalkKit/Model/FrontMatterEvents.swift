// libyaml itself, the parser Yams wraps (its `CYaml` module): Yams has no public event API.
import CYaml

/// Reads usual front matter straight from libyaml's events.
///
/// Yams's `compose` builds a tree of `Node`s, registers every node, and groups the keys of
/// each mapping to find duplicates; that was four fifths of reading a page's six lines. Front
/// matter is nearly always a mapping of scalars, lists and small maps, without anchors,
/// aliases or tags: this reads those into the values `FrontMatterParser` would convert Yams's
/// tree into, with the same positions and the same typing of plain scalars.
///
/// Anything else returns nil and Yams reads the front matter, with its rules and its error
/// messages: a syntax error, an anchor, an alias, an explicit tag, a key that is not a plain
/// or quoted scalar, two keys with the same text in one mapping, a root that is not a mapping,
/// more than one document, or values past `FrontMatterParser`'s limits.
enum FrontMatterEvents {
    typealias Pairs = [(key: String, value: FrontMatterValue)]

    static func read(_ yaml: String) -> Pairs? {
        var text = yaml
        return text.withUTF8 { bytes -> Pairs? in
            guard let base = bytes.baseAddress else { return nil }
            var parser = yaml_parser_t()
            guard yaml_parser_initialize(&parser) == 1 else { return nil }
            defer { yaml_parser_delete(&parser) }
            yaml_parser_set_encoding(&parser, YAML_UTF8_ENCODING)
            yaml_parser_set_input_string(&parser, base, bytes.count)
            return withUnsafeMutablePointer(to: &parser) { parser in
                var reader = Reader(
                    parser: parser,
                    budget: .init(
                        nodes: FrontMatterParser.maxNodes, bytes: FrontMatterParser.maxTextBytes(yaml)))
                defer { yaml_event_delete(&reader.event) }
                return reader.document()
            }
        }
    }

    private struct Reader {
        let parser: UnsafeMutablePointer<yaml_parser_t>
        var budget: FrontMatterParser.Budget
        var event = yaml_event_t()

        init(parser: UnsafeMutablePointer<yaml_parser_t>, budget: FrontMatterParser.Budget) {
            self.parser = parser
            self.budget = budget
        }

        /// The next event, or nil on a syntax error.
        mutating func next() -> yaml_event_type_t? {
            yaml_event_delete(&event)
            guard yaml_parser_parse(parser, &event) == 1 else { return nil }
            return event.type
        }

        /// One document holding one mapping, then the end of the stream.
        mutating func document() -> Pairs? {
            guard next() == YAML_STREAM_START_EVENT, next() == YAML_DOCUMENT_START_EVENT,
                next() == YAML_MAPPING_START_EVENT, event.data.mapping_start.anchor == nil,
                event.data.mapping_start.tag == nil, let pairs = mappingPairs(depth: -1)
            else { return nil }
            guard next() == YAML_DOCUMENT_END_EVENT, next() == YAML_STREAM_END_EVENT else { return nil }
            return pairs
        }

        /// The value the current event starts; `depth` as `FrontMatterParser.convert` counts it.
        mutating func value(depth: Int) -> FrontMatterValue? {
            budget.nodes -= 1
            guard depth <= FrontMatterParser.maxDepth, budget.nodes >= 0 else { return nil }
            let position = FrontMatterValue.Position(
                line: Int(event.start_mark.line) + 1, column: Int(event.start_mark.column) + 1)
            switch event.type {
            case YAML_SCALAR_EVENT:
                guard let (text, quoted) = scalar() else { return nil }
                budget.bytes -= text.utf8.count
                guard budget.bytes >= 0 else { return nil }
                // Yams types a quoted or block scalar as text, and a plain one by its resolver.
                return .scalar(text, isText: quoted || FrontMatterParser.plainScalarIsText(text), position)
            case YAML_SEQUENCE_START_EVENT:
                guard event.data.sequence_start.anchor == nil, event.data.sequence_start.tag == nil else { return nil }
                var items: [FrontMatterValue] = []
                while true {
                    guard let type = next() else { return nil }
                    if type == YAML_SEQUENCE_END_EVENT { break }
                    guard let item = value(depth: depth + 1) else { return nil }
                    items.append(item)
                }
                return .list(items, position)
            case YAML_MAPPING_START_EVENT:
                guard event.data.mapping_start.anchor == nil, event.data.mapping_start.tag == nil,
                    let pairs = mappingPairs(depth: depth)
                else { return nil }
                return .map(pairs, position)
            default:
                return nil
            }
        }

        /// The pairs of the mapping just started; the top level (`depth` -1) does not count
        /// its keys' bytes, as `FrontMatterParser.parse` does not.
        mutating func mappingPairs(depth: Int) -> Pairs? {
            var pairs: Pairs = []
            var keys = Set<String>()
            while true {
                guard let type = next() else { return nil }
                if type == YAML_MAPPING_END_EVENT { return pairs }
                guard type == YAML_SCALAR_EVENT, let (key, _) = scalar(), keys.insert(key).inserted else { return nil }
                if depth >= 0 { budget.bytes -= key.utf8.count }
                guard next() != nil, let value = value(depth: depth + 1) else { return nil }
                pairs.append((key, value))
            }
        }

        /// The current scalar's text, and whether it was quoted (or a block scalar); nil for
        /// one with an anchor or a tag.
        func scalar() -> (String, quoted: Bool)? {
            let scalar = event.data.scalar
            guard scalar.anchor == nil, scalar.tag == nil else { return nil }
            let text =
                scalar.length == 0
                ? "" : String(decoding: UnsafeBufferPointer(start: scalar.value, count: scalar.length), as: UTF8.self)
            return (text, scalar.quoted_implicit == 1)
        }
    }
}
