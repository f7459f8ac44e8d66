// ArrayBufferPrototype.cpp: %ArrayBuffer.prototype% (spec 25.1.6).
#include "builtins/TypedArray.h"
#include "runtime/ArrayBufferObject.h"
#include "runtime/Call.h"
#include "runtime/Context.h"
#include "runtime/Conversions.h"
#include "runtime/NativeFunction.h"

#include <algorithm>
#include <cstring>

namespace qjs {

// RequireInternalSlot(O, [[ArrayBufferData]]) plus "If IsSharedArrayBuffer(O) is true, throw a
// TypeError exception": the this value as a non-shared ArrayBuffer, or null after throwing.
static ArrayBufferObject* this_array_buffer(Context& ctx, const Value& v, const char* method) {
    if (!v.is_object() || v.as_object()->class_id() != ClassId::ArrayBuffer) {
        ctx.throw_type_error("ArrayBuffer.prototype.%s called on an incompatible receiver", method);
        return nullptr;
    }
    return static_cast<ArrayBufferObject*>(v.as_object());
}

// 25.1.6.2 get ArrayBuffer.prototype.byteLength (#sec-get-arraybuffer.prototype.bytelength)
static Value array_buffer_byte_length(Context& ctx, const CallArgs& args) {
    // 1-3. RequireInternalSlot(O, [[ArrayBufferData]]); not shared.
    ArrayBufferObject* buffer = this_array_buffer(ctx, args.this_value, "byteLength");
    if (!buffer) return Exception{};
    // 4. If IsDetachedBuffer(O) is true, return +0.
    if (is_detached_buffer(buffer)) return Value::int32(0);
    // 5-6. Return F(O.[[ArrayBufferByteLength]]).
    return Value::number(static_cast<double>(buffer->m_byte_length));
}

// 25.1.6.4 get ArrayBuffer.prototype.detached (#sec-get-arraybuffer.prototype.detached)
static Value array_buffer_detached(Context& ctx, const CallArgs& args) {
    ArrayBufferObject* buffer = this_array_buffer(ctx, args.this_value, "detached");
    if (!buffer) return Exception{};
    // 4. Return IsDetachedBuffer(O).
    return Value::boolean(is_detached_buffer(buffer));
}

// get ArrayBuffer.prototype.immutable (immutable ArrayBuffer proposal,
// #sec-get-arraybuffer.prototype.immutable)
static Value array_buffer_immutable(Context& ctx, const CallArgs& args) {
    // 1-3. Perform ? RequireInternalSlot(O, [[ArrayBufferData]]); if IsSharedArrayBuffer(O), throw a
    // TypeError.
    ArrayBufferObject* buffer = this_array_buffer(ctx, args.this_value, "immutable");
    if (!buffer) return Exception{};
    // 4. Return IsImmutableBuffer(O).
    return Value::boolean(is_immutable_buffer(buffer));
}

// 25.1.6.5 get ArrayBuffer.prototype.maxByteLength (#sec-get-arraybuffer.prototype.maxbytelength)
static Value array_buffer_max_byte_length(Context& ctx, const CallArgs& args) {
    ArrayBufferObject* buffer = this_array_buffer(ctx, args.this_value, "maxByteLength");
    if (!buffer) return Exception{};
    // 4. If IsDetachedBuffer(O) is true, return +0.
    if (is_detached_buffer(buffer)) return Value::int32(0);
    // 5-6. The max byte length of a resizable buffer, else its byte length.
    size_t length = is_fixed_length_array_buffer(buffer) ? buffer->m_byte_length : buffer->m_max_byte_length;
    return Value::number(static_cast<double>(length));
}

// 25.1.6.6 get ArrayBuffer.prototype.resizable (#sec-get-arraybuffer.prototype.resizable)
static Value array_buffer_resizable(Context& ctx, const CallArgs& args) {
    ArrayBufferObject* buffer = this_array_buffer(ctx, args.this_value, "resizable");
    if (!buffer) return Exception{};
    // 4. If IsFixedLengthArrayBuffer(O) is false, return true; otherwise return false.
    return Value::boolean(!is_fixed_length_array_buffer(buffer));
}

// 25.1.6.7 ArrayBuffer.prototype.resize ( newLength ) (#sec-arraybuffer.prototype.resize)
static Value array_buffer_resize(Context& ctx, const CallArgs& args) {
    // 1-3. RequireInternalSlot(O, [[ArrayBufferMaxByteLength]]); not shared.
    ArrayBufferObject* buffer = this_array_buffer(ctx, args.this_value, "resize");
    if (!buffer) return Exception{};
    if (is_fixed_length_array_buffer(buffer)) return ctx.throw_type_error("ArrayBuffer is not resizable");
    // 4. Let newByteLength be ? ToIndex(newLength).
    uint64_t new_byte_length = TRY(to_index(ctx, args.arg(0)));
    // 5. If IsDetachedBuffer(O) is true, throw a TypeError exception.
    if (is_detached_buffer(buffer)) return ctx.throw_type_error("ArrayBuffer is detached");
    // 6. If newByteLength > O.[[ArrayBufferMaxByteLength]], throw a RangeError exception.
    if (new_byte_length > buffer->m_max_byte_length)
        return ctx.throw_range_error("Invalid array buffer length");
    // 7-8. Let hostHandled be ? HostResizeArrayBuffer(O, newByteLength); resize the block in place.
    if (!resize_array_buffer_data(buffer, static_cast<size_t>(new_byte_length)))
        return ctx.throw_range_error("Array buffer allocation failed");
    // 9. Return undefined.
    return Value();
}

struct Bounds {
    double start;
    double end;
};

// ResolveBounds ( len, start, end ) (#sec-resolvebounds): start and end made relative to len
// (negative counts from the end) and clamped to [0, len]; end defaults to len.
static Result<Bounds> resolve_bounds(Context& ctx, double len, const Value& start, const Value& end) {
    double relative_start = TRY(to_integer_or_infinity(ctx, start));
    double first = relative_start < 0 ? std::max(len + relative_start, 0.0) : std::min(relative_start, len);
    double relative_end = end.is_undefined() ? len : TRY(to_integer_or_infinity(ctx, end));
    double final_ = relative_end < 0 ? std::max(len + relative_end, 0.0) : std::min(relative_end, len);
    return Bounds{first, final_};
}

// The steps slice and sliceToImmutable share: RequireInternalSlot(O, [[ArrayBufferData]]) and not
// shared; if IsDetachedBuffer(O), throw a TypeError; ResolveBounds(O's byte length, start, end).
static Result<ArrayBufferObject*> slice_receiver_and_bounds(Context& ctx, const CallArgs& args,
                                                            const char* method, Bounds* bounds) {
    ArrayBufferObject* buffer = this_array_buffer(ctx, args.this_value, method);
    if (!buffer) return Exception{};
    if (is_detached_buffer(buffer)) return ctx.throw_type_error("ArrayBuffer is detached");
    double len = static_cast<double>(buffer->m_byte_length);
    *bounds = TRY(resolve_bounds(ctx, len, args.arg(0), args.arg(1)));
    return buffer;
}

// 25.1.6.8 ArrayBuffer.prototype.slice ( start, end ) (#sec-arraybuffer.prototype.slice)
static Value array_buffer_slice(Context& ctx, const CallArgs& args) {
    // 1-4. RequireInternalSlot(O, [[ArrayBufferData]]); not shared; not detached.
    // 5-13. Let len be O.[[ArrayBufferByteLength]]; first and final the clamped relative start and end.
    Bounds bounds;
    ArrayBufferObject* buffer = TRY(slice_receiver_and_bounds(ctx, args, "slice", &bounds));
    double first = bounds.start;
    double final_ = bounds.end;
    // 14. Let newLen be max(final - first, 0).
    double new_len = std::max(final_ - first, 0.0);
    // 15. Let ctor be ? SpeciesConstructor(O, %ArrayBuffer%).
    Value ctor = TRY(species_constructor(ctx, buffer, ctx.intrinsic(Intrinsic::ArrayBuffer)));
    // 16. Let new be ? Construct(ctor, « F(newLen) »).
    Value new_len_value = Value::number(new_len);
    Value new_value = TRY(construct(ctx, ctor, std::span<const Value>(&new_len_value, 1)));
    // 17-18. Perform ? RequireInternalSlot(new, [[ArrayBufferData]]); if shared, throw a TypeError.
    if (!new_value.is_object() || new_value.as_object()->class_id() != ClassId::ArrayBuffer)
        return ctx.throw_type_error("species constructor did not return an ArrayBuffer");
    auto* new_buffer = static_cast<ArrayBufferObject*>(new_value.as_object());
    // 19. If IsDetachedBuffer(new) is true, throw a TypeError exception.
    if (is_detached_buffer(new_buffer))
        return ctx.throw_type_error("species constructor returned a detached buffer");
    // (immutable ArrayBuffer) If IsImmutableBuffer(new) is true, throw a TypeError exception.
    if (is_immutable_buffer(new_buffer))
        return ctx.throw_type_error("species constructor returned an immutable buffer");
    // 20. If SameValue(new, O) is true, throw a TypeError exception.
    if (new_buffer == buffer) return ctx.throw_type_error("species constructor returned the same buffer");
    // 21. If new.[[ArrayBufferByteLength]] < newLen, throw a TypeError exception.
    if (static_cast<double>(new_buffer->m_byte_length) < new_len)
        return ctx.throw_type_error("species constructor returned a too small buffer");
    // 23. NOTE: Side-effects of the above steps may have detached or resized O.
    //     If IsDetachedBuffer(O) is true, throw a TypeError exception.
    if (is_detached_buffer(buffer)) return ctx.throw_type_error("ArrayBuffer is detached");
    // 24-27. Copy min(newLen, currentLen - first) bytes when first < currentLen.
    double current_len = static_cast<double>(buffer->m_byte_length);
    if (first < current_len) {
        size_t count = static_cast<size_t>(std::min(new_len, current_len - first));
        if (count) std::memmove(new_buffer->m_data, buffer->m_data + static_cast<size_t>(first), count);
    }
    // 28. Return new.
    return new_value;
}

// The preserveResizability argument of ArrayBufferCopyAndDetach (the magic of its callers).
enum CopyAndDetachMode : int16_t { FixedLength = 0, PreserveResizability = 1, Immutable = 2 };

// 25.1.3.2 ArrayBufferCopyAndDetach ( arrayBuffer, newLength, preserveResizability )
// (#sec-arraybuffercopyanddetach, with the immutable ArrayBuffer proposal's ~immutable~ mode).
static Value array_buffer_copy_and_detach(Context& ctx, const CallArgs& args) {
    bool preserve_resizability = args.magic == PreserveResizability;
    bool immutable = args.magic == Immutable;
    static const char* const kNames[] = {"transferToFixedLength", "transfer", "transferToImmutable"};
    // 1-2. Perform ? RequireInternalSlot(arrayBuffer, [[ArrayBufferData]]); not shared.
    ArrayBufferObject* buffer = this_array_buffer(ctx, args.this_value, kNames[args.magic]);
    if (!buffer) return Exception{};
    // 3-4. Let newByteLength be the current byte length, or ? ToIndex(newLength).
    uint64_t new_byte_length =
        args.arg(0).is_undefined() ? buffer->m_byte_length : TRY(to_index(ctx, args.arg(0)));
    // 5. If IsDetachedBuffer(arrayBuffer) is true, throw a TypeError exception.
    if (is_detached_buffer(buffer)) return ctx.throw_type_error("ArrayBuffer is detached");
    // 6 (immutable ArrayBuffer). If IsImmutableBuffer(arrayBuffer) is true, throw a TypeError exception.
    if (is_immutable_buffer(buffer)) return ctx.throw_type_error("ArrayBuffer is immutable");
    // 6. Let newMaxByteLength be arrayBuffer.[[ArrayBufferMaxByteLength]] when preserving a
    //    resizable buffer, else empty.
    bool has_max = preserve_resizability && !is_fixed_length_array_buffer(buffer);
    uint64_t new_max = has_max ? buffer->m_max_byte_length : 0;
    // 7. If arrayBuffer.[[ArrayBufferDetachKey]] is not undefined, throw a TypeError (never set here).
    // 8. Let newBuffer be ? AllocateArrayBuffer(%ArrayBuffer%, newByteLength, newMaxByteLength).
    Value new_value = TRY(allocate_array_buffer(ctx, Value(), new_byte_length, has_max, new_max));
    auto* new_buffer = static_cast<ArrayBufferObject*>(new_value.as_object());
    // 9-12. Copy min(newByteLength, arrayBuffer's byte length) bytes.
    size_t copy_length = std::min(static_cast<size_t>(new_byte_length), buffer->m_byte_length);
    if (copy_length) std::memcpy(new_buffer->m_data, buffer->m_data, copy_length);
    // (immutable ArrayBuffer) For ~immutable~, the new buffer is AllocateImmutableArrayBuffer's:
    // its [[ArrayBufferIsImmutable]] is set once its bytes are in place.
    new_buffer->m_immutable = immutable;
    // 13. Perform ! DetachArrayBuffer(arrayBuffer).
    MUST(detach_array_buffer(ctx, buffer));
    // 14. Return newBuffer.
    return new_value;
}

// ArrayBuffer.prototype.sliceToImmutable ( start, end ) (immutable ArrayBuffer proposal,
// #sec-arraybuffer.prototype.slicetoimmutable)
static Value array_buffer_slice_to_immutable(Context& ctx, const CallArgs& args) {
    // 1-4. RequireInternalSlot(O, [[ArrayBufferData]]); not shared; not detached.
    // 5-6. Let len be ArrayBufferByteLength(O, seq-cst); let bounds be ? ResolveBounds(len, start, end).
    Bounds bounds;
    ArrayBufferObject* buffer = TRY(slice_receiver_and_bounds(ctx, args, "sliceToImmutable", &bounds));
    double first = bounds.start;
    double final_ = bounds.end;
    // 7. Let newLen be max(bounds.[[End]] - bounds.[[Start]], 0).
    double new_len = std::max(final_ - first, 0.0);
    // 8. NOTE: Side-effects of the above steps may have detached or resized O.
    // 9. If IsDetachedBuffer(O) is true, throw a TypeError exception.
    if (is_detached_buffer(buffer)) return ctx.throw_type_error("ArrayBuffer is detached");
    // 10-12. If bounds.[[End]] > ArrayBufferByteLength(O, seq-cst), throw a RangeError exception.
    if (final_ > static_cast<double>(buffer->m_byte_length))
        return ctx.throw_range_error("ArrayBuffer shrank below the end of the slice");
    // 13. Let newBuffer be ? AllocateImmutableArrayBuffer(%ArrayBuffer%, newLen, fromBuf, first, newLen).
    Value new_value = TRY(allocate_array_buffer(ctx, Value(), static_cast<uint64_t>(new_len)));
    auto* new_buffer = static_cast<ArrayBufferObject*>(new_value.as_object());
    if (new_len > 0)
        std::memcpy(new_buffer->m_data, buffer->m_data + static_cast<size_t>(first),
                    static_cast<size_t>(new_len));
    new_buffer->m_immutable = true;
    // 14. Return newBuffer.
    return new_value;
}

static const FunctionListEntry kArrayBufferPrototype[] = {
    QJS_GETTER("byteLength", array_buffer_byte_length),
    QJS_GETTER("detached", array_buffer_detached),
    QJS_GETTER("immutable", array_buffer_immutable),
    QJS_GETTER("maxByteLength", array_buffer_max_byte_length),
    QJS_GETTER("resizable", array_buffer_resizable),
    QJS_FUNC("resize", 1, array_buffer_resize),
    QJS_FUNC("slice", 2, array_buffer_slice),
    QJS_FUNC("sliceToImmutable", 2, array_buffer_slice_to_immutable),
    QJS_FUNC_MAGIC("transfer", 0, array_buffer_copy_and_detach, PreserveResizability),
    QJS_FUNC_MAGIC("transferToFixedLength", 0, array_buffer_copy_and_detach, FixedLength),
    QJS_FUNC_MAGIC("transferToImmutable", 0, array_buffer_copy_and_detach, Immutable),
    QJS_PROP_STRING("[Symbol.toStringTag]", "ArrayBuffer", prop::Configurable),
};

// 25.1.6 Properties of the ArrayBuffer Prototype Object (#sec-properties-of-the-arraybuffer-prototype-object)
bool install_array_buffer_prototype(Context& ctx, Object* proto) {
    return define_function_list(ctx, proto, kArrayBufferPrototype);
}

} // namespace qjs
