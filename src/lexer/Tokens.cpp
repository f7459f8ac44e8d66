#include "lexer/Tokens.h"

namespace qjs {

const char* token_text(Tok t) {
    static const char* const texts[] = {
#define TOKEN(name, text) text,
#define KEYWORD(name, text) text,
#define CONTEXTUAL(name, text) text,
#include "lexer/Tokens.def"
    };
    return static_cast<unsigned>(t) < static_cast<unsigned>(Tok::Count) ? texts[static_cast<int>(t)] : "?";
}

} // namespace qjs
