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
};

// Registers the class hooks of host objects (once per process; before a snapshot is restored).
void register_host_object_class();
// Creates a host object of embedder class `host_class` (nullptr on OOM, exception pending).
HostObject* new_host_object(Context&, Object* proto, uint32_t host_class, bool callable, bool constructor);
Value call_host_object(Context&, Object*, const Value& this_value, std::span<const Value> args,
                       const Value& new_target);

} // namespace qjs
