import Foundation
import Testing

#if canImport(Glibc)
    import Glibc
#endif

/// Publishing is atomic and exclusive, checked on the real binary across processes:
/// a build killed with SIGKILL at any point while it writes leaves the previous `public/`
/// byte-identical (and no staging folder inside it); a second build into the same output is
/// refused while one writes; and the lock of a killed build does not block the next one.
///
/// Nothing is timed. A build is caught mid-write by polling its staging folder
/// (`.public.staging-<pid>`) and freezing it with SIGSTOP once enough files exist; a generous
/// deadline only stops a hung subprocess so the test fails instead of hanging.
@Suite(.serialized) struct AtomicPublishingTests {
    static let pages = 800
    static let deadline: TimeInterval = 120

    @Test func killedBuildsLeaveThePreviousOutputByteIdentical() throws {
        let site = try PublishingSite(pages: Self.pages)
        defer { site.remove() }
        #expect(try site.build().status == 0)
        var previous = try site.snapshot()
        #expect(previous.count > Self.pages)

        var killedMidWrite: [Int] = []
        for (round, threshold) in [1, 150, 500].enumerated() {
            // A new layout changes every page, so every file is written anew, not linked.
            try site.writeLayout(round: round + 1)
            let build = try site.start()
            let state = site.stop(build, whenStagingHolds: threshold)
            kill(build.processIdentifier, SIGKILL)
            build.waitUntilExit()
            let now = try site.snapshot()
            switch state {
            case .writing(let entries):
                killedMidWrite.append(entries)
                #expect(build.terminationReason == .uncaughtSignal)
                #expect(now == previous, "round \(round): killed after \(entries) entries, public/ changed")
            case .committing, .finished:
                // Caught too late to say: the output is then the old one or the whole new one.
                let isNew =
                    now.count == previous.count
                    && now.filter { $0.key.hasSuffix(".html") }.allSatisfy {
                        String(decoding: $0.value, as: UTF8.self).contains("round \(round + 1) ")
                    }
                #expect(now == previous || isNew, "round \(round): public/ is neither the old nor the new site")
                previous = now
            }
            #expect(!site.publicHoldsStagingFolder, "round \(round): a staging folder inside public/")
        }
        #expect(!killedMidWrite.isEmpty, "no build was caught while writing")

        // The next build cleans up after the killed ones and publishes.
        try site.writeLayout(round: 99)
        let last = try site.build()
        #expect(last.status == 0, "\(last.stderr)")
        #expect(
            try site.snapshot()["notes/page-0000/index.html"].map { String(decoding: $0, as: UTF8.self) }?
                .contains("round 99") == true)
        #expect(site.leftovers.isEmpty, "left beside public/: \(site.leftovers)")
    }

    @Test func aSecondBuildIsRefusedAndAStaleLockDoesNotBlock() throws {
        let site = try PublishingSite(pages: Self.pages)
        defer { site.remove() }
        let holder = try site.start()
        let state = site.stop(holder, whenStagingHolds: 1)
        guard case .writing = state else {
            Issue.record("the first build was not caught while writing: \(state)")
            kill(holder.processIdentifier, SIGKILL)
            return
        }

        let second = try site.build()
        #expect(second.status == 1)
        #expect(
            second.stderr.contains("another build (pid \(holder.processIdentifier)) is writing this output"),
            "\(second.stderr)")
        #expect(second.stderr.contains("[CW503]"))

        // Killed while holding the lock: the kernel drops the flock; the lock file stays behind.
        kill(holder.processIdentifier, SIGKILL)
        holder.waitUntilExit()
        #expect(FileManager.default.fileExists(atPath: site.root + "/.public.lock"))
        let third = try site.build()
        #expect(third.status == 0, "a stale lock blocked the next build: \(third.stderr)")
        #expect(site.leftovers.isEmpty, "left beside public/: \(site.leftovers)")
    }
}

/// A generated site of many small pages with a minimal theme, so writing takes long enough to
/// be caught in the middle.
struct PublishingSite {
    let root: String

    init(pages: Int) throws {
        root =
            FileManager.default.temporaryDirectory.appendingPathComponent("crosswalk-atomic-\(UUID().uuidString)")
            .path
        let notes = root + "/content/notes"
        try FileManager.default.createDirectory(atPath: notes, withIntermediateDirectories: true)
        try FileManager.default.createDirectory(atPath: root + "/templates", withIntermediateDirectories: true)
        for index in 0..<pages {
            let name = String(format: "page-%04d", index)
            try write(
                "---\ntitle: Page \(index)\nsummary: Page \(index).\n---\nText of page \(index).\n",
                to: notes + "/\(name).md")
        }
        try write("lint: {missing_owner: false}\n", to: root + "/crosswalk.yml")
        try write("{{<layout}}{{$main}}{{{page.body}}}{{/main}}{{/layout}}\n", to: root + "/templates/page.mustache")
        try write("{{<layout}}{{$main}}{{page.title}}{{/main}}{{/layout}}\n", to: root + "/templates/list.mustache")
        try writeLayout(round: 0)
    }

