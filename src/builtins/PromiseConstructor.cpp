// PromiseConstructor.cpp: the Promise constructor and its properties (ECMA-262 27.2.3, 27.2.4).
//
// The combinators' shared records (the values list, remainingElementsCount, the capability) live
// in an internal fast array, the "combinator state", which no script can reach:
//   [values, remaining (int32), capability promise, resolve, reject, called flags, keys]
// (keys: the property keys of Promise.allKeyed / allSettledKeyed, else undefined).
// Element functions are native functions with data « state, index »; [[AlreadyCalled]] is the
// called flag at that index (shared by allSettled's fulfill/reject pair, as the spec requires).
#include "builtins/Builtins.h"
#include "builtins/Promise.h"
#include "runtime/Call.h"
#include "runtime/Context.h"
#include "runtime/Conversions.h"
#include "runtime/Iteration.h"
#include "runtime/NativeFunction.h"
#include "runtime/Object.h"

namespace qjs {

namespace {

enum : uint32_t {
    kStateValues,
    kStateRemaining,
    kStatePromise,
    kStateResolve,
    kStateReject,
    kStateCalled,
    kStateKeys,
    kStateCount
};

enum CombinatorKind : int16_t { kAll, kAllSettled, kAny, kRace, kAllKeyed, kAllSettledKeyed };
enum ElementKind : int16_t { kAllResolve, kAllSettledFulfill, kAllSettledReject, kAnyReject };

Value* function_data(Object* f) {
    return static_cast<NativeFunctionObject*>(f)->data();
}

// 27.2.1.1.1 IfAbruptRejectPromise ( value, capability ) (#sec-ifabruptrejectpromise), for the
// pending exception: reject the capability's promise with it and return the promise.
Value if_abrupt_reject_promise(Context& ctx, const PromiseCapability& capability) {
    Value error;
    if (!catch_exception(ctx, error)) return Exception{};
    // a. Perform ? Call(capability.[[Reject]], undefined, « value.[[Value]] »).
    TRY(capability_reject(ctx, capability, error));
    // b. Return capability.[[Promise]].
    return capability.promise;
}

// 27.2.4.1.2 GetPromiseResolve ( promiseConstructor ) (#sec-getpromiseresolve)
Value get_promise_resolve(Context& ctx, const Value& constructor) {
    // 1. Let promiseResolve be ? Get(promiseConstructor, "resolve").
    Value promise_resolve_fn = TRY(get(ctx, constructor.as_object(), atoms::resolve));
    // 2. If IsCallable(promiseResolve) is false, throw a TypeError exception.
    if (!is_callable(promise_resolve_fn)) return ctx.throw_type_error("Promise resolve is not a function");
    // 3. Return promiseResolve.
    return promise_resolve_fn;
}

// AggregateError with `errors` defined as CreateArrayFromList(errors) (27.2.4.3.1 step 8.d.iii).
Value make_aggregate_error(Context& ctx, std::span<const Value> errors) {
    Value message = TRY(ctx.new_string("All promises were rejected"));
    Value error = TRY(ctx.make_error(ErrorType::AggregateError, std::move(message)));
    Value list = TRY(create_array_from_list(ctx, errors));
    // Perform ! DefinePropertyOrThrow(error, "errors", { [[Configurable]]: true,
    //   [[Enumerable]]: false, [[Writable]]: true, [[Value]]: CreateArrayFromList(errors) }).
    TRY(define_property_or_throw(
        ctx, error.as_object(), atoms::errors,
        PropertyDescriptor::data(std::move(list), prop::Writable | prop::Configurable)));
    return error;
}

// The settled-combinator bookkeeping step: "Set remainingElementsCount.[[Value]] to
// remainingElementsCount.[[Value]] - 1. If remainingElementsCount.[[Value]] = 0, then ...".
// Resolves (all, allSettled) or rejects (any) the capability once the count reaches zero.
Value finish_one(Context& ctx, Object* state, bool reject_with_aggregate) {
    Value* s = state->m_elements;
    int32_t remaining = s[kStateRemaining].as_int32() - 1;
    s[kStateRemaining] = Value::int32(remaining);
    if (remaining != 0) return Value::undefined();
    Object* values = s[kStateValues].as_object();
    std::span<const Value> list(values->m_elements, values->m_element_count);
    PromiseCapability capability{s[kStatePromise], s[kStateResolve], s[kStateReject]};
    if (reject_with_aggregate) {
        // Let error be a newly created AggregateError object ... Return ? Call(promiseCapability.[[Reject]],
        // undefined, « error »).
        Value error = TRY(make_aggregate_error(ctx, list));
        return capability_reject(ctx, capability, error);
    }
    if (s[kStateKeys].is_object()) {
        // Keyed: Let result be CreateKeyedPromiseCombinatorResultObject(keys, values)
        // (#sec-createkeyedpromisecombinatorresultobject).
        // 1. Let obj be OrdinaryObjectCreate(null).
        Value obj = TRY(new_object_with_proto(ctx, nullptr));
        // 2. For each entry, perform ! CreateDataPropertyOrThrow(obj, entry.[[Key]], entry.[[Value]]).
        Object* keys = s[kStateKeys].as_object();
        for (uint32_t i = 0; i < keys->m_element_count; i++) {
            Atom key = TRY(to_property_key(ctx, keys->m_elements[i]));
            TRY(create_data_property_or_throw(ctx, obj.as_object(), key, list[i]));
        }
        return capability_resolve(ctx, capability, obj);
    }
    // Let valuesArray be CreateArrayFromList(values). Return ? Call(promiseCapability.[[Resolve]], undefined,
    // « valuesArray »).
    Value values_array = TRY(create_array_from_list(ctx, list));
    return capability_resolve(ctx, capability, values_array);
}

// 27.2.4.1.3 Promise.all Resolve Element Functions (#sec-promise.all-resolve-element-functions),
// 27.2.4.2.2 Promise.allSettled Resolve Element Functions, 27.2.4.2.3 Promise.allSettled Reject
// Element Functions and 27.2.4.3.2 Promise.any Reject Element Functions (magic = ElementKind).
Value promise_element_function(Context& ctx, const CallArgs& args) {
    Value* data = function_data(args.callee);
    Object* state = data[0].as_object();
    uint32_t index = static_cast<uint32_t>(data[1].as_int32());
    Value* s = state->m_elements;
    // 1-3. If F.[[AlreadyCalled]] is true, return undefined; set it to true.
    Object* called = s[kStateCalled].as_object();
    if (called->m_elements[index].as_bool()) return Value::undefined();
    called->m_elements[index] = Value::boolean(true);
    // 4-7. index, values/errors, capability, remainingElementsCount come from the state.
    Value element;
    switch (static_cast<ElementKind>(args.magic)) {
    case kAllResolve:
    case kAnyReject: element = args.arg(0); break;
    case kAllSettledFulfill:
    case kAllSettledReject: {
        // 9. Let obj be OrdinaryObjectCreate(%Object.prototype%).
        element = TRY(new_object(ctx));
        bool fulfilled = args.magic == kAllSettledFulfill;
        // 10. Perform ! CreateDataPropertyOrThrow(obj, "status", "fulfilled" / "rejected").
        Value status = ctx.atom_value(fulfilled ? atoms::fulfilled : atoms::rejected);
        TRY(create_data_property_or_throw(ctx, element.as_object(), atoms::status, status));
        // 11. Perform ! CreateDataPropertyOrThrow(obj, "value" / "reason", x).
        TRY(create_data_property_or_throw(ctx, element.as_object(), fulfilled ? atoms::value : atoms::reason,
                                          args.arg(0)));
        break;
    }
    }
    // 8 (12). Set values[index] to x (obj).
    s[kStateValues].as_object()->m_elements[index] = std::move(element);
    // 9-11 (13-15). Decrement remainingElementsCount and settle when it reaches zero.
    return finish_one(ctx, state, args.magic == kAnyReject);
}

Value new_element_function(Context& ctx, const Value& state, uint32_t index, ElementKind kind) {
    // CreateBuiltinFunction(steps, 1, "", « [[AlreadyCalled]], [[Index]], [[Values]], [[Capability]],
    // [[RemainingElements]] »).
    Value f = TRY(new_native_function(ctx, promise_element_function, atoms::empty_string, 1, kind, 2));
    Value* data = function_data(f.as_object());
    data[0] = state;
    data[1] = Value::int32(static_cast<int32_t>(index));
    return f;
}

// The loop shared by 27.2.4.1.1 PerformPromiseAll, 27.2.4.2.1 PerformPromiseAllSettled,
// 27.2.4.3.1 PerformPromiseAny and 27.2.4.5.1 PerformPromiseRace.
Value perform_combinator(Context& ctx, CombinatorKind kind, IteratorRecord& record, const Value& constructor,
                         const PromiseCapability& capability, const Value& promise_resolve_fn) {
    Value state;
    if (kind != kRace) {
        // 1. Let values (errors) be a new empty List. 2. Let remainingElementsCount be the Record {
        // [[Value]]: 1 }.
        Value values = TRY(new_array(ctx));
        Value called = TRY(new_array(ctx));
        Value fields[kStateCount] = {
            values, Value::int32(1), capability.promise, capability.resolve, capability.reject,
            called, Value()};
        state = TRY(new_array_from(ctx, fields));
    }
    // 3. Let index be 0.
    uint32_t index = 0;
    // 4. Repeat,
    for (;;) {
        // a. Let next be ? IteratorStepValue(iteratorRecord).
        Value next;
        bool has_next = TRY(iterator_step_value(ctx, record, &next));
        // b. If next is done, then
        if (!has_next) {
            // Race: return resultCapability.[[Promise]].
            if (kind == kRace) return capability.promise;
            // i-ii. Decrement remainingElementsCount; if 0, resolve with the values (any: reject
            //       with an AggregateError).
            TRY(finish_one(ctx, state.as_object(), kind == kAny));
            // iii. Return resultCapability.[[Promise]].
            return capability.promise;
        }
        if (kind != kRace) {
            // c. Append undefined to values.
            Object* s = state.as_object();
            if (!array_push_fast(ctx, s->m_elements[kStateValues].as_object(), Value()) ||
                !array_push_fast(ctx, s->m_elements[kStateCalled].as_object(), Value::boolean(false)))
                return ctx.throw_out_of_memory();
        }
        // d. Let nextPromise be ? Call(promiseResolve, constructor, « next »).
        Value next_promise = TRY(call(ctx, promise_resolve_fn, constructor, {&next, 1}));
        Value then_args[2];
        switch (kind) {
        case kAll:
            // e-l. onFulfilled = a Promise.all Resolve Element Function.
            then_args[0] = TRY(new_element_function(ctx, state, index, kAllResolve));
            then_args[1] = capability.reject;
            break;
        case kAllSettled:
            // onFulfilled / onRejected share [[AlreadyCalled]].
            then_args[0] = TRY(new_element_function(ctx, state, index, kAllSettledFulfill));
            then_args[1] = TRY(new_element_function(ctx, state, index, kAllSettledReject));
            break;
        case kAny:
            then_args[0] = capability.resolve;
            then_args[1] = TRY(new_element_function(ctx, state, index, kAnyReject));
            break;
        case kAllKeyed:
        case kAllSettledKeyed: VERIFY_NOT_REACHED(); // perform_keyed_combinator
        case kRace:
            // Race d. Perform ? Invoke(nextPromise, "then", « resultCapability.[[Resolve]],
            // resultCapability.[[Reject]] »).
            then_args[0] = capability.resolve;
            then_args[1] = capability.reject;
            break;
        }
        if (kind != kRace) {
            // m. Set remainingElementsCount.[[Value]] to remainingElementsCount.[[Value]] + 1.
            Value& remaining = state.as_object()->m_elements[kStateRemaining];
            remaining = Value::int32(remaining.as_int32() + 1);
        }
        // n. Perform ? Invoke(nextPromise, "then", « onFulfilled, onRejected »).
        TRY(invoke(ctx, next_promise, atoms::then, then_args));
        // o. Set index to index + 1.
        index++;
    }
}

// PerformPromiseAllKeyed ( variant, promises, constructor, resultCapability, promiseResolve )
// (#sec-performpromiseallkeyed; proposal-await-dictionary), variant all (kAllKeyed) or all-settled.
Value perform_keyed_combinator(Context& ctx, CombinatorKind kind, Object* promises, const Value& constructor,
                               const PromiseCapability& capability, const Value& promise_resolve_fn) {
    // 1. Let allKeys be ? promises.[[OwnPropertyKeys]]().
    Vector<Atom> all_keys = TRY(own_property_keys(ctx, promises));
    // 2-4. Let keys and values be new empty Lists; let remainingElementsCount be the Record { [[Value]]: 1 }.
    Value values = TRY(new_array(ctx));
    Value called = TRY(new_array(ctx));
    Value keys = TRY(new_array(ctx));
    Value fields[kStateCount] = {
        values, Value::int32(1), capability.promise, capability.resolve, capability.reject, called, keys};
    Value state = TRY(new_array_from(ctx, fields));
    // 5. Let index be 0.
    uint32_t index = 0;
    // 6. For each element key of allKeys, do
    for (Atom key : all_keys) {
        // a. Let desc be ? promises.[[GetOwnProperty]](key).
        PropertyDescriptor desc;
        bool found = TRY(get_own_property(ctx, promises, key, &desc));
        // b. If desc is not undefined and desc.[[Enumerable]] is true, then
        if (!found || !desc.enumerable()) continue;
        // i. Let value be ? Get(promises, key).
        Value value = TRY(get(ctx, promises, key));
        // ii-iii. Append key to keys and undefined to values.
        Object* s = state.as_object();
        if (!array_push_fast(ctx, s->m_elements[kStateKeys].as_object(), ctx.atom_value(key)) ||
            !array_push_fast(ctx, s->m_elements[kStateValues].as_object(), Value()) ||
            !array_push_fast(ctx, s->m_elements[kStateCalled].as_object(), Value::boolean(false)))
            return ctx.throw_out_of_memory();
        // iv. Let nextPromise be ? Call(promiseResolve, constructor, « value »).
        Value next_promise = TRY(call(ctx, promise_resolve_fn, constructor, {&value, 1}));
        // v-x. The element functions (all: onFulfilled; all-settled: onFulfilled and onRejected).
        Value then_args[2];
        if (kind == kAllKeyed) {
            then_args[0] = TRY(new_element_function(ctx, state, index, kAllResolve));
            then_args[1] = capability.reject;
        } else {
            then_args[0] = TRY(new_element_function(ctx, state, index, kAllSettledFulfill));
            then_args[1] = TRY(new_element_function(ctx, state, index, kAllSettledReject));
        }
        // xi. Set remainingElementsCount.[[Value]] to remainingElementsCount.[[Value]] + 1.
        Value& remaining = state.as_object()->m_elements[kStateRemaining];
        remaining = Value::int32(remaining.as_int32() + 1);
        // xii. Perform ? Invoke(nextPromise, "then", « onFulfilled, onRejected »).
        TRY(invoke(ctx, next_promise, atoms::then, then_args));
        // xiii. Set index to index + 1.
        index++;
    }
    // 7-8. Decrement remainingElementsCount; if 0, resolve with CreateKeyedPromiseCombinatorResultObject.
    TRY(finish_one(ctx, state.as_object(), false));
    // 9. Return resultCapability.[[Promise]].
    return capability.promise;
}

// 27.2.4.1 Promise.all, 27.2.4.2 Promise.allSettled, 27.2.4.3 Promise.any, 27.2.4.5 Promise.race,
// Promise.allKeyed and Promise.allSettledKeyed (magic = CombinatorKind): the common outer steps.
Value promise_combinator(Context& ctx, const CallArgs& args) {
    CombinatorKind kind = static_cast<CombinatorKind>(args.magic);
    // 1. Let C be the this value.
    const Value& constructor = args.this_value;
    // 2. Let promiseCapability be ? NewPromiseCapability(C).
    PromiseCapability capability = TRY(new_promise_capability(ctx, constructor, true));
    // 3. Let promiseResolve be Completion(GetPromiseResolve(C)).
    Value promise_resolve_fn = get_promise_resolve(ctx, constructor);
    // 4. IfAbruptRejectPromise(promiseResolve, promiseCapability).
    if (promise_resolve_fn.is_exception()) return if_abrupt_reject_promise(ctx, capability);
    if (kind == kAllKeyed || kind == kAllSettledKeyed) {
        // Promise.allKeyed ( promises ) (#sec-promise.allkeyed) / Promise.allSettledKeyed:
        // 5. If promises is not an Object, reject promiseCapability with a TypeError.
        if (!args.arg(0).is_object()) {
            (void)ctx.throw_type_error("Promise.%s: argument is not an object",
                                       kind == kAllKeyed ? "allKeyed" : "allSettledKeyed");
            return if_abrupt_reject_promise(ctx, capability);
        }
        // 6-8. Let result be Completion(PerformPromiseAllKeyed(...)); IfAbruptRejectPromise(result, ...).
        Value result = perform_keyed_combinator(ctx, kind, args.arg(0).as_object(), constructor, capability,
                                                promise_resolve_fn);
        if (result.is_exception()) return if_abrupt_reject_promise(ctx, capability);
        return result;
    }
    // 5. Let iteratorRecord be Completion(GetIterator(iterable, sync)).
    Result<IteratorRecord> iterator = get_iterator(ctx, args.arg(0));
    // 6. IfAbruptRejectPromise(iteratorRecord, promiseCapability).
    if (iterator.is_exception()) return if_abrupt_reject_promise(ctx, capability);
    IteratorRecord record = iterator.release_value();
    // 7. Let result be Completion(PerformPromiseAll(iteratorRecord, C, promiseCapability, promiseResolve)).
    Value result = perform_combinator(ctx, kind, record, constructor, capability, promise_resolve_fn);
    // 8. If result is an abrupt completion, then
    if (result.is_exception()) {
        // a. If iteratorRecord.[[Done]] is false, set result to Completion(IteratorClose(iteratorRecord,
        // result)).
        if (!record.done) (void)iterator_close_with_throw(ctx, record);
        // b. IfAbruptRejectPromise(result, promiseCapability).
        return if_abrupt_reject_promise(ctx, capability);
    }
    // 9. Return ? result.
    return result;
}

// 27.2.3.1 Promise ( executor ) (#sec-promise-executor)
Value promise_constructor(Context& ctx, const CallArgs& args) {
    const Value& executor = args.arg(0);
    // 1. If NewTarget is undefined, throw a TypeError exception.
    if (!args.is_construct()) return ctx.throw_type_error("Promise constructor requires 'new'");
    // 2. If IsCallable(executor) is false, throw a TypeError exception.
    if (!is_callable(executor)) return ctx.throw_type_error("Promise executor is not a function");
    // 3. Let promise be ? OrdinaryCreateFromConstructor(NewTarget, "%Promise.prototype%", ...).
    // 4-7. [[PromiseState]] pending, empty reaction lists, [[PromiseIsHandled]] false.
    Value promise = TRY(create_promise_from_constructor(ctx, args.new_target));
    // 8. Let resolvingFunctions be CreateResolvingFunctions(promise).
    Value fns[2];
    TRY(create_resolving_functions(ctx, promise.as_object(), fns[0], fns[1]));
    // 9. Let completion be Completion(Call(executor, undefined, « resolve, reject »)).
    Value completion = call(ctx, executor, Value::undefined(), fns);
    // 10. If completion is an abrupt completion, then
    if (completion.is_exception()) {
        Value error;
        if (!catch_exception(ctx, error)) return Exception{};
        // a. Perform ? Call(resolvingFunctions.[[Reject]], undefined, « completion.[[Value]] »).
        TRY(call(ctx, fns[1], Value::undefined(), {&error, 1}));
    }
    // 11. Return promise.
    return promise;
}

// 27.2.4.6 Promise.reject ( r ) (#sec-promise.reject)
Value promise_reject_static(Context& ctx, const CallArgs& args) {
    // 1. Let C be the this value. 2. Let promiseCapability be ? NewPromiseCapability(C).
    PromiseCapability capability = TRY(new_promise_capability(ctx, args.this_value, false));
    // 3. Perform ? Call(promiseCapability.[[Reject]], undefined, « r »).
    TRY(capability_reject(ctx, capability, args.arg(0)));
    // 4. Return promiseCapability.[[Promise]].
    return std::move(capability.promise);
}

// 27.2.4.7 Promise.resolve ( x ) (#sec-promise.resolve)
Value promise_resolve_static(Context& ctx, const CallArgs& args) {
    // 1. Let C be the this value.
    // 2. If C is not an Object, throw a TypeError exception.
    if (!args.this_value.is_object()) return ctx.throw_type_error("Promise.resolve called on a non-object");
    // 3. Return ? PromiseResolve(C, x).
    return promise_resolve(ctx, args.this_value.as_object(), args.arg(0));
}

// 27.2.4.8 Promise.try ( callback, ...args ) (#sec-promise.try)
Value promise_try(Context& ctx, const CallArgs& args) {
    // 1. Let C be the this value.
    // 2. If C is not an Object, throw a TypeError exception.
    if (!args.this_value.is_object()) return ctx.throw_type_error("Promise.try called on a non-object");
    // 3. Let promiseCapability be ? NewPromiseCapability(C).
    PromiseCapability capability = TRY(new_promise_capability(ctx, args.this_value, false));
    // 4. Let status be Completion(Call(callback, undefined, args)).
    std::span<const Value> rest = args.count() > 1 ? args.args.subspan(1) : std::span<const Value>();
    Value status = call(ctx, args.arg(0), Value::undefined(), rest);
    if (status.is_exception()) {
        // 5. If status is an abrupt completion: Perform ? Call(promiseCapability.[[Reject]], undefined, «
        // status.[[Value]] »).
        Value error;
        if (!catch_exception(ctx, error)) return Exception{};
        TRY(capability_reject(ctx, capability, error));
    } else {
        // 6. Else: Perform ? Call(promiseCapability.[[Resolve]], undefined, « status.[[Value]] »).
        TRY(capability_resolve(ctx, capability, status));
    }
    // 7. Return promiseCapability.[[Promise]].
    return std::move(capability.promise);
}

// 27.2.4.9 Promise.withResolvers ( ) (#sec-promise.withResolvers)
Value promise_with_resolvers(Context& ctx, const CallArgs& args) {
    // 1. Let C be the this value. 2. Let promiseCapability be ? NewPromiseCapability(C).
    PromiseCapability capability = TRY(new_promise_capability(ctx, args.this_value, true));
    // 3. Let obj be OrdinaryObjectCreate(%Object.prototype%).
    Value obj = TRY(new_object(ctx));
    // 4-6. Perform ! CreateDataPropertyOrThrow(obj, "promise" / "resolve" / "reject", ...).
    TRY(create_data_property_or_throw(ctx, obj.as_object(), atoms::promise, capability.promise));
    TRY(create_data_property_or_throw(ctx, obj.as_object(), atoms::resolve, capability.resolve));
    TRY(create_data_property_or_throw(ctx, obj.as_object(), atoms::reject, capability.reject));
    // 7. Return obj.
    return obj;
}

// 27.2.4.10 get Promise [ %Symbol.species% ] (#sec-get-promise-%symbol.species%)
Value promise_species(Context&, const CallArgs& args) {
    // 1. Return the this value.
    return args.this_value;
}

const FunctionListEntry kPromiseStatics[] = {
    QJS_FUNC_MAGIC("all", 1, promise_combinator, kAll),
    QJS_FUNC_MAGIC("allSettled", 1, promise_combinator, kAllSettled),
    QJS_FUNC_MAGIC("allKeyed", 1, promise_combinator, kAllKeyed),
    QJS_FUNC_MAGIC("allSettledKeyed", 1, promise_combinator, kAllSettledKeyed),
    QJS_FUNC_MAGIC("any", 1, promise_combinator, kAny),
    QJS_FUNC_MAGIC("race", 1, promise_combinator, kRace),
    QJS_FUNC("reject", 1, promise_reject_static),
    QJS_FUNC("resolve", 1, promise_resolve_static),
    QJS_FUNC("try", 1, promise_try),
    QJS_FUNC("withResolvers", 0, promise_with_resolvers),
    QJS_GETTER("[Symbol.species]", promise_species),
};

} // namespace

// 27.2 Promise Objects (#sec-promise-objects)
bool install_promise(Context& ctx) {
    if (!install_promise_internals(ctx)) return false;
    register_native(promise_constructor, "Promise");
    register_native(promise_element_function, "PromiseCombinatorElementFunction");
    // 27.2.5 Properties of the Promise Prototype Object: an ordinary object.
    Object* prototype = Object::create(ctx, ctx.intrinsic(Intrinsic::ObjectPrototype), ClassId::Object);
    if (!prototype) return false;
    Value prototype_holder = Value::adopt(Tag::Object, prototype);
    ctx.set_intrinsic(Intrinsic::PromisePrototype, prototype);
    if (!install_promise_prototype(ctx, prototype)) return false;
    // 27.2.3 The Promise Constructor, 27.2.4 Properties of the Promise Constructor.
    Object* constructor = define_builtin_constructor(ctx, promise_constructor, "Promise", 1, prototype);
    if (!constructor) return false;
    ctx.set_intrinsic(Intrinsic::Promise, constructor);
    return define_function_list(ctx, constructor, kPromiseStatics);
}

} // namespace qjs
