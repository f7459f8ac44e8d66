// RegExpMatcher.h: runs a compiled regexp program (RegExpCompiler.h) over an 8-bit or 16-bit
// string with an explicit backtrack stack, so deep or catastrophic patterns never recurse on the
// C++ stack; the runtime's interrupt flag is polled while backtracking and the stack is bounded.
#pragma once

#include "regexp/RegExpCompiler.h"

#include <cstdint>

namespace qjs {
class String;
}

namespace qjs::regexp {

enum class MatchStatus : uint8_t {
    Match,
    NoMatch,
    OutOfMemory, // the backtrack stack could not grow (or hit its limit)
    Interrupted, // Runtime::m_interrupt_requested was set
};

// Searches `input` from `start` (only at `start` when the program is sticky). On a match,
// captures[0 .. 2 * capture_count) hold start/end indexes (-1 for unmatched groups).
// `mode` overrides the program's sticky flag: Search tries every position from start.
enum class ExecMode : uint8_t { FromFlags, Search };
MatchStatus exec(Runtime&, const uint32_t* program, const String* input, uint32_t start, int32_t* captures,
                 ExecMode mode = ExecMode::FromFlags);

// The same over raw characters (for tests and callers without a String).
MatchStatus exec_latin1(Runtime&, const uint32_t* program, const uint8_t* chars, uint32_t length,
                        uint32_t start, int32_t* captures, ExecMode mode = ExecMode::FromFlags);
MatchStatus exec_utf16(Runtime&, const uint32_t* program, const char16_t* chars, uint32_t length,
                       uint32_t start, int32_t* captures, ExecMode mode = ExecMode::FromFlags);

} // namespace qjs::regexp
