/// The folder holding the file-system path `path`, as `NSString.deletingLastPathComponent`
/// gives it for the paths crosswalk makes (`/a/b/c` → `/a/b`, `/a` → `/`, `a` → empty), read
/// from the bytes: through Foundation it cost 34,000 instructions a call, once per file
/// written. (`SiteRenderer.parentFolder(of:)` is the same for page URLs, which end in `/`;
/// `LinkResolver.folder(of:)` for content-relative paths, without a root.)
func folderPath(holding path: String) -> String {
    path.withUTF8Bytes { bytes in
        let slash = UInt8(ascii: "/")
        var end = bytes.count
        // Trailing slashes are not a component; a path of slashes is the root.
        while end > 1, bytes[end - 1] == slash { end -= 1 }
        while end > 0, bytes[end - 1] != slash { end -= 1 }
        guard end > 0 else { return "" }
        while end > 1, bytes[end - 1] == slash { end -= 1 }
        return String(decoding: UnsafeBufferPointer(rebasing: bytes[0..<end]), as: UTF8.self)
    }
}

/// `path.split(separator: "/")`, read from the bytes when the path is ASCII: the `Character`
/// split cost 10,000 instructions a URL, and pages split theirs twice. In ASCII without a
/// carriage return every byte is a `Character` of its own, so the pieces are the same; any
/// other path is split as before (a mark after `/` joins it in one `Character`).
func pathSegments(_ path: String) -> [Substring] {
    let bytes = path.utf8
    guard path.hasCharacterPerByte else { return path.split(separator: "/") }
    var segments: [Substring] = []
    var start = bytes.startIndex
    var index = start
    while index != bytes.endIndex {
        if bytes[index] == UInt8(ascii: "/") {
            if index != start { segments.append(path[start..<index]) }
            start = bytes.index(after: index)
        }
        index = bytes.index(after: index)
    }
    if start != bytes.endIndex { segments.append(path[start...]) }
    return segments
}

/// The folders above the last segment of `path`: each as its first segments joined by `/`
/// with a `/` after, with its own last segment as `name` (`a/b/c/` → `a/` named `a`, `a/b/`
/// named `b`). Breadcrumbs and output keys walk a page's folders: splitting the URL and
/// joining the segments again cost about 5,000 instructions a folder. A page URL (ASCII, no
/// empty segment) is cut at its slashes instead, which gives the same text.
func ancestorFolders(_ path: String) -> [(url: String, name: Substring)] {
    if path.hasCharacterPerByte,
        let cut = path.withUTF8Bytes({ bytes -> [(url: String, name: Substring)]? in
            var folders: [(url: String, name: Substring)] = []
            var segmentStart = 0
            for index in bytes.indices where bytes[index] == UInt8(ascii: "/") {
                // An empty segment: the joined segments would not be the path's own text.
                if index == segmentStart { return nil }
                // The slash ending the path closes its last segment, not a folder above it.
                if index < bytes.count - 1 {
                    let url = String(decoding: UnsafeBufferPointer(rebasing: bytes[0...index]), as: UTF8.self)
                    folders.append((url, Substring(url.utf8.dropLast().dropFirst(segmentStart))))
                }
                segmentStart = index + 1
            }
            return folders
        })
    {
        return cut
    }
    let segments = pathSegments(path)
    guard segments.count > 1 else { return [] }
    return (1..<segments.count).map { (segments[0..<$0].joined(separator: "/") + "/", segments[$0 - 1]) }
}
