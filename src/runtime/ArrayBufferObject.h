// ArrayBufferObject.h: ArrayBuffer and SharedArrayBuffer objects (spec 25.1, 25.2) and the
// DataView object layout (25.3). The data block is allocated through the runtime allocator so the
// memory limit counts it; it is freed by the class finalizer.
#pragma once

#include "runtime/Object.h"

#include <cstddef>
#include <cstdint>

namespace qjs {

// The largest byte length (and maxByteLength) we accept: 1 TiB, or half the address space on
// 32-bit hosts. Larger requests are RangeErrors ("cannot allocate"), as test262 expects of 7 PiB.
constexpr uint64_t kMaxArrayBufferByteLength = SIZE_MAX / 2 < (1ull << 40) ? SIZE_MAX / 2 : (1ull << 40);

// The payload of ClassId::ArrayBuffer and ClassId::SharedArrayBuffer objects.
class ArrayBufferObject : public Object {
  public:
    uint8_t* m_data = nullptr;    // [[ArrayBufferData]] (null when empty or detached)
    size_t m_byte_length = 0;     // [[ArrayBufferByteLength]]
    size_t m_max_byte_length = 0; // [[ArrayBufferMaxByteLength]] when m_resizable
    bool m_detached = false;      // [[ArrayBufferData]] is null (detached)
    bool m_resizable = false;     // has [[ArrayBufferMaxByteLength]] (resizable / growable)
    bool m_immutable = false;     // [[ArrayBufferIsImmutable]] (immutable ArrayBuffer proposal)
    // External data (the embedder's memory, JS_NewArrayBuffer): the embedder's host function that
    // frees it (an id in Runtime::m_host_functions; 0 when the runtime allocated m_data) and its opaque.
    uint32_t m_external_free = 0;
    void* m_external_opaque = nullptr;

    bool is_shared() const { return m_class_id == ClassId::SharedArrayBuffer; }
};

// The payload of ClassId::DataView objects.
class DataViewObject : public Object {
  public:
    Value m_buffer;                 // [[ViewedArrayBuffer]]
    size_t m_byte_offset = 0;       // [[ByteOffset]]
    size_t m_byte_length = 0;       // [[ByteLength]] unless m_length_tracking
    bool m_length_tracking = false; // [[ByteLength]] is auto

    ArrayBufferObject* buffer() const { return static_cast<ArrayBufferObject*>(m_buffer.as_object()); }
};

inline bool is_array_buffer_object(const Object* o) {
    return o->class_id() == ClassId::ArrayBuffer || o->class_id() == ClassId::SharedArrayBuffer;
}
inline bool is_array_buffer_value(const Value& v) {
    return v.is_object() && is_array_buffer_object(v.as_object());
}

// 25.1.3.4 IsDetachedBuffer ( arrayBuffer ) (#sec-isdetachedbuffer)
inline bool is_detached_buffer(const ArrayBufferObject* b) {
    return b->m_detached;
}
// IsImmutableBuffer ( arrayBuffer ) (immutable ArrayBuffer proposal, #sec-isimmutablebuffer)
inline bool is_immutable_buffer(const ArrayBufferObject* b) {
    return b->m_immutable;
}
// 25.1.3.8 IsFixedLengthArrayBuffer ( arrayBuffer ) (#sec-isfixedlengtharraybuffer)
inline bool is_fixed_length_array_buffer(const ArrayBufferObject* b) {
    return !b->m_resizable;
}

// 25.1.3.1 AllocateArrayBuffer ( constructor, byteLength [, maxByteLength ] )
// (#sec-allocatearraybuffer); `has_max` says whether maxByteLength is present. `constructor` is
// the NewTarget whose "prototype" is used (undefined = the realm's %ArrayBuffer%).
Value allocate_array_buffer(Context&, const Value& constructor, uint64_t byte_length, bool has_max = false,
                            uint64_t max_byte_length = 0);
// 25.2.2.1 AllocateSharedArrayBuffer ( constructor, byteLength [, maxByteLength ] )
Value allocate_shared_array_buffer(Context&, const Value& constructor, uint64_t byte_length,
                                   bool has_max = false, uint64_t max_byte_length = 0);
// 25.1.3.5 DetachArrayBuffer ( arrayBuffer [, key ] ) (#sec-detacharraybuffer), key undefined.
// TypeError for shared buffers.
Result<void> detach_array_buffer(Context&, Object* buffer);
// Releases the data block (runtime memory, or the embedder's through its free function).
void release_array_buffer_data(Runtime&, ArrayBufferObject*);
// Resizes the data block in place (new bytes are zero). False on OOM (nothing is thrown).
bool resize_array_buffer_data(ArrayBufferObject*, size_t new_byte_length);
// 25.1.3.6 CloneArrayBuffer ( srcBuffer, srcByteOffset, srcLength ) (#sec-clonearraybuffer)
Value clone_array_buffer(Context&, ArrayBufferObject* src, size_t src_byte_offset, size_t src_length);

// Registers the class hooks of ArrayBuffer, SharedArrayBuffer and DataView (idempotent).
void register_array_buffer_classes();

} // namespace qjs
