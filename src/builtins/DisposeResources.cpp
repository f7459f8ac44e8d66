// DisposeResources.cpp: DisposeCapability records and their operations (explicit resource management:
// #sec-disposecapability-records), used by DisposableStack, AsyncDisposableStack and `using` /
// `await using`. The async form of DisposeResources cannot block on Await: it is a small state machine
// (a driver object holding the remaining resources and the completion) resumed by promise reactions.
#include "builtins/DisposableStack.h"
#include "builtins/Promise.h"
#include "gc/Visitor.h"
#include "runtime/Call.h"
#include "runtime/Context.h"
#include "runtime/NativeFunction.h"
#include "snapshot/HeapReader.h"
#include "snapshot/HeapWriter.h"

namespace qjs {

namespace {

void visit_disposable_stack(Object* o, EdgeVisitor& v) {
    auto* s = static_cast<DisposableStackObject*>(o);
    for (DisposableResource& r : s->m_resources) {
        v.visit_value(r.value);
        v.visit_value(r.method);
        v.visit_value(r.argument);
    }
    v.visit_value(s->m_error);
    v.visit_value(s->m_promise);
}

void clear_disposable_stack(Object* o) {
    auto* s = static_cast<DisposableStackObject*>(o);
    Vector<DisposableResource>().swap(s->m_resources);
    s->m_error = Value();
    s->m_promise = Value();
}

// GetDisposeMethod ( V, hint ) (#sec-getdisposemethod). `call` receives how the method is to be called.
Value get_dispose_method(Context& ctx, const Value& v, DisposeHint hint, DisposeCall& call) {
    call = DisposeCall::OnValue;
    // 1. If hint is async-dispose, then
    if (hint == DisposeHint::Async) {
        // a. Let method be ? GetMethod(V, @@asyncDispose).
        Value method = TRY(get_method(ctx, v, atoms::sym_asyncDispose));
        // b. If method is undefined, then
        if (method.is_undefined()) {
            // i. Set method to ? GetMethod(V, @@dispose).
            method = TRY(get_method(ctx, v, atoms::sym_dispose));
            // ii. If method is not undefined, wrap it in a closure returning a promise (see
            //     DisposeCall::SyncAsAsync, run by invoke_dispose_method).
            if (!method.is_undefined()) call = DisposeCall::SyncAsAsync;
        }
        return method;
    }
    // 2. Else, let method be ? GetMethod(V, @@dispose).
    // 3. Return method.
    return get_method(ctx, v, atoms::sym_dispose);
}

// Call(resource.[[DisposeMethod]], resource.[[ResourceValue]]) (Dispose step 2), with the closures of
// adopt() and GetDisposeMethod spelled out. SyncAsAsync returns the closure's promise.
Value invoke_dispose_method(Context& ctx, const DisposableResource& r) {
    switch (r.call) {
    case DisposeCall::OnValue: return call(ctx, r.method, r.value, {});
    case DisposeCall::WithArgument: {
        // adopt()'s closure: Return ? Call(onDispose, undefined, « value »).
        Value arg[1] = {r.argument};
        return call(ctx, r.method, Value(), arg);
    }
    case DisposeCall::SyncAsAsync: {
        // a. Let O be the this value. b. Let promiseCapability be ! NewPromiseCapability(%Promise%).
        Value promise = TRY(new_promise(ctx, nullptr, nullptr));
        // c. Let result be Completion(Call(method, O)).
        Value result = call(ctx, r.method, r.value, {});
        if (result.is_exception()) {
            // d. IfAbruptRejectPromise(result, promiseCapability).
            Value error;
            if (!catch_exception(ctx, error)) return Exception{};
            reject_promise(ctx, promise.as_object(), error);
        } else {
            // e. Perform ? Call(promiseCapability.[[Resolve]], undefined, « undefined »).
            TRY(resolve_promise(ctx, promise.as_object(), Value()));
        }
        // f. Return promiseCapability.[[Promise]].
        return promise;
    }
    }
    VERIFY_NOT_REACHED();
}

// A newly created SuppressedError whose "error" is `error` and "suppressed" is `suppressed`
// (DisposeResources step 1.b.i / 2.c.iii).
Value make_suppressed_error(Context& ctx, Value error, Value suppressed) {
    Value message = TRY(ctx.new_string("An error was suppressed during disposal"));
    Value e = TRY(ctx.make_error(ErrorType::SuppressedError, std::move(message)));
    if (!define_fresh_property(ctx, e.as_object(), atoms::error, std::move(error),
                               prop::Writable | prop::Configurable) ||
        !define_fresh_property(ctx, e.as_object(), atoms::suppressed, std::move(suppressed),
                               prop::Writable | prop::Configurable))
        return Exception{};
    return e;
}

// Folds the pending exception of a disposal into the completion (`has_error`, `error`). False when the
// exception is uncatchable or creating the SuppressedError failed (the exception stays pending).
bool record_disposal_error(Context& ctx, bool& has_error, Value& error) {
    Value thrown;
    if (!catch_exception(ctx, thrown)) return false;
    // i. If completion is a throw completion, then
    if (has_error) {
        // 1-6. Set completion to ThrowCompletion(a new SuppressedError { error: result, suppressed:
        //      completion.[[Value]] }).
        Value suppressed = make_suppressed_error(ctx, std::move(thrown), std::move(error));
        if (suppressed.is_exception()) return false;
        error = std::move(suppressed);
    } else {
        // ii. Else, set completion to result.
        error = std::move(thrown);
        has_error = true;
    }
    return true;
}

// ---- the async DisposeResources driver ----

Value async_dispose_step(Context& ctx, DisposableStackObject* d);

Value async_dispose_on_fulfilled(Context& ctx, const CallArgs& args) {
    Value driver = static_cast<NativeFunctionObject*>(args.callee)->data()[0];
    return async_dispose_step(ctx, static_cast<DisposableStackObject*>(driver.as_object()));
}

Value async_dispose_on_rejected(Context& ctx, const CallArgs& args) {
    Value driver = static_cast<NativeFunctionObject*>(args.callee)->data()[0];
    auto* d = static_cast<DisposableStackObject*>(driver.as_object());
    // The Await threw: record it as the result of the disposal, then go on with the next resource.
    if (d->m_has_error) {
        d->m_error = TRY(make_suppressed_error(ctx, args.arg(0), std::move(d->m_error)));
    } else {
        d->m_error = args.arg(0);
        d->m_has_error = true;
    }
    return async_dispose_step(ctx, d);
}

// Await(v) for the driver: PromiseResolve(%Promise%, v), then resume the driver when it settles.
// Returns false when PromiseResolve threw (the exception is pending, the caller records it).
Result<bool> async_dispose_await(Context& ctx, DisposableStackObject* d, const Value& v) {
    Value promise = promise_resolve(ctx, ctx.intrinsic(Intrinsic::Promise), v);
    if (promise.is_exception()) return false;
    Value self = Value::object(d);
    Value on_fulfilled =
        TRY(new_native_function(ctx, async_dispose_on_fulfilled, atoms::empty_string, 1, 0, 1));
    static_cast<NativeFunctionObject*>(on_fulfilled.as_object())->data()[0] = self;
    Value on_rejected =
        TRY(new_native_function(ctx, async_dispose_on_rejected, atoms::empty_string, 1, 0, 1));
    static_cast<NativeFunctionObject*>(on_rejected.as_object())->data()[0] = self;
    TRY(perform_promise_then(ctx, promise.as_object(), on_fulfilled, on_rejected, nullptr));
    return true;
}

// Runs DisposeResources (#sec-disposeresources) until the next Await or the end, where the driver's
// promise is settled with the completion.
Value async_dispose_step(Context& ctx, DisposableStackObject* d) {
    while (true) {
        if (d->m_resources.empty()) {
            // 3. If needsAwait is true and hasAwaited is false, then Perform ! Await(undefined).
            if (d->m_needs_await && !d->m_has_awaited) {
                d->m_needs_await = false;
                d->m_has_awaited = true;
                bool ok = TRY(async_dispose_await(ctx, d, Value()));
                if (ok) return Value();
                if (!record_disposal_error(ctx, d->m_has_error, d->m_error)) return Exception{};
                continue;
            }
            // 4. Set disposeCapability.[[DisposableResourceStack]] to a new empty List.
            // 5. Return ? completion.
            Object* promise = d->m_promise.as_object();
            if (d->m_has_error)
                reject_promise(ctx, promise, d->m_error);
            else
                TRY(resolve_promise(ctx, promise, Value()));
            return Value();
        }
        // 2. For each element resource of disposeCapability.[[DisposableResourceStack]], in reverse
        //    List order, do
        //    a. Let value be resource.[[ResourceValue]], hint be resource.[[Hint]], method be
        //       resource.[[DisposeMethod]].
        DisposableResource& top = d->m_resources.back();
        //    b. If hint is sync-dispose and needsAwait is true and hasAwaited is false, then
        //       i. Perform ! Await(undefined). ii. Set needsAwait to false.
        if (top.hint == DisposeHint::Sync && d->m_needs_await && !d->m_has_awaited) {
            d->m_needs_await = false;
            bool ok = TRY(async_dispose_await(ctx, d, Value()));
            if (ok) return Value();
            if (!record_disposal_error(ctx, d->m_has_error, d->m_error)) return Exception{};
            continue;
        }
        DisposableResource r = std::move(top);
        d->m_resources.pop_back();
        //    c. If method is not undefined, then
        if (!r.method.is_undefined()) {
            //   i. Let result be Completion(Call(method, value)).
            Value result = invoke_dispose_method(ctx, r);
            bool threw = result.is_exception();
            //   ii. If result is a normal completion and hint is async-dispose, then
            if (!threw && r.hint == DisposeHint::Async) {
                //   1. Set result to Completion(Await(result.[[Value]])). 2. Set hasAwaited to true.
                d->m_has_awaited = true;
                bool ok = TRY(async_dispose_await(ctx, d, result));
                if (ok) return Value();
                threw = true;
            }
            //   iii. If result is a throw completion, fold it into the completion.
            if (threw && !record_disposal_error(ctx, d->m_has_error, d->m_error)) return Exception{};
        } else {
            //    d. Else: Assert: hint is async-dispose. Set needsAwait to true.
            d->m_needs_await = true;
        }
    }
}

} // namespace

DisposableStackObject* new_dispose_capability(Context& ctx) {
    return Object::create_as<DisposableStackObject>(ctx, nullptr, ClassId::DisposableStack);
}

// AddDisposableResource ( disposeCapability, V, hint [ , method ] ) (#sec-adddisposableresource)
Result<void> add_disposable_resource(Context& ctx, DisposableStackObject* s, const Value& v,
                                     DisposeHint hint) {
    DisposableResource r;
    r.hint = hint;
    // 1. If method is not present, then
    //    a. If V is either null or undefined and hint is sync-dispose, return unused.
    if (v.is_nullish()) {
        if (hint == DisposeHint::Sync) return {};
        // b. CreateDisposableResource(V, hint) step 1.a: V and method are undefined.
    } else {
        // CreateDisposableResource step 1.b.i: If V is not an Object, throw a TypeError exception.
        if (!v.is_object()) {
            ctx.throw_type_error("%s: value is not an object",
                                 hint == DisposeHint::Sync ? "using" : "await using");
            return Exception{};
        }
        // ii. Set method to ? GetDisposeMethod(V, hint).
        r.method = TRY(get_dispose_method(ctx, v, hint, r.call));
        // iii. If method is undefined, throw a TypeError exception.
        if (r.method.is_undefined()) {
            ctx.throw_type_error(hint == DisposeHint::Sync ? "value has no [Symbol.dispose] method"
                                                           : "value has no [Symbol.asyncDispose] method");
            return Exception{};
        }
        r.value = v;
    }
    // 3. Append resource to disposeCapability.[[DisposableResourceStack]].
    s->m_resources.push_back(std::move(r));
    return {};
}

// DisposeResources ( disposeCapability, completion ) (#sec-disposeresources), without Awaits.
Value dispose_resources_sync(Context& ctx, DisposableStackObject* s, bool has_error, const Value& error_in) {
    Value error = error_in;
    Vector<DisposableResource> resources = std::move(s->m_resources);
    s->m_resources = Vector<DisposableResource>();
    // 1. For each element resource of disposeCapability.[[DisposableResourceStack]], in reverse order:
    for (size_t i = resources.size(); i-- > 0;) {
        const DisposableResource& r = resources[i];
        // c. If method is not undefined, then i. Let result be Completion(Call(method, value)).
        if (r.method.is_undefined()) continue;
        Value result = invoke_dispose_method(ctx, r);
        // iii. If result is a throw completion, fold it into the completion.
        if (result.is_exception() && !record_disposal_error(ctx, has_error, error)) return Exception{};
    }
    // 2. Set disposeCapability.[[DisposableResourceStack]] to a new empty List.
    // 3. Return ? completion.
    if (has_error) return ctx.throw_value(std::move(error));
    return Value();
}

Value dispose_resources_async(Context& ctx, DisposableStackObject* s, bool has_error, const Value& error,
                              bool always_promise) {
    if (s->m_resources.empty() && !always_promise) return Value();
    // The driver takes over the resource stack and the completion.
    DisposableStackObject* d = new_dispose_capability(ctx);
    if (!d) return Exception{};
    Value driver = Value::adopt(Tag::Object, d);
    d->m_resources = std::move(s->m_resources);
    s->m_resources = Vector<DisposableResource>();
    d->m_has_error = has_error;
    d->m_error = error;
    d->m_promise = TRY(new_promise(ctx, nullptr, nullptr));
    TRY(async_dispose_step(ctx, d));
    return d->m_promise;
}

bool install_disposable_stack(Context& ctx);       // DisposableStack.cpp
bool install_async_disposable_stack(Context& ctx); // AsyncDisposableStack.cpp

// Builtins.def: DisposableStack and AsyncDisposableStack.
static bool write_disposable_stack(Object* o, HeapWriter& w) {
    auto* s = static_cast<DisposableStackObject*>(o);
    w.out().varuint(s->m_resources.size());
    for (const DisposableResource& res : s->m_resources) {
        w.value(res.value);
        w.value(res.method);
        w.value(res.argument);
        w.out().u8(static_cast<uint8_t>(res.hint));
        w.out().u8(static_cast<uint8_t>(res.call));
    }
    w.out().u8((s->m_disposed ? 1 : 0) | (s->m_has_error ? 2 : 0) | (s->m_needs_await ? 4 : 0) |
               (s->m_has_awaited ? 8 : 0));
    w.value(s->m_error);
    w.value(s->m_promise);
    return true;
}
static bool read_disposable_stack(Object* o, HeapReader& r) {
    auto* s = static_cast<DisposableStackObject*>(o);
    uint32_t n;
    uint8_t flags;
    if (!r.count(&n)) return false;
    s->m_resources.resize(n);
    for (DisposableResource& res : s->m_resources) {
        uint8_t hint, call;
        if (!r.value(&res.value) || !r.value(&res.method) || !r.value(&res.argument) || !r.u8(&hint) ||
            !r.u8(&call))
            return false;
        if (hint > static_cast<uint8_t>(DisposeHint::Async) ||
            call > static_cast<uint8_t>(DisposeCall::SyncAsAsync))
            return r.fail("bad disposable resource");
        res.hint = static_cast<DisposeHint>(hint);
        res.call = static_cast<DisposeCall>(call);
    }
    if (!r.u8(&flags) || !r.value(&s->m_error) || !r.value(&s->m_promise)) return false;
    if (flags > 15) return r.fail("bad disposable stack state");
    s->m_disposed = flags & 1;
    s->m_has_error = flags & 2;
    s->m_needs_await = flags & 4;
    s->m_has_awaited = flags & 8;
    return true;
}
static const ClassSnapshotHooks kDisposableStackSnapshot = {
    sizeof(DisposableStackObject),
    0,
    nullptr,
    construct_payload<DisposableStackObject>,
    write_disposable_stack,
    read_disposable_stack,
    nullptr,
};

bool install_disposable(Context& ctx) {
    register_class_hooks(ClassId::DisposableStack, ClassHooks{visit_disposable_stack, clear_disposable_stack,
                                                              nullptr, nullptr, &kDisposableStackSnapshot});
    register_class_hooks(ClassId::AsyncDisposableStack,
                         ClassHooks{visit_disposable_stack, clear_disposable_stack, nullptr, nullptr,
                                    &kDisposableStackSnapshot});
    register_native(async_dispose_on_fulfilled, "async_dispose_on_fulfilled");
    register_native(async_dispose_on_rejected, "async_dispose_on_rejected");
    return install_disposable_stack(ctx) && install_async_disposable_stack(ctx);
}

} // namespace qjs
