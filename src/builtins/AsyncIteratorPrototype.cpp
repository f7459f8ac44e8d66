// AsyncIteratorPrototype.cpp: %AsyncIteratorPrototype% [ %Symbol.asyncDispose% ] (explicit resource
// management, ECMA-262 27.1.3.x). The rest of %AsyncIteratorPrototype% is made by the generator
// family (AsyncGeneratorPrototype.cpp), which runs before this installer.
#include "builtins/Builtins.h"
#include "builtins/Promise.h"
#include "runtime/Call.h"
#include "runtime/Context.h"
#include "runtime/NativeFunction.h"
#include "runtime/Object.h"

namespace qjs {

// The unwrap closure of step 6.e: discards the result of "return".
static Value async_dispose_unwrap(Context&, const CallArgs&) {
    return Value();
}

// Rejects the capability with the pending exception (IfAbruptRejectPromise) and returns its promise.
static Value reject_with_pending(Context& ctx, const PromiseCapability& capability) {
    Value error;
    if (!catch_exception(ctx, error)) return Exception{};
    TRY(capability_reject(ctx, capability, error));
    return capability.promise;
}

// %AsyncIteratorPrototype% [ %Symbol.asyncDispose% ] ( ) (#sec-%asynciteratorprototype%-@@asyncdispose)
static Value async_iterator_proto_async_dispose(Context& ctx, const CallArgs& args) {
    // 1. Let O be the this value.
    const Value& o = args.this_value;
    // 2. Let promiseCapability be ! NewPromiseCapability(%Promise%).
    Value promise_ctor = Value::object(ctx.intrinsic(Intrinsic::Promise));
    PromiseCapability capability = TRY(new_promise_capability(ctx, promise_ctor, false));
    // 3. Let return be Completion(GetMethod(O, "return")).
    Value return_method = get_method(ctx, o, atoms::return_);
    // 4. IfAbruptRejectPromise(return, promiseCapability).
    if (return_method.is_exception()) return reject_with_pending(ctx, capability);
    // 5. If return is undefined, then
    if (return_method.is_undefined()) {
        // a. Perform ! Call(promiseCapability.[[Resolve]], undefined, « undefined »).
        TRY(capability_resolve(ctx, capability, Value()));
        return capability.promise;
    }
    // 6. Else,
    //    a. Let result be Completion(Call(return, O)).
    Value result = call(ctx, return_method, o, {});
    //    b. IfAbruptRejectPromise(result, promiseCapability).
    if (result.is_exception()) return reject_with_pending(ctx, capability);
    //    c. Let resultWrapper be Completion(PromiseResolve(%Promise%, result)).
    Value wrapper = promise_resolve(ctx, ctx.intrinsic(Intrinsic::Promise), result);
    //    d. IfAbruptRejectPromise(resultWrapper, promiseCapability).
    if (wrapper.is_exception()) return reject_with_pending(ctx, capability);
    //    e-f. Let onFulfilled be CreateBuiltinFunction(unwrap, 1, "", « »).
    Value on_fulfilled = TRY(new_native_function(ctx, async_dispose_unwrap, atoms::empty_string, 1));
    //    g. Perform PerformPromiseThen(resultWrapper, onFulfilled, undefined, promiseCapability).
    TRY(perform_promise_then_with_capability(ctx, wrapper.as_object(), on_fulfilled, Value(), &capability));
    // 7. Return promiseCapability.[[Promise]].
    return capability.promise;
}

static const FunctionListEntry kAsyncIteratorPrototypeDispose[] = {
    QJS_FUNC("[Symbol.asyncDispose]", 0, async_iterator_proto_async_dispose),
};

bool install_async_iterator(Context& ctx) {
    register_native(async_dispose_unwrap, "async_dispose_unwrap");
    Object* proto = ctx.intrinsic(Intrinsic::AsyncIteratorPrototype);
    if (!proto) return true;
    return define_function_list(ctx, proto, kAsyncIteratorPrototypeDispose);
}

} // namespace qjs
