// Unicode.h: character property queries the lexer and the string builtins need.
#pragma once

#include <cstddef>
#include <cstdint>

namespace qjs::unicode {

bool is_id_start(uint32_t cp);        // ID_Start plus '$' and '_'
bool is_id_continue(uint32_t cp);     // ID_Continue plus '$', U+200C, U+200D
bool is_space(uint32_t cp);           // ECMAScript WhiteSpace (TAB, VT, FF, SP, NBSP, ZWNBSP, Zs)
bool is_line_terminator(uint32_t cp); // LF, CR, LS, PS

// Full case mappings (SpecialCasing without language tailoring). Writes up to 3 code points to
// `out` and returns how many were written.
int to_upper_full(uint32_t cp, uint32_t out[3]);
int to_lower_full(uint32_t cp, uint32_t out[3]);
// Simple case folding (CaseFolding.txt, statuses C and S), for the regexp engine.
uint32_t fold_case_simple(uint32_t cp);

// Derived properties used by the Final_Sigma rule of String.prototype.toLowerCase.
bool is_cased(uint32_t cp);
bool is_case_ignorable(uint32_t cp);
// Final_Sigma (SpecialCasing.txt) for the U+03A3 at s[i] of UTF-16 text: preceded by a cased
// letter and then zero or more case-ignorable characters, and not followed by zero or more
// case-ignorable characters and then a cased letter. If true, U+03A3 lowers to U+03C2.
bool is_final_sigma(const char16_t* s, size_t len, size_t i);

} // namespace qjs::unicode
