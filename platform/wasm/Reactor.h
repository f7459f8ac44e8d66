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

// The bridge (Bridge.cpp): evaluates Bridge.js once per context.
bool bridge_init();

} // namespace qjs::wasm
