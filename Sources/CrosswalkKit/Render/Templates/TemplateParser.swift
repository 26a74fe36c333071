/// Parses Mustache source into `TemplateNode`s, with the whitespace rules of swift-mustache
/// 2.1.1 (standalone lines, partial indentation, block indentation), which stays the judge of
/// syntax: a template reaches this parser only after the library accepted it, and a
/// differential test holds the two to the same output.
///
/// It works on `Character`s, as the library does, so grapheme clusters split text the same
/// way; it runs once per template per build. `nil` means a construct this renderer leaves to
/// swift-mustache: a pragma other than crosswalk's own content type.
struct TemplateParser {
    private struct State {
        var sectionName: String?
        var sectionTransforms: [String] = []
        var newLine = true
        var inBlockDefinitions = false
        var atBlockDefinitionsTop = false
        var definitionIndent: ArraySlice<Character>?
        /// The tag delimiters, `{{` and `}}` until a `{{=<% %>=}}` sets others: for the rest of
        /// the section it is in, as swift-mustache reads it.
        var open: [Character] = ["{", "{"]
        var close: [Character] = ["}", "}"]
    }

    private struct Unsupported: Error {}

    private let characters: [Character]
    private var position = 0
    /// The content type crosswalk's pragma names first in every template; the only one this
    /// parser accepts.
    private let contentType: String

    private init(_ source: String, contentType: String) {
        characters = Array(source)
        self.contentType = contentType
    }

    static func parse(_ source: String, contentType: String) -> [TemplateNode]? {
        var parser = TemplateParser(source, contentType: contentType)
        return try? parser.parse(State())
    }

    private static let nameCharacters = Set<Character>(
        "0123456789abcdefghijklmnopqrstuvwxyzABCDEFGHIJKLMNOPQRSTUVWXYZ.-_?*")
    private static let nameCharactersWithCalls = nameCharacters.union(["(", ")"])
    private static let partialCharacters = nameCharactersWithCalls.union(["/"])
    private static let blanks: Set<Character> = [" ", "\t"]

    private var atEnd: Bool { position == characters.count }
    private var current: Character { atEnd ? "\0" : characters[position] }

