// Tokens.h: token kinds (generated from Tokens.def) and the Token record the lexer produces.
#pragma once

#include "parser/Ast.h"

#include <cstdint>

namespace qjs {

enum class Tok : uint8_t {
#define TOKEN(name, text) name,
#define KEYWORD(name, text) name,
#define CONTEXTUAL(name, text) name,
#include "lexer/Tokens.def"
    Count
};

namespace token_ranges {
#define KEYWORD(name, text) name,
enum KeywordIndex : uint8_t {
#include "lexer/Tokens.def"
    KeywordCount
};
#define CONTEXTUAL(name, text) name,
enum ContextualIndex : uint8_t {
#include "lexer/Tokens.def"
    ContextualCount
};
} // namespace token_ranges

constexpr Tok k_first_keyword = Tok::Break;
constexpr Tok k_first_contextual = Tok::Await;
static_assert(static_cast<int>(k_first_contextual) ==
                  static_cast<int>(k_first_keyword) + token_ranges::KeywordCount,
              "contextual words must directly follow keywords in Tokens.def");
static_assert(static_cast<int>(Tok::Count) ==
                  static_cast<int>(k_first_contextual) + token_ranges::ContextualCount,
              "contextual words must be the last group in Tokens.def");

inline bool is_keyword(Tok t) {
    return t >= k_first_keyword && t < k_first_contextual;
}
inline bool is_contextual(Tok t) {
    return t >= k_first_contextual && t < Tok::Count;
}
// Identifier or keyword: anything that is an IdentifierName (usable as a property name).
inline bool is_identifier_name(Tok t) {
    return t == Tok::Identifier || is_keyword(t);
}

const char* token_text(Tok t);

struct Token {
    Tok type = Tok::EndOfInput;
    // For identifier names (Identifier and keywords): the keyword or contextual word the name spells,
    // Tok::Identifier if none. Set even when the name was written with escapes.
    Tok keyword = Tok::Identifier;
    bool newline_before = false; // a line terminator (or a comment containing one) precedes the token
    bool escaped = false;        // identifier written with \u escapes (can never act as a keyword)
    bool legacy_octal = false;   // number 017/08 or string with \07 / \8: errors in strict mode
    bool cooked_valid = true;    // templates: false when an escape is invalid (cooked is undefined)
    bool template_tail = false;  // Template token: it ends the template
    uint32_t start = 0;          // byte offsets [start, end)
    uint32_t end = 0;
    uint32_t line = 0;
    uint32_t column = 0;
    AstString value; // identifier name (interned), string value, template cooked, private name,
                     // regexp pattern
    AstString raw;   // template raw string, regexp flags
    double number = 0;
    const char* bigint_digits = nullptr; // BigInt token (see BigIntLiteral)
    uint32_t bigint_length = 0;
    // Position of the first invalid template escape / legacy octal escape (for error messages).
    uint32_t escape_error_offset = 0;
    uint32_t escape_error_line = 0;
    uint32_t escape_error_column = 0;
    const char* error_message = nullptr; // Error token

    // A contextual word usable as keyword right here (not written with escapes).
    bool is(Tok contextual) const { return type == Tok::Identifier && keyword == contextual && !escaped; }
};

} // namespace qjs
