// Reactor.h: the wasm32-wasi reactor module (cmake/wasm32-wasi.cmake): the state shared by its files.
//
// The host (packages/qjs-wasm, or any WASI host) drives one runtime and one context through exported
// functions and refers to JS values by handle: a 32-bit id of a slot in the handle table, which owns one
// reference. Id 0 means "no value": the call threw and the exception is pending (qjs_take_exception).
// Ids 1-5 are the fixed handles undefined, null, false, true and the global object, which are never freed.
// A stale id (its slot freed or reused) is refused with a TypeError, never read.
#pragma once

#include <cstddef>
#include <cstdint>

#include "quickjs.h"

#define QJS_EXPORT(name) extern "C" __attribute__((export_name(#name), visibility("default")))
#define QJS_IMPORT(module, name) __attribute__((import_module(#module), import_name(#name)))

namespace qjs::wasm {

using Handle = uint32_t;

enum FixedHandle : Handle { kNone = 0, kUndefined = 1, kNull = 2, kFalse = 3, kTrue = 4, kGlobal = 5 };

struct ReactorState {
    JSRuntime* rt = nullptr;
    JSContext* ctx = nullptr;
    JSValue bridge = JS_UNDEFINED; // the host bridge object of Bridge.js (value tree exchange, errors)
    bool interrupt_enabled = false;
    bool rejection_tracker_enabled = false;
    int host_call_depth = 0; // host callbacks running (snapshots are refused inside one)
};
extern ReactorState g_reactor;

// Handle table (Handles.cpp).
Handle handle_new(JSValue v);        // takes the value's reference; 0 (OOM pending) on failure
bool handle_get(Handle, JSValue* v); // borrowed; false with a TypeError pending when `h` is stale
void handle_free(Handle);
void handles_reset();            // frees every slot (destroy)
bool handle_set_global(JSValue); // fills the fixed global handle (takes the reference)
uint32_t handles_live();
// A result for the host: a new handle for `v`, or 0 when `v` is the exception marker.
Handle handle_result(JSValue v);

// Host functions and the env imports (HostFunctions.cpp).
void install_host_hooks();
// Binds the C functions of a restored runtime again (the trampoline and the bridge's natives).
void rebind_host_functions(JSRuntime*);
void rebind_bridge_natives(JSRuntime*);
// Host function ids from kFirstInternalId on are the host package's own short-lived callbacks.
constexpr uint32_t kFirstInternalId = 0x80000000u;
// Records host function `id` and its name in the heap state (HeapState.cpp).
bool record_host_function(uint32_t id, JSValueConst name);

// The reactor's own state inside the engine heap (HeapState.cpp): an object held by a global lexical
// binding whose name is not an identifier, so scripts cannot reach it but snapshots keep it. It holds
// the table of host functions (id -> name). heap_state returns a new reference, or undefined when the
// context has none (a snapshot written by another host); heap_state_ensure creates it then.
JSValue heap_state(JSContext*);
bool heap_state_ensure(JSContext*);

// The bridge (Bridge.cpp): evaluates Bridge.js in the context (at init, and again after a restore:
// the bridge is not part of the heap, which keeps snapshots small).
bool bridge_init();

// Shared by init and restore (Reactor.cpp): the fixed global handle, the bridge and the host hooks of
// a context that g_reactor now holds. False (the caller destroys) on failure.
bool attach_context();

} // namespace qjs::wasm
