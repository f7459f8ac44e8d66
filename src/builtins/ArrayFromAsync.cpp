// ArrayFromAsync.cpp: Array.fromAsync (proposal-array-from-async, #sec-array.fromasync). The spec runs
// its closure with AsyncFunctionStart; here the closure is a state machine resumed by promise reactions.
// Its state is an internal fast array no script can reach (the slots below); the reaction functions hold
// it as their data.
#include "builtins/Array.h"
#include "builtins/Builtins.h"
#include "builtins/Promise.h"
#include "runtime/Call.h"
#include "runtime/Context.h"
#include "runtime/Conversions.h"
#include "runtime/Iteration.h"
#include "runtime/NativeFunction.h"
#include "runtime/Object.h"

namespace qjs {

// CreateAsyncFromSyncIterator (src/vm/AsyncFromSyncIterator.cpp).
Value create_async_from_sync_iterator(Context&, const Value& iterator, const Value& next, Value* next_out);

namespace {

enum Slot : uint32_t {
    kPromise,   // the promiseCapability's promise (%Promise%)
    kMapfn,     // undefined when not mapping
    kThisArg,   //
    kIterator,  // iteratorRecord.[[Iterator]] (undefined for array-likes)
    kNext,      // iteratorRecord.[[NextMethod]]
    kArrayLike, // arrayLike
    kResult,    // A
    kIndex,     // k
    kLength,    // len (array-likes)
    kPhase,     // what the pending Await is for (Phase)
    kError,     // the error to reject with once AsyncIteratorClose's Await settles
    kSlotCount
};

enum Phase : int32_t {
    kAwaitNextResult,  // iterator step 3.h.iii.4: Await(nextResult)
    kAwaitMappedValue, // iterator step 9.d: Await(mappedValue)
    kAwaitElement,     // array-like step 3.i.v.3: Await(kValue)
    kAwaitElementMap,  // array-like step 3.i.v.4.c: Await(mappedValue)
    kAwaitClose,       // AsyncIteratorClose step 4: Await(innerResult) (then reject with kError)
};

constexpr double kMaxSafeInteger = 9007199254740991.0;

Value& slot(const Value& state, Slot s) {
    return state.as_object()->m_elements[s];
}

double index_of(const Value& state) {
    return slot(state, kIndex).as_number();
}

// The closure ends with a throw completion: reject the promise (uncatchable exceptions propagate).
Value reject_pending(Context& ctx, const Value& state) {
    Value error;
    if (!catch_exception(ctx, error)) return Exception{};
    reject_promise(ctx, slot(state, kPromise).as_object(), error);
    return Value();
}

Value resume(Context& ctx, const Value& state, const Value& value, bool is_throw);

Value on_fulfilled(Context& ctx, const CallArgs& args) {
    return resume(ctx, static_cast<NativeFunctionObject*>(args.callee)->data()[0], args.arg(0), false);
}

Value on_rejected(Context& ctx, const CallArgs& args) {
    return resume(ctx, static_cast<NativeFunctionObject*>(args.callee)->data()[0], args.arg(0), true);
}

// Await(v) in `phase`: the closure resumes in resume() when the promise settles.
Value await_value(Context& ctx, const Value& state, const Value& v, Phase phase) {
    slot(state, kPhase) = Value::int32(phase);
    Value promise = promise_resolve(ctx, ctx.intrinsic(Intrinsic::Promise), v);
    if (promise.is_exception()) {
        // The Await itself threw: resume with that throw completion.
        Value error;
        if (!catch_exception(ctx, error)) return Exception{};
        return resume(ctx, state, error, true);
    }
    Value fulfilled = TRY(new_native_function(ctx, on_fulfilled, atoms::empty_string, 1, 0, 1));
    static_cast<NativeFunctionObject*>(fulfilled.as_object())->data()[0] = state;
    Value rejected = TRY(new_native_function(ctx, on_rejected, atoms::empty_string, 1, 0, 1));
    static_cast<NativeFunctionObject*>(rejected.as_object())->data()[0] = state;
    TRY(perform_promise_then(ctx, promise.as_object(), fulfilled, rejected, nullptr));
    return Value();
}

// IfAbruptCloseAsyncIterator(error, iteratorRecord): AsyncIteratorClose(iteratorRecord,
// ThrowCompletion(error))
// (#sec-asynciteratorclose), then reject with error.
Value close_and_reject(Context& ctx, const Value& state, Value error) {
    // 3. Let innerResult be Completion(GetMethod(iterator, "return")).
    Value return_method = get_method(ctx, slot(state, kIterator), atoms::return_);
    Value discarded;
    if (return_method.is_exception()) {
        if (!catch_exception(ctx, discarded)) return Exception{};
    } else if (!return_method.is_undefined()) {
        // 4.c. Set innerResult to Completion(Call(return, iterator)).
        Value inner = call(ctx, return_method, slot(state, kIterator), {});
        if (!inner.is_exception()) {
            // d. If innerResult is a normal completion, set innerResult to Completion(Await(innerResult)).
            slot(state, kError) = std::move(error);
            return await_value(ctx, state, inner, kAwaitClose);
        }
        if (!catch_exception(ctx, discarded)) return Exception{};
    }
    // 5. If completion is a throw completion, return ? completion (innerResult is discarded).
    reject_promise(ctx, slot(state, kPromise).as_object(), error);
    return Value();
}

// The pending exception as a throw completion that closes the iterator (IfAbruptCloseAsyncIterator).
Value close_and_reject_pending(Context& ctx, const Value& state) {
    Value error;
    if (!catch_exception(ctx, error)) return Exception{};
    return close_and_reject(ctx, state, std::move(error));
}

// Iterator path, step 3.h.iii: the next iteration up to its Await(nextResult).
Value iterator_step(Context& ctx, const Value& state) {
    // 1. If k ≥ 2^53 - 1, close the iterator with a TypeError.
    if (index_of(state) >= kMaxSafeInteger) {
        (void)ctx.throw_type_error("Array.fromAsync: too many elements");
        return close_and_reject_pending(ctx, state);
    }
    // 3. Let nextResult be ? Call(iteratorRecord.[[NextMethod]], iteratorRecord.[[Iterator]]).
    Value next_result = call(ctx, slot(state, kNext), slot(state, kIterator), {});
    if (next_result.is_exception()) return reject_pending(ctx, state);
    // 4. Set nextResult to ? Await(nextResult).
    return await_value(ctx, state, next_result, kAwaitNextResult);
}

// Array-like path, step 3.i.v: the next element up to its Await(kValue), or the end.
Value array_like_step(Context& ctx, const Value& state) {
    double k = index_of(state);
    // v. Repeat, while k < len,
    if (k < slot(state, kLength).as_number()) {
        // 1-2. Let Pk be ! ToString(F(k)); let kValue be ? Get(arrayLike, Pk).
        Value k_value = get_index(ctx, slot(state, kArrayLike).as_object(), static_cast<uint64_t>(k));
        if (k_value.is_exception()) return reject_pending(ctx, state);
        // 3. Set kValue to ? Await(kValue).
        return await_value(ctx, state, k_value, kAwaitElement);
    }
    // vi. Perform ? Set(A, "length", F(len), true).
    if (set_with_mode(ctx, slot(state, kResult).as_object(), atoms::length, slot(state, kLength), true)
            .is_exception())
        return reject_pending(ctx, state);
    // vii. Return A.
    TRY(resolve_promise(ctx, slot(state, kPromise).as_object(), slot(state, kResult)));
    return Value();
}

// Perform ? CreateDataPropertyOrThrow(A, Pk, mappedValue); set k to k + 1; go on with the next step.
Value store_and_continue(Context& ctx, const Value& state, const Value& mapped, bool iterating) {
    double k = index_of(state);
    Result<void> defined =
        create_data_property_index(ctx, slot(state, kResult).as_object(), static_cast<uint64_t>(k), mapped);
    if (defined.is_exception())
        return iterating ? close_and_reject_pending(ctx, state) : reject_pending(ctx, state);
    slot(state, kIndex) = Value::number(k + 1);
    return iterating ? iterator_step(ctx, state) : array_like_step(ctx, state);
}

// mapfn(value, k) (when mapping), then Await(mappedValue) in `phase`; else store value as is.
Value map_and_continue(Context& ctx, const Value& state, const Value& value, bool iterating) {
    if (slot(state, kMapfn).is_undefined()) return store_and_continue(ctx, state, value, iterating);
    // Let mappedValue be Call(mapfn, thisArg, « value, F(k) »).
    Value call_args[2] = {value, slot(state, kIndex)};
    Value mapped = call(ctx, slot(state, kMapfn), slot(state, kThisArg), call_args);
    // IfAbruptCloseAsyncIterator(mappedValue, iteratorRecord) / ? for array-likes.
    if (mapped.is_exception())
        return iterating ? close_and_reject_pending(ctx, state) : reject_pending(ctx, state);
    // Set mappedValue to Await(mappedValue).
    return await_value(ctx, state, mapped, iterating ? kAwaitMappedValue : kAwaitElementMap);
}

// Resumes the closure after an Await settled with `value` (a throw completion when is_throw).
Value resume(Context& ctx, const Value& state, const Value& value, bool is_throw) {
    Object* promise = slot(state, kPromise).as_object();
    auto phase = static_cast<Phase>(slot(state, kPhase).as_int32());
    switch (phase) {
    case kAwaitNextResult: {
        if (is_throw) break;
        // 5. If nextResult is not an Object, throw a TypeError exception.
        if (!value.is_object()) {
            (void)ctx.throw_type_error("Array.fromAsync: iterator result is not an object");
            return reject_pending(ctx, state);
        }
        // 6. Let done be ? IteratorComplete(nextResult).
        Result<bool> done = iterator_complete(ctx, value.as_object());
        if (done.is_exception()) return reject_pending(ctx, state);
        // 7. If done is true, then
        if (done.value()) {
            // a. Perform ? Set(A, "length", F(k), true).
            if (set_with_mode(ctx, slot(state, kResult).as_object(), atoms::length, slot(state, kIndex), true)
                    .is_exception())
                return reject_pending(ctx, state);
            // b. Return Completion Record { [[Type]]: return, [[Value]]: A }.
            TRY(resolve_promise(ctx, promise, slot(state, kResult)));
            return Value();
        }
        // 8. Let nextValue be ? IteratorValue(nextResult).
        Value next_value = iterator_value(ctx, value.as_object());
        if (next_value.is_exception()) return reject_pending(ctx, state);
        // 9-12. Map, store, next iteration.
        return map_and_continue(ctx, state, next_value, true);
    }
    case kAwaitMappedValue:
        // 9.e. IfAbruptCloseAsyncIterator(mappedValue, iteratorRecord).
        if (is_throw) return close_and_reject(ctx, state, value);
        return store_and_continue(ctx, state, value, true);
    case kAwaitElement:
        if (is_throw) break;
        return map_and_continue(ctx, state, value, false);
    case kAwaitElementMap:
        if (is_throw) break;
        return store_and_continue(ctx, state, value, false);
    case kAwaitClose:
        // AsyncIteratorClose step 5: the original throw completion wins.
        reject_promise(ctx, promise, slot(state, kError));
        return Value();
    }
    reject_promise(ctx, promise, value);
    return Value();
}

// The closure's synchronous part (steps 3.a-i up to the first Await). Returns Exception for a throw
// completion (the caller rejects), else undefined.
Value start(Context& ctx, const CallArgs& args, const Value& state) {
    const Value& constructor = args.this_value;
    const Value& async_items = args.arg(0);
    const Value& mapfn = args.arg(1);
    // a-b. If mapfn is not undefined and IsCallable(mapfn) is false, throw a TypeError exception.
    if (!mapfn.is_undefined() && !is_callable(mapfn))
        return ctx.throw_type_error("Array.fromAsync: mapper is not a function");
    slot(state, kMapfn) = mapfn;
    slot(state, kThisArg) = args.arg(2);
    // c. Let usingAsyncIterator be ? GetMethod(asyncItems, @@asyncIterator).
    Value using_async_iterator = TRY(get_method(ctx, async_items, atoms::sym_asyncIterator));
    Value using_sync_iterator;
    // d. If usingAsyncIterator is undefined, let usingSyncIterator be ? GetMethod(asyncItems, @@iterator).
    if (using_async_iterator.is_undefined())
        using_sync_iterator = TRY(get_method(ctx, async_items, atoms::sym_iterator));
    // e-g. Let iteratorRecord be from usingAsyncIterator, or CreateAsyncFromSyncIterator of the sync one.
    if (!using_async_iterator.is_undefined() || !using_sync_iterator.is_undefined()) {
        if (!using_async_iterator.is_undefined()) {
            IteratorRecord record = TRY(get_iterator_from_method(ctx, async_items, using_async_iterator));
            slot(state, kIterator) = record.iterator;
            slot(state, kNext) = record.next_method;
        } else {
            IteratorRecord sync = TRY(get_iterator_from_method(ctx, async_items, using_sync_iterator));
            Value next;
            slot(state, kIterator) =
                TRY(create_async_from_sync_iterator(ctx, sync.iterator, sync.next_method, &next));
            slot(state, kNext) = std::move(next);
        }
        // h.i-ii. If IsConstructor(C), let A be ? Construct(C); else let A be ! ArrayCreate(0).
        if (is_constructor(constructor))
            slot(state, kResult) = TRY(construct(ctx, constructor, {}));
        else
            slot(state, kResult) = TRY(new_array(ctx));
        // iii. Let k be 0. Repeat, ...
        slot(state, kIndex) = Value::int32(0);
        return iterator_step(ctx, state);
    }
    // i.i. NOTE: asyncItems is neither an AsyncIterable nor an Iterable. Let arrayLike be !
    // ToObject(asyncItems).
    Value array_like = TRY(to_object(ctx, async_items));
    slot(state, kArrayLike) = array_like;
    // ii. Let len be ? LengthOfArrayLike(arrayLike).
    uint64_t len = TRY(length_of_array_like(ctx, array_like.as_object()));
    Value len_value = Value::number(static_cast<double>(len));
    slot(state, kLength) = len_value;
    // iii. If IsConstructor(C), let A be ? Construct(C, « F(len) »); else let A be ? ArrayCreate(len).
    if (is_constructor(constructor)) {
        slot(state, kResult) = TRY(construct(ctx, constructor, {&len_value, 1}));
    } else {
        if (len > 0xFFFFFFFFull) return ctx.throw_range_error("invalid array length");
        slot(state, kResult) = TRY(new_array(ctx, static_cast<uint32_t>(len)));
    }
    // iv. Let k be 0.
    slot(state, kIndex) = Value::int32(0);
    return array_like_step(ctx, state);
}

// Array.fromAsync ( asyncItems [ , mapfn [ , thisArg ] ] ) (#sec-array.fromasync)
Value array_from_async(Context& ctx, const CallArgs& args) {
    // 1-2. Let C be the this value. Let promiseCapability be ! NewPromiseCapability(%Promise%).
    Value promise = TRY(new_promise(ctx, nullptr, nullptr));
    Value fields[kSlotCount] = {promise};
    Value state = TRY(new_array_from(ctx, fields));
    // 3-4. Perform AsyncFunctionStart(promiseCapability, fromAsyncClosure).
    if (start(ctx, args, state).is_exception()) TRY(reject_pending(ctx, state));
    // 5. Return promiseCapability.[[Promise]].
    return promise;
}

const FunctionListEntry kArrayFromAsync[] = {
    QJS_FUNC("fromAsync", 1, array_from_async),
};

} // namespace

// Builtins.def: Array.fromAsync.
bool install_array_from_async(Context& ctx) {
    register_native(on_fulfilled, "ArrayFromAsyncFulfilled");
    register_native(on_rejected, "ArrayFromAsyncRejected");
    return define_function_list(ctx, ctx.intrinsic(Intrinsic::Array), kArrayFromAsync);
}

} // namespace qjs
