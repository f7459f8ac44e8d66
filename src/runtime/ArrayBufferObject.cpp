// ArrayBufferObject.cpp: ArrayBuffer/SharedArrayBuffer data blocks (spec 25.1.3, 25.2.2) and the
// class hooks of the buffer and DataView objects.
#include "runtime/ArrayBufferObject.h"
#include "snapshot/HeapReader.h"
#include "snapshot/HeapWriter.h"

#include "gc/Visitor.h"
#include "runtime/Context.h"
#include "runtime/HostObject.h"

#include <cstring>

namespace qjs {

void release_array_buffer_data(Runtime& rt, ArrayBufferObject* buffer) {
    uint8_t* data = buffer->m_data;
    buffer->m_data = nullptr;
    if (buffer->m_external_free) {
        uint32_t fn = buffer->m_external_free;
        buffer->m_external_free = 0;
        if (rt.m_host_hooks && rt.m_host_hooks->free_external_data)
            rt.m_host_hooks->free_external_data(rt, fn, buffer->m_external_opaque, data);
        return;
    }
    if (data) rt.free(data);
}

static void array_buffer_finalize(Object* o) {
    release_array_buffer_data(*Runtime::current(), static_cast<ArrayBufferObject*>(o));
}

static void data_view_visit(Object* o, EdgeVisitor& visitor) {
    visitor.visit_value(static_cast<DataViewObject*>(o)->m_buffer);
}

static void data_view_clear(Object* o) {
    static_cast<DataViewObject*>(o)->m_buffer = Value();
}

// A buffer is written with its bytes (external data becomes the engine's own on restore).
static bool write_array_buffer(Object* o, HeapWriter& w) {
    auto* b = static_cast<ArrayBufferObject*>(o);
    w.out().u8((b->m_detached ? 1 : 0) | (b->m_resizable ? 2 : 0) | (b->m_immutable ? 4 : 0));
    w.out().varuint(b->m_byte_length);
    w.out().varuint(b->m_max_byte_length);
    if (b->m_byte_length) w.out().bytes(b->m_data, b->m_byte_length);
    return true;
}
static bool read_array_buffer(Object* o, HeapReader& r) {
    auto* b = static_cast<ArrayBufferObject*>(o);
    uint8_t flags;
    uint64_t length, max_length;
    if (!r.u8(&flags) || !r.in().varuint(&length, r.in().remaining()) || !r.in().varuint(&max_length))
        return false;
    if (flags > 7 || ((flags & 1) && length) || ((flags & 2) && max_length < length) ||
        ((flags & 4) && (flags & 3)) || (!(flags & 2) && max_length) || max_length > (uint64_t(1) << 53))
        return r.fail("bad array buffer");
    b->m_detached = flags & 1;
    b->m_resizable = flags & 2;
    b->m_immutable = flags & 4;
    if (length) {
        const uint8_t* bytes;
        if (!r.in().bytes(&bytes, length)) return false;
        b->m_data = static_cast<uint8_t*>(r.rt().alloc(length));
        if (!b->m_data) return r.fail("out of memory");
        std::memcpy(b->m_data, bytes, length);
    }
    b->m_byte_length = length;
    b->m_max_byte_length = max_length;
    return true;
}
static const ClassSnapshotHooks kArrayBufferSnapshot = {
    sizeof(ArrayBufferObject), 0,       nullptr, construct_payload<ArrayBufferObject>, write_array_buffer,
    read_array_buffer,         nullptr,
};

static bool write_data_view(Object* o, HeapWriter& w) {
    auto* v = static_cast<DataViewObject*>(o);
    w.value(v->m_buffer);
    w.out().varuint(v->m_byte_offset);
    w.out().varuint(v->m_byte_length);
    w.out().u8(v->m_length_tracking ? 1 : 0);
    return true;
}
static bool read_data_view(Object* o, HeapReader& r) {
    auto* v = static_cast<DataViewObject*>(o);
    uint64_t offset, length;
    if (!r.object(&v->m_buffer, false) || !r.in().varuint(&offset) || !r.in().varuint(&length) ||
        !r.boolean(&v->m_length_tracking))
        return false;
    if (!is_array_buffer_object(v->m_buffer.as_object()))
        return r.fail("data view of something not a buffer");
    v->m_byte_offset = offset;
    v->m_byte_length = length;
    return true;
}
// Views of fixed-length buffers are not bounds-checked on access: the range must fit.
static bool check_data_view(Object* o, HeapReader& r) {
    auto* v = static_cast<DataViewObject*>(o);
    ArrayBufferObject* b = v->buffer();
    if (b->m_detached || b->m_resizable) return true;
    if (v->m_byte_offset > b->m_byte_length ||
        (!v->m_length_tracking && v->m_byte_length > b->m_byte_length - v->m_byte_offset))
        return r.fail("data view out of its buffer");
    return true;
}
static const ClassSnapshotHooks kDataViewSnapshot = {
    sizeof(DataViewObject), 0, nullptr, construct_payload<DataViewObject>, write_data_view, read_data_view,
    check_data_view,
};

void register_array_buffer_classes() {
    ClassHooks buffer_hooks;
    buffer_hooks.finalize = array_buffer_finalize;
    buffer_hooks.snapshot = &kArrayBufferSnapshot;
    register_class_hooks(ClassId::ArrayBuffer, buffer_hooks);
    register_class_hooks(ClassId::SharedArrayBuffer, buffer_hooks);
    ClassHooks view_hooks;
    view_hooks.visit = data_view_visit;
    view_hooks.clear = data_view_clear;
    view_hooks.snapshot = &kDataViewSnapshot;
    register_class_hooks(ClassId::DataView, view_hooks);
}

// 6.2.9.1 CreateByteDataBlock ( size ) (#sec-createbytedatablock): zeroed bytes, or null for an
// empty block. Sets *ok to false when the allocation fails.
static uint8_t* create_byte_data_block(Runtime& rt, uint64_t size, bool* ok) {
    *ok = true;
    if (size == 0) return nullptr;
    if (size > kMaxArrayBufferByteLength) {
        *ok = false;
        return nullptr;
    }
    auto* data = static_cast<uint8_t*>(rt.alloc(static_cast<size_t>(size)));
    if (!data) {
        *ok = false;
        return nullptr;
    }
    std::memset(data, 0, static_cast<size_t>(size));
    return data;
}

static Value allocate_buffer(Context& ctx, ClassId cls, Intrinsic default_proto, const Value& constructor,
                             uint64_t byte_length, bool has_max, uint64_t max_byte_length) {
    // 1-2. If allocatingResizableBuffer is true and byteLength > maxByteLength, throw a RangeError.
    if (has_max && byte_length > max_byte_length)
        return ctx.throw_range_error("byteLength exceeds maxByteLength");
    // 3. Let obj be ? OrdinaryCreateFromConstructor(constructor, "%ArrayBuffer.prototype%", slots).
    Object* proto = TRY(get_prototype_from_constructor(ctx, constructor, ctx.intrinsic(default_proto)));
    Value proto_hold = proto ? Value::adopt(Tag::Object, proto) : Value();
    // 4. Let block be ? CreateByteDataBlock(byteLength).
    // 7.a. If it is not possible to create a Data Block consisting of maxByteLength bytes, throw a
    //      RangeError. (Blocks grow on resize, so only absurd maxima are refused.)
    if (has_max && max_byte_length > kMaxArrayBufferByteLength)
        return ctx.throw_range_error("Invalid array buffer max length");
    bool ok;
    uint8_t* block = create_byte_data_block(ctx.rt(), byte_length, &ok);
    if (!ok) return ctx.throw_range_error("Array buffer allocation failed");
    auto* buffer = Object::create_as<ArrayBufferObject>(ctx, proto, cls);
    if (!buffer) {
        if (block) ctx.rt().free(block);
        return Exception{};
    }
    // 5-8. Set the data, byte length and (for resizable buffers) max byte length slots.
    buffer->m_data = block;
    buffer->m_byte_length = static_cast<size_t>(byte_length);
    buffer->m_resizable = has_max;
    buffer->m_max_byte_length = has_max ? static_cast<size_t>(max_byte_length) : 0;
    return Value::adopt(Tag::Object, buffer);
}

// 25.1.3.1 AllocateArrayBuffer ( constructor, byteLength [, maxByteLength ] ) (#sec-allocatearraybuffer)
Value allocate_array_buffer(Context& ctx, const Value& constructor, uint64_t byte_length, bool has_max,
                            uint64_t max_byte_length) {
    return allocate_buffer(ctx, ClassId::ArrayBuffer, Intrinsic::ArrayBufferPrototype, constructor,
                           byte_length, has_max, max_byte_length);
}

// 25.2.2.1 AllocateSharedArrayBuffer ( constructor, byteLength [, maxByteLength ] )
// (#sec-allocatesharedarraybuffer)
Value allocate_shared_array_buffer(Context& ctx, const Value& constructor, uint64_t byte_length, bool has_max,
                                   uint64_t max_byte_length) {
    return allocate_buffer(ctx, ClassId::SharedArrayBuffer, Intrinsic::SharedArrayBufferPrototype,
                           constructor, byte_length, has_max, max_byte_length);
}

// 25.1.3.5 DetachArrayBuffer ( arrayBuffer [, key ] ) (#sec-detacharraybuffer)
Result<void> detach_array_buffer(Context& ctx, Object* object) {
    if (!is_array_buffer_object(object)) return ctx.throw_type_error("not an ArrayBuffer");
    auto* buffer = static_cast<ArrayBufferObject*>(object);
    // 1. Assert: IsSharedArrayBuffer(arrayBuffer) is false.
    if (buffer->is_shared()) return ctx.throw_type_error("cannot detach a SharedArrayBuffer");
    // (immutable ArrayBuffer) An immutable buffer's data never changes: it cannot be detached.
    if (is_immutable_buffer(buffer)) return ctx.throw_type_error("cannot detach an immutable ArrayBuffer");
    // 2-3. If key is not present, set key to undefined; if SameValue(arrayBuffer.[[ArrayBufferDetachKey]],
    //      key) is false, throw a TypeError. (No buffer has a detach key here.)
    // 4-5. Set arrayBuffer.[[ArrayBufferData]] to null and [[ArrayBufferByteLength]] to 0.
    release_array_buffer_data(ctx.rt(), buffer);
    buffer->m_byte_length = 0;
    buffer->m_detached = true;
    // 6. Return unused.
    return {};
}

bool resize_array_buffer_data(ArrayBufferObject* buffer, size_t new_byte_length) {
    Runtime& rt = *Runtime::current();
    size_t old = buffer->m_byte_length;
    if (new_byte_length == old) return true;
    if (buffer->m_external_free) return false; // the embedder's memory cannot be resized
    if (new_byte_length == 0) {
        release_array_buffer_data(rt, buffer);
        buffer->m_byte_length = 0;
        return true;
    }
    void* data = buffer->m_data ? rt.realloc(buffer->m_data, new_byte_length) : rt.alloc(new_byte_length);
    if (!data) return false;
    buffer->m_data = static_cast<uint8_t*>(data);
    if (new_byte_length > old) std::memset(buffer->m_data + old, 0, new_byte_length - old);
    buffer->m_byte_length = new_byte_length;
    return true;
}

// 25.1.3.6 CloneArrayBuffer ( srcBuffer, srcByteOffset, srcLength ) (#sec-clonearraybuffer)
Value clone_array_buffer(Context& ctx, ArrayBufferObject* src, size_t src_byte_offset, size_t src_length) {
    // 1. Assert: IsDetachedBuffer(srcBuffer) is false.
    // 2. Let targetBuffer be ? AllocateArrayBuffer(%ArrayBuffer%, srcLength).
    Value target = TRY(allocate_array_buffer(ctx, Value(), src_length));
    // 3-6. Copy the bytes.
    if (src_length) {
        auto* t = static_cast<ArrayBufferObject*>(target.as_object());
        std::memcpy(t->m_data, src->m_data + src_byte_offset, src_length);
    }
    // 7. Return targetBuffer.
    return target;
}

} // namespace qjs
