// Lexer.h: turns UTF-8 source into tokens on demand. The lexer is context-free except for two
// decisions the parser makes: whether a `/` starts a regular expression (rescan_as_regexp) and
// where a template substitution ends (rescan_template_continuation).
#pragma once

#include "lexer/Interner.h"
#include "lexer/Tokens.h"

namespace qjs {

class Lexer {
  public:
    Lexer(Arena& arena, Interner& interner, const char* source, size_t length, bool is_module);

    // Scans the next token. Errors come back as a Tok::Error token with error_message set.
    void next(Token& token);
    // Skips a `#!` line at the very start (Script and Module goals only).
    void skip_hashbang();
    // `token` is the Slash or SlashAssign token just scanned: rescans it as a regexp literal.
    void rescan_as_regexp(Token& token);
    // `token` is the RBrace that ends a template substitution: rescans the template from there
    // (gives Template with template_tail, or TemplateHead for a middle part).
    void rescan_template_continuation(Token& token);

    // Saved position for lookahead and backtracking.
    struct State {
        uint32_t pos;
        uint32_t line;
        uint32_t line_start;
        int32_t column_adjust;
    };
    State save() const { return State{m_pos, m_line, m_line_start, m_column_adjust}; }
    void restore(const State& s) {
        m_pos = s.pos;
        m_line = s.line;
        m_line_start = s.line_start;
        m_column_adjust = s.column_adjust;
    }

    const char* source() const { return m_src; }
    uint32_t length() const { return m_len; }
    // Line/column of an arbitrary byte offset (slow: scans from the start; for error messages).
    void position_of(uint32_t offset, uint32_t& line, uint32_t& column) const;
    bool out_of_memory() const { return m_out_of_memory; }

  private:
    // Skips whitespace and comments; returns whether a line terminator was crossed. Sets
    // `error_out` (with m_trivia_error) for an unterminated comment.
    bool skip_trivia(bool& error_out);
    void skip_line_comment();
    void scan_identifier(Token& t, bool private_name);
    bool scan_identifier_slow(Token& t, uint32_t start, bool private_name);
    void scan_number(Token& t);
    void scan_string(Token& t, char quote);
    void scan_template(Token& t); // m_pos is just past '`' or '}'
    void scan_punctuator(Token& t, unsigned char c);
    // One escape sequence after a backslash. Returns 0 ok, 1 invalid, 2 legacy octal/\8/\9
    // (accepted, flagged), -1 out of memory.
    int scan_escape(ArenaVector<char16_t>& out, bool in_template);
    uint32_t string_literal_bytes(char quote) const;

    // Decodes the code point at m_pos (which is a non-ASCII byte). Returns false on invalid UTF-8.
    bool decode_utf8(uint32_t pos, uint32_t& cp, uint32_t& size) const;
    // Accounts for a multi-byte character just consumed, for UTF-16 column numbers.
    void note_multibyte(uint32_t cp, uint32_t size) {
        m_column_adjust += (cp >= 0x10000 ? 2 : 1) - static_cast<int32_t>(size);
    }
    void new_line(uint32_t next_line_start) {
        m_line++;
        m_line_start = next_line_start;
        m_column_adjust = 0;
    }
    uint32_t column_at(uint32_t pos) const { return pos - m_line_start + m_column_adjust + 1; }
    // Parses \u escape at m_pos (after the 'u'); returns false when malformed.
    bool scan_unicode_escape(uint32_t& cp);
    void error(Token& t, const char* message);
    void error_at(Token& t, uint32_t pos, const char* message);
    AstString make_string(const char16_t* units, uint32_t length);

    Arena& m_arena;
    Interner& m_interner;
    const char* m_src;
    uint32_t m_len;
    uint32_t m_pos = 0;
    uint32_t m_line = 1;
    uint32_t m_line_start = 0;
    int32_t m_column_adjust = 0;
    bool m_is_module;
    bool m_out_of_memory = false;
    uint32_t m_token_count = 0;
    const char* m_trivia_error = nullptr;
    uint32_t m_trivia_error_pos = 0;
    ArenaVector<char16_t> m_scratch;     // identifier/string decoding buffer, reused
    ArenaVector<char16_t> m_scratch_raw; // template raw strings
    ArenaVector<char> m_scratch_digits;  // number digits without separators
};

// Appends the UTF-16 encoding of `cp` at `out`; returns the number of units written.
inline uint32_t append_utf16(char16_t* out, uint32_t cp) {
    if (cp < 0x10000) {
        out[0] = char16_t(cp);
        return 1;
    }
    cp -= 0x10000;
    out[0] = char16_t(0xd800 + (cp >> 10));
    out[1] = char16_t(0xdc00 + (cp & 0x3ff));
    return 2;
}

} // namespace qjs
