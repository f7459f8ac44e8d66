// DataViewPrototype.cpp: %DataView.prototype% (spec 25.3.4) and GetViewValue/SetViewValue (25.3.1).
#include "builtins/TypedArray.h"
#include "runtime/ArrayBufferObject.h"
#include "runtime/Context.h"
#include "runtime/Conversions.h"
#include "runtime/NativeFunction.h"
#include "runtime/TypedArrayObject.h"

namespace qjs {

// RequireInternalSlot(view, [[DataView]]).
static DataViewObject* this_data_view(Context& ctx, const Value& v) {
    if (!v.is_object() || v.as_object()->class_id() != ClassId::DataView) {
        ctx.throw_type_error("not a DataView");
        return nullptr;
    }
    return static_cast<DataViewObject*>(v.as_object());
}

// 25.3.1.3 IsViewOutOfBounds ( viewRecord ) (#sec-isviewoutofbounds), detached included.
static bool is_view_out_of_bounds(const DataViewObject* view) {
    ArrayBufferObject* buffer = view->buffer();
    if (is_detached_buffer(buffer)) return true;
    size_t buffer_byte_length = buffer->m_byte_length;
    size_t start = view->m_byte_offset;
    if (start > buffer_byte_length) return true;
    if (view->m_length_tracking) return false;
    return start + view->m_byte_length > buffer_byte_length;
}

// 25.3.1.2 GetViewByteLength ( viewRecord ) (#sec-getviewbytelength); the view is in bounds.
static size_t get_view_byte_length(const DataViewObject* view) {
    if (!view->m_length_tracking) return view->m_byte_length;
    return view->buffer()->m_byte_length - view->m_byte_offset;
}

// 25.3.4.1 get DataView.prototype.buffer (#sec-get-dataview.prototype.buffer)
static Value data_view_buffer(Context& ctx, const CallArgs& args) {
    // 1-3. Perform ? RequireInternalSlot(O, [[DataView]]).
    DataViewObject* view = this_data_view(ctx, args.this_value);
    if (!view) return Exception{};
    // 4-5. Return O.[[ViewedArrayBuffer]].
    return view->m_buffer;
}

// 25.3.4.2 get DataView.prototype.byteLength (#sec-get-dataview.prototype.bytelength)
static Value data_view_byte_length(Context& ctx, const CallArgs& args) {
    DataViewObject* view = this_data_view(ctx, args.this_value);
    if (!view) return Exception{};
    // 4-5. If IsViewOutOfBounds(viewRecord) is true, throw a TypeError exception.
    if (is_view_out_of_bounds(view)) return ctx.throw_type_error("DataView is detached or out of bounds");
    // 6-7. Return F(GetViewByteLength(viewRecord)).
    return Value::number(static_cast<double>(get_view_byte_length(view)));
}

// 25.3.4.3 get DataView.prototype.byteOffset (#sec-get-dataview.prototype.byteoffset)
static Value data_view_byte_offset(Context& ctx, const CallArgs& args) {
    DataViewObject* view = this_data_view(ctx, args.this_value);
    if (!view) return Exception{};
    // 4-5. If IsViewOutOfBounds(viewRecord) is true, throw a TypeError exception.
    if (is_view_out_of_bounds(view)) return ctx.throw_type_error("DataView is detached or out of bounds");
    // 6. Return F(O.[[ByteOffset]]).
    return Value::number(static_cast<double>(view->m_byte_offset));
}

// 25.3.1.5 GetViewValue ( view, requestIndex, isLittleEndian, type ) (#sec-getviewvalue); the
// magic is the TypedArrayType.
static Value data_view_get(Context& ctx, const CallArgs& args) {
    auto type = static_cast<TypedArrayType>(args.magic);
    // 1-2. Perform ? RequireInternalSlot(view, [[DataView]]).
    DataViewObject* view = this_data_view(ctx, args.this_value);
    if (!view) return Exception{};
    // 3. Let getIndex be ? ToIndex(requestIndex).
    uint64_t get_index = TRY(to_index(ctx, args.arg(0)));
    // 4. Set isLittleEndian to ToBoolean(isLittleEndian).
    bool little_endian = to_boolean(args.arg(1));
    // 5-7. If IsViewOutOfBounds(viewRecord) is true, throw a TypeError exception.
    if (is_view_out_of_bounds(view)) return ctx.throw_type_error("DataView is detached or out of bounds");
    // 8-10. If getIndex + elementSize > viewSize, throw a RangeError exception.
    size_t view_size = get_view_byte_length(view);
    if (get_index + element_size(type) > view_size)
        return ctx.throw_range_error("DataView: offset is out of bounds");
    // 11-12. Return GetValueFromBuffer(view.[[ViewedArrayBuffer]], getIndex + viewOffset, type,
    //        false, unordered, isLittleEndian).
    size_t buffer_index = static_cast<size_t>(get_index) + view->m_byte_offset;
    return raw_bytes_to_numeric(ctx, type, view->buffer()->m_data + buffer_index, little_endian);
}

// 25.3.1.6 SetViewValue ( view, requestIndex, isLittleEndian, type, value ) (#sec-setviewvalue)
static Value data_view_set(Context& ctx, const CallArgs& args) {
    auto type = static_cast<TypedArrayType>(args.magic);
    // 1-2. Perform ? RequireInternalSlot(view, [[DataView]]).
    DataViewObject* view = this_data_view(ctx, args.this_value);
    if (!view) return Exception{};
    // (immutable ArrayBuffer) If IsImmutableBuffer(view.[[ViewedArrayBuffer]]) is true, throw a TypeError.
    if (is_immutable_buffer(view->buffer()))
        return ctx.throw_type_error("DataView is backed by an immutable ArrayBuffer");
    // 3. Let getIndex be ? ToIndex(requestIndex).
    uint64_t get_index = TRY(to_index(ctx, args.arg(0)));
    // 4-5. Let numberValue be ? ToBigInt(value) or ? ToNumber(value).
    Value number_value = TRY(to_element_numeric(ctx, type, args.arg(1)));
    // 6. Set isLittleEndian to ToBoolean(isLittleEndian).
    bool little_endian = to_boolean(args.arg(2));
    // 7-9. If IsViewOutOfBounds(viewRecord) is true, throw a TypeError exception.
    if (is_view_out_of_bounds(view)) return ctx.throw_type_error("DataView is detached or out of bounds");
    // 10-12. If getIndex + elementSize > viewSize, throw a RangeError exception.
    size_t view_size = get_view_byte_length(view);
    if (get_index + element_size(type) > view_size)
        return ctx.throw_range_error("DataView: offset is out of bounds");
    // 13-14. Perform SetValueInBuffer(view.[[ViewedArrayBuffer]], getIndex + viewOffset, type,
    //        numberValue, false, unordered, isLittleEndian).
    size_t buffer_index = static_cast<size_t>(get_index) + view->m_byte_offset;
    numeric_to_raw_bytes(type, number_value, view->buffer()->m_data + buffer_index, little_endian);
    // 15. Return undefined.
    return Value();
}

#define QJS_DV_GET(id) QJS_FUNC_MAGIC("get" #id, 1, data_view_get, static_cast<int16_t>(TypedArrayType::id))
#define QJS_DV_SET(id) QJS_FUNC_MAGIC("set" #id, 2, data_view_set, static_cast<int16_t>(TypedArrayType::id))

static const FunctionListEntry kDataViewPrototype[] = {
    QJS_GETTER("buffer", data_view_buffer),
    QJS_GETTER("byteLength", data_view_byte_length),
    QJS_GETTER("byteOffset", data_view_byte_offset),
    QJS_DV_GET(BigInt64),
    QJS_DV_GET(BigUint64),
    QJS_DV_GET(Float16),
    QJS_DV_GET(Float32),
    QJS_DV_GET(Float64),
    QJS_DV_GET(Int8),
    QJS_DV_GET(Int16),
    QJS_DV_GET(Int32),
    QJS_DV_GET(Uint8),
    QJS_DV_GET(Uint16),
    QJS_DV_GET(Uint32),
    QJS_DV_SET(BigInt64),
    QJS_DV_SET(BigUint64),
    QJS_DV_SET(Float16),
    QJS_DV_SET(Float32),
    QJS_DV_SET(Float64),
    QJS_DV_SET(Int8),
    QJS_DV_SET(Int16),
    QJS_DV_SET(Int32),
    QJS_DV_SET(Uint8),
    QJS_DV_SET(Uint16),
    QJS_DV_SET(Uint32),
    QJS_PROP_STRING("[Symbol.toStringTag]", "DataView", prop::Configurable),
};

#undef QJS_DV_GET
#undef QJS_DV_SET

// 25.3.4 Properties of the DataView Prototype Object (#sec-properties-of-the-dataview-prototype-object)
bool install_data_view_prototype(Context& ctx, Object* proto) {
    return define_function_list(ctx, proto, kDataViewPrototype);
}

} // namespace qjs
