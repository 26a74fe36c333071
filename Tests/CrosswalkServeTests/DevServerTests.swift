import Foundation
import Testing

@testable import CrosswalkServe

#if canImport(FoundationNetworking)
    import FoundationNetworking
#endif

@Suite struct DevServerTests {
    @Test func servesPagesWithTheReloadScript() async throws {
        let fixture = try ServeFixture()
        try await fixture.serving { port in
            let home = try await RawHTTP.request("/", port: port)
            #expect(home.status == 200)
            #expect(home.headers["content-type"] == "text/html; charset=utf-8")
            #expect(home.headers["cache-control"] == "no-store")
            #expect(home.text.contains("Welcome"))
            #expect(home.text.contains(#"<script src="/__crosswalk/live.js" data-generation="1"></script></body>"#))
            let page = try await RawHTTP.request("/glossary/plc/", port: port)
            #expect(page.text.contains("The controller that runs the process."))
            // The files on disk are the site as published: no serve-mode script.
            let folder = try #require(fixture.server.siteFolder)
            let onDisk = try String(contentsOfFile: folder + "/glossary/plc/index.html", encoding: .utf8)
            #expect(!onDisk.contains("__crosswalk"))
        }
    }

    @Test func aRealClientFollowsTheFolderRedirect() async throws {
        let fixture = try ServeFixture()
        try await fixture.serving { port in
            let url = try #require(URL(string: "http://127.0.0.1:\(port)/glossary/plc"))
            let (data, response) = try await URLSession.shared.data(from: url)
            let http = try #require(response as? HTTPURLResponse)
            #expect(http.statusCode == 200)
            #expect(http.url?.absoluteString == "http://127.0.0.1:\(port)/glossary/plc/")
            #expect(String(decoding: data, as: UTF8.self).contains("PLC"))
        }
    }

    @Test func servesAssetsWithTheirContentTypes() async throws {
        let fixture = try ServeFixture()
        try await fixture.serving { port in
            let css = try await RawHTTP.request("/assets/style.css", port: port)
            #expect(css.status == 200)
            #expect(css.headers["content-type"] == "text/css; charset=utf-8")
            #expect(!css.text.contains("__crosswalk"))
            let svg = try await RawHTTP.request("/assets/favicon.svg", port: port)
            #expect(svg.headers["content-type"] == "image/svg+xml")
            let png = try await RawHTTP.request("/glossary/rack.png", port: port)
            #expect(png.headers["content-type"] == "image/png")
            #expect(png.text == "PNGDATA")
            let script = try await RawHTTP.request("/__crosswalk/live.js", port: port)
            #expect(script.headers["content-type"] == "text/javascript; charset=utf-8")
            #expect(script.text.contains("location.reload()"))
        }
    }

    @Test func headGivesTheHeadersWithoutTheBody() async throws {
        let fixture = try ServeFixture()
        try await fixture.serving { port in
            let get = try await RawHTTP.request("/glossary/plc/", port: port)
            let head = try await RawHTTP.request("/glossary/plc/", method: "HEAD", port: port)
            #expect(head.status == 200)
            #expect(head.body.isEmpty)
            #expect(head.headers["content-length"] == String(get.body.count))
            #expect(head.headers["content-type"] == "text/html; charset=utf-8")
        }
    }

    @Test(arguments: ["POST", "PUT", "DELETE", "OPTIONS", "TRACE", "PATCH"])
    func onlyGetAndHeadAreAllowed(method: String) async throws {
        let fixture = try ServeFixture()
        try await fixture.serving { port in
            let response = try await RawHTTP.request(
                "/", method: method, port: port, extraHeaders: "Content-Length: 0\r\n")
            #expect(response.status == 405)
            #expect(response.headers["allow"] == "GET, HEAD")
        }
    }

    @Test func missingPagesGetTheSites404PageWithStatus404() async throws {
        let fixture = try ServeFixture()
        try await fixture.serving { port in
            let missing = try await RawHTTP.request("/glossary/nothing-here/", port: port)
            #expect(missing.status == 404)
            #expect(missing.headers["content-type"] == "text/html; charset=utf-8")
            #expect(missing.text.contains("/__crosswalk/live.js"))
        }
    }

    @Test func statusReportsTheBuild() async throws {
        let fixture = try ServeFixture()
        try await fixture.serving { port in
            let response = try await RawHTTP.request("/__crosswalk/status", port: port)
            #expect(response.headers["content-type"] == "application/json")
            let status = try JSONDecoder().decode(ServeStatus.self, from: response.body)
            #expect(status.generation == 1)
            #expect(status.ok)
            #expect(fixture.server.generation == 1)
        }
    }

    @Test func stopClosesThePortAndRemovesTheBuiltSite() async throws {
        let fixture = try ServeFixture()
        let port = try await fixture.start()
        let folder = try #require(fixture.server.siteFolder)
        #expect(FileManager.default.fileExists(atPath: folder))
        // A long-poll in flight must not hold the stop up.
        async let waiting = try? RawHTTP.request("/__crosswalk/wait?since=1", port: port)
        try await Task.sleep(for: .milliseconds(50))
        let started = ContinuousClock.now
        await fixture.server.stop()
        #expect(ContinuousClock.now - started < .seconds(5))
        _ = await waiting
        #expect(await !RawHTTP.isListening(port: port))
        #expect(!FileManager.default.fileExists(atPath: (folder as NSString).deletingLastPathComponent))
    }

    @Test func stopDuringStartLeavesNothingRunning() async throws {
        let fixture = try ServeFixture()
        let starting = Task { try await fixture.server.start() }
        await fixture.server.stop()
        if case .success(let port) = await starting.result {
            #expect(await !RawHTTP.isListening(port: port))
        }
        #expect(fixture.server.siteFolder == nil)
        await #expect(throws: ServeError.self) { try await fixture.server.start() }
    }

    @Test func aBusyPortIsAClearError() async throws {
        let first = try ServeFixture()
        try await first.serving { port in
            let second = DevServer(options: ServeOptions(sourceRoot: first.root, port: port))
            await #expect(throws: ServeError.self) { try await second.start() }
            #expect(second.siteFolder == nil)
        }
    }

    @Test func aFirstBuildThatFailsStillServesItsErrors() async throws {
        let fixture = try ServeFixture(files: ["content/index.md": "---\ntitle: [unclosed\n---\nBody.\n"])
        try await fixture.serving { port in
            let page = try await RawHTTP.request("/", port: port)
            #expect(page.status == 503)
            #expect(page.text.contains("/__crosswalk/live.js"))
            let status = try JSONDecoder().decode(
                ServeStatus.self, from: try await RawHTTP.request("/__crosswalk/status", port: port).body)
            #expect(!status.ok)
            #expect(status.diagnostics.contains { $0.file == "content/index.md" && $0.severity == "error" })
        }
    }
}
