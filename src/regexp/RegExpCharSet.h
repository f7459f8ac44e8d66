// RegExpCharSet.h: sets of code points as sorted, disjoint half-open ranges [lo, hi), with the
// set algebra character classes need, and the case-related queries of the regexp engine.
#pragma once

#include "runtime/Runtime.h"

#include <cstdint>

namespace qjs::regexp {

constexpr uint32_t kMaxCodePoint = 0x10FFFF;

class CharSet {
  public:
    void add(uint32_t c) { add_range(c, c); }
    void add_range(uint32_t lo, uint32_t hi_inclusive); // keeps the ranges normalized
    void add_set(const CharSet& other);
    // Complement within [0, limit].
    void invert(uint32_t limit);
    void intersect(const CharSet& other);
    void subtract(const CharSet& other);
    bool contains(uint32_t c) const;
    bool empty() const { return m_r.empty(); }
    // Adds Canonicalize(c) for every member c (so that Canonicalize(ch) in set == "ch matches").
    void close_over_case(bool unicode);
    // Adds every character whose simple case folding is in the set (v-mode MaybeSimpleCaseFolding
    // needs the folded set; matching then canonicalizes the input).
    size_t range_count() const { return m_r.size() / 2; }
    uint32_t lo(size_t i) const { return m_r[2 * i]; }
    uint32_t hi(size_t i) const { return m_r[2 * i + 1]; } // exclusive
    const Vector<uint32_t>& ranges() const { return m_r; }
    bool operator==(const CharSet& o) const { return m_r == o.m_r; }

  private:
    Vector<uint32_t> m_r; // lo0, hi0, lo1, hi1, ... (hi exclusive)
};

// Canonicalize (22.2.2.7.3): simple case folding in u/v mode, else the toUppercase rule.
uint32_t canonicalize_slow(uint32_t ch, bool unicode);
inline uint32_t canonicalize(uint32_t ch, bool unicode) {
    // Fast path: ASCII, inline.
    if (ch < 128) {
        if (unicode) return (ch - 'A') < 26 ? ch + 32 : ch;
        return (ch - 'a') < 26 ? ch - 32 : ch;
    }
    return canonicalize_slow(ch, unicode);
}
// Every code point whose Canonicalize differs from itself, ascending (for closing sets).
const uint32_t* case_changing_chars(bool unicode, size_t* count);

// \p{...}: fills `out` and returns true when name[=value] is a supported property.
bool unicode_property(const char* name, const char* value, CharSet& out);
// A property of strings (v mode: Basic_Emoji, Emoji_Keycap_Sequence, RGI_Emoji and the RGI_Emoji_*
// sequence lists): passes each of its strings, as code points (at most 16), to `add`. 1 when `name` is
// one, 0 when not, -1 when `add` failed.
using StringSink = bool (*)(void* opaque, const uint32_t* cps, size_t n);
int unicode_string_property(const char* name, StringSink add, void* opaque);

} // namespace qjs::regexp
