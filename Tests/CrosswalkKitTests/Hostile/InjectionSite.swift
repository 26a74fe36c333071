import Foundation

@testable import CrosswalkKit

/// A site whose every front-matter string, config string and markdown construct carries an
/// XSS payload, built once with the default theme in the default (safe) mode. Each payload
/// holds a marker (`xss01` …) so a test can find where it landed in the output.
struct InjectionSite: Sendable {
    struct Vector: Sendable, CustomStringConvertible {
        var marker: String
        var place: String
        /// False when libcmark's safe mode drops the whole payload (raw HTML is omitted).
        var appears = true
        var description: String { "\(marker) (\(place))" }
    }

    static let vectors: [Vector] = [
        Vector(marker: "xss01", place: "term title"),
        Vector(marker: "xss02", place: "term summary, in hover-card attributes of auto-links"),
        Vector(marker: "xss03", place: "term alias"),
        Vector(marker: "xss04", place: "term it: (double-quote breakout)"),
        Vector(marker: "xss05", place: "term ot: (single-quote breakout)"),
        Vector(marker: "xss06", place: "tags"),
        Vector(marker: "xss07", place: "owner"),
        Vector(marker: "xss08", place: "constraint references: standard, section, note"),
        Vector(marker: "xss09", place: "constraint title closing a script (search index)"),
        Vector(marker: "xss10", place: "tool category"),
        Vector(marker: "xss11", place: "tool verdict note"),
        Vector(marker: "xss12", place: "workflow step action and owner"),
        Vector(marker: "xss13", place: "scenario inject at, event, it, ot"),
        Vector(marker: "xss14", place: "crosswalk.yml title"),
        Vector(marker: "xss15", place: "crosswalk.yml language (the lang attribute)"),
        Vector(marker: "xss16", place: "raw <script> block in markdown", appears: false),
        Vector(marker: "xss17", place: "inline <img onerror> and <a href=javascript:>"),
        Vector(marker: "xss18", place: "javascript: links, mixed case and entity-encoded"),
        Vector(marker: "xss19", place: "vbscript:, data:text/html and file: links"),
        Vector(marker: "xss20", place: "javascript: and data:image/svg+xml images"),
        Vector(marker: "xss21", place: "javascript: autolink and reference definition"),
        Vector(marker: "xss22", place: "link title breaking out of its attribute"),
        Vector(marker: "xss23", place: "wikilink label"),
        Vector(marker: "xss24", place: "callout title"),
        Vector(marker: "xss25", place: "pipe-table cells"),
        Vector(marker: "xss26", place: "heading text (id, table of contents, search index)"),
        Vector(marker: "xss27", place: "template syntax in markdown"),
        Vector(marker: "xss28", place: "template syntax in a summary"),
        Vector(marker: "xss29", place: "auto-linked term's summary, it and ot"),
        Vector(marker: "xss30", place: "U+2028 and U+2029 in a title (search index)"),
        Vector(marker: "xss31", place: "HTML in a page title shown in listings and breadcrumbs"),
    ]

