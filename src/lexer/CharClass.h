// CharClass.h: ASCII character classification for the lexer's fast paths.
#pragma once

#include "base/Unicode.h"

#include <cstdint>

namespace qjs::char_class {

enum : uint8_t { IdStart = 1, IdPart = 2, Digit = 4, Hex = 8 };

struct Table {
    uint8_t bits[256];
    constexpr Table() : bits() {
        for (int c = 0; c < 128; c++) {
            uint8_t b = 0;
            if ((c >= 'a' && c <= 'z') || (c >= 'A' && c <= 'Z') || c == '$' || c == '_')
                b |= IdStart | IdPart;
            if (c >= '0' && c <= '9') b |= IdPart | Digit | Hex;
            if ((c >= 'a' && c <= 'f') || (c >= 'A' && c <= 'F')) b |= Hex;
            bits[c] = b;
        }
    }
};
inline constexpr Table k_table{};

inline bool is_ascii_id_start(unsigned char c) {
    return k_table.bits[c] & IdStart;
}
inline bool is_ascii_id_part(unsigned char c) {
    return k_table.bits[c] & IdPart;
}
inline bool is_digit(char c) {
    return c >= '0' && c <= '9';
}
inline int hex_value(char ch) {
    unsigned char c = static_cast<unsigned char>(ch);
    if (c >= '0' && c <= '9') return c - '0';
    if (c >= 'a' && c <= 'f') return c - 'a' + 10;
    if (c >= 'A' && c <= 'F') return c - 'A' + 10;
    return -1;
}

// Identifier code points beyond ASCII. White space and line terminators are never ID_Start or
// ID_Continue; excluding them here keeps the lexer correct even with approximate Unicode tables.
inline bool is_id_start_cp(uint32_t cp) {
    return !unicode::is_space(cp) && !unicode::is_line_terminator(cp) && unicode::is_id_start(cp);
}
inline bool is_id_continue_cp(uint32_t cp) {
    return !unicode::is_space(cp) && !unicode::is_line_terminator(cp) && unicode::is_id_continue(cp);
}

} // namespace qjs::char_class
