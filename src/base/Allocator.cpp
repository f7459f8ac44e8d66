#include "base/Allocator.h"

#include <cstdlib>

namespace qjs {

static void* system_alloc(void*, size_t size) { return std::malloc(size ? size : 1); }
static void system_free(void*, void* ptr, size_t) { std::free(ptr); }

Allocator& Allocator::system() {
    static Allocator allocator{system_alloc, system_free, nullptr};
    return allocator;
}

} // namespace qjs
