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

} // namespace qjs
