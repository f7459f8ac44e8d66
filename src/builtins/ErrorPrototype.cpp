// ErrorPrototype.cpp: the properties of %Error.prototype% (ECMA-262 20.5.3) and of the NativeError
// prototype objects (20.5.6.3, 20.5.7.3).
#include "runtime/Context.h"
#include "runtime/Conversions.h"
#include "runtime/ErrorObject.h"
#include "runtime/NativeFunction.h"
#include "runtime/Object.h"
#include "runtime/String.h"

namespace qjs {

// 20.5.3.4 Error.prototype.toString ( ) (#sec-error.prototype.tostring)
static Value error_proto_to_string(Context& ctx, const CallArgs& args) {
    // 1. Let O be the this value.
    // 2. If O is not an Object, throw a TypeError exception.
    if (!args.this_value.is_object())
        return ctx.throw_type_error("Error.prototype.toString called on non-object");
    Object* o = args.this_value.as_object();
    // 3. Let name be ? Get(O, "name").
    Value name = TRY(get(ctx, o, atoms::name));
    // 4. If name is undefined, set name to "Error"; otherwise set name to ? ToString(name).
    name = name.is_undefined() ? TRY(ctx.new_string("Error")) : TRY(to_string(ctx, name));
    // 5. Let msg be ? Get(O, "message").
    Value msg = TRY(get(ctx, o, atoms::message));
    // 6. If msg is undefined, set msg to the empty String; otherwise set msg to ? ToString(msg).
    msg = msg.is_undefined() ? ctx.atom_value(atoms::empty_string) : TRY(to_string(ctx, msg));
    // 7. If name is the empty String, return msg.
    if (name.as_string()->length() == 0) return msg;
    // 8. If msg is the empty String, return name.
    if (msg.as_string()->length() == 0) return name;
    // 9. Return the string-concatenation of name, the code unit 0x003A (COLON), the code unit 0x0020
    //    (SPACE), and msg.
    StringBuilder sb(ctx.rt());
    sb.append(name.as_string());
    sb.append_ascii(": ");
    sb.append(msg.as_string());
    String* result = sb.finish();
    if (!result) return ctx.throw_out_of_memory();
    return Value::adopt(Tag::String, result);
}

// get Error.prototype.stack (error-stack-accessor proposal, #sec-get-error.prototype-stack)
static Value error_proto_get_stack(Context& ctx, const CallArgs& args) {
    // 1. Let E be the this value.
    // 2. If E is not an Object, throw a TypeError exception.
    if (!args.this_value.is_object())
        return ctx.throw_type_error("Error.prototype.stack getter called on non-object");
    Object* e = args.this_value.as_object();
    // 3. If E does not have an [[ErrorData]] internal slot, return undefined.
    if (e->class_id() != ClassId::Error) return Value();
    // 4. Return an implementation-defined String: the stack captured at construction.
    const Value& stack = static_cast<ErrorObject*>(e)->m_stack;
    return stack.is_undefined() ? ctx.atom_value(atoms::empty_string) : stack;
}

// set Error.prototype.stack (error-stack-accessor proposal, #sec-set-error.prototype-stack)
static Value error_proto_set_stack(Context& ctx, const CallArgs& args) {
    // 1. Let E be the this value.
    // 2. If E is not an Object, throw a TypeError exception.
    if (!args.this_value.is_object())
        return ctx.throw_type_error("Error.prototype.stack setter called on non-object");
    // 3. If v is not a String, throw a TypeError exception.
    const Value& v = args.arg(0);
    if (!v.is_string()) return ctx.throw_type_error("Error.prototype.stack must be set to a string");
    // 4. Return ? SetterThatIgnoresPrototypeProperties(E, %Error.prototype%, "stack", v).
    Object* e = args.this_value.as_object();
    //    a. If SameValue(thisValue, home) is true, throw a TypeError exception.
    if (e == ctx.intrinsic(Intrinsic::ErrorPrototype))
        return ctx.throw_type_error("cannot set the stack of Error.prototype");
    //    b. Let desc be ? thisValue.[[GetOwnProperty]](p).
    PropertyDescriptor desc;
    bool found = TRY(get_own_property(ctx, e, atoms::stack, &desc));
    //    c. If desc is undefined, perform ? CreateDataPropertyOrThrow(thisValue, p, v).
    if (!found) {
        TRY(create_data_property_or_throw(ctx, e, atoms::stack, v));
        return Value();
    }
    //    d. Else, perform ? Set(thisValue, p, v, true).
    TRY(set_or_throw(ctx, e, atoms::stack, v));
    return Value();
}

static const FunctionListEntry kErrorPrototypeFunctions[] = {
    // 20.5.3.2 Error.prototype.message (#sec-error.prototype.message): the empty String.
    QJS_PROP_STRING("message", "", prop::Writable | prop::Configurable),
    // 20.5.3.3 Error.prototype.name (#sec-error.prototype.name): "Error".
    QJS_PROP_STRING("name", "Error", prop::Writable | prop::Configurable),
    QJS_FUNC("toString", 0, error_proto_to_string),
    QJS_ACCESSOR("stack", error_proto_get_stack, error_proto_set_stack),
};

// 20.5.3 Properties of the Error Prototype Object (#sec-properties-of-the-error-prototype-object)
bool install_error_prototype(Context& ctx, Object* proto) {
    return define_function_list(ctx, proto, kErrorPrototypeFunctions);
}

// 20.5.6.3 Properties of the NativeError Prototype Objects
// (#sec-properties-of-the-nativeerror-prototype-objects) 20.5.7.3 Properties of the AggregateError Prototype
// Object (#sec-properties-of-the-aggregate-error-prototype-objects)
bool install_native_error_prototype(Context& ctx, Object* proto, const char* name) {
    // 20.5.6.3.2 NativeError.prototype.message: the empty String.
    // 20.5.6.3.3 NativeError.prototype.name: the name of the constructor.
    const FunctionListEntry entries[] = {
        QJS_PROP_STRING("message", "", prop::Writable | prop::Configurable),
        QJS_PROP_STRING("name", name, prop::Writable | prop::Configurable),
    };
    return define_function_list(ctx, proto, entries);
}

} // namespace qjs
