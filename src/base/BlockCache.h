// BlockCache.h: free lists of the small blocks a runtime has freed, by size class. Short-lived
// objects come and go in bursts (a subtree dropped, a collection); the system allocator keeps only
// a few blocks per size in its fast path and takes its slow path for the rest, so the runtime keeps
// its own lists. The cached blocks still belong to the runtime and stay counted in its memory use;
// the cache is bounded, and emptied when an allocation would otherwise hit the memory limit.
#pragma once

#include "base/Allocator.h"

#include <cstddef>

// Under AddressSanitizer a cached block is poisoned past its link word, so a use after free is still
// reported (until the block is reused). The link stays readable: LeakSanitizer skips poisoned words
// when it looks for pointers, and would report every block after the first of a list as leaked.
#if defined(__SANITIZE_ADDRESS__)
#define QJS_BLOCK_CACHE_ASAN 1
#elif defined(__has_feature)
#if __has_feature(address_sanitizer)
#define QJS_BLOCK_CACHE_ASAN 1
#endif
#endif
#ifdef QJS_BLOCK_CACHE_ASAN
#include <sanitizer/asan_interface.h>
#define QJS_POISON_BLOCK(p, n) ASAN_POISON_MEMORY_REGION(p, n)
#define QJS_UNPOISON_BLOCK(p, n) ASAN_UNPOISON_MEMORY_REGION(p, n)
#else
#define QJS_POISON_BLOCK(p, n) ((void)(p), (void)(n))
#define QJS_UNPOISON_BLOCK(p, n) ((void)(p), (void)(n))
#endif

namespace qjs {

class BlockCache {
  public:
    static constexpr size_t kGranule = 16;
    static constexpr size_t kMaxBlock = 512;               // largest cached block in bytes
    static constexpr size_t kMaxCachedBytes = 1024 * 1024; // bound on the bytes kept

    // Size class of a block of `bytes` (at most kMaxBlock), and the bytes a block of a class has.
    static size_t size_class(size_t bytes) { return (bytes + kGranule - 1) / kGranule; }
    static size_t class_bytes(size_t cls) { return cls * kGranule; }

    bool has(size_t cls) const { return m_lists[cls] != nullptr; }
    // A cached block of class `cls`, or nullptr.
    void* take(size_t cls) {
        Link* block = m_lists[cls];
        if (!block) return nullptr;
        QJS_UNPOISON_BLOCK(block, class_bytes(cls));
        m_lists[cls] = block->next;
        m_bytes -= class_bytes(cls);
        return block;
    }
    // Keeps a block of class `cls`; false when the cache is full (the caller frees it).
    bool put(void* block, size_t cls) {
        if (m_disabled || m_bytes + class_bytes(cls) > kMaxCachedBytes) return false;
        Link* link = static_cast<Link*>(block);
        link->next = m_lists[cls];
        m_lists[cls] = link;
        m_bytes += class_bytes(cls);
        QJS_POISON_BLOCK(link + 1, class_bytes(cls) - sizeof(Link));
        return true;
    }
    size_t bytes() const { return m_bytes; }
    // Keeps no more blocks (a runtime's teardown frees everything: caching would only delay it).
    void disable() { m_disabled = true; }
    // Returns every cached block to `allocator`.
    void flush(Allocator& allocator) {
        for (size_t cls = 1; cls <= kMaxBlock / kGranule; ++cls) {
            while (Link* block = m_lists[cls]) {
                QJS_UNPOISON_BLOCK(block, class_bytes(cls));
                m_lists[cls] = block->next;
                allocator.free(block, class_bytes(cls));
            }
        }
        m_bytes = 0;
    }

  private:
    struct Link {
        Link* next;
    };
    Link* m_lists[kMaxBlock / kGranule + 1] = {};
    size_t m_bytes = 0;
    bool m_disabled = false;
};

} // namespace qjs
