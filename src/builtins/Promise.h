// Promise.h: the promise operations other stages use (the interpreter's await and async
// generators, the job queue, the host API). Implemented in src/builtins/Promise*.cpp.
#pragma once

#include "runtime/Value.h"

namespace qjs {

class Context;
class Object;

// NewPromiseCapability(%Promise%) without the generic constructor path: a fresh pending promise
// and its resolving functions (either out-pointer may be null).
Value new_promise(Context&, Value* resolve_out, Value* reject_out);
// PromiseResolve(C, x) (#sec-promise-resolve).
Value promise_resolve(Context&, Object* constructor, const Value& x);
// PerformPromiseThen(promise, onFulfilled, onRejected, resultCapability) (#sec-performpromisethen).
// `result_promise` may be null (no derived promise, as await uses it). Handlers may be any values;
// non-callables mean pass-through.
Result<void> perform_promise_then(Context&, Object* promise, const Value& on_fulfilled,
                                  const Value& on_rejected, Object* result_promise);
// Resolve/reject a promise created by new_promise directly (as its resolving functions would).
Result<void> resolve_promise(Context&, Object* promise, const Value& resolution);
void reject_promise(Context&, Object* promise, const Value& reason);

enum class PromiseState : uint8_t { Pending, Fulfilled, Rejected };
bool is_promise(const Value&);
PromiseState promise_state(Object* promise);
const Value& promise_result(Object* promise);
// Sets [[PromiseIsHandled]] (telling the rejection tracker when it had reported the promise).
void mark_promise_handled(Context&, Object* promise);

// ---- Internals shared by the Promise builtins (PromiseConstructor.cpp, PromisePrototype.cpp) ----

// A PromiseCapability Record (#sec-promisecapability-records). `resolve`/`reject` stay undefined
// when the capability came from the %Promise% fast path without `need_functions` (nothing can
// observe them); capability_resolve/capability_reject then settle the promise directly.
struct PromiseCapability {
    Value promise;
    Value resolve;
    Value reject;
};
// NewPromiseCapability(C) (#sec-newpromisecapability).
Result<PromiseCapability> new_promise_capability(Context&, const Value& constructor, bool need_functions);
// Call(capability.[[Resolve]] / [[Reject]], undefined, « value »).
Value capability_resolve(Context&, const PromiseCapability&, const Value&);
Value capability_reject(Context&, const PromiseCapability&, const Value&);
// PerformPromiseThen with a full capability (null: none); returns its promise or undefined.
Value perform_promise_then_with_capability(Context&, Object* promise, const Value& on_fulfilled,
                                           const Value& on_rejected, const PromiseCapability*);
// OrdinaryCreateFromConstructor(newTarget, "%Promise.prototype%") of a pending promise.
Value create_promise_from_constructor(Context&, const Value& new_target);
// CreateResolvingFunctions(promise) (#sec-createresolvingfunctions).
Result<void> create_resolving_functions(Context&, Object* promise, Value& resolve, Value& reject);
// Takes the pending exception as a throw completion's value; false when it is uncatchable
// (interrupt, OOM), in which case it must keep propagating.
bool catch_exception(Context&, Value& out);
// Registers the Promise class hooks and creates the realm's job functions (PromiseOperations.cpp).
bool install_promise_internals(Context&);
// Installs Promise.prototype's properties (PromisePrototype.cpp).
bool install_promise_prototype(Context&, Object* prototype);

} // namespace qjs
