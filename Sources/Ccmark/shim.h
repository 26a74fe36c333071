#include <cmark.h>
#include <stddef.h>
#include <stdlib.h>
#include <string.h>

/*
 * crosswalk's allocator for libcmark (see MarkdownMemory.swift for why). In C: libcmark calls
 * it about 2,200 times a page, and from Swift each call paid for a thread-local lookup, a
 * lazy global and reference counting.
 *
 * Every block starts with a 16-byte header: its capacity, and 1 when it was cut from an
 * arena or 0 when it came from the heap. While an arena is current on a thread, blocks are
 * cut from it and never freed alone; the arena's chunks go all at once.
 *
 * Call these from MarkdownMemory.swift only: the functions are `static inline`, so every
 * Swift file that calls one compiles its own copy, and with it its own thread-local slot.
 * That holds after inlining too: a Swift function there that reads the slot must not be
 * inlined into another file (`MarkdownArena.current` is `@inline(never)`; `make test-release`).
 */

typedef struct crosswalk_arena {
    char *cursor;
    char *limit;
    /* The newest block of the current chunk: the one that can still grow in place. */
    char *newest;
    void **chunks;
    size_t chunk_count;
    size_t chunk_capacity;
    /* The Swift object that frees the arena (MarkdownArena), not retained. */
    void *owner;
} crosswalk_arena;

enum { CROSSWALK_BLOCK_HEADER = 16, CROSSWALK_CHUNK_BYTES = 64 * 1024 };

/* A variable inside a function: Swift emits the header's functions, not its variables. */
static inline crosswalk_arena **crosswalk_current_slot(void) {
    static _Thread_local crosswalk_arena *current;
    return &current;
}

static inline void *crosswalk_checked(void *pointer) {
    /* libcmark's own allocator aborts rather than return NULL; so does this one. */
    if (pointer == NULL) abort();
    return pointer;
}

static inline crosswalk_arena *crosswalk_arena_new(void) {
    return (crosswalk_arena *)crosswalk_checked(calloc(1, sizeof(crosswalk_arena)));
}

static inline void crosswalk_arena_free(crosswalk_arena *arena) {
    for (size_t i = 0; i < arena->chunk_count; i++) free(arena->chunks[i]);
    free(arena->chunks);
    free(arena);
}

static inline crosswalk_arena *crosswalk_arena_current(void) { return *crosswalk_current_slot(); }
static inline void crosswalk_arena_set_current(crosswalk_arena *arena) { *crosswalk_current_slot() = arena; }

static inline char *crosswalk_arena_add_chunk(crosswalk_arena *arena, size_t bytes) {
    if (arena->chunk_count == arena->chunk_capacity) {
        arena->chunk_capacity = arena->chunk_capacity ? 2 * arena->chunk_capacity : 8;
        arena->chunks = (void **)crosswalk_checked(realloc(arena->chunks, arena->chunk_capacity * sizeof(void *)));
    }
    char *chunk = (char *)crosswalk_checked(malloc(bytes));
    arena->chunks[arena->chunk_count++] = chunk;
    return chunk;
}

static inline size_t crosswalk_block_total(size_t bytes) {
    return (bytes + CROSSWALK_BLOCK_HEADER + 15) & ~(size_t)15;
}

/* A block of `bytes`, contents undefined: from this thread's arena when one is current. */
static inline void *crosswalk_block_new(size_t bytes) {
    if (bytes > (size_t)1 << 40) abort();
    crosswalk_arena *arena = *crosswalk_current_slot();
    char *start;
    if (arena) {
        size_t total = crosswalk_block_total(bytes);
        if ((size_t)(arena->limit - arena->cursor) >= total) {
            start = arena->cursor;
            arena->cursor += total;
            arena->newest = start;
        } else if (total > CROSSWALK_CHUNK_BYTES / 4) {
            /* A large block gets a chunk of its own; the current chunk stays in use. */
            start = crosswalk_arena_add_chunk(arena, total);
        } else {
            start = crosswalk_arena_add_chunk(arena, CROSSWALK_CHUNK_BYTES);
            arena->cursor = start + total;
            arena->limit = start + CROSSWALK_CHUNK_BYTES;
            arena->newest = start;
        }
        ((size_t *)start)[1] = 1;
    } else {
        start = (char *)crosswalk_checked(malloc(bytes + CROSSWALK_BLOCK_HEADER));
        ((size_t *)start)[1] = 0;
    }
    ((size_t *)start)[0] = bytes;
    return start + CROSSWALK_BLOCK_HEADER;
}

static inline void *crosswalk_block_calloc(size_t count, size_t size) {
    if (size != 0 && count > ((size_t)1 << 40) / size) abort();
    void *block = crosswalk_block_new(count * size);
    memset(block, 0, count * size);
    return block;
}

static inline void *crosswalk_block_realloc(void *block, size_t bytes) {
    if (block == NULL) return crosswalk_block_new(bytes);
    if (bytes > (size_t)1 << 40) abort();
    size_t *header = (size_t *)((char *)block - CROSSWALK_BLOCK_HEADER);
    if (header[1] == 0) {
        header = (size_t *)crosswalk_checked(realloc(header, bytes + CROSSWALK_BLOCK_HEADER));
        header[0] = bytes;
        return (char *)header + CROSSWALK_BLOCK_HEADER;
    }
    size_t old = header[0];
    if (bytes <= old) return block;
    /* A growing buffer is nearly always the arena's newest block: it grows where it is. */
    crosswalk_arena *arena = *crosswalk_current_slot();
    if (arena && (char *)header == arena->newest &&
        (size_t)(arena->limit - (char *)header) >= crosswalk_block_total(bytes)) {
        arena->cursor = (char *)header + crosswalk_block_total(bytes);
        header[0] = bytes;
        return block;
    }
    void *moved = crosswalk_block_new(bytes);
    memcpy(moved, block, old);
    return moved;
}

/* Whether `block` was cut from an arena (freeing it alone does nothing). No thread-local: any
 * file may call this one. */
static inline int crosswalk_block_in_arena(const void *block) {
    return block != NULL && ((const size_t *)((const char *)block - CROSSWALK_BLOCK_HEADER))[1] == 1;
}

static inline void crosswalk_block_free(void *block) {
    if (block == NULL) return;
    size_t *header = (size_t *)((char *)block - CROSSWALK_BLOCK_HEADER);
    if (header[1] == 0) free(header);
}
