// IteratorZip.cpp: Iterator.zip and Iterator.zipKeyed (proposal-joint-iteration). Both make an Iterator
// Helper (IteratorHelperKind::Zip) whose closure, IteratorZip, is zip_step below; the helper keeps the
// underlying iterators in m_iters (a closed one is a record without iterator: the spec's null / removed
// from openIters), the padding in m_buffer, the keys of zipKeyed in m_function and the mode in m_counter.
#include "builtins/Builtins.h"
#include "builtins/IteratorHelper.h"
#include "builtins/Options.h"
#include "runtime/Context.h"
#include "runtime/Conversions.h"
#include "runtime/NativeFunction.h"
#include "runtime/Object.h"
#include "runtime/String.h"

namespace qjs {

namespace {

enum ZipMode : uint8_t { Shortest, Longest, Strict };

bool is_open(const IteratorRecord& r) {
    return r.iterator.is_object();
}

// IfAbruptCloseIterators ( value, iteratorRecords ): the pending exception closes them all.
Exception close_all_with_throw(Context& ctx, Vector<IteratorRecord>& iters) {
    (void)iterator_close_all(ctx, iters, true);
    return Exception{};
}

// Reads options.mode (and options.padding for "longest"): Iterator.zip / zipKeyed steps 2-7.
Result<ZipMode> get_zip_options(Context& ctx, const Value& options_arg, Value* padding_option) {
    // 2. Let options be ? GetOptionsObject(options).
    Object* options = TRY(get_options_object(ctx, options_arg));
    // 3. Let mode be ? Get(options, "mode").
    Value mode_value = TRY(get_option(ctx, options, "mode"));
    // 4-5. If mode is undefined, set mode to "shortest"; it must be "shortest", "longest" or "strict".
    ZipMode mode;
    if (mode_value.is_undefined() ||
        (mode_value.is_string() && mode_value.as_string()->equals_ascii("shortest"))) {
        mode = Shortest;
    } else if (mode_value.is_string() && mode_value.as_string()->equals_ascii("longest")) {
        mode = Longest;
    } else if (mode_value.is_string() && mode_value.as_string()->equals_ascii("strict")) {
        mode = Strict;
    } else {
        ctx.throw_type_error("mode must be \"shortest\", \"longest\" or \"strict\"");
        return Exception{};
    }
    // 6-7. If mode is "longest", let paddingOption be ? Get(options, "padding"); it must be undefined or an
    //      Object.
    if (mode == Longest) {
        *padding_option = TRY(get_option(ctx, options, "padding"));
        if (!padding_option->is_undefined() && !padding_option->is_object()) {
            ctx.throw_type_error("padding must be an object");
            return Exception{};
        }
    }
    return mode;
}

// Step 14 of zip / zipKeyed: "longest" pads; a. without a padding option, with undefined (done here).
// True when the padding must be read from paddingOption (step 14.b).
bool needs_padding_option(ZipMode mode, const Value& padding_option, size_t iter_count,
                          Vector<Value>& padding) {
    if (mode != Longest) return false;
    if (!padding_option.is_undefined()) return true;
    padding.resize(iter_count);
    return false;
}

// IteratorZip ( iters, mode, padding, finishResults ) steps 4-6: the helper object.
Value make_zip_helper(Context& ctx, Vector<IteratorRecord> iters, ZipMode mode, Vector<Value> padding,
                      const Value& keys) {
    Value helper = TRY(create_iterator_helper(ctx, IteratorRecord(), IteratorHelperKind::Zip, keys, 0));
    auto* h = static_cast<IteratorHelperObject*>(helper.as_object());
    h->m_iters = std::move(iters);
    h->m_buffer = std::move(padding);
    h->m_counter = mode;
    return helper;
}

// Iterator.zip ( iterables [ , options ] ) (#sec-iterator.zip)
Value iterator_zip(Context& ctx, const CallArgs& args) {
    // 1. If iterables is not an Object, throw a TypeError exception.
    if (!args.arg(0).is_object()) return ctx.throw_type_error("Iterator.zip: iterables is not an object");
    // 2-7. mode and paddingOption.
    Value padding_option;
    ZipMode mode = TRY(get_zip_options(ctx, args.arg(1), &padding_option));
    // 8-9. Let iters and padding be new empty Lists.
    Vector<IteratorRecord> iters;
    Vector<Value> padding;
    // 10. Let inputIter be ? GetIterator(iterables, sync).
    IteratorRecord input_iter = TRY(get_iterator(ctx, args.arg(0)));
    // 11-12. Repeat, while next is not done,
    while (true) {
        // a. Set next to Completion(IteratorStepValue(inputIter)).
        Value next;
        Result<bool> has_next = iterator_step_value(ctx, input_iter, &next);
        // b. IfAbruptCloseIterators(next, iters).
        if (has_next.is_exception()) return close_all_with_throw(ctx, iters);
        if (!has_next.value()) break;
        // c.i. Let iter be Completion(GetIteratorFlattenable(next, reject-primitives)).
        Result<IteratorRecord> iter =
            get_iterator_flattenable(ctx, next, PrimitiveHandling::RejectPrimitives);
        // ii. IfAbruptCloseIterators(iter, the list-concatenation of « inputIter » and iters).
        if (iter.is_exception()) {
            iters.insert(iters.begin(), std::move(input_iter));
            return close_all_with_throw(ctx, iters);
        }
        // iii. Append iter to iters.
        iters.push_back(iter.release_value());
    }
    // 13. Let iterCount be the number of elements in iters.
    size_t iter_count = iters.size();
    // 14. If mode is "longest", then
    if (needs_padding_option(mode, padding_option, iter_count, padding)) {
        // b.i-ii. Let paddingIter be Completion(GetIterator(paddingOption, sync));
        //         IfAbruptCloseIterators(paddingIter, iters).
        Result<IteratorRecord> padding_iter_result = get_iterator(ctx, padding_option);
        if (padding_iter_result.is_exception()) return close_all_with_throw(ctx, iters);
        IteratorRecord padding_iter = padding_iter_result.release_value();
        // iii. Let usingIterator be true.
        bool using_iterator = true;
        // iv. Perform the following steps iterCount times:
        for (size_t i = 0; i < iter_count; i++) {
            Value next;
            if (using_iterator) {
                // 1.a-b. Set next to Completion(IteratorStepValue(paddingIter));
                //        IfAbruptCloseIterators(next, iters).
                Result<bool> has_next = iterator_step_value(ctx, padding_iter, &next);
                if (has_next.is_exception()) return close_all_with_throw(ctx, iters);
                // c. If next is done, set usingIterator to false.
                if (!has_next.value()) using_iterator = false;
            }
            // 1.d / 2. Append next (or undefined) to padding.
            padding.push_back(using_iterator ? std::move(next) : Value());
        }
        // v. If usingIterator is true, then close paddingIter; IfAbruptCloseIterators(completion, iters).
        if (using_iterator && iterator_close(ctx, padding_iter).is_exception())
            return close_all_with_throw(ctx, iters);
    }
    // 15-16. Return IteratorZip(iters, mode, padding, finishResults = CreateArrayFromList).
    return make_zip_helper(ctx, std::move(iters), mode, std::move(padding), Value());
}

// Iterator.zipKeyed ( iterables [ , options ] ) (#sec-iterator.zipkeyed)
Value iterator_zip_keyed(Context& ctx, const CallArgs& args) {
    // 1. If iterables is not an Object, throw a TypeError exception.
    if (!args.arg(0).is_object())
        return ctx.throw_type_error("Iterator.zipKeyed: iterables is not an object");
    Object* iterables = args.arg(0).as_object();
    // 2-7. mode and paddingOption.
    Value padding_option;
    ZipMode mode = TRY(get_zip_options(ctx, args.arg(1), &padding_option));
    // 8-9. Let iters and padding be new empty Lists.
    Vector<IteratorRecord> iters;
    Vector<Value> padding;
    // 10. Let allKeys be ? iterables.[[OwnPropertyKeys]]().
    Vector<Atom> all_keys = TRY(own_property_keys(ctx, iterables));
    // 11. Let keys be a new empty List.
    Value keys = TRY(new_array(ctx));
    // 12. For each element key of allKeys, do
    for (Atom key : all_keys) {
        // a. Let desc be Completion(iterables.[[GetOwnProperty]](key)); IfAbruptCloseIterators(desc, iters).
        PropertyDescriptor desc;
        Result<bool> found = get_own_property(ctx, iterables, key, &desc);
        if (found.is_exception()) return close_all_with_throw(ctx, iters);
        // b. If desc is not undefined and desc.[[Enumerable]] is true, then
        if (!found.value() || !desc.enumerable()) continue;
        // i. Let value be Completion(Get(iterables, key)); IfAbruptCloseIterators(value, iters).
        Value value = get(ctx, iterables, key);
        if (value.is_exception()) return close_all_with_throw(ctx, iters);
        // ii. If value is not undefined, then
        if (value.is_undefined()) continue;
        // 1-2. Let iter be Completion(GetIteratorFlattenable(value, reject-primitives));
        //      IfAbruptCloseIterators(iter, iters).
        Result<IteratorRecord> iter =
            get_iterator_flattenable(ctx, value, PrimitiveHandling::RejectPrimitives);
        if (iter.is_exception()) return close_all_with_throw(ctx, iters);
        // 3-4. Append key to keys and iter to iters.
        if (!array_push_fast(ctx, keys.as_object(), ctx.atom_value(key))) {
            (void)ctx.throw_out_of_memory();
            iters.push_back(iter.release_value());
            return close_all_with_throw(ctx, iters);
        }
        iters.push_back(iter.release_value());
    }
    // 13-14. If mode is "longest", then
    if (needs_padding_option(mode, padding_option, iters.size(), padding)) {
        // b. For each element key of keys: let value be Completion(Get(paddingOption, key));
        //    IfAbruptCloseIterators(value, iters); append value to padding.
        Object* keys_array = keys.as_object();
        for (uint32_t i = 0; i < keys_array->m_element_count; i++) {
            Result<Atom> key = to_property_key(ctx, keys_array->m_elements[i]);
            if (key.is_exception()) return close_all_with_throw(ctx, iters);
            Value value = get(ctx, padding_option.as_object(), key.value());
            if (value.is_exception()) return close_all_with_throw(ctx, iters);
            padding.push_back(std::move(value));
        }
    }
    // 15-16. Return IteratorZip(iters, mode, padding, finishResults = a null-prototype object of keys).
    return make_zip_helper(ctx, std::move(iters), mode, std::move(padding), keys);
}

// finishResults: CreateArrayFromList(results) (zip) or the keyed null-prototype object (zipKeyed).
Value finish_zip_results(Context& ctx, IteratorHelperObject* h, Vector<Value>& results) {
    if (!h->m_function.is_object()) return create_array_from_list(ctx, results);
    // 1. Let obj be OrdinaryObjectCreate(null).
    Value obj = TRY(new_object_with_proto(ctx, nullptr));
    // 2. For each integer i such that 0 ≤ i < iterCount, perform ! CreateDataPropertyOrThrow(obj, keys[i],
    //    results[i]).
    Object* keys = h->m_function.as_object();
    for (uint32_t i = 0; i < keys->m_element_count; i++) {
        Atom key = TRY(to_property_key(ctx, keys->m_elements[i]));
        TRY(create_data_property_or_throw(ctx, obj.as_object(), key, results[i]));
    }
    return obj;
}

const FunctionListEntry kIteratorZipStatics[] = {
    QJS_FUNC("zip", 1, iterator_zip),
    QJS_FUNC("zipKeyed", 1, iterator_zip_keyed),
};

} // namespace

// IteratorCloseAll ( iters, completion ) (#sec-iteratorcloseall): in reverse order, each open iterator is
// closed with the completion so far (`is_throw`: a throw completion, the pending exception).
Result<void> iterator_close_all(Context& ctx, Vector<IteratorRecord>& iters, bool is_throw) {
    for (size_t i = iters.size(); i-- > 0;) {
        if (!is_open(iters[i])) continue;
        IteratorRecord record = std::move(iters[i]);
        iters[i] = IteratorRecord();
        if (is_throw) {
            (void)iterator_close_with_throw(ctx, record);
            if (ctx.rt().m_uncatchable) return Exception{};
        } else if (iterator_close(ctx, record).is_exception()) {
            is_throw = true;
        }
    }
    if (is_throw) return Exception{};
    return {};
}

// IteratorZip's closure (#sec-iteratorzip step 3) up to its next Yield (true) or its return (false).
Result<bool> zip_step(Context& ctx, IteratorHelperObject* h, Value* yielded) {
    Vector<IteratorRecord>& iters = h->m_iters;
    size_t iter_count = iters.size();
    auto mode = static_cast<ZipMode>(h->m_counter);
    // a. If iterCount = 0, return ReturnCompletion(undefined).
    if (iter_count == 0) return false;
    // b.i. Let results be a new empty List.
    Vector<Value> results;
    // iii. For each integer i such that 0 ≤ i < iterCount, in ascending order, do
    for (size_t i = 0; i < iter_count; i++) {
        Value result;
        // 2. If iter is null, let result be padding[i] (mode is "longest").
        if (!is_open(iters[i])) {
            results.push_back(h->m_buffer[i]);
            continue;
        }
        // 3.a. Let result be Completion(IteratorStepValue(iter)).
        Result<bool> has_value = iterator_step_value(ctx, iters[i], &result);
        // b. If result is an abrupt completion: remove iter from openIters; return ? IteratorCloseAll(
        //    openIters, result).
        if (has_value.is_exception()) {
            iters[i] = IteratorRecord();
            (void)iterator_close_all(ctx, iters, true);
            return Exception{};
        }
        // d. If result is done, then
        if (!has_value.value()) {
            // i. Remove iter from openIters.
            iters[i] = IteratorRecord();
            // ii. If mode is "shortest", return ? IteratorCloseAll(openIters, ReturnCompletion(undefined)).
            if (mode == Shortest) {
                TRY(iterator_close_all(ctx, iters, false));
                return false;
            }
            // iii. Else if mode is "strict", then
            if (mode == Strict) {
                // 1. If i ≠ 0, return ? IteratorCloseAll(openIters, ThrowCompletion(a new TypeError)).
                if (i != 0) {
                    (void)ctx.throw_type_error(
                        "Iterator.zip: iterators have different lengths (strict mode)");
                    (void)iterator_close_all(ctx, iters, true);
                    return Exception{};
                }
                // 2. For each integer k such that 1 ≤ k < iterCount, in ascending order, do
                for (size_t k = 1; k < iter_count; k++) {
                    // a. Let open be Completion(IteratorStep(iters[k])).
                    Value step_result;
                    Result<bool> open = iterator_step(ctx, iters[k], &step_result);
                    // b. If open is an abrupt completion: remove iters[k] from openIters; return ?
                    //    IteratorCloseAll(openIters, open).
                    if (open.is_exception()) {
                        iters[k] = IteratorRecord();
                        (void)iterator_close_all(ctx, iters, true);
                        return Exception{};
                    }
                    // d. If open is done, remove iters[k] from openIters.
                    if (!open.value()) {
                        iters[k] = IteratorRecord();
                    } else {
                        // e. Else, return ? IteratorCloseAll(openIters, ThrowCompletion(a new TypeError)).
                        (void)ctx.throw_type_error(
                            "Iterator.zip: iterators have different lengths (strict mode)");
                        (void)iterator_close_all(ctx, iters, true);
                        return Exception{};
                    }
                }
                // 3. Return ReturnCompletion(undefined).
                return false;
            }
            // iv. Else (mode is "longest"): if openIters is empty, return ReturnCompletion(undefined).
            bool any_open = false;
            for (const IteratorRecord& r : iters)
                any_open = any_open || is_open(r);
            if (!any_open) return false;
            // iii-iv. Set iters[i] to null; set result to padding[i].
            result = h->m_buffer[i];
        }
        // 4. Append result to results.
        results.push_back(std::move(result));
    }
    // iv. Set results to finishResults(results).
    // v. Let completion be Completion(Yield(results)) (an abrupt one closes openIters: return()).
    *yielded = TRY(finish_zip_results(ctx, h, results));
    return true;
}

// Builtins.def: Iterator.zip and Iterator.zipKeyed.
bool install_iterator_zip(Context& ctx) {
    return define_function_list(ctx, ctx.intrinsic(Intrinsic::Iterator), kIteratorZipStatics);
}

} // namespace qjs
