// 21.2.3 Properties of the BigInt Prototype Object
#include "runtime/BigInt.h"
#include "runtime/Context.h"
#include "runtime/Conversions.h"
#include "runtime/NativeFunction.h"
#include "runtime/PrimitiveWrapper.h"

namespace qjs {

// ThisBigIntValue (#sec-thisbigintvalue)
static Value this_bigint_value(Context& ctx, const Value& v) {
    if (v.is_bigint()) return v;
    if (const Value* p = primitive_of(v, ClassId::BigInt)) return *p;
    return ctx.throw_type_error("not a BigInt");
}

// 21.2.3.3 BigInt.prototype.toString ( [ radix ] ) (#sec-bigint.prototype.tostring)
Value bigint_prototype_to_string(Context& ctx, const CallArgs& args) {
    // 1. Let x be ? ThisBigIntValue(this value).
    Value x = TRY(this_bigint_value(ctx, args.this_value));
    // 2-4. radixMV defaults to 10 and must be in 2..36.
    int radix = 10;
    if (!args.arg(0).is_undefined()) {
        double r = TRY(to_integer_or_infinity(ctx, args.arg(0)));
        if (r < 2 || r > 36) return ctx.throw_range_error("toString() radix must be between 2 and 36");
        radix = static_cast<int>(r);
    }
    // 5. Return BigInt::toString(x, radixMV).
    return bigint_to_string(ctx, x, radix);
}

// 21.2.3.4 BigInt.prototype.valueOf ( ) (#sec-bigint.prototype.valueof)
Value bigint_prototype_value_of(Context& ctx, const CallArgs& args) {
    return this_bigint_value(ctx, args.this_value);
}

} // namespace qjs
