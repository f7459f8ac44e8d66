// RegExpCache.cpp: the per-runtime table of compiled regexp programs (RegExpCache.h).
#include "regexp/RegExpCache.h"

#include "runtime/String.h"

#include <cstdio>
#include <cstring>

namespace qjs {

namespace {

// One cached program: this header, the pattern's UTF-16 units, then the program's words.
struct CachedProgram {
    uint32_t hash;
    uint32_t flags;
    uint32_t length; // pattern code units
    uint32_t words;  // program size
    static size_t program_offset(uint32_t length) {
        return (sizeof(CachedProgram) + length * sizeof(char16_t) + 3) & ~size_t(3);
    }
    char16_t* pattern() { return reinterpret_cast<char16_t*>(this + 1); }
    uint32_t* program() {
        return reinterpret_cast<uint32_t*>(reinterpret_cast<char*>(this) + program_offset(length));
    }
};

constexpr uint32_t kSlots = 64;              // direct-mapped by hash
constexpr uint32_t kMaxPatternLength = 1024; // longer patterns are compiled every time
constexpr uint32_t kMaxProgramWords = 8192;  // bounds the table at about 2.2 MB

uint32_t key_hash(const String* s, uint32_t flags) {
    uint32_t h = s->is_wide() ? String::hash_chars(s->utf16(), s->length())
                              : String::hash_chars(s->latin1(), s->length());
    return h ^ (flags * 0x9E3779B1u);
}

bool same_pattern(CachedProgram* e, uint32_t hash, uint32_t flags, const String* s) {
    if (e->hash != hash || e->flags != flags || e->length != s->length()) return false;
    const char16_t* p = e->pattern();
    if (s->is_wide()) return memcmp(p, s->utf16(), e->length * sizeof(char16_t)) == 0;
    const uint8_t* l = s->latin1();
    for (uint32_t i = 0; i < e->length; ++i)
        if (p[i] != l[i]) return false;
    return true;
}

uint32_t* copy_words(Runtime& rt, const uint32_t* words, size_t count, regexp::CompileError& error) {
    auto* code = static_cast<uint32_t*>(rt.alloc(count * sizeof(uint32_t)));
    if (!code) {
        error.out_of_memory = true;
        snprintf(error.message, sizeof error.message, "out of memory");
        return nullptr;
    }
    memcpy(code, words, count * sizeof(uint32_t));
    return code;
}

} // namespace

struct RegExpCache {
    CachedProgram* slots[kSlots] = {};
};

namespace regexp {

uint32_t* compile_program(Runtime& rt, const String* pattern, uint32_t flags, CompileError& error) {
    uint32_t length = pattern->length();
    bool cacheable = length <= kMaxPatternLength;
    uint32_t hash = cacheable ? key_hash(pattern, flags) : 0;
    CachedProgram** slot = nullptr;
    if (cacheable && rt.m_regexp_cache) {
        slot = &rt.m_regexp_cache->slots[hash % kSlots];
        if (*slot && same_pattern(*slot, hash, flags, pattern))
            return copy_words(rt, (*slot)->program(), (*slot)->words, error);
    }
    Vector<char16_t> units(length);
    for (uint32_t i = 0; i < length; ++i)
        units[i] = pattern->at(i);
    Program program;
    if (!compile(units.data(), length, flags, program, error)) return nullptr;
    uint32_t* code = copy_words(rt, program.words.data(), program.words.size(), error);
    if (!code || !cacheable || program.words.size() > kMaxProgramWords) return code;
    // Remember the program. Failing to allocate the table or the entry only skips this.
    if (!rt.m_regexp_cache) {
        void* mem = rt.alloc(sizeof(RegExpCache));
        if (!mem) return code;
        rt.m_regexp_cache = new (mem) RegExpCache();
    }
    slot = &rt.m_regexp_cache->slots[hash % kSlots];
    auto words = uint32_t(program.words.size());
    auto* entry = static_cast<CachedProgram*>(
        rt.alloc(CachedProgram::program_offset(length) + words * sizeof(uint32_t)));
    if (!entry) return code;
    *entry = CachedProgram{hash, flags, length, words};
    if (length) memcpy(entry->pattern(), units.data(), length * sizeof(char16_t)); // (data() may be null)
    memcpy(entry->program(), code, words * sizeof(uint32_t));
    if (*slot) rt.free(*slot);
    *slot = entry;
    return code;
}

void destroy_program_cache(Runtime& rt) {
    RegExpCache* cache = rt.m_regexp_cache;
    if (!cache) return;
    for (CachedProgram* e : cache->slots)
        if (e) rt.free(e);
    rt.free(cache);
    rt.m_regexp_cache = nullptr;
}

} // namespace regexp
} // namespace qjs
