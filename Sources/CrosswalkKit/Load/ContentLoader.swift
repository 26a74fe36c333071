import Foundation

/// The Load stage: finds every file under `content/`, decodes markdown and splits off its
/// front matter. Non-markdown files become assets.
public struct ContentLoader: Sendable {
    public struct Output: Sendable {
        public var files: [SourceFile] = []
        public var assets: [AssetFile] = []
        public var diagnostics: [Diagnostic] = []
        /// With `keepsStamps`: each markdown file read, with its stamp as the read took it.
        public var stamps: [(path: String, stamp: String?)] = []
    }

    /// Files over this size are refused: libcmark 0.30.2 has quadratic cases on hostile input.
    public static let defaultMaxFileBytes = 10 * 1024 * 1024

    /// A page body with more `[` than this is refused before libcmark sees it (CW107): with
    /// `![[]()` repeated, libcmark 0.30.2 walks every earlier image opener for each link, time
    /// quadratic in the brackets. Bounding the count bounds that work at about 0.1 s a page.
    public static let maxBrackets = 10_000

    /// Threads reading content files (and stamping them, for the up-to-date check): enough
    /// reads in flight for a disk that has none of them cached (16 read a 10,000-page site in
    /// 200 ms after boot, 8 in 236 ms, 2 in 420-500 ms).
    static let readingThreads = 16

    public var fileSystem: FileSystem
    public var maxFileBytes: Int
    /// Keep each read's stamp (`Output.stamps`), for a fingerprint taken meanwhile.
    public var keepsStamps = false

    public init(fileSystem: FileSystem, maxFileBytes: Int = ContentLoader.defaultMaxFileBytes) {
        self.fileSystem = fileSystem
        self.maxFileBytes = maxFileBytes
    }

    /// Loads `<sourceRoot>/content`. Files are visited in sorted order so output is stable
    /// whatever order the file system lists them in.
    public func load(sourceRoot: String) -> Output {
        let discovery = discover(sourceRoot: sourceRoot)
        var output = Output(files: [], assets: discovery.assets, diagnostics: discovery.diagnostics)
        // Reading and decoding are independent per file: spread over more threads than cores,
        // so that reads waiting on the disk overlap (`parallelMapWaiting`).
        let loaded = parallelMapWaiting(discovery.markdown, threads: Self.readingThreads) {
            loadOne(path: $0.path, relativePath: $0.relativePath)
        }
        // Gathered on one core: one value per file, no arrays of one to append and free (they
        // were 5 ms at 10k pages, with the other core idle).
        output.files.reserveCapacity(loaded.count)
        if keepsStamps { output.stamps.reserveCapacity(loaded.count) }
        for file in loaded {
            if let source = file.source { output.files.append(source) }
            if !file.diagnostics.isEmpty { output.diagnostics += file.diagnostics }
            if let stamp = file.stamp { output.stamps.append(stamp) }
        }
        return output
    }

    /// What `content/` holds, without reading any markdown yet.
    public struct Discovery: Sendable {
        public var markdown: [(path: String, relativePath: String)] = []
        public var assets: [AssetFile] = []
        public var diagnostics: [Diagnostic] = []
    }

    public func discover(sourceRoot: String) -> Discovery {
        var output = Output()
        var markdown: [(path: String, relativePath: String)] = []
        let contentRoot = joinPath(sourceRoot, "content")
        // content/ may itself be a link to a folder kept elsewhere (another checkout, a share).
        guard let realRoot = fileSystem.resolve(contentRoot), fileSystem.isDirectory(realRoot) else {
            output.diagnostics.append(
                .error(
                    .missingContentFolder, at: SourceLocation(file: "content"),
                    "no content folder at \(contentRoot)",
                    hint: "create content/ with markdown files, or pass --source DIR"))
            return Discovery(markdown: [], assets: [], diagnostics: output.diagnostics)
        }
        var visited: Set<String> = [realRoot]
        walk(
            directory: contentRoot, relative: "", realRoot: realRoot, visited: &visited,
            markdown: &markdown, into: &output)
        return Discovery(markdown: markdown, assets: output.assets, diagnostics: output.diagnostics)
    }

