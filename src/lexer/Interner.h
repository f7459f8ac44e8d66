// Interner.h: per-parse identifier table. Equal names get the same AstString data pointer, and
// the table also remembers which keyword (if any) a name spells, so the lexer classifies an
// identifier with a single hash lookup.
#pragma once

#include "lexer/Tokens.h"
#include "parser/Arena.h"

namespace qjs {

class Interner {
  public:
    struct Entry {
        AstString name;
        uint32_t hash;
        Tok keyword; // Tok::Identifier when the name is not a keyword/contextual word
    };

    explicit Interner(Arena& arena);

    static uint32_t hash_start() { return 2166136261u; }
    static uint32_t hash_step(uint32_t h, uint32_t unit) { return (h ^ unit) * 16777619u; }

    // `bytes` must be ASCII; `hash` is the hash_step chain over them. Returns nullptr on OOM.
    const Entry* intern_ascii(const char* bytes, uint32_t length, uint32_t hash);
    const Entry* intern(const char16_t* units, uint32_t length);
    const Entry* intern_ascii(const char* cstr);

  private:
    template <typename Unit> const Entry* lookup_or_add(const Unit* units, uint32_t length, uint32_t hash);
    bool grow();

    Arena& m_arena;
    Entry** m_table = nullptr;
    uint32_t m_capacity = 0; // power of two
    uint32_t m_count = 0;
};

} // namespace qjs
