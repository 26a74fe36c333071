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

    /// Enough bodies that every thread's lane fills its region several times over, and some
    /// bodies large enough to be written straight away.
    @Test func bodiesOverManyRegionsComeBackAsStored() throws {
        let bodies = (0..<3000).map { index in
            let size = index % 97 == 0 ? SpoolLane.directLimit + index : 500 + (index * 37) % 3000
            return Array("\(index):".utf8) + [UInt8](repeating: UInt8(truncatingIfNeeded: index), count: size)
        }
        let spool = try #require(BodySpool(count: bodies.count))
        spool.directFirst = 0
        let stored = parallelMap(Array(bodies.indices)) { index in
            bodies[index].withUnsafeBytes { spool.store(bytes: $0, at: index) }
        }
        #expect(stored.allSatisfy { $0 })
        #expect(bodies.reduce(0) { $0 + $1.count } > 4 * SpoolLane.largestRegion)
        #expect(spool.size == BodySpool.headerSize + bodies.reduce(0) { $0 + $1.count })
        let loaded = parallelMap(Array(bodies.indices)) { spool.load($0) }
        for index in bodies.indices { #expect(loaded[index] == bodies[index]) }
        #expect(spool.readFailure == nil)
    }

    /// Bodies stored after others were read back (as `serve` does) are written too, after
    /// the ones before them in their lane.
    @Test func bodiesStoredBetweenReadsComeBack() throws {
        let spool = try #require(BodySpool(count: 6))
        spool.directFirst = 0
        for round in 0..<3 {
            #expect(spool.store("<p>body \(round) of a few words</p>", at: 2 * round))
            #expect(spool.store("<p>and \(round)</p>", at: 2 * round + 1))
            for index in 0..<(2 * round + 2) {
                let text = index % 2 == 0 ? "<p>body \(index / 2) of a few words</p>" : "<p>and \(index / 2)</p>"
                #expect(spool.load(index) == Array(text.utf8))
            }
        }
    }

    /// Bodies a lane could not write are read from memory, so no page loses its body; the
    /// file is then not kept as a cache, since it lacks them.
    @Test func bodiesThatCannotBeWrittenAreReadFromMemory() throws {
        let folder = FileManager.default.temporaryDirectory.appendingPathComponent("spool-\(UUID().uuidString)").path
        try FileManager.default.createDirectory(atPath: folder, withIntermediateDirectories: true)
        defer { try? FileManager.default.removeItem(atPath: folder) }
        let spool = try #require(BodySpool(count: 3, named: folder + "/bodies."))
        spool.directFirst = 0
        let readOnly = open("/dev/null", O_RDONLY)
        #expect(dup2(readOnly, spool.descriptor) == spool.descriptor)
        close(readOnly)
        #expect(spool.store("<p>one</p>", at: 0))
        #expect(spool.store("<p>two</p>", at: 1))
        #expect(spool.load(1) == Array("<p>two</p>".utf8))
        #expect(spool.load(0) == Array("<p>one</p>".utf8))
        #expect(!spool.keep(at: folder + "/kept"))
        #expect(spool.readFailure == nil)
        // Too large for a lane: refused at once, and the caller keeps it.
        let large = String(repeating: "x", count: SpoolLane.directLimit)
        #expect(!spool.store(large, at: 2))
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
        // Read once, so the lanes' bytes are in the file before it is cut.
        #expect(spool.load(1) == Array("<p>second body</p>".utf8))
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
