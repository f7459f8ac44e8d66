// SharedArrayBufferPrototype.cpp: %SharedArrayBuffer.prototype% (spec 25.2.5).
#include "builtins/TypedArray.h"
#include "runtime/ArrayBufferObject.h"
#include "runtime/Call.h"
#include "runtime/Context.h"
#include "runtime/Conversions.h"
#include "runtime/NativeFunction.h"

#include <algorithm>
#include <cstring>

namespace qjs {

// RequireInternalSlot(O, [[ArrayBufferData]]) plus "If IsSharedArrayBuffer(O) is false, throw a
// TypeError exception".
static ArrayBufferObject* this_shared_buffer(Context& ctx, const Value& v, const char* method) {
    if (!v.is_object() || v.as_object()->class_id() != ClassId::SharedArrayBuffer) {
        ctx.throw_type_error("SharedArrayBuffer.prototype.%s called on an incompatible receiver", method);
        return nullptr;
    }
    return static_cast<ArrayBufferObject*>(v.as_object());
}

// 25.2.5.2 get SharedArrayBuffer.prototype.byteLength (#sec-get-sharedarraybuffer.prototype.bytelength)
static Value shared_buffer_byte_length(Context& ctx, const CallArgs& args) {
    ArrayBufferObject* buffer = this_shared_buffer(ctx, args.this_value, "byteLength");
    if (!buffer) return Exception{};
    // 4-5. Return F(ArrayBufferByteLength(O, seq-cst)).
    return Value::number(static_cast<double>(buffer->m_byte_length));
}

// 25.2.5.4 SharedArrayBuffer.prototype.grow ( newLength ) (#sec-sharedarraybuffer.prototype.grow)
static Value shared_buffer_grow(Context& ctx, const CallArgs& args) {
    // 1-3. RequireInternalSlot(O, [[ArrayBufferMaxByteLength]]); shared.
    ArrayBufferObject* buffer = this_shared_buffer(ctx, args.this_value, "grow");
    if (!buffer) return Exception{};
    if (!buffer->m_resizable) return ctx.throw_type_error("SharedArrayBuffer is not growable");
    // 4. Let newByteLength be ? ToIndex(newLength).
    uint64_t new_byte_length = TRY(to_index(ctx, args.arg(0)));
    // 5-6. HostGrowSharedArrayBuffer: none.
    // 7-11. If newByteLength > O.[[ArrayBufferMaxByteLength]] or newByteLength < currentByteLength,
    //       throw a RangeError exception.
    if (new_byte_length > buffer->m_max_byte_length || new_byte_length < buffer->m_byte_length)
        return ctx.throw_range_error("Invalid SharedArrayBuffer length");
    if (!resize_array_buffer_data(buffer, static_cast<size_t>(new_byte_length)))
        return ctx.throw_range_error("Array buffer allocation failed");
    return Value();
}

// 25.2.5.5 get SharedArrayBuffer.prototype.growable (#sec-get-sharedarraybuffer.prototype.growable)
static Value shared_buffer_growable(Context& ctx, const CallArgs& args) {
    ArrayBufferObject* buffer = this_shared_buffer(ctx, args.this_value, "growable");
    if (!buffer) return Exception{};
    // 4. If IsFixedLengthArrayBuffer(O) is false, return true; otherwise return false.
    return Value::boolean(!is_fixed_length_array_buffer(buffer));
}

// 25.2.5.6 get SharedArrayBuffer.prototype.maxByteLength (#sec-get-sharedarraybuffer.prototype.maxbytelength)
static Value shared_buffer_max_byte_length(Context& ctx, const CallArgs& args) {
    ArrayBufferObject* buffer = this_shared_buffer(ctx, args.this_value, "maxByteLength");
    if (!buffer) return Exception{};
    size_t length = is_fixed_length_array_buffer(buffer) ? buffer->m_byte_length : buffer->m_max_byte_length;
    return Value::number(static_cast<double>(length));
}

// 25.2.5.7 SharedArrayBuffer.prototype.slice ( start, end ) (#sec-sharedarraybuffer.prototype.slice)
static Value shared_buffer_slice(Context& ctx, const CallArgs& args) {
    ArrayBufferObject* buffer = this_shared_buffer(ctx, args.this_value, "slice");
    if (!buffer) return Exception{};
    // 4. Let len be ArrayBufferByteLength(O, seq-cst).
    double len = static_cast<double>(buffer->m_byte_length);
    // 5-12. Clamp start and end.
    double relative_start = TRY(to_integer_or_infinity(ctx, args.arg(0)));
    double first = relative_start < 0 ? std::max(len + relative_start, 0.0) : std::min(relative_start, len);
    double relative_end = args.arg(1).is_undefined() ? len : TRY(to_integer_or_infinity(ctx, args.arg(1)));
    double final_ = relative_end < 0 ? std::max(len + relative_end, 0.0) : std::min(relative_end, len);
    // 13. Let newLen be max(final - first, 0).
    double new_len = std::max(final_ - first, 0.0);
    // 14. Let ctor be ? SpeciesConstructor(O, %SharedArrayBuffer%).
    Value ctor = TRY(species_constructor(ctx, buffer, ctx.intrinsic(Intrinsic::SharedArrayBuffer)));
    // 15. Let new be ? Construct(ctor, « F(newLen) »).
    Value new_len_value = Value::number(new_len);
    Value new_value = TRY(construct(ctx, ctor, std::span<const Value>(&new_len_value, 1)));
    // 16-17. Perform ? RequireInternalSlot(new, [[ArrayBufferData]]); it must be shared.
    if (!new_value.is_object() || new_value.as_object()->class_id() != ClassId::SharedArrayBuffer)
        return ctx.throw_type_error("species constructor did not return a SharedArrayBuffer");
    auto* new_buffer = static_cast<ArrayBufferObject*>(new_value.as_object());
    // 18. If new.[[ArrayBufferData]] is O.[[ArrayBufferData]], throw a TypeError exception.
    if (new_buffer == buffer) return ctx.throw_type_error("species constructor returned the same buffer");
    // 19. If ArrayBufferByteLength(new, seq-cst) < newLen, throw a TypeError exception.
    if (static_cast<double>(new_buffer->m_byte_length) < new_len)
        return ctx.throw_type_error("species constructor returned a too small buffer");
    // 20-23. Copy newLen bytes from first.
    size_t count = static_cast<size_t>(new_len);
    if (count) std::memmove(new_buffer->m_data, buffer->m_data + static_cast<size_t>(first), count);
    // 24. Return new.
    return new_value;
}

static const FunctionListEntry kSharedArrayBufferPrototype[] = {
    QJS_GETTER("byteLength", shared_buffer_byte_length),
    QJS_FUNC("grow", 1, shared_buffer_grow),
    QJS_GETTER("growable", shared_buffer_growable),
    QJS_GETTER("maxByteLength", shared_buffer_max_byte_length),
    QJS_FUNC("slice", 2, shared_buffer_slice),
    QJS_PROP_STRING("[Symbol.toStringTag]", "SharedArrayBuffer", prop::Configurable),
};

// 25.2.5 Properties of the SharedArrayBuffer Prototype Object
bool install_shared_array_buffer_prototype(Context& ctx, Object* proto) {
    return define_function_list(ctx, proto, kSharedArrayBufferPrototype);
}

} // namespace qjs
