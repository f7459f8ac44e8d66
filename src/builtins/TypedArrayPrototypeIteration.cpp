// TypedArrayPrototypeIteration.cpp: the %TypedArray.prototype% methods that call back into user
// code (every, some, find*, forEach, map, filter, reduce*), sorting (sort, toSorted) and the
// iterators (keys, values, entries) (spec 23.2.3).
#include "builtins/ArrayIterator.h"
#include "builtins/TypedArray.h"
#include "runtime/Call.h"
#include "runtime/Context.h"
#include "runtime/Conversions.h"
#include "runtime/NativeFunction.h"
#include "runtime/TypedArrayObject.h"
#include "runtime/VectorGrowth.h"

#include <algorithm>
#include <cmath>
#include <cstring>
#include <functional>
#include <type_traits>

namespace qjs {

// The callback loops share one implementation, selected by the magic.
enum CallbackLoop : int16_t { Every, Some, Find, FindIndex, FindLast, FindLastIndex, ForEach };

// 23.2.3.7 every, 23.2.3.28 some, 23.2.3.11 find, 23.2.3.12 findIndex, 23.2.3.13 findLast,
// 23.2.3.14 findLastIndex, 23.2.3.15 forEach (#sec-%typedarray%.prototype.every ...)
static Value typed_array_callback_loop(Context& ctx, const CallArgs& args) {
    auto mode = static_cast<CallbackLoop>(args.magic);
    // 1-3. Let taRecord be ? ValidateTypedArray(O, seq-cst); let len be TypedArrayLength(taRecord).
    size_t len;
    TypedArrayObject* ta = TRY(validate_typed_array(ctx, args.this_value, &len));
    // 4. If IsCallable(callbackfn / predicate) is false, throw a TypeError exception.
    const Value& callback = args.arg(0);
    if (!is_callable(callback)) return ctx.throw_type_error("TypedArray callback is not a function");
    const Value& this_arg = args.arg(1);
    bool backwards = mode == FindLast || mode == FindLastIndex;
    // 5-6. For each k (descending for findLast/findLastIndex):
    for (size_t i = 0; i < len; ++i) {
        size_t k = backwards ? len - 1 - i : i;
        // a-b. Let kValue be ! Get(O, Pk).
        Value k_value = TRY(typed_array_get_element(ctx, ta, static_cast<double>(k)));
        // c. Let result be ToBoolean(? Call(callbackfn, thisArg, « kValue, F(k), O »)).
        Value call_args[3] = {k_value, Value::number(static_cast<double>(k)), args.this_value};
        Value result = TRY(call(ctx, callback, this_arg, call_args));
        if (mode == ForEach) continue;
        bool test = to_boolean(result);
        switch (mode) {
        case Every:
            if (!test) return Value::boolean(false);
            break;
        case Some:
            if (test) return Value::boolean(true);
            break;
        case Find:
        case FindLast:
            if (test) return k_value;
            break;
        default:
            if (test) return Value::number(static_cast<double>(k));
            break;
        }
    }
    // The result when the loop completes.
    switch (mode) {
    case Every: return Value::boolean(true);
    case Some: return Value::boolean(false);
    case FindIndex:
    case FindLastIndex: return Value::int32(-1);
    default: return Value();
    }
}

// 23.2.3.22 %TypedArray%.prototype.map ( callbackfn [ , thisArg ] ) (#sec-%typedarray%.prototype.map)
static Value typed_array_map(Context& ctx, const CallArgs& args) {
    // 1-3. Let taRecord be ? ValidateTypedArray(O, seq-cst); let len be TypedArrayLength(taRecord).
    size_t len;
    TypedArrayObject* ta = TRY(validate_typed_array(ctx, args.this_value, &len));
    // 4. If IsCallable(callbackfn) is false, throw a TypeError exception.
    const Value& callback = args.arg(0);
    if (!is_callable(callback))
        return ctx.throw_type_error("TypedArray.prototype.map: callback is not a function");
    // 5. Let A be ? TypedArraySpeciesCreate(O, « F(len) »).
    Value len_value = Value::number(static_cast<double>(len));
    Value a = TRY(
        typed_array_species_create(ctx, ta, std::span<const Value>(&len_value, 1), TypedArrayAccess::Write));
    // 6-7. For each k: mappedValue = ? Call(callbackfn, thisArg, « ! Get(O, Pk), F(k), O »);
    //      perform ? Set(A, Pk, mappedValue, true).
    for (size_t k = 0; k < len; ++k) {
        Value k_value = TRY(typed_array_get_element(ctx, ta, static_cast<double>(k)));
        Value call_args[3] = {std::move(k_value), Value::number(static_cast<double>(k)), args.this_value};
        Value mapped = TRY(call(ctx, callback, args.arg(1), call_args));
        TRY(set_index_or_throw(ctx, a.as_object(), k, mapped));
    }
    // 8. Return A.
    return a;
}

// 23.2.3.10 %TypedArray%.prototype.filter ( callbackfn [ , thisArg ] ) (#sec-%typedarray%.prototype.filter)
static Value typed_array_filter(Context& ctx, const CallArgs& args) {
    // 1-3. Let taRecord be ? ValidateTypedArray(O, seq-cst); let len be TypedArrayLength(taRecord).
    size_t len;
    TypedArrayObject* ta = TRY(validate_typed_array(ctx, args.this_value, &len));
    // 4. If IsCallable(callbackfn) is false, throw a TypeError exception.
    const Value& callback = args.arg(0);
    if (!is_callable(callback))
        return ctx.throw_type_error("TypedArray.prototype.filter: callback is not a function");
    // 5-8. Collect the kept values.
    Vector<Value> kept;
    for (size_t k = 0; k < len; ++k) {
        Value k_value = TRY(typed_array_get_element(ctx, ta, static_cast<double>(k)));
        Value call_args[3] = {k_value, Value::number(static_cast<double>(k)), args.this_value};
        Value selected = TRY(call(ctx, callback, args.arg(1), call_args));
        if (to_boolean(selected)) kept.push_back(std::move(k_value));
    }
    // 9. Let A be ? TypedArraySpeciesCreate(O, « F(captured) »).
    Value captured = Value::number(static_cast<double>(kept.size()));
    Value a = TRY(
        typed_array_species_create(ctx, ta, std::span<const Value>(&captured, 1), TypedArrayAccess::Write));
    // 10-11. For each e of kept, perform ! Set(A, ! ToString(F(n)), e, true).
    for (size_t n = 0; n < kept.size(); ++n)
        TRY(set_index_or_throw(ctx, a.as_object(), n, kept[n]));
    // 12. Return A.
    return a;
}

// 23.2.3.23 reduce / 23.2.3.24 reduceRight ( callbackfn [ , initialValue ] ); magic 1 = right.
static Value typed_array_reduce(Context& ctx, const CallArgs& args) {
    bool right = args.magic == 1;
    // 1-3. Let taRecord be ? ValidateTypedArray(O, seq-cst); let len be TypedArrayLength(taRecord).
    size_t len;
    TypedArrayObject* ta = TRY(validate_typed_array(ctx, args.this_value, &len));
    // 4. If IsCallable(callbackfn) is false, throw a TypeError exception.
    const Value& callback = args.arg(0);
    if (!is_callable(callback)) return ctx.throw_type_error("TypedArray reduce: callback is not a function");
    // 5. If len = 0 and initialValue is not present, throw a TypeError exception.
    if (len == 0 && args.count() < 2)
        return ctx.throw_type_error("Reduce of empty array with no initial value");
    // 6-8. The accumulator is initialValue, or the first element visited.
    size_t i = 0;
    Value accumulator;
    if (args.count() >= 2) {
        accumulator = args.arg(1);
    } else {
        accumulator = TRY(typed_array_get_element(ctx, ta, static_cast<double>(right ? len - 1 : 0)));
        i = 1;
    }
    // 9. For each remaining k: accumulator = ? Call(callbackfn, undefined, « accumulator, kValue, F(k), O »).
    for (; i < len; ++i) {
        size_t k = right ? len - 1 - i : i;
        Value k_value = TRY(typed_array_get_element(ctx, ta, static_cast<double>(k)));
        Value call_args[4] = {std::move(accumulator), std::move(k_value),
                              Value::number(static_cast<double>(k)), args.this_value};
        accumulator = TRY(call(ctx, callback, Value(), call_args));
    }
    // 10. Return accumulator.
    return accumulator;
}

// ---- Sorting ----

// Default order of Number elements (23.2.4.7 CompareTypedArrayElements without comparefn):
// ascending, -0 before +0, NaN last.
static bool number_less(double x, double y) {
    if (std::isnan(x)) return false;
    if (std::isnan(y)) return true;
    if (x != y) return x < y;
    return std::signbit(x) && !std::signbit(y);
}

struct NumberLess {
    bool operator()(double x, double y) const { return number_less(x, y); }
};

// Sorts the elements of type T as K, a type that holds every T value exactly: the integer types up
// to 32 bits as int64_t, Float32 and Float16 as double. Three sort instantiations (int64_t, uint64_t,
// double with NumberLess) instead of one per element type keep the wasm module about 18 KB smaller.
template <typename T, typename K, typename Less>
static void sort_widened(uint8_t* data, size_t len, Less less, K (*widen)(T), T (*narrow)(K)) {
    Vector<K> items(len);
    for (size_t i = 0; i < len; ++i) {
        T x;
        std::memcpy(&x, data + i * sizeof(T), sizeof(T));
        items[i] = widen(x);
    }
    std::sort(items.begin(), items.end(), less);
    for (size_t i = 0; i < len; ++i) {
        T x = narrow(items[i]);
        std::memcpy(data + i * sizeof(T), &x, sizeof(T));
    }
}

template <typename T, typename K> static K widen_as(T x) {
    return K(x);
}
template <typename T, typename K> static T narrow_as(K x) {
    return T(x);
}

template <typename T> static void sort_integers(uint8_t* data, size_t len) {
    using K = std::conditional_t<std::is_same_v<T, uint64_t>, uint64_t, int64_t>;
    sort_widened<T, K>(data, len, std::less<K>(), widen_as<T, K>, narrow_as<T, K>);
}

template <typename T> static void sort_floats(uint8_t* data, size_t len) {
    sort_widened<T, double>(data, len, NumberLess(), widen_as<T, double>, narrow_as<T, double>);
}

// Sorts `len` elements in place in the default order. No user code runs, so the bytes are sorted
// directly (BigInt elements compare as their 64-bit integers).
static void sort_default(TypedArrayType type, uint8_t* data, size_t len) {
    switch (type) {
    case TypedArrayType::Int8: sort_integers<int8_t>(data, len); break;
    case TypedArrayType::Uint8:
    case TypedArrayType::Uint8Clamped: sort_integers<uint8_t>(data, len); break;
    case TypedArrayType::Int16: sort_integers<int16_t>(data, len); break;
    case TypedArrayType::Uint16: sort_integers<uint16_t>(data, len); break;
    case TypedArrayType::Int32: sort_integers<int32_t>(data, len); break;
    case TypedArrayType::Uint32: sort_integers<uint32_t>(data, len); break;
    case TypedArrayType::BigInt64: sort_integers<int64_t>(data, len); break;
    case TypedArrayType::BigUint64: sort_integers<uint64_t>(data, len); break;
    case TypedArrayType::Float32: sort_floats<float>(data, len); break;
    case TypedArrayType::Float64: sort_floats<double>(data, len); break;
    case TypedArrayType::Float16: // halves are sorted through exact double values
        sort_widened<uint16_t, double>(data, len, NumberLess(), float16_to_double, double_to_float16);
        break;
    default: VERIFY_NOT_REACHED();
    }
}

// 23.2.4.7 CompareTypedArrayElements ( x, y, comparator ) with a comparator (#sec-comparetypedarrayelements)
static Result<double> compare_with(Context& ctx, const Value& comparefn, const Value& x, const Value& y) {
    // 2.a. Let v be ? ToNumber(? Call(comparator, undefined, « x, y »)).
    Value call_args[2] = {x, y};
    Value result = TRY(call(ctx, comparefn, Value(), call_args));
    double v = TRY(to_number(ctx, result));
    // b-c. If v is NaN, return +0; return v.
    return std::isnan(v) ? 0.0 : v;
}

// SortIndexedProperties' sort with a user comparator: a stable bottom-up merge sort that stops
// at the first abrupt completion.
static Result<void> merge_sort(Context& ctx, Vector<Value>& items, const Value& comparefn) {
    size_t n = items.size();
    Vector<Value> scratch(n);
    for (size_t width = 1; width < n; width *= 2) {
        for (size_t lo = 0; lo < n; lo += 2 * width) {
            size_t mid = std::min(lo + width, n), hi = std::min(lo + 2 * width, n);
            size_t i = lo, j = mid, k = lo;
            while (i < mid && j < hi) {
                // Take from the right run only when strictly smaller (stability).
                double c = TRY(compare_with(ctx, comparefn, items[j], items[i]));
                scratch[k++] = c < 0 ? items[j++] : items[i++];
            }
            while (i < mid)
                scratch[k++] = items[i++];
            while (j < hi)
                scratch[k++] = items[j++];
        }
        items.swap(scratch);
    }
    return {};
}

// Reads the elements, sorts them with the comparator and writes them to `target` (! Set).
static Result<void> sort_with_comparator(Context& ctx, TypedArrayObject* source, size_t len,
                                         const Value& comparefn, TypedArrayObject* target) {
    // SortIndexedProperties(obj, len, SortCompare, read-through-holes): read with ! Get.
    Vector<Value> items;
    if (!vector_reserve(items, len)) return ctx.throw_out_of_memory();
    for (size_t k = 0; k < len; ++k)
        items.push_back(TRY(typed_array_get_element(ctx, source, static_cast<double>(k))));
    TRY(merge_sort(ctx, items, comparefn));
    // Write back: ! Set(obj, ! ToString(F(j)), sortedList[j], true) (ignored when now out of range).
    for (size_t j = 0; j < len; ++j)
        TRY(typed_array_set_element(ctx, target, static_cast<double>(j), items[j]));
    return {};
}

// 23.2.3.29 %TypedArray%.prototype.sort ( comparator ) (#sec-%typedarray%.prototype.sort)
static Value typed_array_sort(Context& ctx, const CallArgs& args) {
    // 1. If comparator is not undefined and IsCallable(comparator) is false, throw a TypeError.
    const Value& comparefn = args.arg(0);
    if (!comparefn.is_undefined() && !is_callable(comparefn))
        return ctx.throw_type_error("The comparison function must be either a function or undefined");
    // 2-4. Let taRecord be ? ValidateTypedArray(obj, seq-cst); let len be TypedArrayLength(taRecord).
    size_t len;
    TypedArrayObject* ta = TRY(validate_typed_array(ctx, args.this_value, &len, TypedArrayAccess::Write));
    // 5-9. Sort and write back.
    if (comparefn.is_undefined())
        sort_default(ta->m_type, ta->data(), len);
    else
        TRY(sort_with_comparator(ctx, ta, len, comparefn, ta));
    // 10. Return obj.
    return args.this_value;
}

// 23.2.3.33 %TypedArray%.prototype.toSorted ( comparator ) (#sec-%typedarray%.prototype.tosorted)
static Value typed_array_to_sorted(Context& ctx, const CallArgs& args) {
    // 1. If comparator is not undefined and IsCallable(comparator) is false, throw a TypeError.
    const Value& comparefn = args.arg(0);
    if (!comparefn.is_undefined() && !is_callable(comparefn))
        return ctx.throw_type_error("The comparison function must be either a function or undefined");
    // 2-4. Let taRecord be ? ValidateTypedArray(O, seq-cst); let len be TypedArrayLength(taRecord).
    size_t len;
    TypedArrayObject* ta = TRY(validate_typed_array(ctx, args.this_value, &len));
    // 5. Let A be ? TypedArrayCreateSameType(O, len).
    Value a_value = TRY(typed_array_create_same_type(ctx, ta, len));
    auto* a = static_cast<TypedArrayObject*>(a_value.as_object());
    if (comparefn.is_undefined()) {
        // Creating A ran no user code: copy the bytes and sort them in place.
        std::memcpy(a->data(), ta->data(), len * ta->element_size());
        sort_default(a->m_type, a->data(), len);
    } else {
        // 6-10. Sort the values of O and write them to A.
        TRY(sort_with_comparator(ctx, ta, len, comparefn, a));
    }
    // 11. Return A.
    return a_value;
}

// ---- Iterators ----

// 23.2.3.8 entries, 23.2.3.19 keys, 23.2.3.37 values; the magic is the ArrayIterationKind.
static Value typed_array_iterator(Context& ctx, const CallArgs& args) {
    // 1-3. Perform ? ValidateTypedArray(O, seq-cst).
    TypedArrayObject* ta = TRY(validate_typed_array(ctx, args.this_value, nullptr));
    // 4. Return CreateArrayIterator(O, kind).
    return create_array_iterator(ctx, ta, static_cast<ArrayIterationKind>(args.magic));
}

static const FunctionListEntry kTypedArrayPrototypeIteration[] = {
    QJS_FUNC_MAGIC("entries", 0, typed_array_iterator, static_cast<int16_t>(ArrayIterationKind::Entries)),
    QJS_FUNC_MAGIC("every", 1, typed_array_callback_loop, Every),
    QJS_FUNC("filter", 1, typed_array_filter),
    QJS_FUNC_MAGIC("find", 1, typed_array_callback_loop, Find),
    QJS_FUNC_MAGIC("findIndex", 1, typed_array_callback_loop, FindIndex),
    QJS_FUNC_MAGIC("findLast", 1, typed_array_callback_loop, FindLast),
    QJS_FUNC_MAGIC("findLastIndex", 1, typed_array_callback_loop, FindLastIndex),
    QJS_FUNC_MAGIC("forEach", 1, typed_array_callback_loop, ForEach),
    QJS_FUNC_MAGIC("keys", 0, typed_array_iterator, static_cast<int16_t>(ArrayIterationKind::Keys)),
    QJS_FUNC("map", 1, typed_array_map),
    QJS_FUNC_MAGIC("reduce", 1, typed_array_reduce, 0),
    QJS_FUNC_MAGIC("reduceRight", 1, typed_array_reduce, 1),
    QJS_FUNC_MAGIC("some", 1, typed_array_callback_loop, Some),
    QJS_FUNC("sort", 1, typed_array_sort),
    QJS_FUNC("toSorted", 1, typed_array_to_sorted),
    QJS_FUNC_MAGIC("values", 0, typed_array_iterator, static_cast<int16_t>(ArrayIterationKind::Values)),
};

bool install_typed_array_prototype_iteration(Context& ctx, Object* proto) {
    return define_function_list(ctx, proto, kTypedArrayPrototypeIteration);
}

} // namespace qjs
