// HostObject.h: objects whose class belongs to the embedder (ClassId::HostObject).
//
// The engine knows nothing of the embedder's classes: a host object carries the embedder's class
// number and an opaque pointer, and the runtime's HostObjectHooks (installed by the API layer)
// enumerate its references for the cycle collector, release them (the embedder's finalizer) and
// call it when the class is callable.
#pragma once

#include "runtime/Object.h"

#include <span>

namespace qjs {

class HostObject : public Object {
  public:
    uint32_t m_host_class = 0; // the embedder's class id
    void* m_opaque = nullptr;  // the embedder's data
    bool m_finalized = false;  // the embedder's finalizer has run
};

// What a host's Atomics.wait / Atomics.waitAsync reports (HostObjectHooks::atomics_wait).
enum class AtomicsWaitResult : int8_t {
    NoHost = -3,      // no host wait list: the engine's single-agent behaviour applies
    CannotBlock = -2, // the agent may not suspend (JS_SetCanBlock false): a TypeError
    Failed = -1,      // an exception is pending (out of memory, or the wait was cancelled)
    Ok = 0,           // woken by Atomics.notify (sync), or registered (async)
    NotEqual = 1,     // the element did not hold the expected value
    TimedOut = 2,
};

struct HostObjectHooks {
    // The references the embedder's payload holds (gc_mark).
    void (*visit)(HostObject*, EdgeVisitor&) = nullptr;
    // Releases the payload (the embedder's finalizer); called once, before the object's storage goes.
    void (*finalize)(HostObject*) = nullptr;
    // [[Call]] / [[Construct]] of a callable host class (new_target undefined for a call).
    Value (*call)(Context&, HostObject*, const Value& this_value, std::span<const Value> args,
                  const Value& new_target) = nullptr;
    // Frees an ArrayBuffer's external data through the embedder's function `fn` (a host function id).
    void (*free_external_data)(Runtime&, uint32_t fn, void* opaque, void* data) = nullptr;
    // Heap snapshots: write the embedder's class and payload (refusing when the class cannot be saved),
    // and read them back, setting m_host_class and m_opaque. Without them host objects are refused.
    bool (*snapshot_write)(HostObject*, HeapWriter&) = nullptr;
    bool (*snapshot_read)(HostObject*, HeapReader&) = nullptr;
    // Atomics across agents (the host's JS_SetAtomicsWaitFunctions): waits on the `size`-byte element at
    // `addr` while it holds `expected`, blocking (resolve nullptr) or registering the waitAsync promise's
    // resolve function for the host to call; and wakes up to `count` waiters (-1 when the host has none).
    AtomicsWaitResult (*atomics_wait)(Context&, void* addr, size_t size, uint64_t expected, double timeout,
                                      const Value* resolve) = nullptr;
    double (*atomics_notify)(Context&, void* addr, double count) = nullptr;
};

// Registers the class hooks of host objects (once per process; before a snapshot is restored).
void register_host_object_class();
// Creates a host object of embedder class `host_class` (nullptr on OOM, exception pending).
HostObject* new_host_object(Context&, Object* proto, uint32_t host_class, bool callable, bool constructor);
Value call_host_object(Context&, Object*, const Value& this_value, std::span<const Value> args,
                       const Value& new_target);

} // namespace qjs
