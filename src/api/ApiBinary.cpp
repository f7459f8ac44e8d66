// ApiBinary.cpp: quickjs.h ArrayBuffers, typed arrays and JSON.
#include "api/ApiInternal.h"

#include "builtins/JSON.h"
#include "runtime/ArrayBufferObject.h"
#include "runtime/Call.h"
#include "runtime/String.h"
#include "runtime/TypedArrayObject.h"

#include <cstring>

using namespace qjs;
using namespace qjs::api;

namespace {

enum : int { kKindArrayBufferFree = 102 };

// JSTypedArrayEnum order -> the engine's types.
constexpr TypedArrayType kTypes[] = {
    TypedArrayType::Uint8Clamped, TypedArrayType::Int8,    TypedArrayType::Uint8,   TypedArrayType::Int16,
    TypedArrayType::Uint16,       TypedArrayType::Int32,   TypedArrayType::Uint32,  TypedArrayType::BigInt64,
    TypedArrayType::BigUint64,    TypedArrayType::Float16, TypedArrayType::Float32, TypedArrayType::Float64,
};
constexpr int kTypeCount = sizeof kTypes / sizeof kTypes[0];

ArrayBufferObject* array_buffer_of(JSValueConst v) {
    Object* o = object_of(v);
    return o && is_array_buffer_object(o) ? static_cast<ArrayBufferObject*>(o) : nullptr;
}

} // namespace

namespace qjs::api {
void free_external_array_buffer_data(Runtime& rt, uint32_t fn, void* opaque, void* data) {
    auto* free_func = reinterpret_cast<JSFreeArrayBufferDataFunc*>(rt.host_function(fn).fn);
    if (free_func) free_func(api_runtime(rt), opaque, data);
    rt.make_current();
}
} // namespace qjs::api

JSValue JS_NewArrayBuffer(JSContext* c, uint8_t* buf, size_t len, JSFreeArrayBufferDataFunc* free_func,
                          void* opaque, JS_BOOL is_shared) {
    Context& ctx = enter(c);
    if (len > kMaxArrayBufferByteLength) return give(ctx.throw_range_error("invalid array buffer length"));
    uint32_t id =
        ctx.rt().register_host_function(reinterpret_cast<void (*)()>(free_func), kKindArrayBufferFree);
    if (!id) return give(ctx.throw_out_of_memory());
    Value b =
        is_shared ? allocate_shared_array_buffer(ctx, Value(), 0) : allocate_array_buffer(ctx, Value(), 0);
    if (b.is_exception()) return JS_EXCEPTION;
    auto* buffer = static_cast<ArrayBufferObject*>(b.as_object());
    release_array_buffer_data(ctx.rt(), buffer);
    buffer->m_data = buf;
    buffer->m_byte_length = len;
    buffer->m_external_free = id;
    buffer->m_external_opaque = opaque;
    return give(std::move(b));
}

JSValue JS_NewArrayBufferCopy(JSContext* c, const uint8_t* buf, size_t len) {
    Context& ctx = enter(c);
    Value b = allocate_array_buffer(ctx, Value(), len);
    if (b.is_exception()) return JS_EXCEPTION;
    auto* buffer = static_cast<ArrayBufferObject*>(b.as_object());
    if (len) std::memcpy(buffer->m_data, buf, len);
    return give(std::move(b));
}

void JS_DetachArrayBuffer(JSContext* c, JSValueConst obj) {
    Context& ctx = enter(c);
    ArrayBufferObject* buffer = array_buffer_of(obj);
    if (!buffer || buffer->is_shared()) return;
    MUST(detach_array_buffer(ctx, buffer));
}

uint8_t* JS_GetArrayBuffer(JSContext* c, size_t* psize, JSValueConst obj) {
    Context& ctx = enter(c);
    *psize = 0;
    ArrayBufferObject* buffer = array_buffer_of(obj);
    if (!buffer) {
        ctx.throw_type_error("not an ArrayBuffer");
        return nullptr;
    }
    if (buffer->m_detached) {
        ctx.throw_type_error("ArrayBuffer is detached");
        return nullptr;
    }
    *psize = buffer->m_byte_length;
    // A zero-length buffer has no block; QuickJS still returns a non-NULL pointer.
    static uint8_t empty;
    return buffer->m_data ? buffer->m_data : &empty;
}

JSValue JS_NewTypedArray(JSContext* c, int argc, JSValueConst* argv, JSTypedArrayEnum array_type) {
    Context& ctx = enter(c);
    if (array_type < 0 || array_type >= kTypeCount)
        return give(ctx.throw_range_error("invalid typed array type"));
    Object* ctor = ctx.intrinsic(typed_array_constructor_intrinsic(kTypes[array_type]));
    Vector<Value> args;
    for (int i = 0; i < argc; ++i)
        args.push_back(borrow(argv[i]));
    return give(construct(ctx, Value::object(ctor), {args.data(), args.size()}));
}

