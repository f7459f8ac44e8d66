// NumberPrototype.cpp: the properties of %Number.prototype% (ECMA-262 21.1.3).
#include "base/NumberConversion.h"
#include "runtime/Context.h"
#include "runtime/Conversions.h"
#include "runtime/NativeFunction.h"
#include "runtime/Object.h"
#include "runtime/PrimitiveWrapper.h"
#include "runtime/String.h"

#include <cmath>
#include <string_view>

namespace qjs {

// 21.1.3.7.1 ThisNumberValue ( value ) (#sec-thisnumbervalue)
static Result<double> this_number_value(Context& ctx, const Value& value, const char* method) {
    // 1. If value is a Number, return value.
    if (value.is_number()) return value.as_number();
    // 2. If value is an Object and value has a [[NumberData]] internal slot, then
    //    a-c. Return value.[[NumberData]].
    if (const Value* data = primitive_of(value, ClassId::Number)) return data->as_number();
    // 3. Throw a TypeError exception.
    return ctx.throw_type_error("Number.prototype.%s requires that 'this' be a Number", method);
}

static Value ascii_value(Context& ctx, const char* buf, size_t len) {
    String* s = String::create_ascii(ctx.rt(), std::string_view(buf, len));
    if (!s) return ctx.throw_out_of_memory();
    return Value::adopt(Tag::String, s);
}

// 21.1.3.2 Number.prototype.toExponential ( fractionDigits ) (#sec-number.prototype.toexponential)
static Value number_proto_to_exponential(Context& ctx, const CallArgs& args) {
    // 1. Let x be ? ThisNumberValue(this value).
    double x = TRY(this_number_value(ctx, args.this_value, "toExponential"));
    // 2. Let f be ? ToIntegerOrInfinity(fractionDigits).
    double f = TRY(to_integer_or_infinity(ctx, args.arg(0)));
    // 3. Assert: If fractionDigits is undefined, then f is 0.
    // 4. If x is not finite, return Number::toString(x, 10).
    if (!std::isfinite(x)) return number_to_string_value(ctx, x);
    // 5. If f < 0 or f > 100, throw a RangeError exception.
    if (f < 0 || f > 100) return ctx.throw_range_error("toExponential() argument must be between 0 and 100");
    // 6-15. (digits and exponent; an undefined fractionDigits asks for as many digits as needed)
    char buf[kNumberFormatBufferSize];
    size_t n = to_exponential(x, args.arg(0).is_undefined() ? -1 : static_cast<int>(f), buf);
    return ascii_value(ctx, buf, n);
}

// 21.1.3.3 Number.prototype.toFixed ( fractionDigits ) (#sec-number.prototype.tofixed)
static Value number_proto_to_fixed(Context& ctx, const CallArgs& args) {
    // 1. Let x be ? ThisNumberValue(this value).
    double x = TRY(this_number_value(ctx, args.this_value, "toFixed"));
    // 2. Let f be ? ToIntegerOrInfinity(fractionDigits).
    double f = TRY(to_integer_or_infinity(ctx, args.arg(0)));
    // 3. Assert: If fractionDigits is undefined, then f is 0.
    // 4. If f is not finite, throw a RangeError exception.
    // 5. If f < 0 or f > 100, throw a RangeError exception.
    if (!(f >= 0 && f <= 100))
        return ctx.throw_range_error("toFixed() digits argument must be between 0 and 100");
    // 6. If x is not finite, return Number::toString(x, 10).
    if (!std::isfinite(x)) return number_to_string_value(ctx, x);
    // 7-13. (x ≥ 10^21 gives ToString(x); else n such that n / 10^f - x is as close to zero as
    //        possible, the larger n on a tie)
    char buf[kNumberFormatBufferSize];
    size_t n = to_fixed(x, static_cast<int>(f), buf);
    return ascii_value(ctx, buf, n);
}

// 21.1.3.4 Number.prototype.toLocaleString ( [ reserved1 [ , reserved2 ] ] )
// (#sec-number.prototype.tolocalestring): without ECMA-402, the same as toString().
static Value number_proto_to_locale_string(Context& ctx, const CallArgs& args) {
    double x = TRY(this_number_value(ctx, args.this_value, "toLocaleString"));
    return number_to_string_value(ctx, x);
}

// 21.1.3.5 Number.prototype.toPrecision ( precision ) (#sec-number.prototype.toprecision)
static Value number_proto_to_precision(Context& ctx, const CallArgs& args) {
    // 1. Let x be ? ThisNumberValue(this value).
    double x = TRY(this_number_value(ctx, args.this_value, "toPrecision"));
    // 2. If precision is undefined, return ! ToString(x).
    if (args.arg(0).is_undefined()) return number_to_string_value(ctx, x);
    // 3. Let p be ? ToIntegerOrInfinity(precision).
    double p = TRY(to_integer_or_infinity(ctx, args.arg(0)));
    // 4. If x is not finite, return Number::toString(x, 10).
    if (!std::isfinite(x)) return number_to_string_value(ctx, x);
    // 5. If p < 1 or p > 100, throw a RangeError exception.
    if (p < 1 || p > 100) return ctx.throw_range_error("toPrecision() argument must be between 1 and 100");
    // 6-13. (fixed or exponential notation with p significant digits)
    char buf[kNumberFormatBufferSize];
    size_t n = to_precision(x, static_cast<int>(p), buf);
    return ascii_value(ctx, buf, n);
}

// 21.1.3.6 Number.prototype.toString ( [ radix ] ) (#sec-number.prototype.tostring)
static Value number_proto_to_string(Context& ctx, const CallArgs& args) {
    // 1. Let x be ? ThisNumberValue(this value).
    double x = TRY(this_number_value(ctx, args.this_value, "toString"));
    // 2. If radix is undefined, let radixMV be 10.
    // 3. Else, let radixMV be ? ToIntegerOrInfinity(radix).
    double radix = args.arg(0).is_undefined() ? 10 : TRY(to_integer_or_infinity(ctx, args.arg(0)));
    // 4. If radixMV is not in the inclusive interval from 2 to 36, throw a RangeError exception.
    if (radix < 2 || radix > 36) return ctx.throw_range_error("toString() radix must be between 2 and 36");
    // 5. Return Number::toString(x, radixMV).
    // Radix 10 is the shortest round-trip form (Number::toString(x, 10)).
    if (radix == 10) return number_to_string_value(ctx, x);
    char buf[kRadixBufferSize];
    size_t n = number_to_string_radix(x, static_cast<int>(radix), buf, sizeof buf);
    return ascii_value(ctx, buf, n);
}

// 21.1.3.7 Number.prototype.valueOf ( ) (#sec-number.prototype.valueof)
static Value number_proto_value_of(Context& ctx, const CallArgs& args) {
    // 1. Return ? ThisNumberValue(this value).
    if (args.this_value.is_number()) return args.this_value;
    if (const Value* data = primitive_of(args.this_value, ClassId::Number)) return *data;
    return ctx.throw_type_error("Number.prototype.valueOf requires that 'this' be a Number");
}

static const FunctionListEntry kNumberPrototypeFunctions[] = {
    QJS_FUNC("toExponential", 1, number_proto_to_exponential),
    QJS_FUNC("toFixed", 1, number_proto_to_fixed),
    QJS_FUNC("toLocaleString", 0, number_proto_to_locale_string),
    QJS_FUNC("toPrecision", 1, number_proto_to_precision),
    QJS_FUNC("toString", 1, number_proto_to_string),
    QJS_FUNC("valueOf", 0, number_proto_value_of),
};

// 21.1.3 Properties of the Number Prototype Object (#sec-properties-of-the-number-prototype-object)
bool install_number_prototype(Context& ctx, Object* proto) {
    return define_function_list(ctx, proto, kNumberPrototypeFunctions);
}

} // namespace qjs
