import CrosswalkKit
import Foundation

#if canImport(Glibc)
    import Glibc
#elseif canImport(Darwin)
    import Darwin
#endif

/// Maps request paths to files of the built site, and refuses anything that could reach
/// outside it. The raw (still percent-encoded) path is decoded exactly once and never
/// normalised: a path that needs normalising is not a link the site itself makes.
struct SiteFiles: Sendable {
    enum Lookup: Equatable {
        case file(String)
        /// A folder asked for without its trailing slash: relative links need it.
        case redirect(String)
        case notFound
        case badRequest
    }

    /// The site folder, resolved on each request below a parent that was resolved once.
    let root: String
    /// Held by the builder while it rewrites a file in place.
    let lock: OutputLock

    init(root: String, lock: OutputLock = OutputLock()) {
        let parent = (root as NSString).deletingLastPathComponent
        self.root = joinPath(Self.realPath(parent) ?? parent, (root as NSString).lastPathComponent)
        self.lock = lock
    }

    /// A file's bytes, never half of a rewrite.
    func contents(of file: String) -> Data? {
        lock.reading { FileManager.default.contents(atPath: file) }
    }

    func lookup(_ rawPath: String) -> Lookup {
        guard rawPath.hasPrefix("/"), let decoded = rawPath.removingPercentEncoding else { return .badRequest }
        if decoded.contains("\\") || decoded.contains("\0") { return .notFound }
        let segments = decoded.split(separator: "/").map(String.init)
        if segments.contains(where: { $0 == ".." || $0 == "." }) { return .notFound }
        let candidate = segments.isEmpty ? root : root + "/" + segments.joined(separator: "/")
        guard let real = inside(candidate) else { return .notFound }
        if Self.isDirectory(real) {
            guard decoded.hasSuffix("/") else { return .redirect(Self.encode(segments) + "/") }
            guard let index = inside(real + "/index.html"), Self.isRegularFile(index) else { return .notFound }
            return .file(index)
        }
        return Self.isRegularFile(real) ? .file(real) : .notFound
    }

    /// The site's own `404.html`, when it has one.
    var notFoundPage: String? {
        guard let page = inside(root + "/404.html"), Self.isRegularFile(page) else { return nil }
        return page
    }

    /// The real path of `path` when it exists and lies inside the site (symbolic links
    /// resolved), else nil.
    private func inside(_ path: String) -> String? {
        guard let real = Self.realPath(path), let realRoot = Self.realPath(root) else { return nil }
        return real == realRoot || real.hasPrefix(realRoot + "/") ? real : nil
    }

    static func encode(_ segments: [String]) -> String {
        var allowed = CharacterSet.urlPathAllowed
        allowed.remove("/")
        return "/"
            + segments.map { $0.addingPercentEncoding(withAllowedCharacters: allowed) ?? $0 }
            .joined(separator: "/")
    }

    static func realPath(_ path: String) -> String? {
        guard let resolved = realpath(path, nil) else { return nil }
        defer { free(resolved) }
        return String(cString: resolved)
    }

    private static func isDirectory(_ path: String) -> Bool {
        var info = stat()
        return stat(path, &info) == 0 && (info.st_mode & S_IFMT) == S_IFDIR
    }

    private static func isRegularFile(_ path: String) -> Bool {
        var info = stat()
        return stat(path, &info) == 0 && (info.st_mode & S_IFMT) == S_IFREG
    }
}

/// `Content-Type` by file extension; anything unknown is served as bytes.
enum ContentType {
    static let html = "text/html; charset=utf-8"

    static func of(_ path: String) -> String {
        let name = (path as NSString).lastPathComponent
        guard let dot = name.lastIndex(of: "."), dot != name.startIndex else { return "application/octet-stream" }
        return types[name[name.index(after: dot)...].lowercased()] ?? "application/octet-stream"
    }

    private static let types: [String: String] = [
        "html": html, "htm": html,
        "css": "text/css; charset=utf-8",
        "js": "text/javascript; charset=utf-8", "mjs": "text/javascript; charset=utf-8",
        "json": "application/json",
        "xml": "application/xml",
        "txt": "text/plain; charset=utf-8", "md": "text/plain; charset=utf-8",
        "csv": "text/csv; charset=utf-8",
        "svg": "image/svg+xml",
        "png": "image/png",
        "jpg": "image/jpeg", "jpeg": "image/jpeg",
        "gif": "image/gif",
        "webp": "image/webp",
        "avif": "image/avif",
        "ico": "image/x-icon",
        "pdf": "application/pdf",
        "woff2": "font/woff2", "woff": "font/woff",
        "mp4": "video/mp4", "webm": "video/webm",
    ]
}
