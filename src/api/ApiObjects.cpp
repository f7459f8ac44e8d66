// ApiObjects.cpp: quickjs.h objects, properties, prototypes, calls and the global object.
#include "api/ApiInternal.h"

#include "runtime/Call.h"
#include "runtime/Conversions.h"
#include "runtime/Object.h"

#include <cstring>

using namespace qjs;
using namespace qjs::api;

namespace {

// Borrowed arguments as Values (each holds its own reference while the call runs).
struct ArgList {
    Vector<Value> values;
    ArgList(int argc, JSValueConst* argv) {
        values.reserve(argc > 0 ? static_cast<size_t>(argc) : 0);
        for (int i = 0; i < argc; ++i)
            values.push_back(borrow(argv[i]));
    }
    std::span<const Value> span() const { return {values.data(), values.size()}; }
};

uint8_t attributes_of(int flags) {
    uint8_t a = 0;
    if (flags & JS_PROP_WRITABLE) a |= prop::Writable;
    if (flags & JS_PROP_ENUMERABLE) a |= prop::Enumerable;
    if (flags & JS_PROP_CONFIGURABLE) a |= prop::Configurable;
    return a;
}

int js_flags_of(uint8_t attributes) {
    int f = 0;
    if (attributes & prop::Writable) f |= JS_PROP_WRITABLE;
    if (attributes & prop::Enumerable) f |= JS_PROP_ENUMERABLE;
    if (attributes & prop::Configurable) f |= JS_PROP_CONFIGURABLE;
    if (attributes & prop::Accessor) f |= JS_PROP_GETSET;
    return f;
}

int bool_result(Result<bool> r) {
    if (r.is_exception()) return -1;
    return r.value() ? 1 : 0;
}

// The object a property operation works on: objects as they are, primitives boxed (TypeError for
// undefined and null).
Value target_object(Context& ctx, JSValueConst v) {
    if (Object* o = object_of(v)) return Value::object(o);
    return to_object(ctx, borrow(v));
}

// The object an operation requires (nullptr with a TypeError pending for other values).
Object* require_object(Context& ctx, JSValueConst v) {
    Object* o = object_of(v);
    if (!o) ctx.throw_type_error("not an object");
    return o;
}

Atom index_atom(Context& ctx, int64_t idx) {
    if (idx >= 0) {
        Atom a = index_to_atom(ctx, static_cast<uint64_t>(idx));
        if (!a) ctx.throw_out_of_memory();
        return a;
    }
    Result<Atom> a = to_property_key(ctx, Value::number(idx));
    return a.is_exception() ? 0 : a.value();
}

} // namespace

// ---- creation ----

JSValue JS_NewObject(JSContext* c) {
    return give(new_object(enter(c)));
}
JSValue JS_NewObjectProto(JSContext* c, JSValueConst proto) {
    Context& ctx = enter(c);
    if (proto.tag != JS_TAG_NULL && proto.tag != JS_TAG_OBJECT)
        return give(ctx.throw_type_error("not a prototype"));
    return give(new_object_with_proto(ctx, object_of(proto)));
}
JSValue JS_NewArray(JSContext* c) {
    return give(new_array(enter(c)));
}
JSValue JS_NewDate(JSContext* c, double epoch_ms) {
    Context& ctx = enter(c);
    Value arg = Value::number(epoch_ms);
    return give(construct(ctx, Value::object(ctx.intrinsic(Intrinsic::Date)), {&arg, 1}));
}
JSValue JS_GetGlobalObject(JSContext* c) {
    return give(Value::object(enter(c).global_object()));
}

// ---- predicates ----

JS_BOOL JS_IsFunction(JSContext*, JSValueConst val) {
    Object* o = object_of(val);
    return o && o->is_callable();
}
JS_BOOL JS_IsConstructor(JSContext*, JSValueConst val) {
    Object* o = object_of(val);
    return o && o->is_constructor();
}
JS_BOOL JS_SetConstructorBit(JSContext*, JSValueConst func_obj, JS_BOOL val) {
    Object* o = object_of(func_obj);
    if (!o) return 0;
    if (val)
        o->m_flags |= objflag::Constructor;
    else
        o->m_flags &= static_cast<uint8_t>(~objflag::Constructor);
    return 1;
}
int JS_IsArray(JSContext* c, JSValueConst val) {
    return bool_result(is_array(enter(c), borrow(val)));
}
int JS_IsInstanceOf(JSContext* c, JSValueConst val, JSValueConst obj) {
    return bool_result(instance_of(enter(c), borrow(val), borrow(obj)));
}
void JS_SetIsHTMLDDA(JSContext*, JSValueConst obj) {
    if (Object* o = object_of(obj)) o->m_flags |= objflag::HtmlDda;
}
JSValue JS_GetAbstractModuleSource(JSContext* c) {
    Context& ctx = enter(c);
    Object* o = ctx.intrinsic(Intrinsic::AbstractModuleSource);
    return o ? give(Value::object(o)) : JS_UNDEFINED;
}

