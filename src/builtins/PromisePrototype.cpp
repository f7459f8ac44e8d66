// PromisePrototype.cpp: the Promise prototype object (ECMA-262 27.2.5,
// #sec-properties-of-the-promise-prototype-object).
#include "builtins/Promise.h"
#include "runtime/Call.h"
#include "runtime/Context.h"
#include "runtime/Conversions.h"
#include "runtime/NativeFunction.h"
#include "runtime/Object.h"

namespace qjs {

namespace {

Value* function_data(Object* f) {
    return static_cast<NativeFunctionObject*>(f)->data();
}

// 27.2.5.4 Promise.prototype.then ( onFulfilled, onRejected ) (#sec-promise.prototype.then)
Value promise_then(Context& ctx, const CallArgs& args) {
    // 1. Let promise be the this value.
    const Value& promise = args.this_value;
    // 2. If IsPromise(promise) is false, throw a TypeError exception.
    if (!is_promise(promise)) return ctx.throw_type_error("Promise.prototype.then called on a non-promise");
    // 3. Let C be ? SpeciesConstructor(promise, %Promise%).
    Value constructor = TRY(species_constructor(ctx, promise.as_object(), ctx.intrinsic(Intrinsic::Promise)));
    // 4. Let resultCapability be ? NewPromiseCapability(C).
    PromiseCapability capability = TRY(new_promise_capability(ctx, constructor, false));
    // 5. Return PerformPromiseThen(promise, onFulfilled, onRejected, resultCapability).
    return perform_promise_then_with_capability(ctx, promise.as_object(), args.arg(0), args.arg(1),
                                                &capability);
}

// 27.2.5.1 Promise.prototype.catch ( onRejected ) (#sec-promise.prototype.catch)
Value promise_catch(Context& ctx, const CallArgs& args) {
    // 1. Let promise be the this value.
    // 2. Return ? Invoke(promise, "then", « undefined, onRejected »).
    Value then_args[2] = {Value::undefined(), args.arg(0)};
    return invoke(ctx, args.this_value, atoms::then, then_args);
}

// The valueThunk / thrower closures of Promise.prototype.finally (steps 6.a.iv and 6.b.iv);
// data « value », magic 1 = thrower.
Value promise_finally_thunk(Context& ctx, const CallArgs& args) {
    const Value& value = function_data(args.callee)[0];
    // returnValue: i. Return value. throwReason: i. Return ThrowCompletion(reason).
    if (args.magic == 1) return ctx.throw_value(value);
    return value;
}

// The thenFinally (magic 0) and catchFinally (magic 1) closures of Promise.prototype.finally
// (27.2.5.3 steps 6.a and 6.b); data « onFinally, C ».
Value promise_finally_reaction(Context& ctx, const CallArgs& args) {
    Value* data = function_data(args.callee);
    const Value& on_finally = data[0];
    const Value& constructor = data[1];
    // i. Let result be ? Call(onFinally, undefined).
    Value result = TRY(call(ctx, on_finally, Value::undefined(), {}));
    // ii. Let p be ? PromiseResolve(C, result).
    Value p = TRY(promise_resolve(ctx, constructor.as_object(), result));
    // iii-iv. Let valueThunk (thrower) be CreateBuiltinFunction(returnValue (throwReason), 0, "", « »).
    Value thunk = TRY(new_native_function(ctx, promise_finally_thunk, atoms::empty_string, 0, args.magic, 1));
    function_data(thunk.as_object())[0] = args.arg(0);
    // v. Return ? Invoke(p, "then", « valueThunk ») (« thrower »).
    return invoke(ctx, p, atoms::then, {&thunk, 1});
}

// 27.2.5.3 Promise.prototype.finally ( onFinally ) (#sec-promise.prototype.finally)
Value promise_finally(Context& ctx, const CallArgs& args) {
    const Value& on_finally = args.arg(0);
    // 1. Let promise be the this value.
    const Value& promise = args.this_value;
    // 2. If promise is not an Object, throw a TypeError exception.
    if (!promise.is_object()) return ctx.throw_type_error("Promise.prototype.finally called on a non-object");
    // 3. Let C be ? SpeciesConstructor(promise, %Promise%).
    Value constructor = TRY(species_constructor(ctx, promise.as_object(), ctx.intrinsic(Intrinsic::Promise)));
    // 4. Assert: IsConstructor(C) is true.
    Value then_args[2];
    if (!is_callable(on_finally)) {
        // 5. If IsCallable(onFinally) is false: thenFinally and catchFinally are onFinally.
        then_args[0] = on_finally;
        then_args[1] = on_finally;
    } else {
        // 6. Else: thenFinally / catchFinally = CreateBuiltinFunction(closure, 1, "", « »).
        for (int16_t kind = 0; kind < 2; kind++) {
            then_args[kind] =
                TRY(new_native_function(ctx, promise_finally_reaction, atoms::empty_string, 1, kind, 2));
            Value* data = function_data(then_args[kind].as_object());
            data[0] = on_finally;
            data[1] = constructor;
        }
    }
    // 7. Return ? Invoke(promise, "then", « thenFinally, catchFinally »).
    return invoke(ctx, promise, atoms::then, then_args);
}

const FunctionListEntry kPromisePrototypeFunctions[] = {
    QJS_FUNC("then", 2, promise_then),
    QJS_FUNC("catch", 1, promise_catch),
    QJS_FUNC("finally", 1, promise_finally),
    // 27.2.5.5 Promise.prototype [ %Symbol.toStringTag% ] (#sec-promise.prototype-%symbol.tostringtag%)
    QJS_PROP_STRING("[Symbol.toStringTag]", "Promise", prop::Configurable),
};

} // namespace

bool install_promise_prototype(Context& ctx, Object* prototype) {
    register_native(promise_finally_thunk, "PromiseFinallyThunk");
    register_native(promise_finally_reaction, "PromiseFinallyReaction");
    return define_function_list(ctx, prototype, kPromisePrototypeFunctions);
}

} // namespace qjs
