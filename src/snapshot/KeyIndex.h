// KeyIndex.h: the snapshot writer's maps from a cell, shape or atom (as a 64-bit key) to its number.
// Open addressing on a Vector whose growth is checked (Runtime::can_allocate): insert() reports an
// out-of-memory instead of the null dereference a std container would make.
#pragma once

#include "runtime/VectorGrowth.h"

#include <cstdint>

namespace qjs {

template <typename V> class KeyIndex {
  public:
    // The value stored for `key`, or nullptr.
    const V* find(uint64_t key) const {
        if (m_slots.empty()) return nullptr;
        size_t mask = m_slots.size() - 1;
        for (size_t i = mix(key) & mask;; i = (i + 1) & mask) {
            if (m_slots[i].key == key) return &m_slots[i].value;
            if (m_slots[i].key == kEmpty) return nullptr;
        }
    }
    // Adds `key` (not present yet). False on OOM (the index is unchanged).
    [[nodiscard]] bool insert(uint64_t key, V value) {
        if ((m_count + 1) * 2 > m_slots.size() && !rehash(m_slots.empty() ? 64 : m_slots.size() * 2))
            return false;
        place(key, value);
        ++m_count;
        return true;
    }

  private:
    static constexpr uint64_t kEmpty = UINT64_MAX; // neither a pointer nor an atom
    struct Slot {
        uint64_t key;
        V value;
    };
    static size_t mix(uint64_t k) {
        k ^= k >> 33;
        k *= 0xff51afd7ed558ccdULL;
        k ^= k >> 33;
        return static_cast<size_t>(k);
    }
    void place(uint64_t key, V value) {
        size_t mask = m_slots.size() - 1, i = mix(key) & mask;
        while (m_slots[i].key != kEmpty)
            i = (i + 1) & mask;
        m_slots[i] = Slot{key, value};
    }
    bool rehash(size_t size) {
        Vector<Slot> old;
        if (!vector_reserve(old, size)) return false;
        old.assign(size, Slot{kEmpty, V()});
        old.swap(m_slots);
        for (const Slot& s : old)
            if (s.key != kEmpty) place(s.key, s.value);
        return true;
    }

    Vector<Slot> m_slots; // a power of two in size, at most half full
    size_t m_count = 0;
};

} // namespace qjs
