// StringPrototypeCase.cpp: case mapping and normalization methods of %String.prototype%
// (ECMA-262 22.1.3.13, 22.1.3.26-22.1.3.29, 22.1.3.34).
#include "base/Unicode.h"
#include "builtins/StringPrototype.h"
#include "runtime/Context.h"
#include "runtime/Conversions.h"
#include "runtime/NativeFunction.h"

namespace qjs {

enum CaseMapping { ToLower = 0, ToUpper = 1 };

// Final_Sigma (Unicode 3.13, Table 3-17) for the U+03A3 at s[i]: preceded by a cased letter and
// then zero or more case-ignorable characters, and not followed by zero or more case-ignorable
// characters and then a cased letter. Characters that are both (U+0345) are skipped as
// case-ignorable, as ICU and test262 (special_casing_conditional.js) do; unicode::is_final_sigma
// tests cased first, so we don't use it.
static bool is_final_sigma(const String* s, uint32_t i) {
    uint32_t pos = i;
    bool before = false;
    while (pos > 0) {
        uint32_t start = pos - 1;
        if (start > 0 && s->at(start) >= 0xdc00 && s->at(start) <= 0xdfff && s->at(start - 1) >= 0xd800 &&
            s->at(start - 1) <= 0xdbff)
            --start;
        uint32_t c = s->code_point_at(start);
        pos = start;
        if (unicode::is_case_ignorable(c)) continue;
        before = unicode::is_cased(c);
        break;
    }
    if (!before) return false;
    for (pos = i + 1; pos < s->length();) {
        uint32_t units;
        uint32_t c = s->code_point_at(pos, &units);
        pos += units;
        if (unicode::is_case_ignorable(c)) continue;
        return !unicode::is_cased(c);
    }
    return true;
}

// Maps a string with the full (untailored) Unicode case mappings of UnicodeData.txt and
// SpecialCasing.txt, including the Final_Sigma rule for lowercasing.
static Value map_case(Context& ctx, const Value& s, CaseMapping mapping) {
    const String* str = s.as_string();
    uint32_t len = str->length();
    // Fast path: a Latin-1 string that the mapping leaves unchanged is returned as is.
    if (!str->is_wide()) {
        const uint8_t* chars = str->latin1();
        uint32_t i = 0;
        for (; i < len; ++i) {
            uint8_t c = chars[i];
            bool changes = mapping == ToLower
                               ? ((c >= 'A' && c <= 'Z') || (c >= 0xc0 && c <= 0xde && c != 0xd7))
                               : ((c >= 'a' && c <= 'z') || c == 0xb5 || c >= 0xdf);
            if (changes) break;
        }
        if (i == len) return s;
    }
    StringBuilder result(ctx.rt());
    for (uint32_t i = 0; i < len;) {
        uint32_t units;
        uint32_t cp = str->code_point_at(i, &units);
        uint32_t out[3];
        int n;
        if (mapping == ToLower && cp == 0x3a3) {
            // Final_Sigma: only wide strings can hold U+03A3.
            out[0] = is_final_sigma(str, i) ? 0x3c2 : 0x3c3;
            n = 1;
        } else {
            n = mapping == ToLower ? unicode::to_lower_full(cp, out) : unicode::to_upper_full(cp, out);
        }
        for (int k = 0; k < n; ++k)
            if (!result.append_code_point(out[k])) return ctx.throw_out_of_memory();
        i += units;
    }
    return finish_string_builder(ctx, result);
}

// 22.1.3.28 String.prototype.toLowerCase ( ) (#sec-string.prototype.tolowercase)
// 22.1.3.29 String.prototype.toUpperCase ( ) (#sec-string.prototype.touppercase)
// 22.1.3.26 String.prototype.toLocaleLowerCase ( [ reserved1 [ , reserved2 ] ] )
// 22.1.3.27 String.prototype.toLocaleUpperCase ( [ reserved1 [ , reserved2 ] ] )
// Without ECMA-402 the locale variants use the same untailored mappings; `magic` is the CaseMapping.
static Value string_proto_change_case(Context& ctx, const CallArgs& args) {
    // 1. Let O be ? RequireObjectCoercible(this value).
    // 2. Let S be ? ToString(O).
    Value s =
        TRY(this_coerced_string(ctx, args.this_value, args.magic == ToLower ? "toLowerCase" : "toUpperCase"));
    // 3. Let sText be StringToCodePoints(S).
    // 4. Let lowerText (upperText) be the result of toLowercase(sText) (toUppercase) according to
    //    the Unicode Default Case Conversion algorithm.
    // 5. Let L be CodePointsToString(lowerText).
    // 6. Return L.
    return map_case(ctx, s, static_cast<CaseMapping>(args.magic));
}

// ---- normalize ----
//
// No Unicode decomposition/composition data is linked in yet, so normalize is exact only for
// Latin-1 strings (the tables below hold their canonical and compatibility decompositions); any
// other string is returned unchanged.

// Canonical decompositions of U+00C0..U+00FF: base letter and combining mark (0 = none).
struct Latin1Decomposition {
    char base;
    uint16_t mark;
};
static const Latin1Decomposition kLatin1Canonical[64] = {
    {'A', 0x300}, {'A', 0x301}, {'A', 0x302}, {'A', 0x303}, {'A', 0x308}, {'A', 0x30a}, {0, 0},
    {'C', 0x327}, {'E', 0x300}, {'E', 0x301}, {'E', 0x302}, {'E', 0x308}, {'I', 0x300}, {'I', 0x301},
    {'I', 0x302}, {'I', 0x308}, {0, 0},       {'N', 0x303}, {'O', 0x300}, {'O', 0x301}, {'O', 0x302},
    {'O', 0x303}, {'O', 0x308}, {0, 0},       {0, 0},       {'U', 0x300}, {'U', 0x301}, {'U', 0x302},
    {'U', 0x308}, {'Y', 0x301}, {0, 0},       {0, 0},       {'a', 0x300}, {'a', 0x301}, {'a', 0x302},
    {'a', 0x303}, {'a', 0x308}, {'a', 0x30a}, {0, 0},       {'c', 0x327}, {'e', 0x300}, {'e', 0x301},
    {'e', 0x302}, {'e', 0x308}, {'i', 0x300}, {'i', 0x301}, {'i', 0x302}, {'i', 0x308}, {0, 0},
    {'n', 0x303}, {'o', 0x300}, {'o', 0x301}, {'o', 0x302}, {'o', 0x303}, {'o', 0x308}, {0, 0},
    {0, 0},       {'u', 0x300}, {'u', 0x301}, {'u', 0x302}, {'u', 0x308}, {'y', 0x301}, {0, 0},
    {'y', 0x308},
};

// Compatibility decompositions in U+00A0..U+00BF (NFKD/NFKC), as X-macro rows (char, up to 3 code points).
#define QJS_LATIN1_COMPAT(X)                                                                                 \
    X(0xa0, 0x20, 0, 0)                                                                                      \
    X(0xa8, 0x20, 0x308, 0)                                                                                  \
    X(0xaa, 'a', 0, 0)                                                                                       \
    X(0xaf, 0x20, 0x304, 0)                                                                                  \
    X(0xb2, '2', 0, 0)                                                                                       \
    X(0xb3, '3', 0, 0)                                                                                       \
    X(0xb4, 0x20, 0x301, 0)                                                                                  \
    X(0xb5, 0x3bc, 0, 0)                                                                                     \
    X(0xb8, 0x20, 0x327, 0)                                                                                  \
    X(0xb9, '1', 0, 0)                                                                                       \
    X(0xba, 'o', 0, 0)                                                                                       \
    X(0xbc, '1', 0x2044, '4')                                                                                \
    X(0xbd, '1', 0x2044, '2')                                                                                \
    X(0xbe, '3', 0x2044, '4')

// Writes the decomposition of a Latin-1 character; returns the number of code points.
static int decompose_latin1(uint8_t c, bool compatibility, uint32_t out[3]) {
    if (compatibility) {
        switch (c) {
#define QJS_COMPAT_CASE(ch, a, b, d)                                                                         \
    case ch:                                                                                                 \
        out[0] = a;                                                                                          \
        out[1] = b;                                                                                          \
        out[2] = d;                                                                                          \
        return d ? 3 : b ? 2 : 1;
            QJS_LATIN1_COMPAT(QJS_COMPAT_CASE)
#undef QJS_COMPAT_CASE
        default: break;
        }
    }
    if (c >= 0xc0 && kLatin1Canonical[c - 0xc0].base) {
        out[0] = static_cast<uint8_t>(kLatin1Canonical[c - 0xc0].base);
        out[1] = kLatin1Canonical[c - 0xc0].mark;
        return 2;
    }
    out[0] = c;
    return 1;
}

enum NormalizationForm { NFC, NFD, NFKC, NFKD };

static Value normalize_latin1(Context& ctx, const Value& s, NormalizationForm form) {
    const String* str = s.as_string();
    bool compatibility = form == NFKC || form == NFKD;
    bool decomposed = form == NFD || form == NFKD;
    // Latin-1 text is already in NFC (no combining marks to compose with).
    if (form == NFC) return s;
    // Fast path: text below U+00A0 has no decompositions at all.
    bool invariant = true;
    for (uint32_t i = 0; i < str->length() && invariant; ++i)
        invariant = str->latin1()[i] < 0xa0;
    if (invariant) return s;
    StringBuilder result(ctx.rt());
    for (uint32_t i = 0; i < str->length(); ++i) {
        uint8_t c = str->latin1()[i];
        uint32_t out[3];
        int n;
        // NFKC keeps the canonical compositions (U+00C0..U+00FF recompose to themselves), so only
        // the compatibility mappings below U+00C0 apply; none of their results recompose.
        if (!decomposed && c >= 0xc0) {
            out[0] = c;
            n = 1;
        } else {
            n = decompose_latin1(c, compatibility, out);
        }
        for (int k = 0; k < n; ++k)
            if (!result.append_code_point(out[k])) return ctx.throw_out_of_memory();
    }
    return finish_string_builder(ctx, result);
}

// 22.1.3.15 String.prototype.normalize ( [ form ] ) (#sec-string.prototype.normalize)
static Value string_proto_normalize(Context& ctx, const CallArgs& args) {
    // 1. Let O be ? RequireObjectCoercible(this value).
    // 2. Let S be ? ToString(O).
    Value s = TRY(this_coerced_string(ctx, args.this_value, "normalize"));
    NormalizationForm form = NFC;
    // 3. If form is undefined, let f be "NFC".
    if (!args.arg(0).is_undefined()) {
        // 4. Else, let f be ? ToString(form).
        Value f = TRY(to_string(ctx, args.arg(0)));
        // 5. If f is not one of "NFC", "NFD", "NFKC", or "NFKD", throw a RangeError exception.
        const String* fs = f.as_string();
        if (fs->equals_ascii("NFC"))
            form = NFC;
        else if (fs->equals_ascii("NFD"))
            form = NFD;
        else if (fs->equals_ascii("NFKC"))
            form = NFKC;
        else if (fs->equals_ascii("NFKD"))
            form = NFKD;
        else
            return ctx.throw_range_error("The normalization form should be one of NFC, NFD, NFKC, NFKD");
    }
    // 6. Let ns be the String value that is the result of normalizing S into the normalization
    //    form named by f as specified in the latest Unicode Standard, Normalization Forms.
    // 7. Return ns.
    if (!s.as_string()->is_wide()) return normalize_latin1(ctx, s, form);
    // TODO(unicode): decomposition/composition tables for non-Latin-1 text.
    return s;
}

static const FunctionListEntry kStringPrototypeCaseFunctions[] = {
    QJS_FUNC("normalize", 0, string_proto_normalize),
    QJS_FUNC_MAGIC("toLocaleLowerCase", 0, string_proto_change_case, ToLower),
    QJS_FUNC_MAGIC("toLocaleUpperCase", 0, string_proto_change_case, ToUpper),
    QJS_FUNC_MAGIC("toLowerCase", 0, string_proto_change_case, ToLower),
    QJS_FUNC_MAGIC("toUpperCase", 0, string_proto_change_case, ToUpper),
};

bool install_string_prototype_case(Context& ctx, Object* proto) {
    return define_function_list(ctx, proto, kStringPrototypeCaseFunctions);
}

} // namespace qjs
