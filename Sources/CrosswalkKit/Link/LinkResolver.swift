import Foundation

/// Resolves a link destination written in one page's markdown against the site: another
/// page (by its `.md` file or folder), a file copied from `content/`, or something external.
public struct LinkResolver: Sendable {
    public enum Resolution: Equatable {
        /// A URL with a scheme (`https:`, `mailto:`), protocol-relative, or otherwise not ours.
        case external
        /// `#fragment` on the same page.
        case samePage(fragment: String)
        /// Another page; `href` is relative to the linking page. `index`, when known on the
        /// way, is the page's place in `Site.pages` (the first page at `url`).
        case page(url: String, fragment: String?, href: String, index: Int? = nil)
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
        resolve(destination, from: page, folder: Self.folder(of: page.source.relativePath))
    }

    /// As ``resolve(_:from:)``, given the folder of `page`'s file (`folder(of:)`), which a
    /// page's links share.
    func resolve(_ destination: String, from page: Page, folder: String) -> Resolution {
        if let resolved = resolveMarkdownFile(destination, from: page, folder: folder) { return resolved }
        return resolveInGeneral(destination, from: page)
    }

    /// The usual link, `plc.md` or `../glossary/plc.md#history`: relative, to a page's file
    /// that exists, with no `%`, `?` or `:` and only ASCII after a `#`. Resolved on bytes,
    /// with a string made for the lookup and one for the href; the general way made a dozen
    /// (a page has dozens of links). Nil for anything else, which ``resolveInGeneral`` takes.
    func resolveMarkdownFile(_ destination: String, from page: Page, folder: String) -> Resolution? {
        destination.withUTF8Bytes { bytes -> Resolution? in
            guard let first = bytes.first, first != UInt8(ascii: "/") else { return nil }
            var hash: Int?
            for offset in 0..<bytes.count {
                let byte = bytes[offset]
                if byte == UInt8(ascii: "%") || byte == UInt8(ascii: "?") { return nil }
                if hash == nil {
                    if byte == UInt8(ascii: ":") { return nil }
                    if byte == UInt8(ascii: "#") { hash = offset }
                } else if byte >= 0x80 {
                    return nil
                }
            }
            let pathEnd = hash ?? bytes.count
            guard pathEnd >= 4, bytes[pathEnd - 4] < 0x80, bytes[pathEnd - 3] == UInt8(ascii: "."),
                bytes[pathEnd - 2] | 0x20 == UInt8(ascii: "m"), bytes[pathEnd - 1] | 0x20 == UInt8(ascii: "d")
            else { return nil }
            let table = site.sourcePathTable
            guard
                let index = folder.withUTF8Bytes({
                    table.index(folder: $0, name: UnsafeBufferPointer(rebasing: bytes[..<pathEnd]))
                })
            else { return nil }
            let fragment = hash.map { String(decoding: bytes[($0 + 1)...], as: UTF8.self) }
            return site.withPage(index) { target in
                var href = Self.href(from: page.url, to: target.outputPath)
                if let fragment { href += "#" + fragment.fragmentEncoded }
                return .page(url: target.url, fragment: fragment, href: href, index: site.firstIndex(atURLOf: index))
            }
        }
    }

