// Arena.h: bump allocator for the AST and the parser's strings. Everything allocated in an arena is
// freed at once when the arena is destroyed (no destructors run, so arena types must be trivially
// destructible). Blocks come from a qjs::Allocator so a runtime's memory limit counts them.
#pragma once

#include "base/Allocator.h"

#include <cstddef>
#include <cstdint>
#include <cstring>
#include <new>
#include <type_traits>

namespace qjs {

class Arena {
  public:
    explicit Arena(Allocator& allocator) : m_allocator(allocator) {}
    ~Arena() { release(); }
    Arena(const Arena&) = delete;
    Arena& operator=(const Arena&) = delete;

    // Returns nullptr when the underlying allocator fails; `out_of_memory()` then stays true.
    void* allocate(size_t size, size_t align = alignof(std::max_align_t)) {
        uintptr_t p = (reinterpret_cast<uintptr_t>(m_cur) + (align - 1)) & ~uintptr_t(align - 1);
        if (m_cur && p + size <= reinterpret_cast<uintptr_t>(m_end)) {
            m_cur = reinterpret_cast<char*>(p + size);
            return reinterpret_cast<void*>(p);
        }
        return allocate_slow(size, align);
    }

    template <typename T, typename... Args> T* make(Args&&... args) {
        static_assert(std::is_trivially_destructible_v<T>, "arena objects are never destroyed");
        void* p = allocate(sizeof(T), alignof(T));
        if (!p) return nullptr;
        return new (p) T(static_cast<Args&&>(args)...);
    }

    template <typename T> T* make_array(size_t count) {
        static_assert(std::is_trivially_destructible_v<T>, "arena objects are never destroyed");
        if (count > (SIZE_MAX / 2) / sizeof(T)) {
            m_out_of_memory = true;
            return nullptr;
        }
        return static_cast<T*>(allocate(sizeof(T) * (count ? count : 1), alignof(T)));
    }

    // Grows the allocation [p, p + old_size) to new_size where it is: only the latest allocation of
    // the current block can grow, and only while the block has room. False leaves it as it was.
    bool extend(void* p, size_t old_size, size_t new_size) {
        char* end = static_cast<char*>(p) + old_size;
        if (end != m_cur || new_size < old_size || new_size - old_size > size_t(m_end - m_cur)) return false;
        m_cur = static_cast<char*>(p) + new_size;
        return true;
    }

    bool out_of_memory() const { return m_out_of_memory; }
    size_t bytes_reserved() const { return m_reserved; }
    Allocator& allocator() { return m_allocator; }

    // Frees every block; the arena can be reused afterwards.
    void release();

  private:
    struct Block {
        Block* next;
        size_t size; // total bytes including this header
    };
    void* allocate_slow(size_t size, size_t align);

    Allocator& m_allocator;
    Block* m_blocks = nullptr;
    char* m_cur = nullptr;
    char* m_end = nullptr;
    size_t m_reserved = 0;
    bool m_out_of_memory = false;
};

// A growable array whose storage lives in an arena. Growing abandons the old storage (the arena
// frees it at the end), which is cheap because AST lists are short and built once.
template <typename T> class ArenaVector {
    static_assert(std::is_trivially_copyable_v<T> && std::is_trivially_destructible_v<T>);

  public:
    T* data() const { return m_data; }
    uint32_t size() const { return m_size; }
    bool empty() const { return m_size == 0; }
    T& operator[](uint32_t i) const { return m_data[i]; }
    T* begin() const { return m_data; }
    T* end() const { return m_data + m_size; }
    T& back() const { return m_data[m_size - 1]; }

    // Returns false on out of memory (the element is not added).
    bool push_back(Arena& arena, const T& value) {
        if (m_size == m_capacity && !grow(arena)) return false;
        m_data[m_size++] = value;
        return true;
    }
    // Room for `count` elements in one allocation, without the doubling steps. False on out of memory.
    bool reserve(Arena& arena, uint32_t count) {
        if (count <= m_capacity) return true;
        // A list built with nothing allocated after it (a scratch list) grows without leaving a copy.
        if (m_data && arena.extend(m_data, sizeof(T) * m_capacity, sizeof(T) * size_t(count))) {
            m_capacity = count;
            return true;
        }
        T* p = arena.make_array<T>(count);
        if (!p) return false;
        if (m_size) std::memcpy(static_cast<void*>(p), m_data, sizeof(T) * m_size);
        m_data = p;
        m_capacity = count;
        return true;
    }
    void pop_back() { --m_size; }
    void clear() { m_size = 0; }
    void shrink(uint32_t size) { m_size = size; }

  private:
    bool grow(Arena& arena) { return reserve(arena, m_capacity ? m_capacity * 2 : 4); }

    T* m_data = nullptr;
    uint32_t m_size = 0;
    uint32_t m_capacity = 0;
};

} // namespace qjs
