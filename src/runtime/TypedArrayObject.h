// TypedArrayObject.h: TypedArray objects (spec 10.4.5, 23.2): the object layout, the element
// types (Table 71), element conversions, the integer-indexed exotic internal methods and the
// length tracking of views on resizable buffers.
#pragma once

#include "runtime/ArrayBufferObject.h"
#include "runtime/Context.h"
#include "runtime/Object.h"

#include <cstdint>
#include <cstring>

namespace qjs {

// Table 71: The TypedArray Constructors. X(Id, element C type, element size)
#define QJS_TYPED_ARRAY_TYPES(X)                                                                             \
    X(Int8, int8_t, 1)                                                                                       \
    X(Uint8, uint8_t, 1)                                                                                     \
    X(Uint8Clamped, uint8_t, 1)                                                                              \
    X(Int16, int16_t, 2)                                                                                     \
    X(Uint16, uint16_t, 2)                                                                                   \
    X(Int32, int32_t, 4)                                                                                     \
    X(Uint32, uint32_t, 4)                                                                                   \
    X(BigInt64, int64_t, 8)                                                                                  \
    X(BigUint64, uint64_t, 8)                                                                                \
    X(Float16, uint16_t, 2)                                                                                  \
    X(Float32, float, 4)                                                                                     \
    X(Float64, double, 8)

enum class TypedArrayType : uint8_t {
#define QJS_TA_ENUM(id, ctype, size) id,
    QJS_TYPED_ARRAY_TYPES(QJS_TA_ENUM)
#undef QJS_TA_ENUM
        Count
};
constexpr int kTypedArrayTypeCount = static_cast<int>(TypedArrayType::Count);

inline size_t element_size(TypedArrayType type) {
    static constexpr uint8_t kSizes[] = {
#define QJS_TA_SIZE(id, ctype, size) size,
        QJS_TYPED_ARRAY_TYPES(QJS_TA_SIZE)
#undef QJS_TA_SIZE
    };
    return kSizes[static_cast<int>(type)];
}
const char* typed_array_name(TypedArrayType); // "Int8Array", ...
inline bool is_bigint_type(TypedArrayType t) {
    return t == TypedArrayType::BigInt64 || t == TypedArrayType::BigUint64;
}
Intrinsic typed_array_constructor_intrinsic(TypedArrayType);
Intrinsic typed_array_prototype_intrinsic(TypedArrayType);

// The payload of ClassId::TypedArray objects.
class TypedArrayObject : public Object {
  public:
    Value m_buffer;                 // [[ViewedArrayBuffer]] (undefined until initialised)
    size_t m_byte_offset = 0;       // [[ByteOffset]]
    size_t m_array_length = 0;      // [[ArrayLength]] unless m_length_tracking ([[ByteLength]] follows)
    bool m_length_tracking = false; // [[ArrayLength]] and [[ByteLength]] are auto
    TypedArrayType m_type = TypedArrayType::Uint8;

