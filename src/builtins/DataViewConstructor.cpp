// DataViewConstructor.cpp: the DataView constructor (spec 25.3.2).
#include "builtins/Builtins.h"
#include "builtins/TypedArray.h"
#include "runtime/ArrayBufferObject.h"
#include "runtime/Context.h"
#include "runtime/Conversions.h"
#include "runtime/NativeFunction.h"

namespace qjs {

// 25.3.2.1 DataView ( buffer [ , byteOffset [ , byteLength ] ] ) (#sec-dataview-buffer-byteoffset-bytelength)
static Value data_view_constructor(Context& ctx, const CallArgs& args) {
    // 1. If NewTarget is undefined, throw a TypeError exception.
    if (!args.is_construct()) return ctx.throw_type_error("Constructor DataView requires 'new'");
    // 2. Perform ? RequireInternalSlot(buffer, [[ArrayBufferData]]).
    const Value& buffer_value = args.arg(0);
    if (!is_array_buffer_value(buffer_value))
        return ctx.throw_type_error("DataView: argument is not an ArrayBuffer");
    auto* buffer = static_cast<ArrayBufferObject*>(buffer_value.as_object());
    // 3. Let offset be ? ToIndex(byteOffset).
    uint64_t offset = TRY(to_index(ctx, args.arg(1)));
    // 4. If IsDetachedBuffer(buffer) is true, throw a TypeError exception.
    if (is_detached_buffer(buffer)) return ctx.throw_type_error("ArrayBuffer is detached");
    // 5. Let bufferByteLength be ArrayBufferByteLength(buffer, seq-cst).
    uint64_t buffer_byte_length = buffer->m_byte_length;
    // 6. If offset > bufferByteLength, throw a RangeError exception.
    if (offset > buffer_byte_length)
        return ctx.throw_range_error("DataView: start offset is outside the buffer");
    // 7. Let bufferIsFixedLength be IsFixedLengthArrayBuffer(buffer).
    bool buffer_is_fixed_length = is_fixed_length_array_buffer(buffer);
    const Value& byte_length = args.arg(2);
    uint64_t view_byte_length = 0;
    bool length_tracking = false;
    if (byte_length.is_undefined()) {
        // 8. If byteLength is undefined: length-tracking for a resizable buffer, else the rest.
        if (buffer_is_fixed_length)
            view_byte_length = buffer_byte_length - offset;
        else
            length_tracking = true;
    } else {
        // 9.a. Let viewByteLength be ? ToIndex(byteLength).
        view_byte_length = TRY(to_index(ctx, byte_length));
        // b. If offset + viewByteLength > bufferByteLength, throw a RangeError exception.
        if (offset + view_byte_length > buffer_byte_length)
            return ctx.throw_range_error("DataView: invalid length");
    }
    // 10. Let O be ? OrdinaryCreateFromConstructor(NewTarget, "%DataView.prototype%", ...).
    Object* proto = TRY(
        get_prototype_from_constructor(ctx, args.new_target, ctx.intrinsic(Intrinsic::DataViewPrototype)));
    Value proto_hold = proto ? Value::adopt(Tag::Object, proto) : Value();
    // 11. If IsDetachedBuffer(buffer) is true, throw a TypeError exception.
    if (is_detached_buffer(buffer)) return ctx.throw_type_error("ArrayBuffer is detached");
    // 12. Set bufferByteLength to ArrayBufferByteLength(buffer, seq-cst).
    buffer_byte_length = buffer->m_byte_length;
    // 13. If offset > bufferByteLength, throw a RangeError exception.
    if (offset > buffer_byte_length)
        return ctx.throw_range_error("DataView: start offset is outside the buffer");
    // 14. If byteLength is not undefined, then if offset + viewByteLength > bufferByteLength, throw
    //     a RangeError exception.
    if (!byte_length.is_undefined() && offset + view_byte_length > buffer_byte_length)
        return ctx.throw_range_error("DataView: invalid length");
    auto* view = Object::create_as<DataViewObject>(ctx, proto, ClassId::DataView);
    if (!view) return Exception{};
    // 15-18. Set the slots.
    view->m_buffer = buffer_value;
    view->m_byte_length = static_cast<size_t>(view_byte_length);
    view->m_length_tracking = length_tracking;
    view->m_byte_offset = static_cast<size_t>(offset);
    // 19. Return O.
    return Value::adopt(Tag::Object, view);
}

// 25.3.2 The DataView Constructor (#sec-dataview-constructor)
bool install_dataview(Context& ctx) {
    Object* proto = Object::create(ctx, ctx.intrinsic(Intrinsic::ObjectPrototype), ClassId::Object);
    if (!proto) return false;
    ctx.set_intrinsic(Intrinsic::DataViewPrototype, proto);
    proto->unref(); // the realm holds it
    Object* ctor = define_builtin_constructor(ctx, data_view_constructor, "DataView", 1, proto);
    if (!ctor) return false;
    ctx.set_intrinsic(Intrinsic::DataView, ctor);
    return install_data_view_prototype(ctx, proto);
}

} // namespace qjs
