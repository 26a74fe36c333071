import CrosswalkKit
import FlyingFox
import Foundation
import Testing

@testable import CrosswalkServe

/// The handler on its own, before any site exists.
@Suite struct RequestHandlerTests {
    func get(_ path: String, _ state: BuildState) async throws -> (Int, String) {
        let handler = RequestHandler(
            files: SiteFiles(root: "/nonexistent/site"), state: state, longPoll: .milliseconds(10))
        let request = HTTPRequest(
            method: .GET, version: .http11, path: path, query: [], headers: [:], body: Data())
        let response = try await handler.handleRequest(request)
        return (response.statusCode.code, String(decoding: try await response.bodyData, as: UTF8.self))
    }

    @Test func pagesWaitForTheFirstBuild() async throws {
        let (status, body) = try await get("/glossary/plc/", BuildState())
        #expect(status == 503)
        #expect(body.contains("Building the site"))
        #expect(body.contains(#"data-generation="0""#))
    }

    @Test func pagesShowTheErrorsWhileNoBuildHasSucceeded() async throws {
        let state = BuildState()
        let error = Diagnostic.error(.missingContentFolder, at: SourceLocation(file: "content"), "no content")
        state.publish(diagnostics: [error], published: false)
        let (status, body) = try await get("/", state)
        #expect(status == 503)
        #expect(body.contains("No site yet"))
        let (_, json) = try await get("/__crosswalk/status", state)
        #expect(json.contains(#""code":"CW105""#))
    }
}
