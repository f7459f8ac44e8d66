// NumberConstructor.cpp: the Number constructor and its properties (ECMA-262 21.1.1, 21.1.2).
#include "builtins/Builtins.h"
#include "runtime/BigInt.h"
#include "runtime/Context.h"
#include "runtime/Conversions.h"
#include "runtime/NativeFunction.h"
#include "runtime/Object.h"
#include "runtime/PrimitiveWrapper.h"

#include <cfloat>
#include <cmath>

namespace qjs {

bool install_number_prototype(Context&, Object* proto); // NumberPrototype.cpp

// 21.1.1.1 Number ( value ) (#sec-number-constructor-number-value)
static Value number_constructor(Context& ctx, const CallArgs& args) {
    Value n;
    // 1. If value is present, then
    if (args.count() > 0) {
        // a. Let prim be ? ToNumeric(value).
        Value prim = TRY(to_numeric(ctx, args.arg(0)));
        // b. If prim is a BigInt, let n be 𝔽(ℝ(prim)).
        // c. Otherwise, let n be prim.
        n = prim.is_bigint() ? Value::number(bigint_to_double(prim)) : std::move(prim);
    } else {
        // 2. Else, let n be +0𝔽.
        n = Value::int32(0);
    }
    // 3. If NewTarget is undefined, return n.
    if (!args.is_construct()) return n;
    // 4. Let O be ? OrdinaryCreateFromConstructor(NewTarget, "%Number.prototype%", « [[NumberData]] »).
    Object* proto =
        TRY(get_prototype_from_constructor(ctx, args.new_target, ctx.intrinsic(Intrinsic::NumberPrototype)));
    // 5. Set O.[[NumberData]] to n.
    Value o = new_primitive_wrapper(ctx, proto, ClassId::Number, n);
    if (proto) proto->unref();
    // 6. Return O.
    return o;
}

// 21.1.2.2 Number.isFinite ( number ) (#sec-number.isfinite)
static Value number_is_finite(Context&, const CallArgs& args) {
    const Value& number = args.arg(0);
    // 1. If number is not a Number, return false.
    // 2. If number is not finite, return false.
    // 3. Otherwise, return true.
    return Value::boolean(number.is_number() && std::isfinite(number.as_number()));
}

// 21.1.2.3 Number.isInteger ( number ) (#sec-number.isinteger)
static Value number_is_integer(Context&, const CallArgs& args) {
    // 1. Return IsIntegralNumber(number).
    return Value::boolean(is_integral_number(args.arg(0)));
}

// 21.1.2.4 Number.isNaN ( number ) (#sec-number.isnan)
static Value number_is_nan(Context&, const CallArgs& args) {
    const Value& number = args.arg(0);
    // 1. If number is not a Number, return false.
    // 2. If number is NaN, return true.
    // 3. Otherwise, return false.
    return Value::boolean(number.is_float64() && std::isnan(number.as_float64()));
}

// 21.1.2.5 Number.isSafeInteger ( number ) (#sec-number.issafeinteger)
static Value number_is_safe_integer(Context&, const CallArgs& args) {
    const Value& number = args.arg(0);
    // Fast path: every int32 is a safe integer.
    if (number.is_int32()) return Value::boolean(true);
    // 1. If IsIntegralNumber(number) is true, then
    //    a. If abs(ℝ(number)) ≤ 2^53 - 1, return true.
    // 2. Return false.
    return Value::boolean(is_integral_number(number) && std::fabs(number.as_number()) <= 9007199254740991.0);
}

static const FunctionListEntry kNumberConstructorProperties[] = {
    // 21.1.2.1-21.1.2.14: the value properties are { [[Writable]]: false, [[Enumerable]]: false,
    // [[Configurable]]: false }.
    QJS_PROP_DOUBLE("EPSILON", DBL_EPSILON, 0),                  // 21.1.2.1: 2^-52
    QJS_FUNC("isFinite", 1, number_is_finite),                   // 21.1.2.2
    QJS_FUNC("isInteger", 1, number_is_integer),                 // 21.1.2.3
    QJS_FUNC("isNaN", 1, number_is_nan),                         // 21.1.2.4
    QJS_FUNC("isSafeInteger", 1, number_is_safe_integer),        // 21.1.2.5
    QJS_PROP_DOUBLE("MAX_SAFE_INTEGER", 9007199254740991.0, 0),  // 21.1.2.6: 2^53 - 1
    QJS_PROP_DOUBLE("MAX_VALUE", DBL_MAX, 0),                    // 21.1.2.7
    QJS_PROP_DOUBLE("MIN_SAFE_INTEGER", -9007199254740991.0, 0), // 21.1.2.8
    QJS_PROP_DOUBLE("MIN_VALUE", 4.9406564584124654e-324, 0),    // 21.1.2.9: the smallest denormal
    QJS_PROP_DOUBLE("NaN", NAN, 0),                              // 21.1.2.10
    QJS_PROP_DOUBLE("NEGATIVE_INFINITY", -INFINITY, 0),          // 21.1.2.11
    QJS_PROP_DOUBLE("POSITIVE_INFINITY", INFINITY, 0),           // 21.1.2.14
};

// 21.1.2.12 Number.parseFloat ( string ) and 21.1.2.13 Number.parseInt ( string, radix ): the same
// function objects as the global parseFloat/parseInt, which install_global defined before us.
static bool share_global_function(Context& ctx, Object* ctor, const char* name) {
    Atom key = ctx.rt().intern_ascii(name);
    if (!key) {
        ctx.throw_out_of_memory();
        return false;
    }
    PropertyDescriptor desc;
    Result<bool> found = get_own_property(ctx, ctx.global_object(), key, &desc);
    if (found.is_exception()) return false;
    // Without the global function (install_global not run) the property is left out.
    if (!found.value() || !desc.has_value) return true;
    return !put_own_data(ctx, ctor, key, desc.value, prop::Writable | prop::Configurable).is_exception();
}

// 21.1.2 Properties of the Number Constructor (#sec-properties-of-the-number-constructor)
bool install_number(Context& ctx) {
    // 21.1.3: the Number prototype object is itself a Number object; its [[NumberData]] is +0.
    Value proto = new_primitive_wrapper(ctx, ctx.intrinsic(Intrinsic::ObjectPrototype), ClassId::Number,
                                        Value::int32(0));
    if (proto.is_exception()) return false;
    ctx.set_intrinsic(Intrinsic::NumberPrototype, proto.as_object());
    Object* ctor = define_builtin_constructor(ctx, number_constructor, "Number", 1, proto.as_object());
    if (!ctor) return false;
    ctx.set_intrinsic(Intrinsic::Number, ctor);
    return define_function_list(ctx, ctor, kNumberConstructorProperties) &&
           share_global_function(ctx, ctor, "parseFloat") && share_global_function(ctx, ctor, "parseInt") &&
           install_number_prototype(ctx, proto.as_object());
}

} // namespace qjs
