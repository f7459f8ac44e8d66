// ArrayPrototypeSearch.cpp: the searching methods of Array.prototype (spec 23.1.3): at, find,
// findIndex, findLast, findLastIndex, includes, indexOf, lastIndexOf.
#include "builtins/Array.h"
#include "runtime/Call.h"
#include "runtime/Context.h"
#include "runtime/Conversions.h"
#include "runtime/InterruptPoll.h"
#include "runtime/NativeFunction.h"
#include "runtime/Object.h"

namespace qjs {

// 23.1.3.1 Array.prototype.at ( index ) (#sec-array.prototype.at)
Value array_proto_at(Context& ctx, const CallArgs& args) {
    // 1. Let O be ? ToObject(this value).
    Value o = TRY(to_object(ctx, args.this_value));
    // 2. Let len be ? LengthOfArrayLike(O).
    uint64_t len = TRY(length_of_array_like(ctx, o.as_object()));
    // 3. Let relativeIndex be ? ToIntegerOrInfinity(index).
    double relative_index = TRY(to_integer_or_infinity(ctx, args.arg(0)));
    // 4-5. If relativeIndex >= 0, let k be relativeIndex; else let k be len + relativeIndex.
    double k = relative_index >= 0 ? relative_index : static_cast<double>(len) + relative_index;
    // 6. If k < 0 or k >= len, return undefined.
    if (k < 0 || k >= static_cast<double>(len)) return Value();
    // 7. Return ? Get(O, ! ToString(F(k))).
    return get_index_fast(ctx, o.as_object(), static_cast<uint64_t>(k));
}

// 23.1.3.9-12 Array.prototype.find / findIndex / findLast / findLastIndex, through
// 23.1.3.12.1 FindViaPredicate ( O, len, direction, predicate, thisArg ) (#sec-findviapredicate)
Value array_proto_find(Context& ctx, const CallArgs& args) {
    bool descending = args.magic == FindLastValue || args.magic == FindLastIndex;
    bool want_index = args.magic == FindIndex || args.magic == FindLastIndex;
    // 1. Let O be ? ToObject(this value).
    Value o_value = TRY(to_object(ctx, args.this_value));
    Object* o = o_value.as_object();
    // 2. Let len be ? LengthOfArrayLike(O).
    uint64_t len = TRY(length_of_array_like(ctx, o));
    const Value& predicate = args.arg(0);
    // FindViaPredicate 1. If IsCallable(predicate) is false, throw a TypeError exception.
    if (!is_callable(predicate)) return ctx.throw_type_error("predicate is not a function");
    // 2-4. Let indices be 0..len-1, ascending or descending. For each integer k of indices,
    for (uint64_t step = 0; step < len; step++) {
        uint64_t k = descending ? len - 1 - step : step;
        // a-b. Let kValue be ? Get(O, Pk).
        Value k_value = TRY(get_index_fast(ctx, o, k));
        // c. Let testResult be ? Call(predicate, thisArg, « kValue, F(k), O »).
        Value call_args[3] = {k_value, index_value(k), o_value};
        Value test_result = TRY(call(ctx, predicate, args.arg(1), call_args));
        // d. If ToBoolean(testResult) is true, return the Record { [[Index]]: F(k), [[Value]]: kValue }.
        if (to_boolean(test_result)) return want_index ? index_value(k) : k_value;
    }
    // 5. Return the Record { [[Index]]: -1F, [[Value]]: undefined }.
    return want_index ? Value::int32(-1) : Value();
}

// The start index computed from fromIndex by includes/indexOf: false when nothing is searched.
static Result<bool> search_start(Context& ctx, const Value& from_index, uint64_t len, uint64_t* k_out) {
    // Let n be ? ToIntegerOrInfinity(fromIndex). (If fromIndex is undefined, n is 0.)
    double n = TRY(to_integer_or_infinity(ctx, from_index));
    // If n = +inf, return false / -1. Else if n = -inf, set n to 0.
    if (n == INFINITY) return false;
    // If n >= 0, let k be n. Else let k be len + n; if k < 0, set k to 0.
    *k_out = clamp_relative_index(n, len);
    return *k_out < len;
}

// 23.1.3.16 Array.prototype.includes ( searchElement [ , fromIndex ] ) (#sec-array.prototype.includes)
Value array_proto_includes(Context& ctx, const CallArgs& args) {
    // 1. Let O be ? ToObject(this value).
    Value o_value = TRY(to_object(ctx, args.this_value));
    Object* o = o_value.as_object();
    // 2. Let len be ? LengthOfArrayLike(O).
    uint64_t len = TRY(length_of_array_like(ctx, o));
    // 3. If len = 0, return false.
    if (len == 0) return Value::boolean(false);
    // 4-9. Compute the start index k.
    uint64_t k;
    bool any = TRY(search_start(ctx, args.arg(1), len, &k));
    if (!any) return Value::boolean(false);
    const Value& search_element = args.arg(0);
    InterruptPoll poll(ctx); // an array-like's length may be 2^53 - 1 with no code to run
    // 10. Repeat, while k < len,
    for (; k < len; k++) {
        // Fast path: a present fast element compares without running code.
        if (o->is_fast_array() && k < o->m_element_count) {
            if (same_value_zero(o->m_elements[k], search_element)) return Value::boolean(true);
            continue;
        }
        if (poll.step()) return Exception{};
        // a. Let elementK be ? Get(O, ! ToString(F(k))).
        Value element_k = TRY(get_index(ctx, o, k));
        // b. If SameValueZero(searchElement, elementK) is true, return true.
        if (same_value_zero(search_element, element_k)) return Value::boolean(true);
    }
    // 11. Return false.
    return Value::boolean(false);
}

// 23.1.3.17 Array.prototype.indexOf ( searchElement [ , fromIndex ] ) (#sec-array.prototype.indexof)
Value array_proto_index_of(Context& ctx, const CallArgs& args) {
    // 1. Let O be ? ToObject(this value).
    Value o_value = TRY(to_object(ctx, args.this_value));
    Object* o = o_value.as_object();
    // 2. Let len be ? LengthOfArrayLike(O).
    uint64_t len = TRY(length_of_array_like(ctx, o));
    // 3. If len = 0, return -1F.
    if (len == 0) return Value::int32(-1);
    // 4-9. Compute the start index k.
    uint64_t k;
    bool any = TRY(search_start(ctx, args.arg(1), len, &k));
    if (!any) return Value::int32(-1);
    const Value& search_element = args.arg(0);
    InterruptPoll poll(ctx);
    // 10. Repeat, while k < len,
    for (; k < len; k++) {
        if (poll.step()) return Exception{};
        // a-b. Let kPresent be ? HasProperty(O, Pk). If kPresent, let elementK be ? Get(O, Pk).
        Value element_k;
        bool k_present = TRY(read_present_index(ctx, o, k, &element_k));
        // b.ii. If IsStrictlyEqual(searchElement, elementK) is true, return F(k).
        if (k_present && is_strictly_equal(search_element, element_k)) return index_value(k);
    }
    // 11. Return -1F.
    return Value::int32(-1);
}

// 23.1.3.20 Array.prototype.lastIndexOf ( searchElement [ , fromIndex ] ) (#sec-array.prototype.lastindexof)
Value array_proto_last_index_of(Context& ctx, const CallArgs& args) {
    // 1. Let O be ? ToObject(this value).
    Value o_value = TRY(to_object(ctx, args.this_value));
    Object* o = o_value.as_object();
    // 2. Let len be ? LengthOfArrayLike(O).
    uint64_t len = TRY(length_of_array_like(ctx, o));
    // 3. If len = 0, return -1F.
    if (len == 0) return Value::int32(-1);
    // 4. If fromIndex is present, let n be ? ToIntegerOrInfinity(fromIndex); else let n be len - 1.
    double n = static_cast<double>(len) - 1;
    if (args.count() >= 2) n = TRY(to_integer_or_infinity(ctx, args.arg(1)));
    // 5. If n = -inf, return -1F.
    if (n == -INFINITY) return Value::int32(-1);
    // 6-7. If n >= 0, let k be min(n, len - 1); else let k be len + n.
    double k_double = n >= 0 ? std::min(n, static_cast<double>(len) - 1) : static_cast<double>(len) + n;
    if (k_double < 0) return Value::int32(-1);
    const Value& search_element = args.arg(0);
    InterruptPoll poll(ctx);
    // 8. Repeat, while k >= 0,
    for (uint64_t k = static_cast<uint64_t>(k_double) + 1; k-- > 0;) {
        if (poll.step()) return Exception{};
        // a-b. Let kPresent be ? HasProperty(O, Pk). If kPresent, let elementK be ? Get(O, Pk).
        Value element_k;
        bool k_present = TRY(read_present_index(ctx, o, k, &element_k));
        // b.ii. If IsStrictlyEqual(searchElement, elementK) is true, return F(k).
        if (k_present && is_strictly_equal(search_element, element_k)) return index_value(k);
    }
    // 9. Return -1F.
    return Value::int32(-1);
}

} // namespace qjs