    ArrayBufferObject* buffer() const {
        return m_buffer.is_object() ? static_cast<ArrayBufferObject*>(m_buffer.as_object()) : nullptr;
    }
    size_t element_size() const { return qjs::element_size(m_type); }
    bool is_bigint() const { return is_bigint_type(m_type); }
    // The first element (valid only when not out of bounds).
    uint8_t* data() const { return buffer()->m_data + m_byte_offset; }
};

inline bool is_typed_array(const Object* o) {
    return o->class_id() == ClassId::TypedArray;
}

// The bytes of element `index` of a fixed-length view that is in bounds, with index < its length;
// null when the general path decides (detached or out-of-bounds views, length-tracking views, an
// index past the end). The interpreter's element fast paths start here.
inline uint8_t* typed_array_element_in_bounds(const TypedArrayObject* ta, uint32_t index) {
    ArrayBufferObject* buffer = ta->buffer();
    if (!buffer || ta->m_length_tracking || index >= ta->m_array_length) return nullptr;
    size_t size = element_size(ta->m_type);
    // IsTypedArrayOutOfBounds: the whole view must fit the buffer's current length (0 once detached).
    if (ta->m_byte_offset + ta->m_array_length * size > buffer->m_byte_length) return nullptr;
    return buffer->m_data + ta->m_byte_offset + static_cast<size_t>(index) * size;
}

template <typename T> inline T load_element(const uint8_t* p) {
    T v;
    std::memcpy(&v, p, sizeof v);
    return v;
}

template <typename T> inline void store_element(uint8_t* p, T v) {
    std::memcpy(p, &v, sizeof v);
}

// obj[index] of a typed array in the common cases (a Number element type, in bounds): false when
// the general path must run.
inline bool typed_array_read_fast(const Object* o, uint32_t index, Value* out) {
    auto* ta = static_cast<const TypedArrayObject*>(o);
    const uint8_t* p = typed_array_element_in_bounds(ta, index);
    if (!p) return false;
    switch (ta->m_type) {
    case TypedArrayType::Int8: *out = Value::int32(load_element<int8_t>(p)); return true;
    case TypedArrayType::Uint8:
    case TypedArrayType::Uint8Clamped: *out = Value::int32(*p); return true;
    case TypedArrayType::Int16: *out = Value::int32(load_element<int16_t>(p)); return true;
    case TypedArrayType::Uint16: *out = Value::int32(load_element<uint16_t>(p)); return true;
    case TypedArrayType::Int32: *out = Value::int32(load_element<int32_t>(p)); return true;
    case TypedArrayType::Uint32: *out = Value::number(load_element<uint32_t>(p)); return true;
    case TypedArrayType::Float32:
        *out = Value::number(static_cast<double>(load_element<float>(p)));
        return true;
    case TypedArrayType::Float64: *out = Value::number(load_element<double>(p)); return true;
    default: return false; // BigInt64, BigUint64, Float16
    }
}

// obj[index] = v for an int32 v stored into an integer typed array in bounds (the conversion is a
// truncation to the element's width): false when the general path must run.
inline bool typed_array_write_int32_fast(Object* o, uint32_t index, int32_t v) {
    auto* ta = static_cast<TypedArrayObject*>(o);
    uint8_t* p = typed_array_element_in_bounds(ta, index);
    if (!p || ta->buffer()->m_immutable) return false;
    switch (ta->m_type) {
    case TypedArrayType::Int8:
    case TypedArrayType::Uint8: *p = static_cast<uint8_t>(v); return true;
    case TypedArrayType::Uint8Clamped: *p = static_cast<uint8_t>(v < 0 ? 0 : v > 255 ? 255 : v); return true;
    case TypedArrayType::Int16:
    case TypedArrayType::Uint16: store_element(p, static_cast<uint16_t>(v)); return true;
    case TypedArrayType::Int32:
    case TypedArrayType::Uint32: store_element(p, v); return true;
    case TypedArrayType::Float64: store_element(p, static_cast<double>(v)); return true;
    default: return false;
    }
}
inline bool is_typed_array_value(const Value& v) {
    return v.is_object() && is_typed_array(v.as_object());
}

// 10.4.5.12 IsTypedArrayOutOfBounds ( taRecord ) (#sec-istypedarrayoutofbounds), detached included.
bool is_typed_array_out_of_bounds(const TypedArrayObject*);
// 10.4.5.10 / 10.4.5.11 TypedArrayLength / TypedArrayByteLength; 0 when out of bounds.
size_t typed_array_length(const TypedArrayObject*);
size_t typed_array_byte_length(const TypedArrayObject*);
// 10.4.5.13 IsTypedArrayFixedLength ( O ) (#sec-istypedarrayfixedlength)
bool is_typed_array_fixed_length(const TypedArrayObject*);
// 10.4.5.14 IsValidIntegerIndex ( O, index ) (#sec-isvalidintegerindex)
bool is_valid_integer_index(const TypedArrayObject*, double index);
// 10.4.5.15 TypedArrayGetElement ( O, index ) (#sec-typedarraygetelement): undefined when invalid.
Value typed_array_get_element(Context&, TypedArrayObject*, double index);
// 10.4.5.16 TypedArraySetElement ( O, index, value ) (#sec-typedarraysetelement)
Result<void> typed_array_set_element(Context&, TypedArrayObject*, double index, const Value& value);

// The conversion TypedArraySetElement/SetViewValue apply first: ToBigInt or ToNumber.
Value to_element_numeric(Context&, TypedArrayType, const Value& value);
// Typed arrays store elements in the host's byte order.
constexpr bool kHostLittleEndian = __BYTE_ORDER__ == __ORDER_LITTLE_ENDIAN__;

// 25.1.3.16 RawBytesToNumeric ( type, rawBytes, isLittleEndian ) (#sec-rawbytestonumeric)
Value raw_bytes_to_numeric(Context&, TypedArrayType, const uint8_t* bytes, bool little_endian);
// 25.1.3.19 NumericToRawBytes ( type, value, isLittleEndian ) (#sec-numerictorawbytes); `numeric` is
// a Number (or a BigInt for the BigInt types), as produced by to_element_numeric.
void numeric_to_raw_bytes(TypedArrayType, const Value& numeric, uint8_t* bytes, bool little_endian);

// Element conversions (7.1.x ToInt8 ... ToUint8Clamp on numbers, Float16 both ways).
uint8_t double_to_uint8_clamp(double);
uint16_t double_to_float16(double); // roundTiesToEven
double float16_to_double(uint16_t);

// The "length" the Array Iterator reads for a typed array (23.1.5.1 step 2.b.i-ii): TypeError
// when the array is out of bounds (e.g. its buffer was detached).
Result<uint64_t> typed_array_length_for_iteration(Context&, Object* typed_array);

// Interpreter fast paths: element `index` of a typed array `o`. Return false when the fast path
// does not apply (the caller takes the generic [[Get]]/[[Set]]): BigInt element types, or a
// non-Number value to store. An out-of-range index is handled (undefined / ignored).
bool typed_array_get_index(Object* o, uint32_t index, Value* out);
bool typed_array_set_index(Object* o, uint32_t index, const Value& v);

// Registers the TypedArray class hooks (payload and exotic internal methods); idempotent.
void register_typed_array_class();

} // namespace qjs
