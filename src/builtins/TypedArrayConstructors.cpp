// TypedArrayConstructors.cpp: %TypedArray% (spec 23.2.1, 23.2.2), the abstract operations that
// create typed arrays (23.2.4, 23.2.5) and the concrete constructors Int8Array ... Float64Array.
#include "builtins/Builtins.h"
#include "builtins/TypedArray.h"
#include "runtime/ArrayBufferObject.h"
#include "runtime/Call.h"
#include "runtime/Context.h"
#include "runtime/Conversions.h"
#include "runtime/Iteration.h"
#include "runtime/NativeFunction.h"
#include "runtime/TypedArrayObject.h"

#include <cstring>

namespace qjs {

// ---- 23.2.4 Abstract Operations for TypedArray Objects ----

// 23.2.4.4 ValidateTypedArray ( O, order [ , accessMode ] ) (#sec-validatetypedarray)
Result<TypedArrayObject*> validate_typed_array(Context& ctx, const Value& o, size_t* length,
                                               TypedArrayAccess access) {
    // 1. Perform ? RequireInternalSlot(O, [[TypedArrayName]]).
    if (!is_typed_array_value(o)) return ctx.throw_type_error("not a TypedArray");
    auto* ta = static_cast<TypedArrayObject*>(o.as_object());
    // (immutable ArrayBuffer) If accessMode is write and IsImmutableBuffer(O.[[ViewedArrayBuffer]])
    // is true, throw a TypeError exception.
    if (access == TypedArrayAccess::Write && is_immutable_buffer(ta->buffer()))
        return ctx.throw_type_error("TypedArray is backed by an immutable ArrayBuffer");
    // 2-4. If IsTypedArrayOutOfBounds(taRecord) is true, throw a TypeError exception.
    if (is_typed_array_out_of_bounds(ta))
        return ctx.throw_type_error("TypedArray is detached or out of bounds");
    if (length) *length = typed_array_length(ta);
    // 5. Return taRecord.
    return ta;
}

// 23.2.4.2 TypedArrayCreateFromConstructor ( constructor, argumentList )
// (#sec-typedarraycreatefromconstructor)
Value typed_array_create_from_constructor(Context& ctx, const Value& constructor, std::span<const Value> args,
                                          TypedArrayAccess access) {
    // 1. Let newTypedArray be ? Construct(constructor, argumentList).
    Value new_typed_array = TRY(construct(ctx, constructor, args));
    // 2. Let taRecord be ? ValidateTypedArray(newTypedArray, seq-cst, accessMode).
    size_t length;
    TRY(validate_typed_array(ctx, new_typed_array, &length, access));
    // 3. If the number of elements in argumentList is 1 and argumentList[0] is a Number, then
    //    if TypedArrayLength(taRecord) < argumentList[0], throw a TypeError exception.
    if (args.size() == 1 && args[0].is_number() && static_cast<double>(length) < args[0].as_number())
        return ctx.throw_type_error("TypedArray species constructor returned a too short array");
    // 4. Return newTypedArray.
    return new_typed_array;
}

// 23.2.4.1 TypedArraySpeciesCreate ( exemplar, argumentList ) (#sec-typedarrayspeciescreate)
Value typed_array_species_create(Context& ctx, TypedArrayObject* exemplar, std::span<const Value> args,
                                 TypedArrayAccess access) {
    Value exemplar_hold = Value::object(exemplar);
    // 1. Let defaultConstructor be the intrinsic object associated with exemplar.[[TypedArrayName]].
    Object* default_constructor = ctx.intrinsic(typed_array_constructor_intrinsic(exemplar->m_type));
    // 2. Let constructor be ? SpeciesConstructor(exemplar, defaultConstructor).
    Value constructor = TRY(species_constructor(ctx, exemplar, default_constructor));
    // 3. Let result be ? TypedArrayCreateFromConstructor(constructor, argumentList, accessMode).
    Value result = TRY(typed_array_create_from_constructor(ctx, constructor, args, access));
    // 4. If result.[[ContentType]] is not exemplar.[[ContentType]], throw a TypeError exception.
    if (static_cast<TypedArrayObject*>(result.as_object())->is_bigint() != exemplar->is_bigint())
        return ctx.throw_type_error(
            "TypedArray species constructor returned an array of another content type");
    // 5. Return result.
    return result;
}

// 23.2.4.3 TypedArrayCreateSameType ( exemplar, length ) (#sec-typedarray-create-same-type)
Value typed_array_create_same_type(Context& ctx, TypedArrayObject* exemplar, uint64_t length) {
    // 1. Let constructor be the intrinsic object associated with exemplar.[[TypedArrayName]].
    Value constructor = Value::object(ctx.intrinsic(typed_array_constructor_intrinsic(exemplar->m_type)));
    // 2. Let result be ? TypedArrayCreateFromConstructor(constructor, « F(length) »).
    Value length_value = Value::number(static_cast<double>(length));
    return typed_array_create_from_constructor(ctx, constructor, std::span<const Value>(&length_value, 1));
}

bool pristine_array_values(Context& ctx, const Value& items, Vector<Value>* out) {
    if (!is_pristine_array_iteration(ctx, items)) return false;
    Object* array = items.as_object();
    if (!array->is_array() || array->m_element_count != array->m_array_length) return false;
    out->assign(array->m_elements, array->m_elements + array->m_element_count);
    return true;
}

// ---- 23.2.5.1.x Initialisation of typed arrays ----

// 23.2.5.1.6 AllocateTypedArrayBuffer ( O, length ) (#sec-allocatetypedarraybuffer)
static Result<void> allocate_typed_array_buffer(Context& ctx, TypedArrayObject* ta, uint64_t length) {
    // 1-4. Let byteLength be elementSize × length.
    size_t size = ta->element_size();
    if (length > kMaxArrayBufferByteLength / size) return ctx.throw_range_error("Invalid typed array length");
    // 5. Let data be ? AllocateArrayBuffer(%ArrayBuffer%, byteLength).
    Value data = TRY(allocate_array_buffer(ctx, Value(), length * size));
    // 6-9. Set [[ViewedArrayBuffer]], [[ByteLength]], [[ByteOffset]] and [[ArrayLength]].
    ta->m_buffer = std::move(data);
    ta->m_byte_offset = 0;
    ta->m_array_length = static_cast<size_t>(length);
    ta->m_length_tracking = false;
    return {};
}

// 23.2.5.1.1 AllocateTypedArray ( constructorName, newTarget, defaultProto [ , length ] )
// (#sec-allocatetypedarray)
static Value allocate_typed_array(Context& ctx, TypedArrayType type, const Value& new_target, bool has_length,
                                  uint64_t length = 0) {
    // 1. Let proto be ? GetPrototypeFromConstructor(newTarget, defaultProto).
    Object* proto = TRY(get_prototype_from_constructor(ctx, new_target,
                                                       ctx.intrinsic(typed_array_prototype_intrinsic(type))));
    Value proto_hold = proto ? Value::adopt(Tag::Object, proto) : Value();
    // 2. Let obj be TypedArrayCreate(proto).
    auto* ta = Object::create_as<TypedArrayObject>(ctx, proto, ClassId::TypedArray);
    if (!ta) return Exception{};
    Value result = Value::adopt(Tag::Object, ta);
    // 3-7. Set [[TypedArrayName]] / [[ContentType]]; the element type fixes both.
    ta->m_type = type;
    // 8-9. If length is present, perform ? AllocateTypedArrayBuffer(obj, length).
    if (has_length) TRY(allocate_typed_array_buffer(ctx, ta, length));
    // 10. Return obj.
    return result;
}

// 23.2.5.1.2 InitializeTypedArrayFromTypedArray ( O, srcArray ) (#sec-initializetypedarrayfromtypedarray)
static Result<void> initialize_from_typed_array(Context& ctx, TypedArrayObject* ta, TypedArrayObject* src) {
    // 1-8. Let srcData be srcArray.[[ViewedArrayBuffer]], ..., srcRecord.
    // 9. If IsTypedArrayOutOfBounds(srcRecord) is true, throw a TypeError exception.
    if (is_typed_array_out_of_bounds(src))
        return ctx.throw_type_error("source TypedArray is detached or out of bounds");
    // 10. Let elementLength be TypedArrayLength(srcRecord).
    size_t element_length = typed_array_length(src);
    // 11. Let byteLength be elementSize × elementLength.
    size_t size = ta->element_size();
    size_t byte_length = element_length * size;
    Value data;
    if (ta->m_type == src->m_type) {
        // 12. If elementType is srcType, let data be ? CloneArrayBuffer(srcData, srcByteOffset, byteLength).
        data = TRY(clone_array_buffer(ctx, src->buffer(), src->m_byte_offset, byte_length));
    } else {
        // 13.a. Let data be ? AllocateArrayBuffer(%ArrayBuffer%, byteLength).
        data = TRY(allocate_array_buffer(ctx, Value(), byte_length));
        // b. If srcArray.[[ContentType]] is not O.[[ContentType]], throw a TypeError exception.
        if (src->is_bigint() != ta->is_bigint())
            return ctx.throw_type_error("cannot mix BigInt and Number typed arrays");
        // c-e. Convert each element.
        uint8_t* target = static_cast<ArrayBufferObject*>(data.as_object())->m_data;
        const uint8_t* source = src->data();
        size_t src_size = src->element_size();
        for (size_t k = 0; k < element_length; ++k) {
            Value value =
                TRY(raw_bytes_to_numeric(ctx, src->m_type, source + k * src_size, kHostLittleEndian));
            numeric_to_raw_bytes(ta->m_type, value, target + k * size, kHostLittleEndian);
        }
    }
    // 14-18. Set the slots.
    ta->m_buffer = std::move(data);
    ta->m_byte_offset = 0;
    ta->m_array_length = element_length;
    ta->m_length_tracking = false;
    return {};
}

// 23.2.5.1.3 InitializeTypedArrayFromArrayBuffer ( O, buffer, byteOffset, length )
// (#sec-initializetypedarrayfromarraybuffer)
static Result<void> initialize_from_array_buffer(Context& ctx, TypedArrayObject* ta,
                                                 const Value& buffer_value, const Value& byte_offset,
                                                 const Value& length) {
    auto* buffer = static_cast<ArrayBufferObject*>(buffer_value.as_object());
    // 1. Let elementSize be TypedArrayElementSize(O).
    size_t size = ta->element_size();
    // 2. Let offset be ? ToIndex(byteOffset).
    uint64_t offset = TRY(to_index(ctx, byte_offset));
    // 3. If offset modulo elementSize ≠ 0, throw a RangeError exception.
    if (offset % size != 0)
        return ctx.throw_range_error("start offset of a TypedArray must be a multiple of its element size");
    // 4. Let bufferIsFixedLength be IsFixedLengthArrayBuffer(buffer).
    bool buffer_is_fixed_length = is_fixed_length_array_buffer(buffer);
    // 5. If length is not undefined, let newLength be ? ToIndex(length).
    uint64_t new_length = 0;
    if (!length.is_undefined()) new_length = TRY(to_index(ctx, length));
    // 6. If IsDetachedBuffer(buffer) is true, throw a TypeError exception.
    if (is_detached_buffer(buffer)) return ctx.throw_type_error("ArrayBuffer is detached");
    // 7. Let bufferByteLength be ArrayBufferByteLength(buffer, seq-cst).
    uint64_t buffer_byte_length = buffer->m_byte_length;
    if (length.is_undefined() && !buffer_is_fixed_length) {
        // 8.a. If offset > bufferByteLength, throw a RangeError exception.
        if (offset > buffer_byte_length) return ctx.throw_range_error("start offset is outside the buffer");
        // b-c. Set O.[[ByteLength]] and O.[[ArrayLength]] to auto.
        ta->m_length_tracking = true;
        ta->m_array_length = 0;
    } else {
        uint64_t new_byte_length;
        if (length.is_undefined()) {
            // 9.a.i. If bufferByteLength modulo elementSize ≠ 0, throw a RangeError exception.
            if (buffer_byte_length % size != 0)
                return ctx.throw_range_error(
                    "byte length of a TypedArray must be a multiple of its element size");
            // ii-iii. Let newByteLength be bufferByteLength - offset; if negative, throw a RangeError.
            if (offset > buffer_byte_length)
                return ctx.throw_range_error("start offset is outside the buffer");
            new_byte_length = buffer_byte_length - offset;
        } else {
            // b.i-ii. Let newByteLength be newLength × elementSize; if offset + newByteLength >
            //         bufferByteLength, throw a RangeError exception.
            if (new_length > kMaxArrayBufferByteLength / size)
                return ctx.throw_range_error("Invalid typed array length");
            new_byte_length = new_length * size;
            if (offset + new_byte_length > buffer_byte_length)
                return ctx.throw_range_error("Invalid typed array length");
        }
        // c-d. Set O.[[ByteLength]] and O.[[ArrayLength]].
        ta->m_length_tracking = false;
        ta->m_array_length = static_cast<size_t>(new_byte_length / size);
    }
    // 10-11. Set O.[[ViewedArrayBuffer]] and O.[[ByteOffset]].
    ta->m_buffer = buffer_value;
    ta->m_byte_offset = static_cast<size_t>(offset);
    return {};
}

// 23.2.5.1.4 InitializeTypedArrayFromList ( O, values ) (#sec-initializetypedarrayfromlist)
static Result<void> initialize_from_list(Context& ctx, TypedArrayObject* ta, const Vector<Value>& values) {
    // 1-2. Let len be the number of elements in values; perform ? AllocateTypedArrayBuffer(O, len).
    TRY(allocate_typed_array_buffer(ctx, ta, values.size()));
    // 3-4. For each k, perform ? Set(O, Pk, kValue, true).
    for (size_t k = 0; k < values.size(); ++k)
        TRY(typed_array_set_element(ctx, ta, static_cast<double>(k), values[k]));
    return {};
}

// 23.2.5.1.5 InitializeTypedArrayFromArrayLike ( O, arrayLike ) (#sec-initializetypedarrayfromarraylike)
static Result<void> initialize_from_array_like(Context& ctx, TypedArrayObject* ta, Object* array_like) {
    // 1. Let len be ? LengthOfArrayLike(arrayLike).
    uint64_t len = TRY(length_of_array_like(ctx, array_like));
    // 2. Perform ? AllocateTypedArrayBuffer(O, len).
    TRY(allocate_typed_array_buffer(ctx, ta, len));
    // 3-4. For each k: let kValue be ? Get(arrayLike, Pk); perform ? Set(O, Pk, kValue, true).
    for (uint64_t k = 0; k < len; ++k) {
        Value k_value = TRY(get_index(ctx, array_like, k));
        TRY(typed_array_set_element(ctx, ta, static_cast<double>(k), k_value));
    }
    return {};
}

// 23.2.5.1 TypedArray ( ...args ) (#sec-typedarray); the magic is the TypedArrayType.
static Value typed_array_concrete_constructor(Context& ctx, const CallArgs& args) {
    auto type = static_cast<TypedArrayType>(args.magic);
    // 1. If NewTarget is undefined, throw a TypeError exception.
    if (!args.is_construct())
        return ctx.throw_type_error("Constructor %s requires 'new'", typed_array_name(type));
    // 2-4. constructorName, proto and numberOfArgs.
    // 5. If numberOfArgs = 0, return ? AllocateTypedArray(constructorName, NewTarget, proto, 0).
    if (args.count() == 0) return allocate_typed_array(ctx, type, args.new_target, true, 0);
    // 6.a. Let firstArgument be args[0].
    const Value& first_argument = args.arg(0);
    if (first_argument.is_object()) {
        // b.i. Let O be ? AllocateTypedArray(constructorName, NewTarget, proto).
        Value o = TRY(allocate_typed_array(ctx, type, args.new_target, false));
        auto* ta = static_cast<TypedArrayObject*>(o.as_object());
        Object* first = first_argument.as_object();
        if (is_typed_array(first)) {
            // ii. Perform ? InitializeTypedArrayFromTypedArray(O, firstArgument).
            TRY(initialize_from_typed_array(ctx, ta, static_cast<TypedArrayObject*>(first)));
        } else if (is_array_buffer_object(first)) {
            // iii. Perform ? InitializeTypedArrayFromArrayBuffer(O, firstArgument, byteOffset, length).
            TRY(initialize_from_array_buffer(ctx, ta, first_argument, args.arg(1), args.arg(2)));
        } else {
            // Fast path: iterating a pristine dense Array yields its elements.
            Vector<Value> values;
            if (pristine_array_values(ctx, first_argument, &values)) {
                TRY(initialize_from_list(ctx, ta, values));
                return o;
            }
            // iv.1. Let usingIterator be ? GetMethod(firstArgument, %Symbol.iterator%).
            Value using_iterator = TRY(get_method(ctx, first_argument, atoms::sym_iterator));
            if (!using_iterator.is_undefined()) {
                // 2. Let values be ? IteratorToList(? GetIteratorFromMethod(firstArgument, usingIterator)).
                values = TRY(iterable_to_list(ctx, first_argument, using_iterator));
                // 3. Perform ? InitializeTypedArrayFromList(O, values).
                TRY(initialize_from_list(ctx, ta, values));
            } else {
                // 4. Perform ? InitializeTypedArrayFromArrayLike(O, firstArgument).
                TRY(initialize_from_array_like(ctx, ta, first));
            }
        }
        // v. Return O.
        return o;
    }
    // c.i-ii. Let elementLength be ? ToIndex(firstArgument).
    uint64_t element_length = TRY(to_index(ctx, first_argument));
    // iii. Return ? AllocateTypedArray(constructorName, NewTarget, proto, elementLength).
    return allocate_typed_array(ctx, type, args.new_target, true, element_length);
}

// ---- 23.2.1 / 23.2.2 %TypedArray% ----

// 23.2.1.1 %TypedArray% ( ) (#sec-%typedarray%)
static Value typed_array_abstract_constructor(Context& ctx, const CallArgs&) {
    // 1. Throw a TypeError exception.
    return ctx.throw_type_error("Abstract class TypedArray not directly constructable");
}

// 23.2.2.1 %TypedArray%.from ( source [ , mapper [ , thisArg ] ] ) (#sec-%typedarray%.from)
static Value typed_array_from(Context& ctx, const CallArgs& args) {
    // 1. Let C be the this value.
    const Value& c = args.this_value;
    // 2. If IsConstructor(C) is false, throw a TypeError exception.
    if (!is_constructor(c)) return ctx.throw_type_error("TypedArray.from: this is not a constructor");
    // 3-4. If mapper is undefined, let mapping be false; else it must be callable.
    const Value& mapper = args.arg(1);
    const Value& this_arg = args.arg(2);
    bool mapping = !mapper.is_undefined();
    if (mapping && !is_callable(mapper))
        return ctx.throw_type_error("TypedArray.from: mapper is not a function");
    const Value& source = args.arg(0);
    // The element values come from the iterator (6) or from the array-like (7-8).
    Vector<Value> values;
    Value array_like;
    uint64_t len;
    // Fast path: iterating a pristine dense Array yields its elements.
    bool pristine = pristine_array_values(ctx, source, &values);
    // 5. Let usingIterator be ? GetMethod(source, %Symbol.iterator%).
    Value using_iterator = pristine ? Value() : TRY(get_method(ctx, source, atoms::sym_iterator));
    if (pristine) {
        len = values.size();
    } else if (!using_iterator.is_undefined()) {
        // 6.a. Let values be ? IteratorToList(? GetIteratorFromMethod(source, usingIterator)).
        values = TRY(iterable_to_list(ctx, source, using_iterator));
        // b. Let len be the number of elements in values.
        len = values.size();
    } else {
        // 7. NOTE: source is not an iterable, so assume it is already an array-like object.
        // 8. Let arrayLike be ! ToObject(source).
        array_like = TRY(to_object(ctx, source));
        // 9. Let len be ? LengthOfArrayLike(arrayLike).
        len = TRY(length_of_array_like(ctx, array_like.as_object()));
    }
    // 6.c / 10. Let targetObj be ? TypedArrayCreateFromConstructor(C, « F(len) »).
    Value len_value = Value::number(static_cast<double>(len));
    Value target = TRY(typed_array_create_from_constructor(ctx, c, std::span<const Value>(&len_value, 1),
                                                           TypedArrayAccess::Write));
    Object* target_obj = target.as_object();
    // 6.d-e / 11-12. For each k < len:
    for (uint64_t k = 0; k < len; ++k) {
        // Let kValue be the first element of values / ? Get(arrayLike, Pk).
        Value k_value =
            array_like.is_undefined() ? values[k] : TRY(get_index(ctx, array_like.as_object(), k));
        // If mapping is true, let mappedValue be ? Call(mapper, thisArg, « kValue, F(k) »).
        if (mapping) {
            Value call_args[2] = {std::move(k_value), Value::number(static_cast<double>(k))};
            k_value = TRY(call(ctx, mapper, this_arg, call_args));
        }
        // Perform ? Set(targetObj, Pk, mappedValue, true).
        TRY(set_index_or_throw(ctx, target_obj, k, k_value));
    }
    // 13. Return targetObj.
    return target;
}

// 23.2.2.2 %TypedArray%.of ( ...items ) (#sec-%typedarray%.of)
static Value typed_array_of(Context& ctx, const CallArgs& args) {
    // 1-2. Let len be the number of elements in items; let C be the this value.
    size_t len = args.count();
    const Value& c = args.this_value;
    // 3. If IsConstructor(C) is false, throw a TypeError exception.
    if (!is_constructor(c)) return ctx.throw_type_error("TypedArray.of: this is not a constructor");
    // 4. Let newObj be ? TypedArrayCreateFromConstructor(C, « F(len) »).
    Value len_value = Value::number(static_cast<double>(len));
    Value new_obj = TRY(typed_array_create_from_constructor(ctx, c, std::span<const Value>(&len_value, 1),
                                                            TypedArrayAccess::Write));
    // 5-6. For each k, perform ? Set(newObj, Pk, kValue, true).
    for (size_t k = 0; k < len; ++k)
        TRY(set_index_or_throw(ctx, new_obj.as_object(), k, args.args[k]));
    // 7. Return newObj.
    return new_obj;
}

// 23.2.2.4 get %TypedArray% [ %Symbol.species% ] (#sec-get-%typedarray%-%symbol.species%)
static Value typed_array_get_species(Context&, const CallArgs& args) {
    // 1. Return the this value.
    return args.this_value;
}

static const FunctionListEntry kTypedArrayConstructor[] = {
    QJS_FUNC("from", 1, typed_array_from),
    QJS_FUNC("of", 0, typed_array_of),
    QJS_GETTER("[Symbol.species]", typed_array_get_species),
};

// 23.2.6 / 23.2.7: a concrete constructor and its prototype.
static bool install_concrete_typed_array(Context& ctx, TypedArrayType type, Object* abstract_ctor,
                                         Object* abstract_proto) {
    // 23.2.7: the prototype's [[Prototype]] is %TypedArray.prototype%.
    Object* proto = Object::create(ctx, abstract_proto, ClassId::Object);
    if (!proto) return false;
    ctx.set_intrinsic(typed_array_prototype_intrinsic(type), proto);
    proto->unref(); // the realm holds it
    // 23.2.6: the constructor's [[Prototype]] is %TypedArray%; its "length" is 3.
    Atom name = ctx.rt().intern_ascii(typed_array_name(type));
    if (!name) return false;
    Value ctor_value = new_native_function(ctx, typed_array_concrete_constructor, name, 3,
                                           static_cast<int16_t>(type), 0, true, abstract_ctor);
    if (ctor_value.is_exception()) return false;
    Object* ctor = ctor_value.as_object();
    ctx.set_intrinsic(typed_array_constructor_intrinsic(type), ctor);
    // 23.2.6.1 TypedArray.BYTES_PER_ELEMENT, 23.2.7.1 TypedArray.prototype.BYTES_PER_ELEMENT
    Atom bytes_per_element = ctx.rt().intern_ascii("BYTES_PER_ELEMENT");
    if (!bytes_per_element) return false;
    Value size = Value::int32(static_cast<int32_t>(element_size(type)));
    // 23.2.6.2 TypedArray.prototype; 23.2.7.2 TypedArray.prototype.constructor
    return define_fresh_property(ctx, ctor, atoms::prototype, Value::object(proto), 0) &&
           define_fresh_property(ctx, ctor, bytes_per_element, size, 0) &&
           define_fresh_property(ctx, proto, atoms::constructor, ctor_value,
                                 prop::Writable | prop::Configurable) &&
           define_fresh_property(ctx, proto, bytes_per_element, size, 0) &&
           !put_own_data(ctx, ctx.global_object(), name, ctor_value, prop::Writable | prop::Configurable)
                .is_exception();
}

// 23.2.1 The %TypedArray% Intrinsic Object (#sec-%typedarray%-intrinsic-object)
bool install_typedarray(Context& ctx) {
    register_typed_array_class();
    Object* proto = Object::create(ctx, ctx.intrinsic(Intrinsic::ObjectPrototype), ClassId::Object);
    if (!proto) return false;
    ctx.set_intrinsic(Intrinsic::TypedArrayPrototype, proto);
    proto->unref(); // the realm holds it
    // %TypedArray% is a constructor (for super calls) but not a global; "length" 0.
    Atom name = ctx.rt().intern_ascii("TypedArray");
    if (!name) return false;
    Value ctor_value = new_native_function(ctx, typed_array_abstract_constructor, name, 0, 0, 0, true);
    if (ctor_value.is_exception()) return false;
    Object* ctor = ctor_value.as_object();
    ctx.set_intrinsic(Intrinsic::TypedArray, ctor);
    if (!define_fresh_property(ctx, ctor, atoms::prototype, Value::object(proto), 0) ||
        !define_fresh_property(ctx, proto, atoms::constructor, ctor_value,
                               prop::Writable | prop::Configurable) ||
        !define_function_list(ctx, ctor, kTypedArrayConstructor) ||
        !install_typed_array_prototype(ctx, proto))
        return false;
    for (int i = 0; i < kTypedArrayTypeCount; ++i) {
        if (!install_concrete_typed_array(ctx, static_cast<TypedArrayType>(i), ctor, proto)) return false;
    }
    return true;
}

} // namespace qjs
