import Foundation
import Testing

@testable import CrosswalkServe

@Suite struct LiveReloadTests {
    func inject(_ html: String, generation: Int = 3) -> String {
        String(decoding: LiveReload.inject(into: Data(html.utf8), generation: generation), as: UTF8.self)
    }

    @Test func insertsTheScriptBeforeTheLastClosingBody() {
        let tag = #"<script src="/__crosswalk/live.js" data-generation="3"></script>"#
        #expect(inject("<p>a</p></body></html>") == "<p>a</p>\(tag)</body></html>")
        #expect(inject("<pre></body></pre></BODY>") == "<pre></body></pre>\(tag)</BODY>")
    }

    @Test func appendsTheScriptWhenThereIsNoBody() {
        #expect(
            inject("<p>fragment") == #"<p>fragment<script src="/__crosswalk/live.js" data-generation="3"></script>"#)
        #expect(inject("", generation: 0) == #"<script src="/__crosswalk/live.js" data-generation="0"></script>"#)
    }

    @Test func scriptBuildsTheOverlayWithoutParsingHTML() {
        // Diagnostics quote the author's text: it must never reach innerHTML.
        #expect(!LiveReload.script.contains("innerHTML"))
        #expect(LiveReload.script.contains("textContent"))
        #expect(LiveReload.script.contains("/__crosswalk/wait?since="))
    }
}