JSValue JS_GetTypedArrayBuffer(JSContext* c, JSValueConst obj, size_t* pbyte_offset, size_t* pbyte_length,
                               size_t* pbytes_per_element) {
    Context& ctx = enter(c);
    Object* o = object_of(obj);
    if (!o || !is_typed_array(o)) return give(ctx.throw_type_error("not a TypedArray"));
    auto* ta = static_cast<TypedArrayObject*>(o);
    if (pbyte_offset) *pbyte_offset = ta->m_byte_offset;
    if (pbyte_length) *pbyte_length = typed_array_byte_length(ta);
    if (pbytes_per_element) *pbytes_per_element = ta->element_size();
    return give(ta->m_buffer);
}

int JS_GetTypedArrayType(JSValueConst obj) {
    Object* o = object_of(obj);
    if (!o || !is_typed_array(o)) return -1;
    TypedArrayType t = static_cast<TypedArrayObject*>(o)->m_type;
    for (int i = 0; i < kTypeCount; ++i)
        if (kTypes[i] == t) return i;
    return -1;
}

// ---- JSON ----

JSValue JS_ParseJSON2(JSContext* c, const char* buf, size_t buf_len, const char* /*filename*/,
                      int /*flags*/) {
    Context& ctx = enter(c);
    if (buf_len > String::kMaxLength) return give(ctx.throw_range_error("invalid string length"));
    String* text = String::create_utf8(ctx.rt(), buf, buf_len);
    if (!text) return give(ctx.throw_out_of_memory());
    Value holder = Value::adopt(Tag::String, text);
    return give(json_parse(ctx, text));
}

JSValue JS_ParseJSON(JSContext* c, const char* buf, size_t buf_len, const char* filename) {
    return JS_ParseJSON2(c, buf, buf_len, filename, 0);
}

JSValue JS_JSONStringify(JSContext* c, JSValueConst obj, JSValueConst replacer, JSValueConst space0) {
    return give(json_stringify(enter(c), borrow(obj), borrow(replacer), borrow(space0)));
}

// ---- SharedArrayBuffers shared between runtimes (os.Worker) ----

void JS_SetSharedArrayBufferFunctions(JSRuntime* r, const JSSharedArrayBufferFunctions* sf) {
    r->sab_funcs = sf ? *sf : JSSharedArrayBufferFunctions{};
}

namespace {

// The free function of a SharedArrayBuffer on a shared block: one reference less.
void free_shared_block(JSRuntime* r, void*, void* ptr) {
    if (ptr && r->sab_funcs.sab_free) r->sab_funcs.sab_free(r->sab_funcs.sab_opaque, ptr);
}

} // namespace

namespace qjs::api {

uint8_t* share_array_buffer_block(JSContext* c, JSValueConst v, size_t* plen) {
    Context& ctx = enter(c);
    ArrayBufferObject* buffer = array_buffer_of(v);
    const JSSharedArrayBufferFunctions& sf = c->rt->sab_funcs;
    if (!buffer || !buffer->is_shared()) {
        ctx.throw_type_error("not a SharedArrayBuffer");
        return nullptr;
    }
    if (!sf.sab_alloc || !sf.sab_free || !sf.sab_dup) {
        ctx.throw_type_error("this runtime cannot share memory (no JS_SetSharedArrayBufferFunctions)");
        return nullptr;
    }
    if (buffer->m_resizable) {
        ctx.throw_type_error("a growable SharedArrayBuffer cannot be shared");
        return nullptr;
    }
    auto free_id = ctx.rt().register_host_function(reinterpret_cast<void (*)()>(&free_shared_block),
                                                   kKindArrayBufferFree);
    if (!free_id) {
        ctx.throw_out_of_memory();
        return nullptr;
    }
    if (buffer->m_external_free != free_id) {
        // First share: the block moves to the host's shared memory. Views read m_data on each
        // access, and a SharedArrayBuffer is never detached, so the move is not observable.
        size_t len = buffer->m_byte_length;
        auto* block = static_cast<uint8_t*>(sf.sab_alloc(sf.sab_opaque, len ? len : 1));
        if (!block) {
            ctx.throw_out_of_memory();
            return nullptr;
        }
        if (len) std::memcpy(block, buffer->m_data, len);
        release_array_buffer_data(ctx.rt(), buffer);
        buffer->m_data = block;
        buffer->m_external_free = free_id;
        buffer->m_external_opaque = nullptr;
    }
    *plen = buffer->m_byte_length;
    return buffer->m_data;
}

JSValue new_shared_array_buffer_on(JSContext* c, uint8_t* block, size_t len) {
    const JSSharedArrayBufferFunctions& sf = c->rt->sab_funcs;
    if (!sf.sab_alloc || !sf.sab_free || !sf.sab_dup)
        return JS_ThrowTypeError(c, "this runtime cannot share memory (no JS_SetSharedArrayBufferFunctions)");
    sf.sab_dup(sf.sab_opaque, block);
    JSValue b = JS_NewArrayBuffer(c, block, len, free_shared_block, nullptr, 1);
    if (JS_IsException(b)) sf.sab_free(sf.sab_opaque, block);
    return b;
}

} // namespace qjs::api
