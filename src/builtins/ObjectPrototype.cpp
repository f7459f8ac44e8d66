// ObjectPrototype.cpp: the properties of %Object.prototype% (ECMA-262 20.1.3), including the
// legacy accessor methods (20.1.3.9).
#include "runtime/Call.h"
#include "runtime/Context.h"
#include "runtime/Conversions.h"
#include "runtime/NativeFunction.h"
#include "runtime/Object.h"
#include "runtime/String.h"

namespace qjs {

// 20.1.3.2 Object.prototype.hasOwnProperty ( V ) (#sec-object.prototype.hasownproperty)
static Value object_proto_has_own_property(Context& ctx, const CallArgs& args) {
    // 1. Let P be ? ToPropertyKey(V).
    Atom key = TRY(to_property_key(ctx, args.arg(0)));
    // 2. Let O be ? ToObject(this value).
    Value o = TRY(to_object(ctx, args.this_value));
    // 3. Return ? HasOwnProperty(O, P).
    return Value::boolean(TRY(has_own_property(ctx, o.as_object(), key)));
}

// 20.1.3.3 Object.prototype.isPrototypeOf ( V ) (#sec-object.prototype.isprototypeof)
static Value object_proto_is_prototype_of(Context& ctx, const CallArgs& args) {
    // 1. If V is not an Object, return false.
    if (!args.arg(0).is_object()) return Value::boolean(false);
    // 2. Let O be ? ToObject(this value).
    Value o = TRY(to_object(ctx, args.this_value));
    // 3. Repeat,
    Value v = args.arg(0);
    for (;;) {
        // a. Set V to ? V.[[GetPrototypeOf]]().
        Object* proto = TRY(get_prototype_of(ctx, v.as_object()));
        // b. If V is null, return false.
        if (!proto) return Value::boolean(false);
        v = Value::adopt(Tag::Object, proto);
        // c. If SameValue(O, V) is true, return true.
        if (proto == o.as_object()) return Value::boolean(true);
    }
}

// 20.1.3.4 Object.prototype.propertyIsEnumerable ( V ) (#sec-object.prototype.propertyisenumerable)
static Value object_proto_property_is_enumerable(Context& ctx, const CallArgs& args) {
    // 1. Let P be ? ToPropertyKey(V).
    Atom key = TRY(to_property_key(ctx, args.arg(0)));
    // 2. Let O be ? ToObject(this value).
    Value o = TRY(to_object(ctx, args.this_value));
    // 3. Let desc be ? O.[[GetOwnProperty]](P).
    PropertyDescriptor desc;
    bool found = TRY(get_own_property(ctx, o.as_object(), key, &desc));
    // 4. If desc is undefined, return false.
    if (!found) return Value::boolean(false);
    // 5. Return desc.[[Enumerable]].
    return Value::boolean(desc.enumerable());
}

// 20.1.3.5 Object.prototype.toLocaleString ( [ reserved1 [ , reserved2 ] ] )
// (#sec-object.prototype.tolocalestring)
static Value object_proto_to_locale_string(Context& ctx, const CallArgs& args) {
    // 1. Let O be the this value.
    // 2. Return ? Invoke(O, "toString").
    return invoke(ctx, args.this_value, atoms::toString, {});
}

// The builtinTag of Object.prototype.toString for objects with the listed internal slots.
static const char* builtin_tag(Object* o) {
    switch (o->class_id()) {
    // 6. Else if O has a [[ParameterMap]] internal slot, let builtinTag be "Arguments".
    case ClassId::Arguments:
    case ClassId::MappedArguments: return "Arguments";
    // 8. Else if O has an [[ErrorData]] internal slot, let builtinTag be "Error".
    case ClassId::Error: return "Error";
    // 9-11. [[BooleanData]], [[NumberData]], [[StringData]]
    case ClassId::Boolean: return "Boolean";
    case ClassId::Number: return "Number";
    case ClassId::String: return "String";
    // 12. Else if O has a [[DateValue]] internal slot, let builtinTag be "Date".
    case ClassId::Date: return "Date";
    // 13. Else if O has a [[RegExpMatcher]] internal slot, let builtinTag be "RegExp".
    case ClassId::RegExp: return "RegExp";
    default: break;
    }
    // 7. Else if O has a [[Call]] internal method, let builtinTag be "Function".
    if (o->is_callable()) return "Function";
    // 14. Else, let builtinTag be "Object".
    return "Object";
}

// 20.1.3.6 Object.prototype.toString ( ) (#sec-object.prototype.tostring)
static Value object_proto_to_string(Context& ctx, const CallArgs& args) {
    // 1. If the this value is undefined, return "[object Undefined]".
    if (args.this_value.is_undefined()) return ctx.new_string("[object Undefined]");
    // 2. If the this value is null, return "[object Null]".
    if (args.this_value.is_null()) return ctx.new_string("[object Null]");
    // 3. Let O be ! ToObject(this value).
    Value o = TRY(to_object(ctx, args.this_value));
    // 4. Let isArray be ? IsArray(O).
    bool array = TRY(is_array(ctx, o));
    // 5. If isArray is true, let builtinTag be "Array". 6-14: see builtin_tag.
    const char* tag_name = array ? "Array" : builtin_tag(o.as_object());
    // 15. Let tag be ? Get(O, %Symbol.toStringTag%).
    Value tag = TRY(get(ctx, o.as_object(), atoms::sym_toStringTag));
    // 16. If tag is not a String, set tag to builtinTag.
    // 17. Return the string-concatenation of "[object ", tag, and "]".
    StringBuilder sb(ctx.rt());
    sb.append_ascii("[object ");
    if (tag.is_string())
        sb.append(tag.as_string());
    else
        sb.append_ascii(tag_name);
    sb.append(u']');
    String* result = sb.finish();
    if (!result) return ctx.throw_out_of_memory();
    return Value::adopt(Tag::String, result);
}

// 20.1.3.7 Object.prototype.valueOf ( ) (#sec-object.prototype.valueof)
static Value object_proto_value_of(Context& ctx, const CallArgs& args) {
    // 1. Return ? ToObject(this value).
    return to_object(ctx, args.this_value);
}

// 20.1.3.8.1 get Object.prototype.__proto__ (#sec-get-object.prototype.__proto__)
static Value object_proto_get_proto(Context& ctx, const CallArgs& args) {
    // 1. Let O be ? ToObject(this value).
    Value o = TRY(to_object(ctx, args.this_value));
    // 2. Return ? O.[[GetPrototypeOf]]().
    Object* proto = TRY(get_prototype_of(ctx, o.as_object()));
    if (!proto) return Value::null();
    return Value::adopt(Tag::Object, proto);
}

// 20.1.3.8.2 set Object.prototype.__proto__ (#sec-set-object.prototype.__proto__)
static Value object_proto_set_proto(Context& ctx, const CallArgs& args) {
    const Value& proto = args.arg(0);
    // 1. Let O be ? RequireObjectCoercible(this value).
    TRY(require_object_coercible(ctx, args.this_value));
    // 2. If proto is not an Object and proto is not null, return undefined.
    if (!proto.is_object() && !proto.is_null()) return Value::undefined();
    // 3. If O is not an Object, return undefined.
    if (!args.this_value.is_object()) return Value::undefined();
    // 4. Let status be ? O.[[SetPrototypeOf]](proto).
    bool status = TRY(
        set_prototype_of(ctx, args.this_value.as_object(), proto.is_object() ? proto.as_object() : nullptr));
    // 5. If status is false, throw a TypeError exception.
    if (!status) return ctx.throw_type_error("cannot set prototype");
    // 6. Return undefined.
    return Value::undefined();
}

// 20.1.3.9.1 Object.prototype.__defineGetter__ ( P, getter ) (#sec-object.prototype.__defineGetter__)
// 20.1.3.9.2 Object.prototype.__defineSetter__ ( P, setter ) (#sec-object.prototype.__defineSetter__)
static Value object_proto_define_accessor(Context& ctx, const CallArgs& args) {
    bool is_setter = args.magic != 0;
    const Value& fn = args.arg(1);
    // 1. Let O be ? ToObject(this value).
    Value o = TRY(to_object(ctx, args.this_value));
    // 2. If IsCallable(getter) is false, throw a TypeError exception.
    if (!is_callable(fn))
        return ctx.throw_type_error(is_setter ? "setter is not a function" : "getter is not a function");
    // 3. Let desc be PropertyDescriptor { [[Get]]/[[Set]]: fn, [[Enumerable]]: true, [[Configurable]]: true
    // }.
    PropertyDescriptor desc;
    if (is_setter) {
        desc.setter = fn;
        desc.has_set = true;
    } else {
        desc.getter = fn;
        desc.has_get = true;
    }
    desc.flags = prop::Enumerable | prop::Configurable | prop::Accessor;
    desc.has_enumerable = desc.has_configurable = true;
    // 4. Let key be ? ToPropertyKey(P).
    Atom key = TRY(to_property_key(ctx, args.arg(0)));
    // 5. Perform ? DefinePropertyOrThrow(O, key, desc).
    TRY(define_property_or_throw(ctx, o.as_object(), key, desc));
    // 6. Return undefined.
    return Value::undefined();
}

// 20.1.3.9.3 Object.prototype.__lookupGetter__ ( P ) (#sec-object.prototype.__lookupGetter__)
// 20.1.3.9.4 Object.prototype.__lookupSetter__ ( P ) (#sec-object.prototype.__lookupSetter__)
static Value object_proto_lookup_accessor(Context& ctx, const CallArgs& args) {
    bool is_setter = args.magic != 0;
    // 1. Let O be ? ToObject(this value).
    Value o = TRY(to_object(ctx, args.this_value));
    // 2. Let key be ? ToPropertyKey(P).
    Atom key = TRY(to_property_key(ctx, args.arg(0)));
    // 3. Repeat,
    for (;;) {
        // a. Let desc be ? O.[[GetOwnProperty]](key).
        PropertyDescriptor desc;
        bool found = TRY(get_own_property(ctx, o.as_object(), key, &desc));
        // b. If desc is not undefined, then
        if (found) {
            // i. If IsAccessorDescriptor(desc) is true, return desc.[[Get]] / desc.[[Set]].
            if (desc.is_accessor()) return is_setter ? desc.setter : desc.getter;
            // ii. Return undefined.
            return Value::undefined();
        }
        // c. Set O to ? O.[[GetPrototypeOf]]().
        Object* proto = TRY(get_prototype_of(ctx, o.as_object()));
        // d. If O is null, return undefined.
        if (!proto) return Value::undefined();
        o = Value::adopt(Tag::Object, proto);
    }
}

#define QJS_OBJECT_PROTOTYPE_FUNCTIONS(X)                                                                    \
    X("hasOwnProperty", 1, object_proto_has_own_property, 0)                                                 \
    X("isPrototypeOf", 1, object_proto_is_prototype_of, 0)                                                   \
    X("propertyIsEnumerable", 1, object_proto_property_is_enumerable, 0)                                     \
    X("toLocaleString", 0, object_proto_to_locale_string, 0)                                                 \
    X("toString", 0, object_proto_to_string, 0)                                                              \
    X("valueOf", 0, object_proto_value_of, 0)                                                                \
    X("__defineGetter__", 2, object_proto_define_accessor, 0)                                                \
    X("__defineSetter__", 2, object_proto_define_accessor, 1)                                                \
    X("__lookupGetter__", 1, object_proto_lookup_accessor, 0)                                                \
    X("__lookupSetter__", 1, object_proto_lookup_accessor, 1)

static const FunctionListEntry kObjectPrototypeFunctions[] = {
#define X(name, length, fn, magic) QJS_FUNC_MAGIC(name, length, fn, magic),
    QJS_OBJECT_PROTOTYPE_FUNCTIONS(X)
#undef X
        QJS_ACCESSOR("__proto__", object_proto_get_proto, object_proto_set_proto),
};

// 20.1.3 Properties of the Object Prototype Object (#sec-properties-of-the-object-prototype-object)
// Called by install_object once the constructor exists (it defines "constructor").
bool install_object_prototype(Context& ctx, Object* proto) {
    if (!define_function_list(ctx, proto, kObjectPrototypeFunctions)) return false;
    // %Object.prototype.toString% is an intrinsic (Array.prototype.toString falls back to it).
    int32_t slot = find_own_slot(proto, atoms::toString);
    if (slot >= 0)
        ctx.set_intrinsic(Intrinsic::ObjectProtoToString,
                          proto->slot(static_cast<uint32_t>(slot)).as_object());
    return true;
}

} // namespace qjs
