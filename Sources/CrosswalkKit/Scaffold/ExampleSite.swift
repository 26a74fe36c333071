/// The knowledge base `crosswalk init` writes: one example of each kind, linked to each other
/// so that every term is referenced and every constraint has a tool mapped against it.
enum ExampleSite {
    static func files(today: String) -> [(path: String, contents: String)] {
        let review = "owner: Knowledge base editor\nreviewed: \(today)\nreview_by: \(Scaffolder.nextYear(today))"
        return [
            (
                "crosswalk.yml",
                """
                title: Our IT/OT knowledge base
                language: en
                # base_url: https://kb.example.org/
                # lint: {orphan_term: false}

                """
            ),
            (
                "content/index.md",
                """
                ---
                title: Our IT/OT knowledge base
                summary: The words, constraints, tools and workflows our IT and OT teams share.
                \(review)
                ---
                Start with the [glossary](glossary/), where each term says what it means to IT and to OT,
                then read the [constraint](constraints/planned-outages.md) a [tool](tools/patch-management.md)
                has to respect. The [change workflow](workflows/change.md) and the
                [tabletop](scenarios/patch-gone-wrong.md) show how the teams work together.

                """
            ),
            (
                "content/glossary/patch.md",
                """
                ---
                title: Patch
                aliases: [hotfix]
                summary: A change to installed software that fixes a defect or a vulnerability.
                it: Routine; tested briefly, deployed automatically within days, rolled back if it fails.
                ot: An engineering change; tested with the vendor and applied in a planned outage.
                related: [planned-outage]
                tags: [process]
                \(review)
                ---
                In IT a patch is a weekly event. In a plant it changes a system that keeps a process
                running, so it waits for a [[planned outage]].

                """
            ),
            (
                "content/glossary/planned-outage.md",
                """
                ---
                title: Planned outage
                aliases: [turnaround]
                summary: A scheduled stop of a process or unit so that work can be done on it safely.
                it: A maintenance window, often at night, agreed with the service owner.
                ot: A stop planned weeks or months ahead, when changes to control systems are made.
                related: [patch]
                tags: [process]
                \(review)
                ---
                Work that needs the process stopped waits for the next planned outage.

                """
            ),
            (
                "content/constraints/planned-outages.md",
                """
                ---
                title: Changes only in planned outages
                summary: Control systems are changed only while the process they run is stopped.
                why: [availability, safety]
                purdue: [1, 2]
                references:
                  - {standard: IEC 62443-2-3, note: patch management in the IACS environment}
                \(review)
                ---
                A change to a running control system can stop production or upset the process.

                """
            ),
            (
                "content/tools/patch-management.md",
                """
                ---
                title: Patch management system
                summary: Distributes and installs software updates across many computers.
                category: patch management
                constraints:
                  planned-outages: {verdict: caution, note: "Stage patches for OT hosts; install only in the outage window."}
                \(review)
                ---
                Automatic deployment suits office computers; in the plant it must wait for the outage.

                """
            ),
            (
                "content/workflows/change.md",
                """
                ---
                title: Change to a control system
                summary: From request to verified change, across IT and OT.
                steps:
                  - {lane: it, action: Raise the change ticket, owner: Change manager}
                  - {lane: ot, action: Assess process and safety impact, owner: Control engineer, authority: true}
                  - {lane: joint, action: Agree the outage window, owner: Both teams, handoff: true}
                \(review)
                ---
                The hand-off in step 3 is where changes stall; agree the window early.

                """
            ),
            (
                "content/scenarios/patch-gone-wrong.md",
                """
                ---
                title: A patch gone wrong
                summary: An automatic patch reaches an operator station during production.
                injects:
                  - {at: "T+0:00", event: An operator station reboots after an update, it: [Who approved the deployment?], ot: [Is the process still under control?]}
                \(review)
                ---
                Run it with both teams in the room; read the [[Patch]] term first.

                """
            ),
        ]
    }
}
