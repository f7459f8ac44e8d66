// TypedArrayObject.cpp: element types and conversions, length tracking and the TypedArray
// exotic object internal methods (spec 10.4.5).
#include "runtime/TypedArrayObject.h"
#include "snapshot/HeapReader.h"
#include "snapshot/HeapWriter.h"

#include "gc/Visitor.h"
#include "runtime/BigInt.h"
#include "runtime/Call.h"
#include "runtime/Conversions.h"
#include "runtime/String.h"
#include "runtime/VectorGrowth.h"

#include <algorithm>
#include <cfloat>
#include <cmath>
#include <cstring>

namespace qjs {

Result<bool> ordinary_get_own_property(Context&, Object*, Atom, PropertyDescriptor*); // ObjectOperations.cpp
Result<bool> ordinary_define_own_property(Context&, Object*, Atom, const PropertyDescriptor&);
bool remove_slot(Context&, Object*, uint32_t slot); // Object.cpp

// ---- Table 71 ----

const char* typed_array_name(TypedArrayType type) {
    static const char* const names[] = {
#define QJS_TA_NAME(id, ctype, size) #id "Array",
        QJS_TYPED_ARRAY_TYPES(QJS_TA_NAME)
#undef QJS_TA_NAME
    };
    return names[static_cast<int>(type)];
}

Intrinsic typed_array_constructor_intrinsic(TypedArrayType type) {
    static const Intrinsic ids[] = {
#define QJS_TA_CTOR(id, ctype, size) Intrinsic::id##Array,
        QJS_TYPED_ARRAY_TYPES(QJS_TA_CTOR)
#undef QJS_TA_CTOR
    };
    return ids[static_cast<int>(type)];
}

Intrinsic typed_array_prototype_intrinsic(TypedArrayType type) {
    static const Intrinsic ids[] = {
#define QJS_TA_PROTO(id, ctype, size) Intrinsic::id##ArrayPrototype,
        QJS_TYPED_ARRAY_TYPES(QJS_TA_PROTO)
#undef QJS_TA_PROTO
    };
    return ids[static_cast<int>(type)];
}

// ---- Number conversions ----

// 7.1.12 ToUint8Clamp ( argument ) (#sec-touint8clamp), on a Number.
uint8_t double_to_uint8_clamp(double d) {
    // 2-3. If number is NaN or <= 0, return +0; if >= 255, return 255.
    if (!(d > 0)) return 0;
    if (d >= 255) return 255;
    // 4-7. Round to nearest, ties to even.
    double f = std::floor(d);
    if (f + 0.5 < d) return static_cast<uint8_t>(f + 1);
    if (d < f + 0.5) return static_cast<uint8_t>(f);
    uint8_t i = static_cast<uint8_t>(f);
    return (i % 2) ? static_cast<uint8_t>(i + 1) : i;
}

// Rounds a non-negative double to an integer, ties to even (independent of the FP rounding mode).
static double round_ties_even(double x) {
    double f = std::floor(x);
    double diff = x - f;
    if (diff > 0.5) return f + 1;
    if (diff < 0.5) return f;
    return std::fmod(f, 2.0) == 0 ? f : f + 1;
}

// IEEE 754 binary16 from a double, roundTiesToEven (one rounding, no detour through float).
uint16_t double_to_float16(double d) {
    uint16_t sign = std::signbit(d) ? 0x8000 : 0;
    if (std::isnan(d)) return 0x7e00;
    double a = std::fabs(d);
    // 65520 is halfway between the largest half (65504) and 2^16; the tie rounds to infinity.
    if (a >= 65520.0) return sign | 0x7c00;
    if (a < 0x1p-14) {
        // Subnormal (or zero): a multiple of 2^-24. A round up to 1024 is the smallest normal,
        // whose encoding is exactly 0x0400.
        return sign | static_cast<uint16_t>(round_ties_even(a * 0x1p24));
    }
    int e;
    double m = std::frexp(a, &e); // a = m * 2^e, m in [0.5, 1)
    int exponent = e - 1;         // a = (2m) * 2^exponent, 2m in [1, 2)
    double mantissa = round_ties_even((2 * m - 1) * 1024);
    if (mantissa >= 1024) {
        mantissa = 0;
        ++exponent;
    }
    if (exponent > 15) return sign | 0x7c00;
    return sign | static_cast<uint16_t>((exponent + 15) << 10) | static_cast<uint16_t>(mantissa);
}

double float16_to_double(uint16_t h) {
    int exponent = (h >> 10) & 0x1f;
    int mantissa = h & 0x3ff;
    double v;
    if (exponent == 0)
        v = std::ldexp(mantissa, -24);
    else if (exponent == 31)
        v = mantissa ? NAN : INFINITY;
    else
        v = std::ldexp(mantissa + 1024, exponent - 25);
    return (h & 0x8000) ? -v : v;
}

// A double to float, roundTiesToEven, with out-of-range values going to infinity or FLT_MAX
// (a plain cast of an out-of-range double is undefined behaviour in C++).
static float double_to_float32(double d) {
    double a = std::fabs(d);
    if (a > FLT_MAX && std::isfinite(a)) {
        // Halfway between FLT_MAX and 2^128 ties to 2^128 (FLT_MAX has an odd significand).
        float r = a >= 0x1.ffffffp127 ? INFINITY : FLT_MAX;
        return d < 0 ? -r : r;
    }
    return static_cast<float>(d);
}

// RawBytesToNumeric for the Number types (native byte order).
static Value read_number(TypedArrayType type, const uint8_t* p) {
    switch (type) {
    case TypedArrayType::Int8: return Value::int32(load_element<int8_t>(p));
    case TypedArrayType::Uint8:
    case TypedArrayType::Uint8Clamped: return Value::int32(load_element<uint8_t>(p));
    case TypedArrayType::Int16: return Value::int32(load_element<int16_t>(p));
    case TypedArrayType::Uint16: return Value::int32(load_element<uint16_t>(p));
    case TypedArrayType::Int32: return Value::int32(load_element<int32_t>(p));
    case TypedArrayType::Uint32: return Value::number(load_element<uint32_t>(p));
    case TypedArrayType::Float16: return Value::number(float16_to_double(load_element<uint16_t>(p)));
    case TypedArrayType::Float32: return Value::number(static_cast<double>(load_element<float>(p)));
    case TypedArrayType::Float64: return Value::number(load_element<double>(p));
    default: VERIFY_NOT_REACHED();
    }
}

// NumericToRawBytes for the Number types (native byte order).
static void write_number(TypedArrayType type, double d, uint8_t* p) {
    switch (type) {
    case TypedArrayType::Int8: store_element(p, static_cast<int8_t>(double_to_int32(d))); break;
    case TypedArrayType::Uint8: store_element(p, static_cast<uint8_t>(double_to_int32(d))); break;
    case TypedArrayType::Uint8Clamped: store_element(p, double_to_uint8_clamp(d)); break;
    case TypedArrayType::Int16: store_element(p, static_cast<int16_t>(double_to_int32(d))); break;
    case TypedArrayType::Uint16: store_element(p, static_cast<uint16_t>(double_to_int32(d))); break;
    case TypedArrayType::Int32: store_element(p, double_to_int32(d)); break;
    case TypedArrayType::Uint32: store_element(p, static_cast<uint32_t>(double_to_int32(d))); break;
    case TypedArrayType::Float16: store_element(p, double_to_float16(d)); break;
    case TypedArrayType::Float32: store_element(p, double_to_float32(d)); break;
    case TypedArrayType::Float64: store_element(p, d); break;
    default: VERIFY_NOT_REACHED();
    }
}

// 25.1.3.16 RawBytesToNumeric ( type, rawBytes, isLittleEndian ) (#sec-rawbytestonumeric)
Value raw_bytes_to_numeric(Context& ctx, TypedArrayType type, const uint8_t* bytes, bool little_endian) {
    // 1-2. If isLittleEndian is false, reverse the order of the elements of rawBytes.
    uint8_t swapped[8];
    size_t n = element_size(type);
    if (little_endian != kHostLittleEndian) {
        for (size_t i = 0; i < n; ++i)
            swapped[i] = bytes[n - 1 - i];
        bytes = swapped;
    }
    // 3-6. Interpret the bytes per type.
    if (type == TypedArrayType::BigInt64) return bigint_from_int64(ctx, load_element<int64_t>(bytes));
    if (type == TypedArrayType::BigUint64) return bigint_from_uint64(ctx, load_element<uint64_t>(bytes));
    return read_number(type, bytes);
}

// 25.1.3.19 NumericToRawBytes ( type, value, isLittleEndian ) (#sec-numerictorawbytes)
void numeric_to_raw_bytes(TypedArrayType type, const Value& numeric, uint8_t* bytes, bool little_endian) {
    if (type == TypedArrayType::BigInt64)
        store_element(bytes, bigint_to_int64(numeric));
    else if (type == TypedArrayType::BigUint64)
        store_element(bytes, bigint_to_uint64(numeric));
    else
        write_number(type, numeric.as_number(), bytes);
    // If isLittleEndian is false, reverse the order of the elements of rawBytes.
    if (little_endian != kHostLittleEndian) std::reverse(bytes, bytes + element_size(type));
}

Value to_element_numeric(Context& ctx, TypedArrayType type, const Value& value) {
    // 1. If O.[[ContentType]] is bigint, let numValue be ? ToBigInt(value).
    if (is_bigint_type(type)) return to_bigint(ctx, value);
    // 2. Otherwise, let numValue be ? ToNumber(value).
    if (value.is_number()) return value;
    double d = TRY(to_number(ctx, value));
    return Value::float64(d);
}

// ---- Bounds and length tracking ----

// 10.4.5.12 IsTypedArrayOutOfBounds ( taRecord ) (#sec-istypedarrayoutofbounds)
bool is_typed_array_out_of_bounds(const TypedArrayObject* ta) {
    // 1-3. If IsDetachedBuffer(O.[[ViewedArrayBuffer]]) is true, return true.
    ArrayBufferObject* buffer = ta->buffer();
    if (!buffer || buffer->m_detached) return true;
    // 4-7. byteOffsetStart and byteOffsetEnd against the buffer's current byte length.
    size_t buffer_byte_length = buffer->m_byte_length;
    size_t start = ta->m_byte_offset;
    if (start > buffer_byte_length) return true;
    if (ta->m_length_tracking) return false;
    size_t end = start + ta->m_array_length * ta->element_size();
    // 8. If byteOffsetStart > bufferByteLength or byteOffsetEnd > bufferByteLength, return true.
    return end > buffer_byte_length;
}

// 10.4.5.10 TypedArrayLength ( taRecord ) (#sec-typedarraylength)
size_t typed_array_length(const TypedArrayObject* ta) {
    if (is_typed_array_out_of_bounds(ta)) return 0;
    // 3. If O.[[ArrayLength]] is not auto, return O.[[ArrayLength]].
    if (!ta->m_length_tracking) return ta->m_array_length;
    // 5-8. Return floor((byteLength - byteOffset) / elementSize).
    return (ta->buffer()->m_byte_length - ta->m_byte_offset) / ta->element_size();
}

// 10.4.5.11 TypedArrayByteLength ( taRecord ) (#sec-typedarraybytelength)
size_t typed_array_byte_length(const TypedArrayObject* ta) {
    return typed_array_length(ta) * ta->element_size();
}

// 10.4.5.13 IsTypedArrayFixedLength ( O ) (#sec-istypedarrayfixedlength)
bool is_typed_array_fixed_length(const TypedArrayObject* ta) {
    // 1. If O.[[ArrayLength]] is auto, return false.
    if (ta->m_length_tracking) return false;
    // 2-3. If IsFixedLengthArrayBuffer(buffer) is false and IsSharedArrayBuffer(buffer) is false,
    //      return false.
    ArrayBufferObject* buffer = ta->buffer();
    if (buffer && !is_fixed_length_array_buffer(buffer) && !buffer->is_shared()) return false;
    return true;
}

// 10.4.5.14 IsValidIntegerIndex ( O, index ) (#sec-isvalidintegerindex)
bool is_valid_integer_index(const TypedArrayObject* ta, double index) {
    // 1. If IsDetachedBuffer(O.[[ViewedArrayBuffer]]) is true, return false.
    ArrayBufferObject* buffer = ta->buffer();
    if (!buffer || buffer->m_detached) return false;
    // 2. If IsIntegralNumber(index) is false, return false.
    if (!std::isfinite(index) || std::trunc(index) != index) return false;
    // 3. If index is -0, return false.
    if (index == 0 && std::signbit(index)) return false;
    // 4-7. If index < 0 or index >= TypedArrayLength(taRecord), return false (out of bounds: 0).
    if (index < 0) return false;
    return index < static_cast<double>(typed_array_length(ta));
}

// 10.4.5.15 TypedArrayGetElement ( O, index ) (#sec-typedarraygetelement)
Value typed_array_get_element(Context& ctx, TypedArrayObject* ta, double index) {
    // 1. If IsValidIntegerIndex(O, index) is false, return undefined.
    if (!is_valid_integer_index(ta, index)) return Value();
    // 2-6. Return GetValueFromBuffer(O.[[ViewedArrayBuffer]], byteIndexInBuffer, elementType, true,
    //      unordered).
    size_t byte_index = ta->m_byte_offset + static_cast<size_t>(index) * ta->element_size();
    return raw_bytes_to_numeric(ctx, ta->m_type, ta->buffer()->m_data + byte_index, kHostLittleEndian);
}

// 10.4.5.16 TypedArraySetElement ( O, index, value ) (#sec-typedarraysetelement)
Result<void> typed_array_set_element(Context& ctx, TypedArrayObject* ta, double index, const Value& value) {
    // 1-2. Let numValue be ? ToBigInt(value) or ? ToNumber(value).
    Value numeric = TRY(to_element_numeric(ctx, ta->m_type, value));
    // 3. If IsValidIntegerIndex(O, index) is true, then store the value.
    if (is_valid_integer_index(ta, index)) {
        size_t byte_index = ta->m_byte_offset + static_cast<size_t>(index) * ta->element_size();
        numeric_to_raw_bytes(ta->m_type, numeric, ta->buffer()->m_data + byte_index, kHostLittleEndian);
    }
    // 4. Return unused.
    return {};
}

Result<uint64_t> typed_array_length_for_iteration(Context& ctx, Object* o) {
    auto* ta = static_cast<TypedArrayObject*>(o);
    if (is_typed_array_out_of_bounds(ta))
        return ctx.throw_type_error("TypedArray is detached or out of bounds");
    return static_cast<uint64_t>(typed_array_length(ta));
}

bool typed_array_get_index(Object* o, uint32_t index, Value* out) {
    auto* ta = static_cast<TypedArrayObject*>(o);
    if (ta->is_bigint()) return false;
    if (typed_array_read_fast(o, index, out)) return true;
    if (!is_valid_integer_index(ta, index)) {
        *out = Value();
        return true;
    }
    *out = read_number(ta->m_type, ta->data() + static_cast<size_t>(index) * ta->element_size());
    return true;
}

bool typed_array_set_index(Object* o, uint32_t index, const Value& v) {
    auto* ta = static_cast<TypedArrayObject*>(o);
    if (ta->is_bigint() || !v.is_number() || is_immutable_buffer(ta->buffer())) return false;
    if (uint8_t* p = typed_array_element_in_bounds(ta, index)) {
        write_number(ta->m_type, v.as_number(), p);
        return true;
    }
    if (is_valid_integer_index(ta, index))
        write_number(ta->m_type, v.as_number(), ta->data() + static_cast<size_t>(index) * ta->element_size());
    return true;
}

// ---- 10.4.5 TypedArray exotic objects ----

// The "If P is a String, let numericIndex be CanonicalNumericIndexString(P); if numericIndex is
// not undefined" test of every internal method. Integer atoms are numeric without a string; other
// strings can only be canonical numeric strings if they start with a digit, '-', 'I' or 'N'.
static Result<bool> numeric_index_of_key(Context& ctx, Atom key, double* out) {
    if (atom_is_index(key)) {
        *out = atom_index_value(key);
        return true;
    }
    Runtime& rt = ctx.rt();
    if (rt.atom_is_symbol(key)) return false;
    String* s = rt.atom_string(key);
    if (s->length() == 0) return false;
    char16_t c = s->at(0);
    if (!((c >= '0' && c <= '9') || c == '-' || c == 'I' || c == 'N')) return false;
    Value n = TRY(canonical_numeric_index_string(ctx, Value::string(s)));
    if (n.is_undefined()) return false;
    *out = n.as_number();
    return true;
}

// 10.4.5.1 [[GetOwnProperty]] ( P ) (#sec-typedarray-getownproperty)
static Result<bool> ta_get_own_property(Context& ctx, Object* o, Atom key, PropertyDescriptor* out) {
    auto* ta = static_cast<TypedArrayObject*>(o);
    double index;
    if (TRY(numeric_index_of_key(ctx, key, &index))) {
        // i. Let value be TypedArrayGetElement(O, numericIndex).
        Value value = TRY(typed_array_get_element(ctx, ta, index));
        // ii. If value is undefined, return undefined.
        if (value.is_undefined()) return false;
        // iii. Return the PropertyDescriptor { [[Value]]: value, [[Writable]]: mutable,
        //      [[Enumerable]]: true, [[Configurable]]: mutable }, where mutable is false over an
        //      immutable buffer (immutable ArrayBuffer proposal).
        uint8_t flags = is_immutable_buffer(ta->buffer()) ? prop::Enumerable : prop::Default;
        if (out) *out = PropertyDescriptor::data(std::move(value), flags);
        return true;
    }
    // 2. Return OrdinaryGetOwnProperty(O, P).
    return ordinary_get_own_property(ctx, o, key, out);
}

// 10.4.5.2 [[HasProperty]] ( P ) (#sec-typedarray-hasproperty)
static Result<bool> ta_has_property(Context& ctx, Object* o, Atom key) {
    double index;
    // 1.b. If numericIndex is not undefined, return IsValidIntegerIndex(O, numericIndex).
    if (TRY(numeric_index_of_key(ctx, key, &index)))
        return is_valid_integer_index(static_cast<TypedArrayObject*>(o), index);
    // 2. Return ? OrdinaryHasProperty(O, P).
    if (TRY(ordinary_get_own_property(ctx, o, key, nullptr))) return true;
    Object* parent = o->prototype();
    if (!parent) return false;
    Value hold = Value::object(parent);
    return has_property(ctx, parent, key);
}

// 10.4.5.3 [[DefineOwnProperty]] ( P, Desc ) (#sec-typedarray-defineownproperty)
static Result<bool> ta_define_own_property(Context& ctx, Object* o, Atom key,
                                           const PropertyDescriptor& desc) {
    auto* ta = static_cast<TypedArrayObject*>(o);
    double index;
    if (TRY(numeric_index_of_key(ctx, key, &index))) {
        // i. If IsValidIntegerIndex(O, numericIndex) is false, return false.
        if (!is_valid_integer_index(ta, index)) return false;
        // ii. If Desc has a [[Configurable]] field and Desc.[[Configurable]] is false, return false.
        if (desc.has_configurable && !desc.configurable()) return false;
        // iii. If Desc has an [[Enumerable]] field and Desc.[[Enumerable]] is false, return false.
        if (desc.has_enumerable && !desc.enumerable()) return false;
        // iv. If IsAccessorDescriptor(Desc) is true, return false.
        if (desc.is_accessor()) return false;
        // v. If Desc has a [[Writable]] field and Desc.[[Writable]] is false, return false.
        if (desc.has_writable && !desc.writable()) return false;
        // (immutable ArrayBuffer) Over an immutable buffer the element is a non-writable,
        // non-configurable data property: only a descriptor that changes nothing succeeds.
        if (is_immutable_buffer(ta->buffer())) {
            if ((desc.has_configurable && desc.configurable()) || (desc.has_writable && desc.writable()))
                return false;
            if (!desc.has_value) return true;
            Value current = TRY(typed_array_get_element(ctx, ta, index));
            return same_value(current, desc.value);
        }
        // vi. If Desc has a [[Value]] field, perform ? TypedArraySetElement(O, numericIndex, Desc.[[Value]]).
        if (desc.has_value) TRY(typed_array_set_element(ctx, ta, index, desc.value));
        // vii. Return true.
        return true;
    }
    // 2. Return ! OrdinaryDefineOwnProperty(O, P, Desc).
    return ordinary_define_own_property(ctx, o, key, desc);
}

// 10.4.5.4 [[Get]] ( P, Receiver ) (#sec-typedarray-get)
static Value ta_get(Context& ctx, Object* o, Atom key, const Value& receiver) {
    double index;
    // 1.b. If numericIndex is not undefined, return TypedArrayGetElement(O, numericIndex).
    if (TRY(numeric_index_of_key(ctx, key, &index)))
        return typed_array_get_element(ctx, static_cast<TypedArrayObject*>(o), index);
    // 2. Return ? OrdinaryGet(O, P, Receiver).
    PropertyDescriptor desc;
    if (!TRY(ordinary_get_own_property(ctx, o, key, &desc))) {
        Object* parent = o->prototype();
        if (!parent) return Value();
        Value hold = Value::object(parent);
        return get(ctx, parent, key, receiver);
    }
    if (!desc.is_accessor()) return desc.value;
    if (desc.getter.is_undefined()) return Value();
    return call(ctx, desc.getter, receiver, {});
}

// 10.1.9.2 OrdinarySetWithOwnDescriptor ( O, P, V, Receiver, ownDesc ), with ownDesc from
// O.[[GetOwnProperty]](P) (the 10.1.9.1 OrdinarySet step).
static Result<bool> ta_ordinary_set(Context& ctx, Object* o, Atom key, const Value& v,
                                    const Value& receiver) {
    PropertyDescriptor own_desc;
    if (!TRY(ta_get_own_property(ctx, o, key, &own_desc))) {
        // 1.a-b. If parent is not null, return ? parent.[[Set]](P, V, Receiver).
        Object* parent = o->prototype();
        if (parent) {
            Value hold = Value::object(parent);
            return set(ctx, parent, key, v, receiver);
        }
        // c. Set ownDesc to { [[Value]]: undefined, [[Writable]]: true, ... }.
        own_desc = PropertyDescriptor::data(Value(), prop::Default);
    }
    // 2. If IsDataDescriptor(ownDesc) is true:
    if (!own_desc.is_accessor()) {
        // a. If ownDesc.[[Writable]] is false, return false.
        if (!own_desc.writable()) return false;
        // b. If Receiver is not an Object, return false.
        if (!receiver.is_object()) return false;
        Object* r = receiver.as_object();
        // c. Let existingDescriptor be ? Receiver.[[GetOwnProperty]](P).
        PropertyDescriptor existing;
        if (TRY(get_own_property(ctx, r, key, &existing))) {
            // i-ii. Accessor or non-writable: return false.
            if (existing.is_accessor() || !existing.writable()) return false;
            // iii-iv. Return ? Receiver.[[DefineOwnProperty]](P, { [[Value]]: V }).
            PropertyDescriptor value_desc;
            value_desc.value = v;
            value_desc.has_value = true;
            return define_own_property(ctx, r, key, value_desc);
        }
        // e. Return ? CreateDataProperty(Receiver, P, V).
        return create_data_property(ctx, r, key, v);
    }
    // 3-7. Call the setter.
    if (own_desc.setter.is_undefined()) return false;
    Value result = TRY(call(ctx, own_desc.setter, receiver, std::span<const Value>(&v, 1)));
    return true;
}

// 10.4.5.5 [[Set]] ( P, V, Receiver ) (#sec-typedarray-set)
static Result<bool> ta_set(Context& ctx, Object* o, Atom key, const Value& v, const Value& receiver) {
    auto* ta = static_cast<TypedArrayObject*>(o);
    double index;
    if (TRY(numeric_index_of_key(ctx, key, &index))) {
        // i. If SameValue(O, Receiver) is true, then
        if (receiver.is_object() && receiver.as_object() == o) {
            // (immutable ArrayBuffer) An element of an immutable buffer cannot be written: the
            // set fails for an element that exists and does nothing past the end.
            if (is_immutable_buffer(ta->buffer())) return !is_valid_integer_index(ta, index);
            // 1. Perform ? TypedArraySetElement(O, numericIndex, V). 2. Return true.
            TRY(typed_array_set_element(ctx, ta, index, v));
            return true;
        }
        // ii. If IsValidIntegerIndex(O, numericIndex) is false, return true.
        if (!is_valid_integer_index(ta, index)) return true;
    }
    // 2. Return ? OrdinarySet(O, P, V, Receiver).
    return ta_ordinary_set(ctx, o, key, v, receiver);
}

// 10.4.5.6 [[Delete]] ( P ) (#sec-typedarray-delete)
static Result<bool> ta_delete(Context& ctx, Object* o, Atom key) {
    double index;
    // 1.b. If numericIndex is not undefined, return not IsValidIntegerIndex(O, numericIndex).
    if (TRY(numeric_index_of_key(ctx, key, &index)))
        return !is_valid_integer_index(static_cast<TypedArrayObject*>(o), index);
    // 2. Return ! OrdinaryDelete(O, P).
    int32_t slot = find_own_slot(o, key);
    if (slot < 0) return true;
    if (!(o->shape()->entry(static_cast<uint32_t>(slot)).flags & prop::Configurable)) return false;
    if (!remove_slot(ctx, o, static_cast<uint32_t>(slot))) return Exception{};
    return true;
}

// 10.4.5.7 [[OwnPropertyKeys]] ( ) (#sec-typedarray-ownpropertykeys): the integer indexes (the
// string and symbol keys come from the ordinary storage, in order, after them).
static Result<void> ta_own_keys(Context& ctx, Object* o, Vector<Atom>& keys) {
    auto* ta = static_cast<TypedArrayObject*>(o);
    // 3. If IsTypedArrayOutOfBounds(taRecord) is false, then for each integer i < length, add i.
    size_t length = typed_array_length(ta);
    if (!vector_reserve(keys, keys.size() + length)) return ctx.throw_out_of_memory();
    for (size_t i = 0; i < length; ++i) {
        Atom a = index_to_atom(ctx, i);
        if (!a) return Exception{};
        keys.push_back(a);
    }
    return {};
}

// 10.4.5.? [[PreventExtensions]] ( ) (#sec-typedarray-preventextensions)
static Result<bool> ta_prevent_extensions(Context&, Object* o) {
    // 1. NOTE: a length that can change is incompatible with a non-extensible object.
    // 2. If IsTypedArrayFixedLength(O) is false, return false.
    if (!is_typed_array_fixed_length(static_cast<TypedArrayObject*>(o))) return false;
    // 3. Return OrdinaryPreventExtensions(O).
    o->m_flags &= ~objflag::Extensible;
    return true;
}

static void typed_array_visit(Object* o, EdgeVisitor& visitor) {
    visitor.visit_value(static_cast<TypedArrayObject*>(o)->m_buffer);
}

static void typed_array_clear(Object* o) {
    static_cast<TypedArrayObject*>(o)->m_buffer = Value();
}

static const ExoticHooks kTypedArrayExoticHooks = [] {
    ExoticHooks hooks;
    hooks.get_own_property = ta_get_own_property;
    hooks.define_own_property = ta_define_own_property;
    hooks.has_property = ta_has_property;
    hooks.get = ta_get;
    hooks.set = ta_set;
    hooks.delete_property = ta_delete;
    hooks.own_keys = ta_own_keys;
    hooks.prevent_extensions = ta_prevent_extensions;
    return hooks;
}();

static bool write_typed_array(Object* o, HeapWriter& w) {
    auto* t = static_cast<TypedArrayObject*>(o);
    w.value(t->m_buffer);
    w.out().varuint(t->m_byte_offset);
    w.out().varuint(t->m_array_length);
    w.out().u8(t->m_length_tracking ? 1 : 0);
    w.out().u8(static_cast<uint8_t>(t->m_type));
    return true;
}
static bool read_typed_array(Object* o, HeapReader& r) {
    auto* t = static_cast<TypedArrayObject*>(o);
    uint64_t offset, length;
    uint8_t type;
    if (!r.object(&t->m_buffer, true) || !r.in().varuint(&offset) || !r.in().varuint(&length) ||
        !r.boolean(&t->m_length_tracking) || !r.u8(&type))
        return false;
    if (type >= static_cast<uint8_t>(TypedArrayType::Count)) return r.fail("bad typed array type");
    if (t->m_buffer.is_object() && !is_array_buffer_object(t->m_buffer.as_object()))
        return r.fail("typed array of something not a buffer");
    t->m_type = static_cast<TypedArrayType>(type);
    t->m_byte_offset = offset;
    t->m_array_length = length;
    return true;
}
// Arrays over fixed-length buffers are not bounds-checked on every access: the range must fit.
static bool check_typed_array(Object* o, HeapReader& r) {
    auto* t = static_cast<TypedArrayObject*>(o);
    ArrayBufferObject* b = t->buffer();
    if (!b) return t->m_array_length == 0 || r.fail("typed array without a buffer");
    if (b->m_detached || b->m_resizable) return true;
    size_t size = t->element_size();
    if (t->m_byte_offset > b->m_byte_length || t->m_byte_offset % size ||
        (!t->m_length_tracking && t->m_array_length > (b->m_byte_length - t->m_byte_offset) / size))
        return r.fail("typed array out of its buffer");
    return true;
}
static const ClassSnapshotHooks kTypedArraySnapshot = {
    sizeof(TypedArrayObject),
    0,
    nullptr,
    construct_payload<TypedArrayObject>,
    write_typed_array,
    read_typed_array,
    check_typed_array,
};

void register_typed_array_class() {
    ClassHooks hooks;
    hooks.visit = typed_array_visit;
    hooks.clear = typed_array_clear;
    hooks.snapshot = &kTypedArraySnapshot;
    hooks.exotic = &kTypedArrayExoticHooks;
    register_class_hooks(ClassId::TypedArray, hooks);
}

} // namespace qjs
