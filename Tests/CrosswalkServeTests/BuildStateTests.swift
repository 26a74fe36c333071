import CrosswalkKit
import Foundation
import Testing

@testable import CrosswalkServe

@Suite struct BuildStateTests {
    @Test func countsBuildsAndRemembersTheLastGoodOne() {
        let state = BuildState()
        #expect(state.status == ServeStatus(generation: 0, ok: false))
        state.publish(diagnostics: [], published: true)
        let broken = Diagnostic.error(
            .wrongValueType, at: SourceLocation(file: "content/a.md", line: 2, column: 8), "bad")
        let status = state.publish(diagnostics: [broken], published: false)
        #expect(status.generation == 2)
        #expect(!status.ok)
        #expect(status.diagnostics.first?.code == "CW203")
        #expect(status.diagnostics.first?.line == 2)
        #expect(state.siteGeneration == 1)
    }

    @Test func waitReturnsAtOnceWhenABuildAlreadyPassedSince() async {
        let state = BuildState()
        state.publish(diagnostics: [], published: true)
        let status = await state.wait(since: 0, timeout: .seconds(30))
        #expect(status.generation == 1)
    }

    @Test func waitEndsWhenTheNextBuildIsPublished() async {
        let state = BuildState()
        async let waited = state.wait(since: 0, timeout: .seconds(30))
        try? await Task.sleep(for: .milliseconds(20))
        state.publish(diagnostics: [], published: true)
        #expect(await waited.generation == 1)
    }

    /// Without a new build the wait returns the unchanged status once its timeout passes
    /// (the test would hang otherwise); how long that takes is the benchmark's business.
    @Test func waitGivesUpAfterItsTimeout() async {
        let state = BuildState()
        let status = await state.wait(since: 0, timeout: .milliseconds(50))
        #expect(status.generation == 0)
    }

    @Test func closeAnswersEveryWaiter() async {
        let state = BuildState()
        async let first = state.wait(since: 0, timeout: .seconds(30))
        async let second = state.wait(since: 0, timeout: .seconds(30))
        try? await Task.sleep(for: .milliseconds(20))
        state.close()
        #expect(await first.generation == 0)
        #expect(await second.generation == 0)
        #expect(await state.wait(since: 0, timeout: .seconds(30)).generation == 0)
    }

    @Test func cancellingAWaiterEndsIt() async {
        let state = BuildState()
        let task = Task { await state.wait(since: 0, timeout: .seconds(30)) }
        try? await Task.sleep(for: .milliseconds(20))
        task.cancel()
        #expect(await task.value.generation == 0)
    }

    @Test func statusEncodesTheDocumentedShape() throws {
        let diagnostic = Diagnostic.error(
            .brokenLink, at: SourceLocation(file: "content/a.md", line: 3, column: 7), "no such file", hint: "check it")
        let status = ServeStatus(generation: 4, ok: false, diagnostics: [ServeStatus.Record(diagnostic)])
        let text = String(decoding: status.json, as: UTF8.self)
        #expect(
            text == #"{"diagnostics":[{"code":"CW401","column":7,"file":"content/a.md","hint":"check it","#
                + #""line":3,"message":"no such file","severity":"error"}],"generation":4,"ok":false}"#)
    }
}
