import Foundation

extension IncrementalBuilder {
    // MARK: scanning

    typealias Scan = (
        discovery: ContentLoader.Discovery, stamps: [String], positions: [String: Int],
        byRelativePath: [String: Int], indexFolders: Set<String>
    )

    /// The content files and their stamps. Walking the tree and reading every file's stamp
    /// is the largest cost of a rebuild after a one-page edit, so when the watcher named
    /// the files it saw written, and all of them were there last time, the last walk stands
    /// and only those files are stamped again. After a walk, `sources` follow their files to
    /// their new places.
    func scan(_ change: SourceChange, loader: ContentLoader) -> Scan {
        @Sendable func stamp(_ file: (path: String, relativePath: String), indexFolders: Set<String>) -> String {
            (fileSystem.stamp(file.path) ?? "-")
                + (indexFolders.contains(LinkResolver.folder(of: file.relativePath)) ? "+i" : "")
        }
        if case .files(let written) = change, var last = lastScan, written.isSubset(of: last.positions.keys) {
            for path in written {
                guard let position = last.positions[path] else { continue }
                last.stamps[position] = stamp(last.discovery.markdown[position], indexFolders: last.indexFolders)
            }
            lastScan = last
            return last
        }
        let discovery = loader.discover(sourceRoot: options.sourceRoot)
        walks += 1
        let indexFolders = Set(
            discovery.markdown.filter { LinkResolver.isIndexMarkdown($0.relativePath) }
                .map { LinkResolver.folder(of: $0.relativePath) })
        // On every core: one stat per file.
        let stamps = parallelMap(discovery.markdown) { stamp($0, indexFolders: indexFolders) }
        let positions = Dictionary(
            discovery.markdown.enumerated().map { ($1.path, $0) }, uniquingKeysWith: { first, _ in first })
        let byRelativePath = Dictionary(
            discovery.markdown.enumerated().map { ($1.relativePath, $0) }, uniquingKeysWith: { first, _ in first })
        let previousPlaces = lastScan?.byRelativePath ?? [:]
        let previousSources = sources
        sources = discovery.markdown.map { file in previousPlaces[file.relativePath].flatMap { previousSources[$0] } }
        let scan = (discovery, stamps, positions, byRelativePath, indexFolders)
        lastScan = scan
        return scan
    }

    /// The stamp of the file `page` was built from.
    func stamp(of page: Page, _ scan: Scan) -> String {
        scan.byRelativePath[page.source.relativePath].map { scan.stamps[$0] } ?? "-"
    }

    func directoryStamp(_ directory: String) -> String {
        String(StableHash.of(Array(fileSystem.stamps(below: directory).utf8)), radix: 16)
    }
}
