// HostObject.cpp: the engine side of embedder classes (see HostObject.h).
#include "runtime/HostObject.h"

#include "runtime/Context.h"
#include "snapshot/HeapReader.h"
#include "snapshot/HeapWriter.h"

namespace qjs {

static const HostObjectHooks* hooks_of_current_runtime() {
    return Runtime::current()->m_host_hooks;
}

static void visit_host_object(Object* o, EdgeVisitor& v) {
    auto* h = static_cast<HostObject*>(o);
    const HostObjectHooks* hooks = hooks_of_current_runtime();
    if (!h->m_finalized && hooks && hooks->visit) hooks->visit(h, v);
}

// Clearing (breaking a garbage cycle, or freeing) runs the embedder's finalizer, which drops the
// payload's references; a cycle's other cells are still held by the collector at that point.
static void finalize_host_object(Object* o) {
    auto* h = static_cast<HostObject*>(o);
    if (h->m_finalized) return;
    h->m_finalized = true;
    const HostObjectHooks* hooks = hooks_of_current_runtime();
    if (hooks && hooks->finalize) hooks->finalize(h);
    h->m_opaque = nullptr;
}

// Snapshots: a finalized object is written as such (no payload); otherwise the embedder's hooks
// write and read its class and payload.
static bool write_host_object(Object* o, HeapWriter& w) {
    auto* h = static_cast<HostObject*>(o);
    w.out().u8(h->m_finalized ? 1 : 0);
    if (h->m_finalized) return true;
    const HostObjectHooks* hooks = hooks_of_current_runtime();
    if (!hooks || !hooks->snapshot_write)
        return w.refuse("objects of embedder classes cannot be snapshotted");
    return hooks->snapshot_write(h, w);
}
static bool read_host_object(Object* o, HeapReader& r) {
    auto* h = static_cast<HostObject*>(o);
    if (!r.boolean(&h->m_finalized)) return false;
    if (h->m_finalized) return true;
    const HostObjectHooks* hooks = r.rt().m_host_hooks;
    if (!hooks || !hooks->snapshot_read)
        return r.fail("embedder class objects without an embedder to read them");
    return hooks->snapshot_read(h, r);
}
static const ClassSnapshotHooks kHostObjectSnapshot = {
    sizeof(HostObject), 0,       nullptr, construct_payload<HostObject>, write_host_object,
    read_host_object,   nullptr,
};

void register_host_object_class() {
    static bool done = false;
    if (done) return;
    done = true;
    register_class_hooks(ClassId::HostObject,
                         ClassHooks{visit_host_object, finalize_host_object, finalize_host_object, nullptr,
                                    &kHostObjectSnapshot});
}

HostObject* new_host_object(Context& ctx, Object* proto, uint32_t host_class, bool callable,
                            bool constructor) {
    register_host_object_class();
    HostObject* o = Object::create_as<HostObject>(ctx, proto, ClassId::HostObject);
    if (!o) return nullptr;
    o->m_host_class = host_class;
    if (callable) o->m_flags |= objflag::Callable;
    if (constructor) o->m_flags |= objflag::Constructor;
    return o;
}

Value call_host_object(Context& ctx, Object* f, const Value& this_value, std::span<const Value> args,
                       const Value& new_target) {
    const HostObjectHooks* hooks = ctx.rt().m_host_hooks;
    if (!hooks || !hooks->call) return ctx.throw_type_error("not a function");
    if (ctx.check_stack_overflow()) return Exception{};
    Value hold = Value::object(f);
    return hooks->call(ctx, static_cast<HostObject*>(f), this_value, args, new_target);
}

} // namespace qjs
