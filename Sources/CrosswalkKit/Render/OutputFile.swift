/// One file the build publishes, below the output root.
public struct OutputFile: Sendable {
    public var path: String
    /// UTF-8. Pages leave the template renderer as bytes and go to disk as they are.
    public var bytes: [UInt8]

    public init(path: String, contents: String) {
        self.path = path
        bytes = Array(contents.utf8)
    }

    public init(path: String, bytes: [UInt8]) {
        self.path = path
        self.bytes = bytes
    }

    public var contents: String { String(decoding: bytes, as: UTF8.self) }
}
