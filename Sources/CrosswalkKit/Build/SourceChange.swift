/// What changed since the last incremental build, as a file watcher saw it.
public enum SourceChange: Sendable, Equatable {
    /// Only these files (absolute paths) were written or touched; no file or folder was
    /// created, removed or renamed, and nothing outside `content/` changed.
    case files(Set<String>)
    /// Anything may have changed: look at everything.
    case unknown

    /// Both changes, as one.
    public func merged(with other: SourceChange) -> SourceChange {
        switch (self, other) {
        case (.files(let mine), .files(let theirs)): .files(mine.union(theirs))
        default: .unknown
        }
    }
}
