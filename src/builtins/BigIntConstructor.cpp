// 21.2.1 The BigInt Constructor, 21.2.2 Properties of the BigInt Constructor
#include "builtins/Builtins.h"
#include "runtime/BigInt.h"
#include "runtime/Context.h"
#include "runtime/Conversions.h"
#include "runtime/NativeFunction.h"

#include <cmath>

namespace qjs {

Value bigint_prototype_to_string(Context&, const CallArgs&);
Value bigint_prototype_value_of(Context&, const CallArgs&);

// 21.2.1.1 BigInt ( value ) (#sec-bigint-constructor-number-value)
static Value bigint_constructor(Context& ctx, const CallArgs& args) {
    // 1. If NewTarget is not undefined, throw a TypeError exception.
    if (args.is_construct()) return ctx.throw_type_error("BigInt is not a constructor");
    // 2. Let prim be ? ToPrimitive(value, number).
    Value prim = TRY(to_primitive(ctx, args.arg(0), PreferredType::Number));
    // 3. If prim is a Number, return ? NumberToBigInt(prim).
    if (prim.is_number()) return bigint_from_double(ctx, prim.as_number());
    // 4. Otherwise, return ? ToBigInt(prim).
    return to_bigint(ctx, prim);
}

// 21.2.2.1 BigInt.asIntN ( bits, bigint ) / 21.2.2.2 BigInt.asUintN ( bits, bigint )
static Value bigint_as_n(Context& ctx, const CallArgs& args) {
    // 1. Set bits to ? ToIndex(bits).
    uint64_t bits = TRY(to_index(ctx, args.arg(0)));
    // 2. Set bigint to ? ToBigInt(bigint).
    Value big = TRY(to_bigint(ctx, args.arg(1)));
    return bigint_as_int_n(ctx, bits, big, args.magic == 1);
}

static const FunctionListEntry kBigIntFunctions[] = {
    QJS_FUNC_MAGIC("asIntN", 2, bigint_as_n, 1),
    QJS_FUNC_MAGIC("asUintN", 2, bigint_as_n, 0),
};

static const FunctionListEntry kBigIntPrototypeFunctions[] = {
    QJS_FUNC("toString", 0, bigint_prototype_to_string),
    QJS_FUNC("toLocaleString", 0, bigint_prototype_to_string),
    QJS_FUNC("valueOf", 0, bigint_prototype_value_of),
    QJS_PROP_STRING("[Symbol.toStringTag]", "BigInt", prop::Configurable),
};

bool install_bigint(Context& ctx) {
    Object* proto = Object::create(ctx, ctx.intrinsic(Intrinsic::ObjectPrototype), ClassId::Object);
    if (!proto) return false;
    Value hold = Value::adopt(Tag::Object, proto);
    ctx.set_intrinsic(Intrinsic::BigIntPrototype, proto);
    Object* ctor = define_builtin_constructor(ctx, bigint_constructor, "BigInt", 1, proto);
    if (!ctor) return false;
    ctx.set_intrinsic(Intrinsic::BigInt, ctor);
    return define_function_list(ctx, ctor, kBigIntFunctions) &&
           define_function_list(ctx, proto, kBigIntPrototypeFunctions);
}

} // namespace qjs
