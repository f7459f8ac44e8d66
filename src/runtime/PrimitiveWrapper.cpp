#include "runtime/PrimitiveWrapper.h"

#include "snapshot/HeapReader.h"
#include "snapshot/HeapWriter.h"

#include "gc/Visitor.h"
#include "runtime/Context.h"
#include "runtime/Conversions.h"
#include "runtime/String.h"

namespace qjs {

Result<bool> ordinary_get_own_property(Context&, Object*, Atom, PropertyDescriptor*);
Result<bool> ordinary_define_own_property(Context&, Object*, Atom, const PropertyDescriptor&);

static void visit_wrapper(Object* o, EdgeVisitor& v) {
    v.visit_value(static_cast<PrimitiveWrapperObject*>(o)->m_primitive);
}
static void clear_wrapper(Object* o) {
    static_cast<PrimitiveWrapperObject*>(o)->m_primitive = Value();
}

static String* wrapped_string(Object* o) {
    const Value& p = static_cast<PrimitiveWrapperObject*>(o)->m_primitive;
    return p.is_string() ? p.as_string() : nullptr;
}

// 10.4.3.5 StringGetOwnProperty (#sec-stringgetownproperty)
static bool string_own_property(Context& ctx, Object* o, Atom key, PropertyDescriptor* out) {
    String* s = wrapped_string(o);
    if (!s) return false;
    if (key == atoms::length) {
        if (out) *out = PropertyDescriptor::data(Value::number(s->length()), 0);
        return true;
    }
    if (!atom_is_index(key) || atom_index_value(key) >= s->length()) return false;
    if (out) {
        char16_t c = s->at(atom_index_value(key));
        String* ch = String::create_utf16(ctx.rt(), &c, 1);
        if (!ch) return false;
        *out = PropertyDescriptor::data(Value::adopt(Tag::String, ch), prop::Enumerable);
    }
    return true;
}

static Result<bool> string_get_own_property(Context& ctx, Object* o, Atom key, PropertyDescriptor* out) {
    if (string_own_property(ctx, o, key, out)) return true;
    return ordinary_get_own_property(ctx, o, key, out);
}

// 10.4.3.2 [[DefineOwnProperty]] (#sec-string-exotic-objects-defineownproperty-p-desc)
static Result<bool> string_define_own_property(Context& ctx, Object* o, Atom key,
                                               const PropertyDescriptor& desc) {
    PropertyDescriptor current;
    if (string_own_property(ctx, o, key, &current)) {
        // Only a compatible (no-op) redefinition succeeds.
        if (desc.has_configurable && desc.configurable()) return false;
        if (desc.has_enumerable && desc.enumerable() != current.enumerable()) return false;
        if (desc.is_accessor()) return false;
        if (desc.has_writable && desc.writable()) return false;
        if (desc.has_value && !same_value_zero(desc.value, current.value)) return false;
        return true;
    }
    return ordinary_define_own_property(ctx, o, key, desc);
}

Result<bool> ordinary_delete_property(Context&, Object*, Atom);

// [[Delete]]: the string's indexes and length are non-configurable.
static Result<bool> string_delete_property(Context& ctx, Object* o, Atom key) {
    if (string_own_property(ctx, o, key, nullptr)) return false;
    return ordinary_delete_property(ctx, o, key);
}

static Result<void> string_own_keys(Context& ctx, Object* o, Vector<Atom>& keys) {
    String* s = wrapped_string(o);
    if (!s) return {};
    for (uint32_t i = 0; i < s->length(); ++i)
        keys.push_back(atom_from_index(i));
    keys.push_back(atoms::length);
    return {};
}

static const ExoticHooks kStringExotic = {
    string_get_own_property, string_define_own_property, nullptr, nullptr, nullptr, string_delete_property,
    string_own_keys,
};

static bool write_wrapper(Object* o, HeapWriter& w) {
    w.value(static_cast<PrimitiveWrapperObject*>(o)->m_primitive);
    return true;
}
// The primitive must be of the class's type (the class's methods rely on it).
static bool read_wrapper(Object* o, HeapReader& r) {
    Value& v = static_cast<PrimitiveWrapperObject*>(o)->m_primitive;
    if (!r.value(&v)) return false;
    bool ok = false;
    switch (o->class_id()) {
    case ClassId::Boolean: ok = v.is_bool(); break;
    case ClassId::Number:
    case ClassId::Date: ok = v.is_number(); break;
    case ClassId::String: ok = v.is_string(); break;
    case ClassId::Symbol: ok = v.is_symbol(); break;
    case ClassId::BigInt: ok = v.is_bigint(); break;
    default: break;
    }
    return ok || r.fail("a wrapper of a primitive of the wrong type");
}
static const ClassSnapshotHooks kWrapperSnapshot = {
    sizeof(PrimitiveWrapperObject),
    0,
    nullptr,
    construct_payload<PrimitiveWrapperObject>,
    write_wrapper,
    read_wrapper,
    nullptr,
};

void register_wrapper_classes() {
    static bool done = false;
    if (done) return;
    done = true;
    ClassHooks hooks{visit_wrapper, clear_wrapper, nullptr, nullptr, &kWrapperSnapshot};
    register_class_hooks(ClassId::Boolean, hooks);
    register_class_hooks(ClassId::Number, hooks);
    register_class_hooks(ClassId::Symbol, hooks);
    register_class_hooks(ClassId::BigInt, hooks);
    register_class_hooks(ClassId::Date, hooks);
    hooks.exotic = &kStringExotic;
    register_class_hooks(ClassId::String, hooks);
}

Value new_primitive_wrapper(Context& ctx, Object* proto, ClassId cls, const Value& primitive) {
    register_wrapper_classes();
    auto* o = Object::create_as<PrimitiveWrapperObject>(ctx, proto, cls);
    if (!o) return Exception{};
    o->m_primitive = primitive;
    return Value::adopt(Tag::Object, o);
}

const Value* primitive_of(const Value& v, ClassId cls) {
    if (!v.is_object() || v.as_object()->class_id() != cls) return nullptr;
    return &static_cast<PrimitiveWrapperObject*>(v.as_object())->m_primitive;
}

} // namespace qjs
