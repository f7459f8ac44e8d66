// Lexer.cpp: trivia (whitespace, comments), identifiers, punctuators and the token dispatch.
// Numbers are in LexNumbers.cpp; strings, templates and regexps in LexStrings.cpp.
#include "lexer/Lexer.h"

#include "base/Unicode.h"
#include "lexer/CharClass.h"

namespace qjs {

Lexer::Lexer(Arena& arena, Interner& interner, const char* source, size_t length, bool is_module)
    : m_arena(arena), m_interner(interner), m_src(source), m_len(static_cast<uint32_t>(length)),
      m_is_module(is_module) {
    // Skip a UTF-8 byte order mark; it is not part of the source text proper.
    if (m_len >= 3 && static_cast<unsigned char>(m_src[0]) == 0xef &&
        static_cast<unsigned char>(m_src[1]) == 0xbb && static_cast<unsigned char>(m_src[2]) == 0xbf) {
        m_pos = 3;
        m_line_start = 3;
    }
}

void Lexer::skip_hashbang() {
    if (m_pos + 1 < m_len && m_src[m_pos] == '#' && m_src[m_pos + 1] == '!') {
        // Treated as a single-line comment; the terminating line break is left for skip_trivia.
        m_pos += 2;
        while (m_pos < m_len) {
            unsigned char c = static_cast<unsigned char>(m_src[m_pos]);
            if (c == '\n' || c == '\r') break;
            if (c >= 0x80) {
                uint32_t cp, size;
                if (!decode_utf8(m_pos, cp, size)) break;
                if (cp == 0x2028 || cp == 0x2029) break;
                note_multibyte(cp, size);
                m_pos += size;
                continue;
            }
            m_pos++;
        }
    }
}

bool Lexer::decode_utf8(uint32_t pos, uint32_t& cp, uint32_t& size) const {
    auto byte = [&](uint32_t i) -> uint32_t { return static_cast<unsigned char>(m_src[i]); };
    uint32_t c = byte(pos);
    if (c < 0x80) {
        cp = c;
        size = 1;
        return true;
    }
    uint32_t need;
    uint32_t min;
    if (c >= 0xc2 && c <= 0xdf) {
        need = 1;
        cp = c & 0x1f;
        min = 0x80;
    } else if (c >= 0xe0 && c <= 0xef) {
        need = 2;
        cp = c & 0x0f;
        min = 0x800;
    } else if (c >= 0xf0 && c <= 0xf4) {
        need = 3;
        cp = c & 0x07;
        min = 0x10000;
    } else {
        return false;
    }
    if (pos + need >= m_len) return false;
    for (uint32_t i = 1; i <= need; i++) {
        uint32_t b = byte(pos + i);
        if ((b & 0xc0) != 0x80) return false;
        cp = (cp << 6) | (b & 0x3f);
    }
    // Encoded surrogates are accepted (WTF-8): eval code keeps its string's lone surrogates that way.
    if (cp < min || cp > 0x10ffff) return false;
    size = need + 1;
    return true;
}

void Lexer::error(Token& t, const char* message) {
    error_at(t, m_pos, message);
}

void Lexer::error_at(Token& t, uint32_t pos, const char* message) {
    t.type = Tok::Error;
    t.error_message = message;
    t.escape_error_offset = pos;
    position_of(pos, t.escape_error_line, t.escape_error_column);
    // Skip to the end so that a caller that ignores the error still terminates.
    m_pos = m_len;
}

void Lexer::position_of(uint32_t offset, uint32_t& line, uint32_t& column) const {
    uint32_t l = 1, col = 1;
    uint32_t i = 0;
    if (m_len >= 3 && static_cast<unsigned char>(m_src[0]) == 0xef &&
        static_cast<unsigned char>(m_src[1]) == 0xbb && static_cast<unsigned char>(m_src[2]) == 0xbf)
        i = 3;
    while (i < offset && i < m_len) {
        unsigned char c = static_cast<unsigned char>(m_src[i]);
        if (c == '\n' || (c == '\r' && !(i + 1 < m_len && m_src[i + 1] == '\n'))) {
            l++;
            col = 1;
            i++;
            continue;
        }
        if (c >= 0x80) {
            uint32_t cp, size;
            if (!decode_utf8(i, cp, size)) {
                i++;
                col++;
                continue;
            }
            if (cp == 0x2028 || cp == 0x2029) {
                l++;
                col = 1;
            } else {
                col += cp >= 0x10000 ? 2 : 1;
            }
            i += size;
            continue;
        }
        col++;
        i++;
    }
    line = l;
    column = col;
}

AstString Lexer::make_string(const char16_t* units, uint32_t length) {
    char16_t* data = m_arena.make_array<char16_t>(length);
    if (!data) {
        m_out_of_memory = true;
        return AstString{};
    }
    for (uint32_t i = 0; i < length; i++)
        data[i] = units[i];
    return AstString{data, length};
}

bool Lexer::skip_trivia(bool& error_out) {
    bool newline = false;
    bool at_line_start = m_pos == 0 || m_token_count == 0;
    while (m_pos < m_len) {
        unsigned char c = static_cast<unsigned char>(m_src[m_pos]);
        switch (c) {
        case ' ':
        case '\t':
        case '\v':
        case '\f': m_pos++; continue;
        case '\n':
            m_pos++;
            new_line(m_pos);
            newline = true;
            continue;
        case '\r':
            m_pos++;
            if (m_pos < m_len && m_src[m_pos] == '\n') m_pos++;
            new_line(m_pos);
            newline = true;
            continue;
        case '/':
            if (m_pos + 1 < m_len && m_src[m_pos + 1] == '/') {
                m_pos += 2;
                skip_line_comment();
                continue;
            }
            if (m_pos + 1 < m_len && m_src[m_pos + 1] == '*') {
                uint32_t start = m_pos;
                m_pos += 2;
                bool closed = false;
                while (m_pos < m_len) {
                    unsigned char d = static_cast<unsigned char>(m_src[m_pos]);
                    if (d == '*' && m_pos + 1 < m_len && m_src[m_pos + 1] == '/') {
                        m_pos += 2;
                        closed = true;
                        break;
                    }
                    if (d == '\n') {
                        m_pos++;
                        new_line(m_pos);
                        newline = true;
                        continue;
                    }
                    if (d == '\r') {
                        m_pos++;
                        if (m_pos < m_len && m_src[m_pos] == '\n') m_pos++;
                        new_line(m_pos);
                        newline = true;
                        continue;
                    }
                    if (d >= 0x80) {
                        uint32_t cp, size;
                        if (!decode_utf8(m_pos, cp, size)) {
                            m_trivia_error = "invalid UTF-8 in source";
                            m_trivia_error_pos = m_pos;
                            error_out = true;
                            return newline;
                        }
                        m_pos += size;
                        if (cp == 0x2028 || cp == 0x2029) {
                            new_line(m_pos);
                            newline = true;
                        } else {
                            note_multibyte(cp, size);
                        }
                        continue;
                    }
                    m_pos++;
                }
                if (!closed) {
                    m_trivia_error = "unterminated comment";
                    m_trivia_error_pos = start;
                    error_out = true;
                    return newline;
                }
                // Annex B: `*/ -->` on the same line after a multi-line comment that contained a
                // line break is a comment too; that case is covered by `newline` below.
                continue;
            }
            return newline;
        case '<':
            // Annex B HTML-like open comment `<!--` (scripts only).
            if (!m_is_module && m_pos + 3 < m_len && m_src[m_pos + 1] == '!' && m_src[m_pos + 2] == '-' &&
                m_src[m_pos + 3] == '-') {
                m_pos += 4;
                skip_line_comment();
                continue;
            }
            return newline;
        case '-':
            // Annex B HTML-like close comment `-->`, only first on a line (after whitespace/comments).
            if (!m_is_module && (newline || at_line_start) && m_pos + 2 < m_len && m_src[m_pos + 1] == '-' &&
                m_src[m_pos + 2] == '>') {
                m_pos += 3;
                skip_line_comment();
                continue;
            }
            return newline;
        default:
            if (c < 0x80) return newline;
            {
                uint32_t cp, size;
                if (!decode_utf8(m_pos, cp, size)) return newline; // reported by the token scanner
                if (cp == 0x2028 || cp == 0x2029) {
                    m_pos += size;
                    new_line(m_pos);
                    newline = true;
                    continue;
                }
                if (unicode::is_space(cp)) {
                    m_pos += size;
                    note_multibyte(cp, size);
                    continue;
                }
            }
            return newline;
        }
    }
    return newline;
}

void Lexer::skip_line_comment() {
    while (m_pos < m_len) {
        unsigned char c = static_cast<unsigned char>(m_src[m_pos]);
        if (c == '\n' || c == '\r') return;
        if (c >= 0x80) {
            uint32_t cp, size;
            if (!decode_utf8(m_pos, cp, size)) {
                m_pos++;
                continue;
            }
            if (cp == 0x2028 || cp == 0x2029) return;
            note_multibyte(cp, size);
            m_pos += size;
            continue;
        }
        m_pos++;
    }
}

void Lexer::next(Token& t) {
    bool trivia_error = false;
    t.newline_before = skip_trivia(trivia_error);
    m_token_count++;
    t.keyword = Tok::Identifier;
    t.escaped = false;
    t.legacy_octal = false;
    t.cooked_valid = true;
    t.template_tail = false;
    t.start = m_pos;
    t.line = m_line;
    t.column = column_at(m_pos);
    if (trivia_error) {
        error_at(t, m_trivia_error_pos, m_trivia_error);
        t.end = m_pos;
        return;
    }
    if (m_pos >= m_len) {
        t.type = Tok::EndOfInput;
        t.end = m_pos;
        return;
    }
    unsigned char c = static_cast<unsigned char>(m_src[m_pos]);
    if (char_class::is_ascii_id_start(c) || c == '\\' || c >= 0x80) {
        scan_identifier(t, false);
    } else if (c >= '0' && c <= '9') {
        scan_number(t);
    } else if (c == '"' || c == '\'') {
        m_pos++;
        scan_string(t, static_cast<char>(c));
    } else if (c == '`') {
        m_pos++;
        scan_template(t);
    } else if (c == '.' && m_pos + 1 < m_len && m_src[m_pos + 1] >= '0' && m_src[m_pos + 1] <= '9') {
        scan_number(t);
    } else if (c == '#') {
        m_pos++;
        if (m_pos < m_len) {
            unsigned char d = static_cast<unsigned char>(m_src[m_pos]);
            if (char_class::is_ascii_id_start(d) || d == '\\' || d >= 0x80) {
                scan_identifier(t, true);
                t.end = m_pos;
                return;
            }
        }
        error(t, "invalid or unexpected token '#'");
    } else {
        scan_punctuator(t, c);
    }
    t.end = m_pos;
}

void Lexer::scan_identifier(Token& t, bool private_name) {
    uint32_t start = m_pos;
    uint32_t h = Interner::hash_start();
    while (m_pos < m_len) {
        unsigned char c = static_cast<unsigned char>(m_src[m_pos]);
        if (!char_class::is_ascii_id_part(c)) break;
        h = Interner::hash_step(h, c);
        m_pos++;
    }
    if (m_pos < m_len) {
        unsigned char c = static_cast<unsigned char>(m_src[m_pos]);
        if (c == '\\' || c >= 0x80) {
            m_pos = start;
            if (!scan_identifier_slow(t, start, private_name)) return;
            return;
        }
    }
    const Interner::Entry* e = m_interner.intern_ascii(m_src + start, m_pos - start, h);
    if (!e) {
        m_out_of_memory = true;
        error(t, "out of memory");
        return;
    }
    t.value = e->name;
    if (private_name) {
        t.type = Tok::PrivateName;
        return;
    }
    t.keyword = e->keyword;
    t.type = is_keyword(e->keyword) ? e->keyword : Tok::Identifier;
}

bool Lexer::scan_unicode_escape(uint32_t& cp) {
    // m_pos is just after "\u".
    if (m_pos < m_len && m_src[m_pos] == '{') {
        m_pos++;
        uint32_t value = 0;
        uint32_t digits = 0;
        while (m_pos < m_len && char_class::hex_value(m_src[m_pos]) >= 0) {
            value = value * 16 + static_cast<uint32_t>(char_class::hex_value(m_src[m_pos]));
            if (value > 0x10ffff) return false;
            m_pos++;
            digits++;
        }
        if (digits == 0 || m_pos >= m_len || m_src[m_pos] != '}') return false;
        m_pos++;
        cp = value;
        return true;
    }
    uint32_t value = 0;
    for (int i = 0; i < 4; i++) {
        if (m_pos >= m_len || char_class::hex_value(m_src[m_pos]) < 0) return false;
        value = value * 16 + static_cast<uint32_t>(char_class::hex_value(m_src[m_pos]));
        m_pos++;
    }
    cp = value;
    return true;
}

bool Lexer::scan_identifier_slow(Token& t, uint32_t start, bool private_name) {
    m_scratch.clear();
    bool first = true;
    while (m_pos < m_len) {
        unsigned char c = static_cast<unsigned char>(m_src[m_pos]);
        uint32_t cp;
        if (c == '\\') {
            uint32_t esc_pos = m_pos;
            m_pos++;
            if (m_pos >= m_len || m_src[m_pos] != 'u') {
                error_at(t, esc_pos, "invalid escape in identifier");
                return false;
            }
            m_pos++;
            if (!scan_unicode_escape(cp)) {
                error_at(t, esc_pos, "invalid Unicode escape in identifier");
                return false;
            }
            if (first ? !char_class::is_id_start_cp(cp) : !char_class::is_id_continue_cp(cp)) {
                error_at(t, esc_pos, "invalid identifier character");
                return false;
            }
            t.escaped = true;
        } else if (c >= 0x80) {
            uint32_t size;
            if (!decode_utf8(m_pos, cp, size)) {
                error(t, "invalid UTF-8 in source");
                return false;
            }
            if (first ? !char_class::is_id_start_cp(cp) : !char_class::is_id_continue_cp(cp)) {
                if (first) {
                    error(t, "invalid or unexpected character");
                    return false;
                }
                break;
            }
            note_multibyte(cp, size);
            m_pos += size;
        } else if (first ? char_class::is_ascii_id_start(c) : char_class::is_ascii_id_part(c)) {
            cp = c;
            m_pos++;
        } else {
            break;
        }
        char16_t units[2];
        uint32_t n = append_utf16(units, cp);
        for (uint32_t i = 0; i < n; i++) {
            if (!m_scratch.push_back(m_arena, units[i])) {
                m_out_of_memory = true;
                error(t, "out of memory");
                return false;
            }
        }
        first = false;
    }
    (void)start;
    const Interner::Entry* e = m_interner.intern(m_scratch.data(), m_scratch.size());
    if (!e) {
        m_out_of_memory = true;
        error(t, "out of memory");
        return false;
    }
    t.value = e->name;
    if (private_name) {
        t.type = Tok::PrivateName;
        return true;
    }
    t.keyword = e->keyword;
    // An escaped keyword is never a keyword token; the parser rejects it where a keyword is needed
    // and where reserved words are not allowed as identifiers.
    t.type = (!t.escaped && is_keyword(e->keyword)) ? e->keyword : Tok::Identifier;
    return true;
}

void Lexer::scan_punctuator(Token& t, unsigned char c) {
    auto at = [&](uint32_t off) -> char { return m_pos + off < m_len ? m_src[m_pos + off] : '\0'; };
    auto set = [&](Tok type, uint32_t size) {
        t.type = type;
        m_pos += size;
    };
    switch (c) {
    case '{': return set(Tok::LBrace, 1);
    case '}': return set(Tok::RBrace, 1);
    case '(': return set(Tok::LParen, 1);
    case ')': return set(Tok::RParen, 1);
    case '[': return set(Tok::LBracket, 1);
    case ']': return set(Tok::RBracket, 1);
    case ';': return set(Tok::Semicolon, 1);
    case ',': return set(Tok::Comma, 1);
    case ':': return set(Tok::Colon, 1);
    case '~': return set(Tok::Tilde, 1);
    case '.':
        if (at(1) == '.' && at(2) == '.') return set(Tok::Ellipsis, 3);
        return set(Tok::Dot, 1);
    case '<':
        if (at(1) == '<') return at(2) == '=' ? set(Tok::ShiftLeftAssign, 3) : set(Tok::ShiftLeft, 2);
        return at(1) == '=' ? set(Tok::LessEqual, 2) : set(Tok::Less, 1);
    case '>':
        if (at(1) == '>') {
            if (at(2) == '>')
                return at(3) == '=' ? set(Tok::ShiftRightUnsignedAssign, 4) : set(Tok::ShiftRightUnsigned, 3);
            return at(2) == '=' ? set(Tok::ShiftRightAssign, 3) : set(Tok::ShiftRight, 2);
        }
        return at(1) == '=' ? set(Tok::GreaterEqual, 2) : set(Tok::Greater, 1);
    case '=':
        if (at(1) == '=') return at(2) == '=' ? set(Tok::StrictEqual, 3) : set(Tok::Equal, 2);
        return at(1) == '>' ? set(Tok::Arrow, 2) : set(Tok::Assign, 1);
    case '!':
        if (at(1) == '=') return at(2) == '=' ? set(Tok::StrictNotEqual, 3) : set(Tok::NotEqual, 2);
        return set(Tok::Bang, 1);
    case '+':
        if (at(1) == '+') return set(Tok::PlusPlus, 2);
        return at(1) == '=' ? set(Tok::PlusAssign, 2) : set(Tok::Plus, 1);
    case '-':
        if (at(1) == '-') return set(Tok::MinusMinus, 2);
        return at(1) == '=' ? set(Tok::MinusAssign, 2) : set(Tok::Minus, 1);
    case '*':
        if (at(1) == '*') return at(2) == '=' ? set(Tok::StarStarAssign, 3) : set(Tok::StarStar, 2);
        return at(1) == '=' ? set(Tok::StarAssign, 2) : set(Tok::Star, 1);
    case '/': return at(1) == '=' ? set(Tok::SlashAssign, 2) : set(Tok::Slash, 1);
    case '%': return at(1) == '=' ? set(Tok::PercentAssign, 2) : set(Tok::Percent, 1);
    case '&':
        if (at(1) == '&')
            return at(2) == '=' ? set(Tok::AmpersandAmpersandAssign, 3) : set(Tok::AmpersandAmpersand, 2);
        return at(1) == '=' ? set(Tok::AmpersandAssign, 2) : set(Tok::Ampersand, 1);
    case '|':
        if (at(1) == '|') return at(2) == '=' ? set(Tok::PipePipeAssign, 3) : set(Tok::PipePipe, 2);
        return at(1) == '=' ? set(Tok::PipeAssign, 2) : set(Tok::Pipe, 1);
    case '^': return at(1) == '=' ? set(Tok::CaretAssign, 2) : set(Tok::Caret, 1);
    case '?':
        if (at(1) == '?')
            return at(2) == '=' ? set(Tok::QuestionQuestionAssign, 3) : set(Tok::QuestionQuestion, 2);
        // `?.` followed by a digit is `?` then a number (`a?.5:b`).
        if (at(1) == '.' && !(at(2) >= '0' && at(2) <= '9')) return set(Tok::QuestionDot, 2);
        return set(Tok::Question, 1);
    default: break;
    }
    error(t, "invalid or unexpected token");
}

} // namespace qjs
