// Utf.cpp: see Utf.h.
#include "base/Utf.h"

namespace qjs::utf {

uint32_t decode_utf8(const uint8_t* s, size_t len, size_t& pos) {
    uint32_t b0 = s[pos];
    if (b0 < 0x80) {
        pos++;
        return b0;
    }
    // Sequence length and the allowed range of the second byte, which is what rules out
    // overlongs, surrogates and values above U+10FFFF.
    int need;
    uint32_t lo = 0x80, hi = 0xBF, cp;
    if (b0 >= 0xC2 && b0 <= 0xDF) {
        need = 1;
        cp = b0 & 0x1F;
    } else if (b0 >= 0xE0 && b0 <= 0xEF) {
        need = 2;
        cp = b0 & 0x0F;
        if (b0 == 0xE0)
            lo = 0xA0;
        else if (b0 == 0xED)
            hi = 0x9F;
    } else if (b0 >= 0xF0 && b0 <= 0xF4) {
        need = 3;
        cp = b0 & 0x07;
        if (b0 == 0xF0)
            lo = 0x90;
        else if (b0 == 0xF4)
            hi = 0x8F;
    } else {
        pos++;
        return kReplacementChar;
    }
    size_t i = pos + 1;
    for (int k = 0; k < need; k++, i++) {
        if (i >= len || s[i] < lo || s[i] > hi) {
            pos = i; // the well-formed prefix is replaced as one unit
            return kReplacementChar;
        }
        cp = (cp << 6) | (s[i] & 0x3F);
        lo = 0x80;
        hi = 0xBF;
    }
    pos = i;
    return cp;
}

size_t utf8_to_utf16_length(const uint8_t* s, size_t len) {
    size_t n = 0, pos = 0;
    while (pos < len) {
        if (s[pos] < 0x80) {
            pos++;
            n++;
            continue;
        }
        n += decode_utf8(s, len, pos) >= 0x10000 ? 2 : 1;
    }
    return n;
}

size_t utf8_to_utf16(const uint8_t* s, size_t len, char16_t* out) {
    size_t n = 0, pos = 0;
    while (pos < len) {
        if (s[pos] < 0x80) {
            out[n++] = char16_t(s[pos++]);
            continue;
        }
        n += encode_utf16(decode_utf8(s, len, pos), out + n);
    }
    return n;
}

bool utf8_is_latin1(const uint8_t* s, size_t len) {
    size_t pos = 0;
    while (pos < len) {
        if (s[pos] < 0x80) {
            pos++;
            continue;
        }
        if (decode_utf8(s, len, pos) > 0xFF) return false;
    }
    return true;
}

size_t utf8_to_latin1(const uint8_t* s, size_t len, uint8_t* out) {
    size_t n = 0, pos = 0;
    while (pos < len)
        out[n++] = uint8_t(decode_utf8(s, len, pos));
    return n;
}

size_t encode_utf8(uint32_t cp, uint8_t out[4]) {
    if (cp < 0x80) {
        out[0] = uint8_t(cp);
        return 1;
    }
    if (cp < 0x800) {
        out[0] = uint8_t(0xC0 | (cp >> 6));
        out[1] = uint8_t(0x80 | (cp & 0x3F));
        return 2;
    }
    if (cp < 0x10000) {
        out[0] = uint8_t(0xE0 | (cp >> 12));
        out[1] = uint8_t(0x80 | ((cp >> 6) & 0x3F));
        out[2] = uint8_t(0x80 | (cp & 0x3F));
        return 3;
    }
    out[0] = uint8_t(0xF0 | (cp >> 18));
    out[1] = uint8_t(0x80 | ((cp >> 12) & 0x3F));
    out[2] = uint8_t(0x80 | ((cp >> 6) & 0x3F));
    out[3] = uint8_t(0x80 | (cp & 0x3F));
    return 4;
}

size_t utf16_to_utf8_length(const char16_t* s, size_t len, Surrogates mode) {
    size_t n = 0, pos = 0;
    while (pos < len) {
        uint32_t cp = next_code_point(s, len, pos);
        if (cp < 0x80)
            n += 1;
        else if (cp < 0x800)
            n += 2;
        else if (cp < 0x10000)
            n += 3; // lone surrogates: 3 bytes either way (U+FFFD or WTF-8)
        else
            n += 4;
    }
    (void)mode;
    return n;
}

size_t utf16_to_utf8(const char16_t* s, size_t len, uint8_t* out, Surrogates mode) {
    size_t n = 0, pos = 0;
    while (pos < len) {
        uint32_t cp = next_code_point(s, len, pos);
        if (cp < 0x80) {
            out[n++] = uint8_t(cp);
            continue;
        }
        if (is_surrogate(cp) && mode == Surrogates::Replace) cp = kReplacementChar;
        n += encode_utf8(cp, out + n);
    }
    return n;
}

size_t latin1_to_utf8_length(const uint8_t* s, size_t len) {
    size_t n = len;
    for (size_t i = 0; i < len; i++)
        n += s[i] >> 7;
    return n;
}

size_t latin1_to_utf8(const uint8_t* s, size_t len, uint8_t* out) {
    size_t n = 0;
    for (size_t i = 0; i < len; i++) {
        uint8_t c = s[i];
        if (c < 0x80) {
            out[n++] = c;
        } else {
            out[n++] = uint8_t(0xC0 | (c >> 6));
            out[n++] = uint8_t(0x80 | (c & 0x3F));
        }
    }
    return n;
}

size_t encode_utf16(uint32_t cp, char16_t out[2]) {
    if (cp < 0x10000) {
        out[0] = char16_t(cp);
        return 1;
    }
    cp -= 0x10000;
    out[0] = char16_t(0xD800 | (cp >> 10));
    out[1] = char16_t(0xDC00 | (cp & 0x3FF));
    return 2;
}

uint32_t next_code_point(const char16_t* s, size_t len, size_t& pos) {
    uint32_t c = s[pos++];
    if (is_high_surrogate(c) && pos < len && is_low_surrogate(s[pos])) return combine_surrogates(c, s[pos++]);
    return c;
}

uint32_t prev_code_point(const char16_t* s, size_t& pos) {
    uint32_t c = s[--pos];
    if (is_low_surrogate(c) && pos > 0 && is_high_surrogate(s[pos - 1]))
        return combine_surrogates(s[--pos], c);
    return c;
}

bool is_latin1_only(const char16_t* s, size_t len) {
    // OR-reduce so the loop has no early exit and vectorizes; strings are mostly short.
    uint32_t acc = 0;
    for (size_t i = 0; i < len; i++)
        acc |= s[i];
    return acc <= 0xFF;
}

void utf16_to_latin1(const char16_t* s, size_t len, uint8_t* out) {
    for (size_t i = 0; i < len; i++)
        out[i] = uint8_t(s[i]);
}

void latin1_to_utf16(const uint8_t* s, size_t len, char16_t* out) {
    for (size_t i = 0; i < len; i++)
        out[i] = s[i];
}

bool is_well_formed_utf16(const char16_t* s, size_t len) {
    for (size_t i = 0; i < len; i++) {
        uint32_t c = s[i];
        if (!is_surrogate(c)) continue;
        if (is_high_surrogate(c) && i + 1 < len && is_low_surrogate(s[i + 1])) {
            i++;
            continue;
        }
        return false;
    }
    return true;
}

} // namespace qjs::utf