    /// Any destination; ``resolve(_:from:)`` tries the usual kind on bytes first.
    func resolveInGeneral(_ destination: String, from page: Page) -> Resolution {
        if destination.isEmpty || Self.hasScheme(destination) || destination.hasPrefix("//") {
            return .external
        }
        // Cut on bytes, in one pass: `#`, `?` and `%` are ASCII, and Character scanning, then
        // generic UTF-8 view searches, were most of a link's cost.
        let cut = Self.cut(destination)
        let fragment = cut.fragment.flatMap { $0.hasPercent ? $0.text.removingPercentEncoding : $0.text }
        if cut.path.text.isEmpty {
            return fragment.map { .samePage(fragment: $0) } ?? .external
        }
        let decoded = cut.path.hasPercent ? cut.path.text.removingPercentEncoding ?? cut.path.text : cut.path.text
        let base = decoded.hasPrefix("/") ? "" : Self.folder(of: page.source.relativePath)
        guard let path = Self.normalize(base, decoded) else { return .outsideContent }
        let suffix =
            fragment.map { "#" + $0.fragmentEncoded } ?? ""

        if Self.hasMarkdownExtension(path) {
            if let index = site.index(sourcePath: path) {
                let target = site.pages[index]
                return .page(
                    url: target.url, fragment: fragment,
                    href: Self.href(from: page.url, to: target.outputPath) + suffix,
                    index: site.firstIndex(atURLOf: index))
            }
            return .missing(path: path, suggestion: Suggestions.closest(to: path, among: site.sourcePaths))
        }
        if site.hasAsset(path) {
            return .asset(href: Self.href(from: page.url, to: path) + suffix)
        }
        // A folder (`../guides/`): its index page.
        let folderURL =
            path.isEmpty ? "" : path.split(separator: "/").map { Slug.make(String($0)) }.joined(separator: "/") + "/"
        if let index = site.index(url: folderURL), site.pages[index].isFolderIndex || folderURL.isEmpty {
            let target = site.pages[index]
            return .page(
                url: target.url, fragment: fragment, href: Self.href(from: page.url, to: target.outputPath) + suffix,
                index: index)
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

    /// A piece of a destination, still percent-encoded, and whether it holds a `%` at all.
    struct EncodedPart {
        var text: String
        var hasPercent: Bool
    }

    /// The path (up to `?` or `#`) and the fragment (after the first `#`) of `destination`.
    static func cut(_ destination: String) -> (path: EncodedPart, fragment: EncodedPart?) {
        let (pathEnd, hash, percentInPath, percentAfterHash) = destination.withUTF8Bytes { bytes in
            var pathEnd: Int?
            var hash: Int?
            var percentInPath = false
            var percentAfterHash = false
            for (offset, byte) in bytes.enumerated() where byte == 0x23 || byte == 0x3F || byte == 0x25 {
                if byte == 0x25 {
                    if hash != nil { percentAfterHash = true } else if pathEnd == nil { percentInPath = true }
                } else if byte == 0x23, hash == nil {
                    hash = offset
                    if pathEnd == nil { pathEnd = offset }
                } else if byte == 0x3F, pathEnd == nil {
                    pathEnd = offset
                }
            }
            return (pathEnd ?? bytes.count, hash, percentInPath, percentAfterHash)
        }
        let utf8 = destination.utf8
        let path = String(destination[..<utf8.index(utf8.startIndex, offsetBy: pathEnd)])
        guard let hash else { return (EncodedPart(text: path, hasPercent: percentInPath), nil) }
        // After the `#` by Character, as before: a combining mark right after it belongs to it.
        let fragment = String(destination[destination.index(after: utf8.index(utf8.startIndex, offsetBy: hash))...])
        return (
            EncodedPart(text: path, hasPercent: percentInPath),
            EncodedPart(text: fragment, hasPercent: percentAfterHash)
        )
    }

    /// `https:`, `mailto:`, `javascript:` … : a scheme of letters, digits, `+ - .` then `:`.
    static func hasScheme(_ url: String) -> Bool {
        url.withUTF8Bytes(hasScheme)
    }

    private static func hasScheme(_ bytes: UnsafeBufferPointer<UInt8>) -> Bool {
        func isLetter(_ byte: UInt8) -> Bool { (byte | 0x20) >= 0x61 && (byte | 0x20) <= 0x7A }
        guard let first = bytes.first, isLetter(first) else { return false }
        for byte in bytes.dropFirst() {
            if byte == UInt8(ascii: ":") { return true }
            guard isLetter(byte) || (byte >= 0x30 && byte <= 0x39) || byte == 0x2B || byte == 0x2D || byte == 0x2E
            else { return false }
        }
        return false
    }

    /// `path.lowercased().hasSuffix(".md")`, decided on bytes when the last four are ASCII
    /// (lower-casing and Character boundaries cannot reach across them then).
    static func hasMarkdownExtension(_ path: String) -> Bool {
        let byBytes = path.withUTF8Bytes { bytes -> Bool? in
            let count = bytes.count
            guard count >= 3, bytes[(count >= 4 ? count - 4 : 0)...].allSatisfy({ $0 < 0x80 }) else { return nil }
            return bytes[count - 3] == 0x2E && bytes[count - 2] | 0x20 == 0x6D && bytes[count - 1] | 0x20 == 0x64
        }
        return byBytes ?? path.lowercased().hasSuffix(".md")
    }

    static func folder(of relativePath: String) -> String {
        var path = relativePath
        // By bytes from the end: the UTF-8 view's generic search cost as much as the rest.
        let slash = path.withUTF8 { bytes -> Int? in
            var index = bytes.count
            while index > 0 {
                index -= 1
                if bytes[index] == UInt8(ascii: "/") { return index }
            }
            return nil
        }
        guard let slash else { return "" }
        return String(relativePath[..<relativePath.utf8.index(relativePath.utf8.startIndex, offsetBy: slash)])
    }

    /// True for `index.md` in any case, in any folder (without NSString, which cost more than
    /// the rest of deciding which folders have an index page).
    static func isIndexMarkdown(_ relativePath: String) -> Bool {
        let name = relativePath.utf8.split(separator: UInt8(ascii: "/")).last ?? []
        return name.count == 8
            && name.lazy.map { (0x41...0x5A).contains($0) ? $0 | 0x20 : $0 }.elementsEqual("index.md".utf8)
    }

    /// Removes `.` and `..` segments; nil when `..` climbs above the root.
    static func normalize(_ path: String) -> String? { normalize("", path) }

    /// `normalize(joinPath(base, name))`, without joining first: the segments of both, in order.
    static func normalize(_ base: String, _ name: String) -> String? {
        base.withUTF8Bytes { baseBytes in name.withUTF8Bytes { normalize(baseBytes, $0) } }
    }

    /// As ``normalize(_:_:)``, for UTF-8 cut at ASCII bytes.
    static func normalize(_ baseBytes: UnsafeBufferPointer<UInt8>, _ nameBytes: UnsafeBufferPointer<UInt8>) -> String? {
        var climbsOut = false
        let path = String(unsafeUninitializedCapacity: baseBytes.count + nameBytes.count + 1) { output in
            let count = normalized(baseBytes, nameBytes, into: output)
            climbsOut = count == nil
            return count ?? 0
        }
        return climbsOut ? nil : path
    }

    /// Writes what ``normalize(_:_:)`` returns into `output` (room for both inputs and one
    /// more byte); returns its length, nil when `..` climbs out.
    static func normalized(
        _ baseBytes: UnsafeBufferPointer<UInt8>, _ nameBytes: UnsafeBufferPointer<UInt8>,
        into output: UnsafeMutableBufferPointer<UInt8>
    ) -> Int? {
        // On bytes: `/` and `.` are ASCII, so no segment boundary falls inside a character.
        var count = 0
        guard appendSegments(of: baseBytes, to: output, count: &count),
            appendSegments(of: nameBytes, to: output, count: &count)
        else { return nil }
        return count
    }

    /// Appends the segments of `bytes` to the path in `output[..<count]`, resolving `.` and
    /// `..`; false when `..` climbs above the root. A function of its own, not a closure: a
    /// closure's captured count and buffer cost a load and a store per byte.
    private static func appendSegments(
        of bytes: UnsafeBufferPointer<UInt8>, to output: UnsafeMutableBufferPointer<UInt8>, count: inout Int
    ) -> Bool {
        let slash = UInt8(ascii: "/")
        let dot = UInt8(ascii: ".")
        var length = count
        defer { count = length }
        var start = 0
        while start < bytes.count {
            var end = start
            while end < bytes.count, bytes[end] != slash { end += 1 }
            defer { start = end + 1 }
            let segment = end - start
            if segment == 0 || (segment == 1 && bytes[start] == dot) { continue }
            if segment == 2 && bytes[start] == dot && bytes[start + 1] == dot {
                guard length > 0 else { return false }
                // Drop the last segment (segments hold no `/`).
                repeat { length -= 1 } while length > 0 && output[length] != slash
                continue
            }
            if length > 0 {
                output[length] = slash
                length += 1
            }
            for index in start..<end {
                output[length] = bytes[index]
                length += 1
            }
        }
        return true
    }

    /// A relative href from the page at folder URL `from` to the site file `to`. Called for
    /// every link and listing entry, so it works on UTF-8 bytes, not on characters.
    public static func href(from: String, to: String) -> String {
        from.withUTF8Bytes { fromBytes in
            to.withUTF8Bytes { toBytes in
                String(unsafeUninitializedCapacity: hrefCapacity(fromBytes, toBytes)) { output in
                    writeHref(from: fromBytes, to: toBytes, into: output)
                }
            }
        }
    }

    /// Enough bytes for any href: `../` per segment of `from`, at most the whole of `to`.
    static func hrefCapacity(_ from: UnsafeBufferPointer<UInt8>, _ to: UnsafeBufferPointer<UInt8>) -> Int {
        3 * ((from.count + 1) / 2) + to.count
    }

    // On bytes, in one pass: listings and navigation ask this thousands of times per build.
    // Writes into `output` (``hrefCapacity(_:_:)`` bytes); returns how many it wrote.
    static func writeHref(
        from: UnsafeBufferPointer<UInt8>, to: UnsafeBufferPointer<UInt8>, into output: UnsafeMutableBufferPointer<UInt8>
    ) -> Int {
        let slash = UInt8(ascii: "/")
        // Plain indices, no slices: a slice checks its bounds on every access.
        func segmentEnd(_ bytes: UnsafeBufferPointer<UInt8>, from start: Int) -> Int {
            var end = start
            while end < bytes.count, bytes[end] != slash { end += 1 }
            return end
        }
        // Skip leading slashes and the segments both paths share (never the target's last one).
        var fromStart = 0
        var toStart = 0
        while fromStart < from.count, from[fromStart] == slash { fromStart += 1 }
        while toStart < to.count, to[toStart] == slash { toStart += 1 }
        while true {
            let fromEnd = segmentEnd(from, from: fromStart)
            let toEnd = segmentEnd(to, from: toStart)
            guard fromEnd > fromStart, toEnd < to.count, fromEnd - fromStart == toEnd - toStart,
                let fromBase = from.baseAddress, let toBase = to.baseAddress,
                memcmp(fromBase + fromStart, toBase + toStart, fromEnd - fromStart) == 0
            else { break }
            var nextTo = toEnd
            while nextTo < to.count, to[nextTo] == slash { nextTo += 1 }
            guard nextTo < to.count else { break }
            fromStart = fromEnd
            toStart = nextTo
            while fromStart < from.count, from[fromStart] == slash { fromStart += 1 }
        }
        var count = 0
        var inSegment = false
        for index in fromStart..<from.count {
            let byte = from[index]
            if byte == slash {
                inSegment = false
            } else if !inSegment {
                inSegment = true
                output[count] = 0x2E
                output[count + 1] = 0x2E
                output[count + 2] = slash
                count += 3
            }
        }
        // The rest of the target, with empty segments dropped as the old split did. Copied
        // whole when it has none (no `//`, no trailing `/`): byte by byte it was about 650
        // instructions a link.
        if toStart < to.count, to[to.count - 1] != slash, let toBase = to.baseAddress, let outBase = output.baseAddress,
            !hasEmptySegment(toBase + toStart, count: to.count - toStart)
        {
            (outBase + count).update(from: toBase + toStart, count: to.count - toStart)
            return count + to.count - toStart
        }
        var pendingSlash = false
        for index in toStart..<to.count {
            let byte = to[index]
            if byte == slash {
                pendingSlash = true
            } else {
                if pendingSlash, count > 0, output[count - 1] != slash {
                    output[count] = slash
                    count += 1
                }
                pendingSlash = false
                output[count] = byte
                count += 1
            }
        }
        return count
    }

    /// Whether the `count` bytes at `start` hold `//`.
    private static func hasEmptySegment(_ start: UnsafePointer<UInt8>, count: Int) -> Bool {
        var offset = 0
        while let found = memchr(start + offset, Int32(UInt8(ascii: "/")), count - offset) {
            let slashAt = UnsafePointer<UInt8>(found.assumingMemoryBound(to: UInt8.self)) - start
            if slashAt + 1 < count && start[slashAt + 1] == UInt8(ascii: "/") { return true }
            offset = slashAt + 1
        }
        return false
    }

    /// The relative path from a page at folder URL `url` back to the site root (`../../`).
    public static func rootPath(from url: String) -> String {
        // Non-empty segments counted, as splitting on `/` would, without an array of them.
        var segments = 0
        var inSegment = false
        for byte in url.utf8 {
            if byte == UInt8(ascii: "/") {
                inSegment = false
            } else if !inSegment {
                inSegment = true
                segments += 1
            }
        }
        return String(repeating: "../", count: segments)
    }
}
