// GlobalObject.cpp: the value and function properties of the global object (ECMA-262 19.1, 19.2)
// and the Annex B escape/unescape functions (B.2.1).
#include "base/NumberConversion.h"
#include "base/Utf.h"
#include "builtins/Builtins.h"
#include "runtime/Context.h"
#include "runtime/Conversions.h"
#include "runtime/NativeFunction.h"
#include "runtime/Object.h"
#include "runtime/String.h"

#include <cmath>

namespace qjs {

// 19.2.5 parseInt ( string, radix ) (#sec-parseint-string-radix)
static Value global_parse_int(Context& ctx, const CallArgs& args) {
    // 1. Let inputString be ? ToString(string).
    Value input = TRY(to_string(ctx, args.arg(0)));
    // 6. Let R be ℝ(? ToInt32(radix)).
    int32_t radix = TRY(to_int32(ctx, args.arg(1)));
    // 2-16. Trim, sign, radix prefix, digits: done by parse_int (radix 0 = not given).
    String* s = input.as_string();
    double v =
        s->is_wide() ? parse_int(s->utf16(), s->length(), radix) : parse_int(s->latin1(), s->length(), radix);
    return Value::number(v);
}

// 19.2.4 parseFloat ( string ) (#sec-parsefloat-string)
static Value global_parse_float(Context& ctx, const CallArgs& args) {
    // 1. Let inputString be ? ToString(string).
    Value input = TRY(to_string(ctx, args.arg(0)));
    // 2-7. Trim leading whitespace, take the longest StrDecimalLiteral prefix (NaN if none).
    String* s = input.as_string();
    double v = s->is_wide() ? parse_float(s->utf16(), s->length()) : parse_float(s->latin1(), s->length());
    return Value::number(v);
}

// 19.2.3 isNaN ( number ) (#sec-isnan-number)
static Value global_is_nan(Context& ctx, const CallArgs& args) {
    // 1. Let num be ? ToNumber(number).
    double num = TRY(to_number(ctx, args.arg(0)));
    // 2. If num is NaN, return true. 3. Otherwise, return false.
    return Value::boolean(std::isnan(num));
}

// 19.2.2 isFinite ( number ) (#sec-isfinite-number)
static Value global_is_finite(Context& ctx, const CallArgs& args) {
    // 1. Let num be ? ToNumber(number).
    double num = TRY(to_number(ctx, args.arg(0)));
    // 2. If num is not finite, return false. 3. Otherwise, return true.
    return Value::boolean(std::isfinite(num));
}

// ---- 19.2.6 URI Handling Functions (#sec-uri-handling-functions) ----

static bool is_ascii_alnum(char16_t c) {
    return (c >= 'a' && c <= 'z') || (c >= 'A' && c <= 'Z') || (c >= '0' && c <= '9');
}

static bool in_set(char16_t c, const char* set) {
    for (const char* p = set; *p; p++)
        if (c == static_cast<unsigned char>(*p)) return true;
    return false;
}

static int hex_digit_value(char16_t c) {
    if (c >= '0' && c <= '9') return c - '0';
    if (c >= 'a' && c <= 'f') return c - 'a' + 10;
    if (c >= 'A' && c <= 'F') return c - 'A' + 10;
    return -1;
}

static const char kHexDigits[] = "0123456789ABCDEF";
static const char kUriMark[] = "-_.!~*'()";

static Value finish_string(Context& ctx, StringBuilder& sb) {
    String* s = sb.finish();
    if (!s) return ctx.throw_out_of_memory();
    return Value::adopt(Tag::String, s);
}

// 19.2.6.5 Encode ( string, extraUnescaped ) (#sec-encode)
static Value encode(Context& ctx, const String* string, const char* extra_unescaped) {
    // 1. Let len be the length of string.
    uint32_t len = string->length();
    // 2. Let R be the empty String.
    StringBuilder r(ctx.rt());
    // 3. Let alwaysUnescaped be the string-concatenation of the ASCII word characters and "-.!~*'()".
    // 4. Let unescapedSet be the string-concatenation of alwaysUnescaped and extraUnescaped.
    // 5. Let k be 0.
    uint32_t k = 0;
    // 6. Repeat, while k < len,
    while (k < len) {
        // a. Let C be the code unit at index k within string.
        char16_t c = string->at(k);
        // b. If unescapedSet contains C, then
        if (c < 128 && (is_ascii_alnum(c) || in_set(c, kUriMark) || in_set(c, extra_unescaped))) {
            // i. Set k to k + 1.
            k++;
            // ii. Set R to the string-concatenation of R and C.
            r.append(c);
            continue;
        }
        // c. Else,
        // i. Let cp be CodePointAt(string, k).
        uint32_t units = 1;
        uint32_t cp = string->code_point_at(k, &units);
        // ii. If cp.[[IsUnpairedSurrogate]] is true, throw a URIError exception.
        if (utf::is_surrogate(cp)) return ctx.throw_error(ErrorType::URIError, "URI malformed");
        // iii. Set k to k + cp.[[CodeUnitCount]].
        k += units;
        // iv. Let Octets be the List of octets resulting by applying the UTF-8 transformation to cp.
        uint8_t octets[4];
        size_t n = utf::encode_utf8(cp, octets);
        // v. For each element octet of Octets, do: let hex be the String representation of octet, formatted
        //    as an uppercase hexadecimal number; R = R + "%" + StringPad(hex, 2, "0", start).
        for (size_t i = 0; i < n; i++) {
            r.append(u'%');
            r.append(static_cast<char16_t>(kHexDigits[octets[i] >> 4]));
            r.append(static_cast<char16_t>(kHexDigits[octets[i] & 15]));
        }
    }
    // 7. Return R.
    return finish_string(ctx, r);
}

// 19.2.6.7 ParseHexOctet ( string, position ) (#sec-parsehexoctet); -1 if not two hex digits.
static int parse_hex_octet(const String* string, uint32_t position) {
    int hi = hex_digit_value(string->at(position));
    int lo = hex_digit_value(string->at(position + 1));
    if (hi < 0 || lo < 0) return -1;
    return hi * 16 + lo;
}

// 19.2.6.6 Decode ( string, preserveEscapeSet ) (#sec-decode)
static Value decode(Context& ctx, const String* string, const char* preserve_escape_set) {
    // 1. Let len be the length of string.
    uint32_t len = string->length();
    // 2. Let R be the empty String.
    StringBuilder r(ctx.rt());
    // 3. Let k be 0.
    uint32_t k = 0;
    // 4. Repeat, while k < len,
    while (k < len) {
        // a. Let C be the code unit at index k within string.
        char16_t c = string->at(k);
        // c. If C is not the code unit 0x0025 (PERCENT SIGN), then
        if (c != '%') {
            // i. Let S be C.
            r.append(c);
            k++;
            continue;
        }
        // d. Else,
        uint32_t start = k;
        // i. If k + 3 > len, throw a URIError exception.
        if (k + 3 > len) return ctx.throw_error(ErrorType::URIError, "URI malformed");
        // ii. Let escape be the substring of string from k to k + 3.
        // iii. Let B be ParseHexOctet(string, k + 1).
        int b = parse_hex_octet(string, k + 1);
        // iv. If B is not an integer, throw a URIError exception.
        if (b < 0) return ctx.throw_error(ErrorType::URIError, "URI malformed");
        // v. Set k to k + 2.
        k += 2;
        // vi. Let n be the number of leading 1 bits in B.
        int n = 0;
        while (n < 8 && (b & (0x80 >> n)))
            n++;
        // vii. If n = 0, then
        if (n == 0) {
            // 1. Let asciiChar be the code unit whose numeric value is B.
            // 2. If preserveEscapeSet contains asciiChar, let S be escape. Otherwise, let S be asciiChar.
            if (in_set(static_cast<char16_t>(b), preserve_escape_set))
                r.append(string, start, start + 3);
            else
                r.append(static_cast<char16_t>(b));
        } else {
            // viii. Else,
            // 1. If n = 1 or n > 4, throw a URIError exception.
            if (n == 1 || n > 4) return ctx.throw_error(ErrorType::URIError, "URI malformed");
            // 2. Let Octets be « B ».
            uint32_t cp = static_cast<uint32_t>(b) & (0xFFu >> (n + 1));
            // 3. If k + (3 × (n - 1)) > len, throw a URIError exception.
            if (k + 3 * static_cast<uint32_t>(n - 1) > len)
                return ctx.throw_error(ErrorType::URIError, "URI malformed");
            // 4. Let j be 1. 5. Repeat, while j < n,
            for (int j = 1; j < n; j++) {
                // a. Set k to k + 1.
                k++;
                // b. If the code unit at index k within string is not the code unit 0x0025 (PERCENT SIGN),
                //    throw a URIError exception.
                if (string->at(k) != '%') return ctx.throw_error(ErrorType::URIError, "URI malformed");
                // c. Let continuationByte be ParseHexOctet(string, k + 1).
                int continuation = parse_hex_octet(string, k + 1);
                // d. If continuationByte is not an integer, throw a URIError exception.
                //    (Also checked here: it must be a continuation byte, 10xxxxxx, as step 7 requires.)
                if (continuation < 0 || (continuation & 0xC0) != 0x80)
                    return ctx.throw_error(ErrorType::URIError, "URI malformed");
                // e. Append continuationByte to Octets.
                cp = (cp << 6) | (static_cast<uint32_t>(continuation) & 0x3F);
                // f. Set k to k + 2.
                k += 2;
            }
            // 7. If Octets does not contain a valid UTF-8 encoding of a Unicode code point, throw a URIError
            //    exception: no overlong forms, no surrogates, nothing above U+10FFFF.
            static const uint32_t kMinForLength[] = {0, 0, 0x80, 0x800, 0x10000};
            if (cp < kMinForLength[n] || cp > 0x10FFFF || utf::is_surrogate(cp))
                return ctx.throw_error(ErrorType::URIError, "URI malformed");
            // 8-9. Let V be the code point obtained by applying the UTF-8 transformation to Octets;
            //      let S be UTF16EncodeCodePoint(V).
            r.append_code_point(cp);
        }
        // f. Set k to k + 1.
        k++;
    }
    // 5. Return R.
    return finish_string(ctx, r);
}

// 19.2.6.1 decodeURI ( encodedURI ) (#sec-decodeuri-encodeduri)
// 19.2.6.2 decodeURIComponent ( encodedURIComponent ) (#sec-decodeuricomponent-encodeduricomponent)
static Value global_decode_uri(Context& ctx, const CallArgs& args) {
    // 1. Let uriString be ? ToString(encodedURI).
    Value uri_string = TRY(to_string(ctx, args.arg(0)));
    // 2. Let preserveEscapeSet be ";/?:@&=+$,#" (decodeURI) or the empty String (decodeURIComponent).
    // 3. Return ? Decode(uriString, preserveEscapeSet).
    return decode(ctx, uri_string.as_string(), args.magic ? "" : ";/?:@&=+$,#");
}

// 19.2.6.3 encodeURI ( uri ) (#sec-encodeuri-uri)
// 19.2.6.4 encodeURIComponent ( uriComponent ) (#sec-encodeuricomponent-uricomponent)
static Value global_encode_uri(Context& ctx, const CallArgs& args) {
    // 1. Let uriString be ? ToString(uri).
    Value uri_string = TRY(to_string(ctx, args.arg(0)));
    // 2. Let extraUnescaped be ";/?:@&=+$,#" (encodeURI) or the empty String (encodeURIComponent).
    // 3. Return ? Encode(uriString, extraUnescaped).
    return encode(ctx, uri_string.as_string(), args.magic ? "" : ";/?:@&=+$,#");
}

// B.2.1.1 escape ( string ) (#sec-escape-string)
static Value global_escape(Context& ctx, const CallArgs& args) {
    // 1. Set string to ? ToString(string).
    Value input = TRY(to_string(ctx, args.arg(0)));
    const String* string = input.as_string();
    // 2. Let len be the length of string.
    uint32_t len = string->length();
    // 3. Let R be the empty String.
    StringBuilder r(ctx.rt());
    // 4. Let unescapedSet be the string-concatenation of the ASCII word characters and "@*+-./".
    // 5-6. For each code unit C of string:
    for (uint32_t k = 0; k < len; k++) {
        char16_t c = string->at(k);
        // a. If unescapedSet contains C, then let S be C.
        if (c < 128 && (is_ascii_alnum(c) || in_set(c, "_@*+-./"))) {
            r.append(c);
        } else if (c < 256) {
            // b.ii-iii. If n < 256: S = "%" + StringPad(hex, 2, "0", start) (uppercase hex).
            r.append(u'%');
            r.append(static_cast<char16_t>(kHexDigits[c >> 4]));
            r.append(static_cast<char16_t>(kHexDigits[c & 15]));
        } else {
            // b.iv. Else: S = "%u" + StringPad(hex, 4, "0", start).
            r.append_ascii("%u");
            for (int shift = 12; shift >= 0; shift -= 4)
                r.append(static_cast<char16_t>(kHexDigits[(c >> shift) & 15]));
        }
    }
    // 7. Return R.
    return finish_string(ctx, r);
}

// B.2.1.2 unescape ( string ) (#sec-unescape-string)
static Value global_unescape(Context& ctx, const CallArgs& args) {
    // 1. Set string to ? ToString(string).
    Value input = TRY(to_string(ctx, args.arg(0)));
    const String* string = input.as_string();
    // 2. Let len be the length of string.
    uint32_t len = string->length();
    // 3. Let R be the empty String.
    StringBuilder r(ctx.rt());
    // 4. Let k be 0.
    uint32_t k = 0;
    // 5. Repeat, while k < len,
    while (k < len) {
        // a. Let C be the code unit at index k within string.
        char16_t c = string->at(k);
        // b. If C is the code unit 0x0025 (PERCENT SIGN), then
        if (c == '%') {
            // i-ii. If k + 6 <= len and the code unit at k + 1 is 'u', and the 4 units after it are hex
            // digits:
            if (k + 6 <= len && string->at(k + 1) == 'u') {
                int value = 0;
                bool ok = true;
                for (uint32_t i = k + 2; i < k + 6 && ok; i++) {
                    int d = hex_digit_value(string->at(i));
                    ok = d >= 0;
                    value = value * 16 + d;
                }
                // iv. If hexDigits is valid, set C to the code unit of value and k to k + 5.
                if (ok) {
                    c = static_cast<char16_t>(value);
                    k += 5;
                }
            } else if (k + 3 <= len) {
                // iii. Else if k + 3 <= len, hexDigits are the two units after '%'.
                int value = parse_hex_octet(string, k + 1);
                if (value >= 0) {
                    c = static_cast<char16_t>(value);
                    k += 2;
                }
            }
        }
        // c. Set R to the string-concatenation of R and C.
        r.append(c);
        // d. Set k to k + 1.
        k++;
    }
    // 6. Return R.
    return finish_string(ctx, r);
}

static const FunctionListEntry kGlobalFunctions[] = {
    QJS_FUNC("parseInt", 2, global_parse_int),
    QJS_FUNC("parseFloat", 1, global_parse_float),
    QJS_FUNC("isNaN", 1, global_is_nan),
    QJS_FUNC("isFinite", 1, global_is_finite),
    QJS_FUNC_MAGIC("decodeURI", 1, global_decode_uri, 0),
    QJS_FUNC_MAGIC("decodeURIComponent", 1, global_decode_uri, 1),
    QJS_FUNC_MAGIC("encodeURI", 1, global_encode_uri, 0),
    QJS_FUNC_MAGIC("encodeURIComponent", 1, global_encode_uri, 1),
    QJS_FUNC("escape", 1, global_escape),
    QJS_FUNC("unescape", 1, global_unescape),
    // 19.1.1 Infinity, 19.1.2 NaN, 19.1.4 undefined:
    // { [[Writable]]: false, [[Enumerable]]: false, [[Configurable]]: false }
    QJS_PROP_DOUBLE("Infinity", INFINITY, 0),
    QJS_PROP_DOUBLE("NaN", NAN, 0),
    QJS_PROP_UNDEFINED("undefined", 0),
};

// 19.1 Value Properties of the Global Object (#sec-value-properties-of-the-global-object)
// 19.2 Function Properties of the Global Object (#sec-function-properties-of-the-global-object)
bool install_global(Context& ctx) {
    Object* global = ctx.global_object();
    // 19.1.1 globalThis: { [[Writable]]: true, [[Enumerable]]: false, [[Configurable]]: true }
    if (put_own_data(ctx, global, atoms::globalThis, Value::object(global),
                     prop::Writable | prop::Configurable)
            .is_exception())
        return false;
    return define_function_list(ctx, global, kGlobalFunctions);
}

} // namespace qjs
