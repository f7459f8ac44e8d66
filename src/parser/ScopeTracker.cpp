#include "parser/ScopeTracker.h"

#include <cstring>

namespace qjs {

static uint32_t hash_pointer(const char16_t* p) {
    uintptr_t v = reinterpret_cast<uintptr_t>(p);
    v ^= v >> 17;
    v *= 0x9e3779b1u;
    return static_cast<uint32_t>(v ^ (v >> 15));
}

uint8_t NameTable::get(const char16_t* key) const {
    if (!m_capacity) return 0;
    uint32_t mask = m_capacity - 1;
    for (uint32_t i = hash_pointer(key) & mask;; i = (i + 1) & mask) {
        const Entry& e = m_entries[i];
        if (e.key == key) return e.bits;
        if (!e.key) return 0;
    }
}

uint8_t* NameTable::slot(Arena& arena, const char16_t* key) {
    if ((m_count + 1) * 4 > m_capacity * 3 && !grow(arena)) return nullptr;
    uint32_t mask = m_capacity - 1;
    for (uint32_t i = hash_pointer(key) & mask;; i = (i + 1) & mask) {
        Entry& e = m_entries[i];
        if (e.key == key) return &e.bits;
        if (!e.key) {
            e.key = key;
            e.bits = 0;
            m_count++;
            return &e.bits;
        }
    }
}

bool NameTable::grow(Arena& arena) {
    uint32_t cap = m_capacity ? m_capacity * 2 : 8;
    if (cap > UINT32_MAX / 2 / sizeof(Entry)) return false;
    Allocator& allocator = arena.allocator();
    auto* entries = static_cast<Entry*>(allocator.alloc(sizeof(Entry) * cap));
    if (!entries) return false;
    std::memset(static_cast<void*>(entries), 0, sizeof(Entry) * cap);
    for (uint32_t i = 0; i < m_capacity; i++) {
        if (m_entries[i].key) {
            uint32_t j = hash_pointer(m_entries[i].key) & (cap - 1);
            while (entries[j].key)
                j = (j + 1) & (cap - 1);
            entries[j] = m_entries[i];
        }
    }
    release();
    m_allocator = &allocator;
    m_entries = entries;
    m_capacity = cap;
    return true;
}

void NameTable::release() {
    if (m_entries) m_allocator->free(m_entries, sizeof(Entry) * m_capacity);
    m_entries = nullptr;
    m_capacity = 0;
}

} // namespace qjs
