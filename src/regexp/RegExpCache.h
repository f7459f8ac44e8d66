// RegExpCache.h: compiled regexp programs reused across RegExp objects of one runtime. A regexp
// literal creates a new RegExp object at every evaluation (13.2.7.3), and `new RegExp(s)` in a loop
// often repeats a pattern: both compile once and copy the program afterwards.
#pragma once

#include "regexp/RegExpCompiler.h"

namespace qjs {
class String;
}

namespace qjs::regexp {

// The compiled program of `pattern` with `flags` as a new runtime allocation, which the caller owns
// (Runtime::free). The runtime keeps the programs of recently compiled patterns in a small table
// indexed by a hash of pattern and flags (Runtime::m_regexp_cache, plain memory: no GC references,
// nothing to snapshot); a hit copies the program instead of compiling. nullptr on a syntax error or
// out of memory, with `error` filled.
uint32_t* compile_program(Runtime&, const String* pattern, uint32_t flags, CompileError& error);

// Frees the runtime's table (runtime teardown).
void destroy_program_cache(Runtime&);

} // namespace qjs::regexp
