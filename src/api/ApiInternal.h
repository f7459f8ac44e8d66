// ApiInternal.h: the records behind quickjs.h's opaque types and the JSValue <-> Value bridge.
//
// Ownership bridge: a JSValue is the same 16 bytes of information as a Value (payload + tag, the
// tag renumbered to QuickJS's). A JSValue with a heap tag owns one reference count of its Cell, exactly
// as a Value does; Cell's count is its first field, so quickjs.h's inline JS_DupValue/JS_FreeValue
// adjust it directly, and a count reaching zero goes to __JS_FreeValueRT (destroy_cell).
//   take(JSValue)      -> Value  moves the JSValue's reference into a Value (consumed arguments)
//   borrow(JSValueConst) -> Value  takes a new reference (the caller keeps its own)
//   give(Value)        -> JSValue moves the Value's reference out (returned values)
//   peek(const Value&) -> JSValue  the same bits without a reference (arguments passed to C code)
#pragma once

#include "quickjs.h"

#include "runtime/Context.h"
#include "runtime/Runtime.h"
#include "runtime/Value.h"

namespace qjs {
class EdgeVisitor;
class HeapReader;
class HeapWriter;
class HostObject;
enum class AtomicsWaitResult : int8_t;
} // namespace qjs

// One registered class of a runtime.
struct JSApiClass {
    bool registered = false;
    JSClassDef def{};
    qjs::Atom name = 0;
    qjs::Vector<char> name_text; // a copy of def.class_name (which points at it), NUL-terminated
    JSClassSnapshotWrite* snapshot_write = nullptr; // JS_SetClassSnapshotHooks
    JSClassSnapshotRead* snapshot_read = nullptr;
    void* snapshot_opaque = nullptr; // JS_SetClassSnapshotOpaque, freed at JS_FreeRuntime
    void (*snapshot_opaque_free)(JSRuntime*, void*) = nullptr;
};

struct JSRuntime {
    qjs::Runtime* rt = nullptr;
    JSMallocFunctions mf{};
    JSMallocState ms{};
    bool custom_malloc = false;
    void* opaque = nullptr;
    const char* info = nullptr;
    bool can_block = true;
    qjs::Vector<JSApiClass> classes; // indexed by JSClassID
    JSHostPromiseRejectionTracker* rejection_tracker = nullptr;
    void* rejection_opaque = nullptr;
    JSModuleNormalizeFunc* module_normalize = nullptr;
    JSModuleLoaderFunc* module_loader = nullptr;
    void* module_loader_opaque = nullptr;
    JSModuleReadFunc* module_read = nullptr;
    void* module_read_opaque = nullptr;
    JSInterruptHandler* interrupt_handler = nullptr;
    void* interrupt_opaque = nullptr;
    qjs::EdgeVisitor* marking = nullptr;      // the cycle collector's visitor while a gc_mark runs
    qjs::Vector<JSContext*> contexts;         // live context records
    JSSharedArrayBufferFunctions sab_funcs{}; // JS_SetSharedArrayBufferFunctions (os.Worker)
    JSAtomicsWaitFunctions atomics_funcs{};   // JS_SetAtomicsWaitFunctions
    int strip_flags = 0;                      // JS_SetStripInfo
    char snapshot_read_error[160] = {};       // JS_SnapshotReaderFail's message, until the restore ends
};

struct JSContext {
    qjs::Context* ctx = nullptr;
    JSRuntime* rt = nullptr;
    int ref_count = 1;
    void* opaque = nullptr;
    qjs::Vector<qjs::Value> class_protos; // indexed by JSClassID (undefined: %Object.prototype%)
};

