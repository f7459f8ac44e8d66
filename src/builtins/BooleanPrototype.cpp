// BooleanPrototype.cpp: the properties of %Boolean.prototype% (ECMA-262 20.3.3).
#include "runtime/Context.h"
#include "runtime/NativeFunction.h"
#include "runtime/Object.h"
#include "runtime/PrimitiveWrapper.h"

namespace qjs {

// 20.3.3.3.1 ThisBooleanValue ( value ) (#sec-thisbooleanvalue)
static Result<bool> this_boolean_value(Context& ctx, const Value& value, const char* method) {
    // 1. If value is a Boolean, return value.
    if (value.is_bool()) return value.as_bool();
    // 2. If value is an Object and value has a [[BooleanData]] internal slot, then
    //    a-c. Return value.[[BooleanData]].
    if (const Value* data = primitive_of(value, ClassId::Boolean)) return data->as_bool();
    // 3. Throw a TypeError exception.
    return ctx.throw_type_error("%s requires that 'this' be a Boolean", method);
}

// 20.3.3.2 Boolean.prototype.toString ( ) (#sec-boolean.prototype.tostring)
static Value boolean_proto_to_string(Context& ctx, const CallArgs& args) {
    // 1. Let b be ? ThisBooleanValue(this value).
    bool b = TRY(this_boolean_value(ctx, args.this_value, "Boolean.prototype.toString"));
    // 2. If b is true, return "true"; else return "false".
    return ctx.atom_value(b ? atoms::true_ : atoms::false_);
}

// 20.3.3.3 Boolean.prototype.valueOf ( ) (#sec-boolean.prototype.valueof)
static Value boolean_proto_value_of(Context& ctx, const CallArgs& args) {
    // 1. Return ? ThisBooleanValue(this value).
    return Value::boolean(TRY(this_boolean_value(ctx, args.this_value, "Boolean.prototype.valueOf")));
}

static const FunctionListEntry kBooleanPrototypeFunctions[] = {
    QJS_FUNC("toString", 0, boolean_proto_to_string),
    QJS_FUNC("valueOf", 0, boolean_proto_value_of),
};

// 20.3.3 Properties of the Boolean Prototype Object (#sec-properties-of-the-boolean-prototype-object)
bool install_boolean_prototype(Context& ctx, Object* proto) {
    return define_function_list(ctx, proto, kBooleanPrototypeFunctions);
}

} // namespace qjs