// ---- get ----

JSValue JS_GetPropertyInternal(JSContext* c, JSValueConst obj, JSAtom prop, JSValueConst receiver,
                               JS_BOOL /*throw_ref_error*/) {
    Context& ctx = enter(c);
    if (Object* o = object_of(obj)) return give(get(ctx, o, prop, borrow(receiver)));
    return give(get_v(ctx, borrow(obj), prop));
}
JSValue JS_GetProperty(JSContext* c, JSValueConst this_obj, JSAtom prop) {
    return JS_GetPropertyInternal(c, this_obj, prop, this_obj, 0);
}
JSValue JS_GetPropertyStr(JSContext* c, JSValueConst this_obj, const char* prop) {
    Atom a = atom_of_cstring(enter(c), prop, std::strlen(prop));
    if (!a) return JS_EXCEPTION;
    return JS_GetProperty(c, this_obj, a);
}
JSValue JS_GetPropertyInt64(JSContext* c, JSValueConst this_obj, int64_t idx) {
    Atom a = index_atom(enter(c), idx);
    if (!a) return JS_EXCEPTION;
    return JS_GetProperty(c, this_obj, a);
}
JSValue JS_GetPropertyUint32(JSContext* c, JSValueConst this_obj, uint32_t idx) {
    return JS_GetPropertyInt64(c, this_obj, idx);
}

// ---- set ----

int JS_SetPropertyInternal(JSContext* c, JSValueConst obj, JSAtom prop, JSValue val, JSValueConst this_obj,
                           int flags) {
    Context& ctx = enter(c);
    Value v = take(val);
    Value target = target_object(ctx, obj);
    if (target.is_exception()) return -1;
    Result<bool> r = set(ctx, target.as_object(), prop, v, borrow(this_obj));
    if (r.is_exception()) return -1;
    if (!r.value() && (flags & JS_PROP_THROW)) {
        ctx.throw_type_error_atom("cannot set property '%s'", prop);
        return -1;
    }
    return r.value() ? 1 : 0;
}
int JS_SetProperty(JSContext* c, JSValueConst this_obj, JSAtom prop, JSValue val) {
    return JS_SetPropertyInternal(c, this_obj, prop, val, this_obj, JS_PROP_THROW);
}
int JS_SetPropertyInt64(JSContext* c, JSValueConst this_obj, int64_t idx, JSValue val) {
    Atom a = index_atom(enter(c), idx);
    if (!a) {
        JS_FreeValue(c, val);
        return -1;
    }
    return JS_SetProperty(c, this_obj, a, val);
}
int JS_SetPropertyUint32(JSContext* c, JSValueConst this_obj, uint32_t idx, JSValue val) {
    return JS_SetPropertyInt64(c, this_obj, idx, val);
}
int JS_SetPropertyStr(JSContext* c, JSValueConst this_obj, const char* prop, JSValue val) {
    Atom a = atom_of_cstring(enter(c), prop, std::strlen(prop));
    if (!a) {
        JS_FreeValue(c, val);
        return -1;
    }
    return JS_SetProperty(c, this_obj, a, val);
}

// ---- has / delete / extensibility / prototypes ----

int JS_HasProperty(JSContext* c, JSValueConst obj, JSAtom prop) {
    Context& ctx = enter(c);
    Object* o = require_object(ctx, obj);
    if (!o) return -1;
    return bool_result(has_property(ctx, o, prop));
}

int JS_DeleteProperty(JSContext* c, JSValueConst obj, JSAtom prop, int flags) {
    Context& ctx = enter(c);
    Value target = target_object(ctx, obj);
    if (target.is_exception()) return -1;
    Result<bool> r = delete_property(ctx, target.as_object(), prop);
    if (r.is_exception()) return -1;
    if (!r.value() && (flags & JS_PROP_THROW)) {
        ctx.throw_type_error_atom("could not delete property '%s'", prop);
        return -1;
    }
    return r.value() ? 1 : 0;
}

