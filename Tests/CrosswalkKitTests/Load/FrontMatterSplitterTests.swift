import Testing

@testable import CrosswalkKit

@Suite struct FrontMatterSplitterTests {
    @Test func splitsYAMLFromBody() throws {
        let split = try FrontMatterSplitter.split("---\ntitle: PLC\n---\n# Body\n").get()
        #expect(split.frontMatter == "title: PLC")
        #expect(split.body == "# Body\n")
        #expect(split.bodyLineOffset == 3)
    }

    @Test func acceptsDotsAsClosingLineAndBlankLinesInside() throws {
        let split = try FrontMatterSplitter.split("---\ntitle: A\n\nsummary: B\n...\nText").get()
        #expect(split.frontMatter == "title: A\n\nsummary: B")
        #expect(split.body == "Text")
        #expect(split.bodyLineOffset == 5)
    }

    @Test func fileWithoutFrontMatterIsAllBody() throws {
        let split = try FrontMatterSplitter.split("# Title\n\n---\n").get()
        #expect(split.frontMatter == nil)
        #expect(split.body == "# Title\n\n---\n")
        #expect(split.bodyLineOffset == 0)
    }

    @Test func unterminatedFrontMatterFails() {
        #expect(FrontMatterSplitter.split("---\ntitle: A\n# Body\n") == .failure(.unterminated))
    }

    @Test func trailingSpacesOnDelimitersAreAllowed() throws {
        let split = try FrontMatterSplitter.split("---  \ntitle: A\n--- \nBody").get()
        #expect(split.frontMatter == "title: A")
    }

    @Test func emptyFrontMatterAndBodyWithoutNewline() throws {
        let empty = try FrontMatterSplitter.split("---\n---\nBody").get()
        #expect(empty.frontMatter == "")
        #expect(empty.body == "Body")
        #expect(empty.bodyLineOffset == 2)
        let noBody = try FrontMatterSplitter.split("---\ntitle: A\n---").get()
        #expect(noBody.frontMatter == "title: A")
        #expect(noBody.body == "")
        #expect(FrontMatterSplitter.split("---") == .failure(.unterminated))
        #expect(FrontMatterSplitter.split("---\n") == .failure(.unterminated))
    }
}
