// HeapState.cpp: the reactor's state inside the engine heap, so that snapshots keep it: an object
// {functions, lastInternal} held by a global lexical binding named "<qjs-wasm>". That is not an
// identifier, so no script can reach the binding, and global lexical bindings are part of every
// snapshot. `functions` maps each host function id (qjs_new_function) to its name: after a restore, the
// host learns from it which callbacks it must provide. (JS_SetPropertyStr and JS_DefinePropertyValue
// take the value's reference, also when they fail.)
#include "Reactor.h"
#include "api/ApiInternal.h"
#include "runtime/Context.h"

namespace qjs::wasm {

namespace {

constexpr char kBindingName[] = "<qjs-wasm>";

// The global lexical environment of `ctx`'s realm, as a borrowed value.
JSValue lexicals(JSContext* ctx) {
    return JS_MKPTR(JS_TAG_OBJECT, static_cast<qjs::Cell*>(ctx->ctx->m_global_lexicals));
}

} // namespace

JSValue heap_state(JSContext* ctx) {
    JSAtom name = JS_NewAtom(ctx, kBindingName);
    if (name == JS_ATOM_NULL) return JS_EXCEPTION;
    JSValue state = JS_GetProperty(ctx, lexicals(ctx), name);
    JS_FreeAtom(ctx, name);
    if (!JS_IsException(state) && !JS_IsUndefined(state) && !JS_IsObject(state)) {
        JS_FreeValue(ctx, state);
        return JS_ThrowTypeError(ctx, "the reactor state of this heap is malformed");
    }
    return state;
}

bool heap_state_ensure(JSContext* ctx) {
    JSValue existing = heap_state(ctx);
    if (JS_IsException(existing)) return false;
    if (!JS_IsUndefined(existing)) {
        JS_FreeValue(ctx, existing);
        return true;
    }
    JSValue state = JS_NewObjectProto(ctx, JS_NULL);
    if (JS_IsException(state)) return false;
    JSValue functions = JS_NewObjectProto(ctx, JS_NULL);
    JSAtom name = JS_NewAtom(ctx, kBindingName);
    bool ok = !JS_IsException(functions) && name != JS_ATOM_NULL &&
              JS_SetPropertyStr(ctx, state, "functions", functions) >= 0 &&
              JS_DefinePropertyValue(ctx, lexicals(ctx), name, state, JS_PROP_WRITABLE) >= 0;
    if (name != JS_ATOM_NULL) JS_FreeAtom(ctx, name);
    return ok;
}

bool record_host_function(uint32_t id, JSValueConst name) {
    JSContext* ctx = g_reactor.ctx;
    JSValue state = heap_state(ctx);
    if (!JS_IsObject(state)) {
        if (JS_IsUndefined(state)) JS_ThrowInternalError(ctx, "the reactor state is missing");
        return false;
    }
    bool ok;
    if (id >= kFirstInternalId) {
        // The package's own short-lived callbacks: only the last id, so that new ones after a restore
        // do not reuse the ids of those the heap still holds.
        ok = JS_SetPropertyStr(ctx, state, "lastInternal", JS_NewUint32(ctx, id)) >= 0;
    } else {
        JSValue functions = JS_GetPropertyStr(ctx, state, "functions");
        ok = JS_IsObject(functions) && JS_SetPropertyUint32(ctx, functions, id, JS_DupValue(ctx, name)) >= 0;
        JS_FreeValue(ctx, functions);
    }
    JS_FreeValue(ctx, state);
    return ok;
}

} // namespace qjs::wasm

using namespace qjs::wasm;

// The reactor state of the heap: `functions` ({id: name} of the host functions) and `lastInternal`
// (the last id of the package's internal callbacks, when any), for the host to check after a restore
// that it has every callback. 0 with an exception pending.
QJS_EXPORT(qjs_heap_state) Handle qjs_heap_state() {
    return handle_result(heap_state(g_reactor.ctx));
}
