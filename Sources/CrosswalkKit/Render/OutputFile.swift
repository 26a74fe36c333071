/// One file the build publishes, below the output root.
public struct OutputFile: Sendable {
    public var path: String
    private var storage: Storage

    /// A page leaves the template renderer in the buffer it was written into, and goes to
    /// disk from there: copying 25-60 KB into an array per page was a visible share of a build.
    private enum Storage: Sendable {
        case array([UInt8])
        case buffer(ByteBuffer)
    }

    public init(path: String, contents: String) {
        self.path = path
        storage = .array(Array(contents.utf8))
    }

    public init(path: String, bytes: [UInt8]) {
        self.path = path
        storage = .array(bytes)
    }

    init(path: String, buffer: ByteBuffer) {
        self.path = path
        storage = .buffer(buffer)
    }

    /// The bytes, UTF-8 (a copy when they are in a buffer).
    public var bytes: [UInt8] {
        switch storage {
        case .array(let bytes): bytes
        case .buffer(let buffer): buffer.withBytes { Array($0) }
        }
    }

    public var contents: String { withBytes { String(decoding: $0, as: UTF8.self) } }

    /// Calls `body` with the bytes in place.
    func withBytes<Result, Failure: Error>(
        _ body: (UnsafeBufferPointer<UInt8>) throws(Failure) -> Result
    ) throws(Failure) -> Result {
        switch storage {
        case .array(let bytes): try bytes.withUnsafeBufferPointer(body)
        case .buffer(let buffer): try buffer.withBytes(body)
        }
    }
}

/// Bytes in memory of their own, freed with the object: what `HTMLBytes` hands on when it is
/// finished, without a copy.
final class ByteBuffer: @unchecked Sendable {
    private let start: UnsafeMutablePointer<UInt8>
    private let count: Int

    /// Takes ownership of `count` initialized bytes at `start`, allocated with `allocate`.
    init(adopting start: UnsafeMutablePointer<UInt8>, count: Int) {
        self.start = start
        self.count = count
    }

    deinit { start.deallocate() }

    func withBytes<Result, Failure: Error>(
        _ body: (UnsafeBufferPointer<UInt8>) throws(Failure) -> Result
    ) throws(Failure) -> Result {
        try body(UnsafeBufferPointer(start: start, count: count))
    }
}
