import Foundation

/// A small HTML tokenizer for the injection tests: good enough to see output the way a browser
/// would split it into tags, attributes and text, so a payload that broke out of its escaping
/// shows up as a tag, an attribute or script text instead of as text.
struct HTMLScanner {
    enum Token: Equatable {
        /// Text between tags, entities decoded.
        case text(String)
        /// A start tag: lower-case name, attributes in order (names lower-cased, values decoded).
        case tag(String, [Attribute])
        case endTag(String)
        case comment(String)
        /// The raw content of a `script` or `style` element.
        case rawText(element: String, String)
    }

    struct Attribute: Equatable {
        var name: String
        var value: String
    }

    static func tokens(_ html: String) -> [Token] {
        var tokens: [Token] = []
        let chars = Array(html.unicodeScalars)
        var index = 0
        var text = ""
        func flush() {
            if !text.isEmpty { tokens.append(.text(decode(text))) }
            text = ""
        }
        func starts(_ prefix: String, at position: Int) -> Bool {
            let scalars = Array(prefix.unicodeScalars)
            guard position + scalars.count <= chars.count else { return false }
            return (0..<scalars.count).allSatisfy {
                String(chars[position + $0]).lowercased() == String(scalars[$0]).lowercased()
            }
        }
        func find(_ needle: String, from position: Int) -> Int? {
            var cursor = position
            while cursor < chars.count {
                if starts(needle, at: cursor) { return cursor }
                cursor += 1
            }
            return nil
        }
        while index < chars.count {
            guard chars[index] == "<" else {
                text.unicodeScalars.append(chars[index])
                index += 1
                continue
            }
            if starts("<!--", at: index) {
                flush()
                let end = find("-->", from: index + 4) ?? chars.count
                tokens.append(.comment(String(String.UnicodeScalarView(chars[(index + 4)..<end]))))
                index = min(end + 3, chars.count)
            } else if starts("<!", at: index) || starts("<?", at: index) {
                flush()
                index = (find(">", from: index) ?? chars.count) + 1
            } else if index + 1 < chars.count, chars[index + 1] == "/" {
                flush()
                let end = find(">", from: index) ?? chars.count
                let name = String(String.UnicodeScalarView(chars[(index + 2)..<end]))
                tokens.append(.endTag(name.trimmingCharacters(in: .whitespacesAndNewlines).lowercased()))
                index = end + 1
            } else if index + 1 < chars.count, chars[index + 1].properties.isAlphabetic {
                flush()
                let (name, attributes, end) = parseTag(chars, from: index + 1)
                tokens.append(.tag(name, attributes))
                index = end
                if name == "script" || name == "style" {
                    let close = find("</" + name, from: index) ?? chars.count
                    tokens.append(.rawText(element: name, String(String.UnicodeScalarView(chars[index..<close]))))
                    index = close
                }
            } else {
                text.append("<")
                index += 1
            }
        }
        flush()
        return tokens
    }

    /// Parses `name attr="v" attr='v' attr=v attr>` from just after `<`; returns the index after `>`.
    private static func parseTag(_ chars: [Unicode.Scalar], from start: Int) -> (String, [Attribute], Int) {
        var index = start
        func isSpace(_ scalar: Unicode.Scalar) -> Bool { scalar == " " || scalar == "\n" || scalar == "\t" }
        func isNameEnd(_ scalar: Unicode.Scalar) -> Bool {
            isSpace(scalar) || scalar == ">" || scalar == "/" || scalar == "="
        }
        var name = ""
        while index < chars.count, !isNameEnd(chars[index]) {
            name.unicodeScalars.append(chars[index])
            index += 1
        }
        var attributes: [Attribute] = []
        while index < chars.count, chars[index] != ">" {
            if isSpace(chars[index]) || chars[index] == "/" {
                index += 1
                continue
            }
            var attributeName = ""
            while index < chars.count, !isNameEnd(chars[index]) || (attributeName.isEmpty && chars[index] == "=") {
                attributeName.unicodeScalars.append(chars[index])
                index += 1
            }
            var value = ""
            if index < chars.count, chars[index] == "=" {
                index += 1
                if index < chars.count, chars[index] == "\"" || chars[index] == "'" {
                    let quote = chars[index]
                    index += 1
                    while index < chars.count, chars[index] != quote {
                        value.unicodeScalars.append(chars[index])
                        index += 1
                    }
                    index += 1
                } else {
                    while index < chars.count, !isSpace(chars[index]), chars[index] != ">" {
                        value.unicodeScalars.append(chars[index])
                        index += 1
                    }
                }
            }
            attributes.append(Attribute(name: attributeName.lowercased(), value: decode(value)))
        }
        return (name.lowercased(), attributes, min(index + 1, chars.count))
    }

    /// Decodes the character references crosswalk, libcmark and the template engine write.
    static func decode(_ text: String) -> String {
        guard text.contains("&") else { return text }
        var result = ""
        var rest = Substring(text)
        while let amp = rest.firstIndex(of: "&") {
            result += rest[..<amp]
            let after = rest[rest.index(after: amp)...]
            guard let semicolon = after.prefix(12).firstIndex(of: ";") else {
                result += "&"
                rest = after
                continue
            }
            let entity = after[..<semicolon]
            let named = ["amp": "&", "lt": "<", "gt": ">", "quot": "\"", "apos": "'", "nbsp": "\u{A0}"]
            var scalar: Unicode.Scalar?
            if entity.hasPrefix("#x") || entity.hasPrefix("#X") {
                scalar = UInt32(entity.dropFirst(2), radix: 16).flatMap(Unicode.Scalar.init)
            } else if entity.hasPrefix("#") {
                scalar = UInt32(entity.dropFirst()).flatMap(Unicode.Scalar.init)
            }
            if let scalar {
                result.unicodeScalars.append(scalar)
            } else if let replacement = named[String(entity)] {
                result += replacement
            } else {
                result += "&" + entity + ";"
            }
            rest = after[after.index(after: semicolon)...]
        }
        return result + rest
    }
}