int JS_IsExtensible(JSContext* c, JSValueConst obj) {
    Context& ctx = enter(c);
    Object* o = object_of(obj);
    return o ? bool_result(is_extensible(ctx, o)) : 0;
}
int JS_PreventExtensions(JSContext* c, JSValueConst obj) {
    Context& ctx = enter(c);
    Object* o = object_of(obj);
    return o ? bool_result(prevent_extensions(ctx, o)) : 0;
}

int JS_SetPrototype(JSContext* c, JSValueConst obj, JSValueConst proto_val) {
    Context& ctx = enter(c);
    Object* o = require_object(ctx, obj);
    if (!o) return -1;
    if (proto_val.tag != JS_TAG_NULL && proto_val.tag != JS_TAG_OBJECT) {
        ctx.throw_type_error("invalid prototype");
        return -1;
    }
    Result<bool> r = set_prototype_of(ctx, o, object_of(proto_val));
    if (r.is_exception()) return -1;
    if (!r.value()) {
        ctx.throw_type_error("cannot set the prototype");
        return -1;
    }
    return 1;
}

JSValue JS_GetPrototype(JSContext* c, JSValueConst val) {
    Context& ctx = enter(c);
    Value target = target_object(ctx, val);
    if (target.is_exception()) return JS_EXCEPTION;
    Result<Object*> p = get_prototype_of(ctx, target.as_object());
    if (p.is_exception()) return JS_EXCEPTION;
    Object* proto = p.value();
    if (!proto) return JS_NULL;
    return give(Value::adopt(Tag::Object, proto));
}

// ---- define ----

int JS_DefineProperty(JSContext* c, JSValueConst this_obj, JSAtom prop, JSValueConst val, JSValueConst getter,
                      JSValueConst setter, int flags) {
    Context& ctx = enter(c);
    Object* o = require_object(ctx, this_obj);
    if (!o) return -1;
    PropertyDescriptor d;
    if (flags & JS_PROP_HAS_VALUE) {
        d.value = borrow(val);
        d.has_value = true;
    }
    if (flags & JS_PROP_HAS_GET) {
        d.getter = getter.tag == JS_TAG_UNDEFINED ? Value() : borrow(getter);
        d.has_get = true;
    }
    if (flags & JS_PROP_HAS_SET) {
        d.setter = setter.tag == JS_TAG_UNDEFINED ? Value() : borrow(setter);
        d.has_set = true;
    }
    if ((d.has_get && !d.getter.is_undefined() && !is_callable(d.getter)) ||
        (d.has_set && !d.setter.is_undefined() && !is_callable(d.setter))) {
        ctx.throw_type_error("invalid getter or setter");
        return -1;
    }
    d.flags = attributes_of(flags);
    if (d.is_accessor()) d.flags |= prop::Accessor;
    d.has_writable = (flags & JS_PROP_HAS_WRITABLE) != 0;
    d.has_enumerable = (flags & JS_PROP_HAS_ENUMERABLE) != 0;
    d.has_configurable = (flags & JS_PROP_HAS_CONFIGURABLE) != 0;
    Result<bool> r = define_own_property(ctx, o, prop, d);
    if (r.is_exception()) return -1;
    if (!r.value() && (flags & JS_PROP_THROW)) {
        ctx.throw_type_error_atom("cannot define property '%s'", prop);
        return -1;
    }
    return r.value() ? 1 : 0;
}

int JS_DefinePropertyValue(JSContext* c, JSValueConst this_obj, JSAtom prop, JSValue val, int flags) {
    int r = JS_DefineProperty(c, this_obj, prop, val, JS_UNDEFINED, JS_UNDEFINED,
                              flags | JS_PROP_HAS_VALUE | JS_PROP_HAS_CONFIGURABLE | JS_PROP_HAS_WRITABLE |
                                  JS_PROP_HAS_ENUMERABLE);
    JS_FreeValue(c, val);
    return r;
}
int JS_DefinePropertyValueUint32(JSContext* c, JSValueConst this_obj, uint32_t idx, JSValue val, int flags) {
    Atom a = index_atom(enter(c), idx);
    if (!a) {
        JS_FreeValue(c, val);
        return -1;
    }
    return JS_DefinePropertyValue(c, this_obj, a, val, flags);
}
int JS_DefinePropertyValueStr(JSContext* c, JSValueConst this_obj, const char* prop, JSValue val, int flags) {
    Atom a = atom_of_cstring(enter(c), prop, std::strlen(prop));
    if (!a) {
        JS_FreeValue(c, val);
        return -1;
    }
    return JS_DefinePropertyValue(c, this_obj, a, val, flags);
}
int JS_DefinePropertyGetSet(JSContext* c, JSValueConst this_obj, JSAtom prop, JSValue getter, JSValue setter,
                            int flags) {
    int r = JS_DefineProperty(c, this_obj, prop, JS_UNDEFINED, getter, setter,
                              flags | JS_PROP_HAS_GET | JS_PROP_HAS_SET | JS_PROP_HAS_CONFIGURABLE |
                                  JS_PROP_HAS_ENUMERABLE);
    JS_FreeValue(c, getter);
    JS_FreeValue(c, setter);
    return r;
}

