// Metadata.h: the parts of a test262 file's YAML frontmatter (/*--- ... ---*/) the runner needs.
#pragma once

#include <cstdint>
#include <string>
#include <string_view>
#include <vector>

namespace test262 {

enum TestFlag : uint32_t {
    FlagOnlyStrict = 1u << 0,
    FlagNoStrict = 1u << 1,
    FlagRaw = 1u << 2,
    FlagModule = 1u << 3,
    FlagAsync = 1u << 4,
    FlagCanBlockIsFalse = 1u << 5,
    FlagCanBlockIsTrue = 1u << 6,
};

enum class NegativePhase : uint8_t { None, Parse, Resolution, Runtime };

struct Metadata {
    std::vector<std::string> includes; // harness files, in order
    std::vector<std::string> features;
    uint32_t flags = 0; // TestFlag bits
    NegativePhase negative_phase = NegativePhase::None;
    std::string negative_type; // expected error constructor name, e.g. "SyntaxError"

    bool has_flag(TestFlag flag) const { return (flags & flag) != 0; }
};

// Parses the frontmatter of `source`. Keys other than includes, flags, features and negative are
// skipped (description, info, esid, ...). Returns false with a message when the frontmatter is
// missing or malformed.
bool parse_metadata(std::string_view source, Metadata* out, std::string* error);

} // namespace test262
