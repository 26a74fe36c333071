import Foundation
import Testing

@testable import CrosswalkKit

@Suite struct BodySpoolTests {
    /// Bodies stored from many threads come back byte for byte, whatever their size or script.
    @Test func bodiesComeBackAsStored() throws {
        let bodies = (0..<500).map { index in
            index % 7 == 0 ? "" : String(repeating: "<p>Ölpumpe \(index) — PLC ✓</p>\n", count: index % 40 + 1)
        }
        let spool = try #require(BodySpool(count: bodies.count))
        let stored = parallelMap(Array(bodies.indices)) { spool.store(bodies[$0], at: $0) }
        #expect(stored.allSatisfy { $0 })
        for (index, body) in bodies.enumerated() { #expect(spool.load(index) == Array(body.utf8)) }
    }

    @Test func aBodyNeverStoredIsNil() throws {
        let spool = try #require(BodySpool(count: 2))
        #expect(spool.store("<p>one</p>", at: 0))
        #expect(spool.load(1) == nil)
    }

    /// A body that cannot be read back whole is not handed out short: the spool says why, so
    /// the build publishes nothing.
    @Test func aBodyCutShortIsAFailureNotAShortPage() throws {
        let spool = try #require(BodySpool(count: 2))
        #expect(spool.store("<p>first</p>", at: 0))
        #expect(spool.store("<p>second body</p>", at: 1))
        #expect(spool.readFailure == nil)
        #expect(ftruncate(spool.descriptor, off_t(BodySpool.headerSize + 15)) == 0)
        #expect(spool.load(0) == Array("<p>first</p>".utf8))
        #expect(spool.load(1) == nil)
        #expect(spool.readFailure == "the temporary file ended early")
    }
}

extension BodySpool {
    /// `text`'s UTF-8 stored as the body of page `index`.
    fileprivate func store(_ text: String, at index: Int) -> Bool {
        text.withUTF8Bytes { store(bytes: UnsafeRawBufferPointer($0), at: index) }
    }
}