    private mutating func parse(_ initial: State) throws -> [TemplateNode] {
        var nodes: [TemplateNode] = []
        var state = initial
        var blanksBefore: ArraySlice<Character> = []
        func flushBlanks() {
            if !blanksBefore.isEmpty { nodes.append(.text(Self.bytes(blanksBefore))) }
        }
        while !atEnd {
            if state.newLine {
                let blanks = read(while: Self.blanks)
                if state.inBlockDefinitions, !state.atBlockDefinitionsTop {
                    if let indent = state.definitionIndent {
                        blanksBefore = blanks.dropFirst(indent.count)
                    } else {
                        state.definitionIndent = blanks
                    }
                } else {
                    blanksBefore = blanks
                }
            }
            let text = readText(opening: state.open)
            if current.isNewline {
                nodes.append(.text(Self.bytes(blanksBefore + text + [current])))
                state.newLine = true
                position += 1
                continue
            }
            if !text.isEmpty {
                nodes.append(.text(Self.bytes(blanksBefore + text)))
                blanksBefore = []
                state.newLine = false
            }
            if atEnd { break }
            var standalone = false
            switch current {
            case "#", "^":
                let inverted = current == "^"
                position += 1
                let (name, transforms) = try readName(state)
                if isStandalone(state) {
                    standalone = true
                } else {
                    flushBlanks()
                    blanksBefore = []
                }
                let inner = try parse(section(state, name, transforms, newLine: standalone))
                let tagName = TemplateName(name, transforms: transforms)
                nodes.append(inverted ? .invertedSection(tagName, inner) : .section(tagName, inner))
            case "/":
                position += 1
                let (name, transforms) = try readName(state)
                guard name == state.sectionName, transforms == state.sectionTransforms else { throw Unsupported() }
                if !isStandalone(state) { flushBlanks() }
                return nodes
            case "!":
                position += 1
                try skipComment(state)
                standalone = isStandalone(state)
            case "{", "&":
                let triple = current == "{"
                flushBlanks()
                blanksBefore = []
                position += 1
                let (name, transforms) = try readName(state)
                if triple {
                    guard current == "}" else { throw Unsupported() }
                    position += 1
                }
                nodes.append(.variable(TemplateName(name, transforms: transforms), escaped: false))
            case ">":
                position += 1
                _ = read(while: \.isWhitespace)
                let dynamic = current == "*"
                if dynamic { position += 1 }
                let name = try readPartialName(state)
                flushBlanks()
                standalone = isStandalone(state)
                let indentation = standalone ? String(blanksBefore) : nil
                nodes.append(
                    dynamic
                        ? .dynamicPartial(TemplateName(name, transforms: []), indentation: indentation, blocks: nil)
                        : .partial(name, indentation: indentation, blocks: nil))
                blanksBefore = []
            case "<":
                position += 1
                _ = read(while: \.isWhitespace)
                let name = try readPartialName(state)
                flushBlanks()
                standalone = isStandalone(state)
                var definitions = state
                definitions.sectionName = name
                definitions.sectionTransforms = []
                definitions.newLine = true
                definitions.inBlockDefinitions = true
                definitions.atBlockDefinitionsTop = true
                var blocks: [String: [TemplateNode]] = [:]
                for node in try parse(definitions) {
                    switch node.kind {
                    case .block: blocks[node.target] = node.children
                    case .text: break
                    default: throw Unsupported()
                    }
                }
                if name.first == "*" {
                    let lookedUp = TemplateName(String(name.dropFirst()), transforms: [])
                    nodes.append(.dynamicPartial(lookedUp, indentation: String(blanksBefore), blocks: blocks))
                } else {
                    nodes.append(.partial(name, indentation: String(blanksBefore), blocks: blocks))
                }
                blanksBefore = []
            case "$":
                position += 1
                let (name, transforms) = try readName(state)
                guard transforms.isEmpty else { throw Unsupported() }
                if state.atBlockDefinitionsTop {
                    standalone = isStandalone(state)
                    // A definition: its indentation is not rendered (see `.partial`'s blocks).
                    nodes.append(
                        .block(
                            name, defaults: try parse(section(state, name, [], newLine: standalone)), indentation: ""))
                } else {
                    flushBlanks()
                    standalone = isStandalone(state)
                    let defaults = try parse(section(state, name, [], newLine: standalone))
                    nodes.append(.block(name, defaults: defaults, indentation: String(blanksBefore)))
                    blanksBefore = []
                }
            case "%":
                position += 1
                try readPragma(state)
                standalone = isStandalone(state)
            case "=":
                position += 1
                (state.open, state.close) = try readDelimiters(state)
                standalone = isStandalone(state)
            default:
                flushBlanks()
                blanksBefore = []
                let (name, transforms) = try readName(state)
                nodes.append(.variable(TemplateName(name, transforms: transforms), escaped: true))
            }
            state.newLine = standalone
        }
        guard state.sectionName == nil else { throw Unsupported() }
        return nodes
    }

    private func section(_ state: State, _ name: String, _ transforms: [String], newLine: Bool) -> State {
        var inner = state
        inner.sectionName = name
        inner.sectionTransforms = transforms
        inner.atBlockDefinitionsTop = false
        if !newLine { inner.newLine = false }
        return inner
    }

    /// Text up to a newline (not consumed) or past the opening delimiter (consumed).
    private mutating func readText(opening: [Character]) -> ArraySlice<Character> {
        let start = position
        while !atEnd {
            let character = characters[position]
            if character == "\n" || character == "\r\n" { break }
            if character == opening[0], starts(with: opening) {
                let text = characters[start..<position]
                position += opening.count
                return text
            }
            position += 1
        }
        return characters[start..<position]
    }

