// WeakRef.cpp: WeakRef objects (ECMA-262 26.1).
// Limitation: the target is held strongly (the cycle collector has no weak edges yet), so a WeakRef
// keeps its target alive and deref() always returns it. That is conforming behaviour for a host
// that never collects the target, only less memory-friendly.
#include "builtins/Builtins.h"
#include "gc/Visitor.h"
#include "runtime/Context.h"
#include "runtime/NativeFunction.h"
#include "runtime/Object.h"
#include "runtime/Symbol.h"
#include "snapshot/HeapReader.h"
#include "snapshot/HeapWriter.h"

namespace qjs {

class WeakRefObject : public Object {
  public:
    Value m_target; // [[WeakRefTarget]] (held strongly, see above)
};

static void visit_weak_ref(Object* o, EdgeVisitor& v) {
    v.visit_value(static_cast<WeakRefObject*>(o)->m_target);
}
static void clear_weak_ref(Object* o) {
    static_cast<WeakRefObject*>(o)->m_target = Value();
}

// 9.13 CanBeHeldWeakly ( v ) (#sec-canbeheldweakly): objects and symbols not in the registry.
static bool can_be_held_weakly(const Value& v) {
    if (v.is_object()) return true;
    if (v.is_symbol()) return !v.as_symbol()->is_registered;
    return false;
}

// 26.1.1.1 WeakRef ( target ) (#sec-weak-ref-target)
static Value weak_ref_constructor(Context& ctx, const CallArgs& args) {
    // 1. If NewTarget is undefined, throw a TypeError exception.
    if (!args.is_construct()) return ctx.throw_type_error("Constructor WeakRef requires 'new'");
    // 2. If CanBeHeldWeakly(target) is false, throw a TypeError exception.
    if (!can_be_held_weakly(args.arg(0))) return ctx.throw_type_error("WeakRef: invalid target");
    // 3. Let weakRef be ? OrdinaryCreateFromConstructor(NewTarget, "%WeakRef.prototype%", « [[WeakRefTarget]]
    // »).
    Object* proto = TRY(get_prototype_from_constructor(ctx, args.new_target, Intrinsic::WeakRefPrototype));
    Value proto_hold = proto ? Value::adopt(Tag::Object, proto) : Value();
    WeakRefObject* ref = Object::create_as<WeakRefObject>(ctx, proto, ClassId::WeakRef);
    if (!ref) return Exception{};
    // 4. Perform AddToKeptObjects(target).
    // 5. Set weakRef.[[WeakRefTarget]] to target.
    ref->m_target = args.arg(0);
    // 6. Return weakRef.
    return Value::adopt(Tag::Object, ref);
}

// 26.1.3.2 WeakRef.prototype.deref ( ) (#sec-weak-ref.prototype.deref)
static Value weak_ref_deref(Context& ctx, const CallArgs& args) {
    // 1-2. Let weakRef be the this value; perform ? RequireInternalSlot(weakRef, [[WeakRefTarget]]).
    const Value& self = args.this_value;
    if (!self.is_object() || self.as_object()->class_id() != ClassId::WeakRef)
        return ctx.throw_type_error("WeakRef.prototype.deref called on incompatible receiver");
    // 3. Return WeakRefDeref(weakRef): the target is never collected here (see the file comment).
    return static_cast<WeakRefObject*>(self.as_object())->m_target;
}

static bool write_weak_ref(Object* o, HeapWriter& w) {
    w.value(static_cast<WeakRefObject*>(o)->m_target);
    return true;
}
static bool read_weak_ref(Object* o, HeapReader& r) {
    Value& target = static_cast<WeakRefObject*>(o)->m_target;
    if (!r.value(&target)) return false;
    return target.is_object() || target.is_symbol() || target.is_undefined() || r.fail("bad WeakRef target");
}
static const ClassSnapshotHooks kWeakRefSnapshot = {
    sizeof(WeakRefObject), 0,       nullptr, construct_payload<WeakRefObject>, write_weak_ref,
    read_weak_ref,         nullptr,
};

static const FunctionListEntry kWeakRefPrototype[] = {
    QJS_FUNC("deref", 0, weak_ref_deref),
    QJS_PROP_STRING("[Symbol.toStringTag]", "WeakRef", prop::Configurable),
};

// 26.1.2 Properties of the WeakRef Constructor (#sec-properties-of-the-weak-ref-constructor)
bool install_weakref(Context& ctx) {
    register_class_hooks(ClassId::WeakRef,
                         ClassHooks{visit_weak_ref, clear_weak_ref, nullptr, nullptr, &kWeakRefSnapshot});
    Object* proto = Object::create(ctx, ctx.intrinsic(Intrinsic::ObjectPrototype), ClassId::Object);
    if (!proto) return false;
    ctx.set_intrinsic(Intrinsic::WeakRefPrototype, proto);
    proto->unref(); // the realm holds it
    Object* ctor = define_builtin_constructor(ctx, weak_ref_constructor, "WeakRef", 1, proto);
    if (!ctor) return false;
    ctx.set_intrinsic(Intrinsic::WeakRef, ctor);
    return define_function_list(ctx, proto, kWeakRefPrototype);
}

} // namespace qjs