    /// Reads, decodes and splits one markdown file.
    public func loadFile(path: String, relativePath: String) -> Output {
        let loaded = loadOne(path: path, relativePath: relativePath)
        return Output(
            files: loaded.source.map { [$0] } ?? [], diagnostics: loaded.diagnostics,
            stamps: loaded.stamp.map { [$0] } ?? [])
    }

    /// One markdown file: its source, or why there is none; its stamp with `keepsStamps`.
    private struct Loaded {
        var source: SourceFile?
        var diagnostics: [Diagnostic] = []
        var stamp: (path: String, stamp: String?)?
    }

    private func loadOne(path: String, relativePath: String) -> Loaded {
        var loaded = Loaded()
        loadMarkdown(path: path, relativePath: relativePath, into: &loaded)
        return loaded
    }

    private func walk(
        directory: String, relative: String, realRoot: String, visited: inout Set<String>,
        markdown: inout [(path: String, relativePath: String)], into output: inout Output
    ) {
        guard let entries = fileSystem.listEntries(directory) else {
            output.diagnostics.append(
                .error(
                    .unreadableFile, at: SourceLocation(file: relative.isEmpty ? "content" : "content/" + relative),
                    "cannot list the folder", hint: "check the folder's permissions"))
            return
        }
        let visible = entries.filter { !$0.name.hasPrefix(".") }.sorted { $0.name < $1.name }
        // Kinds the listing left open, on every core: a folder of 20,000 terms on a file
        // system without `d_type` was 20,000 calls in a row.
        let fileSystem = fileSystem
        let unknown = visible.filter { $0.kind == nil }.count
        let kinds =
            unknown >= 256
            ? parallelMap(visible) { $0.kind ?? fileSystem.kind(joinPath(directory, $0.name)) }
            : visible.map { $0.kind ?? fileSystem.kind(joinPath(directory, $0.name)) }
        for (name, entryKind) in zip(visible.map(\.name), kinds) {
            let path = joinPath(directory, name)
            let relativePath = relative.isEmpty ? name : relative + "/" + name
            let display = "content/" + relativePath
            var kind = entryKind
            if kind == .symlink {
                guard let target = fileSystem.resolve(path) else {
                    output.diagnostics.append(
                        .error(
                            .unreadableFile, at: SourceLocation(file: display),
                            "symbolic link is broken or loops",
                            hint: "point the link at a file inside content/, or remove it"))
                    continue
                }
                guard target == realRoot || target.hasPrefix(realRoot + "/") else {
                    output.diagnostics.append(
                        .error(
                            .symlinkOutsideContent, at: SourceLocation(file: display),
                            "symbolic link points outside content/ (to \(target))",
                            hint: "copy the file into content/ instead of linking to it"))
                    continue
                }
                kind = fileSystem.isDirectory(target) ? .directory : .file
                if kind == .directory && !visited.insert(target).inserted { continue }
            }
            switch kind {
            case .directory:
                if fileSystem.kind(path) == .directory, let real = fileSystem.resolve(path) {
                    visited.insert(real)
                }
                walk(
                    directory: path, relative: relativePath, realRoot: realRoot,
                    visited: &visited, markdown: &markdown, into: &output)
            case .file:
                if name.lowercased().hasSuffix(".md") {
                    markdown.append((path, relativePath))
                } else {
                    output.assets.append(AssetFile(relativePath: relativePath, absolutePath: path))
                }
            default:
                continue
            }
        }
    }

