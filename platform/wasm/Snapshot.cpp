// Snapshot.cpp: heap snapshots of the reactor (docs/SNAPSHOT.md): the engine's own format, so the same
// bytes restore here and natively (`qjs --restore`, JS_RestoreSnapshot).
//
// What the host holds does not survive: handles are not roots, so a restored reactor starts with the
// fixed handles only and the host reads what it needs again from the global object. The host function
// table lives in the heap (HeapState.cpp) and comes back with it: host functions are bound again by id,
// and the host checks that it has a callback for each. The bridge is evaluated again.
#include <cstdio>
#include <cstring>

#include "Reactor.h"

using namespace qjs::wasm;

extern "C" void qjs_destroy();

namespace {

char g_error[256]; // the last snapshot or restore error (qjs_last_error)

void set_error(const char* message) {
    std::snprintf(g_error, sizeof g_error, "%s", message);
}

} // namespace

// The message of the last failed qjs_snapshot or qjs_restore, as a NUL-terminated string.
QJS_EXPORT(qjs_last_error) const char* qjs_last_error() {
    return g_error;
}

// Writes the whole VM (delta 0) or what changed since the last full snapshot written or restored
// (delta 1). Returns the bytes (free them with qjs_snapshot_free) and their length in *size, or 0 with
// the reason in qjs_last_error: no VM, a host callback is running (JavaScript is on the stack), an
// exception is pending, or an object cannot be saved.
QJS_EXPORT(qjs_snapshot) uint8_t* qjs_snapshot(int delta, uint32_t* size) {
    g_error[0] = 0;
    if (!g_reactor.rt) {
        set_error("no VM");
        return nullptr;
    }
    if (g_reactor.host_call_depth > 0) {
        set_error("a snapshot cannot be taken inside a host function: JavaScript code is on the stack "
                  "(take it after the call returns)");
        return nullptr;
    }
    size_t n = 0;
    uint8_t* bytes = delta ? JS_WriteSnapshotDelta(g_reactor.rt, &n, g_error, sizeof g_error)
                           : JS_WriteSnapshot(g_reactor.rt, &n, g_error, sizeof g_error);
    if (bytes && n > UINT32_MAX) {
        js_free_rt(g_reactor.rt, bytes);
        set_error("the snapshot is larger than 4 GiB");
        return nullptr;
    }
    if (bytes) *size = static_cast<uint32_t>(n);
    return bytes;
}

QJS_EXPORT(qjs_snapshot_free) void qjs_snapshot_free(uint8_t* bytes) {
    if (g_reactor.rt && bytes) js_free_rt(g_reactor.rt, bytes);
}

// Replaces qjs_init: makes the VM from a full snapshot (`base`) and, when `delta_len` is not 0, a delta
// written against it. `memory_limit` (0: none) applies while the heap is read. Returns 0, or -1 with
// the reason in qjs_last_error (bad bytes are refused, never trusted: the reactor is left empty).
QJS_EXPORT(qjs_restore)
int qjs_restore(const uint8_t* base, uint32_t base_len, const uint8_t* delta, uint32_t delta_len,
                uint32_t memory_limit) {
    g_error[0] = 0;
    if (g_reactor.rt) {
        set_error("the VM is already initialized");
        return -1;
    }
    JSRuntime* rt = JS_NewRuntime();
    if (!rt) {
        set_error("out of memory");
        return -1;
    }
    if (memory_limit) JS_SetMemoryLimit(rt, memory_limit);
    JSContext* ctx = JS_RestoreSnapshotDelta(rt, base, base_len, delta_len ? delta : nullptr, delta_len,
                                             g_error, sizeof g_error);
    if (!ctx) {
        JS_FreeRuntime(rt);
        return -1;
    }
    g_reactor.rt = rt;
    g_reactor.ctx = ctx;
    rebind_host_functions(rt);
    rebind_bridge_natives(rt);
    if (!attach_context()) {
        set_error("the restored heap has no usable reactor state (out of memory?)");
        qjs_destroy();
        return -1;
    }
    return 0;
}
