import Testing

@testable import CrosswalkKit

@Suite struct FastTextTests {
    final class Box {
        let value: Int
        init(_ value: Int) { self.value = value }
    }

    /// The object lent is the very one at that index, and the array still holds it after.
    @Test func anElementLentUnretainedIsTheElementAtItsIndex() {
        let boxes = (0..<100).map(Box.init)
        for index in [0, 1, 57, 99] {
            #expect(boxes.withUnretained(at: index) { $0 === boxes[index] && $0.value == index })
        }
        #expect(boxes.map(\.value) == Array(0..<100))
    }
}
