// DisposableStack.h: the DisposeCapability operations of explicit resource management (ECMA-262
// proposal-explicit-resource-management, now in the main spec: #sec-disposecapability-records), shared by
// DisposableStack, AsyncDisposableStack and the interpreter's `using` / `await using` declarations.
// A DisposeCapability is a DisposableStackObject: user-visible ones are DisposableStack /
// AsyncDisposableStack instances; `using` blocks get an internal one without a prototype.
#pragma once

#include "runtime/Object.h"

namespace qjs {

enum class DisposeHint : uint8_t { Sync, Async }; // sync-dispose / async-dispose

// How [[DisposeMethod]] is called (the spec builds closures for the last two; these avoid them).
enum class DisposeCall : uint8_t {
    OnValue,      // Call(method, value): `using`, use()
    WithArgument, // Call(method, undefined, « argument »): adopt()
    SyncAsAsync,  // the async-dispose wrapper of a @@dispose method (GetDisposeMethod step 1.b.ii)
};

// A DisposableResource Record (#sec-disposableresource-records).
struct DisposableResource {
    Value value;    // [[ResourceValue]]
    Value method;   // [[DisposeMethod]] (undefined: `await using x = null`, which only implies an Await)
    Value argument; // adopt(): the resource value passed to onDispose
    DisposeHint hint = DisposeHint::Sync;
    DisposeCall call = DisposeCall::OnValue;
};

class DisposableStackObject : public Object {
  public:
    Vector<DisposableResource> m_resources; // [[DisposeCapability]].[[DisposableResourceStack]]
    bool m_disposed = false;                // [[DisposableState]] is disposed
    // The state of an async DisposeResources in progress (only on the internal driver object).
    bool m_has_error = false; // the completion is a throw completion of m_error
    bool m_needs_await = false;
    bool m_has_awaited = false;
    Value m_error;
    Value m_promise; // settled with the completion at the end
};

// A new internal DisposeCapability (NewDisposeCapability()), for `using` blocks. nullptr on OOM.
DisposableStackObject* new_dispose_capability(Context&);
// AddDisposableResource(disposeCapability, V, hint) (#sec-adddisposableresource) without a method.
Result<void> add_disposable_resource(Context&, DisposableStackObject*, const Value& v, DisposeHint);
// DisposeResources(disposeCapability, completion) (#sec-disposeresources), synchronously: the completion
// is a throw of `error` when has_error. Returns undefined (normal completion) or Exception (pending).
Value dispose_resources_sync(Context&, DisposableStackObject*, bool has_error, const Value& error);
// DisposeResources with Awaits: returns a promise settled with the resulting completion. When nothing
// needs awaiting (no resource) and `always_promise` is false, it returns undefined instead (the caller
// then continues with its completion without an Await).
Value dispose_resources_async(Context&, DisposableStackObject*, bool has_error, const Value& error,
                              bool always_promise);

// Defines AsyncDisposableStack.prototype's disposed, use, adopt, defer and move (DisposableStack.cpp).
bool define_async_disposable_stack_methods(Context&, Object* proto);

} // namespace qjs
