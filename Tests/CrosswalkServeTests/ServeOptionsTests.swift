import Testing

@testable import CrosswalkServe

@Suite struct ServeOptionsTests {
    @Test func bindsLoopbackByDefault() {
        #expect(ServeOptions(sourceRoot: "/s").host == "127.0.0.1")
    }
}
