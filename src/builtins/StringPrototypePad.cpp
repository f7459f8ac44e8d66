// StringPrototypePad.cpp: padStart, padEnd and repeat of %String.prototype% (ECMA-262 22.1.3.16,
// 22.1.3.17, 22.1.3.18).
#include "base/NumberConversion.h"
#include "builtins/StringPrototype.h"
#include "runtime/Context.h"
#include "runtime/Conversions.h"
#include "runtime/NativeFunction.h"

#include <cmath>
#include <cstring>

namespace qjs {

// Fills `count` code units of `out` (starting at `at`) with repetitions of `s`, doubling the copied
// block each time so that a long repeat costs O(log n) memcpy calls.
template <typename Char> static void fill_repeated(Char* out, uint32_t at, uint32_t count, const String* s) {
    uint32_t len = s->length();
    Char* dest = out + at;
    uint32_t first = count < len ? count : len;
    for (uint32_t i = 0; i < first; ++i)
        dest[i] = static_cast<Char>(s->at(i));
    uint32_t filled = first;
    while (filled < count) {
        uint32_t chunk = filled < count - filled ? filled : count - filled;
        std::memcpy(dest + filled, dest, chunk * sizeof(Char));
        filled += chunk;
    }
}

// Builds filler(fill_len code units of repeated `fill`) placed before or after `s`.
static Value build_padded(Context& ctx, const String* s, const String* fill, uint32_t fill_len,
                          bool at_start) {
    uint32_t total = s->length() + fill_len;
    bool wide = s->is_wide() || fill->is_wide();
    String* r = String::create_uninit(ctx.rt(), total, wide);
    if (!r) return ctx.throw_out_of_memory();
    uint32_t fill_at = at_start ? 0 : s->length();
    uint32_t s_at = at_start ? fill_len : 0;
    if (wide) {
        fill_repeated(r->utf16(), fill_at, fill_len, fill);
        for (uint32_t i = 0; i < s->length(); ++i)
            r->utf16()[s_at + i] = s->at(i);
    } else {
        fill_repeated(r->latin1(), fill_at, fill_len, fill);
        std::memcpy(r->latin1() + s_at, s->latin1(), s->length());
        r->latin1()[total] = 0;
    }
    return Value::adopt(Tag::String, r);
}

enum PadPlacement { PadStart = 0, PadEnd = 1 };

// 22.1.3.17.1 StringPaddingBuiltinsImpl ( O, maxLength, fillString, placement )
// (#sec-stringpaddingbuiltinsimpl); `magic` is the PadPlacement.
// 22.1.3.16 String.prototype.padEnd ( maxLength [ , fillString ] ) (#sec-string.prototype.padend)
// 22.1.3.17 String.prototype.padStart ( maxLength [ , fillString ] ) (#sec-string.prototype.padstart)
static Value string_proto_pad(Context& ctx, const CallArgs& args) {
    // (padStart/padEnd) 1. Let O be ? RequireObjectCoercible(this value).
    // 1. Let S be ? ToString(O).
    Value s = TRY(this_coerced_string(ctx, args.this_value, args.magic == PadStart ? "padStart" : "padEnd"));
    // 2. Let intMaxLength be ℝ(? ToLength(maxLength)).
    uint64_t int_max_length = TRY(to_length(ctx, args.arg(0)));
    // 3. Let stringLength be the length of S.
    uint32_t string_length = s.as_string()->length();
    // 4. If intMaxLength ≤ stringLength, return S.
    if (int_max_length <= string_length) return s;
    Value fill_string;
    // 5. If fillString is undefined, set fillString to the String value consisting solely of 0x0020.
    if (args.arg(1).is_undefined())
        fill_string = TRY(ctx.new_string(" "));
    else // 6. Else, set fillString to ? ToString(fillString).
        fill_string = TRY(to_string(ctx, args.arg(1)));
    // 7. Return StringPad(S, intMaxLength, fillString, placement).
    // 22.1.3.17.2 StringPad ( S, maxLength, fillString, placement ) (#sec-stringpad)
    // 1-3. If maxLength ≤ stringLength or fillString is empty, return S.
    if (fill_string.as_string()->length() == 0) return s;
    if (int_max_length > String::kMaxLength) return ctx.throw_range_error("Invalid string length");
    // 4. Let fillLen be maxLength - stringLength.
    uint32_t fill_len = static_cast<uint32_t>(int_max_length) - string_length;
    // 5. Let truncatedStringFiller be the String value consisting of repeated concatenations of
    //    fillString truncated to length fillLen.
    // 6. If placement is start, return truncatedStringFiller + S; else return S + truncatedStringFiller.
    return build_padded(ctx, s.as_string(), fill_string.as_string(), fill_len, args.magic == PadStart);
}

// 22.1.3.18 String.prototype.repeat ( count ) (#sec-string.prototype.repeat)
static Value string_proto_repeat(Context& ctx, const CallArgs& args) {
    // 1-2. Let O be ? RequireObjectCoercible(this value). Let S be ? ToString(O).
    Value s = TRY(this_coerced_string(ctx, args.this_value, "repeat"));
    // 3. Let n be ? ToIntegerOrInfinity(count).
    double n = TRY(to_integer_or_infinity(ctx, args.arg(0)));
    // 4. If n < 0 or n = +∞, throw a RangeError exception.
    if (n < 0 || n == INFINITY) {
        char num[kNumberToStringBufferSize + 1];
        num[number_to_string(n, num)] = 0;
        return ctx.throw_range_error("Invalid count value: %s", num);
    }
    // 5. If n = 0, return the empty String.
    const String* str = s.as_string();
    if (n == 0 || str->length() == 0) return ctx.atom_value(atoms::empty_string);
    // Fast path: once.
    if (n == 1) return s;
    // 6. Return the String value that is made from n copies of S appended together.
    double total = n * str->length();
    if (total > String::kMaxLength) return ctx.throw_range_error("Invalid string length");
    String* r = String::create_uninit(ctx.rt(), static_cast<uint32_t>(total), str->is_wide());
    if (!r) return ctx.throw_out_of_memory();
    if (str->is_wide()) {
        fill_repeated(r->utf16(), 0, static_cast<uint32_t>(total), str);
    } else {
        fill_repeated(r->latin1(), 0, static_cast<uint32_t>(total), str);
        r->latin1()[static_cast<uint32_t>(total)] = 0;
    }
    return Value::adopt(Tag::String, r);
}

static const FunctionListEntry kStringPrototypePadFunctions[] = {
    QJS_FUNC_MAGIC("padEnd", 1, string_proto_pad, PadEnd),
    QJS_FUNC_MAGIC("padStart", 1, string_proto_pad, PadStart),
    QJS_FUNC("repeat", 1, string_proto_repeat),
};

bool install_string_prototype_pad(Context& ctx, Object* proto) {
    return define_function_list(ctx, proto, kStringPrototypePadFunctions);
}

} // namespace qjs
