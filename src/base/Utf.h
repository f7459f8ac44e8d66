// Utf.h: UTF-8 / UTF-16 / Latin-1 conversions and UTF-16 code point iteration.
//
// Converters write into caller-provided buffers; call the matching *_length function first to
// size the buffer. Nothing here allocates.
#pragma once

#include <cstddef>
#include <cstdint>

namespace qjs::utf {

inline constexpr uint32_t kReplacementChar = 0xFFFD;

inline bool is_high_surrogate(uint32_t c) {
    return (c & 0xFFFFFC00) == 0xD800; // full mask: callers pass code points above U+FFFF too
}
inline bool is_low_surrogate(uint32_t c) {
    return (c & 0xFFFFFC00) == 0xDC00;
}
inline bool is_surrogate(uint32_t c) {
    return (c & 0xFFFFF800) == 0xD800;
}
inline uint32_t combine_surrogates(uint32_t hi, uint32_t lo) {
    return 0x10000 + ((hi - 0xD800) << 10) + (lo - 0xDC00);
}

// ---- UTF-8 decoding ----

// Decodes one code point at s[pos] (pos < len) and advances pos. Ill-formed input yields U+FFFD
// per maximal ill-formed subpart (Unicode ch. 3 / WHATWG): overlongs, surrogates (ED A0..BF),
// values above U+10FFFF, stray continuation bytes and truncated sequences.
uint32_t decode_utf8(const uint8_t* s, size_t len, size_t& pos);

// Number of UTF-16 code units utf8_to_utf16 will write.
size_t utf8_to_utf16_length(const uint8_t* s, size_t len);
// Decodes UTF-8 into `out` (utf8_to_utf16_length units); returns units written.
size_t utf8_to_utf16(const uint8_t* s, size_t len, char16_t* out);

// True if the decoded text has only code points <= U+00FF (so it fits a Latin-1 string).
// Ill-formed input decodes to U+FFFD and therefore answers false.
bool utf8_is_latin1(const uint8_t* s, size_t len);
// Decodes UTF-8 text for which utf8_is_latin1 holds; `out` needs utf8_to_utf16_length bytes.
size_t utf8_to_latin1(const uint8_t* s, size_t len, uint8_t* out);

// ---- UTF-8 encoding ----

enum class Surrogates {
    Replace,  // lone surrogates become U+FFFD: valid UTF-8, for terminals and files
    Preserve, // lone surrogates are encoded as 3-byte sequences (WTF-8): round-trips any string
};

// Encodes one code point (<= U+10FFFF; surrogates encoded as is); returns bytes (1..4).
size_t encode_utf8(uint32_t cp, uint8_t out[4]);

size_t utf16_to_utf8_length(const char16_t* s, size_t len, Surrogates mode);
size_t utf16_to_utf8(const char16_t* s, size_t len, uint8_t* out, Surrogates mode);

size_t latin1_to_utf8_length(const uint8_t* s, size_t len);
size_t latin1_to_utf8(const uint8_t* s, size_t len, uint8_t* out);

// ---- UTF-16 ----

// Encodes one code point as 1 or 2 UTF-16 units; returns the count.
size_t encode_utf16(uint32_t cp, char16_t out[2]);

// Code point at s[pos] (pos < len), pairing surrogates; lone surrogates are returned as is
// (String.prototype.codePointAt semantics). Advances pos by 1 or 2.
uint32_t next_code_point(const char16_t* s, size_t len, size_t& pos);
// Code point ending just before s[pos] (pos > 0); moves pos back by 1 or 2.
uint32_t prev_code_point(const char16_t* s, size_t& pos);

// True if every unit is <= 0xFF (the string can be stored as Latin-1).
bool is_latin1_only(const char16_t* s, size_t len);
// Narrows units known to be <= 0xFF.
void utf16_to_latin1(const char16_t* s, size_t len, uint8_t* out);
// Widens Latin-1 to UTF-16.
void latin1_to_utf16(const uint8_t* s, size_t len, char16_t* out);

// True if there is no lone surrogate (String.prototype.isWellFormed).
bool is_well_formed_utf16(const char16_t* s, size_t len);

} // namespace qjs::utf
