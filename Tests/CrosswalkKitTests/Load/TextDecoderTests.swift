import Testing

@testable import CrosswalkKit

@Suite struct TextDecoderTests {
    @Test func dropsByteOrderMarkAndNormalisesLineEnds() throws {
        let bytes: [UInt8] = [0xEF, 0xBB, 0xBF] + Array("---\r\ntitle: A\r\n---\rB".utf8)
        #expect(try TextDecoder.decode(bytes).get() == "---\ntitle: A\n---\nB")
    }

    @Test func reportsInvalidUTF8WithLineAndColumn() {
        let bytes: [UInt8] = Array("ok\nab".utf8) + [0xC3, 0x28] + Array(" rest".utf8)
        #expect(TextDecoder.decode(bytes) == .failure(.invalidUTF8(line: 2, column: 3)))
    }

    @Test func recognisesUTF16() {
        let bytes: [UInt8] = [0xFF, 0xFE, 0x74, 0x00]
        #expect(TextDecoder.decode(bytes) == .failure(.utf16))
    }

    @Test func keepsMultibyteText() throws {
        #expect(try TextDecoder.decode(Array("Sécurité – SIS’s".utf8)).get() == "Sécurité – SIS’s")
    }
}