    static let source = #"""
        -- crosswalk.yml --
        title: "Site <script>alert('xss14')</script>"
        language: "en\" onload=\"alert(1) xss15"
        -- content/glossary/plc.md --
        ---
        title: "PLC <script>alert('xss01')</script>"
        summary: '"><img src=x onerror=alert(1)> xss02'
        aliases: ["<svg onload=alert(1)> xss03"]
        it: '" onmouseover="alert(1)" xss04'
        ot: "' onfocus='alert(1)' autofocus=' xss05"
        tags: ["<iframe src=javascript:alert(1)> xss06"]
        owner: "</title><script>alert(1)</script> xss07"
        ---
        The term's own page.
        -- content/glossary/hmi.md --
        ---
        title: HMI
        summary: "xss29 \"><script>alert(1)</script>"
        it: "xss29 </a><script>alert(1)</script>"
        ot: "xss29 ' onmouseover='alert(1)"
        ---
        Operator screens.
        -- content/constraints/c.md --
        ---
        title: "C </script><script>alert('xss09')</script>"
        why: [safety]
        purdue: ["1"]
        references:
          - {standard: "<b onclick=alert(1)>IEC</b> xss08", section: '"><script>alert(1)</script> xss08', note: "javascript:alert('xss08')"}
        ---
        Body.
        -- content/tools/t.md --
        ---
        title: Tool
        category: "<object data=javascript:alert(1)> xss10"
        constraints:
          c: {verdict: caution, note: "\"><script>alert('xss11')</script>"}
        ---
        Body.
        -- content/workflows/w.md --
        ---
        title: Workflow
        steps:
          - {lane: it, action: "<img src=x onerror=alert(1)> xss12", owner: "\" onclick=\"alert(1) xss12"}
          - {lane: ot, action: Second step}
        ---
        Body.
        -- content/scenarios/s.md --
        ---
        title: Scenario
        injects:
          - {at: "T+0 <script>xss13</script>", event: "<a href=\"javascript:alert(1)\">e</a> xss13", it: ["\"><svg onload=alert(1)> xss13"], ot: ["'><script>xss13</script>"]}
        ---
        Body.
        -- content/notes/separators.md --
        ---
        title: "Sep\u2028xss30\u2029arators"
        ---
        Body.
        -- content/notes/listed.md --
        ---
        title: "<img src=x onerror=alert(1)> xss31"
        summary: "<script>alert(1)</script>"
        ---
        Body.
        -- content/notes/vectors.md --
        ---
        title: Vectors
        summary: "xss28 {{site.title}} {{{page.body}}}"
        ---
        <script>alert('xss16')</script>

        Inline <img src=x onerror=alert('xss17')> html and <a href="javascript:alert(1)">xss17</a>.

        [xss18](javascript:alert('xss18')) [xss18](JaVaScRiPt:alert(1)) [xss18](&#106;avascript:alert(1))

        [xss19](vbscript:msgbox('xss19')) [xss19](data:text/html;base64,PHNjcmlwdD5hbGVydCgxKTwvc2NyaXB0Pg==)
        [xss19](file:///etc/passwd)

        ![xss20](javascript:alert('xss20')) ![xss20](data:image/svg+xml;base64,PHN2ZyBvbmxvYWQ9YWxlcnQoMSk+)

        <javascript:alert('xss21')> and [xss21][r21].

        [r21]: javascript:alert('xss21')

        [xss22](https://example.org "xss22\" onmouseover=\"alert(1)")

        [[plc|<img src=x onerror=alert('xss23')> xss23]]

        > [!WARNING] <img src=x onerror=alert('xss24')> xss24 <script>alert(1)</script>
        > Body of the callout.

        | <script>alert('xss25')</script> | [xss25](javascript:alert('xss25')) |
        |---|---|
        | <img src=x onerror=alert(1)> xss25 | `<script>` |

        ## Heading <img src=x onerror=alert('xss26')> "xss26" 'q'

        Literal {{site.title}} {{{page.body}}} {{> layout}} xss27.

        The HMI shows its meanings.
        """#

    /// Every file the build wrote, by path below `public/`.
    let files: [String: String]
    let report: BuildReport

    static let built = build(source)
    /// The same site with `unsafe_html: true`: raw HTML passes, so the checks must fire here.
    static let unsafe = build(
        source.replacingOccurrences(of: "-- crosswalk.yml --\n", with: "-- crosswalk.yml --\nunsafe_html: true\n"))

    private static func build(_ source: String) -> InjectionSite {
        do {
            let (folder, report) = try SiteFixture(source).build()
            var files: [String: String] = [:]
            for path in folder.files(under: "public") {
                files[path] = try? folder.read("public/" + path)
            }
            return InjectionSite(files: files, report: report)
        } catch {
            return InjectionSite(files: [:], report: BuildReport())
        }
    }

    /// HTML pages, tokenized.
    var pages: [(path: String, tokens: [HTMLScanner.Token])] {
        files.keys.sorted().filter { $0.hasSuffix(".html") }.map { ($0, HTMLScanner.tokens(files[$0] ?? "")) }
    }
}
