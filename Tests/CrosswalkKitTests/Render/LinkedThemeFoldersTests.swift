import Foundation
import Testing

@testable import CrosswalkKit

/// A theme may link folders it shares with other sites: `templates/partials` or a folder of
/// `templates/assets`. They are read like folders, and a link back up is followed once.
@Suite struct LinkedThemeFoldersTests {
    static let site = """
        -- content/a.md --
        # A

        Text.
        -- templates/layout.mustache --
        {{$main}}{{/main}}
        -- templates/page.mustache --
        {{<layout}}{{$main}}{{> partials/title}}{{/main}}{{/layout}}
        -- templates/list.mustache --
        list
        -- shared/partials/title.mustache --
        <h1>{{page.title}}</h1>
        -- shared/img/deep/logo.svg --
        <svg/>
        """

    @Test func linkedFoldersAreReadOnce() throws {
        let (folder, report) = try SiteFixture(Self.site).build { folder in
            let link = FileManager.default.createSymbolicLink(atPath:withDestinationPath:)
            try link(folder.path("templates/partials"), folder.path("shared/partials"))
            // Back up to the theme: followed once, not without end.
            try link(folder.path("shared/partials/theme"), folder.path("templates"))
            try FileManager.default.createDirectory(
                atPath: folder.path("templates/assets"), withIntermediateDirectories: true)
            try link(folder.path("templates/assets/img"), folder.path("shared/img"))
            try link(folder.path("shared/img/deep/again"), folder.path("shared/img"))
        }
        #expect(report.succeeded, "\(report.diagnosticText)")
        #expect(try folder.read("public/a/index.html").contains("<h1>A</h1>"))
        #expect(try folder.read("public/assets/img/deep/logo.svg") == "<svg/>")
        #expect(!FileManager.default.fileExists(atPath: folder.path("public/assets/img/deep/again")))
        let (templates, _) = TemplateSet.load(directory: folder.path("templates"), fileSystem: .disk)
        #expect(templates?.names == ["layout", "page", "list", "partials/title"])
    }
}
