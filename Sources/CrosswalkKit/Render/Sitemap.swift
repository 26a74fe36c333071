import Foundation

/// `sitemap.xml` (sitemaps.org 0.9): every published page under the site's base URL.
enum Sitemap {
    static let fileName = "sitemap.xml"

    /// The base URL with exactly one trailing `/`, or nil when there is none.
    static func normalizedBase(_ baseURL: String?) -> String? {
        guard var base = baseURL?.trimmingCharacters(in: .whitespaces), !base.isEmpty else { return nil }
        while base.hasSuffix("/") { base.removeLast() }
        return base + "/"
    }

    /// The path part of the base URL (`/kb/` for `https://example.org/kb`), `/` without one: the
    /// 404 page is served at any depth, so its links start from here.
    static func rootPath(_ baseURL: String?) -> String {
        guard let base = normalizedBase(baseURL), let components = URLComponents(string: base) else { return "/" }
        let path = components.path
        guard path.hasPrefix("/") else { return "/" }
        return path.hasSuffix("/") ? path : path + "/"
    }

    /// `urls` are folder URLs below the root (`glossary/plc/`, `` for the home page).
    static func xml(base: String, urls: [String]) -> String {
        var xml = "<?xml version=\"1.0\" encoding=\"UTF-8\"?>\n"
        xml += "<urlset xmlns=\"http://www.sitemaps.org/schemas/sitemap/0.9\">\n"
        for url in urls {
            let encoded = url.addingPercentEncoding(withAllowedCharacters: .urlPathAllowed) ?? url
            xml += "<url><loc>\(HTMLEscape.text(base + encoded))</loc></url>\n"
        }
        xml += "</urlset>\n"
        return xml
    }
}

extension SiteRenderer {
    /// Every URL the site publishes as a page, sorted: content pages and generated listings.
    var publishedURLs: [String] {
        var urls = Set(pages.map(\.page.url))
        urls.formUnion(generatedURLs)
        urls.insert("")
        return urls.sorted()
    }

    func sitemap() -> String {
        guard let base = Sitemap.normalizedBase(site.config.baseURL) else { return "" }
        return Sitemap.xml(base: base, urls: publishedURLs)
    }
}
