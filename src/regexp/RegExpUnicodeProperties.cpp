// RegExpUnicodeProperties.cpp: \p{...} lookup (22.2.2.9 UnicodeMatchProperty and
// UnicodeMatchPropertyValue: names must match exactly, no loose matching).
#include "regexp/RegExpCharSet.h"

#include <cstring>

namespace qjs::regexp {

namespace {

struct PropertyEntry {
    uint8_t kind; // 0 General_Category, 1 Script, 2 Script_Extensions, 3 binary
    const char* name;
    uint32_t offset; // in ranges (pairs)
    uint32_t count;
};

#include "regexp/UnicodeProperties.inc"

bool find(uint8_t kind, const char* name, CharSet& out) {
    for (const auto& e : kProperties) {
        if (e.kind != kind || strcmp(e.name, name) != 0) continue;
        const uint32_t* r = kPropertyRanges + 2 * e.offset;
        for (uint32_t i = 0; i < e.count; ++i)
            out.add_range(r[2 * i], r[2 * i + 1] - 1);
        return true;
    }
    return false;
}

} // namespace

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
