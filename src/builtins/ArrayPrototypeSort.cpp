// ArrayPrototypeSort.cpp: Array.prototype.sort and toSorted (spec 23.1.3.30, 23.1.3.34), with
// SortIndexedProperties and CompareArrayElements. The sort is a stable merge sort; comparator
// errors stop it immediately, before anything is written back.
#include "builtins/Array.h"
#include "runtime/Call.h"
#include "runtime/Context.h"
#include "runtime/Conversions.h"
#include "runtime/InterruptPoll.h"
#include "runtime/NativeFunction.h"
#include "runtime/Object.h"
#include "runtime/String.h"
#include "runtime/VectorGrowth.h"

#include <cmath>

namespace qjs {

// Stable merge sort. `after(a, b)` returns true when a must be placed after b (SortCompare(a, b) > 0).
// Comparisons poll the interrupt flag: a comparator-free sort of a huge array runs no JS code.
template <typename T, typename After>
static Result<void> merge_sort(Context& ctx, Vector<T>& items, After after_or_throw) {
    InterruptPoll poll(ctx);
    auto after = [&](const T& a, const T& b) -> Result<bool> {
        if (poll.step()) return Exception{};
        return after_or_throw(a, b);
    };
    size_t n = items.size();
    // Insertion sort of short runs keeps the comparison count low for small inputs.
    constexpr size_t kRun = 8;
    for (size_t start = 0; start < n; start += kRun) {
        size_t end = std::min(start + kRun, n);
        for (size_t i = start + 1; i < end; i++) {
            size_t j = i;
            while (j > start) {
                bool swap = TRY(after(items[j - 1], items[j]));
                if (!swap) break;
                std::swap(items[j - 1], items[j]);
                j--;
            }
        }
    }
    if (n <= kRun) return {};
    Vector<T> buffer;
    if (!vector_resize(buffer, n)) return ctx.throw_out_of_memory();
    Vector<T>* src = &items;
    Vector<T>* dst = &buffer;
    for (size_t width = kRun; width < n; width *= 2) {
        for (size_t left = 0; left < n; left += 2 * width) {
            size_t mid = std::min(left + width, n);
            size_t right_end = std::min(left + 2 * width, n);
            size_t i = left, j = mid, out = left;
            while (i < mid && j < right_end) {
                // Take from the right run only when strictly smaller: equal elements keep their order.
                bool take_right = TRY(after((*src)[i], (*src)[j]));
                (*dst)[out++] = std::move(take_right ? (*src)[j++] : (*src)[i++]);
            }
            while (i < mid)
                (*dst)[out++] = std::move((*src)[i++]);
            while (j < right_end)
                (*dst)[out++] = std::move((*src)[j++]);
        }
        std::swap(src, dst);
    }
    if (src != &items) items.swap(buffer);
    return {};
}

// 23.1.3.30.2 CompareArrayElements ( x, y, comparator ) (#sec-comparearrayelements), for x and y
// not undefined (undefined values are set aside beforehand: steps 1-3 always order them last).
static Result<bool> compare_after(Context& ctx, const Value& x, const Value& y, const Value& comparator) {
    // 4. If comparator is not undefined, then
    if (!comparator.is_undefined()) {
        // a. Let v be ? ToNumber(? Call(comparator, undefined, « x, y »)).
        Value call_args[2] = {x, y};
        Value result = TRY(call(ctx, comparator, Value(), call_args));
        double v = TRY(to_number(ctx, result));
        // b. If v is NaN, return +0. c. Return v.
        return v > 0;
    }
    // 5-6. Let xString be ? ToString(x). Let yString be ? ToString(y).
    Value x_string = TRY(to_string(ctx, x));
    Value y_string = TRY(to_string(ctx, y));
    // 7-9. Compare the strings by code units.
    return x_string.as_string()->compare(y_string.as_string()) > 0;
}

enum class Holes : uint8_t { Skip, ReadThrough };

struct KeyedItem {
    Value key; // the item's ToString (a String)
    Value item;
};

// 23.1.3.30.1 SortIndexedProperties ( obj, len, SortCompare, holes ) (#sec-sortindexedproperties),
// with SortCompare = CompareArrayElements(x, y, comparator).
static Result<Vector<Value>> sort_indexed_properties(Context& ctx, Object* obj, uint64_t len,
                                                     const Value& comparator, Holes holes) {
    // 1. Let items be a new empty List.
    Vector<Value> items;
    uint64_t undefined_count = 0;
    InterruptPoll poll(ctx);
    // 2-3. Let k be 0. Repeat, while k < len,
    for (uint64_t k = 0; k < len; k++) {
        if (poll.step()) return Exception{};
        Value k_value;
        if (holes == Holes::Skip) {
            // b-c. If holes is skip-holes, let kRead be ? HasProperty(obj, Pk). If kRead, let kValue be ?
            // Get(obj, Pk).
            bool k_read = TRY(read_present_index(ctx, obj, k, &k_value));
            if (!k_read) continue;
        } else {
            // read-through-holes: kValue is ? Get(obj, Pk).
            k_value = TRY(get_index_fast(ctx, obj, k));
        }
        // d.ii. Append kValue to items. (Undefined values sort last, in any order: count them.)
        if (k_value.is_undefined())
            undefined_count++;
        else if (!vector_push(items, std::move(k_value)))
            return ctx.throw_out_of_memory();
    }
    // 4. Sort items using an implementation-defined sequence of calls to SortCompare.
    bool all_primitive_keys = comparator.is_undefined();
    for (const Value& v : items) {
        if (!all_primitive_keys) break;
        all_primitive_keys = v.is_string() || v.is_number() || v.is_bool() || v.is_null();
    }
    if (all_primitive_keys && items.size() > 1) {
        // Default order over primitives whose ToString runs no code and cannot throw: convert once.
        Vector<KeyedItem> keyed;
        if (!vector_reserve(keyed, items.size())) return ctx.throw_out_of_memory();
        for (Value& v : items) {
            Value key = v.is_string() ? v : TRY(to_string(ctx, v));
            keyed.push_back(KeyedItem{std::move(key), std::move(v)});
        }
        TRY(merge_sort(ctx, keyed, [](const KeyedItem& a, const KeyedItem& b) -> Result<bool> {
            return a.key.as_string()->compare(b.key.as_string()) > 0;
        }));
        for (size_t i = 0; i < keyed.size(); i++)
            items[i] = std::move(keyed[i].item);
    } else {
        TRY(merge_sort(ctx, items,
                       [&](const Value& a, const Value& b) { return compare_after(ctx, a, b, comparator); }));
    }
    for (uint64_t i = 0; i < undefined_count; i++)
        if (!vector_push(items, Value())) return ctx.throw_out_of_memory();
    // 5. Return items.
    return items;
}

// 23.1.3.30 Array.prototype.sort ( comparator ) (#sec-array.prototype.sort)
Value array_proto_sort(Context& ctx, const CallArgs& args) {
    const Value& comparator = args.arg(0);
    // 1. If comparator is not undefined and IsCallable(comparator) is false, throw a TypeError exception.
    if (!comparator.is_undefined() && !is_callable(comparator))
        return ctx.throw_type_error("sort: comparator must be a function or undefined");
    // 2. Let obj be ? ToObject(this value).
    Value obj_value = TRY(to_object(ctx, args.this_value));
    Object* obj = obj_value.as_object();
    // 3. Let len be ? LengthOfArrayLike(obj).
    uint64_t len = TRY(length_of_array_like(ctx, obj));
    // 4-5. Let sortedList be ? SortIndexedProperties(obj, len, SortCompare, skip-holes).
    Vector<Value> sorted_list = TRY(sort_indexed_properties(ctx, obj, len, comparator, Holes::Skip));
    // 6. Let itemCount be the number of elements in sortedList.
    uint64_t item_count = sorted_list.size();
    // 7-8. Repeat, while j < itemCount: Perform ? Set(obj, ! ToString(F(j)), sortedList[j], true).
    uint64_t j = 0;
    for (; j < item_count; j++)
        TRY(set_index_or_throw(ctx, obj, j, sorted_list[j]));
    // 9-10. NOTE: holes are deleted. Repeat, while j < len: Perform ? DeletePropertyOrThrow(obj, !
    // ToString(F(j))).
    for (; j < len; j++)
        TRY(delete_index_or_throw(ctx, obj, j));
    // 11. Return obj.
    return obj_value;
}

// 23.1.3.34 Array.prototype.toSorted ( comparator ) (#sec-array.prototype.tosorted)
Value array_proto_to_sorted(Context& ctx, const CallArgs& args) {
    const Value& comparator = args.arg(0);
    // 1. If comparator is not undefined and IsCallable(comparator) is false, throw a TypeError exception.
    if (!comparator.is_undefined() && !is_callable(comparator))
        return ctx.throw_type_error("toSorted: comparator must be a function or undefined");
    // 2. Let O be ? ToObject(this value).
    Value o_value = TRY(to_object(ctx, args.this_value));
    // 3. Let len be ? LengthOfArrayLike(O).
    uint64_t len = TRY(length_of_array_like(ctx, o_value.as_object()));
    // 4. Let A be ? ArrayCreate(len).
    Value a = TRY(array_create(ctx, len));
    // 5-6. Let sortedList be ? SortIndexedProperties(O, len, SortCompare, read-through-holes).
    Vector<Value> sorted_list =
        TRY(sort_indexed_properties(ctx, o_value.as_object(), len, comparator, Holes::ReadThrough));
    // 7-8. Repeat, while j < len: Perform ! CreateDataPropertyOrThrow(A, ! ToString(F(j)), sortedList[j]).
    for (uint64_t j = 0; j < len; j++)
        TRY(create_data_property_index(ctx, a.as_object(), j, sorted_list[j]));
    // 9. Return A.
    return a;
}

} // namespace qjs
