/// The whole page pipeline on one arbitrary input, for the libFuzzer target: the bytes are a
/// content file (front matter, markdown, links) in a small site with a glossary to link to.
public enum FuzzTarget {
    public static func run(_ bytes: UnsafeBufferPointer<UInt8>) {
        let text = String(decoding: bytes, as: UTF8.self)
        _ = SiteBuilder(
            options: BuildOptions(sourceRoot: "/fuzz", outputDirectory: "/fuzz/public", dryRun: true, today: "2026-11-29"),
            fileSystem: .inMemory([
                "/fuzz/content/fuzzed.md": text,
                "/fuzz/content/glossary/plc.md": "---\ntitle: Programmable logic controller (PLC)\naliases: [PLC]\nsummary: A controller.\n---\nText.\n",
                "/fuzz/content/glossary/sis.md": "---\ntitle: Safety instrumented system\naliases: [SIS]\nsummary: Trips.\n---\n## History\n",
                "/fuzz/templates/layout.mustache": "{{$main}}{{/main}}",
                "/fuzz/templates/page.mustache": "{{<layout}}{{$main}}{{{page.body}}}{{/main}}{{/layout}}",
                "/fuzz/templates/list.mustache": "{{<layout}}{{$main}}{{page.title}}{{/main}}{{/layout}}",
            ])
        ).build()
    }
}
