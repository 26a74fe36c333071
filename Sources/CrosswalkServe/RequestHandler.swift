import FlyingFox
import Foundation

/// Answers every request: the `/__crosswalk/` endpoints, then files of the built site.
/// Only GET and HEAD; HTML gets the live-reload script.
struct RequestHandler: HTTPHandler {
    let files: SiteFiles
    let state: BuildState
    let longPoll: Duration

    func handleRequest(_ request: HTTPRequest) async throws -> HTTPResponse {
        guard request.method == .GET || request.method == .HEAD else {
            return Self.methodNotAllowed.response(head: false)
        }
        return await reply(to: request).response(head: request.method == .HEAD)
    }

    private static var methodNotAllowed: Reply {
        Reply(status: .methodNotAllowed, type: "text/plain; charset=utf-8", body: Data("GET or HEAD only\n".utf8))
            .with(HTTPHeader("Allow"), "GET, HEAD")
    }

    private func reply(to request: HTTPRequest) async -> Reply {
        // The raw target, not FlyingFox's `path`: that one is decoded and normalised already.
        let path = request.target.path()
        switch path {
        case LiveReload.scriptPath:
            return Reply(status: .ok, type: ContentType.of(path), body: Data(LiveReload.script.utf8))
        case "/__crosswalk/status":
            return Reply(status: .ok, type: "application/json", body: state.status.json)
        case "/__crosswalk/wait":
            let since = request.query.first { $0.name == "since" }.flatMap { Int($0.value) } ?? 0
            let status = await state.wait(since: since, timeout: longPoll)
            return Reply(status: .ok, type: "application/json", body: status.json)
        default:
            return page(at: path, host: request.headers[.host])
        }
    }

    private func page(at path: String, host: String?) -> Reply {
        // Read before the file, so the page never claims a newer build than its contents.
        let generation = state.siteGeneration
        guard generation > 0 else {
            let page = state.status.generation == 0 ? LiveReload.buildingPage : LiveReload.failedPage
            return html(.serviceUnavailable, page, generation: 0)
        }
        switch files.lookup(path) {
        case .file(let file):
            guard let body = files.contents(of: file) else { return notFound(generation) }
            let type = ContentType.of(file)
            return type == ContentType.html
                ? html(.ok, body, generation: generation) : Reply(status: .ok, type: type, body: body)
        case .redirect(let location):
            return Reply(status: .movedPermanently, type: "text/plain; charset=utf-8", body: Data())
                .with(.location, Self.absolute(location, host: host))
        case .notFound:
            return notFound(generation)
        case .badRequest:
            return Reply(status: .badRequest, type: "text/plain; charset=utf-8", body: Data("bad request\n".utf8))
        }
    }

    /// Absolute when the Host header is a plain host[:port]: swift-corelibs-foundation's
    /// URLSession resolves a relative `Location` ending in `/` to the original URL and loops.
    static func absolute(_ location: String, host: String?) -> String {
        let allowed = Set("abcdefghijklmnopqrstuvwxyzABCDEFGHIJKLMNOPQRSTUVWXYZ0123456789.-:[]")
        guard let host, !host.isEmpty, host.allSatisfy(allowed.contains) else { return location }
        return "http://\(host)\(location)"
    }

    private func notFound(_ generation: Int) -> Reply {
        let body = files.notFoundPage.flatMap { files.contents(of: $0) } ?? LiveReload.notFoundPage
        return html(.notFound, body, generation: generation)
    }

    private func html(_ status: HTTPStatusCode, _ body: Data, generation: Int) -> Reply {
        Reply(status: status, type: ContentType.html, body: LiveReload.inject(into: body, generation: generation))
    }
}

/// A response before HEAD strips it: HEAD gets the same headers, including the length of the
/// body it does not get.
struct Reply: Sendable {
    var status: HTTPStatusCode
    var headers: HTTPHeaders
    var body: Data

    init(status: HTTPStatusCode, type: String, body: Data) {
        self.status = status
        self.body = body
        headers = [.contentType: type, .cacheControl: "no-store", HTTPHeader("X-Content-Type-Options"): "nosniff"]
    }

    func with(_ header: HTTPHeader, _ value: String) -> Reply {
        var copy = self
        copy.headers[header] = value
        return copy
    }

    func response(head: Bool) -> HTTPResponse {
        guard head else { return HTTPResponse(statusCode: status, headers: headers, body: body) }
        var headers = headers
        headers[.contentLength] = String(body.count)
        return HTTPResponse(statusCode: status, headers: headers, body: Data())
    }
}
