#include "parser/Arena.h"

namespace qjs {

static constexpr size_t k_default_block_size = 64 * 1024;

void* Arena::allocate_slow(size_t size, size_t align) {
    if (m_out_of_memory) return nullptr;
    size_t header = (sizeof(Block) + alignof(std::max_align_t) - 1) & ~(alignof(std::max_align_t) - 1);
    if (size > SIZE_MAX / 4) {
        m_out_of_memory = true;
        return nullptr;
    }
    // Big requests get their own block so that the current block keeps serving small ones.
    size_t block_size = k_default_block_size;
    if (size + align + header > block_size / 4) block_size = size + align + header;
    auto* block = static_cast<Block*>(m_allocator.alloc(block_size));
    if (!block) {
        m_out_of_memory = true;
        return nullptr;
    }
    block->next = m_blocks;
    block->size = block_size;
    m_blocks = block;
    m_reserved += block_size;
    char* base = reinterpret_cast<char*>(block) + header;
    char* end = reinterpret_cast<char*>(block) + block_size;
    uintptr_t p = (reinterpret_cast<uintptr_t>(base) + (align - 1)) & ~uintptr_t(align - 1);
    if (block_size == k_default_block_size) {
        m_cur = reinterpret_cast<char*>(p + size);
        m_end = end;
    }
    return reinterpret_cast<void*>(p);
}

void Arena::release() {
    Block* b = m_blocks;
    while (b) {
        Block* next = b->next;
        m_allocator.free(b, b->size);
        b = next;
    }
    m_blocks = nullptr;
    m_cur = m_end = nullptr;
    m_reserved = 0;
    m_out_of_memory = false;
}

} // namespace qjs
