// LexStrings.cpp: string literals, template literals and regular expression literals.
#include "base/Unicode.h"
#include "lexer/CharClass.h"
#include "lexer/Lexer.h"

#include <cstring>

namespace qjs {

// Decodes one escape sequence; m_pos is just after the backslash. `in_template` makes legacy octal
// and \8 \9 invalid (instead of flagged). Appends to `out`.
static bool push_units(Arena& arena, ArenaVector<char16_t>& out, uint32_t cp) {
    char16_t units[2];
    uint32_t n = append_utf16(units, cp);
    for (uint32_t i = 0; i < n; i++)
        if (!out.push_back(arena, units[i])) return false;
    return true;
}

int Lexer::scan_escape(ArenaVector<char16_t>& out, bool in_template) {
    // Returns 0 ok, 1 invalid, 2 legacy octal (ok, flagged), -1 out of memory.
    if (m_pos >= m_len) return 1;
    unsigned char c = static_cast<unsigned char>(m_src[m_pos]);
    uint32_t cp;
    switch (c) {
    case 'n':
        cp = '\n';
        m_pos++;
        break;
    case 't':
        cp = '\t';
        m_pos++;
        break;
    case 'r':
        cp = '\r';
        m_pos++;
        break;
    case 'b':
        cp = '\b';
        m_pos++;
        break;
    case 'f':
        cp = '\f';
        m_pos++;
        break;
    case 'v':
        cp = '\v';
        m_pos++;
        break;
    case '\r':
        m_pos++;
        if (m_pos < m_len && m_src[m_pos] == '\n') m_pos++;
        new_line(m_pos);
        return 0;
    case '\n':
        m_pos++;
        new_line(m_pos);
        return 0;
    case 'x': {
        m_pos++;
        int h1 = m_pos < m_len ? char_class::hex_value(m_src[m_pos]) : -1;
        int h2 = m_pos + 1 < m_len ? char_class::hex_value(m_src[m_pos + 1]) : -1;
        if (h1 < 0 || h2 < 0) return 1;
        m_pos += 2;
        cp = static_cast<uint32_t>(h1 * 16 + h2);
        break;
    }
    case 'u':
        m_pos++;
        if (!scan_unicode_escape(cp)) return 1;
        // \uD83D\uDE00 stays two units; append_utf16 of a surrogate value yields that unit.
        break;
    case '0':
        if (!(m_pos + 1 < m_len && char_class::is_digit(m_src[m_pos + 1]))) {
            cp = 0;
            m_pos++;
            break;
        }
        [[fallthrough]];
    case '1':
    case '2':
    case '3':
    case '4':
    case '5':
    case '6':
    case '7': {
        if (in_template) return 1;
        uint32_t value = c - '0';
        m_pos++;
        // ZeroToThree OctalDigit OctalDigit | FourToSeven OctalDigit
        if (m_pos < m_len && m_src[m_pos] >= '0' && m_src[m_pos] <= '7') {
            value = value * 8 + static_cast<uint32_t>(m_src[m_pos] - '0');
            m_pos++;
            if (c <= '3' && m_pos < m_len && m_src[m_pos] >= '0' && m_src[m_pos] <= '7') {
                value = value * 8 + static_cast<uint32_t>(m_src[m_pos] - '0');
                m_pos++;
            }
        }
        if (!push_units(m_arena, out, value)) return -1;
        return 2;
    }
    case '8':
    case '9':
        if (in_template) return 1;
        m_pos++;
        if (!push_units(m_arena, out, c)) return -1;
        return 2;
    default:
        if (c >= 0x80) {
            uint32_t size;
            if (!decode_utf8(m_pos, cp, size)) return 1;
            m_pos += size;
            if (cp == 0x2028 || cp == 0x2029) {
                new_line(m_pos); // line continuation
                return 0;
            }
            note_multibyte(cp, size);
            break;
        }
        cp = c;
        m_pos++;
        break;
    }
    if (!push_units(m_arena, out, cp)) return -1;
    return 0;
}

void Lexer::scan_string(Token& t, char quote) {
    uint32_t begin = m_pos;
    // Fast path: no escapes and no line breaks; decode straight into the arena.
    uint32_t i = m_pos;
    bool non_ascii = false;
    while (i < m_len) {
        unsigned char c = static_cast<unsigned char>(m_src[i]);
        if (c == static_cast<unsigned char>(quote) || c == '\\' || c == '\n' || c == '\r') break;
        if (c >= 0x80) non_ascii = true;
        i++;
    }
    if (i < m_len && m_src[i] == quote) {
        uint32_t n = i - begin;
        char16_t* data = m_arena.make_array<char16_t>(n);
        if (!data) {
            m_out_of_memory = true;
            error(t, "out of memory");
            return;
        }
        uint32_t k = 0;
        if (!non_ascii) {
            for (uint32_t j = begin; j < i; j++)
                data[k++] = static_cast<unsigned char>(m_src[j]);
        } else {
            uint32_t j = begin;
            while (j < i) {
                unsigned char c = static_cast<unsigned char>(m_src[j]);
                if (c < 0x80) {
                    data[k++] = c;
                    j++;
                    continue;
                }
                uint32_t cp, size;
                if (!decode_utf8(j, cp, size)) {
                    error_at(t, j, "invalid UTF-8 in string literal");
                    return;
                }
                m_pos = j;
                note_multibyte(cp, size);
                k += append_utf16(data + k, cp);
                j += size;
            }
        }
        m_pos = i + 1;
        t.value = AstString{data, k};
        t.type = Tok::String;
        return;
    }
    // The value has at most one UTF-16 unit per source byte: its own buffer of that size at once, kept as
    // the value. Growing the shared buffer by doubling and copying the result out would leave about
    // three times a long literal's size behind in the arena.
    m_scratch = ArenaVector<char16_t>();
    if (!m_scratch.reserve(m_arena, string_literal_bytes(quote) + 1)) { // never a null value
        m_out_of_memory = true;
        error(t, "out of memory");
        return;
    }
    while (true) {
        if (m_pos >= m_len) {
            error_at(t, t.start, "unterminated string literal");
            return;
        }
        unsigned char c = static_cast<unsigned char>(m_src[m_pos]);
        if (c == static_cast<unsigned char>(quote)) {
            m_pos++;
            break;
        }
        if (c == '\n' || c == '\r') {
            error_at(t, t.start, "unterminated string literal");
            return;
        }
        if (c == '\\') {
            uint32_t esc = m_pos;
            m_pos++;
            int r = scan_escape(m_scratch, false);
            if (r == 1) {
                error_at(t, esc, "invalid escape sequence in string literal");
                return;
            }
            if (r < 0) {
                m_out_of_memory = true;
                error(t, "out of memory");
                return;
            }
            if (r == 2 && !t.legacy_octal) {
                t.legacy_octal = true;
                t.escape_error_offset = esc;
                t.escape_error_line = m_line;
                t.escape_error_column = column_at(esc);
            }
            continue;
        }
        uint32_t cp = c;
        if (c >= 0x80) {
            uint32_t size;
            if (!decode_utf8(m_pos, cp, size)) {
                error(t, "invalid UTF-8 in string literal");
                return;
            }
            note_multibyte(cp, size);
            m_pos += size;
        } else {
            m_pos++;
        }
        if (!push_units(m_arena, m_scratch, cp)) {
            m_out_of_memory = true;
            error(t, "out of memory");
            return;
        }
    }
    t.value = AstString{m_scratch.data(), m_scratch.size()};
    m_scratch = ArenaVector<char16_t>(); // the value owns that buffer now
    t.type = Tok::String;
}

// The source bytes from m_pos to the closing quote: the first quote after an even number of
// backslashes (memchr: this runs once per literal with escapes, over its whole length). 0 when no quote
// follows (unterminated: the buffer grows as it goes, until the error).
uint32_t Lexer::string_literal_bytes(char quote) const {
    uint32_t from = m_pos;
    while (from < m_len) {
        const void* found = std::memchr(m_src + from, quote, m_len - from);
        if (!found) return 0;
        uint32_t at = static_cast<uint32_t>(static_cast<const char*>(found) - m_src);
        uint32_t k = at;
        while (k > m_pos && m_src[k - 1] == '\\')
            k--;
        if (((at - k) & 1) == 0) return at - m_pos;
        from = at + 1;
    }
    return 0;
}

void Lexer::rescan_template_continuation(Token& t) {
    // t is the '}' token; the template continues right after it.
    m_pos = t.start + 1;
    t.cooked_valid = true;
    t.template_tail = false;
    scan_template(t);
    t.end = m_pos;
}

void Lexer::scan_template(Token& t) {
    m_scratch.clear();
    m_scratch_raw.clear();
    bool oom = false;
    auto raw_push = [&](char16_t u) {
        if (!m_scratch_raw.push_back(m_arena, u)) oom = true;
    };
    while (true) {
        if (m_pos >= m_len) {
            error_at(t, t.start, "unterminated template literal");
            return;
        }
        unsigned char c = static_cast<unsigned char>(m_src[m_pos]);
        if (c == '`') {
            m_pos++;
            t.type = Tok::Template;
            t.template_tail = true;
            break;
        }
        if (c == '$' && m_pos + 1 < m_len && m_src[m_pos + 1] == '{') {
            m_pos += 2;
            t.type = Tok::TemplateHead;
            break;
        }
        if (c == '\\') {
            uint32_t esc = m_pos;
            m_pos++;
            uint32_t esc_line = m_line;
            uint32_t esc_col = column_at(esc);
            int r = scan_escape(m_scratch, true);
            if (r < 0) {
                oom = true;
                break;
            }
            if (r != 0) {
                if (t.cooked_valid) {
                    t.cooked_valid = false;
                    t.escape_error_offset = esc;
                    t.escape_error_line = esc_line;
                    t.escape_error_column = esc_col;
                }
                // Skip the rest of the bad escape conservatively: only its first character is
                // consumed by scan_escape on failure paths that did not advance.
                if (m_pos == esc + 1 && m_pos < m_len) m_pos++;
            }
            // Raw text of the escape, with CR/CRLF normalized to LF.
            for (uint32_t j = esc; j < m_pos;) {
                unsigned char d = static_cast<unsigned char>(m_src[j]);
                if (d == '\r') {
                    raw_push('\n');
                    j++;
                    if (j < m_pos && m_src[j] == '\n') j++;
                    continue;
                }
                if (d >= 0x80) {
                    uint32_t cp, size;
                    if (!decode_utf8(j, cp, size)) break;
                    char16_t units[2];
                    uint32_t n = append_utf16(units, cp);
                    for (uint32_t k = 0; k < n; k++)
                        raw_push(units[k]);
                    j += size;
                    continue;
                }
                raw_push(d);
                j++;
            }
            continue;
        }
        if (c == '\r' || c == '\n') {
            m_pos++;
            if (c == '\r' && m_pos < m_len && m_src[m_pos] == '\n') m_pos++;
            new_line(m_pos);
            raw_push('\n');
            if (!m_scratch.push_back(m_arena, u'\n')) oom = true;
            continue;
        }
        uint32_t cp = c;
        if (c >= 0x80) {
            uint32_t size;
            if (!decode_utf8(m_pos, cp, size)) {
                error(t, "invalid UTF-8 in template literal");
                return;
            }
            m_pos += size;
            if (cp == 0x2028 || cp == 0x2029)
                new_line(m_pos);
            else
                note_multibyte(cp, size);
        } else {
            m_pos++;
        }
        char16_t units[2];
        uint32_t n = append_utf16(units, cp);
        for (uint32_t k = 0; k < n; k++) {
            raw_push(units[k]);
            if (!m_scratch.push_back(m_arena, units[k])) oom = true;
        }
    }
    if (!oom) {
        t.value = make_string(m_scratch.data(), m_scratch.size());
        t.raw = make_string(m_scratch_raw.data(), m_scratch_raw.size());
    }
    if (oom || m_out_of_memory) {
        m_out_of_memory = true;
        error(t, "out of memory");
    }
}

void Lexer::rescan_as_regexp(Token& t) {
    m_pos = t.start + 1;
    // Restore line tracking to the token (a '/' token never spans lines).
    m_scratch.clear();
    bool in_class = false;
    bool oom = false;
    while (true) {
        if (m_pos >= m_len) {
            error_at(t, t.start, "unterminated regular expression literal");
            return;
        }
        unsigned char c = static_cast<unsigned char>(m_src[m_pos]);
        uint32_t cp = c;
        uint32_t size = 1;
        if (c >= 0x80) {
            if (!decode_utf8(m_pos, cp, size)) {
                error(t, "invalid UTF-8 in regular expression literal");
                return;
            }
        }
        if (c == '\n' || c == '\r' || cp == 0x2028 || cp == 0x2029) {
            error_at(t, t.start, "unterminated regular expression literal");
            return;
        }
        if (c == '/' && !in_class) {
            m_pos++;
            break;
        }
        if (c == '[')
            in_class = true;
        else if (c == ']')
            in_class = false;
        if (c >= 0x80) note_multibyte(cp, size);
        m_pos += size;
        if (!push_units(m_arena, m_scratch, cp)) oom = true;
        if (c == '\\') {
            // The escaped character is part of the body verbatim (but not a line terminator).
            if (m_pos >= m_len) {
                error_at(t, t.start, "unterminated regular expression literal");
                return;
            }
            unsigned char d = static_cast<unsigned char>(m_src[m_pos]);
            uint32_t dcp = d, dsize = 1;
            if (d >= 0x80 && !decode_utf8(m_pos, dcp, dsize)) {
                error(t, "invalid UTF-8 in regular expression literal");
                return;
            }
            if (d == '\n' || d == '\r' || dcp == 0x2028 || dcp == 0x2029) {
                error_at(t, t.start, "unterminated regular expression literal");
                return;
            }
            if (d >= 0x80) note_multibyte(dcp, dsize);
            m_pos += dsize;
            if (!push_units(m_arena, m_scratch, dcp)) oom = true;
        }
    }
    if (oom) {
        m_out_of_memory = true;
        error(t, "out of memory");
        return;
    }
    t.value = make_string(m_scratch.data(), m_scratch.size());
    // Flags: IdentifierPartChars; only dgimsuyv, each once, not both u and v.
    uint32_t flags_start = m_pos;
    uint32_t seen = 0;
    static const char k_flags[] = "dgimsuyv";
    while (m_pos < m_len) {
        unsigned char c = static_cast<unsigned char>(m_src[m_pos]);
        if (c == '\\') {
            error(t, "invalid regular expression flags");
            return;
        }
        if (c >= 0x80) {
            uint32_t cp, size;
            if (decode_utf8(m_pos, cp, size) && char_class::is_id_continue_cp(cp)) {
                error(t, "invalid regular expression flags");
                return;
            }
            break;
        }
        if (!char_class::is_ascii_id_part(c)) break;
        int index = -1;
        for (int k = 0; k < 8; k++)
            if (k_flags[k] == c) index = k;
        if (index < 0 || (seen & (1u << index))) {
            error(t, "invalid regular expression flags");
            return;
        }
        seen |= 1u << index;
        m_pos++;
    }
    if ((seen & (1u << 5)) && (seen & (1u << 7))) {
        error(t, "invalid regular expression flags");
        return;
    }
    char16_t flag_units[8];
    uint32_t nflags = 0;
    for (uint32_t j = flags_start; j < m_pos; j++)
        flag_units[nflags++] = static_cast<unsigned char>(m_src[j]);
    t.raw = make_string(flag_units, nflags);
    if (m_out_of_memory) {
        error(t, "out of memory");
        return;
    }
    t.type = Tok::RegExp;
    t.end = m_pos;
}

} // namespace qjs
