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

    /// Writes the href to the site file `path` into `output` (``capacity(for:)`` bytes) and
    /// returns its length, given what ``plainFirstFolderEnd(_:)`` says of `path`: the
    /// auto-linker works that out once per term, not once per link.
    func write(
        to path: UnsafeBufferPointer<UInt8>, firstFolderEnd: Int?, into output: UnsafeMutableBufferPointer<UInt8>
    ) -> Int {
        if isOutsideTop(path, firstFolderEnd: firstFolderEnd) {
            let written = up.withUTF8Bytes {
                UnsafeMutableBufferPointer(rebasing: output[...]).initialize(fromContentsOf: $0)
            }
            return written + UnsafeMutableBufferPointer(rebasing: output[written...]).initialize(fromContentsOf: path)
        }
        return url.withUTF8Bytes { LinkResolver.writeHref(from: $0, to: path, into: output) }
    }

    /// Room enough for the href to `path`.
    func capacity(for path: UnsafeBufferPointer<UInt8>) -> Int {
        max(url.withUTF8Bytes { LinkResolver.hrefCapacity($0, path) }, up.utf8.count + path.count)
    }

    /// Calls `body` with the href to the site file `path`, written on the stack.
    func withHref<Result>(
        to path: UnsafeBufferPointer<UInt8>, firstFolderEnd: Int?, _ body: (UnsafeBufferPointer<UInt8>) -> Result
    ) -> Result {
        withUnsafeTemporaryAllocation(of: UInt8.self, capacity: capacity(for: path)) { buffer in
            body(
                UnsafeBufferPointer(rebasing: buffer[..<write(to: path, firstFolderEnd: firstFolderEnd, into: buffer)]))
        }
    }

    /// Appends the href to the site file `path`, written in place.
    func append(to path: UnsafeBufferPointer<UInt8>, firstFolderEnd: Int?, into output: inout HTMLBytes) {
        output.append(capacity: capacity(for: path)) { write(to: path, firstFolderEnd: firstFolderEnd, into: $0) }
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
