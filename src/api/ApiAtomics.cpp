// ApiAtomics.cpp: JS_SetAtomicsWaitFunctions, the host's waiter list behind Atomics.wait, waitAsync and
// notify (the engine core has no threads: the host blocks and wakes its agents).
#include "ApiInternal.h"

#include "runtime/HostObject.h"

using namespace qjs;
using namespace qjs::api;

void JS_SetAtomicsWaitFunctions(JSRuntime* r, const JSAtomicsWaitFunctions* af) {
    r->atomics_funcs = af ? *af : JSAtomicsWaitFunctions{};
}

namespace qjs::api {

AtomicsWaitResult atomics_wait_hook(Context& ctx, void* addr, size_t size, uint64_t expected, double timeout,
                                    const Value* resolve) {
    JSRuntime* r = api_runtime(ctx.rt());
    const JSAtomicsWaitFunctions& af = r->atomics_funcs;
    if (resolve ? !af.wait_async : !af.wait) return AtomicsWaitResult::NoHost;
    // DoWait step 10: an agent that may not suspend cannot wait synchronously.
    if (!resolve && !r->can_block) return AtomicsWaitResult::CannotBlock;
    JSContext* c = context_of(ctx);
    if (!c) {
        ctx.throw_out_of_memory();
        return AtomicsWaitResult::Failed;
    }
    // The element's bits, sign-extended as the host sees an int32 or int64 element.
    int64_t bits =
        size == 4 ? static_cast<int64_t>(static_cast<int32_t>(expected)) : static_cast<int64_t>(expected);
    int s = static_cast<int>(size);
    int rc = resolve ? af.wait_async(af.opaque, c, addr, s, bits, timeout, peek(*resolve))
                     : af.wait(af.opaque, c, addr, s, bits, timeout);
    ctx.rt().make_current();
    switch (rc) {
    case JS_ATOMICS_WAIT_OK: return AtomicsWaitResult::Ok;
    case JS_ATOMICS_WAIT_NOT_EQUAL: return AtomicsWaitResult::NotEqual;
    case JS_ATOMICS_WAIT_TIMED_OUT: return AtomicsWaitResult::TimedOut;
    default: break;
    }
    if (!ctx.rt().has_exception())
        ctx.throw_error(ErrorType::InternalError, "Atomics.wait: the host gave up");
    return AtomicsWaitResult::Failed;
}

double atomics_notify_hook(Context& ctx, void* addr, double count) {
    JSRuntime* r = api_runtime(ctx.rt());
    const JSAtomicsWaitFunctions& af = r->atomics_funcs;
    if (!af.notify) return -1;
    JSContext* c = context_of(ctx);
    if (!c) return -1;
    int64_t n = af.notify(af.opaque, c, addr, count);
    ctx.rt().make_current();
    return static_cast<double>(n < 0 ? 0 : n);
}

} // namespace qjs::api
