// 10.5 Proxy Object Internal Methods and Internal Slots. A proxy is an object of ClassId::Proxy
// whose ExoticHooks run the handler's traps with the spec's invariant checks.
#include "runtime/ProxyObject.h"
#include "gc/Visitor.h"
#include "runtime/Call.h"
#include "runtime/Context.h"
#include "runtime/Conversions.h"
#include "runtime/NativeFunction.h"
#include "runtime/String.h"
#include "snapshot/HeapReader.h"
#include "snapshot/HeapWriter.h"

#include <algorithm>

namespace qjs {

Result<bool> ordinary_get_own_property(Context&, Object*, Atom, PropertyDescriptor*);

namespace {

ProxyObject* as_proxy(Object* o) {
    return static_cast<ProxyObject*>(o);
}

void visit_proxy(Object* o, EdgeVisitor& v) {
    v.visit_value(as_proxy(o)->m_target);
    v.visit_value(as_proxy(o)->m_handler);
}
void clear_proxy(Object* o) {
    as_proxy(o)->m_target = Value();
    as_proxy(o)->m_handler = Value();
}

// Looks up a trap: checks revocation, returns the trap (undefined if absent) and the handler.
Value get_trap(Context& ctx, Object* proxy, const char* name, Value* handler_out, Value* target_out) {
    ProxyObject* p = as_proxy(proxy);
    // Every internal method of a proxy forwards to its target: a chain of proxies recurses natively.
    if (ctx.check_stack_overflow()) return Exception{};
    // 1-3. If handler is null, throw a TypeError (revoked).
    if (!p->m_handler.is_object()) return ctx.throw_type_error("proxy has been revoked");
    *handler_out = p->m_handler;
    // 4. Let target be O.[[ProxyTarget]], read before the trap lookup (which may revoke the proxy).
    *target_out = p->m_target;
    Atom a = ctx.rt().intern_ascii(name);
    if (!a) return ctx.throw_out_of_memory();
    // 6. Let trap be ? GetMethod(handler, name).
    return get_method(ctx, p->m_handler, a);
}

Value key_value(Context& ctx, Atom key) {
    return ctx.rt().atom_to_value(key);
}

// CompletePropertyDescriptor (#sec-completepropertydescriptor)
void complete_descriptor(PropertyDescriptor& d) {
    if (!d.is_accessor()) {
        d.has_value = d.has_writable = true;
    } else {
        d.has_get = d.has_set = true;
    }
    d.has_enumerable = d.has_configurable = true;
}

// IsCompatiblePropertyDescriptor (#sec-iscompatiblepropertydescriptor)
bool is_compatible(bool extensible, const PropertyDescriptor& desc, const PropertyDescriptor* current) {
    if (!current) return extensible;
    if (!current->configurable()) {
        if (desc.has_configurable && desc.configurable()) return false;
        if (desc.has_enumerable && desc.enumerable() != current->enumerable()) return false;
        if ((desc.is_accessor() || desc.is_data()) && desc.is_accessor() != current->is_accessor())
            return false;
        if (current->is_accessor()) {
            if (desc.has_get && !same_value(desc.getter, current->getter)) return false;
            if (desc.has_set && !same_value(desc.setter, current->setter)) return false;
        } else if (!current->writable()) {
            if (desc.has_writable && desc.writable()) return false;
            if (desc.has_value && !same_value(desc.value, current->value)) return false;
        }
    }
    return true;
}

// 10.5.1 [[GetPrototypeOf]] (#sec-proxy-object-internal-methods-and-internal-slots-getprototypeof)
Result<Object*> proxy_get_prototype_of(Context& ctx, Object* proxy) {
    Value handler;
    Value target;
    Value trap = TRY(get_trap(ctx, proxy, "getPrototypeOf", &handler, &target));
    if (trap.is_undefined()) return get_prototype_of(ctx, target.as_object());
    Value proto = TRY(call(ctx, trap, handler, std::span<const Value>(&target, 1)));
    if (!proto.is_object() && !proto.is_null())
        return ctx.throw_type_error("getPrototypeOf trap returned neither object nor null");
    bool extensible = TRY(is_extensible(ctx, target.as_object()));
    Object* result = proto.is_object() ? proto.as_object() : nullptr;
    if (!extensible) {
        Object* target_proto = TRY(get_prototype_of(ctx, target.as_object()));
        Value hold = target_proto ? Value::adopt(Tag::Object, target_proto) : Value();
        if (target_proto != result)
            return ctx.throw_type_error("getPrototypeOf trap result differs for non-extensible target");
    }
    if (result) result->ref();
    return result;
}

// 10.5.2 [[SetPrototypeOf]]
Result<bool> proxy_set_prototype_of(Context& ctx, Object* proxy, Object* proto) {
    Value handler;
    Value target;
    Value trap = TRY(get_trap(ctx, proxy, "setPrototypeOf", &handler, &target));
    if (trap.is_undefined()) return set_prototype_of(ctx, target.as_object(), proto);
    Value args[2] = {target, proto ? Value::object(proto) : Value::null()};
    Value r = TRY(call(ctx, trap, handler, args));
    if (!to_boolean(r)) return false;
    bool extensible = TRY(is_extensible(ctx, target.as_object()));
    if (extensible) return true;
    Object* target_proto = TRY(get_prototype_of(ctx, target.as_object()));
    Value hold = target_proto ? Value::adopt(Tag::Object, target_proto) : Value();
    if (target_proto != proto) return ctx.throw_type_error("setPrototypeOf trap violated invariant");
    return true;
}

// 10.5.3 [[IsExtensible]]
Result<bool> proxy_is_extensible(Context& ctx, Object* proxy) {
    Value handler;
    Value target;
    Value trap = TRY(get_trap(ctx, proxy, "isExtensible", &handler, &target));
    if (trap.is_undefined()) return is_extensible(ctx, target.as_object());
    Value r = TRY(call(ctx, trap, handler, std::span<const Value>(&target, 1)));
    bool result = to_boolean(r);
    bool target_result = TRY(is_extensible(ctx, target.as_object()));
    if (result != target_result) return ctx.throw_type_error("isExtensible trap violated invariant");
    return result;
}

// 10.5.4 [[PreventExtensions]]
Result<bool> proxy_prevent_extensions(Context& ctx, Object* proxy) {
    Value handler;
    Value target;
    Value trap = TRY(get_trap(ctx, proxy, "preventExtensions", &handler, &target));
    if (trap.is_undefined()) return prevent_extensions(ctx, target.as_object());
    Value r = TRY(call(ctx, trap, handler, std::span<const Value>(&target, 1)));
    bool result = to_boolean(r);
    if (result) {
        bool extensible = TRY(is_extensible(ctx, target.as_object()));
        if (extensible) return ctx.throw_type_error("preventExtensions trap violated invariant");
    }
    return result;
}

// 10.5.5 [[GetOwnProperty]]
Result<bool> proxy_get_own_property(Context& ctx, Object* proxy, Atom key, PropertyDescriptor* out) {
    Value handler;
    Value target;
    Value trap = TRY(get_trap(ctx, proxy, "getOwnPropertyDescriptor", &handler, &target));
    if (trap.is_undefined()) return get_own_property(ctx, target.as_object(), key, out);
    Value args[2] = {target, TRY(key_value(ctx, key))};
    Value result = TRY(call(ctx, trap, handler, args));
    if (!result.is_object() && !result.is_undefined())
        return ctx.throw_type_error("getOwnPropertyDescriptor trap returned neither object nor undefined");
    PropertyDescriptor target_desc;
    bool target_has = TRY(get_own_property(ctx, target.as_object(), key, &target_desc));
    if (result.is_undefined()) {
        if (!target_has) return false;
        if (!target_desc.configurable())
            return ctx.throw_type_error("getOwnPropertyDescriptor trap hid a non-configurable property");
        bool extensible = TRY(is_extensible(ctx, target.as_object()));
        if (!extensible)
            return ctx.throw_type_error(
                "getOwnPropertyDescriptor trap hid a property of a non-extensible target");
        return false;
    }
    bool extensible = TRY(is_extensible(ctx, target.as_object()));
    PropertyDescriptor desc = TRY(to_property_descriptor(ctx, result));
    complete_descriptor(desc);
    if (!is_compatible(extensible, desc, target_has ? &target_desc : nullptr))
        return ctx.throw_type_error("getOwnPropertyDescriptor trap returned an incompatible descriptor");
    if (!desc.configurable()) {
        if (!target_has || target_desc.configurable())
            return ctx.throw_type_error("getOwnPropertyDescriptor trap reported non-configurability wrongly");
        if (desc.has_writable && !desc.writable() && target_desc.writable())
            return ctx.throw_type_error("getOwnPropertyDescriptor trap reported non-writability wrongly");
    }
    if (out) *out = std::move(desc);
    return true;
}

// 10.5.6 [[DefineOwnProperty]]
Result<bool> proxy_define_own_property(Context& ctx, Object* proxy, Atom key,
                                       const PropertyDescriptor& desc) {
    Value handler;
    Value target;
    Value trap = TRY(get_trap(ctx, proxy, "defineProperty", &handler, &target));
    if (trap.is_undefined()) return define_own_property(ctx, target.as_object(), key, desc);
    Value desc_obj = TRY(from_property_descriptor(ctx, desc, true));
    Value args[3] = {target, TRY(key_value(ctx, key)), desc_obj};
    Value r = TRY(call(ctx, trap, handler, args));
    if (!to_boolean(r)) return false;
    PropertyDescriptor target_desc;
    bool target_has = TRY(get_own_property(ctx, target.as_object(), key, &target_desc));
    bool extensible = TRY(is_extensible(ctx, target.as_object()));
    bool setting_non_configurable = desc.has_configurable && !desc.configurable();
    if (!target_has) {
        if (!extensible)
            return ctx.throw_type_error("defineProperty trap added a property to a non-extensible target");
        if (setting_non_configurable)
            return ctx.throw_type_error("defineProperty trap reported non-configurability wrongly");
    } else {
        if (!is_compatible(extensible, desc, &target_desc))
            return ctx.throw_type_error(
                "defineProperty trap result is incompatible with the target property");
        if (setting_non_configurable && target_desc.configurable())
            return ctx.throw_type_error("defineProperty trap reported non-configurability wrongly");
        if (target_desc.is_data() && !target_desc.configurable() && target_desc.writable() &&
            desc.has_writable && !desc.writable())
            return ctx.throw_type_error("defineProperty trap reported non-writability wrongly");
    }
    return true;
}

// 10.5.7 [[HasProperty]]
Result<bool> proxy_has(Context& ctx, Object* proxy, Atom key) {
    Value handler;
    Value target;
    Value trap = TRY(get_trap(ctx, proxy, "has", &handler, &target));
    if (trap.is_undefined()) return has_property(ctx, target.as_object(), key);
    Value args[2] = {target, TRY(key_value(ctx, key))};
    Value r = TRY(call(ctx, trap, handler, args));
    bool result = to_boolean(r);
    if (!result) {
        PropertyDescriptor target_desc;
        bool target_has = TRY(get_own_property(ctx, target.as_object(), key, &target_desc));
        if (target_has) {
            if (!target_desc.configurable())
                return ctx.throw_type_error("has trap hid a non-configurable property");
            bool extensible = TRY(is_extensible(ctx, target.as_object()));
            if (!extensible)
                return ctx.throw_type_error("has trap hid a property of a non-extensible target");
        }
    }
    return result;
}

// 10.5.8 [[Get]]
Value proxy_get(Context& ctx, Object* proxy, Atom key, const Value& receiver) {
    Value handler;
    Value target;
    Value trap = TRY(get_trap(ctx, proxy, "get", &handler, &target));
    if (trap.is_undefined()) return get(ctx, target.as_object(), key, receiver);
    Value args[3] = {target, TRY(key_value(ctx, key)), receiver};
    Value trap_result = TRY(call(ctx, trap, handler, args));
    PropertyDescriptor target_desc;
    bool target_has = TRY(get_own_property(ctx, target.as_object(), key, &target_desc));
    if (target_has && !target_desc.configurable()) {
        if (target_desc.is_data() && !target_desc.writable() && !same_value(trap_result, target_desc.value))
            return ctx.throw_type_error(
                "get trap result differs from a non-writable, non-configurable property");
        if (target_desc.is_accessor() && target_desc.getter.is_undefined() && !trap_result.is_undefined())
            return ctx.throw_type_error("get trap returned a value for a property without getter");
    }
    return trap_result;
}

// 10.5.9 [[Set]]
Result<bool> proxy_set(Context& ctx, Object* proxy, Atom key, const Value& v, const Value& receiver) {
    Value handler;
    Value target;
    Value trap = TRY(get_trap(ctx, proxy, "set", &handler, &target));
    if (trap.is_undefined()) return set(ctx, target.as_object(), key, v, receiver);
    Value args[4] = {target, TRY(key_value(ctx, key)), v, receiver};
    Value r = TRY(call(ctx, trap, handler, args));
    if (!to_boolean(r)) return false;
    PropertyDescriptor target_desc;
    bool target_has = TRY(get_own_property(ctx, target.as_object(), key, &target_desc));
    if (target_has && !target_desc.configurable()) {
        if (target_desc.is_data() && !target_desc.writable() && !same_value(v, target_desc.value))
            return ctx.throw_type_error("set trap changed a non-writable, non-configurable property");
        if (target_desc.is_accessor() && target_desc.setter.is_undefined())
            return ctx.throw_type_error("set trap succeeded for a property without setter");
    }
    return true;
}

// 10.5.10 [[Delete]]
Result<bool> proxy_delete(Context& ctx, Object* proxy, Atom key) {
    Value handler;
    Value target;
    Value trap = TRY(get_trap(ctx, proxy, "deleteProperty", &handler, &target));
    if (trap.is_undefined()) return delete_property(ctx, target.as_object(), key);
    Value args[2] = {target, TRY(key_value(ctx, key))};
    Value r = TRY(call(ctx, trap, handler, args));
    if (!to_boolean(r)) return false;
    PropertyDescriptor target_desc;
    bool target_has = TRY(get_own_property(ctx, target.as_object(), key, &target_desc));
    if (!target_has) return true;
    if (!target_desc.configurable())
        return ctx.throw_type_error("deleteProperty trap deleted a non-configurable property");
    bool extensible = TRY(is_extensible(ctx, target.as_object()));
    if (!extensible)
        return ctx.throw_type_error("deleteProperty trap deleted a property of a non-extensible target");
    return true;
}

const ExoticHooks kProxyHooks = {
    proxy_get_own_property,
    proxy_define_own_property,
    proxy_has,
    proxy_get,
    proxy_set,
    proxy_delete,
    nullptr,
    proxy_get_prototype_of,
    proxy_set_prototype_of,
    proxy_is_extensible,
    proxy_prevent_extensions,
};

} // namespace

// 10.5.11 [[OwnPropertyKeys]] (#sec-proxy-object-internal-methods-and-internal-slots-ownpropertykeys)
Result<Vector<Atom>> proxy_own_keys(Context& ctx, Object* proxy) {
    Value handler;
    Value target;
    Value trap = TRY(get_trap(ctx, proxy, "ownKeys", &handler, &target));
    if (trap.is_undefined()) return own_property_keys(ctx, target.as_object());
    Value trap_result_array = TRY(call(ctx, trap, handler, std::span<const Value>(&target, 1)));
    // CreateListFromArrayLike(trapResultArray, « String, Symbol »)
    Vector<Value> list = TRY(create_list_from_array_like(ctx, trap_result_array, true));
    Vector<Atom> trap_result;
    for (const Value& v : list) {
        Atom a = TRY(to_property_key(ctx, v));
        if (std::find(trap_result.begin(), trap_result.end(), a) != trap_result.end())
            return ctx.throw_type_error("ownKeys trap result contains duplicates");
        trap_result.push_back(a);
    }
    bool extensible = TRY(is_extensible(ctx, target.as_object()));
    Vector<Atom> target_keys = TRY(own_property_keys(ctx, target.as_object()));
    Vector<Atom> configurable_keys, nonconfigurable_keys;
    for (Atom k : target_keys) {
        PropertyDescriptor d;
        bool has = TRY(get_own_property(ctx, target.as_object(), k, &d));
        if (has && !d.configurable())
            nonconfigurable_keys.push_back(k);
        else
            configurable_keys.push_back(k);
    }
    if (extensible && nonconfigurable_keys.empty()) return trap_result;
    Vector<Atom> unchecked = trap_result;
    auto take = [&](Atom k) -> bool {
        auto it = std::find(unchecked.begin(), unchecked.end(), k);
        if (it == unchecked.end()) return false;
        unchecked.erase(it);
        return true;
    };
    for (Atom k : nonconfigurable_keys)
        if (!take(k)) return ctx.throw_type_error("ownKeys trap result omits a non-configurable key");
    if (extensible) return trap_result;
    for (Atom k : configurable_keys)
        if (!take(k))
            return ctx.throw_type_error("ownKeys trap result omits a key of a non-extensible target");
    if (!unchecked.empty())
        return ctx.throw_type_error("ownKeys trap result adds keys to a non-extensible target");
    return trap_result;
}

// 10.5.12 [[Call]]
Value proxy_call(Context& ctx, Object* proxy, const Value& this_value, std::span<const Value> args) {
    Value handler;
    Value target;
    Value trap = TRY(get_trap(ctx, proxy, "apply", &handler, &target));
    if (trap.is_undefined()) return call(ctx, target, this_value, args);
    Value arg_array = TRY(create_array_from_list(ctx, args));
    Value trap_args[3] = {target, this_value, arg_array};
    return call(ctx, trap, handler, trap_args);
}

// 10.5.13 [[Construct]]
Value proxy_construct(Context& ctx, Object* proxy, std::span<const Value> args, const Value& new_target) {
    Value handler;
    Value target;
    Value trap = TRY(get_trap(ctx, proxy, "construct", &handler, &target));
    if (trap.is_undefined()) return construct(ctx, target, args, new_target);
    Value arg_array = TRY(create_array_from_list(ctx, args));
    Value trap_args[3] = {target, arg_array, new_target};
    Value result = TRY(call(ctx, trap, handler, trap_args));
    if (!result.is_object()) return ctx.throw_type_error("construct trap returned a non-object");
    return result;
}

Result<bool> proxy_is_array(Context& ctx, Object* proxy) {
    ProxyObject* p = as_proxy(proxy);
    if (ctx.check_stack_overflow()) return Exception{};
    if (!p->m_handler.is_object()) return ctx.throw_type_error("proxy has been revoked");
    return is_array(ctx, p->m_target);
}

static bool write_proxy(Object* o, HeapWriter& w) {
    w.value(as_proxy(o)->m_target);
    w.value(as_proxy(o)->m_handler);
    return true;
}
static bool read_proxy(Object* o, HeapReader& r) {
    ProxyObject* p = as_proxy(o);
    if (!r.value(&p->m_target) || !r.value(&p->m_handler)) return false;
    bool revoked = p->m_target.is_null() && p->m_handler.is_null();
    return revoked || (p->m_target.is_object() && p->m_handler.is_object()) || r.fail("bad proxy");
}
static const ClassSnapshotHooks kProxySnapshot = {
    sizeof(ProxyObject), 0, nullptr, construct_payload<ProxyObject>, write_proxy, read_proxy, nullptr,
};

void register_proxy_class() {
    register_class_hooks(ClassId::Proxy,
                         ClassHooks{visit_proxy, clear_proxy, nullptr, &kProxyHooks, &kProxySnapshot});
}

} // namespace qjs
