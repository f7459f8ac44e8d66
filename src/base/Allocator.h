// Allocator.h: the allocation hooks every engine allocation goes through, so that a runtime's
// memory limit counts everything (heap cells, parser arenas, bytecode, hash tables).
#pragma once

#include <cstddef>

namespace qjs {

// A raw allocator. `alloc` returns nullptr on failure (including when a memory limit is hit);
// callers turn that into an out-of-memory exception at one choke point.
struct Allocator {
    void* (*alloc_fn)(void* opaque, size_t size) = nullptr;
    void (*free_fn)(void* opaque, void* ptr, size_t size) = nullptr;
    void* opaque = nullptr;

    void* alloc(size_t size) { return alloc_fn(opaque, size); }
    void free(void* ptr, size_t size) { free_fn(opaque, ptr, size); }

    // An allocator over malloc/free with no limit, for tools and tests that run without a runtime.
    static Allocator& system();
};

} // namespace qjs
