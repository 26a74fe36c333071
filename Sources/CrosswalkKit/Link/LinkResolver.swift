import Foundation

/// Resolves a link destination written in one page's markdown against the site: another
/// page (by its `.md` file or folder), a file copied from `content/`, or something external.
public struct LinkResolver: Sendable {
    public enum Resolution: Equatable {
        /// A URL with a scheme (`https:`, `mailto:`), protocol-relative, or otherwise not ours.
        case external
        /// `#fragment` on the same page.
        case samePage(fragment: String)
        /// Another page; `href` is relative to the linking page.
        case page(url: String, fragment: String?, href: String)
        /// A copied file; `href` is relative to the linking page.
        case asset(href: String)
        /// Nothing at that path; `path` is below `content/`, `suggestion` the closest file.
        case missing(path: String, suggestion: String?)
        /// The path climbs out of `content/`.
        case outsideContent
    }

    public let site: Site

    public init(site: Site) { self.site = site }

    public func resolve(_ destination: String, from page: Page) -> Resolution {
        if destination.isEmpty || Self.hasScheme(destination) || destination.hasPrefix("//") {
            return .external
        }
        // By bytes: `#` and `?` are ASCII, and Character scanning was most of a link's cost.
        var rest = Substring(destination)
        var fragment: String?
        if let hash = rest.utf8.firstIndex(of: UInt8(ascii: "#")) {
            fragment = String(rest[rest.index(after: hash)...]).percentDecoded
            rest = rest[..<hash]
        }
        if let query = rest.utf8.firstIndex(of: UInt8(ascii: "?")) { rest = rest[..<query] }
        if rest.isEmpty {
            return fragment.map { .samePage(fragment: $0) } ?? .external
        }
        let decoded = String(rest).percentDecoded ?? String(rest)
        let base = decoded.hasPrefix("/") ? "" : Self.folder(of: page.source.relativePath)
        guard let path = Self.normalize(joinPath(base, decoded)) else { return .outsideContent }
        let suffix =
            fragment.map { "#" + $0.fragmentEncoded } ?? ""

        if path.lowercased().hasSuffix(".md") {
            if let target = site.page(sourcePath: path) {
                return .page(
                    url: target.url, fragment: fragment, href: Self.href(from: page.url, to: target.outputPath) + suffix
                )
            }
            return .missing(path: path, suggestion: Suggestions.closest(to: path, among: site.sourcePaths))
        }
        if site.hasAsset(path) {
            return .asset(href: Self.href(from: page.url, to: path) + suffix)
        }
        // A folder (`../guides/`): its index page.
        let folderURL =
            path.isEmpty ? "" : path.split(separator: "/").map { Slug.make(String($0)) }.joined(separator: "/") + "/"
        if let target = site.page(url: folderURL), target.isFolderIndex || folderURL.isEmpty {
            return .page(
                url: target.url, fragment: fragment, href: Self.href(from: page.url, to: target.outputPath) + suffix)
        }
        if let kind = PageKind.sections.first(where: { $0.folder.map { $0 + "/" } == folderURL }),
            site.sections.contains(kind)
        {
            return .page(
                url: folderURL, fragment: fragment,
                href: Self.href(from: page.url, to: folderURL + "index.html") + suffix)
        }
        return .missing(path: path, suggestion: nil)
    }

    /// `https:`, `mailto:`, `javascript:` … : a scheme of letters, digits, `+ - .` then `:`.
    static func hasScheme(_ url: String) -> Bool {
        func isLetter(_ byte: UInt8) -> Bool { (byte | 0x20) >= 0x61 && (byte | 0x20) <= 0x7A }
        let bytes = url.utf8
        guard let colon = bytes.firstIndex(of: UInt8(ascii: ":")), colon != bytes.startIndex,
            isLetter(bytes[bytes.startIndex])
        else { return false }
        return bytes[..<colon].allSatisfy { byte in
            isLetter(byte) || (byte >= 0x30 && byte <= 0x39) || byte == 0x2B || byte == 0x2D || byte == 0x2E
        }
    }

