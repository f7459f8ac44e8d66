// Disposal.cpp: the instructions of `using` / `await using` declarations (explicit resource management).
// A block with such declarations keeps an internal DisposeCapability in a register; the compiler wraps
// the block like try/finally (docs/BYTECODE.md, "Exceptions") and disposes on every exit.
#include "builtins/DisposableStack.h"
#include "vm/SlowPaths.h"

namespace qjs {

static DisposableStackObject* as_dispose_capability(const Value& v) {
    return static_cast<DisposableStackObject*>(v.as_object());
}

// NewDisposeCapability() for the block's environment.
Value dispose_stack_new(Context& ctx) {
    DisposableStackObject* s = new_dispose_capability(ctx);
    if (!s) return Exception{};
    return Value::adopt(Tag::Object, s);
}

// InitializeBinding step 2: AddDisposableResource(envRec.[[DisposeCapability]], V, hint).
Result<void> dispose_add(Context& ctx, const Value& stack, const Value& v, uint8_t hint) {
    return add_disposable_resource(ctx, as_dispose_capability(stack), v,
                                   hint ? DisposeHint::Async : DisposeHint::Sync);
}

// DisposeResources(envRec.[[DisposeCapability]], NormalCompletion(...)).
Value dispose_resources_normal(Context& ctx, const Value& stack, uint8_t async) {
    if (async) return dispose_resources_async(ctx, as_dispose_capability(stack), false, Value(), false);
    return dispose_resources_sync(ctx, as_dispose_capability(stack), false, Value());
}

// DisposeResources(envRec.[[DisposeCapability]], ThrowCompletion(error)).
Value dispose_resources_throw(Context& ctx, const Value& stack, const Value& error, uint8_t async) {
    if (async) return dispose_resources_async(ctx, as_dispose_capability(stack), true, error, false);
    return dispose_resources_sync(ctx, as_dispose_capability(stack), true, error);
}

} // namespace qjs
