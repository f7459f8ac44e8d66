// BooleanConstructor.cpp: the Boolean constructor (ECMA-262 20.3.1, 20.3.2).
#include "builtins/Builtins.h"
#include "runtime/Context.h"
#include "runtime/Conversions.h"
#include "runtime/NativeFunction.h"
#include "runtime/Object.h"
#include "runtime/PrimitiveWrapper.h"

namespace qjs {

bool install_boolean_prototype(Context&, Object* proto); // BooleanPrototype.cpp

// 20.3.1.1 Boolean ( value ) (#sec-boolean-constructor-boolean-value)
static Value boolean_constructor(Context& ctx, const CallArgs& args) {
    // 1. Let b be ToBoolean(value).
    bool b = to_boolean(args.arg(0));
    // 2. If NewTarget is undefined, return b.
    if (!args.is_construct()) return Value::boolean(b);
    // 3. Let O be ? OrdinaryCreateFromConstructor(NewTarget, "%Boolean.prototype%", « [[BooleanData]] »).
    Object* proto =
        TRY(get_prototype_from_constructor(ctx, args.new_target, ctx.intrinsic(Intrinsic::BooleanPrototype)));
    // 4. Set O.[[BooleanData]] to b.
    Value o = new_primitive_wrapper(ctx, proto, ClassId::Boolean, Value::boolean(b));
    if (proto) proto->unref();
    // 5. Return O.
    return o;
}

// 20.3.2 Properties of the Boolean Constructor (#sec-properties-of-the-boolean-constructor)
bool install_boolean(Context& ctx) {
    // 20.3.3: the Boolean prototype object is itself a Boolean object; its [[BooleanData]] is false.
    Value proto = new_primitive_wrapper(ctx, ctx.intrinsic(Intrinsic::ObjectPrototype), ClassId::Boolean,
                                        Value::boolean(false));
    if (proto.is_exception()) return false;
    ctx.set_intrinsic(Intrinsic::BooleanPrototype, proto.as_object());
    Object* ctor = define_builtin_constructor(ctx, boolean_constructor, "Boolean", 1, proto.as_object());
    if (!ctor) return false;
    ctx.set_intrinsic(Intrinsic::Boolean, ctor);
    return install_boolean_prototype(ctx, proto.as_object());
}

} // namespace qjs
