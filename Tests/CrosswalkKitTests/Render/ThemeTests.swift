import Foundation
import Testing

@testable import CrosswalkKit

/// The default theme's promises that do not need a browser: no inline script, a strict
/// policy, the lens hooks, swimlanes, the timeline and the table of contents.
@Suite struct ThemeTests {
    static let site = """
        -- content/glossary/patch.md --
        ---
        title: Patch
        summary: A fix.
        it: Routine.
        ot: An engineering change.
        ---
        ## In practice
        Text.
        -- content/workflows/change.md --
        ---
        title: Change
        summary: Across both teams.
        steps:
          - {lane: it, action: Raise the ticket, owner: Change manager}
          - {lane: ot, action: Assess safety, owner: Control engineer, authority: true}
          - {lane: ot, action: Schedule the outage}
          - {lane: joint, action: Agree the window, handoff: true}
        ---
        Body.
        -- content/scenarios/drill.md --
        ---
        title: Drill
        summary: A tabletop.
        injects:
          - {at: "T+0:00", event: EDR alerts, it: [Who isolates what?], ot: [Is the historian up?]}
          - {at: "T+1:30", event: MES is down, ot: [Paper?]}
        ---
        ## Debrief
        Talk.
        """

    @Test func noInlineScriptsOrEventHandlers() throws {
        let (folder, report) = try SiteFixture(Self.site).build()
        #expect(report.succeeded, "\(report.diagnosticText)")
        for file in folder.files(under: "public") where file.hasSuffix(".html") {
            let html = try folder.read("public/" + file)
            for script in html.components(separatedBy: "<script").dropFirst() {
                #expect(script.hasPrefix(" src=\""), "inline script in \(file)")
                #expect(script.drop { $0 != ">" }.hasPrefix("></script>"), "script with a body in \(file)")
            }
            #expect(html.range(of: #"\son[a-z]+="#, options: .regularExpression) == nil, "event handler in \(file)")
            #expect(!html.contains("style=\""), "inline style in \(file)")
            #expect(html.contains("<meta http-equiv=\"Content-Security-Policy\""), "no policy in \(file)")
            #expect(!html.contains("src=\"http") && !html.contains("src=\"//"), "remote resource in \(file)")
        }
    }

    @Test func unsafeHTMLSitesGetNoPolicy() throws {
        let (folder, report) = try SiteFixture("-- crosswalk.yml --\nunsafe_html: true\n-- content/a.md --\n# A\n")
            .build()
        #expect(report.succeeded, "\(report.diagnosticText)")
        #expect(!(try folder.read("public/a/index.html")).contains("Content-Security-Policy"))
    }

    @Test func meaningsCarryTheirLens() throws {
        let (folder, _) = try SiteFixture(Self.site).build()
        let patch = try folder.read("public/glossary/patch/index.html")
        #expect(patch.contains("<section class=\"meaning meaning-it\" data-lens=\"it\""))
        #expect(patch.contains("<section class=\"meaning meaning-ot\" data-lens=\"ot\""))
        let glossary = try folder.read("public/glossary/index.html")
        #expect(glossary.contains("<p class=\"meaning meaning-ot\" data-lens=\"ot\">"))
    }

    @Test func workflowStepsAreDrawnInLanesWithArrowsFromThePreviousLane() throws {
        let (folder, _) = try SiteFixture(Self.site).build()
        let html = try folder.read("public/workflows/change/index.html")
        #expect(html.contains("<li class=\"step step-it\" data-lens=\"it\">\n<div class=\"step-card\">"))
        #expect(
            html.contains("<li class=\"step step-ot has-authority\" data-lens=\"ot\"><span class=\"flow flow-it-ot\""))
        #expect(html.contains("<span class=\"flow flow-ot-ot\""))
        #expect(
            html.contains(
                "<li class=\"step step-joint has-handoff\" data-lens=\"joint\"><span class=\"flow flow-ot-joint\""))
        #expect(html.contains("<span aria-hidden=\"true\">◆</span> Decides</p>"))
        #expect(html.contains("<span class=\"visually-hidden\">, after the IT lane</span>"))
    }

    @Test func scenarioInjectsAreATimelineInTheTableOfContents() throws {
        let (folder, _) = try SiteFixture(Self.site).build()
        let html = try folder.read("public/scenarios/drill/index.html")
        #expect(
            html.contains(
                "<h3 class=\"inject-time\" id=\"inject.2\"><span class=\"visually-hidden\">Inject 2, </span>T+1:30</h3>"
            ))
        #expect(html.contains("<li class=\"toc-level-3\"><a href=\"#inject.1\">T+0:00</a></li>"))
        #expect(html.contains("<li class=\"toc-level-2\"><a href=\"#debrief\">Debrief</a></li>"))
        #expect(html.contains("<p class=\"none\">None at this point.</p>"))
        #expect(html.contains("<div class=\"questions-side questions-ot\" data-lens=\"ot\">"))
    }

    @Test func shortPagesHaveNoTableOfContents() throws {
        let (folder, _) = try SiteFixture("-- content/a.md --\n# A\n\n## One\n\nText.\n").build()
        #expect(!(try folder.read("public/a/index.html")).contains("class=\"toc\""))
    }
}
