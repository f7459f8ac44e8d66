// LexNumbers.cpp: numeric literals (decimal, exponent, hex/octal/binary, legacy octal, numeric
// separators, BigInt) and their conversion to double with correct rounding.
#include "base/NumberConversion.h"
#include "base/Unicode.h"
#include "lexer/CharClass.h"
#include "lexer/Lexer.h"

#include <cstdlib>
#include <cstring>

namespace qjs {

// Value of digits in a power-of-two radix, correctly rounded to the nearest double (ties to even).
static double power_of_two_radix_value(const char* digits, uint32_t count, int bits_per_digit) {
    uint64_t mantissa = 0;
    int exponent = 0; // value = mantissa * 2^exponent (before rounding)
    bool sticky = false;
    int used_bits = 0;
    for (uint32_t i = 0; i < count; i++) {
        uint64_t d = static_cast<uint64_t>(char_class::hex_value(digits[i]));
        if (used_bits == 0 && d == 0) continue;
        if (used_bits + bits_per_digit <= 64) {
            mantissa = (mantissa << bits_per_digit) | d;
            used_bits = used_bits == 0 ? 64 - __builtin_clzll(mantissa) : used_bits + bits_per_digit;
        } else {
            if (d) sticky = true;
            exponent += bits_per_digit;
        }
    }
    if (mantissa == 0) return 0;
    int width = 64 - __builtin_clzll(mantissa);
    if (width > 53) {
        int shift = width - 53;
        uint64_t dropped = mantissa & ((uint64_t(1) << shift) - 1);
        uint64_t half = uint64_t(1) << (shift - 1);
        mantissa >>= shift;
        exponent += shift;
        bool round_up = dropped > half || (dropped == half && (sticky || (mantissa & 1)));
        if (round_up) {
            mantissa++;
            if (mantissa >> 53) {
                mantissa >>= 1;
                exponent++;
            }
        }
    }
    double v = static_cast<double>(mantissa);
    while (exponent > 0) {
        int step = exponent > 60 ? 60 : exponent;
        v *= static_cast<double>(uint64_t(1) << step);
        exponent -= step;
    }
    return v;
}

// Correctly rounded decimal conversion of the scanned digits (separators already dropped).
static double decimal_value(const char* text, uint32_t length) {
    return parse_decimal_literal(text, length);
}

void Lexer::scan_number(Token& t) {
    uint32_t start = m_pos;
    auto at = [&](uint32_t i) -> char { return i < m_len ? m_src[i] : '\0'; };
    m_scratch_digits.clear();
    auto push = [&](char c) {
        if (!m_scratch_digits.push_back(m_arena, c)) m_out_of_memory = true;
    };
    // Scans digits accepted by `is_digit`, allowing single '_' between two digits.
    auto scan_digits = [&](auto is_digit_fn, bool allow_separators) -> bool {
        bool any = false;
        while (m_pos < m_len) {
            char c = m_src[m_pos];
            if (is_digit_fn(c)) {
                push(c);
                any = true;
                m_pos++;
            } else if (c == '_' && allow_separators) {
                if (!any || !is_digit_fn(at(m_pos + 1))) {
                    error(t, "invalid numeric separator");
                    return false;
                }
                m_pos++;
            } else if (c == '_') {
                error(t, "numeric separator not allowed here");
                return false;
            } else {
                break;
            }
        }
        return true;
    };
    auto is_dec = [](char c) { return c >= '0' && c <= '9'; };

    bool is_bigint = false;
    char c0 = m_src[m_pos];
    char c1 = at(m_pos + 1);
    if (c0 == '0' && (c1 == 'x' || c1 == 'X' || c1 == 'o' || c1 == 'O' || c1 == 'b' || c1 == 'B')) {
        char kind = static_cast<char>(c1 | 0x20);
        int bits = kind == 'x' ? 4 : kind == 'o' ? 3 : 1;
        m_pos += 2;
        bool ok;
        if (kind == 'x')
            ok = scan_digits([](char c) { return char_class::hex_value(c) >= 0; }, true);
        else if (kind == 'o')
            ok = scan_digits([](char c) { return c >= '0' && c <= '7'; }, true);
        else
            ok = scan_digits([](char c) { return c == '0' || c == '1'; }, true);
        if (!ok) return;
        if (m_scratch_digits.empty()) {
            error(t, "missing digits after radix prefix");
            return;
        }
        if (at(m_pos) == 'n') {
            m_pos++;
            is_bigint = true;
            // Keep the prefix for the BigInt text.
            char* text = m_arena.make_array<char>(m_scratch_digits.size() + 2);
            if (!text) {
                m_out_of_memory = true;
                error(t, "out of memory");
                return;
            }
            text[0] = '0';
            text[1] = kind;
            std::memcpy(text + 2, m_scratch_digits.data(), m_scratch_digits.size());
            t.bigint_digits = text;
            t.bigint_length = m_scratch_digits.size() + 2;
        } else {
            t.number = power_of_two_radix_value(m_scratch_digits.data(), m_scratch_digits.size(), bits);
        }
    } else if (c0 == '0' && is_dec(c1)) {
        // Annex B legacy octal (017) or NonOctalDecimalIntegerLiteral (08, 019): no separators.
        t.legacy_octal = true;
        if (!scan_digits(is_dec, false)) return;
        bool octal = true;
        for (char c : m_scratch_digits)
            if (c >= '8') octal = false;
        if (octal) {
            t.number = power_of_two_radix_value(m_scratch_digits.data(), m_scratch_digits.size(), 3);
        } else {
            // Decimal: may continue with a fraction and exponent.
            if (at(m_pos) == '.') {
                push('.');
                m_pos++;
                if (!scan_digits(is_dec, true)) return;
            }
            if (at(m_pos) == 'e' || at(m_pos) == 'E') {
                push('e');
                m_pos++;
                if (at(m_pos) == '+' || at(m_pos) == '-') push(m_src[m_pos++]);
                uint32_t before = m_scratch_digits.size();
                if (!scan_digits(is_dec, true)) return;
                if (m_scratch_digits.size() == before) {
                    error(t, "missing exponent digits");
                    return;
                }
            }
            t.number = decimal_value(m_scratch_digits.data(), m_scratch_digits.size());
        }
    } else {
        bool is_integer = true;
        if (c0 == '0' && c1 == '_') {
            m_pos++;
            error(t, "numeric separator not allowed after leading 0");
            return;
        }
        if (c0 != '.') {
            if (!scan_digits(is_dec, true)) return;
        }
        if (at(m_pos) == '.') {
            is_integer = false;
            push('.');
            m_pos++;
            if (at(m_pos) == '_') {
                error(t, "invalid numeric separator");
                return;
            }
            if (!scan_digits(is_dec, true)) return;
        }
        if (at(m_pos) == 'e' || at(m_pos) == 'E') {
            is_integer = false;
            push('e');
            m_pos++;
            if (at(m_pos) == '+' || at(m_pos) == '-') push(m_src[m_pos++]);
            if (!is_dec(at(m_pos))) {
                error(t, "missing exponent digits");
                return;
            }
            if (!scan_digits(is_dec, true)) return;
        }
        if (is_integer && at(m_pos) == 'n') {
            m_pos++;
            is_bigint = true;
            char* text = m_arena.make_array<char>(m_scratch_digits.size());
            if (!text) {
                m_out_of_memory = true;
                error(t, "out of memory");
                return;
            }
            std::memcpy(text, m_scratch_digits.data(), m_scratch_digits.size());
            t.bigint_digits = text;
            t.bigint_length = m_scratch_digits.size();
        } else if (is_integer && m_scratch_digits.size() <= 15) {
            double v = 0;
            for (char c : m_scratch_digits)
                v = v * 10 + (c - '0');
            t.number = v;
        } else {
            t.number = decimal_value(m_scratch_digits.data(), m_scratch_digits.size());
        }
    }
    if (m_out_of_memory) {
        error(t, "out of memory");
        return;
    }
    // The source character immediately following a NumericLiteral must not be an
    // IdentifierStart or DecimalDigit.
    if (m_pos < m_len) {
        unsigned char c = static_cast<unsigned char>(m_src[m_pos]);
        bool bad = char_class::is_ascii_id_part(c) || c == '\\';
        if (c >= 0x80) {
            uint32_t cp, size;
            if (decode_utf8(m_pos, cp, size) && char_class::is_id_start_cp(cp)) bad = true;
        }
        if (bad) {
            error(t, "identifier starts immediately after numeric literal");
            return;
        }
    }
    (void)start;
    t.type = is_bigint ? Tok::BigInt : Tok::Number;
}

} // namespace qjs
