import Ccmark

/// The allocator every libcmark node, parser and buffer crosswalk makes goes through (the
/// functions are in `Sources/Ccmark/shim.h`).
///
/// Inside ``MarkdownMemory/withArena(_:)`` allocations are cut from one arena: a page's tree
/// is some 500 nodes and 600 buffer growths, and `calloc`, `realloc` and `free` one by one
/// were a sixteenth of a build. An arena block is never freed alone; the arena goes once its
/// scope has ended and every document parsed in the scope is gone. Outside a scope, blocks
/// come from the heap and are freed as usual.
public enum MarkdownMemory {
    /// libcmark's allocator table; it lives as long as the process.
    nonisolated(unsafe) static let allocator: UnsafeMutablePointer<cmark_mem> = {
        let table = UnsafeMutablePointer<cmark_mem>.allocate(capacity: 1)
        table.initialize(
            to: cmark_mem(
                calloc: crosswalk_block_calloc, realloc: crosswalk_block_realloc, free: crosswalk_block_free))
        return table
    }()

    /// Runs `body` with libcmark allocating from one arena on this thread. Every document
    /// parsed in `body` keeps the arena alive. A document parsed outside must not be changed
    /// inside: its new nodes would be in an arena it does not keep. Nor may nodes made outside
    /// go into a tree parsed inside: such a tree is never walked to be freed.
    public static func withArena<Result>(_ body: () throws -> Result) rethrows -> Result {
        guard crosswalk_arena_current() == nil else { return try body() }
        let arena = MarkdownArena()
        crosswalk_arena_set_current(arena.state)
        defer { crosswalk_arena_set_current(nil) }
        return try withExtendedLifetime(arena) { try body() }
    }

    /// Frees a block libcmark returned to its caller, such as rendered HTML.
    static func free(_ block: UnsafeMutableRawPointer?) { crosswalk_block_free(block) }
}

/// One arena's chunks, freed together when the last document parsed in it is gone.
final class MarkdownArena {
    let state: UnsafeMutablePointer<crosswalk_arena>

    init() {
        state = crosswalk_arena_new()
        state.pointee.owner = Unmanaged.passUnretained(self).toOpaque()
    }

    deinit { crosswalk_arena_free(state) }

    /// The arena current on this thread, kept by each document parsed in it.
    ///
    /// Never inlined: the shim's functions are `static inline`, and a copy compiled into
    /// another file reads a thread-local slot of its own. Inlined into `MarkdownDocument`, it
    /// found no arena in release builds, so no document kept the arena it was parsed in.
    static var current: MarkdownArena? {
        @inline(never) get {
            guard let owner = crosswalk_arena_current()?.pointee.owner else { return nil }
            return Unmanaged<MarkdownArena>.fromOpaque(owner).takeUnretainedValue()
        }
    }
}
