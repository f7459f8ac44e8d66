// FinalizationRegistry.cpp: FinalizationRegistry objects (ECMA-262 26.2).
// Limitation: targets are never reported as collected (WeakRef.cpp explains why), so cleanup
// callbacks never run; register/unregister keep their cells so unregister answers correctly.
// The registry does not keep the targets themselves alive, only the held values and the
// unregister tokens. FinalizationRegistry.prototype.cleanupSome (a proposal) is not provided.
#include "builtins/Builtins.h"
#include "gc/Visitor.h"
#include "runtime/Context.h"
#include "runtime/Conversions.h"
#include "runtime/NativeFunction.h"
#include "runtime/Object.h"
#include "runtime/Symbol.h"
#include "snapshot/HeapReader.h"
#include "snapshot/HeapWriter.h"

namespace qjs {

struct FinalizationCell {
    Value held_value;       // [[HeldValue]]
    Value unregister_token; // [[UnregisterToken]] (empty for none)
};

class FinalizationRegistryObject : public Object {
  public:
    Value m_cleanup;                  // [[CleanupCallback]]
    Vector<FinalizationCell> m_cells; // [[Cells]] (the targets are not recorded, see above)
};

static void visit_registry(Object* o, EdgeVisitor& v) {
    auto* r = static_cast<FinalizationRegistryObject*>(o);
    v.visit_value(r->m_cleanup);
    for (FinalizationCell& c : r->m_cells) {
        v.visit_value(c.held_value);
        v.visit_value(c.unregister_token);
    }
}
static void clear_registry(Object* o) {
    auto* r = static_cast<FinalizationRegistryObject*>(o);
    r->m_cleanup = Value();
    Vector<FinalizationCell>().swap(r->m_cells);
}

// 9.13 CanBeHeldWeakly ( v ) (#sec-canbeheldweakly): objects and symbols not in the registry.
static bool can_be_held_weakly(const Value& v) {
    if (v.is_object()) return true;
    if (v.is_symbol()) return !v.as_symbol()->is_registered;
    return false;
}

static FinalizationRegistryObject* this_registry(Context& ctx, const Value& v, const char* method) {
    if (!v.is_object() || v.as_object()->class_id() != ClassId::FinalizationRegistry) {
        ctx.throw_type_error("FinalizationRegistry.prototype.%s called on incompatible receiver", method);
        return nullptr;
    }
    return static_cast<FinalizationRegistryObject*>(v.as_object());
}

// 26.2.1.1 FinalizationRegistry ( cleanupCallback ) (#sec-finalization-registry-cleanup-callback)
static Value finalization_registry_constructor(Context& ctx, const CallArgs& args) {
    // 1. If NewTarget is undefined, throw a TypeError exception.
    if (!args.is_construct()) return ctx.throw_type_error("Constructor FinalizationRegistry requires 'new'");
    // 2. If IsCallable(cleanupCallback) is false, throw a TypeError exception.
    if (!is_callable(args.arg(0)))
        return ctx.throw_type_error("FinalizationRegistry: cleanup must be callable");
    // 3. Let finalizationRegistry be ? OrdinaryCreateFromConstructor(NewTarget,
    //    "%FinalizationRegistry.prototype%", « [[Realm]], [[CleanupCallback]], [[Cells]] »).
    Object* proto =
        TRY(get_prototype_from_constructor(ctx, args.new_target, Intrinsic::FinalizationRegistryPrototype));
    Value proto_hold = proto ? Value::adopt(Tag::Object, proto) : Value();
    auto* registry = Object::create_as<FinalizationRegistryObject>(ctx, proto, ClassId::FinalizationRegistry);
    if (!registry) return Exception{};
    // 4-7. [[Realm]] (unused: callbacks never run), [[CleanupCallback]], [[Cells]] = empty.
    registry->m_cleanup = args.arg(0);
    // 8. Return finalizationRegistry.
    return Value::adopt(Tag::Object, registry);
}

// 26.2.3.2 FinalizationRegistry.prototype.register ( target, heldValue [ , unregisterToken ] )
// (#sec-finalization-registry.prototype.register)
static Value finalization_registry_register(Context& ctx, const CallArgs& args) {
    // 1-2. Let finalizationRegistry be the this value; ? RequireInternalSlot(finalizationRegistry,
    // [[Cells]]).
    FinalizationRegistryObject* registry = this_registry(ctx, args.this_value, "register");
    if (!registry) return Exception{};
    const Value& target = args.arg(0);
    const Value& held_value = args.arg(1);
    const Value& token = args.arg(2);
    // 3. If CanBeHeldWeakly(target) is false, throw a TypeError exception.
    if (!can_be_held_weakly(target))
        return ctx.throw_type_error("FinalizationRegistry.register: invalid target");
    // 4. If SameValue(target, heldValue) is true, throw a TypeError exception.
    if (same_value(target, held_value))
        return ctx.throw_type_error("FinalizationRegistry.register: target and held value must differ");
    // 5. If CanBeHeldWeakly(unregisterToken) is false, then
    //    a. If unregisterToken is not undefined, throw a TypeError exception.
    //    b. Set unregisterToken to empty.
    bool has_token = can_be_held_weakly(token);
    if (!has_token && !token.is_undefined())
        return ctx.throw_type_error("FinalizationRegistry.register: invalid unregister token");
    // 6-7. Append the Record { [[WeakRefTarget]]: target, [[HeldValue]]: heldValue,
    //      [[UnregisterToken]]: unregisterToken } to finalizationRegistry.[[Cells]].
    registry->m_cells.push_back(FinalizationCell{held_value, has_token ? token : Value()});
    // 8. Return undefined.
    return Value();
}

// 26.2.3.3 FinalizationRegistry.prototype.unregister ( unregisterToken )
// (#sec-finalization-registry.prototype.unregister)
static Value finalization_registry_unregister(Context& ctx, const CallArgs& args) {
    // 1-2. Let finalizationRegistry be the this value; ? RequireInternalSlot(finalizationRegistry,
    // [[Cells]]).
    FinalizationRegistryObject* registry = this_registry(ctx, args.this_value, "unregister");
    if (!registry) return Exception{};
    const Value& token = args.arg(0);
    // 3. If CanBeHeldWeakly(unregisterToken) is false, throw a TypeError exception.
    if (!can_be_held_weakly(token))
        return ctx.throw_type_error("FinalizationRegistry.unregister: invalid unregister token");
    // 4-5. Remove every cell whose [[UnregisterToken]] is unregisterToken; note whether any was removed.
    Vector<FinalizationCell>& cells = registry->m_cells;
    size_t kept = 0;
    for (size_t i = 0; i < cells.size(); i++) {
        if (!cells[i].unregister_token.is_undefined() && same_value(cells[i].unregister_token, token))
            continue;
        if (kept != i) cells[kept] = std::move(cells[i]);
        kept++;
    }
    bool removed = kept != cells.size();
    cells.resize(kept);
    // 6. Return removed.
    return Value::boolean(removed);
}

static const FunctionListEntry kFinalizationRegistryPrototype[] = {
    QJS_FUNC("register", 2, finalization_registry_register),
    QJS_FUNC("unregister", 1, finalization_registry_unregister),
    QJS_PROP_STRING("[Symbol.toStringTag]", "FinalizationRegistry", prop::Configurable),
};

// 26.2.2 Properties of the FinalizationRegistry Constructor
// (#sec-properties-of-the-finalization-registry-constructor)
static bool write_registry(Object* o, HeapWriter& w) {
    auto* reg = static_cast<FinalizationRegistryObject*>(o);
    w.value(reg->m_cleanup);
    w.out().varuint(reg->m_cells.size());
    for (const FinalizationCell& c : reg->m_cells) {
        w.value(c.held_value);
        w.value(c.unregister_token);
    }
    return true;
}
static bool read_registry(Object* o, HeapReader& r) {
    auto* reg = static_cast<FinalizationRegistryObject*>(o);
    uint32_t n;
    if (!r.object(&reg->m_cleanup, false) || !r.count(&n)) return false;
    reg->m_cells.resize(n);
    for (FinalizationCell& c : reg->m_cells)
        if (!r.value(&c.held_value) || !r.value(&c.unregister_token)) return false;
    return true;
}
static const ClassSnapshotHooks kRegistrySnapshot = {
    sizeof(FinalizationRegistryObject),
    0,
    nullptr,
    construct_payload<FinalizationRegistryObject>,
    write_registry,
    read_registry,
    nullptr,
};

bool install_finalization_registry(Context& ctx) {
    register_class_hooks(ClassId::FinalizationRegistry,
                         ClassHooks{visit_registry, clear_registry, nullptr, nullptr, &kRegistrySnapshot});
    Object* proto = Object::create(ctx, ctx.intrinsic(Intrinsic::ObjectPrototype), ClassId::Object);
    if (!proto) return false;
    ctx.set_intrinsic(Intrinsic::FinalizationRegistryPrototype, proto);
    proto->unref(); // the realm holds it
    Object* ctor =
        define_builtin_constructor(ctx, finalization_registry_constructor, "FinalizationRegistry", 1, proto);
    if (!ctor) return false;
    ctx.set_intrinsic(Intrinsic::FinalizationRegistry, ctor);
    return define_function_list(ctx, proto, kFinalizationRegistryPrototype);
}

} // namespace qjs
