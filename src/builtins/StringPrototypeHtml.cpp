// StringPrototypeHtml.cpp: the Annex B HTML methods of %String.prototype% (ECMA-262 B.2.2.2-B.2.2.14).
#include "builtins/StringPrototype.h"
#include "runtime/Context.h"
#include "runtime/Conversions.h"
#include "runtime/NativeFunction.h"

namespace qjs {

// X(method name, length, tag, attribute or "")
#define QJS_STRING_HTML_METHODS(X)                                                                           \
    X(anchor, 1, "a", "name")        /* B.2.2.2 */                                                           \
    X(big, 0, "big", "")             /* B.2.2.3 */                                                           \
    X(blink, 0, "blink", "")         /* B.2.2.4 */                                                           \
    X(bold, 0, "b", "")              /* B.2.2.5 */                                                           \
    X(fixed, 0, "tt", "")            /* B.2.2.6 */                                                           \
    X(fontcolor, 1, "font", "color") /* B.2.2.7 */                                                           \
    X(fontsize, 1, "font", "size")   /* B.2.2.8 */                                                           \
    X(italics, 0, "i", "")           /* B.2.2.9 */                                                           \
    X(link, 1, "a", "href")          /* B.2.2.10 */                                                          \
    X(small, 0, "small", "")         /* B.2.2.11 */                                                          \
    X(strike, 0, "strike", "")       /* B.2.2.12 */                                                          \
    X(sub, 0, "sub", "")             /* B.2.2.13 */                                                          \
    X(sup, 0, "sup", "")             /* B.2.2.14 */

struct HtmlMethod {
    const char* name;
    const char* tag;
    const char* attribute;
};

static const HtmlMethod kHtmlMethods[] = {
#define QJS_HTML_ROW(name, length, tag, attribute) {#name, tag, attribute},
    QJS_STRING_HTML_METHODS(QJS_HTML_ROW)
#undef QJS_HTML_ROW
};

// B.2.2.2.1 CreateHTML ( string, tag, attribute, value ) (#sec-createhtml); `magic` indexes kHtmlMethods.
static Value string_proto_create_html(Context& ctx, const CallArgs& args) {
    const HtmlMethod& method = kHtmlMethods[args.magic];
    // 1. Let str be ? RequireObjectCoercible(string).
    // 2. Let S be ? ToString(str).
    Value s = TRY(this_coerced_string(ctx, args.this_value, method.name));
    // 3. Let p1 be the string-concatenation of "<" and tag.
    StringBuilder p(ctx.rt());
    bool ok = p.append(u'<') && p.append_ascii(method.tag);
    // 4. If attribute is not the empty String, then
    if (method.attribute[0]) {
        // a. Let V be ? ToString(value).
        Value v = TRY(to_string(ctx, args.arg(0)));
        // b. Let escapedV be V with each code unit 0x0022 (QUOTATION MARK) replaced by "&quot;".
        // c. Set p1 to p1 + " " + attribute + "=" + '"' + escapedV + '"'.
        ok = ok && p.append(u' ') && p.append_ascii(method.attribute) && p.append_ascii("=\"");
        const String* vs = v.as_string();
        for (uint32_t i = 0; i < vs->length() && ok; ++i)
            ok = vs->at(i) == '"' ? p.append_ascii("&quot;") : p.append(vs->at(i));
        ok = ok && p.append(u'"');
    }
    // 5. Let p2 be the string-concatenation of p1 and ">".
    // 6. Let p3 be the string-concatenation of p2 and S.
    // 7. Let p4 be the string-concatenation of p3, "</", tag, and ">".
    ok = ok && p.append(u'>') && p.append(s.as_string()) && p.append_ascii("</") &&
         p.append_ascii(method.tag) && p.append(u'>');
    if (!ok) return ctx.throw_out_of_memory();
    // 8. Return p4.
    return finish_string_builder(ctx, p);
}

enum HtmlMethodIndex {
#define QJS_HTML_INDEX(name, length, tag, attribute) Html_##name,
    QJS_STRING_HTML_METHODS(QJS_HTML_INDEX)
#undef QJS_HTML_INDEX
};

static const FunctionListEntry kStringPrototypeHtmlFunctions[] = {
#define QJS_HTML_ENTRY(name, length, tag, attribute)                                                         \
    QJS_FUNC_MAGIC(#name, length, string_proto_create_html, Html_##name),
    QJS_STRING_HTML_METHODS(QJS_HTML_ENTRY)
#undef QJS_HTML_ENTRY
};

bool install_string_prototype_html(Context& ctx, Object* proto) {
    return define_function_list(ctx, proto, kStringPrototypeHtmlFunctions);
}

} // namespace qjs
