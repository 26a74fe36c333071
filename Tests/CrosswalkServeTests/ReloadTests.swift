import Foundation
import Testing

@testable import CrosswalkServe

/// Edit a file, observe the reload event, fetch the new page.
@Suite struct ReloadTests {
    @Test func anEditRebuildsAndWakesTheWaitingPage() async throws {
        let fixture = try ServeFixture()
        try await fixture.serving { port in
            async let event = fixture.nextStatus(after: 1, port: port)
            try await Task.sleep(for: .milliseconds(20))
            try fixture.write(ServeFixture.plc("Now with a new sentence."), to: "content/glossary/plc.md")
            let status = try await event
            #expect(status.generation == 2)
            #expect(status.ok)
            let page = try await RawHTTP.request("/glossary/plc/", port: port)
            #expect(page.text.contains("Now with a new sentence."))
            #expect(page.text.contains(#"data-generation="2""#))
        }
    }

    @Test func aFailedBuildReportsWhereAndKeepsTheLastGoodSite() async throws {
        let fixture = try ServeFixture()
        try await fixture.serving { port in
            try fixture.write(
                "---\ntitle: PLC\nsummary: 123\naliases: plc\nnope: [\n---\nBody.\n", to: "content/glossary/plc.md")
            let failed = try await fixture.nextStatus(after: 1, port: port)
            #expect(!failed.ok)
            let error = try #require(failed.diagnostics.first { $0.severity == "error" })
            #expect(error.file == "content/glossary/plc.md")
            #expect(error.line > 0)
            #expect(!error.message.isEmpty)
            let page = try await RawHTTP.request("/glossary/plc/", port: port)
            #expect(page.status == 200)
            #expect(page.text.contains("The controller that runs the process."))
            #expect(page.text.contains(#"data-generation="1""#))

            try fixture.write(ServeFixture.plc("Fixed."), to: "content/glossary/plc.md")
            let fixed = try await fixture.nextStatus(after: failed.generation, port: port)
            #expect(fixed.ok)
            #expect(try await RawHTTP.request("/glossary/plc/", port: port).text.contains("Fixed."))
        }
    }

    @Test func filesInNewFoldersAreWatchedToo() async throws {
        let fixture = try ServeFixture()
        try await fixture.serving { port in
            try fixture.write("# Plant walk\n\nFirst draft.\n", to: "content/guides/site/plant-walk.md")
            #expect(await eventually { await pageContains("/guides/site/plant-walk/", "First draft.", port) })
            // The folder was created after start: its watch was added as it appeared.
            try fixture.write("# Plant walk\n\nSecond draft.\n", to: "content/guides/site/plant-walk.md")
            #expect(await eventually { await pageContains("/guides/site/plant-walk/", "Second draft.", port) })
        }
    }

    @Test func renamedFoldersStayWatched() async throws {
        let fixture = try ServeFixture()
        try await fixture.serving { port in
            try FileManager.default.moveItem(
                atPath: fixture.root + "/content/glossary", toPath: fixture.root + "/content/terms")
            try fixture.write("[PLC](terms/plc.md)\n", to: "content/index.md")
            #expect(await eventually { await pageContains("/terms/plc/", "runs the process", port) })
            // A folder made inside the moved one is watched under its new path.
            try fixture.write("# Valve\n\nFirst.\n", to: "content/terms/more/valve.md")
            #expect(await eventually { await pageContains("/terms/more/valve/", "First.", port) })
            try fixture.write("# Valve\n\nSecond.\n", to: "content/terms/more/valve.md")
            #expect(await eventually { await pageContains("/terms/more/valve/", "Second.", port) })
        }
    }

    @Test func theConfigAndTemplatesAreWatched() async throws {
        let fixture = try ServeFixture()
        try await fixture.serving { port in
            try fixture.write("title: Renamed Plant KB\n", to: "crosswalk.yml")
            #expect(await eventually { await pageContains("/", "Renamed Plant KB", port) })
            let css = try String(contentsOfFile: fixture.root + "/templates/assets/style.css", encoding: .utf8)
            try fixture.write(css + "\n/* edited-in-test */\n", to: "templates/assets/style.css")
            #expect(await eventually { await pageContains("/assets/style.css", "edited-in-test", port) })
        }
    }

    @Test func pollingNoticesEditsToo() async throws {
        let fixture = try ServeFixture(poll: true)
        try await fixture.serving { port in
            async let event = fixture.nextStatus(after: 1, port: port)
            try await Task.sleep(for: .milliseconds(20))
            try fixture.write(ServeFixture.plc("Seen by polling."), to: "content/glossary/plc.md")
            #expect(try await event.ok)
            #expect(try await RawHTTP.request("/glossary/plc/", port: port).text.contains("Seen by polling."))
        }
    }

    @Test func waitAnswersWithTheSameGenerationWhenNothingChanges() async throws {
        let fixture = try ServeFixture(longPoll: .milliseconds(100))
        try await fixture.serving { port in
            let response = try await RawHTTP.request("/__crosswalk/wait?since=1", port: port)
            #expect(try JSONDecoder().decode(ServeStatus.self, from: response.body).generation == 1)
        }
    }

    func pageContains(_ path: String, _ text: String, _ port: Int) async -> Bool {
        (try? await RawHTTP.request(path, port: port).text.contains(text)) ?? false
    }
}