    private func starts(with delimiter: [Character]) -> Bool {
        position + delimiter.count <= characters.count
            && characters[position..<position + delimiter.count].elementsEqual(delimiter)
    }

    private mutating func read(while set: Set<Character>) -> ArraySlice<Character> {
        let start = position
        while !atEnd, set.contains(characters[position]) { position += 1 }
        return characters[start..<position]
    }

    private mutating func read(while test: (Character) -> Bool) -> ArraySlice<Character> {
        let start = position
        while !atEnd, test(characters[position]) { position += 1 }
        return characters[start..<position]
    }

    private mutating func readClose(_ state: State) throws {
        guard starts(with: state.close) else { throw Unsupported() }
        position += state.close.count
    }

    /// A tag's name and its transforms: `empty(page.toc)` is `page.toc` with `["empty"]`.
    private mutating func readName(_ state: State) throws -> (String, [String]) {
        _ = read(while: \.isWhitespace)
        let text = read(while: Self.nameCharactersWithCalls)
        _ = read(while: \.isWhitespace)
        try readClose(state)
        guard text.contains("(") else {
            guard !text.contains(")") else { throw Unsupported() }
            return (String(text), [])
        }
        var rest = text[...]
        var transforms: [String] = []
        while let open = rest.firstIndex(of: "(") {
            let word = rest[rest.startIndex..<open]
            guard !word.contains(")") else { throw Unsupported() }
            transforms.append(String(word))
            rest = rest[(open + 1)...]
        }
        let name = rest.prefix { $0 != ")" }
        let closing = rest.dropFirst(name.count)
        guard closing.count == transforms.count, closing.allSatisfy({ $0 == ")" }) else { throw Unsupported() }
        return (String(name), transforms)
    }

    private mutating func readPartialName(_ state: State) throws -> String {
        _ = read(while: \.isWhitespace)
        let name = read(while: Self.partialCharacters)
        _ = read(while: \.isWhitespace)
        try readClose(state)
        return String(name)
    }

    private mutating func skipComment(_ state: State) throws {
        while !atEnd {
            if starts(with: state.close) {
                position += state.close.count
                return
            }
            position += 1
        }
        throw Unsupported()
    }

    /// `=<% %>=` after the opening delimiter: the new delimiters, each at least one
    /// character and without blanks, as swift-mustache reads them.
    private mutating func readDelimiters(_ state: State) throws -> (open: [Character], close: [Character]) {
        _ = read(while: \.isWhitespace)
        let open = read { !$0.isWhitespace }
        guard !atEnd else { throw Unsupported() }
        _ = read(while: \.isWhitespace)
        let close = read { $0 != "=" && !$0.isWhitespace }
        guard !atEnd else { throw Unsupported() }
        _ = read(while: \.isWhitespace)
        guard current == "=" else { throw Unsupported() }
        position += 1
        try readClose(state)
        guard !open.isEmpty, !close.isEmpty else { throw Unsupported() }
        return (Array(open), Array(close))
    }

    private mutating func readPragma(_ state: State) throws {
        _ = read(while: \.isWhitespace)
        let variable = read(while: Self.nameCharacters)
        _ = read(while: \.isWhitespace)
        guard current == ":" else { throw Unsupported() }
        position += 1
        _ = read(while: \.isWhitespace)
        let value = read(while: Self.nameCharacters)
        _ = read(while: \.isWhitespace)
        try readClose(state)
        guard String(variable) == "CONTENT_TYPE", String(value) == contentType else { throw Unsupported() }
    }

    /// The tag began its line and only blanks follow it to the end of the line, which goes.
    private mutating func isStandalone(_ state: State) -> Bool {
        guard state.newLine else { return false }
        if atEnd { return true }
        var probe = position
        while probe < characters.count, Self.blanks.contains(characters[probe]) { probe += 1 }
        guard probe < characters.count, characters[probe].isNewline else { return false }
        position = probe + 1
        return true
    }

    private static func bytes(_ characters: ArraySlice<Character>) -> [UInt8] {
        Array(String(characters).utf8)
    }
}
