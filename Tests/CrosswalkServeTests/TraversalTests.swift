import Foundation
import Testing

@testable import CrosswalkServe

/// Requests sent byte for byte over a socket (a real client would normalise them first).
/// Each must be refused, and nothing outside the site may come back.
@Suite struct TraversalTests {
    static let targets = [
        "/../../../../../../etc/passwd", "/%2e%2e/%2e%2e/%2e%2e/%2e%2e/%2e%2e/etc/passwd",
        "/%2E%2E/secret.txt", "/..%2f..%2f..%2f..%2f..%2f..%2fetc%2fpasswd", "/..%2Fsecret.txt",
        "/glossary/../../secret.txt", "//etc/passwd", #"/\..\..\..\..\..\etc\passwd"#,
        "/%5c..%5c..%5c..%5cetc%5cpasswd", "/%252e%252e/secret.txt", "/%00/../secret.txt",
        "/.%2e/secret.txt", "/etc/passwd", "/glossary/%2e%2e%2f%2e%2e%2fsecret.txt",
    ]

    @Test func pathTraversalIsRefusedInEveryEncoding() async throws {
        let fixture = try ServeFixture()
        try await fixture.serving { port in
            let folder = try #require(fixture.server.siteFolder)
            // Beside the site, where `/../secret.txt` would land.
            let secret = (folder as NSString).deletingLastPathComponent + "/secret.txt"
            try Data("TOP-SECRET".utf8).write(to: URL(fileURLWithPath: secret))
            for target in Self.targets {
                let response = try await RawHTTP.request(target, port: port)
                #expect(response.status == 404 || response.status == 400, "\(target): \(response.status)")
                #expect(!response.text.contains("TOP-SECRET"), "\(target)")
                #expect(!response.text.contains("root:x:0:0"), "\(target)")
            }
        }
    }

    @Test func absoluteFormTargetsAreBadRequests() async throws {
        let fixture = try ServeFixture()
        try await fixture.serving { port in
            let response = try await RawHTTP.request("http://127.0.0.1/../etc/passwd", port: port)
            #expect(response.status == 400)
        }
    }

    @Test func symbolicLinksOutOfTheSiteAreNotFollowed() async throws {
        let fixture = try ServeFixture()
        try await fixture.serving { port in
            let folder = try #require(fixture.server.siteFolder)
            try FileManager.default.createSymbolicLink(atPath: folder + "/outside", withDestinationPath: "/etc")
            let response = try await RawHTTP.request("/outside/passwd", port: port)
            #expect(response.status == 404)
            #expect(!response.text.contains("root:x:0:0"))
        }
    }
}