    static func folder(of relativePath: String) -> String {
        guard let slash = relativePath.utf8.lastIndex(of: UInt8(ascii: "/")) else { return "" }
        return String(relativePath[..<slash])
    }

    /// True for `index.md` in any case, in any folder (without NSString, which cost more than
    /// the rest of deciding which folders have an index page).
    static func isIndexMarkdown(_ relativePath: String) -> Bool {
        let name = relativePath.utf8.split(separator: UInt8(ascii: "/")).last ?? []
        return name.count == 8
            && name.lazy.map { (0x41...0x5A).contains($0) ? $0 | 0x20 : $0 }.elementsEqual("index.md".utf8)
    }

    /// Removes `.` and `..` segments; nil when `..` climbs above the root.
    static func normalize(_ path: String) -> String? {
        // On bytes: `/` and `.` are ASCII, so no segment boundary falls inside a character.
        let dot = UInt8(ascii: ".")
        var parts: [Substring.UTF8View] = []
        for part in path.utf8.split(separator: UInt8(ascii: "/"), omittingEmptySubsequences: true) {
            if part.count == 1 && part.first == dot { continue }
            if part.count == 2 && part.first == dot && part.last == dot {
                guard !parts.isEmpty else { return nil }
                parts.removeLast()
            } else {
                parts.append(part)
            }
        }
        var joined: [UInt8] = []
        joined.reserveCapacity(path.utf8.count)
        for (index, part) in parts.enumerated() {
            if index > 0 { joined.append(UInt8(ascii: "/")) }
            joined.append(contentsOf: part)
        }
        return String(decoding: joined, as: UTF8.self)
    }

    /// A relative href from the page at folder URL `from` to the site file `to`. Called for
    /// every link and listing entry, so it works on UTF-8 bytes, not on characters.
    public static func href(from: String, to: String) -> String {
        var from = from
        var to = to
        return from.withUTF8 { fromBytes in
            to.withUTF8 { toBytes in String(decoding: href(from: fromBytes, to: toBytes), as: UTF8.self) }
        }
    }

    // On bytes, in one pass: listings and navigation ask this thousands of times per build.
    private static func href(from: UnsafeBufferPointer<UInt8>, to: UnsafeBufferPointer<UInt8>) -> [UInt8] {
        let slash = UInt8(ascii: "/")
        // Skip leading slashes and the segments both paths share (never the target's last one).
        var fromStart = 0
        var toStart = 0
        while fromStart < from.count, from[fromStart] == slash { fromStart += 1 }
        while toStart < to.count, to[toStart] == slash { toStart += 1 }
        while true {
            let fromEnd = from[fromStart...].firstIndex(of: slash) ?? from.count
            guard fromEnd > fromStart, let toEnd = to[toStart...].firstIndex(of: slash),
                fromEnd - fromStart == toEnd - toStart,
                from[fromStart..<fromEnd].elementsEqual(to[toStart..<toEnd])
            else { break }
            var nextTo = toEnd
            while nextTo < to.count, to[nextTo] == slash { nextTo += 1 }
            guard nextTo < to.count else { break }
            fromStart = fromEnd
            toStart = nextTo
            while fromStart < from.count, from[fromStart] == slash { fromStart += 1 }
        }
        var bytes: [UInt8] = []
        bytes.reserveCapacity(to.count - toStart + 12)
        var inSegment = false
        for byte in from[fromStart...] {
            if byte == slash {
                inSegment = false
            } else if !inSegment {
                inSegment = true
                bytes += [0x2E, 0x2E, slash]
            }
        }
        // The rest of the target, with empty segments dropped as the old split did.
        var pendingSlash = false
        for byte in to[toStart...] {
            if byte == slash {
                pendingSlash = true
            } else {
                if pendingSlash, !bytes.isEmpty, bytes.last != slash { bytes.append(slash) }
                pendingSlash = false
                bytes.append(byte)
            }
        }
        return bytes
    }

    /// The relative path from a page at folder URL `url` back to the site root (`../../`).
    public static func rootPath(from url: String) -> String {
        String(repeating: "../", count: url.utf8.split(separator: UInt8(ascii: "/")).count)
    }
}
