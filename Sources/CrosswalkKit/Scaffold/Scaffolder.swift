import Foundation

/// `crosswalk new` and `crosswalk init`: files that build cleanly from the first minute.
public enum Scaffolder {
    public struct Failure: Error, CustomStringConvertible {
        public var description: String
    }

    /// Writes `content/<folder>/<slug>.md` for a new page of `kind` and returns its path
    /// relative to the source root. Never overwrites.
    @discardableResult
    public static func newPage(kind: PageKind, title: String, sourceRoot: String, today: String) throws(Failure)
        -> String
    {
        let slug = Slug.make(title)
        guard !slug.isEmpty else { throw Failure(description: "the title '\(title)' gives an empty file name") }
        let relative = "content/" + (kind.folder.map { $0 + "/" } ?? "") + slug + ".md"
        try write(frontMatter(kind: kind, title: title, today: today), to: joinPath(sourceRoot, relative))
        return relative
    }

    /// Starts a knowledge base in `directory`: config, the default theme and one example of
    /// each kind, cross-linked so the first build has no warnings.
    public static func initSite(directory: String, today: String) throws(Failure) -> [String] {
        if FileManager.default.fileExists(atPath: joinPath(directory, "content"))
            || FileManager.default.fileExists(atPath: joinPath(directory, SiteConfig.fileName))
        {
            throw Failure(description: "\(directory) already holds a knowledge base (content/ or crosswalk.yml)")
        }
        var written: [String] = []
        for (path, text) in ExampleSite.files(today: today)
            + DefaultTheme.files.map({ ("templates/" + $0.path, $0.contents) })
        {
            try write(text, to: joinPath(directory, path))
            written.append(path)
        }
        return written
    }

    /// A YAML scalar that survives any title: double-quoted with escapes.
    static func quoted(_ text: String) -> String {
        let escaped = text.replacingOccurrences(of: "\\", with: "\\\\").replacingOccurrences(of: "\"", with: "\\\"")
        return "\"\(escaped)\""
    }

    static func nextYear(_ today: String) -> String {
        guard let year = Int(today.prefix(4)) else { return today }
        return String(year + 1) + today.dropFirst(4)
    }

    static func frontMatter(kind: PageKind, title: String, today: String) -> String {
        var lines = [
            "---", "title: \(quoted(title))",
            "summary: \(quoted("One sentence that says what \(title) is, for listings, search and hover cards."))",
        ]
        switch kind {
        case .term:
            lines += [
                "aliases: []", "it: What the word means to the IT side.", "ot: What the word means to the OT side.",
                "related: []",
            ]
        case .constraint:
            lines += ["why: [availability]", "purdue: [1, 2]", "references: []"]
        case .tool:
            lines += ["category: Tool category", "constraints: {}"]
        case .workflow:
            lines += [
                "steps:", "  - {lane: it, action: First step, owner: Role}",
                "  - {lane: joint, action: Agree the next step, owner: Both teams, handoff: true}",
                "  - {lane: ot, action: Decide, owner: Role, authority: true}",
            ]
        case .scenario:
            lines += [
                "injects:",
                "  - {at: \"T+0:00\", event: What happens first, it: [A question for IT], ot: [A question for OT]}",
            ]
        case .page:
            break
        }
        lines += ["tags: []", "owner: Your role", "reviewed: \(today)", "review_by: \(nextYear(today))", "---", ""]
        let body: String
        switch kind {
        case .term:
            body = "Why the two sides mean different things, a concrete example, and what to ask the other side.\n"
        case .constraint: body = "What must not happen and why, where it applies, and what to do instead.\n"
        case .tool: body = "What the tool does in IT and how it behaves on an OT network.\n"
        case .workflow: body = "Where the hand-offs are, and who decides what.\n"
        case .scenario: body = "Objectives, participants and ground rules for the exercise.\n"
        case .page: body = "Write the page here.\n"
        }
        return lines.joined(separator: "\n") + body
    }

    private static func write(_ text: String, to path: String) throws(Failure) {
        if FileManager.default.fileExists(atPath: path) {
            throw Failure(description: "\(path) already exists; crosswalk never overwrites a file")
        }
        do {
            try FileManager.default.createDirectory(
                atPath: (path as NSString).deletingLastPathComponent, withIntermediateDirectories: true)
            // O_EXCL: a file appearing between the check and the write is not overwritten either.
            let descriptor = open(path, O_WRONLY | O_CREAT | O_EXCL, 0o644)
            guard descriptor >= 0 else {
                throw Failure(description: "cannot create \(path): \(String(cString: strerror(errno)))")
            }
            defer { close(descriptor) }
            let bytes = Array(text.utf8)
            guard bytes.withUnsafeBytes({ Foundation.write(descriptor, $0.baseAddress, $0.count) }) == bytes.count
            else {
                throw Failure(description: "cannot write \(path)")
            }
        } catch let failure as Failure {
            throw failure
        } catch {
            throw Failure(description: "cannot create \(path): \(error)")
        }
    }
}
