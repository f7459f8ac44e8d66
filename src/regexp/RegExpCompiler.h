// RegExpCompiler.h: ECMAScript regular expression patterns (22.2) compiled to a compact bytecode
// that RegExpMatcher.h runs. Independent of the JS object model: the compiler needs only a current
// Runtime for memory (its Vectors allocate through it).
#pragma once

#include "runtime/Runtime.h"

#include <cstddef>
#include <cstdint>

namespace qjs::regexp {

namespace flag {
enum : uint32_t {
    HasIndices = 1,   // d
    Global = 2,       // g
    IgnoreCase = 4,   // i
    Multiline = 8,    // m
    DotAll = 16,      // s
    Unicode = 32,     // u
    UnicodeSets = 64, // v
    Sticky = 128,     // y
};
}

// Parses a flags string; false when it has an unknown or repeated flag, or both u and v.
bool parse_flags(const char16_t* flags, size_t len, uint32_t* out);

enum class Op : uint8_t {
#define QJS_REOP(name, words) name,
#include "regexp/RegExpOpcodes.def"
#undef QJS_REOP
    Count
};
constexpr uint32_t kBackward = 0x100;
constexpr uint32_t kInfinity = 0xFFFFFFFFu;

// The compiled program: one buffer of 32-bit words.
//   [0] total words           [1] flags            [2] capture count (groups + 1)
//   [3] register count        [4] code offset      [5] group-names offset (0: none)
//   [6] literal-prefix offset (0: none): length, then the UTF-16 units, one per word
//   [7] hints (kHintAnchored: the pattern can only match at the start position)
//   [8] first-character filter offset (0: none): 8 words of bitmap for code units 0-255, then
//       a word that is 1 when a match may also start with a code unit >= 256
// Group names: count, then per entry: group number, name length, the UTF-16 units one per word.
// Entries are in group order; duplicate names (in different alternatives) appear once per group.
namespace header {
enum : uint32_t { Size, Flags, CaptureCount, RegisterCount, Code, Names, Prefix, Hints, FirstChars, Words };
}
constexpr uint32_t kHintAnchored = 1;

struct Program {
    Vector<uint32_t> words;
    uint32_t flags() const { return words[header::Flags]; }
    uint32_t capture_count() const { return words[header::CaptureCount]; }
};

struct CompileError {
    char message[128];
    bool out_of_memory = false; // the runtime refused memory (not a syntax error)
};

// Compiles `pattern` (UTF-16) with the given flags. On a syntax error returns false and fills `error`.
bool compile(const char16_t* pattern, size_t len, uint32_t flags, Program& out, CompileError& error);

} // namespace qjs::regexp

namespace qjs {
// Early-error check used by the parser for regexp literals: true when valid; otherwise writes a
// NUL-terminated message to error_buf (up to cap bytes). Needs a current Runtime for scratch memory.
bool regexp_validate(const char16_t* pattern, size_t len, const char16_t* flags, size_t flen, char* error_buf,
                     size_t cap, bool* out_of_memory = nullptr);
} // namespace qjs
