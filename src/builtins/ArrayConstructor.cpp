// ArrayConstructor.cpp: the Array constructor and its properties (spec 23.1.1, 23.1.2), and the
// Array exotic object abstract operations ArrayCreate/ArraySpeciesCreate (10.4.2).
#include "builtins/Array.h"
#include "builtins/Builtins.h"
#include "runtime/Call.h"
#include "runtime/Context.h"
#include "runtime/Conversions.h"
#include "runtime/Iteration.h"
#include "runtime/NativeFunction.h"
#include "runtime/Object.h"

namespace qjs {

bool install_array_prototype(Context&, Object* proto); // ArrayPrototype.cpp
bool install_array_iterator_prototype(Context&);       // ArrayIteratorPrototype.cpp

// 10.4.2.2 ArrayCreate ( length [ , proto ] ) (#sec-arraycreate)
Value array_create(Context& ctx, uint64_t length, Object* proto) {
    // 1. If length > 2^32 - 1, throw a RangeError exception.
    if (length > kMaxArrayLength) return ctx.throw_range_error("invalid array length");
    // 2-6. A new Array exotic object with [[Prototype]] proto and "length" length.
    Value array = TRY(new_array(ctx, static_cast<uint32_t>(length)));
    if (proto && proto != ctx.intrinsic(Intrinsic::ArrayPrototype))
        MUST(set_prototype_of(ctx, array.as_object(), proto));
    return array;
}

// Finds the realm of a native function (the only kind %Array% can be); null for others.
static Context* native_function_realm(Object* fn) {
    if (fn->class_id() != ClassId::NativeFunction) return nullptr;
    return static_cast<NativeFunctionObject*>(fn)->m_realm;
}

// 10.4.2.3 ArraySpeciesCreate ( originalArray, length ) (#sec-arrayspeciescreate)
Value array_species_create(Context& ctx, Object* original, uint64_t length) {
    // 1. Let isArray be ? IsArray(originalArray).
    Value original_value = Value::object(original);
    bool original_is_array = TRY(is_array(ctx, original_value));
    // 2. If isArray is false, return ? ArrayCreate(length).
    if (!original_is_array) return array_create(ctx, length);
    // 3. Let C be ? Get(originalArray, "constructor").
    Value c = TRY(get(ctx, original, atoms::constructor));
    // 4. If IsConstructor(C) is true, then
    if (is_constructor(c)) {
        // a-c. If thisRealm and realmC are not the same Realm Record and SameValue(C,
        //      realmC.[[Intrinsics]].[[%Array%]]) is true, set C to undefined.
        //      (Only a native function can be some realm's %Array%.)
        Context* realm_c = native_function_realm(c.as_object());
        if (realm_c && realm_c != &ctx && realm_c->intrinsic(Intrinsic::Array) == c.as_object()) c = Value();
    }
    // 5. If C is an Object, then
    if (c.is_object()) {
        // a. Set C to ? Get(C, %Symbol.species%).
        c = TRY(get(ctx, c.as_object(), atoms::sym_species));
        // b. If C is null, set C to undefined.
        if (c.is_null()) c = Value();
    }
    // 6. If C is undefined, return ? ArrayCreate(length).
    if (c.is_undefined()) return array_create(ctx, length);
    // 7. If IsConstructor(C) is false, throw a TypeError exception.
    if (!is_constructor(c)) return ctx.throw_type_error("species is not a constructor");
    // 8. Return ? Construct(C, « F(length) »).
    Value len = index_value(length);
    return construct(ctx, c, std::span<const Value>(&len, 1));
}

bool proto_chain_has_no_indexed_properties(Object* o) {
    for (Object* p = o->prototype(); p; p = p->prototype()) {
        if (p->is_exotic() || p->m_element_count != 0 || p->m_array_length != 0) return false;
        if (p->shape()->has_index_keys()) return false;
    }
    return true;
}

// 23.1.1.1 Array ( ...values ) (#sec-array)
static Value array_constructor(Context& ctx, const CallArgs& args) {
    // 1. If NewTarget is undefined, let newTarget be the active function object; else let newTarget be
    // NewTarget.
    Value new_target = args.is_construct() ? args.new_target : Value::object(args.callee);
    // 2. Let proto be ? GetPrototypeFromConstructor(newTarget, "%Array.prototype%").
    Object* proto_raw =
        TRY(get_prototype_from_constructor(ctx, new_target, ctx.intrinsic(Intrinsic::ArrayPrototype)));
    Value proto = Value::adopt(Tag::Object, proto_raw);
    // 3. Let numberOfArgs be the number of elements in values.
    size_t number_of_args = args.count();
    // 4. If numberOfArgs = 0, then return ! ArrayCreate(0, proto).
    if (number_of_args == 0) return array_create(ctx, 0, proto.as_object());
    // 5. Else if numberOfArgs = 1, then
    if (number_of_args == 1) {
        // a. Let len be values[0].
        const Value& len = args.arg(0);
        // b. Let array be ! ArrayCreate(0, proto).
        Value array = TRY(array_create(ctx, 0, proto.as_object()));
        uint32_t int_len;
        // c. If len is not a Number, then
        if (!len.is_number()) {
            // i. Perform ! CreateDataPropertyOrThrow(array, "0", len).
            TRY(create_data_property_index(ctx, array.as_object(), 0, len));
            // ii. Let intLen be 1F.
            int_len = 1;
        } else {
            // d.i. Let intLen be ! ToUint32(len).
            int_len = MUST(to_uint32(ctx, len));
            // d.ii. If SameValueZero(intLen, len) is false, throw a RangeError exception.
            if (static_cast<double>(int_len) != len.as_number())
                return ctx.throw_range_error("invalid array length");
        }
        // e. Perform ! Set(array, "length", intLen, true).
        TRY(set_length_or_throw(ctx, array.as_object(), int_len));
        // f. Return array.
        return array;
    }
    // 6.a-b. Let array be ? ArrayCreate(numberOfArgs, proto).
    Value array = TRY(array_create(ctx, 0, proto.as_object()));
    // Fast path: a fresh array gets its elements appended in order (CreateDataProperty of the
    // next index on an extensible array with writable length is exactly an append).
    Object* a = array.as_object();
    if (a->is_fast_array()) {
        for (size_t k = 0; k < number_of_args; k++) {
            if (!array_push_fast(ctx, a, args.args[k])) return Exception{};
        }
        return array;
    }
    // d. Repeat, while k < numberOfArgs: Perform ! CreateDataPropertyOrThrow(array, Pk, itemK).
    for (size_t k = 0; k < number_of_args; k++)
        TRY(create_data_property_index(ctx, a, k, args.args[k]));
    TRY(set_length_or_throw(ctx, a, number_of_args));
    // f. Return array.
    return array;
}

// 23.1.2.1 Array.from ( items [ , mapper [ , thisArg ] ] ) (#sec-array.from)
static Value array_from(Context& ctx, const CallArgs& args) {
    const Value& items = args.arg(0);
    const Value& mapper = args.arg(1);
    const Value& this_arg = args.arg(2);
    // 1. Let C be the this value.
    const Value& c = args.this_value;
    // 2-3. If mapper is undefined, let mapping be false; else if IsCallable(mapper) is false,
    //      throw a TypeError exception; else let mapping be true.
    bool mapping = !mapper.is_undefined();
    if (mapping && !is_callable(mapper)) return ctx.throw_type_error("Array.from: mapper is not a function");
    // 4. Let usingIterator be ? GetMethod(items, %Symbol.iterator%).
    Value using_iterator = TRY(get_method(ctx, items, atoms::sym_iterator));
    // 5. If usingIterator is not undefined, then
    if (!using_iterator.is_undefined()) {
        // a-b. If IsConstructor(C) is true, let A be ? Construct(C); else let A be ! ArrayCreate(0).
        Value a = is_constructor(c) ? TRY(construct(ctx, c, {})) : TRY(array_create(ctx, 0));
        if (!a.is_object()) return ctx.throw_type_error("Array.from: constructor returned a non-object");
        // c. Let iteratorRecord be ? GetIteratorFromMethod(items, usingIterator).
        IteratorRecord record = TRY(get_iterator_from_method(ctx, items, using_iterator));
        // d. Let k be 0.
        uint64_t k = 0;
        // e. Repeat,
        for (;;) {
            // i. If k >= 2^53 - 1, then throw a TypeError and close the iterator.
            if (k >= kMaxSafeIntegerU) {
                ctx.throw_type_error("Array.from: too many elements");
                return iterator_close_with_throw(ctx, record);
            }
            // iii. Let next be ? IteratorStepValue(iteratorRecord).
            Value next;
            bool has_next = TRY(iterator_step_value(ctx, record, &next));
            // iv. If next is DONE, then
            if (!has_next) {
                // 1. Perform ? Set(A, "length", F(k), true).
                TRY(set_length_or_throw(ctx, a.as_object(), k));
                // 2. Return A.
                return a;
            }
            // v. If mapping is true, then
            Value mapped_value;
            if (mapping) {
                // 1. Let mappedValue be Completion(Call(mapper, thisArg, « next, F(k) »)).
                Value call_args[2] = {next, index_value(k)};
                mapped_value = call(ctx, mapper, this_arg, call_args);
                // 2. IfAbruptCloseIterator(mappedValue, iteratorRecord).
                if (mapped_value.is_exception()) return iterator_close_with_throw(ctx, record);
            } else {
                // vi. Else, let mappedValue be next.
                mapped_value = std::move(next);
            }
            // vii. Let defineStatus be Completion(CreateDataPropertyOrThrow(A, Pk, mappedValue)).
            Result<void> define_status = create_data_property_index(ctx, a.as_object(), k, mapped_value);
            // viii. IfAbruptCloseIterator(defineStatus, iteratorRecord).
            if (define_status.is_exception()) return iterator_close_with_throw(ctx, record);
            // ix. Set k to k + 1.
            k++;
        }
    }
    // 6. NOTE: items is not an Iterable so assume it is an array-like object.
    // 7. Let arrayLike be ! ToObject(items).
    Value array_like = TRY(to_object(ctx, items));
    Object* source = array_like.as_object();
    // 8. Let len be ? LengthOfArrayLike(arrayLike).
    uint64_t len = TRY(length_of_array_like(ctx, source));
    // 9-10. If IsConstructor(C) is true, let A be ? Construct(C, « F(len) »); else let A be ?
    // ArrayCreate(len).
    Value a;
    if (is_constructor(c)) {
        Value len_value = index_value(len);
        a = TRY(construct(ctx, c, std::span<const Value>(&len_value, 1)));
        if (!a.is_object()) return ctx.throw_type_error("Array.from: constructor returned a non-object");
    } else {
        a = TRY(array_create(ctx, len));
    }
    // 11-12. Repeat, while k < len,
    for (uint64_t k = 0; k < len; k++) {
        // b. Let kValue be ? Get(arrayLike, Pk).
        Value k_value = TRY(get_index_fast(ctx, source, k));
        // c-d. If mapping is true, let mappedValue be ? Call(mapper, thisArg, « kValue, F(k) »).
        if (mapping) {
            Value call_args[2] = {std::move(k_value), index_value(k)};
            k_value = TRY(call(ctx, mapper, this_arg, call_args));
        }
        // e. Perform ? CreateDataPropertyOrThrow(A, Pk, mappedValue).
        TRY(create_data_property_index(ctx, a.as_object(), k, k_value));
    }
    // 13. Perform ? Set(A, "length", F(len), true).
    TRY(set_length_or_throw(ctx, a.as_object(), len));
    // 14. Return A.
    return a;
}

// 23.1.2.2 Array.isArray ( arg ) (#sec-array.isarray)
static Value array_is_array(Context& ctx, const CallArgs& args) {
    // 1. Return ? IsArray(arg).
    bool result = TRY(is_array(ctx, args.arg(0)));
    return Value::boolean(result);
}

// 23.1.2.3 Array.of ( ...items ) (#sec-array.of)
static Value array_of(Context& ctx, const CallArgs& args) {
    // 1. Let len be the number of elements in items.
    uint64_t len = args.count();
    // 2. Let lenNumber be F(len).
    Value len_number = index_value(len);
    // 3. Let C be the this value.
    const Value& c = args.this_value;
    // 4-5. If IsConstructor(C) is true, let A be ? Construct(C, « lenNumber »); else let A be ?
    // ArrayCreate(len).
    Value a;
    if (is_constructor(c)) {
        a = TRY(construct(ctx, c, std::span<const Value>(&len_number, 1)));
        if (!a.is_object()) return ctx.throw_type_error("Array.of: constructor returned a non-object");
    } else {
        a = TRY(array_create(ctx, len));
    }
    // 6-7. Repeat, while k < len: Perform ? CreateDataPropertyOrThrow(A, Pk, items[k]).
    for (uint64_t k = 0; k < len; k++)
        TRY(create_data_property_index(ctx, a.as_object(), k, args.args[k]));
    // 8. Perform ? Set(A, "length", lenNumber, true).
    TRY(set_length_or_throw(ctx, a.as_object(), len));
    // 9. Return A.
    return a;
}

// 23.1.2.5 get Array [ %Symbol.species% ] (#sec-get-array-%symbol.species%)
static Value array_get_species(Context&, const CallArgs& args) {
    // 1. Return the this value.
    return args.this_value;
}

static const FunctionListEntry array_constructor_functions[] = {
    QJS_FUNC("from", 1, array_from),
    QJS_FUNC("isArray", 1, array_is_array),
    QJS_FUNC("of", 0, array_of),
    QJS_GETTER("[Symbol.species]", array_get_species),
};

bool install_array(Context& ctx) {
    // 23.1.3 Properties of the Array Prototype Object: an Array exotic object.
    Object* proto_raw = Object::create(ctx, ctx.intrinsic(Intrinsic::ObjectPrototype), ClassId::Array);
    if (!proto_raw) return false;
    Value proto = Value::adopt(Tag::Object, proto_raw);
    // Its "length" is { [[Value]]: +0, [[Writable]]: true, [[Enumerable]]: false, [[Configurable]]: false }.
    proto_raw->m_flags |= objflag::LengthWritable;
    ctx.set_intrinsic(Intrinsic::ArrayPrototype, proto_raw);

    Object* ctor = define_builtin_constructor(ctx, array_constructor, "Array", 1, proto_raw);
    if (!ctor) return false;
    ctx.set_intrinsic(Intrinsic::Array, ctor);
    if (!define_function_list(ctx, ctor, array_constructor_functions)) return false;

    if (!install_array_prototype(ctx, proto_raw)) return false;
    return install_array_iterator_prototype(ctx);
}

} // namespace qjs
