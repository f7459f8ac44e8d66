// AsyncDisposableStack.cpp: AsyncDisposableStack objects (explicit resource management,
// #sec-asyncdisposablestack-objects): the constructor and disposeAsync. disposed, use, adopt, defer and
// move are DisposableStack's (DisposableStack.cpp); the DisposeCapability operations are in
// DisposeResources.cpp.
#include "builtins/Builtins.h"
#include "builtins/DisposableStack.h"
#include "builtins/Promise.h"
#include "runtime/Context.h"
#include "runtime/NativeFunction.h"
#include "runtime/Object.h"

namespace qjs {

namespace {

// RequireInternalSlot(asyncDisposableStack, [[AsyncDisposableState]]).
DisposableStackObject* as_async_disposable_stack(const Value& v) {
    if (!v.is_object() || v.as_object()->class_id() != ClassId::AsyncDisposableStack) return nullptr;
    return static_cast<DisposableStackObject*>(v.as_object());
}

// AsyncDisposableStack ( ) (#sec-asyncdisposablestack)
Value async_disposable_stack_constructor(Context& ctx, const CallArgs& args) {
    // 1. If NewTarget is undefined, throw a TypeError exception.
    if (!args.is_construct()) return ctx.throw_type_error("Constructor AsyncDisposableStack requires 'new'");
    // 2. Let asyncDisposableStack be ? OrdinaryCreateFromConstructor(NewTarget,
    //    "%AsyncDisposableStack.prototype%", « [[AsyncDisposableState]], [[DisposeCapability]] »).
    Object* proto =
        TRY(get_prototype_from_constructor(ctx, args.new_target, Intrinsic::AsyncDisposableStackPrototype));
    Value proto_hold = proto ? Value::adopt(Tag::Object, proto) : Value();
    auto* stack = Object::create_as<DisposableStackObject>(ctx, proto, ClassId::AsyncDisposableStack);
    if (!stack) return Exception{};
    // 3-4. [[AsyncDisposableState]] pending, [[DisposeCapability]] NewDisposeCapability().
    // 5. Return asyncDisposableStack.
    return Value::adopt(Tag::Object, stack);
}

// AsyncDisposableStack.prototype.disposeAsync ( ) (#sec-asyncdisposablestack.prototype.disposeAsync)
Value async_disposable_stack_dispose_async(Context& ctx, const CallArgs& args) {
    // 1. Let asyncDisposableStack be the this value.
    // 2. Let promiseCapability be ! NewPromiseCapability(%Promise%).
    // 3. If asyncDisposableStack does not have an [[AsyncDisposableState]] internal slot, then
    DisposableStackObject* stack = as_async_disposable_stack(args.this_value);
    if (!stack) {
        // a. Perform ! Call(promiseCapability.[[Reject]], undefined, « a newly created TypeError »).
        // b. Return promiseCapability.[[Promise]].
        Value promise = TRY(new_promise(ctx, nullptr, nullptr));
        (void)ctx.throw_type_error(
            "AsyncDisposableStack.prototype.disposeAsync called on incompatible receiver");
        Value error;
        if (!catch_exception(ctx, error)) return Exception{};
        reject_promise(ctx, promise.as_object(), error);
        return promise;
    }
    // 4. If asyncDisposableStack.[[AsyncDisposableState]] is disposed, then
    if (stack->m_disposed) {
        // a. Perform ! Call(promiseCapability.[[Resolve]], undefined, « undefined »).
        // b. Return promiseCapability.[[Promise]].
        Value promise = TRY(new_promise(ctx, nullptr, nullptr));
        TRY(resolve_promise(ctx, promise.as_object(), Value()));
        return promise;
    }
    // 5. Set asyncDisposableStack.[[AsyncDisposableState]] to disposed.
    stack->m_disposed = true;
    // 6-8. Let result be Completion(DisposeResources(asyncDisposableStack.[[DisposeCapability]],
    //      NormalCompletion(undefined))); settle promiseCapability with it; return its promise.
    return dispose_resources_async(ctx, stack, false, Value(), true);
}

const FunctionListEntry kAsyncDisposableStackPrototype[] = {
    QJS_FUNC("disposeAsync", 0, async_disposable_stack_dispose_async),
    QJS_PROP_STRING("[Symbol.toStringTag]", "AsyncDisposableStack", prop::Configurable),
};

} // namespace

// Properties of the AsyncDisposableStack Constructor and Prototype
// (#sec-properties-of-the-asyncdisposablestack-constructor)
bool install_async_disposable_stack(Context& ctx) {
    Object* proto = Object::create(ctx, ctx.intrinsic(Intrinsic::ObjectPrototype), ClassId::Object);
    if (!proto) return false;
    ctx.set_intrinsic(Intrinsic::AsyncDisposableStackPrototype, proto);
    proto->unref(); // the realm holds it
    Object* ctor =
        define_builtin_constructor(ctx, async_disposable_stack_constructor, "AsyncDisposableStack", 0, proto);
    if (!ctor) return false;
    ctx.set_intrinsic(Intrinsic::AsyncDisposableStack, ctor);
    if (!define_async_disposable_stack_methods(ctx, proto) ||
        !define_function_list(ctx, proto, kAsyncDisposableStackPrototype))
        return false;
    // AsyncDisposableStack.prototype [ @@asyncDispose ] is the same function object as disposeAsync.
    Value dispose = get(ctx, proto, function_list_atom(ctx, "disposeAsync"));
    if (dispose.is_exception()) return false;
    return define_fresh_property(ctx, proto, atoms::sym_asyncDispose, std::move(dispose),
                                 prop::Writable | prop::Configurable);
}

} // namespace qjs
