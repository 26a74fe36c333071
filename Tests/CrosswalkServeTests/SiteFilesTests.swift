import Foundation
import Testing

@testable import CrosswalkServe

@Suite struct SiteFilesTests {
    /// `<tmp>/<id>/site/…` with a secret beside the site and links that lead out of it.
    final class Layout {
        let base: String
        let files: SiteFiles

        init() throws {
            base = FileManager.default.temporaryDirectory.appendingPathComponent("crosswalk-sitefiles-\(UUID())").path
            let site = base + "/site"
            try FileManager.default.createDirectory(atPath: site + "/glossary/plc", withIntermediateDirectories: true)
            try FileManager.default.createDirectory(atPath: site + "/empty", withIntermediateDirectories: true)
            try Data("home".utf8).write(to: URL(fileURLWithPath: site + "/index.html"))
            try Data("plc".utf8).write(to: URL(fileURLWithPath: site + "/glossary/plc/index.html"))
            try Data("a b".utf8).write(to: URL(fileURLWithPath: site + "/a b.txt"))
            try Data("secret".utf8).write(to: URL(fileURLWithPath: base + "/secret.txt"))
            try FileManager.default.createSymbolicLink(
                atPath: site + "/escape.txt", withDestinationPath: "../secret.txt")
            try FileManager.default.createSymbolicLink(atPath: site + "/etc", withDestinationPath: "/etc")
            files = SiteFiles(root: site)
        }

        deinit { try? FileManager.default.removeItem(atPath: base) }

        func real(_ relative: String) -> String {
            SiteFiles.realPath(base + "/site/" + relative) ?? "missing"
        }
    }

    @Test func findsFilesAndFolderIndexes() throws {
        let layout = try Layout()
        #expect(layout.files.lookup("/") == .file(layout.real("index.html")))
        #expect(layout.files.lookup("/glossary/plc/") == .file(layout.real("glossary/plc/index.html")))
        #expect(layout.files.lookup("/glossary/plc/index.html") == .file(layout.real("glossary/plc/index.html")))
        #expect(layout.files.lookup("/a%20b.txt") == .file(layout.real("a b.txt")))
    }

    @Test func redirectsFoldersWithoutTheirSlash() throws {
        let layout = try Layout()
        #expect(layout.files.lookup("/glossary/plc") == .redirect("/glossary/plc/"))
        // Empty segments collapse, so the Location can never be a `//host` URL.
        #expect(layout.files.lookup("//glossary//plc") == .redirect("/glossary/plc/"))
    }

    @Test func redirectsAreAbsoluteOnlyForAPlainHostHeader() {
        #expect(RequestHandler.absolute("/a/", host: "127.0.0.1:8080") == "http://127.0.0.1:8080/a/")
        #expect(RequestHandler.absolute("/a/", host: "[::1]:8080") == "http://[::1]:8080/a/")
        #expect(RequestHandler.absolute("/a/", host: "evil.example/x?") == "/a/")
        #expect(RequestHandler.absolute("/a/", host: "a b") == "/a/")
        #expect(RequestHandler.absolute("/a/", host: nil) == "/a/")
    }

    @Test func missingFilesAndFoldersWithoutIndexAreNotFound() throws {
        let layout = try Layout()
        #expect(layout.files.lookup("/nothing.html") == .notFound)
        #expect(layout.files.lookup("/empty/") == .notFound)
        #expect(layout.files.notFoundPage == nil)
    }

    @Test(arguments: [
        "/../secret.txt", "/%2e%2e/secret.txt", "/%2E%2E/secret.txt", "/..%2fsecret.txt", "/.%2e/secret.txt",
        "/glossary/../../secret.txt", "/glossary/%2e%2e/%2e%2e/secret.txt", "/./index.html", "/..\\secret.txt",
        "/%5c..%5csecret.txt", "/index.html%00.txt", "/escape.txt", "/etc/passwd", "/etc/", "//etc/passwd",
        "/%252e%252e/secret.txt",
    ])
    func refusesEverythingThatLeavesTheSite(path: String) throws {
        let layout = try Layout()
        #expect(layout.files.lookup(path) == .notFound, "\(path)")
    }

    @Test(arguments: ["", "*", "http://example.org/index.html", "/%zz", "/%c0%ae%c0%ae/secret.txt"])
    func refusesMalformedTargets(path: String) throws {
        let layout = try Layout()
        #expect(layout.files.lookup(path) == .badRequest, "\(path)")
    }

    @Test func contentTypesFollowTheExtension() {
        #expect(ContentType.of("/s/index.html") == "text/html; charset=utf-8")
        #expect(ContentType.of("/s/assets/style.CSS") == "text/css; charset=utf-8")
        #expect(ContentType.of("/s/app.js") == "text/javascript; charset=utf-8")
        #expect(ContentType.of("/s/favicon.svg") == "image/svg+xml")
        #expect(ContentType.of("/s/search.json") == "application/json")
        #expect(ContentType.of("/s/sitemap.xml") == "application/xml")
        #expect(ContentType.of("/s/photo.jpeg") == "image/jpeg")
        #expect(ContentType.of("/s/font.woff2") == "font/woff2")
        #expect(ContentType.of("/s/manual.pdf") == "application/pdf")
        #expect(ContentType.of("/s/.htaccess") == "application/octet-stream")
        #expect(ContentType.of("/s/README") == "application/octet-stream")
    }
}
