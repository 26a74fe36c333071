import Foundation
import Testing

@testable import CrosswalkKit

@Suite struct SitemapTests {
    static let site = """
        -- content/index.md --
        # Home
        -- content/glossary/plc.md --
        ---
        title: PLC
        summary: A controller.
        ---
        Text.
        -- content/guides/plant walk.md --
        # Plant walk
        """

    @Test func noBaseURLNoSitemap() throws {
        let (folder, report) = try SiteFixture(Self.site).build()
        #expect(report.succeeded, "\(report.diagnosticText)")
        #expect(!folder.exists("public/sitemap.xml"))
        #expect(!(try folder.read("public/index.html")).contains("rel=\"canonical\""))
    }

    @Test func sitemapListsEveryPageUnderTheBaseURL() throws {
        let (folder, report) = try SiteFixture(Self.site).build(baseURL: "https://kb.example.org/plant")
        #expect(report.succeeded, "\(report.diagnosticText)")
        let xml = try folder.read("public/sitemap.xml")
        #expect(xml.hasPrefix("<?xml version=\"1.0\" encoding=\"UTF-8\"?>\n<urlset"))
        #expect(
            xml.contains(
                """
                <url><loc>https://kb.example.org/plant/</loc></url>
                <url><loc>https://kb.example.org/plant/glossary/</loc></url>
                <url><loc>https://kb.example.org/plant/glossary/plc/</loc></url>
                <url><loc>https://kb.example.org/plant/guides/plant-walk/</loc></url>
                """))
        let plc = try folder.read("public/glossary/plc/index.html")
        #expect(plc.contains("<link rel=\"canonical\" href=\"https://kb.example.org/plant/glossary/plc/\">"))
    }

    @Test func rootPathComesFromTheBaseURL() {
        #expect(Sitemap.rootPath(nil) == "/")
        #expect(Sitemap.rootPath("https://kb.example.org") == "/")
        #expect(Sitemap.rootPath("https://kb.example.org/plant/kb/") == "/plant/kb/")
        #expect(Sitemap.normalizedBase("https://a.org//") == "https://a.org/")
    }

    @Test func notFoundPageLinksFromTheSiteRoot() throws {
        let (folder, report) = try SiteFixture(Self.site).build(baseURL: "https://kb.example.org/plant/")
        #expect(report.succeeded, "\(report.diagnosticText)")
        let page = try folder.read("public/404.html")
        #expect(page.contains("<h1>Page not found</h1>"))
        #expect(page.contains("href=\"/plant/assets/style.css\""))
        #expect(page.contains("<a href=\"/plant/glossary/index.html\">Glossary</a>"))
        #expect(page.contains("data-root=\"/plant/\""))
        #expect(!page.contains("rel=\"canonical\""))
    }
}
