// RegExpUnicodeProperties.cpp: \p{...} lookup (22.2.2.9 UnicodeMatchProperty and
// UnicodeMatchPropertyValue: names must match exactly, no loose matching), and the properties of
// strings of v mode (the emoji sequence lists).
#include "regexp/RegExpCharSet.h"

#include <cstring>

namespace qjs::regexp {

namespace {

// Eight bytes an entry (names are offsets into one NUL-separated blob), so the 870 entries take 7 KB
// of the wasm module instead of 14 KB.
struct PropertyEntry {
    uint16_t name;   // offset in kPropertyNames
    uint16_t offset; // of its range list in kPropertyRanges (bytes)
    uint16_t count;  // ranges
    uint8_t kind;    // 0 General_Category, 1 Script, 2 Script_Extensions, 3 binary
};

#include "regexp/UnicodeProperties.inc"

struct EmojiSequenceProperty {
    const char* name;
    uint32_t offset; // of its strings in kEmojiSequenceData (bytes)
    uint32_t count;  // strings
};

#include "regexp/EmojiSequences.inc"

bool add_emoji_strings(const EmojiSequenceProperty& e, StringSink add, void* opaque) {
    const uint8_t* p = kEmojiSequenceData + e.offset;
    uint32_t cps[16];
    for (uint32_t i = 0; i < e.count; ++i) {
        uint32_t n = *p++;
        for (uint32_t k = 0; k < n; ++k) {
            uint32_t index = *p++;
            if (index & 0x80) index = ((index & 0x7f) << 8) | *p++; // two-byte index
            cps[k < 16 ? k : 15] = kEmojiCodePoints[index];
        }
        if (!add(opaque, cps, n < 16 ? n : 16)) return false;
    }
    return true;
}

// The generated table is trusted (tools/gen/gen_regexp_properties.mjs checks that lists are sorted).
uint32_t read_leb(const uint8_t*& p) {
    uint32_t v = 0;
    for (int shift = 0;; shift += 7) {
        uint8_t b = *p++;
        v |= static_cast<uint32_t>(b & 0x7F) << shift;
        if (b < 0x80) return v;
    }
}

bool find(uint8_t kind, const char* name, CharSet& out) {
    for (const auto& e : kProperties) {
        if (e.kind != kind || strcmp(kPropertyNames + e.name, name) != 0) continue;
        const uint8_t* p = kPropertyRanges + e.offset;
        uint32_t end = 0; // of the previous range (exclusive)
        for (uint32_t i = 0; i < e.count; ++i) {
            uint32_t lo = end + read_leb(p);
            end = lo + read_leb(p);
            out.add_range(lo, end - 1);
        }
        return true;
    }
    return false;
}

} // namespace

int unicode_string_property(const char* name, StringSink add, void* opaque) {
    // RGI_Emoji is the union of the other lists (UTS #51 ED-27).
    bool all = !strcmp(name, "RGI_Emoji");
    bool found = false;
    for (const auto& e : kEmojiSequenceProperties) {
        if (!all && strcmp(e.name, name) != 0) continue;
        found = true;
        if (!add_emoji_strings(e, add, opaque)) return -1;
    }
    return found ? 1 : 0;
}

bool unicode_property(const char* name, const char* value, CharSet& out) {
    if (value) {
        if (!strcmp(name, "General_Category") || !strcmp(name, "gc")) return find(0, value, out);
        if (!strcmp(name, "Script") || !strcmp(name, "sc")) return find(1, value, out);
        if (!strcmp(name, "Script_Extensions") || !strcmp(name, "scx")) return find(2, value, out);
        return false;
    }
    // A lone name is a General_Category value or a binary property.
    return find(0, name, out) || find(3, name, out);
}

} // namespace qjs::regexp