    func remove() { try? FileManager.default.removeItem(atPath: root) }

    func writeLayout(round: Int) throws {
        try write(
            "<!doctype html><title>{{page.title}}</title><!-- round \(round) -->{{$main}}{{/main}}\n",
            to: root + "/templates/layout.mustache")
    }

    private func write(_ text: String, to path: String) throws {
        try Data(text.utf8).write(to: URL(fileURLWithPath: path))
    }

    func start() throws -> Process {
        let process = Process()
        process.executableURL = URL(fileURLWithPath: CLITests.binary)
        process.arguments = ["build", "--source", root, "--quiet"]
        process.standardOutput = FileHandle.nullDevice
        process.standardError = FileHandle.nullDevice
        try process.run()
        return process
    }

    /// Runs a build to the end (or the deadline) and returns its status and error output.
    func build() throws -> (status: Int32, stderr: String) {
        let log = FileManager.default.temporaryDirectory.appendingPathComponent(
            "crosswalk-atomic-\(UUID().uuidString).log")
        FileManager.default.createFile(atPath: log.path, contents: nil)
        defer { try? FileManager.default.removeItem(at: log) }
        let process = Process()
        process.executableURL = URL(fileURLWithPath: CLITests.binary)
        process.arguments = ["build", "--source", root, "--quiet"]
        process.standardOutput = FileHandle.nullDevice
        process.standardError = try FileHandle(forWritingTo: log)
        try process.run()
        let deadline = Date().addingTimeInterval(AtomicPublishingTests.deadline)
        while process.isRunning && Date() < deadline { usleep(2000) }
        if process.isRunning {
            kill(process.processIdentifier, SIGKILL)
            Issue.record("a build ran past the \(Int(AtomicPublishingTests.deadline)) s safety net")
        }
        process.waitUntilExit()
        return (process.terminationStatus, String(decoding: try Self.read(log.path), as: UTF8.self))
    }

    enum State {
        /// Frozen while writing, before the commit began: the staging folder had this many entries.
        case writing(Int)
        /// Frozen after the commit began (the staging folder has the output marker).
        case committing
        /// Ended before it could be frozen.
        case finished
    }

    /// Polls the build's staging folder; once it holds `threshold` entries, freezes the build
    /// with SIGSTOP and says where it was.
    func stop(_ process: Process, whenStagingHolds threshold: Int) -> State {
        let staging = root + "/.public.staging-\(process.processIdentifier)"
        let deadline = Date().addingTimeInterval(AtomicPublishingTests.deadline)
        while process.isRunning && Date() < deadline {
            if Self.fileCount(staging) >= threshold {
                kill(process.processIdentifier, SIGSTOP)
                guard process.isRunning else { return .finished }
                // The commit writes the marker first, then swaps the folders in.
                if FileManager.default.fileExists(atPath: staging + "/.crosswalk-output") { return .committing }
                let count = Self.fileCount(staging)
                return count > 0 ? .writing(count) : .finished
            }
            usleep(500)
        }
        return .finished
    }

    static func fileCount(_ directory: String) -> Int {
        guard let enumerator = FileManager.default.enumerator(atPath: directory) else { return 0 }
        var count = 0
        while enumerator.nextObject() != nil { count += 1 }
        return count
    }

    /// Every file below `public/` with its bytes.
    func snapshot() throws -> [String: Data] {
        var files: [String: Data] = [:]
        let base = root + "/public"
        let enumerator = FileManager.default.enumerator(atPath: base)
        while let relative = enumerator?.nextObject() as? String {
            var isDirectory: ObjCBool = false
            if FileManager.default.fileExists(atPath: base + "/" + relative, isDirectory: &isDirectory),
                !isDirectory.boolValue
            {
                files[relative] = try Self.read(base + "/" + relative)
            }
        }
        return files
    }

    var publicHoldsStagingFolder: Bool {
        let entries = (try? FileManager.default.contentsOfDirectory(atPath: root + "/public")) ?? []
        return entries.contains { $0.contains(".staging-") || $0.contains(".old-") }
    }

    /// Staging or old folders beside `public/`.
    var leftovers: [String] {
        let entries = (try? FileManager.default.contentsOfDirectory(atPath: root)) ?? []
        return entries.filter { $0.contains(".staging-") || $0.contains(".old-") }.sorted()
    }

    /// Reads through a file handle: Foundation's `Data(contentsOf:)` and `String(contentsOf:)`
    /// leak 4 KB on an empty file under ASan (swift-foundation in Swift 6.3.1).
    static func read(_ path: String) throws -> Data {
        guard let handle = FileHandle(forReadingAtPath: path) else { throw CocoaError(.fileReadNoSuchFile) }
        defer { try? handle.close() }
        return handle.readDataToEndOfFile()
    }
}
