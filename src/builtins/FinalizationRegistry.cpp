// FinalizationRegistry.cpp: FinalizationRegistry objects (ECMA-262 26.2).
// Targets and unregister tokens are weak slots (gc/Weak.h); held values are strong. When a target
// dies, its cells are marked collected (the target slot becomes undefined) and the registry's
// cleanup job is queued once (HostEnqueueFinalizationRegistryCleanupJob); the job runs
// CleanupFinalizationRegistry, calling the callback with each collected cell's held value.
// FinalizationRegistry.prototype.cleanupSome (a proposal) is not provided.
#include "builtins/Builtins.h"
#include "gc/Visitor.h"
#include "gc/Weak.h"
#include "runtime/Call.h"
#include "runtime/Context.h"
#include "runtime/Conversions.h"
#include "runtime/NativeFunction.h"
#include "runtime/Object.h"
#include "runtime/Symbol.h"
#include "runtime/VectorGrowth.h"
#include "snapshot/HeapReader.h"
#include "snapshot/HeapWriter.h"

#include <unordered_map>

namespace qjs {

enum class CellState : uint8_t { Free, Live, Collected };

struct FinalizationCell {
    Value target;           // [[WeakRefTarget]]: a weak slot, undefined once collected (empty)
    Value held_value;       // [[HeldValue]]
    Value unregister_token; // [[UnregisterToken]]: a weak slot, undefined for none
    CellState state = CellState::Free;
};

using CellIndex = std::unordered_map<Cell*, Vector<uint32_t>, std::hash<Cell*>, std::equal_to<Cell*>,
                                     RuntimeAllocator<std::pair<Cell* const, Vector<uint32_t>>>>;

// [[Cells]] is a slot vector (freed slots are reused) indexed by the cells' targets and tokens, so
// a death, register and unregister cost no scan of every cell.
class FinalizationRegistryObject : public Object {
  public:
    Value m_cleanup;                  // [[CleanupCallback]]
    Value m_cleanup_job;              // the native function the cleanup job calls (its realm is [[Realm]])
    bool m_cleanup_queued = false;    // a cleanup job for this registry is in the job queue
    Vector<FinalizationCell> m_cells; // [[Cells]] (state Free: an unused slot)
    Vector<uint32_t> m_free;          // free slots of m_cells
    Vector<uint32_t> m_collected;     // slots whose target died (checked again when used)
    CellIndex m_by_cell;              // target or token cell -> slots that refer to it
    uint32_t m_live = 0;              // cells in state Live or Collected
};

static void visit_registry(Object* o, EdgeVisitor& v) {
    auto* r = static_cast<FinalizationRegistryObject*>(o);
    v.visit_value(r->m_cleanup);
    v.visit_value(r->m_cleanup_job);
    for (FinalizationCell& c : r->m_cells) {
        if (c.state == CellState::Free) continue;
        v.visit_weak(c.target);
        v.visit_value(c.held_value);
        v.visit_weak(c.unregister_token);
    }
}

static void index_remove(FinalizationRegistryObject* r, Cell* key, uint32_t slot) {
    auto it = r->m_by_cell.find(key);
    if (it == r->m_by_cell.end()) return;
    Vector<uint32_t>& list = it->second;
    for (size_t i = 0; i < list.size(); ++i) {
        if (list[i] != slot) continue;
        list[i] = list.back();
        list.pop_back();
        break;
    }
    if (list.empty()) r->m_by_cell.erase(it);
}

// Drops a weak slot of cell `slot` (out of the index and the weak table).
static void drop_weak(FinalizationRegistryObject* r, uint32_t slot, Value& v) {
    if (!v.is_heap()) return;
    index_remove(r, v.as_cell(), slot);
    weak_slot_drop(*Runtime::current(), r, v);
}

// Frees cell `slot` (Live or Collected).
static void free_cell(FinalizationRegistryObject* r, uint32_t slot) {
    FinalizationCell& c = r->m_cells[slot];
    drop_weak(r, slot, c.target);
    drop_weak(r, slot, c.unregister_token);
    c.state = CellState::Free;
    --r->m_live;
    r->m_free.push_back(slot);
    Value held = std::move(c.held_value); // dropped last: the cell is consistent first
}

static void clear_registry(Object* o) {
    auto* r = static_cast<FinalizationRegistryObject*>(o);
    r->m_cleanup = Value();
    r->m_cleanup_job = Value();
    for (uint32_t i = 0; i < r->m_cells.size(); ++i)
        if (r->m_cells[i].state != CellState::Free) free_cell(r, i);
    Vector<FinalizationCell>().swap(r->m_cells);
    Vector<uint32_t>().swap(r->m_free);
    Vector<uint32_t>().swap(r->m_collected);
    CellIndex().swap(r->m_by_cell); // frees the buckets (objects are freed without a destructor)
}

// The weak table's hook: `dead` was a target (its cells are now collected) or an unregister token.
static void registry_target_died(Object* o, Cell* dead) {
    auto* r = static_cast<FinalizationRegistryObject*>(o);
    auto it = r->m_by_cell.find(dead);
    if (it == r->m_by_cell.end()) return;
    Vector<uint32_t> slots = std::move(it->second);
    r->m_by_cell.erase(it);
    bool collected = false;
    for (uint32_t slot : slots) {
        FinalizationCell& c = r->m_cells[slot];
        if (c.target.is_heap() && c.target.as_cell() == dead) {
            weak_slot_forget(c.target);
            c.state = CellState::Collected;
            r->m_collected.push_back(slot);
            collected = true;
        }
        if (c.unregister_token.is_heap() && c.unregister_token.as_cell() == dead)
            weak_slot_forget(c.unregister_token);
    }
    // 9.13.3 HostEnqueueFinalizationRegistryCleanupJob: once per batch (the job empties every
    // collected cell). A cleared registry (garbage itself) has no job function.
    if (!collected || r->m_cleanup_queued || !r->m_cleanup_job.is_object()) return;
    Context* realm = static_cast<NativeFunctionObject*>(r->m_cleanup_job.as_object())->m_realm;
    if (!realm) return;
    Vector<Value> args;
    args.push_back(Value::object(r));
    r->m_cleanup_queued = true;
    Runtime::current()->enqueue_job(realm, r->m_cleanup_job, std::move(args));
}

// The cleanup job: 9.13.2 CleanupFinalizationRegistry ( finalizationRegistry )
// (#sec-cleanup-finalization-registry), with the registry as the argument.
static Value finalization_registry_cleanup_job(Context& ctx, const CallArgs& args) {
    if (!args.arg(0).is_object() || args.arg(0).as_object()->class_id() != ClassId::FinalizationRegistry)
        return Value();
    auto* r = static_cast<FinalizationRegistryObject*>(args.arg(0).as_object());
    r->m_cleanup_queued = false;
    // 1-2. Let callback be finalizationRegistry.[[CleanupCallback]].
    Value callback = r->m_cleanup;
    // 3. While finalizationRegistry.[[Cells]] contains a Record cell such that cell.[[WeakRefTarget]]
    //    is empty, an implementation may perform the following steps:
    Vector<uint32_t> batch = std::move(r->m_collected);
    r->m_collected = Vector<uint32_t>();
    for (size_t i = 0; i < batch.size(); ++i) {
        //  a. Choose any such cell. (Slots unregistered or reused since are skipped.)
        FinalizationCell& c = r->m_cells[batch[i]];
        if (c.state != CellState::Collected) continue;
        //  b. Remove cell from finalizationRegistry.[[Cells]].
        Value held = c.held_value;
        free_cell(r, batch[i]);
        //  c. Perform ? HostCallJobCallback(callback, undefined, « cell.[[HeldValue]] »).
        if (!is_callable(callback)) continue;
        Value result = call(ctx, callback, Value(), std::span<const Value>(&held, 1));
        if (result.is_exception()) {
            // The cells not reached yet wait for the next cleanup job.
            for (size_t j = i + 1; j < batch.size(); ++j)
                r->m_collected.push_back(batch[j]);
            return Exception{};
        }
    }
    // 4. Return unused.
    return Value();
}

// Adds a cell (Live, or Collected when its target is undefined) and makes its slots weak.
static bool add_cell(Context& ctx, FinalizationRegistryObject* r, const Value& target, const Value& held,
                     const Value& token) {
    uint32_t slot;
    if (!r->m_free.empty()) {
        slot = r->m_free.back();
        r->m_free.pop_back();
    } else {
        if (!vector_push(r->m_cells, FinalizationCell{})) return false;
        slot = static_cast<uint32_t>(r->m_cells.size() - 1);
    }
    FinalizationCell& c = r->m_cells[slot];
    c.target = target;
    c.held_value = held;
    c.unregister_token = token;
    c.state = target.is_undefined() ? CellState::Collected : CellState::Live;
    ++r->m_live;
    if (c.state == CellState::Collected) r->m_collected.push_back(slot);
    for (Value* v : {&c.target, &c.unregister_token}) {
        if (!v->is_heap()) continue;
        r->m_by_cell[v->as_cell()].push_back(slot);
        weak_slot_make_weak(ctx.rt(), r, *v);
    }
    return true;
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
    Value hold = Value::adopt(Tag::Object, registry);
    // 4-7. Set [[Realm]] (the realm of the cleanup job function), [[CleanupCallback]], [[Cells]] (empty).
    registry->m_cleanup_job = new_native_function(ctx, finalization_registry_cleanup_job, atoms::invalid, 1);
    if (registry->m_cleanup_job.is_exception()) return Exception{};
    registry->m_cleanup = args.arg(0);
    // 8. Return finalizationRegistry.
    return hold;
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
    if (!add_cell(ctx, registry, target, held_value, has_token ? token : Value()))
        return ctx.throw_out_of_memory();
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
    bool removed = false;
    auto it = registry->m_by_cell.find(token.as_cell());
    if (it != registry->m_by_cell.end()) {
        Vector<uint32_t> slots = it->second; // free_cell edits the index
        for (uint32_t slot : slots) {
            FinalizationCell& c = registry->m_cells[slot];
            if (c.state == CellState::Free || !c.unregister_token.is_heap() ||
                c.unregister_token.as_cell() != token.as_cell())
                continue;
            free_cell(registry, slot);
            removed = true;
        }
    }
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
// Cells are written compactly (Live and Collected ones); the reader rebuilds slots and the index.
static bool write_registry(Object* o, HeapWriter& w) {
    auto* reg = static_cast<FinalizationRegistryObject*>(o);
    w.value(reg->m_cleanup);
    w.value(reg->m_cleanup_job);
    w.out().u8(reg->m_cleanup_queued);
    w.out().varuint(reg->m_live);
    for (const FinalizationCell& c : reg->m_cells) {
        if (c.state == CellState::Free) continue;
        w.value(c.target);
        w.value(c.held_value);
        w.value(c.unregister_token);
    }
    return true;
}
static bool read_registry(Object* o, HeapReader& r) {
    auto* reg = static_cast<FinalizationRegistryObject*>(o);
    uint32_t n;
    uint8_t queued;
    if (!r.object(&reg->m_cleanup, false) || !r.object(&reg->m_cleanup_job, false) || !r.in().u8(&queued) ||
        !r.count(&n))
        return false;
    if (!reg->m_cleanup_job.is_object() ||
        reg->m_cleanup_job.as_object()->class_id() != ClassId::NativeFunction)
        return r.fail("bad FinalizationRegistry job");
    reg->m_cleanup_queued = queued != 0;
    for (uint32_t i = 0; i < n; ++i) {
        Value target, held, token; // the reader's table holds their cells meanwhile
        if (!r.value(&target) || !r.value(&held) || !r.value(&token)) return false;
        if (!(target.is_undefined() || can_be_held_weakly(target)) ||
            !(token.is_undefined() || can_be_held_weakly(token)))
            return r.fail("bad FinalizationRegistry cell");
        if (!add_cell(r.context(), reg, target, held, token)) return r.fail("out of memory");
    }
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
    register_weak_holder_class(ClassId::FinalizationRegistry, registry_target_died);
    // Registered here so its native id is the same in every process (snapshots store it).
    register_native(finalization_registry_cleanup_job, "FinalizationRegistryCleanupJob");
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
