// Nothing to import: this target only defines jemalloc's `malloc_conf` (see allocator.c).
#ifndef CROSSWALK_ALLOCATOR_H
#define CROSSWALK_ALLOCATOR_H
#endif
