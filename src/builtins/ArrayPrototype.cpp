// ArrayPrototype.cpp: the Array prototype object's methods (spec 23.1.3), except searching
// (ArrayPrototypeSearch.cpp) and sorting (ArrayPrototypeSort.cpp).
//
// Every method is generic over array-likes. Fast paths are taken only where they cannot be
// observed; per-element reads use get_index_fast/read_present_index, which short-cut a present
// fast element (an own writable data property: reading it runs no code) and otherwise do the
// spec's HasProperty/Get.
#include "builtins/Array.h"
#include "builtins/ArrayIterator.h"
#include "runtime/Call.h"
#include "runtime/Context.h"
#include "runtime/Conversions.h"
#include "runtime/InterruptPoll.h"
#include "runtime/NativeFunction.h"
#include "runtime/Object.h"
#include "runtime/String.h"

#include <cmath>

namespace qjs {

// Defined in ArrayPrototypeSearch.cpp / ArrayPrototypeSort.cpp.
Value array_proto_at(Context&, const CallArgs&);
Value array_proto_find(Context&, const CallArgs&);
Value array_proto_includes(Context&, const CallArgs&);
Value array_proto_index_of(Context&, const CallArgs&);
Value array_proto_last_index_of(Context&, const CallArgs&);
Value array_proto_sort(Context&, const CallArgs&);
Value array_proto_to_sorted(Context&, const CallArgs&);

// The steps every method starts with: "Let O be ? ToObject(this value)" and
// "Let len be ? LengthOfArrayLike(O)".
struct ArrayLikeThis {
    Value object;
    uint64_t length = 0;
    Object* o() const { return object.as_object(); }
};

static Result<ArrayLikeThis> this_array_like(Context& ctx, const CallArgs& args) {
    ArrayLikeThis result;
    result.object = TRY(to_object(ctx, args.this_value));
    result.length = TRY(length_of_array_like(ctx, result.object.as_object()));
    return result;
}

// ToIntegerOrInfinity of an argument followed by the usual clamp into [0, len].
static Result<uint64_t> relative_index_arg(Context& ctx, const Value& v, uint64_t len) {
    double relative = TRY(to_integer_or_infinity(ctx, v));
    return clamp_relative_index(relative, len);
}

// 23.1.3.2.1 IsConcatSpreadable ( O ) (#sec-isconcatspreadable)
static Result<bool> is_concat_spreadable(Context& ctx, const Value& v) {
    // 1. If O is not an Object, return false.
    if (!v.is_object()) return false;
    // 2. Let spreadable be ? Get(O, %Symbol.isConcatSpreadable%).
    Value spreadable = TRY(get(ctx, v.as_object(), atoms::sym_isConcatSpreadable));
    // 3. If spreadable is not undefined, return ToBoolean(spreadable).
    if (!spreadable.is_undefined()) return to_boolean(spreadable);
    // 4. Return ? IsArray(O).
    return is_array(ctx, v);
}

// 23.1.3.2 Array.prototype.concat ( ...items ) (#sec-array.prototype.concat)
static Value array_proto_concat(Context& ctx, const CallArgs& args) {
    // 1. Let O be ? ToObject(this value).
    Value o = TRY(to_object(ctx, args.this_value));
    // 2. Let A be ? ArraySpeciesCreate(O, 0).
    Value a = TRY(array_species_create(ctx, o.as_object(), 0));
    // 3. Let n be 0.
    uint64_t n = 0;
    // 4-5. Prepend O to items; for each element E of items,
    for (size_t i = 0; i <= args.count(); i++) {
        const Value& e = i == 0 ? o : args.args[i - 1];
        // a. Let spreadable be ? IsConcatSpreadable(E).
        bool spreadable = TRY(is_concat_spreadable(ctx, e));
        // b. If spreadable is true, then
        if (spreadable) {
            Object* eo = e.as_object();
            // i. Let len be ? LengthOfArrayLike(E).
            uint64_t len = TRY(length_of_array_like(ctx, eo));
            // ii. If n + len > 2^53 - 1, throw a TypeError exception.
            if (n + len > kMaxSafeIntegerU) return ctx.throw_type_error("concat: result is too long");
            // iii-iv. Repeat, while k < len,
            for (uint64_t k = 0; k < len; k++, n++) {
                // 2. Let exists be ? HasProperty(E, P). 3.a. Let subElement be ? Get(E, P).
                Value sub_element;
                bool exists = TRY(read_present_index(ctx, eo, k, &sub_element));
                // 3.b. Perform ? CreateDataPropertyOrThrow(A, ! ToString(F(n)), subElement).
                if (exists) TRY(create_data_property_index(ctx, a.as_object(), n, sub_element));
            }
        } else {
            // c.i. NOTE: E is added as a single item rather than spread.
            // ii. If n >= 2^53 - 1, throw a TypeError exception.
            if (n >= kMaxSafeIntegerU) return ctx.throw_type_error("concat: result is too long");
            // iii. Perform ? CreateDataPropertyOrThrow(A, ! ToString(F(n)), E).
            TRY(create_data_property_index(ctx, a.as_object(), n, e));
            // iv. Set n to n + 1.
            n++;
        }
    }
    // 6. Perform ? Set(A, "length", F(n), true).
    TRY(set_length_or_throw(ctx, a.as_object(), n));
    // 7. Return A.
    return a;
}

// 23.1.3.4 Array.prototype.copyWithin ( target, start [ , end ] ) (#sec-array.prototype.copywithin)
static Value array_proto_copy_within(Context& ctx, const CallArgs& args) {
    // 1-2. Let O be ? ToObject(this value). Let len be ? LengthOfArrayLike(O).
    ArrayLikeThis self = TRY(this_array_like(ctx, args));
    Object* o = self.o();
    uint64_t len = self.length;
    // 3-5. Let relativeTarget be ? ToIntegerOrInfinity(target); clamp into to.
    uint64_t to = TRY(relative_index_arg(ctx, args.arg(0), len));
    // 6-8. Let relativeStart be ? ToIntegerOrInfinity(start); clamp into from.
    uint64_t from = TRY(relative_index_arg(ctx, args.arg(1), len));
    // 9-11. If end is undefined, let relativeEnd be len; else ? ToIntegerOrInfinity(end); clamp into final.
    uint64_t final_index = args.arg(2).is_undefined() ? len : TRY(relative_index_arg(ctx, args.arg(2), len));
    // 12. Let count be min(final - from, len - to).
    if (final_index <= from || to >= len) return self.object;
    uint64_t count = std::min(final_index - from, len - to);
    // 13-14. If from < to and to < from + count, copy backwards.
    int64_t direction = 1;
    if (from < to && to < from + count) {
        direction = -1;
        from = from + count - 1;
        to = to + count - 1;
    }
    // 15. Repeat, while count > 0,
    while (count > 0) {
        // a-c. Let fromPresent be ? HasProperty(O, fromKey).
        Value from_value;
        bool from_present = TRY(read_present_index(ctx, o, from, &from_value));
        if (from_present) {
            // d.ii. Perform ? Set(O, toKey, fromValue, true).
            TRY(set_index_or_throw(ctx, o, to, from_value));
        } else {
            // e.ii. Perform ? DeletePropertyOrThrow(O, toKey).
            TRY(delete_index_or_throw(ctx, o, to));
        }
        // f-h. Move on.
        from += direction;
        to += direction;
        count--;
    }
    // 16. Return O.
    return self.object;
}

// 23.1.3.5 Array.prototype.entries ( ), 23.1.3.19 keys ( ), 23.1.3.38 values ( )
static Value array_proto_iterator(Context& ctx, const CallArgs& args) {
    // 1. Let O be ? ToObject(this value).
    Value o = TRY(to_object(ctx, args.this_value));
    // 2. Return CreateArrayIterator(O, kind).
    return create_array_iterator(ctx, o.as_object(), static_cast<ArrayIterationKind>(args.magic));
}

// The per-element callback loop of every, some, forEach, map and filter (23.1.3.6, .28, .15,
// .21, .8). magic says which.
enum IterateMagic : int16_t { IterEvery, IterSome, IterForEach, IterMap, IterFilter };

static Value array_proto_iterate(Context& ctx, const CallArgs& args) {
    // 1-2. Let O be ? ToObject(this value). Let len be ? LengthOfArrayLike(O).
    ArrayLikeThis self = TRY(this_array_like(ctx, args));
    Object* o = self.o();
    uint64_t len = self.length;
    const Value& callback = args.arg(0);
    const Value& this_arg = args.arg(1);
    // 3. If IsCallable(callbackfn) is false, throw a TypeError exception.
    if (!is_callable(callback)) return ctx.throw_type_error("callback is not a function");
    // map: 3. Let A be ? ArraySpeciesCreate(O, len). filter: 3. Let A be ? ArraySpeciesCreate(O, 0).
    Value a;
    if (args.magic == IterMap) a = TRY(array_species_create(ctx, o, len));
    if (args.magic == IterFilter) a = TRY(array_species_create(ctx, o, 0));
    uint64_t to = 0; // filter's next index
    // 4-5. Let k be 0. Repeat, while k < len,
    for (uint64_t k = 0; k < len; k++) {
        // b. Let kPresent be ? HasProperty(O, Pk). c.i. Let kValue be ? Get(O, Pk).
        Value k_value;
        bool k_present = TRY(read_present_index(ctx, o, k, &k_value));
        if (!k_present) continue;
        // c.ii. Call(callbackfn, thisArg, « kValue, F(k), O »).
        Value call_args[3] = {k_value, index_value(k), self.object};
        Value result = TRY(call(ctx, callback, this_arg, call_args));
        switch (args.magic) {
        case IterEvery:
            // every: iii. If testResult is false, return false.
            if (!to_boolean(result)) return Value::boolean(false);
            break;
        case IterSome:
            // some: iii. If testResult is true, return true.
            if (to_boolean(result)) return Value::boolean(true);
            break;
        case IterMap:
            // map: iii. Perform ? CreateDataPropertyOrThrow(A, Pk, mappedValue).
            TRY(create_data_property_index(ctx, a.as_object(), k, result));
            break;
        case IterFilter:
            // filter: iii. If selected is true, CreateDataPropertyOrThrow(A, ! ToString(F(to)), kValue);
            // to++.
            if (to_boolean(result)) {
                TRY(create_data_property_index(ctx, a.as_object(), to, k_value));
                to++;
            }
            break;
        default: break;
        }
    }
    switch (args.magic) {
    case IterEvery: return Value::boolean(true); // every: 6. Return true.
    case IterSome: return Value::boolean(false); // some: 6. Return false.
    case IterMap:
    case IterFilter: return a; // 6. Return A.
    default: return Value();   // forEach: 6. Return undefined.
    }
}

// 23.1.3.7 Array.prototype.fill ( value [ , start [ , end ] ] ) (#sec-array.prototype.fill)
static Value array_proto_fill(Context& ctx, const CallArgs& args) {
    // 1-2. Let O be ? ToObject(this value). Let len be ? LengthOfArrayLike(O).
    ArrayLikeThis self = TRY(this_array_like(ctx, args));
    uint64_t len = self.length;
    // 3-5. Let relativeStart be ? ToIntegerOrInfinity(start); clamp into k.
    uint64_t k = TRY(relative_index_arg(ctx, args.arg(1), len));
    // 6-8. If end is undefined, let relativeEnd be len; else ? ToIntegerOrInfinity(end); clamp into final.
    uint64_t final_index = args.arg(2).is_undefined() ? len : TRY(relative_index_arg(ctx, args.arg(2), len));
    // 9. Repeat, while k < final: Perform ? Set(O, Pk, value, true).
    for (; k < final_index; k++)
        TRY(set_index_or_throw(ctx, self.o(), k, args.arg(0)));
    // 10. Return O.
    return self.object;
}

// 23.1.3.13.1 FlattenIntoArray ( target, source, sourceLen, start, depth [ , mapperFunction [ , thisArg ] ] )
// (#sec-flattenintoarray)
static Result<uint64_t> flatten_into_array(Context& ctx, Object* target, const Value& source,
                                           uint64_t source_len, uint64_t start, double depth,
                                           const Value* mapper = nullptr, const Value* this_arg = nullptr) {
    if (ctx.check_stack_overflow()) return Exception{};
    Object* src = source.as_object();
    // 2. Let targetIndex be start.
    uint64_t target_index = start;
    // 3-4. Let sourceIndex be +0. Repeat, while sourceIndex < sourceLen,
    for (uint64_t source_index = 0; source_index < source_len; source_index++) {
        // b. Let exists be ? HasProperty(source, P). c.i. Let element be ? Get(source, P).
        Value element;
        bool exists = TRY(read_present_index(ctx, src, source_index, &element));
        if (!exists) continue;
        // c.ii. If mapperFunction is present, set element to ? Call(mapperFunction, thisArg, « element,
        // sourceIndex, source »).
        if (mapper) {
            Value call_args[3] = {std::move(element), index_value(source_index), source};
            element = TRY(call(ctx, *mapper, *this_arg, call_args));
        }
        // c.iii-iv. If depth > 0, let shouldFlatten be ? IsArray(element).
        bool should_flatten = false;
        if (depth > 0) should_flatten = TRY(is_array(ctx, element));
        if (should_flatten) {
            // v.1-2. Let newDepth be depth - 1 (+inf stays +inf).
            double new_depth = std::isinf(depth) ? depth : depth - 1;
            // 3. Let elementLen be ? LengthOfArrayLike(element).
            uint64_t element_len = TRY(length_of_array_like(ctx, element.as_object()));
            // 4. Set targetIndex to ? FlattenIntoArray(target, element, elementLen, targetIndex, newDepth).
            target_index =
                TRY(flatten_into_array(ctx, target, element, element_len, target_index, new_depth));
        } else {
            // vi.1. If targetIndex >= 2^53 - 1, throw a TypeError exception.
            if (target_index >= kMaxSafeIntegerU) return ctx.throw_type_error("flat: result is too long");
            // 2. Perform ? CreateDataPropertyOrThrow(target, ! ToString(F(targetIndex)), element).
            TRY(create_data_property_index(ctx, target, target_index, element));
            // 3. Set targetIndex to targetIndex + 1.
            target_index++;
        }
    }
    // 5. Return targetIndex.
    return target_index;
}

// 23.1.3.13 Array.prototype.flat ( [ depth ] ) (#sec-array.prototype.flat)
static Value array_proto_flat(Context& ctx, const CallArgs& args) {
    // 1-2. Let O be ? ToObject(this value). Let sourceLen be ? LengthOfArrayLike(O).
    ArrayLikeThis self = TRY(this_array_like(ctx, args));
    // 3. Let depthNum be 1.
    double depth_num = 1;
    // 4. If depth is not undefined, then
    if (!args.arg(0).is_undefined()) {
        // a. Set depthNum to ? ToIntegerOrInfinity(depth).
        depth_num = TRY(to_integer_or_infinity(ctx, args.arg(0)));
        // b. If depthNum < 0, set depthNum to 0.
        if (depth_num < 0) depth_num = 0;
    }
    // 5. Let A be ? ArraySpeciesCreate(O, 0).
    Value a = TRY(array_species_create(ctx, self.o(), 0));
    // 6. Perform ? FlattenIntoArray(A, O, sourceLen, 0, depthNum).
    TRY(flatten_into_array(ctx, a.as_object(), self.object, self.length, 0, depth_num));
    // 7. Return A.
    return a;
}

// 23.1.3.14 Array.prototype.flatMap ( mapperFunction [ , thisArg ] ) (#sec-array.prototype.flatmap)
static Value array_proto_flat_map(Context& ctx, const CallArgs& args) {
    // 1-2. Let O be ? ToObject(this value). Let sourceLen be ? LengthOfArrayLike(O).
    ArrayLikeThis self = TRY(this_array_like(ctx, args));
    // 3. If IsCallable(mapperFunction) is false, throw a TypeError exception.
    if (!is_callable(args.arg(0))) return ctx.throw_type_error("flatMap: mapper is not a function");
    // 4. Let A be ? ArraySpeciesCreate(O, 0).
    Value a = TRY(array_species_create(ctx, self.o(), 0));
    // 5. Perform ? FlattenIntoArray(A, O, sourceLen, 0, 1, mapperFunction, thisArg).
    TRY(flatten_into_array(ctx, a.as_object(), self.object, self.length, 0, 1, &args.arg(0), &args.arg(1)));
    // 6. Return A.
    return a;
}

// 23.1.3.18 Array.prototype.join ( separator ) (#sec-array.prototype.join)
static Value array_proto_join(Context& ctx, const CallArgs& args) {
    // Cyclic arrays recurse through toString/join; bound the native stack.
    if (ctx.check_stack_overflow()) return Exception{};
    // 1-2. Let O be ? ToObject(this value). Let len be ? LengthOfArrayLike(O).
    ArrayLikeThis self = TRY(this_array_like(ctx, args));
    // 3-4. If separator is undefined, let sep be ","; else let sep be ? ToString(separator).
    Value sep;
    if (args.arg(0).is_undefined())
        sep = TRY(ctx.new_string(","));
    else
        sep = TRY(to_string(ctx, args.arg(0)));
    // 5. Let R be the empty String.
    StringBuilder r(ctx.rt());
    InterruptPoll poll(ctx); // `new Array(2 ** 32 - 1).join('')` runs no JS code for a long time
    // 6-7. Repeat, while k < len,
    for (uint64_t k = 0; k < self.length; k++) {
        if (poll.step()) return Exception{};
        // a. If k > 0, set R to the string-concatenation of R and sep.
        if (k > 0 && !r.append(sep.as_string())) return ctx.throw_out_of_memory();
        // b. Let element be ? Get(O, ! ToString(F(k))).
        Value element = TRY(get_index_fast(ctx, self.o(), k));
        // c-d. If element is neither undefined nor null, let next be ? ToString(element); append it.
        if (element.is_nullish()) continue;
        Value next = TRY(to_string(ctx, element));
        if (!r.append(next.as_string())) return ctx.throw_out_of_memory();
        if (r.length() > String::kMaxLength) return ctx.throw_range_error("invalid string length");
    }
    // 8. Return R.
    String* result = r.finish();
    if (!result) return ctx.throw_out_of_memory();
    return Value::adopt(Tag::String, result);
}

// 23.1.3.22 Array.prototype.pop ( ) (#sec-array.prototype.pop)
static Value array_proto_pop(Context& ctx, const CallArgs& args) {
    // 1-2. Let O be ? ToObject(this value). Let len be ? LengthOfArrayLike(O).
    ArrayLikeThis self = TRY(this_array_like(ctx, args));
    Object* o = self.o();
    uint64_t len = self.length;
    // 3. If len = 0, then
    if (len == 0) {
        // a. Perform ? Set(O, "length", +0, true).
        TRY(set_length_or_throw(ctx, o, 0));
        // b. Return undefined.
        return Value();
    }
    // 4.a. Let newLen be F(len - 1).
    uint64_t new_len = len - 1;
    // Fast path: the last element of a dense fast array is an own configurable data property;
    // Get, Delete and Set "length" on it run no code.
    if (is_dense_fast_array(o, len)) {
        Value element = std::move(o->m_elements[new_len]);
        o->m_elements[new_len].~Value();
        o->m_element_count--;
        o->m_array_length--;
        return element;
    }
    // c. Let element be ? Get(O, index).
    Value element = TRY(get_index_fast(ctx, o, new_len));
    // d. Perform ? DeletePropertyOrThrow(O, index).
    TRY(delete_index_or_throw(ctx, o, new_len));
    // e. Perform ? Set(O, "length", newLen, true).
    TRY(set_length_or_throw(ctx, o, new_len));
    // f. Return element.
    return element;
}

// 23.1.3.23 Array.prototype.push ( ...items ) (#sec-array.prototype.push)
static Value array_proto_push(Context& ctx, const CallArgs& args) {
    // 1-2. Let O be ? ToObject(this value). Let len be ? LengthOfArrayLike(O).
    ArrayLikeThis self = TRY(this_array_like(ctx, args));
    Object* o = self.o();
    uint64_t len = self.length;
    // 3. Let argCount be the number of elements in items.
    uint64_t arg_count = args.count();
    // Fast path: appending to a dense fast array where no prototype has indexed properties (so
    // Set(O, len, E) can only create an own element).
    if (is_dense_fast_array(o, len) && len + arg_count <= kMaxArrayLength &&
        proto_chain_has_no_indexed_properties(o)) {
        for (size_t i = 0; i < arg_count; i++) {
            if (!array_push_fast(ctx, o, args.args[i])) return Exception{};
        }
        return index_value(len + arg_count);
    }
    // 4. If len + argCount > 2^53 - 1, throw a TypeError exception.
    if (len + arg_count > kMaxSafeIntegerU) return ctx.throw_type_error("push: array is too long");
    // 5. For each element E of items, do
    for (size_t i = 0; i < arg_count; i++) {
        // a. Perform ? Set(O, ! ToString(F(len)), E, true).
        TRY(set_index_or_throw(ctx, o, len, args.args[i]));
        // b. Set len to len + 1.
        len++;
    }
    // 6. Perform ? Set(O, "length", F(len), true).
    TRY(set_length_or_throw(ctx, o, len));
    // 7. Return F(len).
    return index_value(len);
}

// 23.1.3.24 Array.prototype.reduce / 23.1.3.25 reduceRight (magic 1 = right)
static Value array_proto_reduce(Context& ctx, const CallArgs& args) {
    bool right = args.magic != 0;
    // 1-2. Let O be ? ToObject(this value). Let len be ? LengthOfArrayLike(O).
    ArrayLikeThis self = TRY(this_array_like(ctx, args));
    Object* o = self.o();
    uint64_t len = self.length;
    const Value& callback = args.arg(0);
    // 3. If IsCallable(callbackfn) is false, throw a TypeError exception.
    if (!is_callable(callback)) return ctx.throw_type_error("callback is not a function");
    // 4. If len = 0 and initialValue is not present, throw a TypeError exception.
    bool has_initial = args.count() >= 2;
    if (len == 0 && !has_initial) return ctx.throw_type_error("reduce of empty array with no initial value");
    // 5. Let k be 0 (reduceRight: len - 1). Steps iterate over `step` indices from there.
    uint64_t step = 0;
    auto index_at = [&](uint64_t i) { return right ? len - 1 - i : i; };
    // 6. Let accumulator be undefined.
    Value accumulator;
    // 7. If initialValue is present, set accumulator to initialValue.
    if (has_initial) {
        accumulator = args.arg(1);
    } else {
        // 8.a-b. Let kPresent be false. Repeat, while kPresent is false and k < len (k >= 0),
        bool k_present = false;
        while (!k_present && step < len) {
            // ii-iii. Set kPresent to ? HasProperty(O, Pk). If kPresent, accumulator = ? Get(O, Pk).
            k_present = TRY(read_present_index(ctx, o, index_at(step), &accumulator));
            // iv. Set k to k + 1 (reduceRight: k - 1).
            step++;
        }
        // c. If kPresent is false, throw a TypeError exception.
        if (!k_present) return ctx.throw_type_error("reduce of empty array with no initial value");
    }
    // 9. Repeat, while k < len (reduceRight: k >= 0),
    for (; step < len; step++) {
        uint64_t k = index_at(step);
        // b-c. Let kPresent be ? HasProperty(O, Pk). If kPresent, let kValue be ? Get(O, Pk).
        Value k_value;
        bool k_present = TRY(read_present_index(ctx, o, k, &k_value));
        if (!k_present) continue;
        // c.ii. Set accumulator to ? Call(callbackfn, undefined, « accumulator, kValue, F(k), O »).
        Value call_args[4] = {std::move(accumulator), std::move(k_value), index_value(k), self.object};
        accumulator = TRY(call(ctx, callback, Value(), call_args));
    }
    // 10. Return accumulator.
    return accumulator;
}

// 23.1.3.26 Array.prototype.reverse ( ) (#sec-array.prototype.reverse)
static Value array_proto_reverse(Context& ctx, const CallArgs& args) {
    // 1-2. Let O be ? ToObject(this value). Let len be ? LengthOfArrayLike(O).
    ArrayLikeThis self = TRY(this_array_like(ctx, args));
    Object* o = self.o();
    uint64_t len = self.length;
    // Fast path: all elements of a fast array are present own data properties, so the
    // HasProperty/Get/Set sequence is an in-place swap.
    if (is_dense_fast_array(o, len)) {
        for (uint64_t lower = 0, upper = len; lower + 1 < upper; lower++) {
            upper--;
            std::swap(o->m_elements[lower], o->m_elements[upper]);
        }
        return self.object;
    }
    // 3. Let middle be floor(len / 2).
    uint64_t middle = len / 2;
    // 4-5. Let lower be 0. Repeat, while lower != middle,
    for (uint64_t lower = 0; lower != middle; lower++) {
        // a. Let upper be len - lower - 1.
        uint64_t upper = len - lower - 1;
        // d-e. Let lowerExists be ? HasProperty(O, lowerP). If lowerExists, let lowerValue be ? Get(O,
        // lowerP).
        Value lower_value, upper_value;
        bool lower_exists = TRY(read_present_index(ctx, o, lower, &lower_value));
        // f-g. Let upperExists be ? HasProperty(O, upperP). If upperExists, let upperValue be ? Get(O,
        // upperP).
        bool upper_exists = TRY(read_present_index(ctx, o, upper, &upper_value));
        if (lower_exists && upper_exists) {
            // h. Set(O, lowerP, upperValue, true); Set(O, upperP, lowerValue, true).
            TRY(set_index_or_throw(ctx, o, lower, upper_value));
            TRY(set_index_or_throw(ctx, o, upper, lower_value));
        } else if (!lower_exists && upper_exists) {
            // i. Set(O, lowerP, upperValue, true); DeletePropertyOrThrow(O, upperP).
            TRY(set_index_or_throw(ctx, o, lower, upper_value));
            TRY(delete_index_or_throw(ctx, o, upper));
        } else if (lower_exists && !upper_exists) {
            // j. DeletePropertyOrThrow(O, lowerP); Set(O, upperP, lowerValue, true).
            TRY(delete_index_or_throw(ctx, o, lower));
            TRY(set_index_or_throw(ctx, o, upper, lower_value));
        }
        // k. (Neither exists: no action is required.)
    }
    // 6. Return O.
    return self.object;
}

// 23.1.3.27 Array.prototype.shift ( ) (#sec-array.prototype.shift)
static Value array_proto_shift(Context& ctx, const CallArgs& args) {
    // 1-2. Let O be ? ToObject(this value). Let len be ? LengthOfArrayLike(O).
    ArrayLikeThis self = TRY(this_array_like(ctx, args));
    Object* o = self.o();
    uint64_t len = self.length;
    // 3. If len = 0, then
    if (len == 0) {
        // a. Perform ? Set(O, "length", +0, true). b. Return undefined.
        TRY(set_length_or_throw(ctx, o, 0));
        return Value();
    }
    // Fast path: every index below len is an own data property of a dense fast array, so the
    // whole move is unobservable.
    if (is_dense_fast_array(o, len)) {
        Value first = std::move(o->m_elements[0]);
        for (uint64_t k = 1; k < len; k++)
            o->m_elements[k - 1] = std::move(o->m_elements[k]);
        o->m_elements[len - 1].~Value();
        o->m_element_count--;
        o->m_array_length--;
        return first;
    }
    // 4. Let first be ? Get(O, "0").
    Value first = TRY(get_index_fast(ctx, o, 0));
    // 5-6. Let k be 1. Repeat, while k < len,
    for (uint64_t k = 1; k < len; k++) {
        // c. Let fromPresent be ? HasProperty(O, from). d.i. Let fromValue be ? Get(O, from).
        Value from_value;
        bool from_present = TRY(read_present_index(ctx, o, k, &from_value));
        if (from_present) {
            // d.ii. Perform ? Set(O, to, fromValue, true).
            TRY(set_index_or_throw(ctx, o, k - 1, from_value));
        } else {
            // e.i. Perform ? DeletePropertyOrThrow(O, to).
            TRY(delete_index_or_throw(ctx, o, k - 1));
        }
    }
    // 7. Perform ? DeletePropertyOrThrow(O, ! ToString(F(len - 1))).
    TRY(delete_index_or_throw(ctx, o, len - 1));
    // 8. Perform ? Set(O, "length", F(len - 1), true).
    TRY(set_length_or_throw(ctx, o, len - 1));
    // 9. Return first.
    return first;
}

// 23.1.3.28 Array.prototype.slice ( start, end ) (#sec-array.prototype.slice)
static Value array_proto_slice(Context& ctx, const CallArgs& args) {
    // 1-2. Let O be ? ToObject(this value). Let len be ? LengthOfArrayLike(O).
    ArrayLikeThis self = TRY(this_array_like(ctx, args));
    Object* o = self.o();
    uint64_t len = self.length;
    // 3-5. Let relativeStart be ? ToIntegerOrInfinity(start); clamp into k.
    uint64_t k = TRY(relative_index_arg(ctx, args.arg(0), len));
    // 6-8. If end is undefined, let relativeEnd be len; else ? ToIntegerOrInfinity(end); clamp into final.
    uint64_t final_index = args.arg(1).is_undefined() ? len : TRY(relative_index_arg(ctx, args.arg(1), len));
    // 9. Let count be max(final - k, 0).
    uint64_t count = final_index > k ? final_index - k : 0;
    // 10. Let A be ? ArraySpeciesCreate(O, count).
    Value a = TRY(array_species_create(ctx, o, count));
    // 11-12. Let n be 0. Repeat, while k < final,
    uint64_t n = 0;
    for (; k < final_index; k++, n++) {
        // b-c. Let kPresent be ? HasProperty(O, Pk). If kPresent, let kValue be ? Get(O, Pk).
        Value k_value;
        bool k_present = TRY(read_present_index(ctx, o, k, &k_value));
        // c.ii. Perform ? CreateDataPropertyOrThrow(A, ! ToString(F(n)), kValue).
        if (k_present) TRY(create_data_property_index(ctx, a.as_object(), n, k_value));
    }
    // 13. Perform ? Set(A, "length", F(n), true).
    TRY(set_length_or_throw(ctx, a.as_object(), n));
    // 14. Return A.
    return a;
}

// 23.1.3.31 Array.prototype.splice ( start, deleteCount, ...items ) (#sec-array.prototype.splice)
// What ArrayCreate(length) makes: a fast Array with no elements yet, extensible, writable length.
static bool is_fresh_array_of_length(Object* a, uint64_t length) {
    return a->is_fast_array() && a->is_array() && a->m_element_count == 0 && a->m_array_length == length &&
           (a->m_flags & objflag::LengthWritable) && a->is_extensible();
}

// Array.prototype.splice on a dense fast array `o` (length len) into the fresh Array `removed`: the
// steps 13-21 below, as element moves.
static Result<void> splice_dense(Context& ctx, Object* o, Object* removed, uint64_t start,
                                 uint64_t delete_count, const Value* items, uint64_t item_count) {
    uint64_t len = o->m_element_count;
    for (uint64_t k = 0; k < delete_count; k++)
        if (!array_push_fast(ctx, removed, o->m_elements[start + k])) return Exception{};
    if (item_count > delete_count) {
        // Grow first (placeholders at the end), then shift the tail right.
        for (uint64_t k = delete_count; k < item_count; k++)
            if (!array_push_fast(ctx, o, Value())) return Exception{};
        Value* e = o->m_elements;
        std::move_backward(e + start + delete_count, e + len, e + len + (item_count - delete_count));
    } else if (item_count < delete_count) {
        Value* e = o->m_elements;
        std::move(e + start + delete_count, e + len, e + start + item_count);
        uint64_t new_len = len - (delete_count - item_count);
        for (uint64_t k = new_len; k < len; k++)
            e[k].~Value(); // moved from, or a deleted element not overwritten
        o->m_element_count = static_cast<uint32_t>(new_len);
        o->m_array_length = static_cast<uint32_t>(new_len);
    }
    for (uint64_t i = 0; i < item_count; i++)
        o->m_elements[start + i] = items[i];
    return {};
}

static Value array_proto_splice(Context& ctx, const CallArgs& args) {
    // 1-2. Let O be ? ToObject(this value). Let len be ? LengthOfArrayLike(O).
    ArrayLikeThis self = TRY(this_array_like(ctx, args));
    Object* o = self.o();
    uint64_t len = self.length;
    // 3-6. Let relativeStart be ? ToIntegerOrInfinity(start); clamp into actualStart.
    uint64_t actual_start = TRY(relative_index_arg(ctx, args.arg(0), len));
    // 7. Let itemCount be the number of elements in items.
    uint64_t item_count = args.count() > 2 ? args.count() - 2 : 0;
    uint64_t actual_delete_count;
    if (args.count() == 0) {
        // 8. If start is not present, let actualDeleteCount be 0.
        actual_delete_count = 0;
    } else if (args.count() == 1) {
        // 9. Else if deleteCount is not present, let actualDeleteCount be len - actualStart.
        actual_delete_count = len - actual_start;
    } else {
        // 10.a-b. Let dc be ? ToIntegerOrInfinity(deleteCount); clamp between 0 and len - actualStart.
        double dc = TRY(to_integer_or_infinity(ctx, args.arg(1)));
        double max_count = static_cast<double>(len - actual_start);
        actual_delete_count = dc <= 0 ? 0 : static_cast<uint64_t>(std::min(dc, max_count));
    }
    // 11. If len + itemCount - actualDeleteCount > 2^53 - 1, throw a TypeError exception.
    if (len + item_count - actual_delete_count > kMaxSafeIntegerU)
        return ctx.throw_type_error("splice: array is too long");
    // 12. Let A be ? ArraySpeciesCreate(O, actualDeleteCount).
    Value a = TRY(array_species_create(ctx, o, actual_delete_count));
    // Fast path: O is still a dense fast array (ArraySpeciesCreate may have run code), A a fresh
    // Array from ArrayCreate, and no prototype of O has indexed properties: every Get, Set and Delete below
    // is on an own data element (or creates one), so moving the elements runs no code.
    if (is_dense_fast_array(o, len) && is_fresh_array_of_length(a.as_object(), actual_delete_count) &&
        len - actual_delete_count + item_count <= kMaxArrayLength &&
        proto_chain_has_no_indexed_properties(o)) {
        TRY(splice_dense(ctx, o, a.as_object(), actual_start, actual_delete_count,
                         item_count ? args.args.data() + 2 : nullptr, item_count));
        return a;
    }
    // 13-14. Let k be 0. Repeat, while k < actualDeleteCount,
    for (uint64_t k = 0; k < actual_delete_count; k++) {
        // b-c. If ? HasProperty(O, from), let fromValue be ? Get(O, from);
        //      perform ? CreateDataPropertyOrThrow(A, ! ToString(F(k)), fromValue).
        Value from_value;
        bool from_present = TRY(read_present_index(ctx, o, actual_start + k, &from_value));
        if (from_present) TRY(create_data_property_index(ctx, a.as_object(), k, from_value));
    }
    // 15. Perform ? Set(A, "length", F(actualDeleteCount), true).
    TRY(set_length_or_throw(ctx, a.as_object(), actual_delete_count));
    // 16-17. Shift the tail left when fewer items are inserted than deleted.
    if (item_count < actual_delete_count) {
        // b. Repeat, while k < (len - actualDeleteCount),
        for (uint64_t k = actual_start; k < len - actual_delete_count; k++) {
            uint64_t from = k + actual_delete_count;
            uint64_t to = k + item_count;
            Value from_value;
            bool from_present = TRY(read_present_index(ctx, o, from, &from_value));
            if (from_present)
                TRY(set_index_or_throw(ctx, o, to, from_value));
            else
                TRY(delete_index_or_throw(ctx, o, to));
        }
        // d. Repeat, while k > (len - actualDeleteCount + itemCount): DeletePropertyOrThrow(O, k - 1).
        for (uint64_t k = len; k > len - actual_delete_count + item_count; k--)
            TRY(delete_index_or_throw(ctx, o, k - 1));
    } else if (item_count > actual_delete_count) {
        // 18. Shift the tail right. b. Repeat, while k > actualStart,
        for (uint64_t k = len - actual_delete_count; k > actual_start; k--) {
            uint64_t from = k + actual_delete_count - 1;
            uint64_t to = k + item_count - 1;
            Value from_value;
            bool from_present = TRY(read_present_index(ctx, o, from, &from_value));
            if (from_present)
                TRY(set_index_or_throw(ctx, o, to, from_value));
            else
                TRY(delete_index_or_throw(ctx, o, to));
        }
    }
    // 19-20. For each element E of items: Perform ? Set(O, ! ToString(F(k)), E, true).
    for (uint64_t i = 0; i < item_count; i++)
        TRY(set_index_or_throw(ctx, o, actual_start + i, args.args[i + 2]));
    // 21. Perform ? Set(O, "length", F(len - actualDeleteCount + itemCount), true).
    TRY(set_length_or_throw(ctx, o, len - actual_delete_count + item_count));
    // 22. Return A.
    return a;
}

// 23.1.3.32 Array.prototype.toLocaleString ( [ reserved1 [ , reserved2 ] ] )
// (#sec-array.prototype.tolocalestring)
static Value array_proto_to_locale_string(Context& ctx, const CallArgs& args) {
    if (ctx.check_stack_overflow()) return Exception{};
    // 1-2. Let array be ? ToObject(this value). Let len be ? LengthOfArrayLike(array).
    ArrayLikeThis self = TRY(this_array_like(ctx, args));
    // 3. Let separator be the implementation-defined list-separator String (",", as QuickJS).
    // 4. Let R be the empty String.
    StringBuilder r(ctx.rt());
    InterruptPoll poll(ctx);
    // 5-6. Repeat, while k < len,
    for (uint64_t k = 0; k < self.length; k++) {
        if (poll.step()) return Exception{};
        // a. If k > 0, set R to the string-concatenation of R and separator.
        if (k > 0 && !r.append(u',')) return ctx.throw_out_of_memory();
        // b. Let nextElement be ? Get(array, ! ToString(F(k))).
        Value next_element = TRY(get_index_fast(ctx, self.o(), k));
        // c. If nextElement is neither undefined nor null, then
        if (next_element.is_nullish()) continue;
        // i. Let S be ? ToString(? Invoke(nextElement, "toLocaleString")).
        Value invoked = TRY(invoke(ctx, next_element, atoms::toLocaleString, {}));
        Value s = TRY(to_string(ctx, invoked));
        // ii. Set R to the string-concatenation of R and S.
        if (!r.append(s.as_string())) return ctx.throw_out_of_memory();
        if (r.length() > String::kMaxLength) return ctx.throw_range_error("invalid string length");
    }
    // 7. Return R.
    String* result = r.finish();
    if (!result) return ctx.throw_out_of_memory();
    return Value::adopt(Tag::String, result);
}

// 23.1.3.33 Array.prototype.toReversed ( ) (#sec-array.prototype.toreversed)
static Value array_proto_to_reversed(Context& ctx, const CallArgs& args) {
    // 1-2. Let O be ? ToObject(this value). Let len be ? LengthOfArrayLike(O).
    ArrayLikeThis self = TRY(this_array_like(ctx, args));
    uint64_t len = self.length;
    // 3. Let A be ? ArrayCreate(len).
    Value a = TRY(array_create(ctx, len));
    // 4-5. Repeat, while k < len,
    for (uint64_t k = 0; k < len; k++) {
        // a-c. Let fromValue be ? Get(O, ! ToString(F(len - k - 1))).
        Value from_value = TRY(get_index_fast(ctx, self.o(), len - k - 1));
        // d. Perform ! CreateDataPropertyOrThrow(A, Pk, fromValue).
        TRY(create_data_property_index(ctx, a.as_object(), k, from_value));
    }
    // 6. Return A.
    return a;
}

// 23.1.3.35 Array.prototype.toSpliced ( start, skipCount, ...items ) (#sec-array.prototype.tospliced)
static Value array_proto_to_spliced(Context& ctx, const CallArgs& args) {
    // 1-2. Let O be ? ToObject(this value). Let len be ? LengthOfArrayLike(O).
    ArrayLikeThis self = TRY(this_array_like(ctx, args));
    Object* o = self.o();
    uint64_t len = self.length;
    // 3-6. Let relativeStart be ? ToIntegerOrInfinity(start); clamp into actualStart.
    uint64_t actual_start = TRY(relative_index_arg(ctx, args.arg(0), len));
    // 7. Let insertCount be the number of elements in items.
    uint64_t insert_count = args.count() > 2 ? args.count() - 2 : 0;
    uint64_t actual_skip_count;
    if (args.count() == 0) {
        // 8. If start is not present, let actualSkipCount be 0.
        actual_skip_count = 0;
    } else if (args.count() == 1) {
        // 9. Else if skipCount is not present, let actualSkipCount be len - actualStart.
        actual_skip_count = len - actual_start;
    } else {
        // 10.a-b. Let sc be ? ToIntegerOrInfinity(skipCount); clamp between 0 and len - actualStart.
        double sc = TRY(to_integer_or_infinity(ctx, args.arg(1)));
        double max_count = static_cast<double>(len - actual_start);
        actual_skip_count = sc <= 0 ? 0 : static_cast<uint64_t>(std::min(sc, max_count));
    }
    // 11. Let newLen be len + insertCount - actualSkipCount.
    uint64_t new_len = len + insert_count - actual_skip_count;
    // 12. If newLen > 2^53 - 1, throw a TypeError exception.
    if (new_len > kMaxSafeIntegerU) return ctx.throw_type_error("toSpliced: array is too long");
    // 13. Let A be ? ArrayCreate(newLen).
    Value a = TRY(array_create(ctx, new_len));
    // 14-15. Let i be 0. Let r be actualStart + actualSkipCount.
    uint64_t i = 0;
    uint64_t r = actual_start + actual_skip_count;
    // 16. Repeat, while i < actualStart: copy ? Get(O, Pi) into A.
    for (; i < actual_start; i++) {
        Value i_value = TRY(get_index_fast(ctx, o, i));
        TRY(create_data_property_index(ctx, a.as_object(), i, i_value));
    }
    // 17. For each element E of items: ! CreateDataPropertyOrThrow(A, ! ToString(F(i)), E).
    for (uint64_t j = 0; j < insert_count; j++, i++)
        TRY(create_data_property_index(ctx, a.as_object(), i, args.args[j + 2]));
    // 18. Repeat, while i < newLen: copy ? Get(O, ! ToString(F(r))) into A at i.
    for (; i < new_len; i++, r++) {
        Value from_value = TRY(get_index_fast(ctx, o, r));
        TRY(create_data_property_index(ctx, a.as_object(), i, from_value));
    }
    // 19. Return A.
    return a;
}

// 23.1.3.36 Array.prototype.toString ( ) (#sec-array.prototype.tostring)
static Value array_proto_to_string(Context& ctx, const CallArgs& args) {
    // 1. Let array be ? ToObject(this value).
    Value array = TRY(to_object(ctx, args.this_value));
    // 2. Let func be ? Get(array, "join").
    Value func = TRY(get(ctx, array.as_object(), atoms::join));
    // 3. If IsCallable(func) is false, set func to the intrinsic function %Object.prototype.toString%.
    if (!is_callable(func)) {
        Object* fallback = ctx.intrinsic(Intrinsic::ObjectProtoToString);
        if (!fallback) return ctx.throw_type_error("Object.prototype.toString is not available");
        func = Value::object(fallback);
    }
    // 4. Return ? Call(func, array).
    return call(ctx, func, array, {});
}

// 23.1.3.37 Array.prototype.unshift ( ...items ) (#sec-array.prototype.unshift)
static Value array_proto_unshift(Context& ctx, const CallArgs& args) {
    // 1-2. Let O be ? ToObject(this value). Let len be ? LengthOfArrayLike(O).
    ArrayLikeThis self = TRY(this_array_like(ctx, args));
    Object* o = self.o();
    uint64_t len = self.length;
    // 3. Let argCount be the number of elements in items.
    uint64_t arg_count = args.count();
    // 4. If argCount > 0, then
    if (arg_count > 0) {
        // a. If len + argCount > 2^53 - 1, throw a TypeError exception.
        if (len + arg_count > kMaxSafeIntegerU) return ctx.throw_type_error("unshift: array is too long");
        // Fast path: a dense fast array whose prototypes have no indexed properties: the moves
        // target own elements or create new ones at the end without reaching user code.
        if (is_dense_fast_array(o, len) && len + arg_count <= kMaxArrayLength &&
            proto_chain_has_no_indexed_properties(o)) {
            for (uint64_t j = 0; j < arg_count; j++) {
                if (!array_push_fast(ctx, o, Value())) return Exception{};
            }
            for (uint64_t k = len; k > 0; k--)
                o->m_elements[k - 1 + arg_count] = std::move(o->m_elements[k - 1]);
            for (uint64_t j = 0; j < arg_count; j++)
                o->m_elements[j] = args.args[j];
            return index_value(len + arg_count);
        }
        // b-c. Let k be len. Repeat, while k > 0,
        for (uint64_t k = len; k > 0; k--) {
            uint64_t from = k - 1;
            uint64_t to = k + arg_count - 1;
            // iii-iv. If ? HasProperty(O, from): Set(O, to, ? Get(O, from), true); else
            // DeletePropertyOrThrow(O, to).
            Value from_value;
            bool from_present = TRY(read_present_index(ctx, o, from, &from_value));
            if (from_present)
                TRY(set_index_or_throw(ctx, o, to, from_value));
            else
                TRY(delete_index_or_throw(ctx, o, to));
        }
        // d-f. For each element E of items: Perform ? Set(O, ! ToString(F(j)), E, true).
        for (uint64_t j = 0; j < arg_count; j++)
            TRY(set_index_or_throw(ctx, o, j, args.args[j]));
    }
    // 5. Perform ? Set(O, "length", F(len + argCount), true).
    TRY(set_length_or_throw(ctx, o, len + arg_count));
    // 6. Return F(len + argCount).
    return index_value(len + arg_count);
}

// 23.1.3.39 Array.prototype.with ( index, value ) (#sec-array.prototype.with)
static Value array_proto_with(Context& ctx, const CallArgs& args) {
    // 1-2. Let O be ? ToObject(this value). Let len be ? LengthOfArrayLike(O).
    ArrayLikeThis self = TRY(this_array_like(ctx, args));
    uint64_t len = self.length;
    // 3. Let relativeIndex be ? ToIntegerOrInfinity(index).
    double relative_index = TRY(to_integer_or_infinity(ctx, args.arg(0)));
    // 4-5. If relativeIndex >= 0, let actualIndex be relativeIndex; else len + relativeIndex.
    double actual_index = relative_index >= 0 ? relative_index : static_cast<double>(len) + relative_index;
    // 6. If actualIndex >= len or actualIndex < 0, throw a RangeError exception.
    if (actual_index >= static_cast<double>(len) || actual_index < 0)
        return ctx.throw_range_error("with: index out of range");
    uint64_t actual = static_cast<uint64_t>(actual_index);
    // 7. Let A be ? ArrayCreate(len).
    Value a = TRY(array_create(ctx, len));
    // 8-9. Repeat, while k < len,
    for (uint64_t k = 0; k < len; k++) {
        // c-d. If k is actualIndex, let fromValue be value; else let fromValue be ? Get(O, Pk).
        Value from_value = k == actual ? args.arg(1) : TRY(get_index_fast(ctx, self.o(), k));
        // e. Perform ! CreateDataPropertyOrThrow(A, Pk, fromValue).
        TRY(create_data_property_index(ctx, a.as_object(), k, from_value));
    }
    // 10. Return A.
    return a;
}

static const FunctionListEntry array_prototype_functions[] = {
    QJS_FUNC("at", 1, array_proto_at),
    QJS_FUNC("concat", 1, array_proto_concat),
    QJS_FUNC("copyWithin", 2, array_proto_copy_within),
    QJS_FUNC_MAGIC("entries", 0, array_proto_iterator, static_cast<int16_t>(ArrayIterationKind::Entries)),
    QJS_FUNC_MAGIC("every", 1, array_proto_iterate, IterEvery),
    QJS_FUNC("fill", 1, array_proto_fill),
    QJS_FUNC_MAGIC("filter", 1, array_proto_iterate, IterFilter),
    QJS_FUNC_MAGIC("find", 1, array_proto_find, FindValue),
    QJS_FUNC_MAGIC("findIndex", 1, array_proto_find, FindIndex),
    QJS_FUNC_MAGIC("findLast", 1, array_proto_find, FindLastValue),
    QJS_FUNC_MAGIC("findLastIndex", 1, array_proto_find, FindLastIndex),
    QJS_FUNC("flat", 0, array_proto_flat),
    QJS_FUNC("flatMap", 1, array_proto_flat_map),
    QJS_FUNC_MAGIC("forEach", 1, array_proto_iterate, IterForEach),
    QJS_FUNC("includes", 1, array_proto_includes),
    QJS_FUNC("indexOf", 1, array_proto_index_of),
    QJS_FUNC("join", 1, array_proto_join),
    QJS_FUNC_MAGIC("keys", 0, array_proto_iterator, static_cast<int16_t>(ArrayIterationKind::Keys)),
    QJS_FUNC("lastIndexOf", 1, array_proto_last_index_of),
    QJS_FUNC_MAGIC("map", 1, array_proto_iterate, IterMap),
    QJS_FUNC("pop", 0, array_proto_pop),
    QJS_FUNC("push", 1, array_proto_push),
    QJS_FUNC_MAGIC("reduce", 1, array_proto_reduce, 0),
    QJS_FUNC_MAGIC("reduceRight", 1, array_proto_reduce, 1),
    QJS_FUNC("reverse", 0, array_proto_reverse),
    QJS_FUNC("shift", 0, array_proto_shift),
    QJS_FUNC("slice", 2, array_proto_slice),
    QJS_FUNC_MAGIC("some", 1, array_proto_iterate, IterSome),
    QJS_FUNC("sort", 1, array_proto_sort),
    QJS_FUNC("splice", 2, array_proto_splice),
    QJS_FUNC("toLocaleString", 0, array_proto_to_locale_string),
    QJS_FUNC("toReversed", 0, array_proto_to_reversed),
    QJS_FUNC("toSorted", 1, array_proto_to_sorted),
    QJS_FUNC("toSpliced", 2, array_proto_to_spliced),
    QJS_FUNC("toString", 0, array_proto_to_string),
    QJS_FUNC("unshift", 1, array_proto_unshift),
    QJS_FUNC_MAGIC("values", 0, array_proto_iterator, static_cast<int16_t>(ArrayIterationKind::Values)),
    QJS_FUNC("with", 2, array_proto_with),
};

// 23.1.3.41 Array.prototype [ %Symbol.unscopables% ] (#sec-array.prototype-%symbol.unscopables%)
static const char* const unscopable_names[] = {
    "at",   "copyWithin", "entries",  "fill", "find",       "findIndex", "findLast",  "findLastIndex",
    "flat", "flatMap",    "includes", "keys", "toReversed", "toSorted",  "toSpliced", "values",
};

bool install_array_prototype(Context& ctx, Object* proto) {
    if (!define_function_list(ctx, proto, array_prototype_functions)) return false;

    // 23.1.3.40 Array.prototype [ %Symbol.iterator% ] ( ): the same function object as values.
    PropertyDescriptor values_desc;
    if (MUST(get_own_property(ctx, proto, function_list_atom(ctx, "values"), &values_desc)) == false)
        return false;
    ctx.set_intrinsic(Intrinsic::ArrayProtoValues, values_desc.value.as_object());
    if (!define_fresh_property(ctx, proto, atoms::sym_iterator, values_desc.value,
                               prop::Writable | prop::Configurable))
        return false;

    // 1. Let unscopableList be OrdinaryObjectCreate(null).
    Value list = new_object_with_proto(ctx, nullptr);
    if (list.is_exception()) return false;
    // 2-18. CreateDataPropertyOrThrow(unscopableList, name, true) for each name.
    for (const char* name : unscopable_names) {
        Atom key = function_list_atom(ctx, name);
        if (!key || !define_fresh_property(ctx, list.as_object(), key, Value::boolean(true), prop::Default))
            return false;
    }
    // { [[Writable]]: false, [[Enumerable]]: false, [[Configurable]]: true }
    if (!define_fresh_property(ctx, proto, atoms::sym_unscopables, list, prop::Configurable)) return false;

    // Array.prototype.toString falls back to %Object.prototype.toString%; remember the original.
    if (!ctx.intrinsic(Intrinsic::ObjectProtoToString)) {
        Object* object_proto = ctx.intrinsic(Intrinsic::ObjectPrototype);
        int32_t slot = find_own_slot(object_proto, atoms::toString);
        if (slot >= 0 && object_proto->slot(static_cast<uint32_t>(slot)).is_object())
            ctx.set_intrinsic(Intrinsic::ObjectProtoToString,
                              object_proto->slot(static_cast<uint32_t>(slot)).as_object());
    }
    return true;
}

} // namespace qjs
