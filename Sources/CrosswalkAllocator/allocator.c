// jemalloc's settings for the `crosswalk` binary, read once when it starts (release builds link
// jemalloc; glibc's malloc, in debug and test builds, ignores this).
//
// One arena per core, not jemalloc's default of four per core handed to threads in turn: the
// Load stage reads files on more threads than there are cores (so that reads waiting on the
// disk overlap), and with an arena each, the sources those threads allocate were spread over
// eight arenas whose freed pages later stages never reused: 10% more peak memory at 100,000
// pages. With an arena per core, memory freed on a core is used again there.
#include "CrosswalkAllocator.h"

const char *malloc_conf = "percpu_arena:percpu";