// ---- own properties ----

int JS_GetOwnPropertyNames(JSContext* c, JSPropertyEnum** ptab, uint32_t* plen, JSValueConst obj, int flags) {
    Context& ctx = enter(c);
    *ptab = nullptr;
    *plen = 0;
    Object* o = require_object(ctx, obj);
    if (!o) return -1;
    Result<Vector<Atom>> keys_r = own_property_keys(ctx, o);
    if (keys_r.is_exception()) return -1;
    Vector<Atom> keys = keys_r.release_value();
    auto* tab = static_cast<JSPropertyEnum*>(ctx.rt().alloc(sizeof(JSPropertyEnum) * (keys.size() + 1)));
    if (!tab) {
        ctx.throw_out_of_memory();
        return -1;
    }
    uint32_t n = 0;
    for (Atom a : keys) {
        bool is_symbol = ctx.rt().atom_is_symbol(a);
        if (is_symbol ? !(flags & JS_GPN_SYMBOL_MASK) : !(flags & JS_GPN_STRING_MASK)) continue;
        bool enumerable = false;
        if (flags & (JS_GPN_ENUM_ONLY | JS_GPN_SET_ENUM)) {
            PropertyDescriptor d;
            Result<bool> found = get_own_property(ctx, o, a, &d);
            if (found.is_exception()) {
                ctx.rt().free(tab);
                return -1;
            }
            if (!found.value()) continue;
            enumerable = d.enumerable();
            if ((flags & JS_GPN_ENUM_ONLY) && !enumerable) continue;
        }
        tab[n].atom = a;
        tab[n].is_enumerable = enumerable;
        ++n;
    }
    *ptab = tab;
    *plen = n;
    return 0;
}

void JS_FreePropertyEnum(JSContext* c, JSPropertyEnum* tab, uint32_t) {
    if (tab) enter(c).rt().free(tab);
}

int JS_GetOwnProperty(JSContext* c, JSPropertyDescriptor* desc, JSValueConst obj, JSAtom prop) {
    Context& ctx = enter(c);
    Object* o = require_object(ctx, obj);
    if (!o) return -1;
    PropertyDescriptor d;
    Result<bool> found = get_own_property(ctx, o, prop, &d);
    if (found.is_exception()) return -1;
    if (!found.value()) return 0;
    if (desc) {
        desc->flags = js_flags_of(d.flags | (d.is_accessor() ? prop::Accessor : 0));
        desc->value = give(std::move(d.value));
        desc->getter = give(std::move(d.getter));
        desc->setter = give(std::move(d.setter));
    }
    return 1;
}

// ---- calls ----

JSValue JS_Call(JSContext* c, JSValueConst func_obj, JSValueConst this_obj, int argc, JSValueConst* argv) {
    Context& ctx = enter(c);
    ArgList args(argc, argv);
    HostCallInProgress host_call(ctx.rt());
    return give(call(ctx, borrow(func_obj), borrow(this_obj), args.span()));
}
JSValue JS_Invoke(JSContext* c, JSValueConst this_val, JSAtom atom, int argc, JSValueConst* argv) {
    Context& ctx = enter(c);
    ArgList args(argc, argv);
    HostCallInProgress host_call(ctx.rt());
    return give(invoke(ctx, borrow(this_val), atom, args.span()));
}
JSValue JS_CallConstructor2(JSContext* c, JSValueConst func_obj, JSValueConst new_target, int argc,
                            JSValueConst* argv) {
    Context& ctx = enter(c);
    ArgList args(argc, argv);
    HostCallInProgress host_call(ctx.rt());
    return give(construct(ctx, borrow(func_obj), args.span(), borrow(new_target)));
}
JSValue JS_CallConstructor(JSContext* c, JSValueConst func_obj, int argc, JSValueConst* argv) {
    return JS_CallConstructor2(c, func_obj, func_obj, argc, argv);
}
