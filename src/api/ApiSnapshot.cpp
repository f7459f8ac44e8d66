// ApiSnapshot.cpp: heap snapshots in quickjs.h (JS_WriteSnapshot, JS_RestoreSnapshot,
// JS_RebindCFunction) over src/snapshot.
#include "api/ApiInternal.h"
#include "runtime/Context.h"
#include "runtime/String.h"
#include "snapshot/HeapSnapshot.h"

#include <cstdio>
#include <cstring>

using namespace qjs;
using namespace qjs::api;

static void copy_error(const char* message, char* error, size_t error_size) {
    if (error && error_size) std::snprintf(error, error_size, "%s", message);
}

static uint8_t* write_snapshot(JSRuntime* r, size_t* psize, char* error, size_t error_size, bool delta) {
    Runtime& rt = enter(r);
    ByteWriter out;
    SnapshotError problem;
    if (!write_heap_snapshot(rt, out, problem, delta)) {
        copy_error(problem.message, error, error_size);
        return nullptr;
    }
    auto* buf = static_cast<uint8_t*>(js_malloc_rt(r, out.size() ? out.size() : 1));
    if (!buf) {
        copy_error("out of memory", error, error_size);
        return nullptr;
    }
    std::memcpy(buf, out.data().data(), out.size());
    if (psize) *psize = out.size();
    return buf;
}

uint8_t* JS_WriteSnapshot(JSRuntime* r, size_t* psize, char* error, size_t error_size) {
    return write_snapshot(r, psize, error, error_size, false);
}

uint8_t* JS_WriteSnapshotDelta(JSRuntime* r, size_t* psize, char* error, size_t error_size) {
    return write_snapshot(r, psize, error, error_size, true);
}

JSContext* JS_RestoreSnapshot(JSRuntime* r, const uint8_t* buf, size_t size, char* error, size_t error_size) {
    return JS_RestoreSnapshotDelta(r, buf, size, nullptr, 0, error, error_size);
}

JSContext* JS_RestoreSnapshotDelta(JSRuntime* r, const uint8_t* buf, size_t size, const uint8_t* delta,
                                   size_t delta_size, char* error, size_t error_size) {
    Runtime& rt = enter(r);
    SnapshotError problem;
    r->snapshot_read_error[0] = 0;
    if (!buf || !read_heap_snapshot(rt, buf, size, problem, delta, delta_size)) {
        copy_error(buf ? problem.message : "no snapshot", error, error_size);
        return nullptr;
    }
    JSContext* c = context_of(*rt.m_contexts.front());
    if (!c) {
        copy_error("out of memory", error, error_size);
        return nullptr;
    }
    c->ref_count++; // the caller's reference (the runtime keeps its own)
    return c;
}

void JS_SetDeterministic(JSRuntime* r, double time_ms, uint64_t random_seed) {
    Runtime& rt = enter(r);
    rt.m_deterministic = true;
    rt.m_fixed_time_ms = time_ms;
    rt.m_random_seed = random_seed;
}

int JS_RebindCFunctionsFrom(JSRuntime* r, JSRuntime* template_r) {
    Runtime& rt = enter(r);
    Runtime& from = *template_r->rt;
    int bound = 0;
    for (size_t id = 1; id < rt.m_host_functions.size() && id < from.m_host_functions.size(); ++id) {
        Runtime::HostFunction& h = rt.m_host_functions[id];
        const Runtime::HostFunction& t = from.m_host_functions[id];
        if (h.fn || !t.fn || h.kind != t.kind) continue;
        // Names are atoms of different runtimes: compare their text.
        bool same_name = h.name == t.name && h.name < atoms::end_predefined;
        if (!same_name && h.name != atoms::invalid && t.name != atoms::invalid && !atom_is_index(h.name) &&
            !atom_is_index(t.name) && !rt.atom_is_symbol(h.name) && !from.atom_is_symbol(t.name))
            same_name = rt.atom_string(h.name)->equals(from.atom_string(t.name));
        if (!same_name) continue;
        h.fn = t.fn;
        ++bound;
    }
    return bound;
}

int JS_RebindCFunction(JSRuntime* r, const char* name, JSCFunctionEnum cproto, JSCFunctionType func) {
    Runtime& rt = enter(r);
    Atom a = rt.intern_ascii(name ? name : "");
    if (!a) return 0;
    return static_cast<int>(rt.bind_host_function(a, cproto, reinterpret_cast<void (*)()>(func.generic)));
}
