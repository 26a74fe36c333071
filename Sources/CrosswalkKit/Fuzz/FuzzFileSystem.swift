import Foundation

extension FileSystem {
    /// Like ``FileSystem/inMemory(_:)``, but files hold raw bytes, so a fuzz input's invalid
    /// UTF-8, NUL bytes and byte-order marks reach the Load stage unchanged.
    static func inMemory(bytes files: [String: [UInt8]]) -> FileSystem {
        var directories: [String: Set<String>] = [:]
        for path in files.keys {
            var child = path
            var parent = (path as NSString).deletingLastPathComponent
            while !parent.isEmpty {
                directories[parent, default: []].insert((child as NSString).lastPathComponent)
                if parent == "/" { break }
                child = parent
                parent = (parent as NSString).deletingLastPathComponent
            }
        }
        let tree = directories
        return FileSystem(
            listDirectory: { tree[$0].map { $0.sorted() } },
            kind: { path in
                if files[path] != nil { return .file }
                return tree[path] != nil ? .directory : nil
            },
            resolve: { path in (files[path] != nil || tree[path] != nil) ? path : nil },
            read: { path in
                guard let bytes = files[path] else { throw FileSystemError(path: path, reason: "no such file") }
                return bytes
            },
            size: { files[$0]?.count },
            stamp: { path in files[path].map { "\($0.count)" } }
        )
    }
}
