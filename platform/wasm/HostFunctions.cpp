// HostFunctions.cpp: functions backed by the host, and the other `env` imports.
//
// A host function is a C function object whose data slot holds the host's stable id (never a pointer),
// so the id survives in the heap and the host re-registers its callback under the same id. When JS calls
// it, the trampoline gives `this` and the arguments to the host as handles that it owns for the duration
// of the call, calls the import env.host_call(id, this, argc, argv), and consumes the returned handle
// (0: the callback threw, its exception is pending).
#include <cstdlib>

#include "Reactor.h"

using namespace qjs::wasm;

extern "C" {
QJS_IMPORT(env, host_call)
Handle qjs_import_host_call(uint32_t id, Handle self, uint32_t argc, const Handle* argv);
QJS_IMPORT(env, interrupt_poll) int qjs_import_interrupt_poll();
QJS_IMPORT(env, promise_rejection)
void qjs_import_promise_rejection(Handle promise, Handle reason, int is_handled);
}

namespace {

// The magic of every host function: after a restore, every unbound function with data is bound to the
// trampoline, and a snapshot written by another host may hold some that are not ours.
constexpr int kHostMagic = 0x5157;

JSValue trampoline(JSContext* ctx, JSValueConst self, int argc, JSValueConst* argv, int magic,
                   JSValue* data) {
    if (magic != kHostMagic || !JS_IsNumber(data[0]))
        return JS_ThrowTypeError(ctx, "a C function of the snapshot's host is not available here");
    int32_t id = 0;
    JS_ToInt32(ctx, &id, data[0]);
    auto* handles = static_cast<Handle*>(std::malloc(sizeof(Handle) * (static_cast<size_t>(argc) + 1)));
    if (!handles) return JS_ThrowOutOfMemory(ctx);
    Handle this_h = handle_new(JS_DupValue(ctx, self));
    int made = 0;
    bool ok = this_h != kNone;
    for (; ok && made < argc; ++made) {
        handles[made] = handle_new(JS_DupValue(ctx, argv[made]));
        ok = handles[made] != kNone;
    }
    JSValue result = JS_EXCEPTION;
    if (ok) {
        ++g_reactor.host_call_depth;
        Handle r =
            qjs_import_host_call(static_cast<uint32_t>(id), this_h, static_cast<uint32_t>(argc), handles);
        --g_reactor.host_call_depth;
        JSValue v;
        if (r == kNone) {
            if (!JS_HasException(ctx)) JS_ThrowInternalError(ctx, "host function %d failed", id);
        } else if (handle_get(r, &v)) {
            result = JS_DupValue(ctx, v);
            handle_free(r); // the returned handle is consumed
        }
    }
    for (int i = 0; i < made; ++i)
        handle_free(handles[i]);
    handle_free(this_h);
    std::free(handles);
    return result;
}

int interrupt_handler(JSRuntime*, void*) {
    return g_reactor.interrupt_enabled ? qjs_import_interrupt_poll() : 0;
}

void rejection_tracker(JSContext* ctx, JSValueConst promise, JSValueConst reason, JS_BOOL is_handled, void*) {
    if (!g_reactor.rejection_tracker_enabled) return;
    Handle p = handle_new(JS_DupValue(ctx, promise));
    Handle r = handle_new(JS_DupValue(ctx, reason));
    if (p && r) qjs_import_promise_rejection(p, r, is_handled ? 1 : 0);
    handle_free(p);
    handle_free(r);
}

} // namespace

namespace qjs::wasm {
void install_host_hooks() {
    JS_SetInterruptHandler(g_reactor.rt, interrupt_handler, nullptr);
    JS_SetHostPromiseRejectionTracker(g_reactor.rt, rejection_tracker, nullptr);
}

void rebind_host_functions(JSRuntime* rt) {
    JS_RebindCFunctionData(rt, trampoline);
}
} // namespace qjs::wasm

// A function named `name` (UTF-8) with the given `length` that calls host callback `id`, recorded in
// the heap's reactor state (qjs_heap_state).
QJS_EXPORT(qjs_new_function)
Handle qjs_new_function(const char* name, size_t name_len, uint32_t id, int length) {
    JSContext* ctx = g_reactor.ctx;
    JSValue data = JS_NewInt32(ctx, static_cast<int32_t>(id));
    JSValue f = JS_NewCFunctionData(ctx, trampoline, length, kHostMagic, 1, &data);
    if (JS_IsException(f)) return kNone;
    JSValue n = JS_NewStringLen(ctx, name, name_len);
    bool ok = !JS_IsException(n);
    if (ok && !record_host_function(id, n)) {
        JS_FreeValue(ctx, n);
        ok = false;
    }
    // The definition takes the name's reference.
    if (!ok || JS_DefinePropertyValueStr(ctx, f, "name", n, JS_PROP_CONFIGURABLE) < 0) {
        JS_FreeValue(ctx, f);
        return kNone;
    }
    return handle_new(f);
}

// Whether the host is asked (env.interrupt_poll) every few thousand backward jumps and calls; a non-zero
// answer ends the running script with an uncatchable InternalError.
QJS_EXPORT(qjs_set_interrupt_poll) void qjs_set_interrupt_poll(int enabled) {
    g_reactor.interrupt_enabled = enabled != 0;
}
// Whether env.promise_rejection reports rejections without a handler (is_handled 0) and handlers added
// later (is_handled 1).
QJS_EXPORT(qjs_set_rejection_tracker) void qjs_set_rejection_tracker(int enabled) {
    g_reactor.rejection_tracker_enabled = enabled != 0;
}