    private func loadMarkdown(path: String, relativePath: String, into output: inout Loaded) {
        let display = "content/" + relativePath
        let whole = SourceLocation(file: display)
        let bytes: [UInt8]
        do {
            switch try fileSystem.readUpTo(path, maxFileBytes) {
            case .bytes(let read, let stamp):
                bytes = read
                if keepsStamps { output.stamp = (path, stamp?.text) }
            case .tooLarge(let size):
                output.diagnostics.append(
                    .error(
                        .fileTooLarge, at: whole,
                        "file is \(size) bytes, over the limit of \(maxFileBytes)",
                        hint: "split it into several pages, or raise max_file_bytes in crosswalk.yml"))
                return
            }
        } catch {
            output.diagnostics.append(
                .error(
                    .unreadableFile, at: whole, "cannot read file: \(error)",
                    hint: "check the file's permissions"))
            return
        }
        switch SourceDecoder.decode(bytes) {
        case .success(let split):
            if let line = Self.lineOfBracket(number: Self.maxBrackets + 1, in: split.body) {
                output.diagnostics.append(
                    .error(
                        .tooManyBrackets, at: SourceLocation(file: display, line: split.bodyLineOffset + line),
                        "the page has more than \(Self.maxBrackets) '[' characters; the limit is passed here",
                        hint: "split the page: libcmark takes quadratic time on long runs of brackets"))
                return
            }
            output.source =
                SourceFile(
                    relativePath: relativePath, displayPath: display,
                    frontMatter: split.frontMatter, body: split.body,
                    bodyLineOffset: split.bodyLineOffset)
        case .failure(.utf16):
            output.diagnostics.append(
                .error(
                    .invalidUTF8, at: SourceLocation(file: display, line: 1, column: 1),
                    "file is UTF-16; crosswalk reads UTF-8 only",
                    hint: "re-save the file as UTF-8 (iconv -f UTF-16 -t UTF-8)"))
        case .failure(.invalidUTF8(let line, let column)):
            output.diagnostics.append(
                .error(
                    .invalidUTF8, at: SourceLocation(file: display, line: line, column: column),
                    "file is not valid UTF-8",
                    hint: "re-save the file as UTF-8; the first bad byte is here"))
        case .failure(.empty):
            output.diagnostics.append(
                .error(
                    .emptyFile, at: whole, "file is empty",
                    hint: "add front matter with a title and some text, or delete the file"))
        case .failure(.nul(let line)):
            output.diagnostics.append(
                .error(
                    .invalidUTF8, at: SourceLocation(file: display, line: line),
                    "file contains a NUL byte",
                    hint: "a text file never contains NUL; it may be binary or UTF-16"))
        case .failure(.unterminated):
            output.diagnostics.append(
                .error(
                    .unterminatedFrontMatter, at: SourceLocation(file: display, line: 1, column: 1),
                    "front matter opened here is never closed",
                    hint: "end the front matter with a line of three dashes: ---"))
        }
    }
}

extension ContentLoader {
    /// The 1-based line of the `number`th `[` in `text`, nil when there are fewer.
    static func lineOfBracket(number: Int, in text: String) -> Int? {
        var text = text
        return text.withUTF8 { bytes -> Int? in
            // memchr from bracket to bracket; lines are counted only for the page over the limit.
            guard let base = bytes.baseAddress else { return nil }
            var count = 0
            var position = 0
            while position < bytes.count, let found = memchr(base + position, 0x5B, bytes.count - position) {
                let offset = UnsafeRawPointer(found) - UnsafeRawPointer(base)
                count += 1
                if count == number { return 1 + bytes[..<offset].count { $0 == UInt8(ascii: "\n") } }
                position = offset + 1
            }
            return nil
        }
    }
}

/// Joins two path parts with exactly one `/`. Public so the dev server's watcher names
/// files exactly as the loader does.
public func joinPath(_ base: String, _ name: String) -> String {
    if base.isEmpty { return name }
    if base.utf8.last == UInt8(ascii: "/") { return base + name }
    // Grown once, in place: `base + "/" + name` made a string in between, and every file of
    // a build is joined so at least once.
    var path = base
    path.reserveCapacity(base.utf8.count + 1 + name.utf8.count)
    path += "/"
    path += name
    return path
}
