#include "parser/Parser.h"

namespace qjs {

ParseResult parse_script(Arena&, const char*, size_t, const ParseOptions&) {
    ParseResult r;
    r.error.message = "parser not implemented yet";
    return r;
}

ParseResult parse_function_from_parts(Arena&, DynamicFunctionKind, const char*, size_t, const char*, size_t,
                                      const ParseOptions&) {
    ParseResult r;
    r.error.message = "parser not implemented yet";
    return r;
}

} // namespace qjs
