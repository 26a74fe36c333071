import CrosswalkMarkdown

/// GitHub-style heading ids: lower case, punctuation dropped, spaces to `-`, and `-1`, `-2`
/// appended to repeats. Headings are re-emitted as custom blocks carrying the id, because
/// libcmark's HTML renderer has no attribute hook.
struct HeadingIDs {
    private var taken: Set<String> = []
    private var counters: [String: Int] = [:]

    init() {}

    static func base(for text: String) -> String {
        // ASCII headings (most of them) by byte, in the String's own buffer; the same rule as
        // the Character loop below.
        let ascii = text.withUTF8Bytes { utf8 -> String? in
            guard utf8.allSatisfy({ $0 < 0x80 }) else { return nil }
            var bytes: [UInt8] = []
            bytes.reserveCapacity(utf8.count)
            for byte in utf8 {
                let lower = byte >= 0x41 && byte <= 0x5A ? byte | 0x20 : byte
                if (lower >= 0x61 && lower <= 0x7A) || (lower >= 0x30 && lower <= 0x39) || lower == 0x2D
                    || lower == 0x5F
                {
                    bytes.append(lower)
                } else if lower == 0x20 {
                    bytes.append(0x2D)
                }
            }
            return bytes.isEmpty ? "section" : String(decoding: bytes, as: UTF8.self)
        }
        return ascii ?? characterBase(for: text)
    }

    static func characterBase(for text: String) -> String {
        var result = ""
        for character in text.lowercased() {
            if character.isLetter || character.isNumber || character == "-" || character == "_" {
                result.append(character)
            } else if character == " " {
                result.append("-")
            }
        }
        return result.isEmpty ? "section" : result
    }

    mutating func unique(for text: String) -> String {
        let base = Self.base(for: text)
        var candidate = base
        // Inserted straight away (the common case), looked up only on a clash: each lookup
        // hashes the whole id again.
        guard !taken.insert(candidate).inserted else { return candidate }
        var counter = counters[base] ?? 0
        repeat {
            counter += 1
            candidate = "\(base)-\(counter)"
        } while !taken.insert(candidate).inserted
        counters[base] = counter
        return candidate
    }

    /// The start of each level's opening tag (up to the id) and its closing tag.
    private static let tags: [(open: String, close: String)] = (1...6).map { ("<h\($0) id=\"", "</h\($0)>") }

    /// Gives every heading under `root` an id; returns them in document order.
    mutating func apply(to root: MarkdownNode) -> [Heading] {
        var nodes: [MarkdownNode] = []
        root.walkBlocks { node in
            if node.type == .heading { nodes.append(node) }
        }
        return nodes.map { node in
            let text = node.plainText
            let id = unique(for: text)
            let level = node.headingLevel
            // Tags per level made once: interpolating the level cost more than the id.
            let tags: (open: String, close: String) =
                (1...6).contains(level) ? Self.tags[level - 1] : ("<h\(level) id=\"", "</h\(level)>")
            // Grown in place: `open + id + "\">"` made a string in between.
            var open = tags.open
            let escapedID = HTMLEscape.attribute(id)
            open.reserveCapacity(open.utf8.count + escapedID.utf8.count + 2)
            open += escapedID
            open += "\">"
            node.replaceWithInlineWrapper(open: open, close: tags.close)
            return Heading(level: level, text: text, id: id)
        }
    }
}
