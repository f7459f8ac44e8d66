// Unicode.cpp: property lookups over the generated tables in UnicodeTables.inc
// (tools/gen/gen_unicode.py, Unicode 17.0). ASCII and Latin-1 are answered without tables because
// the lexer and the string builtins mostly see those.
#include "base/Unicode.h"

#include "base/Utf.h"

namespace qjs::unicode {

namespace {

// The tables are packed for the module size of the wasm build (tools/gen/gen_unicode.py):
// a range is one word, first code point << 11 | (last - first), at most 2047 apart.
constexpr uint32_t kRangeLengthBits = 11;

// Code points start, start + stride, ... (count of them) map to cp + delta; `packed` is
// start << 8 | (stride - 1) << 7 | (count - 1).
struct CaseRun {
    uint32_t packed;
    int32_t delta;
};

// A case mapping to more than one code point (SpecialCasing.txt, unconditional entries); all of them
// are in the BMP. Unused outputs are 0.
struct SpecialCase {
    uint16_t cp;
    uint16_t out[3];
};

#include "base/UnicodeTables.inc"

template <size_t N> bool in_ranges(const uint32_t (&table)[N], uint32_t cp) {
    // The last range starting at or before cp is the only candidate (ranges do not overlap);
    // cp << 11 | 0x7FF is at or above exactly the words of those ranges.
    if (cp > 0x10FFFF) return false; // beyond Unicode (and beyond the 21 bits of a packed start)
    uint32_t key = cp << kRangeLengthBits | ((1u << kRangeLengthBits) - 1);
    size_t lo = 0, hi = N;
    while (lo < hi) {
        size_t mid = (lo + hi) / 2;
        if (table[mid] <= key)
            lo = mid + 1;
        else
            hi = mid;
    }
    if (lo == 0) return false;
    uint32_t word = table[lo - 1];
    return cp - (word >> kRangeLengthBits) <= (word & ((1u << kRangeLengthBits) - 1));
}

template <size_t N> uint32_t map_runs(const CaseRun (&table)[N], uint32_t cp) {
    // Last run whose start <= cp; runs never overlap, so it is the only candidate.
    size_t lo = 0, hi = N;
    while (lo < hi) {
        size_t mid = (lo + hi) / 2;
        if ((table[mid].packed >> 8) <= cp)
            lo = mid + 1;
        else
            hi = mid;
    }
    if (lo == 0) return cp;
    const CaseRun& r = table[lo - 1];
    uint32_t off = cp - (r.packed >> 8);
    uint32_t stride = ((r.packed >> 7) & 1) + 1, count = (r.packed & 0x7F) + 1;
    if (off / stride < count && off % stride == 0) return uint32_t(int32_t(cp) + r.delta);
    return cp;
}

template <size_t N> const SpecialCase* find_special(const SpecialCase (&table)[N], uint32_t cp) {
    size_t lo = 0, hi = N;
    while (lo < hi) {
        size_t mid = (lo + hi) / 2;
        if (table[mid].cp < cp)
            lo = mid + 1;
        else
            hi = mid;
    }
    return lo < N && table[lo].cp == cp ? &table[lo] : nullptr;
}

int write_special(const SpecialCase* s, uint32_t out[3]) {
    int count = 0;
    while (count < 3 && s->out[count] != 0) {
        out[count] = s->out[count];
        count++;
    }
    return count;
}

bool is_ascii_alpha(uint32_t c) {
    return ((c | 0x20) - 'a') < 26;
}

// Latin-1 letters that are ID_Start: ª µ º and the À..ÿ block minus × and ÷.
bool is_latin1_id_start(uint32_t c) {
    return c == 0xAA || c == 0xB5 || c == 0xBA || (c >= 0xC0 && c != 0xD7 && c != 0xF7);
}

} // namespace

bool is_id_start(uint32_t c) {
    if (c < 0x80) return is_ascii_alpha(c) || c == '$' || c == '_';
    if (c < 0x100) return is_latin1_id_start(c);
    return in_ranges(kIdStartRanges, c);
}

bool is_id_continue(uint32_t c) {
    if (c < 0x80) return is_ascii_alpha(c) || (c - '0') < 10 || c == '$' || c == '_';
    if (c < 0x100) return is_latin1_id_start(c) || c == 0xB7;
    if (c == 0x200C || c == 0x200D) return true;
    return in_ranges(kIdContinueRanges, c);
}

bool is_space(uint32_t c) {
    if (c < 0x100) return c == 9 || c == 0xB || c == 0xC || c == 0x20 || c == 0xA0;
    return c == 0xFEFF || in_ranges(kSpaceSeparatorRanges, c);
}

bool is_line_terminator(uint32_t c) {
    return c == 0xA || c == 0xD || c == 0x2028 || c == 0x2029;
}

int to_upper_full(uint32_t c, uint32_t out[3]) {
    if (c < 0x80) {
        out[0] = (c - 'a') < 26 ? c - 32 : c;
        return 1;
    }
    if (c < 0x100) {
        if (c == 0xDF) { // ß -> SS
            out[0] = out[1] = 'S';
            return 2;
        }
        if (c == 0xB5)
            out[0] = 0x39C; // µ -> Greek capital mu
        else if (c == 0xFF)
            out[0] = 0x178; // ÿ -> Ÿ
        else if (c >= 0xE0 && c != 0xF7)
            out[0] = c - 32;
        else
            out[0] = c;
        return 1;
    }
    if (const SpecialCase* s = find_special(kUpperSpecial, c)) return write_special(s, out);
    out[0] = map_runs(kUpperRuns, c);
    return 1;
}

int to_lower_full(uint32_t c, uint32_t out[3]) {
    if (c < 0x100) {
        out[0] = ((c - 'A') < 26 || (c >= 0xC0 && c <= 0xDE && c != 0xD7)) ? c + 32 : c;
        return 1;
    }
    // Only U+0130 lowers to two code points. U+03A3 maps to U+03C3 here: the final-sigma rule
    // depends on context, which the String builtin checks.
    if (const SpecialCase* s = find_special(kLowerSpecial, c)) return write_special(s, out);
    out[0] = map_runs(kLowerRuns, c);
    return 1;
}

uint32_t fold_case_simple(uint32_t c) {
    if (c < 0x100) {
        if ((c - 'A') < 26 || (c >= 0xC0 && c <= 0xDE && c != 0xD7)) return c + 32;
        return c == 0xB5 ? 0x3BC : c; // µ folds to Greek small mu
    }
    return map_runs(kFoldRuns, c);
}

bool is_cased(uint32_t c) {
    if (c < 0x80) return is_ascii_alpha(c);
    return in_ranges(kCasedRanges, c);
}

bool is_case_ignorable(uint32_t c) {
    if (c < 0x80) return c == '\'' || c == '.' || c == ':' || c == '^' || c == '`';
    return in_ranges(kCaseIgnorableRanges, c);
}

bool is_final_sigma(const char16_t* s, size_t len, size_t i) {
    // A character that is both cased and case-ignorable (e.g. U+02B0) can be the cased letter,
    // so test cased first in both directions.
    size_t pos = i;
    bool before = false;
    while (pos > 0) {
        uint32_t c = utf::prev_code_point(s, pos);
        if (is_cased(c)) {
            before = true;
            break;
        }
        if (!is_case_ignorable(c)) break;
    }
    if (!before) return false;
    pos = i + 1;
    while (pos < len) {
        uint32_t c = utf::next_code_point(s, len, pos);
        if (is_cased(c)) return false;
        if (!is_case_ignorable(c)) break;
    }
    return true;
}

} // namespace qjs::unicode
