// TypedArrayPrototype.cpp: %TypedArray.prototype% (spec 23.2.3): accessors, element access,
// copying and searching. The callback-driven methods, sorting and iterators are in
// TypedArrayPrototypeIteration.cpp.
#include "builtins/Array.h"
#include "builtins/TypedArray.h"
#include "runtime/ArrayBufferObject.h"
#include "runtime/Call.h"
#include "runtime/Context.h"
#include "runtime/Conversions.h"
#include "runtime/NativeFunction.h"
#include "runtime/String.h"
#include "runtime/TypedArrayObject.h"
#include "runtime/VectorGrowth.h"

#include <algorithm>
#include <cmath>
#include <cstring>

namespace qjs {

// RequireInternalSlot(O, [[TypedArrayName]]) without the bounds check.
static TypedArrayObject* this_typed_array(Context& ctx, const Value& v) {
    if (!is_typed_array_value(v)) {
        ctx.throw_type_error("not a TypedArray");
        return nullptr;
    }
    return static_cast<TypedArrayObject*>(v.as_object());
}

// ---- Accessors ----

// 23.2.3.2 get %TypedArray%.prototype.buffer (#sec-get-%typedarray%.prototype.buffer)
static Value typed_array_buffer(Context& ctx, const CallArgs& args) {
    // 1-3. Perform ? RequireInternalSlot(O, [[TypedArrayName]]).
    TypedArrayObject* ta = this_typed_array(ctx, args.this_value);
    if (!ta) return Exception{};
    // 4-5. Return O.[[ViewedArrayBuffer]].
    return ta->m_buffer;
}

// 23.2.3.3 get %TypedArray%.prototype.byteLength (#sec-get-%typedarray%.prototype.bytelength)
static Value typed_array_byte_length_getter(Context& ctx, const CallArgs& args) {
    TypedArrayObject* ta = this_typed_array(ctx, args.this_value);
    if (!ta) return Exception{};
    // 4-6. Return F(TypedArrayByteLength(taRecord)) (0 when out of bounds).
    return Value::number(static_cast<double>(typed_array_byte_length(ta)));
}

// 23.2.3.4 get %TypedArray%.prototype.byteOffset (#sec-get-%typedarray%.prototype.byteoffset)
static Value typed_array_byte_offset(Context& ctx, const CallArgs& args) {
    TypedArrayObject* ta = this_typed_array(ctx, args.this_value);
    if (!ta) return Exception{};
    // 4-5. If IsTypedArrayOutOfBounds(taRecord) is true, return +0.
    if (is_typed_array_out_of_bounds(ta)) return Value::int32(0);
    // 6. Return F(O.[[ByteOffset]]).
    return Value::number(static_cast<double>(ta->m_byte_offset));
}

// 23.2.3.21 get %TypedArray%.prototype.length (#sec-get-%typedarray%.prototype.length)
static Value typed_array_length_getter(Context& ctx, const CallArgs& args) {
    TypedArrayObject* ta = this_typed_array(ctx, args.this_value);
    if (!ta) return Exception{};
    // 4-7. If IsTypedArrayOutOfBounds(taRecord) is true, return +0; else TypedArrayLength(taRecord).
    return Value::number(static_cast<double>(typed_array_length(ta)));
}

// 23.2.3.41 get %TypedArray%.prototype [ %Symbol.toStringTag% ]
// (#sec-get-%typedarray%.prototype-%symbol.tostringtag%)
static Value typed_array_to_string_tag(Context& ctx, const CallArgs& args) {
    // 1-3. If O is not an Object or has no [[TypedArrayName]] slot, return undefined.
    if (!is_typed_array_value(args.this_value)) return Value();
    // 4-6. Return O.[[TypedArrayName]].
    return ctx.new_string(
        typed_array_name(static_cast<TypedArrayObject*>(args.this_value.as_object())->m_type));
}

// ---- Element access ----

// 23.2.3.1 %TypedArray%.prototype.at ( index ) (#sec-%typedarray%.prototype.at)
static Value typed_array_at(Context& ctx, const CallArgs& args) {
    // 1-3. Let taRecord be ? ValidateTypedArray(O, seq-cst); let len be TypedArrayLength(taRecord).
    size_t len;
    TypedArrayObject* ta = TRY(validate_typed_array(ctx, args.this_value, &len));
    // 4. Let relativeIndex be ? ToIntegerOrInfinity(index).
    double relative_index = TRY(to_relative_index(ctx, args.arg(0)));
    // 5-6. Let k be relativeIndex or len + relativeIndex.
    double k = relative_index >= 0 ? relative_index : static_cast<double>(len) + relative_index;
    // 7. If k < 0 or k >= len, return undefined.
    if (k < 0 || k >= static_cast<double>(len)) return Value();
    // 8. Return ! Get(O, ! ToString(F(k))).
    return typed_array_get_element(ctx, ta, k);
}

// 23.2.3.6 %TypedArray%.prototype.copyWithin ( target, start [ , end ] )
// (#sec-%typedarray%.prototype.copywithin)
static Value typed_array_copy_within(Context& ctx, const CallArgs& args) {
    // 1-3. Let taRecord be ? ValidateTypedArray(O, seq-cst); let len be TypedArrayLength(taRecord).
    size_t len;
    TypedArrayObject* ta = TRY(validate_typed_array(ctx, args.this_value, &len, TypedArrayAccess::Write));
    // 4-6. Let targetIndex be the clamped relative target.
    uint64_t target_index = clamp_relative_index(TRY(to_relative_index(ctx, args.arg(0))), len);
    // 7-9. Let startIndex be the clamped relative start.
    uint64_t start_index = clamp_relative_index(TRY(to_relative_index(ctx, args.arg(1))), len);
    // 10-12. Let endIndex be the clamped relative end (len when end is undefined).
    uint64_t end_index = args.arg(2).is_undefined()
                             ? len
                             : clamp_relative_index(TRY(to_relative_index(ctx, args.arg(2))), len);
    // 13. Let count be min(endIndex - startIndex, len - targetIndex).
    int64_t count = std::min(static_cast<int64_t>(end_index) - static_cast<int64_t>(start_index),
                             static_cast<int64_t>(len) - static_cast<int64_t>(target_index));
    // 14. If count > 0, then
    if (count > 0) {
        // b-c. Set taRecord to MakeTypedArrayWithBufferWitnessRecord(O, seq-cst); if it is out of
        //      bounds, throw a TypeError exception.
        if (is_typed_array_out_of_bounds(ta))
            return ctx.throw_type_error("TypedArray is detached or out of bounds");
        // e. Set len to TypedArrayLength(taRecord).
        len = typed_array_length(ta);
        // f-g. Side effects may have shrunk O: copy the longest still-applicable prefix.
        //      Set count to min(count, len - startIndex, len - targetIndex).
        count = std::min({count, static_cast<int64_t>(len) - static_cast<int64_t>(start_index),
                          static_cast<int64_t>(len) - static_cast<int64_t>(target_index)});
        if (count > 0) {
            // h-m. Perform CopyDataBlockBytes(buffer, toByteIndex, buffer, fromByteIndex, countBytes).
            size_t size = ta->element_size();
            uint8_t* data = ta->data();
            std::memmove(data + static_cast<size_t>(target_index) * size,
                         data + static_cast<size_t>(start_index) * size, static_cast<size_t>(count) * size);
        }
    }
    // 15. Return O.
    return args.this_value;
}

// 23.2.3.9 %TypedArray%.prototype.fill ( value [ , start [ , end ] ] ) (#sec-%typedarray%.prototype.fill)
static Value typed_array_fill(Context& ctx, const CallArgs& args) {
    // 1-3. Let taRecord be ? ValidateTypedArray(O, seq-cst); let len be TypedArrayLength(taRecord).
    size_t len;
    TypedArrayObject* ta = TRY(validate_typed_array(ctx, args.this_value, &len, TypedArrayAccess::Write));
    // 4-5. Set value to ? ToBigInt(value) or ? ToNumber(value).
    Value value = TRY(to_element_numeric(ctx, ta->m_type, args.arg(0)));
    // 6-8. Let startIndex be the clamped relative start.
    uint64_t start_index = clamp_relative_index(TRY(to_relative_index(ctx, args.arg(1))), len);
    // 9-11. Let endIndex be the clamped relative end.
    uint64_t end_index = args.arg(2).is_undefined()
                             ? len
                             : clamp_relative_index(TRY(to_relative_index(ctx, args.arg(2))), len);
    // 12-13. Set taRecord to MakeTypedArrayWithBufferWitnessRecord(O, seq-cst); if it is out of
    //        bounds, throw a TypeError exception.
    if (is_typed_array_out_of_bounds(ta))
        return ctx.throw_type_error("TypedArray is detached or out of bounds");
    // 14-15. Set len to TypedArrayLength(taRecord); set endIndex to min(endIndex, len).
    end_index = std::min<uint64_t>(end_index, typed_array_length(ta));
    // 16-17. For each k in [startIndex, endIndex), perform ! Set(O, Pk, value, true).
    size_t size = ta->element_size();
    uint8_t bytes[8];
    numeric_to_raw_bytes(ta->m_type, value, bytes, kHostLittleEndian);
    uint8_t* data = ta->data();
    for (uint64_t k = start_index; k < end_index; ++k)
        std::memcpy(data + k * size, bytes, size);
    // 18. Return O.
    return args.this_value;
}

// 23.2.3.16 %TypedArray%.prototype.includes ( searchElement [ , fromIndex ] )
// (#sec-%typedarray%.prototype.includes)
static Value typed_array_includes(Context& ctx, const CallArgs& args) {
    // 1-3. Let taRecord be ? ValidateTypedArray(O, seq-cst); let len be TypedArrayLength(taRecord).
    size_t len;
    TypedArrayObject* ta = TRY(validate_typed_array(ctx, args.this_value, &len));
    // 4. If len = 0, return false.
    if (len == 0) return Value::boolean(false);
    // 5. Let n be ? ToIntegerOrInfinity(fromIndex).
    double n = TRY(to_relative_index(ctx, args.arg(1)));
    // 7-8. If n = +inf, return false; else if n = -inf, set n to 0.
    if (n == INFINITY) return Value::boolean(false);
    // 9-10. Let k be n, or max(len + n, 0) when n < 0.
    double k = n >= 0 ? n : std::max(static_cast<double>(len) + n, 0.0);
    // 11. Repeat, while k < len: if SameValueZero(searchElement, ! Get(O, Pk)) is true, return true.
    for (; k < static_cast<double>(len); ++k) {
        Value element = TRY(typed_array_get_element(ctx, ta, k));
        if (same_value_zero(args.arg(0), element)) return Value::boolean(true);
    }
    // 12. Return false.
    return Value::boolean(false);
}

// 23.2.3.17 %TypedArray%.prototype.indexOf ( searchElement [ , fromIndex ] )
// (#sec-%typedarray%.prototype.indexof)
static Value typed_array_index_of(Context& ctx, const CallArgs& args) {
    // 1-3. Let taRecord be ? ValidateTypedArray(O, seq-cst); let len be TypedArrayLength(taRecord).
    size_t len;
    TypedArrayObject* ta = TRY(validate_typed_array(ctx, args.this_value, &len));
    // 4. If len = 0, return -1.
    if (len == 0) return Value::int32(-1);
    // 5-8. Let n be ? ToIntegerOrInfinity(fromIndex); +inf: -1; -inf: 0.
    double n = TRY(to_relative_index(ctx, args.arg(1)));
    if (n == INFINITY) return Value::int32(-1);
    // 9-10. Let k be n, or max(len + n, 0) when n < 0.
    double k = n >= 0 ? n : std::max(static_cast<double>(len) + n, 0.0);
    // 11. Repeat, while k < len:
    for (; k < static_cast<double>(len); ++k) {
        // a-b. Let kPresent be ! HasProperty(O, Pk); if present, compare ! Get(O, Pk) strictly.
        if (!is_valid_integer_index(ta, k)) continue;
        Value element = TRY(typed_array_get_element(ctx, ta, k));
        if (is_strictly_equal(args.arg(0), element)) return Value::number(k);
    }
    // 12. Return -1.
    return Value::int32(-1);
}

// 23.2.3.20 %TypedArray%.prototype.lastIndexOf ( searchElement [ , fromIndex ] )
// (#sec-%typedarray%.prototype.lastindexof)
static Value typed_array_last_index_of(Context& ctx, const CallArgs& args) {
    // 1-3. Let taRecord be ? ValidateTypedArray(O, seq-cst); let len be TypedArrayLength(taRecord).
    size_t len;
    TypedArrayObject* ta = TRY(validate_typed_array(ctx, args.this_value, &len));
    // 4. If len = 0, return -1.
    if (len == 0) return Value::int32(-1);
    // 5. If fromIndex is present, let n be ? ToIntegerOrInfinity(fromIndex); else let n be len - 1.
    double n = args.count() > 1 ? TRY(to_relative_index(ctx, args.arg(1))) : static_cast<double>(len) - 1;
    // 6. If n = -inf, return -1.
    if (n == -INFINITY) return Value::int32(-1);
    // 7-8. Let k be min(n, len - 1), or len + n when n < 0.
    double k = n >= 0 ? std::min(n, static_cast<double>(len) - 1) : static_cast<double>(len) + n;
    // 9. Repeat, while k >= 0:
    for (; k >= 0; --k) {
        if (!is_valid_integer_index(ta, k)) continue;
        Value element = TRY(typed_array_get_element(ctx, ta, k));
        if (is_strictly_equal(args.arg(0), element)) return Value::number(k);
    }
    // 10. Return -1.
    return Value::int32(-1);
}

// 23.2.3.18 %TypedArray%.prototype.join ( separator ) (#sec-%typedarray%.prototype.join)
static Value typed_array_join(Context& ctx, const CallArgs& args) {
    // 1-3. Let taRecord be ? ValidateTypedArray(O, seq-cst); let len be TypedArrayLength(taRecord).
    size_t len;
    TypedArrayObject* ta = TRY(validate_typed_array(ctx, args.this_value, &len));
    // 4-5. If separator is undefined, let sep be ","; else let sep be ? ToString(separator).
    Value sep = args.arg(0).is_undefined() ? TRY(ctx.new_string(",")) : TRY(to_string(ctx, args.arg(0)));
    // 6-8. Concatenate the elements (undefined, from a detached or shrunk buffer, is "").
    StringBuilder builder(ctx.rt());
    for (size_t k = 0; k < len; ++k) {
        if (k > 0 && !builder.append(sep.as_string())) return ctx.throw_out_of_memory();
        Value element = TRY(typed_array_get_element(ctx, ta, static_cast<double>(k)));
        if (element.is_undefined()) continue;
        Value s = TRY(to_string(ctx, element));
        if (!builder.append(s.as_string())) return ctx.throw_out_of_memory();
    }
    // 9. Return R.
    String* result = builder.finish();
    if (!result) return ctx.throw_out_of_memory();
    return Value::adopt(Tag::String, result);
}

// 23.2.3.25 %TypedArray%.prototype.reverse ( ) (#sec-%typedarray%.prototype.reverse)
static Value typed_array_reverse(Context& ctx, const CallArgs& args) {
    // 1-3. Let taRecord be ? ValidateTypedArray(O, seq-cst); let len be TypedArrayLength(taRecord).
    size_t len;
    TypedArrayObject* ta = TRY(validate_typed_array(ctx, args.this_value, &len, TypedArrayAccess::Write));
    // 4-6. Swap the elements lower and upper until they meet (as bytes: no conversion needed).
    size_t size = ta->element_size();
    uint8_t* data = ta->data();
    for (size_t lower = 0, upper = len ? len - 1 : 0; lower < upper; ++lower, --upper)
        std::swap_ranges(data + lower * size, data + (lower + 1) * size, data + upper * size);
    // 7. Return O.
    return args.this_value;
}

// 23.2.3.26.1 SetTypedArrayFromTypedArray ( target, targetOffset, source ) (#sec-settypedarrayfromtypedarray)
static Result<void> set_typed_array_from_typed_array(Context& ctx, TypedArrayObject* target,
                                                     double target_offset, TypedArrayObject* source) {
    // 1-3. If IsTypedArrayOutOfBounds(targetRecord) is true, throw a TypeError exception.
    if (is_typed_array_out_of_bounds(target))
        return ctx.throw_type_error("TypedArray is detached or out of bounds");
    // 4. Let targetLength be TypedArrayLength(targetRecord).
    size_t target_length = typed_array_length(target);
    // 5-7. If IsTypedArrayOutOfBounds(srcRecord) is true, throw a TypeError exception.
    if (is_typed_array_out_of_bounds(source))
        return ctx.throw_type_error("source TypedArray is detached or out of bounds");
    // 8. Let srcLength be TypedArrayLength(srcRecord).
    size_t src_length = typed_array_length(source);
    // 15. If targetOffset = +inf, throw a RangeError exception.
    // 16. If srcLength + targetOffset > targetLength, throw a RangeError exception.
    if (target_offset == INFINITY ||
        static_cast<double>(src_length) + target_offset > static_cast<double>(target_length))
        return ctx.throw_range_error("offset is out of bounds");
    // 17. If target.[[ContentType]] is not source.[[ContentType]], throw a TypeError exception.
    if (target->is_bigint() != source->is_bigint())
        return ctx.throw_type_error("cannot mix BigInt and Number typed arrays");
    size_t target_size = target->element_size();
    size_t src_size = source->element_size();
    // 21. Let targetByteIndex be targetOffset × targetElementSize + targetByteOffset.
    uint8_t* target_bytes = target->data() + static_cast<size_t>(target_offset) * target_size;
    const uint8_t* src_bytes = source->data();
    if (source->m_type == target->m_type) {
        // 23. NOTE: the transfer must preserve the bit-level encoding; memmove also covers the
        //     same-buffer case that steps 18-19 handle by cloning the source first.
        std::memmove(target_bytes, src_bytes, src_length * src_size);
        return {};
    }
    // 19. If the buffers are the same, clone the source bytes first.
    Vector<uint8_t> clone;
    if (source->buffer() == target->buffer()) {
        if (!vector_resize(clone, src_length * src_size)) return ctx.throw_out_of_memory();
        std::memcpy(clone.data(), src_bytes, src_length * src_size);
        src_bytes = clone.data();
    }
    // 24. Convert element by element.
    for (size_t k = 0; k < src_length; ++k) {
        Value value =
            TRY(raw_bytes_to_numeric(ctx, source->m_type, src_bytes + k * src_size, kHostLittleEndian));
        numeric_to_raw_bytes(target->m_type, value, target_bytes + k * target_size, kHostLittleEndian);
    }
    return {};
}

// 23.2.3.26.2 SetTypedArrayFromArrayLike ( target, targetOffset, source ) (#sec-settypedarrayfromarraylike)
static Result<void> set_typed_array_from_array_like(Context& ctx, TypedArrayObject* target,
                                                    double target_offset, const Value& source) {
    // 1-2. If IsTypedArrayOutOfBounds(targetRecord) is true, throw a TypeError exception.
    if (is_typed_array_out_of_bounds(target))
        return ctx.throw_type_error("TypedArray is detached or out of bounds");
    // 3. Let targetLength be TypedArrayLength(targetRecord).
    size_t target_length = typed_array_length(target);
    // 4. Let src be ? ToObject(source).
    Value src = TRY(to_object(ctx, source));
    // 5. Let srcLength be ? LengthOfArrayLike(src).
    uint64_t src_length = TRY(length_of_array_like(ctx, src.as_object()));
    // 6-7. If targetOffset = +inf or srcLength + targetOffset > targetLength, throw a RangeError.
    if (target_offset == INFINITY ||
        static_cast<double>(src_length) + target_offset > static_cast<double>(target_length))
        return ctx.throw_range_error("offset is out of bounds");
    // 8-9. For each k: let value be ? Get(src, Pk); perform ? TypedArraySetElement(target,
    //      targetOffset + k, value).
    for (uint64_t k = 0; k < src_length; ++k) {
        Value value = TRY(get_index_fast(ctx, src.as_object(), k));
        TRY(typed_array_set_element(ctx, target, target_offset + static_cast<double>(k), value));
    }
    return {};
}

// 23.2.3.26 %TypedArray%.prototype.set ( source [ , offset ] ) (#sec-%typedarray%.prototype.set)
static Value typed_array_set(Context& ctx, const CallArgs& args) {
    // 1-3. Let target be the this value; perform ? RequireInternalSlot(target, [[TypedArrayName]]).
    TypedArrayObject* target = this_typed_array(ctx, args.this_value);
    if (!target) return Exception{};
    // (immutable ArrayBuffer) If IsImmutableBuffer(target.[[ViewedArrayBuffer]]) is true, throw a TypeError.
    if (is_immutable_buffer(target->buffer()))
        return ctx.throw_type_error("TypedArray is backed by an immutable ArrayBuffer");
    // 4. Let targetOffset be ? ToIntegerOrInfinity(offset).
    double target_offset = TRY(to_relative_index(ctx, args.arg(1)));
    // 5. If targetOffset < 0, throw a RangeError exception.
    if (target_offset < 0) return ctx.throw_range_error("offset must be >= 0");
    const Value& source = args.arg(0);
    if (is_typed_array_value(source)) {
        // 6. Perform ? SetTypedArrayFromTypedArray(target, targetOffset, source).
        TRY(set_typed_array_from_typed_array(ctx, target, target_offset,
                                             static_cast<TypedArrayObject*>(source.as_object())));
    } else {
        // 7. Perform ? SetTypedArrayFromArrayLike(target, targetOffset, source).
        TRY(set_typed_array_from_array_like(ctx, target, target_offset, source));
    }
    // 8. Return undefined.
    return Value();
}

// 23.2.3.27 %TypedArray%.prototype.slice ( start, end ) (#sec-%typedarray%.prototype.slice)
static Value typed_array_slice(Context& ctx, const CallArgs& args) {
    // 1-3. Let taRecord be ? ValidateTypedArray(O, seq-cst); let srcArrayLength be TypedArrayLength.
    size_t len;
    TypedArrayObject* ta = TRY(validate_typed_array(ctx, args.this_value, &len));
    // 4-6. Let startIndex be the clamped relative start.
    uint64_t start_index = clamp_relative_index(TRY(to_relative_index(ctx, args.arg(0))), len);
    // 7-9. Let endIndex be the clamped relative end.
    uint64_t end_index = args.arg(1).is_undefined()
                             ? len
                             : clamp_relative_index(TRY(to_relative_index(ctx, args.arg(1))), len);
    // 10. Let countBytes be max(endIndex - startIndex, 0).
    uint64_t count = end_index > start_index ? end_index - start_index : 0;
    // 11. Let A be ? TypedArraySpeciesCreate(O, « F(count) »).
    Value count_value = Value::number(static_cast<double>(count));
    Value a_value = TRY(typed_array_species_create(ctx, ta, std::span<const Value>(&count_value, 1),
                                                   TypedArrayAccess::Write));
    auto* a = static_cast<TypedArrayObject*>(a_value.as_object());
    // 12. If count > 0, then
    if (count > 0) {
        // a-b. Re-validate O and clamp endIndex to its current length.
        if (is_typed_array_out_of_bounds(ta))
            return ctx.throw_type_error("TypedArray is detached or out of bounds");
        end_index = std::min<uint64_t>(end_index, typed_array_length(ta));
        // c. Set count to max(endIndex - startIndex, 0).
        count = end_index > start_index ? end_index - start_index : 0;
        if (ta->m_type == a->m_type) {
            // e. Same type: copy the bytes (the NOTE: the transfer preserves the bit-level encoding).
            size_t size = ta->element_size();
            size_t count_bytes =
                std::min<size_t>(static_cast<size_t>(count) * size, typed_array_byte_length(a));
            // The copy is byte by byte, forwards: with a species result on the same buffer the
            // regions may overlap, and the spec's order is observable then (no memmove).
            const uint8_t* from = ta->data() + static_cast<size_t>(start_index) * size;
            uint8_t* to = a->data();
            for (size_t i = 0; i < count_bytes; ++i)
                to[i] = from[i];
        } else {
            // f. Otherwise copy with ! Get(O, Pk) / ! Set(A, n, kValue, true).
            double n = 0;
            for (uint64_t k = start_index; k < end_index; ++k, ++n) {
                Value k_value = TRY(typed_array_get_element(ctx, ta, static_cast<double>(k)));
                TRY(typed_array_set_element(ctx, a, n, k_value));
            }
        }
    }
    // 13. Return A.
    return a_value;
}

// 23.2.3.30 %TypedArray%.prototype.subarray ( start, end ) (#sec-%typedarray%.prototype.subarray)
static Value typed_array_subarray(Context& ctx, const CallArgs& args) {
    // 1-3. Let O be the this value; perform ? RequireInternalSlot(O, [[TypedArrayName]]).
    TypedArrayObject* ta = this_typed_array(ctx, args.this_value);
    if (!ta) return Exception{};
    Value hold = args.this_value;
    // 4-7. Let srcLength be 0 when out of bounds, else TypedArrayLength(srcRecord).
    size_t src_length = typed_array_length(ta);
    // 8-10. Let startIndex be the clamped relative start.
    uint64_t start_index = clamp_relative_index(TRY(to_relative_index(ctx, args.arg(0))), src_length);
    // 11-13. Let beginByteOffset be srcByteOffset + startIndex × elementSize.
    size_t size = ta->element_size();
    double begin_byte_offset =
        static_cast<double>(ta->m_byte_offset) + static_cast<double>(start_index * size);
    Value arguments[3] = {ta->m_buffer, Value::number(begin_byte_offset), Value()};
    size_t argument_count = 2;
    // 14. If O.[[ArrayLength]] is auto and end is undefined, let argumentsList be « buffer, beginByteOffset
    // ».
    if (!(ta->m_length_tracking && args.arg(1).is_undefined())) {
        // 15.a-e. Let newLength be max(endIndex - startIndex, 0).
        uint64_t end_index = args.arg(1).is_undefined()
                                 ? src_length
                                 : clamp_relative_index(TRY(to_relative_index(ctx, args.arg(1))), src_length);
        uint64_t new_length = end_index > start_index ? end_index - start_index : 0;
        // f. Let argumentsList be « buffer, F(beginByteOffset), F(newLength) ».
        arguments[2] = Value::number(static_cast<double>(new_length));
        argument_count = 3;
    }
    // 16. Return ? TypedArraySpeciesCreate(O, argumentsList).
    return typed_array_species_create(ctx, ta, std::span<const Value>(arguments, argument_count));
}

// 23.2.3.31 %TypedArray%.prototype.toLocaleString ( [ reserved1 [ , reserved2 ] ] )
// (#sec-%typedarray%.prototype.tolocalestring)
static Value typed_array_to_locale_string(Context& ctx, const CallArgs& args) {
    // 1-3. Let taRecord be ? ValidateTypedArray(O, seq-cst); let len be TypedArrayLength(taRecord).
    size_t len;
    TypedArrayObject* ta = TRY(validate_typed_array(ctx, args.this_value, &len));
    Atom to_locale_string = ctx.rt().intern_ascii("toLocaleString");
    if (!to_locale_string) return ctx.throw_out_of_memory();
    // Array.prototype.toLocaleString steps 4-7 with the list separator ",".
    StringBuilder builder(ctx.rt());
    for (size_t k = 0; k < len; ++k) {
        if (k > 0 && !builder.append(u',')) return ctx.throw_out_of_memory();
        Value next = TRY(typed_array_get_element(ctx, ta, static_cast<double>(k)));
        if (next.is_nullish()) continue;
        Value result = TRY(invoke(ctx, next, to_locale_string, {}));
        Value s = TRY(to_string(ctx, result));
        if (!builder.append(s.as_string())) return ctx.throw_out_of_memory();
    }
    String* result = builder.finish();
    if (!result) return ctx.throw_out_of_memory();
    return Value::adopt(Tag::String, result);
}

// 23.2.3.32 %TypedArray%.prototype.toReversed ( ) (#sec-%typedarray%.prototype.toreversed)
static Value typed_array_to_reversed(Context& ctx, const CallArgs& args) {
    // 1-3. Let taRecord be ? ValidateTypedArray(O, seq-cst); let length be TypedArrayLength(taRecord).
    size_t len;
    TypedArrayObject* ta = TRY(validate_typed_array(ctx, args.this_value, &len));
    // 4. Let A be ? TypedArrayCreateSameType(O, length).
    Value a_value = TRY(typed_array_create_same_type(ctx, ta, len));
    auto* a = static_cast<TypedArrayObject*>(a_value.as_object());
    // 5-6. For each k: let from be length - k - 1; ! Set(A, Pk, ! Get(O, from), true). Creating A
    //      ran no user code, so O is unchanged and the elements can be copied as bytes.
    size_t size = ta->element_size();
    for (size_t k = 0; k < len; ++k)
        std::memcpy(a->data() + k * size, ta->data() + (len - k - 1) * size, size);
    // 7. Return A.
    return a_value;
}

// 23.2.3.36 %TypedArray%.prototype.with ( index, value ) (#sec-%typedarray%.prototype.with)
static Value typed_array_with(Context& ctx, const CallArgs& args) {
    // 1-3. Let taRecord be ? ValidateTypedArray(O, seq-cst); let len be TypedArrayLength(taRecord).
    size_t len;
    TypedArrayObject* ta = TRY(validate_typed_array(ctx, args.this_value, &len));
    // 4. Let relativeIndex be ? ToIntegerOrInfinity(index).
    double relative_index = TRY(to_relative_index(ctx, args.arg(0)));
    // 5-6. Let actualIndex be relativeIndex, or len + relativeIndex when negative.
    double actual_index = relative_index >= 0 ? relative_index : static_cast<double>(len) + relative_index;
    // 7-8. Let numericValue be ? ToBigInt(value) or ? ToNumber(value).
    Value numeric_value = TRY(to_element_numeric(ctx, ta->m_type, args.arg(1)));
    // 9. If IsValidIntegerIndex(O, F(actualIndex)) is false, throw a RangeError exception.
    if (!is_valid_integer_index(ta, actual_index)) return ctx.throw_range_error("index out of range");
    // 10. Let A be ? TypedArrayCreateSameType(O, len).
    Value a_value = TRY(typed_array_create_same_type(ctx, ta, len));
    auto* a = static_cast<TypedArrayObject*>(a_value.as_object());
    // 11-12. For each k: fromValue is numericValue at actualIndex, else ! Get(O, Pk);
    //        perform ! Set(A, Pk, fromValue, true).
    for (size_t k = 0; k < len; ++k) {
        Value from_value = static_cast<double>(k) == actual_index
                               ? numeric_value
                               : TRY(typed_array_get_element(ctx, ta, static_cast<double>(k)));
        TRY(typed_array_set_element(ctx, a, static_cast<double>(k), from_value));
    }
    // 13. Return A.
    return a_value;
}

static const FunctionListEntry kTypedArrayPrototype[] = {
    QJS_FUNC("at", 1, typed_array_at),
    QJS_GETTER("buffer", typed_array_buffer),
    QJS_GETTER("byteLength", typed_array_byte_length_getter),
    QJS_GETTER("byteOffset", typed_array_byte_offset),
    QJS_FUNC("copyWithin", 2, typed_array_copy_within),
    QJS_FUNC("fill", 1, typed_array_fill),
    QJS_FUNC("includes", 1, typed_array_includes),
    QJS_FUNC("indexOf", 1, typed_array_index_of),
    QJS_FUNC("join", 1, typed_array_join),
    QJS_FUNC("lastIndexOf", 1, typed_array_last_index_of),
    QJS_GETTER("length", typed_array_length_getter),
    QJS_FUNC("reverse", 0, typed_array_reverse),
    QJS_FUNC("set", 1, typed_array_set),
    QJS_FUNC("slice", 2, typed_array_slice),
    QJS_FUNC("subarray", 2, typed_array_subarray),
    QJS_FUNC("toLocaleString", 0, typed_array_to_locale_string),
    QJS_FUNC("toReversed", 0, typed_array_to_reversed),
    QJS_FUNC("with", 2, typed_array_with),
    QJS_GETTER("[Symbol.toStringTag]", typed_array_to_string_tag),
};

// 23.2.3 Properties of the %TypedArray% Prototype Object
// (#sec-properties-of-the-%typedarrayprototype%-object)
bool install_typed_array_prototype(Context& ctx, Object* proto) {
    if (!define_function_list(ctx, proto, kTypedArrayPrototype) ||
        !install_typed_array_prototype_iteration(ctx, proto))
        return false;
    // 23.2.3.35 %TypedArray%.prototype.toString: the same function object as Array.prototype.toString.
    Value array_to_string = get(ctx, ctx.intrinsic(Intrinsic::ArrayPrototype), atoms::toString);
    if (array_to_string.is_exception()) return false;
    if (put_own_data(ctx, proto, atoms::toString, array_to_string, prop::Writable | prop::Configurable)
            .is_exception())
        return false;
    // 23.2.3.40 %TypedArray%.prototype [ %Symbol.iterator% ]: the values function object.
    Value values = get(ctx, proto, ctx.rt().intern_ascii("values"));
    if (values.is_exception()) return false;
    return !put_own_data(ctx, proto, atoms::sym_iterator, values, prop::Writable | prop::Configurable)
                .is_exception();
}

} // namespace qjs
