// Placeholder with ASCII-only answers; replaced by generated tables (tools/gen/gen_unicode.py).
#include "base/Unicode.h"

namespace qjs::unicode {

bool is_id_start(uint32_t c) { return (c >= 'a' && c <= 'z') || (c >= 'A' && c <= 'Z') || c == '$' || c == '_' || c >= 0x80; }
bool is_id_continue(uint32_t c) { return is_id_start(c) || (c >= '0' && c <= '9'); }
bool is_space(uint32_t c) { return c == 9 || c == 0xb || c == 0xc || c == 0x20 || c == 0xa0 || c == 0xfeff; }
bool is_line_terminator(uint32_t c) { return c == 0xa || c == 0xd || c == 0x2028 || c == 0x2029; }
int to_upper_full(uint32_t c, uint32_t out[3]) { out[0] = (c >= 'a' && c <= 'z') ? c - 32 : c; return 1; }
int to_lower_full(uint32_t c, uint32_t out[3]) { out[0] = (c >= 'A' && c <= 'Z') ? c + 32 : c; return 1; }
uint32_t fold_case_simple(uint32_t c) { return (c >= 'A' && c <= 'Z') ? c + 32 : c; }

} // namespace qjs::unicode
