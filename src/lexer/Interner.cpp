#include "lexer/Interner.h"

#include <cstring>

namespace qjs {

namespace {

// The keywords and contextual words, in token order from k_first_keyword.
struct Word {
    const char* text;
    uint32_t length;
};
constexpr Word kWords[] = {
#define KEYWORD(name, text) {text, sizeof(text) - 1},
#define CONTEXTUAL(name, text) {text, sizeof(text) - 1},
#include "lexer/Tokens.def"
};
constexpr uint32_t kLongestWord = [] {
    uint32_t n = 0;
    for (const Word& w : kWords)
        n = w.length > n ? w.length : n;
    return n;
}();

constexpr unsigned kWordCount = sizeof(kWords) / sizeof(kWords[0]);

// The words grouped by first character (all are ASCII): the indexes into kWords of those starting
// with c are order[first[c]] to order[first[c + 1] - 1].
struct WordsByFirstChar {
    uint8_t first[129] = {};
    uint8_t order[kWordCount] = {};
};
constexpr WordsByFirstChar kWordsByFirstChar = [] {
    WordsByFirstChar t;
    unsigned n = 0;
    for (unsigned c = 0; c < 128; c++) {
        t.first[c] = static_cast<uint8_t>(n);
        for (unsigned i = 0; i < kWordCount; i++)
            if (static_cast<unsigned char>(kWords[i].text[0]) == c) t.order[n++] = static_cast<uint8_t>(i);
    }
    t.first[128] = static_cast<uint8_t>(n);
    return t;
}();
static_assert(kWordCount < 256);
static_assert(kWordsByFirstChar.first[128] == kWordCount, "every word starts with an ASCII character");

// The keyword token a new name stands for, or Tok::Identifier (checked once per distinct name, so a
// parse need not intern every keyword up front: short evals parse a few tokens).
template <typename Unit> Tok keyword_of(const Unit* units, uint32_t length) {
    if (length < 2 || length > kLongestWord || units[0] >= 128) return Tok::Identifier;
    auto c = static_cast<unsigned>(units[0]);
    for (unsigned j = kWordsByFirstChar.first[c]; j < kWordsByFirstChar.first[c + 1]; j++) {
        unsigned i = kWordsByFirstChar.order[j];
        const Word& w = kWords[i];
        if (w.length != length) continue;
        uint32_t k = 1;
        while (k < length && char16_t(units[k]) == static_cast<unsigned char>(w.text[k]))
            k++;
        if (k == length) return static_cast<Tok>(static_cast<unsigned>(k_first_keyword) + i);
    }
    return Tok::Identifier;
}

} // namespace

Interner::Interner(Arena& arena) : m_arena(arena) {
    m_capacity = 128;
    m_table = arena.make_array<Entry*>(m_capacity);
    if (!m_table) {
        m_capacity = 0;
        return;
    }
    std::memset(m_table, 0, sizeof(Entry*) * m_capacity);
}

const Interner::Entry* Interner::intern_ascii(const char* cstr) {
    uint32_t h = hash_start();
    uint32_t n = 0;
    for (; cstr[n]; n++)
        h = hash_step(h, static_cast<unsigned char>(cstr[n]));
    return intern_ascii(cstr, n, h);
}

const Interner::Entry* Interner::intern_ascii(const char* bytes, uint32_t length, uint32_t hash) {
    return lookup_or_add(reinterpret_cast<const unsigned char*>(bytes), length, hash);
}

const Interner::Entry* Interner::intern(const char16_t* units, uint32_t length) {
    uint32_t h = hash_start();
    for (uint32_t i = 0; i < length; i++)
        h = hash_step(h, units[i]);
    return lookup_or_add(units, length, h);
}

template <typename Unit>
const Interner::Entry* Interner::lookup_or_add(const Unit* units, uint32_t length, uint32_t hash) {
    if (!m_table) return nullptr;
    uint32_t mask = m_capacity - 1;
    uint32_t i = hash & mask;
    while (Entry* e = m_table[i]) {
        if (e->hash == hash && e->name.length == length) {
            uint32_t k = 0;
            while (k < length && e->name.data[k] == char16_t(units[k]))
                k++;
            if (k == length) return e;
        }
        i = (i + 1) & mask;
    }
    char16_t* data = m_arena.make_array<char16_t>(length);
    Entry* e = m_arena.make<Entry>();
    if (!data || !e) return nullptr;
    for (uint32_t k = 0; k < length; k++)
        data[k] = char16_t(units[k]);
    e->name = AstString{data, length};
    e->hash = hash;
    e->keyword = keyword_of(units, length);
    m_table[i] = e;
    if (++m_count * 2 > m_capacity && !grow()) return nullptr;
    return e;
}

bool Interner::grow() {
    uint32_t cap = m_capacity * 2;
    Entry** table = m_arena.make_array<Entry*>(cap);
    if (!table) return false;
    std::memset(table, 0, sizeof(Entry*) * cap);
    for (uint32_t i = 0; i < m_capacity; i++) {
        if (Entry* e = m_table[i]) {
            uint32_t j = e->hash & (cap - 1);
            while (table[j])
                j = (j + 1) & (cap - 1);
            table[j] = e;
        }
    }
    m_table = table;
    m_capacity = cap;
    return true;
}

} // namespace qjs
