// WeakRef.cpp: WeakRef objects (ECMA-262 26.1).
// The target is a weak slot (gc/Weak.h): when it dies, the slot becomes undefined and deref()
// returns undefined. Creating a WeakRef and deref() keep the target alive until the end of the
// current job (AddToKeptObjects).
#include "builtins/Builtins.h"
#include "gc/Visitor.h"
#include "gc/Weak.h"
#include "runtime/Context.h"
#include "runtime/NativeFunction.h"
#include "runtime/Object.h"
#include "runtime/Symbol.h"
#include "snapshot/HeapReader.h"
#include "snapshot/HeapWriter.h"

namespace qjs {

class WeakRefObject : public Object {
  public:
    Value m_target; // [[WeakRefTarget]]: a weak slot, undefined once the target is collected
};

static void visit_weak_ref(Object* o, EdgeVisitor& v) {
    v.visit_weak(static_cast<WeakRefObject*>(o)->m_target);
}
static void clear_weak_ref(Object* o) {
    weak_slot_drop(*Runtime::current(), o, static_cast<WeakRefObject*>(o)->m_target);
}
static void weak_ref_target_died(Object* o, Cell*) {
    weak_slot_forget(static_cast<WeakRefObject*>(o)->m_target);
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
    add_to_kept_objects(ctx.rt(), args.arg(0));
    // 5. Set weakRef.[[WeakRefTarget]] to target.
    ref->m_target = args.arg(0);
    weak_slot_make_weak(ctx.rt(), ref, ref->m_target);
    // 6. Return weakRef.
    return Value::adopt(Tag::Object, ref);
}

// 26.1.3.2 WeakRef.prototype.deref ( ) (#sec-weak-ref.prototype.deref)
static Value weak_ref_deref(Context& ctx, const CallArgs& args) {
    // 1-2. Let weakRef be the this value; perform ? RequireInternalSlot(weakRef, [[WeakRefTarget]]).
    const Value& self = args.this_value;
    if (!self.is_object() || self.as_object()->class_id() != ClassId::WeakRef)
        return ctx.throw_type_error("WeakRef.prototype.deref called on incompatible receiver");
    // 3. Return WeakRefDeref(weakRef) (9.13.4 #sec-weakrefderef):
    //    1. Let target be weakRef.[[WeakRefTarget]].
    Value target = static_cast<WeakRefObject*>(self.as_object())->m_target;
    //    2. If target is not empty, then a. Perform AddToKeptObjects(target). b. Return target.
    if (!target.is_undefined()) add_to_kept_objects(ctx.rt(), target);
    //    3. Return undefined.
    return target;
}

static bool write_weak_ref(Object* o, HeapWriter& w) {
    w.value(static_cast<WeakRefObject*>(o)->m_target);
    return true;
}
static bool read_weak_ref(Object* o, HeapReader& r) {
    Value& target = static_cast<WeakRefObject*>(o)->m_target;
    if (!r.value(&target)) return false;
    if (target.is_undefined()) return true;
    if (!target.is_object() && !target.is_symbol()) {
        target = Value();
        return r.fail("bad WeakRef target");
    }
    weak_slot_make_weak(*Runtime::current(), o, target); // the reader's table holds the cell meanwhile
    return true;
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
    register_weak_holder_class(ClassId::WeakRef, weak_ref_target_died);
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
