// ApiClassSnapshot.cpp: objects of embedder classes in heap snapshots (JS_SetClassSnapshotHooks).
//
// A host object's snapshot payload (after runtime/HostObject.cpp's "finalized" flag) is its class name
// as an atom, then whatever the class's write hook wrote. On restore the class is looked up by that
// name among the classes registered in the restoring runtime (ids are process-wide counters, so they
// may differ between processes), and its read hook rebuilds the opaque data.
#include "api/ApiInternal.h"

#include "runtime/HostObject.h"
#include "runtime/String.h"
#include "snapshot/HeapReader.h"
#include "snapshot/HeapWriter.h"

#include <cstdio>
#include <cstring>

using namespace qjs;
using namespace qjs::api;

struct JSSnapshotWriter {
    HeapWriter* w;
    const char* class_name;
};

struct JSSnapshotReader {
    HeapReader* r;
    JSRuntime* rt;
};

namespace {

JSApiClass* registered_class(JSRuntime* r, uint32_t id) {
    if (!r || id >= r->classes.size() || !r->classes[id].registered) return nullptr;
    return &r->classes[id];
}

const char* name_of(const JSApiClass& cls) {
    return cls.def.class_name ? cls.def.class_name : "(unnamed)";
}

} // namespace

namespace qjs::api {

bool write_host_snapshot(HostObject* h, HeapWriter& w) {
    JSRuntime* r = api_runtime(*Runtime::current());
    JSApiClass* cls = registered_class(r, h->m_host_class);
    if (!cls) return w.refuse("an object of an unregistered embedder class cannot be snapshotted");
    if (!cls->snapshot_write || !cls->snapshot_read)
        return w.refuse(
            "objects of class %s cannot be snapshotted (the class has no JS_SetClassSnapshotHooks)",
            name_of(*cls));
    if (!cls->name) return w.refuse("objects of an unnamed embedder class cannot be snapshotted");
    w.atom(cls->name);
    JSSnapshotWriter writer{&w, name_of(*cls)};
    JSValue self;
    self.tag = JS_TAG_OBJECT;
    self.u.ptr = h;
    if (cls->snapshot_write(r, self, h->m_opaque, &writer) < 0)
        return w.refuse("objects of class %s cannot be snapshotted", name_of(*cls));
    return true;
}

bool read_host_snapshot(HostObject* h, HeapReader& r) {
    JSRuntime* jr = api_runtime(r.rt());
    Atom name;
    if (!r.atom(&name)) return false;
    JSApiClass* cls = nullptr;
    uint32_t id = 0;
    for (uint32_t i = 0; jr && i < jr->classes.size(); ++i) {
        if (jr->classes[i].registered && jr->classes[i].name == name && name) {
            cls = &jr->classes[i];
            id = i;
            break;
        }
    }
    if (!cls) {
        if (!jr || !name || atom_is_index(name) || r.rt().atom_is_symbol(name))
            return r.fail("an object of an embedder class that is not registered in this runtime");
        std::snprintf(jr->snapshot_read_error, sizeof jr->snapshot_read_error,
                      "an object of embedder class %s, which is not registered in this runtime",
                      r.rt().atom_string(name)->to_utf8().c_str());
        return r.fail(jr->snapshot_read_error);
    }
    if (!cls->snapshot_read) return r.fail("an object of an embedder class without JS_SetClassSnapshotHooks");
    JSSnapshotReader reader{&r, jr};
    void* opaque = nullptr;
    int rc = cls->snapshot_read(jr, &reader, &opaque);
    r.rt().make_current(); // the hook may have used another runtime
    // The object owns what the hook returned, even on failure: its finalizer frees it.
    h->m_host_class = id;
    h->m_opaque = opaque;
    if (rc < 0)
        return r.fail(jr->snapshot_read_error[0] ? jr->snapshot_read_error
                                                 : "an embedder class rejected its snapshot data");
    return !r.in().failed();
}

} // namespace qjs::api

int JS_SetClassSnapshotHooks(JSRuntime* r, JSClassID class_id, JSClassSnapshotWrite* write,
                             JSClassSnapshotRead* read) {
    JSApiClass* cls = registered_class(r, class_id);
    if (!cls) return -1;
    cls->snapshot_write = write;
    cls->snapshot_read = read;
    return 0;
}

int JS_SetClassSnapshotOpaque(JSRuntime* r, JSClassID class_id, void* opaque,
                              void (*free_func)(JSRuntime* rt, void* opaque)) {
    JSApiClass* cls = registered_class(r, class_id);
    if (!cls) return -1;
    if (cls->snapshot_opaque_free && cls->snapshot_opaque != opaque)
        cls->snapshot_opaque_free(r, cls->snapshot_opaque);
    cls->snapshot_opaque = opaque;
    cls->snapshot_opaque_free = free_func;
    return 0;
}

void* JS_GetClassSnapshotOpaque(JSRuntime* r, JSClassID class_id) {
    JSApiClass* cls = registered_class(r, class_id);
    return cls ? cls->snapshot_opaque : nullptr;
}

void JS_SnapshotWriteU64(JSSnapshotWriter* w, uint64_t v) {
    w->w->out().varuint(v);
}

void JS_SnapshotWriteBytes(JSSnapshotWriter* w, const void* data, size_t len) {
    w->w->out().varuint(len);
    if (len) w->w->out().bytes(data, len);
}

void JS_SnapshotWriteValue(JSSnapshotWriter* w, JSValueConst v) {
    w->w->value(borrow(v));
}

void JS_SnapshotWriterRefuse(JSSnapshotWriter* w, const char* reason) {
    w->w->refuse("objects of class %s cannot be snapshotted: %s", w->class_name, reason ? reason : "refused");
}

int JS_SnapshotReadU64(JSSnapshotReader* r, uint64_t* pv) {
    return r->r->in().varuint(pv) ? 0 : -1;
}

int JS_SnapshotReadBytes(JSSnapshotReader* r, const uint8_t** pdata, size_t* plen) {
    uint64_t len;
    if (!r->r->in().varuint(&len, r->r->in().remaining())) return -1;
    *plen = static_cast<size_t>(len);
    *pdata = nullptr;
    return len == 0 || r->r->in().bytes(pdata, static_cast<size_t>(len)) ? 0 : -1;
}

int JS_SnapshotReadValue(JSSnapshotReader* r, JSValue* pv) {
    Value v;
    if (!r->r->value(&v)) return -1;
    *pv = give(std::move(v));
    return 0;
}

void JS_SnapshotReaderFail(JSSnapshotReader* r, const char* reason) {
    // Kept in the runtime: the restore's error message points at it until the restore returns.
    std::snprintf(r->rt->snapshot_read_error, sizeof r->rt->snapshot_read_error, "%s",
                  reason ? reason : "an embedder class rejected its snapshot data");
}
