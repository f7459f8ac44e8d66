// Reflect.cpp: the Reflect object (ECMA-262 28.1).
#include "builtins/Builtins.h"
#include "runtime/Call.h"
#include "runtime/Context.h"
#include "runtime/Conversions.h"
#include "runtime/NativeFunction.h"
#include "runtime/Object.h"

namespace qjs {

// ObjectConstructor.cpp

// The "If target is not an Object, throw a TypeError exception." step most functions start with.
static Object* require_target(Context& ctx, const CallArgs& args, const char* method) {
    if (args.arg(0).is_object()) return args.arg(0).as_object();
    ctx.throw_type_error("Reflect.%s called on non-object", method);
    return nullptr;
}

// 28.1.1 Reflect.apply ( target, thisArgument, argumentsList ) (#sec-reflect.apply)
static Value reflect_apply(Context& ctx, const CallArgs& args) {
    // 1. If IsCallable(target) is false, throw a TypeError exception.
    if (!is_callable(args.arg(0))) return ctx.throw_type_error("Reflect.apply: target is not a function");
    // 2. Let args be ? CreateListFromArrayLike(argumentsList).
    Vector<Value> list = TRY(create_list_from_array_like(ctx, args.arg(2)));
    // 3-4. Return ? Call(target, thisArgument, args).
    return call(ctx, args.arg(0), args.arg(1), list);
}

// 28.1.2 Reflect.construct ( target, argumentsList [ , newTarget ] ) (#sec-reflect.construct)
static Value reflect_construct(Context& ctx, const CallArgs& args) {
    // 1. If IsConstructor(target) is false, throw a TypeError exception.
    if (!is_constructor(args.arg(0)))
        return ctx.throw_type_error("Reflect.construct: target is not a constructor");
    // 2. If newTarget is not present, set newTarget to target.
    const Value& new_target = args.count() < 3 ? args.arg(0) : args.arg(2);
    // 3. Else if IsConstructor(newTarget) is false, throw a TypeError exception.
    if (!is_constructor(new_target))
        return ctx.throw_type_error("Reflect.construct: newTarget is not a constructor");
    // 4. Let args be ? CreateListFromArrayLike(argumentsList).
    Vector<Value> list = TRY(create_list_from_array_like(ctx, args.arg(1)));
    // 5. Return ? Construct(target, args, newTarget).
    return construct(ctx, args.arg(0), list, new_target);
}

// 28.1.3 Reflect.defineProperty ( target, propertyKey, attributes ) (#sec-reflect.defineproperty)
static Value reflect_define_property(Context& ctx, const CallArgs& args) {
    // 1. If target is not an Object, throw a TypeError exception.
    Object* target = require_target(ctx, args, "defineProperty");
    if (!target) return Exception{};
    // 2. Let key be ? ToPropertyKey(propertyKey).
    Atom key = TRY(to_property_key(ctx, args.arg(1)));
    // 3. Let desc be ? ToPropertyDescriptor(attributes).
    PropertyDescriptor desc = TRY(to_property_descriptor(ctx, args.arg(2)));
    // 4. Return ? target.[[DefineOwnProperty]](key, desc).
    return Value::boolean(TRY(define_own_property(ctx, target, key, desc)));
}

// 28.1.4 Reflect.deleteProperty ( target, propertyKey ) (#sec-reflect.deleteproperty)
static Value reflect_delete_property(Context& ctx, const CallArgs& args) {
    // 1. If target is not an Object, throw a TypeError exception.
    Object* target = require_target(ctx, args, "deleteProperty");
    if (!target) return Exception{};
    // 2. Let key be ? ToPropertyKey(propertyKey).
    Atom key = TRY(to_property_key(ctx, args.arg(1)));
    // 3. Return ? target.[[Delete]](key).
    return Value::boolean(TRY(delete_property(ctx, target, key)));
}

// 28.1.5 Reflect.get ( target, propertyKey [ , receiver ] ) (#sec-reflect.get)
static Value reflect_get(Context& ctx, const CallArgs& args) {
    // 1. If target is not an Object, throw a TypeError exception.
    Object* target = require_target(ctx, args, "get");
    if (!target) return Exception{};
    // 2. Let key be ? ToPropertyKey(propertyKey).
    Atom key = TRY(to_property_key(ctx, args.arg(1)));
    // 3. If receiver is not present, then set receiver to target.
    const Value& receiver = args.count() < 3 ? args.arg(0) : args.arg(2);
    // 4. Return ? target.[[Get]](key, receiver).
    return get(ctx, target, key, receiver);
}

// 28.1.6 Reflect.getOwnPropertyDescriptor ( target, propertyKey ) (#sec-reflect.getownpropertydescriptor)
static Value reflect_get_own_property_descriptor(Context& ctx, const CallArgs& args) {
    // 1. If target is not an Object, throw a TypeError exception.
    Object* target = require_target(ctx, args, "getOwnPropertyDescriptor");
    if (!target) return Exception{};
    // 2. Let key be ? ToPropertyKey(propertyKey).
    Atom key = TRY(to_property_key(ctx, args.arg(1)));
    // 3. Let desc be ? target.[[GetOwnProperty]](key).
    PropertyDescriptor desc;
    bool found = TRY(get_own_property(ctx, target, key, &desc));
    // 4. Return FromPropertyDescriptor(desc).
    return from_property_descriptor(ctx, desc, found);
}

// 28.1.7 Reflect.getPrototypeOf ( target ) (#sec-reflect.getprototypeof)
static Value reflect_get_prototype_of(Context& ctx, const CallArgs& args) {
    // 1. If target is not an Object, throw a TypeError exception.
    Object* target = require_target(ctx, args, "getPrototypeOf");
    if (!target) return Exception{};
    // 2. Return ? target.[[GetPrototypeOf]]().
    Object* proto = TRY(get_prototype_of(ctx, target));
    if (!proto) return Value::null();
    return Value::adopt(Tag::Object, proto);
}

// 28.1.8 Reflect.has ( target, propertyKey ) (#sec-reflect.has)
static Value reflect_has(Context& ctx, const CallArgs& args) {
    // 1. If target is not an Object, throw a TypeError exception.
    Object* target = require_target(ctx, args, "has");
    if (!target) return Exception{};
    // 2. Let key be ? ToPropertyKey(propertyKey).
    Atom key = TRY(to_property_key(ctx, args.arg(1)));
    // 3. Return ? target.[[HasProperty]](key).
    return Value::boolean(TRY(has_property(ctx, target, key)));
}

// 28.1.9 Reflect.isExtensible ( target ) (#sec-reflect.isextensible)
static Value reflect_is_extensible(Context& ctx, const CallArgs& args) {
    // 1. If target is not an Object, throw a TypeError exception.
    Object* target = require_target(ctx, args, "isExtensible");
    if (!target) return Exception{};
    // 2. Return ? target.[[IsExtensible]]().
    return Value::boolean(TRY(is_extensible(ctx, target)));
}

// 28.1.10 Reflect.ownKeys ( target ) (#sec-reflect.ownkeys)
static Value reflect_own_keys(Context& ctx, const CallArgs& args) {
    // 1. If target is not an Object, throw a TypeError exception.
    Object* target = require_target(ctx, args, "ownKeys");
    if (!target) return Exception{};
    // 2. Let keys be ? target.[[OwnPropertyKeys]]().
    Vector<Atom> keys = TRY(own_property_keys(ctx, target));
    // 3. Return CreateArrayFromList(keys).
    Value result = TRY(new_array(ctx, 0));
    for (Atom key : keys) {
        Value key_value = TRY(ctx.atom_value(key));
        if (!array_push_fast(ctx, result.as_object(), std::move(key_value))) return Exception{};
    }
    return result;
}

// 28.1.11 Reflect.preventExtensions ( target ) (#sec-reflect.preventextensions)
static Value reflect_prevent_extensions(Context& ctx, const CallArgs& args) {
    // 1. If target is not an Object, throw a TypeError exception.
    Object* target = require_target(ctx, args, "preventExtensions");
    if (!target) return Exception{};
    // 2. Return ? target.[[PreventExtensions]]().
    return Value::boolean(TRY(prevent_extensions(ctx, target)));
}

// 28.1.12 Reflect.set ( target, propertyKey, V [ , receiver ] ) (#sec-reflect.set)
static Value reflect_set(Context& ctx, const CallArgs& args) {
    // 1. If target is not an Object, throw a TypeError exception.
    Object* target = require_target(ctx, args, "set");
    if (!target) return Exception{};
    // 2. Let key be ? ToPropertyKey(propertyKey).
    Atom key = TRY(to_property_key(ctx, args.arg(1)));
    // 3. If receiver is not present, then set receiver to target.
    const Value& receiver = args.count() < 4 ? args.arg(0) : args.arg(3);
    // 4. Return ? target.[[Set]](key, V, receiver).
    return Value::boolean(TRY(set(ctx, target, key, args.arg(2), receiver)));
}

// 28.1.13 Reflect.setPrototypeOf ( target, proto ) (#sec-reflect.setprototypeof)
static Value reflect_set_prototype_of(Context& ctx, const CallArgs& args) {
    // 1. If target is not an Object, throw a TypeError exception.
    Object* target = require_target(ctx, args, "setPrototypeOf");
    if (!target) return Exception{};
    // 2. If proto is not an Object and proto is not null, throw a TypeError exception.
    const Value& proto = args.arg(1);
    if (!proto.is_object() && !proto.is_null())
        return ctx.throw_type_error("Object prototype may only be an Object or null");
    // 3. Return ? target.[[SetPrototypeOf]](proto).
    return Value::boolean(
        TRY(set_prototype_of(ctx, target, proto.is_object() ? proto.as_object() : nullptr)));
}

#define QJS_REFLECT_FUNCTIONS(X)                                                                             \
    X("apply", 3, reflect_apply)                                                                             \
    X("construct", 2, reflect_construct)                                                                     \
    X("defineProperty", 3, reflect_define_property)                                                          \
    X("deleteProperty", 2, reflect_delete_property)                                                          \
    X("get", 2, reflect_get)                                                                                 \
    X("getOwnPropertyDescriptor", 2, reflect_get_own_property_descriptor)                                    \
    X("getPrototypeOf", 1, reflect_get_prototype_of)                                                         \
    X("has", 2, reflect_has)                                                                                 \
    X("isExtensible", 1, reflect_is_extensible)                                                              \
    X("ownKeys", 1, reflect_own_keys)                                                                        \
    X("preventExtensions", 1, reflect_prevent_extensions)                                                    \
    X("set", 3, reflect_set)                                                                                 \
    X("setPrototypeOf", 2, reflect_set_prototype_of)

static const FunctionListEntry kReflectFunctions[] = {
#define X(name, length, fn) QJS_FUNC(name, length, fn),
    QJS_REFLECT_FUNCTIONS(X)
#undef X
    // 28.1.14 Reflect [ %Symbol.toStringTag% ] (#sec-reflect-%symbol.tostringtag%)
    QJS_PROP_STRING("[Symbol.toStringTag]", "Reflect", prop::Configurable),
};

// 28.1 The Reflect Object (#sec-reflect-object): an ordinary object inheriting from
// %Object.prototype%, defined on the global object as writable and configurable.
bool install_reflect(Context& ctx) {
    Value reflect = new_object(ctx);
    if (reflect.is_exception()) return false;
    ctx.set_intrinsic(Intrinsic::Reflect, reflect.as_object());
    if (!define_function_list(ctx, reflect.as_object(), kReflectFunctions)) return false;
    return !put_own_data(ctx, ctx.global_object(), atoms::Reflect, reflect,
                         prop::Writable | prop::Configurable)
                .is_exception();
}

} // namespace qjs