namespace qjs::api {

inline int64_t js_tag_of(Tag t) {
    switch (t) {
    case Tag::Int32: return JS_TAG_INT;
    case Tag::Bool: return JS_TAG_BOOL;
    case Tag::Null: return JS_TAG_NULL;
    case Tag::Undefined: return JS_TAG_UNDEFINED;
    case Tag::Uninitialized: return JS_TAG_UNINITIALIZED;
    case Tag::Exception: return JS_TAG_EXCEPTION;
    case Tag::Float64: return JS_TAG_FLOAT64;
    case Tag::Object: return JS_TAG_OBJECT;
    case Tag::String: return JS_TAG_STRING;
    case Tag::Symbol: return JS_TAG_SYMBOL;
    case Tag::BigInt: return JS_TAG_BIG_INT;
    case Tag::InternalCell: return JS_TAG_FUNCTION_BYTECODE;
    }
    return JS_TAG_UNDEFINED;
}

inline Tag heap_tag_of(int64_t tag) {
    switch (tag) {
    case JS_TAG_OBJECT:
    case JS_TAG_MODULE: return Tag::Object; // a module record is an object cell
    case JS_TAG_STRING: return Tag::String;
    case JS_TAG_SYMBOL: return Tag::Symbol;
    case JS_TAG_BIG_INT: return Tag::BigInt;
    default: return Tag::InternalCell;
    }
}

// The value without touching reference counts (`owned`: adopt the JSValue's reference, else take a
// new one).
inline Value to_value(JSValueConst v, bool owned) {
    switch (v.tag) {
    case JS_TAG_INT: return Value::int32(v.u.int32);
    case JS_TAG_BOOL: return Value::boolean(v.u.int32 != 0);
    case JS_TAG_NULL: return Value::null();
    case JS_TAG_UNDEFINED: return Value();
    case JS_TAG_UNINITIALIZED: return Value::uninitialized();
    case JS_TAG_EXCEPTION: return Value(Exception{});
    case JS_TAG_FLOAT64: return Value::float64(v.u.float64);
    case JS_TAG_CATCH_OFFSET: return Value::int32(v.u.int32);
    default: break;
    }
    auto* cell = static_cast<Cell*>(v.u.ptr);
    return owned ? Value::adopt(heap_tag_of(v.tag), cell) : Value::cell(heap_tag_of(v.tag), cell);
}
inline Value take(JSValue v) {
    return to_value(v, true);
}
inline Value borrow(JSValueConst v) {
    return to_value(v, false);
}

inline JSValue peek(const Value& v) {
    JSValue r;
    r.tag = js_tag_of(v.tag());
    if (v.is_heap())
        r.u.ptr = v.as_cell();
    else if (v.is_float64())
        r.u.float64 = v.as_float64();
    else {
        r.u.float64 = 0;
        r.u.int32 = v.as_int32();
    }
    return r;
}
inline JSValue give(Value v) {
    JSValue r = peek(v);
    if (v.is_heap()) v.leak_cell();
    return r;
}

inline Object* object_of(JSValueConst v) {
    return v.tag == JS_TAG_OBJECT ? static_cast<Object*>(v.u.ptr) : nullptr;
}

// Makes the context's runtime current and returns the engine context.
inline Context& enter(JSContext* c) {
    c->ctx->rt().make_current();
    return *c->ctx;
}
inline Runtime& enter(JSRuntime* r) {
    r->rt->make_current();
    return *r->rt;
}

inline JSRuntime* api_runtime(Runtime& rt) {
    return static_cast<JSRuntime*>(rt.m_embedder);
}
inline JSContext* api_context(Context& ctx) {
    return static_cast<JSContext*>(ctx.m_embedder);
}

// A module record as a JSValue (tag JS_TAG_MODULE), moving the reference out.
JSValue give_module(Value module);

// JS_WriteObject/JS_ReadObject of values ("binary JSON", ApiValueImage.cpp).
bool is_value_image(const uint8_t* buf, size_t len);
uint8_t* write_value_image(JSContext*, size_t* psize, JSValueConst obj, int flags, uint8_t*** psab_tab,
                           size_t* psab_tab_len);
// SharedArrayBuffers between runtimes (ApiBinary.cpp): the block of a SharedArrayBuffer moved to the
// host's shared memory (nullptr with a TypeError pending), and a SharedArrayBuffer on such a block
// (which takes a reference: sab_dup).
uint8_t* share_array_buffer_block(JSContext*, JSValueConst buffer, size_t* plen);
JSValue new_shared_array_buffer_on(JSContext*, uint8_t* block, size_t len);
JSValue read_value_image(JSContext*, const uint8_t* buf, size_t len, int flags);

// An atom for a C string key (0 with an exception pending on OOM).
Atom atom_of_cstring(Context&, const char* s, size_t len);
// Installs the host-object hooks on a runtime (ApiClasses.cpp).
void install_host_hooks(JSRuntime*);
// The Atomics wait/notify hooks of HostObjectHooks, on the runtime's JSAtomicsWaitFunctions (ApiAtomics.cpp).
AtomicsWaitResult atomics_wait_hook(Context&, void* addr, size_t size, uint64_t expected, double timeout,
                                    const Value* resolve);
double atomics_notify_hook(Context&, void* addr, double count);
// Heap snapshots of host objects through their class's JS_SetClassSnapshotHooks (ApiClassSnapshot.cpp).
bool write_host_snapshot(HostObject*, HeapWriter&);
bool read_host_snapshot(HostObject*, HeapReader&);
// Calls the JSFreeArrayBufferDataFunc registered as host function `fn` (ApiBinary.cpp).
void free_external_array_buffer_data(Runtime&, uint32_t fn, void* opaque, void* data);
// The JSContext of a realm, creating a borrowed-style record for realms made by JS code
// ($262.createRealm, ShadowRealm) when needed; nullptr on OOM.
JSContext* context_of(Context&);

} // namespace qjs::api
