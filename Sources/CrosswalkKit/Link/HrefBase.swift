/// Hrefs from one page to many files, as `LinkResolver.href(from:to:)` writes them. The way
/// up from the page to the site root is worked out once; a target that shares no folder with
/// the page (most of a page's auto-links and neighbours) is that way up followed by its path,
/// and only the others take the general walk over both paths, which cost about 700
/// instructions a link.
struct HrefBase {
    private let url: String
    /// `../` per folder of the page's URL.
    private let up: String
    /// The URL's first folder; nil when the URL starts with `/` (the general walk then).
    private let top: [UInt8]?

    init(from url: String) {
        self.url = url
        up = LinkResolver.href(from: url, to: "")
        top = url.utf8.first == Self.slash ? nil : Array(url.utf8.prefix { $0 != Self.slash })
    }

    private static let slash = UInt8(ascii: "/")

    /// Appends the href to the site file `path`, given what ``plainFirstFolderEnd(_:)`` says
    /// of it: the auto-linker works that out once per term, not once per link.
    func append(to path: UnsafeBufferPointer<UInt8>, firstFolderEnd: Int?, into output: inout [UInt8]) {
        if isOutsideTop(path, firstFolderEnd: firstFolderEnd) {
            up.withUTF8Bytes { output.append(contentsOf: $0) }
            output.append(contentsOf: path)
            return
        }
        url.withUTF8Bytes { LinkResolver.appendHref(from: $0, to: path, to: &output) }
    }

    /// As above, into an `HTMLBytes`.
    func append(to path: UnsafeBufferPointer<UInt8>, firstFolderEnd: Int?, into output: inout HTMLBytes) {
        if isOutsideTop(path, firstFolderEnd: firstFolderEnd) {
            up.withUTF8Bytes { output.append($0) }
            output.append(path)
            return
        }
        url.withUTF8Bytes { LinkResolver.appendHref(from: $0, to: path, to: &output) }
    }

    /// Calls `body` with the href to the site file `path` (see ``append(to:firstFolderEnd:into:)``),
    /// written on the stack.
    func withHref<Result>(
        to path: UnsafeBufferPointer<UInt8>, firstFolderEnd: Int?, _ body: (UnsafeBufferPointer<UInt8>) -> Result
    ) -> Result {
        url.withUTF8Bytes { from in
            up.withUTF8Bytes { up in
                let capacity = max(LinkResolver.hrefCapacity(from, path), up.count + path.count)
                return withUnsafeTemporaryAllocation(of: UInt8.self, capacity: capacity) { buffer in
                    var written = 0
                    if isOutsideTop(path, firstFolderEnd: firstFolderEnd) {
                        written = UnsafeMutableBufferPointer(rebasing: buffer[...]).initialize(fromContentsOf: up)
                        written += UnsafeMutableBufferPointer(rebasing: buffer[written...]).initialize(
                            fromContentsOf: path)
                    } else {
                        written = LinkResolver.writeHref(from: from, to: path, into: buffer)
                    }
                    return body(UnsafeBufferPointer(rebasing: buffer[..<written]))
                }
            }
        }
    }

    /// The href to the site file `path`.
    func href(to path: String) -> String {
        let isOutside = path.withUTF8Bytes { isOutsideTop($0, firstFolderEnd: Self.plainFirstFolderEnd($0)) }
        // Two valid strings joined: no bytes to check again.
        return isOutside ? up + path : LinkResolver.href(from: url, to: path)
    }

    /// Whether the href to `path` is the way up followed by `path`: it is plain (it has a
    /// `firstFolderEnd`) and not in the page's top folder.
    private func isOutsideTop(_ path: UnsafeBufferPointer<UInt8>, firstFolderEnd: Int?) -> Bool {
        guard let top, let firstEnd = firstFolderEnd else { return false }
        return !Self.startsWith(path, top, folderEnd: firstEnd)
    }

    /// Where `path`'s first folder ends (its first `/`, or its end when it has none), for a
    /// path the general walk would copy unchanged: not empty, and no leading, doubled or
    /// trailing `/`. Nil for any other path.
    static func plainFirstFolderEnd(_ path: UnsafeBufferPointer<UInt8>) -> Int? {
        guard let last = path.last, path[0] != slash, last != slash else { return nil }
        var firstEnd: Int?
        for index in 1..<path.count where path[index] == slash {
            if path[index - 1] == slash { return nil }
            if firstEnd == nil { firstEnd = index }
        }
        return firstEnd ?? path.count
    }

    /// Whether `path` is in the folder `top`: its first folder is `top` and more follows (the
    /// walk never counts a target's last segment as shared).
    private static func startsWith(_ path: UnsafeBufferPointer<UInt8>, _ top: [UInt8], folderEnd: Int) -> Bool {
        folderEnd < path.count && folderEnd == top.count && path.prefix(folderEnd).elementsEqual(top)
    }
}
