/// Every page by the path of its file below `content/`. Links are resolved against it: a page
/// has dozens of relative links, and for each one making a `String` of the path and hashing it
/// cost more than the rest of resolving it. ASCII paths are therefore also looked up as bytes;
/// any other path as a `String`, which compares canonical forms (a decomposed `é` finds `é`).
///
/// A class: `Site` is copied into every page's transforms, and one reference is all a copy
/// adds.
final class SourcePathTable: Sendable {
    private let indexByPath: [String: Int]
    private let asciiPaths: ByteWordSet
    /// Per word of `asciiPaths`, in the order they were added: its page.
    private let pageByASCIIPath: [Int32]

    /// `paths[i]` is the file of page `i`; no path is given twice.
    init(paths: [String]) {
        var indexByPath: [String: Int] = [:]
        indexByPath.reserveCapacity(paths.count)
        var asciiPaths = ByteWordSet(capacity: paths.count)
        var pageByASCIIPath: [Int32] = []
        pageByASCIIPath.reserveCapacity(paths.count)
        for (index, path) in paths.enumerated() {
            indexByPath[path] = index
            path.withUTF8Bytes { bytes in
                if !bytes.contains(where: { $0 >= 0x80 }), asciiPaths.insert(bytes) {
                    pageByASCIIPath.append(Int32(index))
                }
            }
        }
        (self.indexByPath, self.asciiPaths, self.pageByASCIIPath) = (indexByPath, asciiPaths, pageByASCIIPath)
    }

    func index(of path: String) -> Int? { indexByPath[path] }

    /// The page whose file is `bytes` (UTF-8).
    func index(of bytes: UnsafeBufferPointer<UInt8>) -> Int? {
        guard !bytes.contains(where: { $0 >= 0x80 }) else { return indexByPath[String(decoding: bytes, as: UTF8.self)] }
        return asciiPaths.ordinal(of: bytes).map { Int(pageByASCIIPath[$0]) }
    }

    /// The page whose file is `name` read from `folder` (`LinkResolver.normalize(_:_:)`), with
    /// no `String` made of the path; nil also when `..` climbs out of `content/`.
    func index(folder: UnsafeBufferPointer<UInt8>, name: UnsafeBufferPointer<UInt8>) -> Int? {
        withUnsafeTemporaryAllocation(of: UInt8.self, capacity: folder.count + name.count + 1) { output in
            guard let count = LinkResolver.normalized(folder, name, into: output) else { return nil }
            return index(of: UnsafeBufferPointer(rebasing: output[..<count]))
        }
    }
}
