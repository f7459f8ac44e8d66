// TimerGlobals.cpp: setTimeout, clearTimeout, setInterval, clearInterval and queueMicrotask, the timer
// globals of the HTML standard's "timers and user prompts" section as hosts without a DOM provide them
// (numeric handles; a non-callable handler is a TypeError rather than code to evaluate).
#include "loop/EventLoop.h"

#include "runtime/Context.h"
#include "runtime/Conversions.h"
#include "runtime/NativeFunction.h"

#include <cmath>

namespace qjs {

namespace {

EventLoop* loop_or_throw(Context& ctx) {
    EventLoop* loop = EventLoop::of(ctx.rt());
    if (!loop) ctx.throw_out_of_memory();
    return loop;
}

// setTimeout(handler, timeout, ...arguments) and setInterval (magic 1).
Value timer_set(Context& ctx, const CallArgs& args) {
    // The handler must be callable (string handlers would need eval; hosts without a DOM reject them).
    if (!is_callable(args.arg(0))) return ctx.throw_type_error("timer callback is not a function");
    // The timeout is ToNumber(timeout), 0 when NaN or negative; beyond 2^31-1 ms it becomes 1, as Node.js
    // and the browsers' 32-bit handling do.
    double delay = TRY(to_number(ctx, args.arg(1)));
    if (!(delay >= 0)) delay = 0;
    if (delay > 2147483647.0) delay = 1;
    delay = std::floor(delay);
    Vector<Value> extra;
    for (size_t i = 2; i < args.count(); ++i)
        extra.push_back(args.args[i]);
    EventLoop* loop = loop_or_throw(ctx);
    if (!loop) return Exception{};
    uint32_t id = loop->add_timer(ctx, args.arg(0), delay, args.magic == 1, std::move(extra));
    if (!id) return ctx.throw_out_of_memory();
    return Value::number(double(id));
}

// clearTimeout(id) and clearInterval(id): unknown or invalid ids are ignored.
Value timer_clear(Context& ctx, const CallArgs& args) {
    const Value& handle = args.arg(0);
    if (!handle.is_number()) return Value();
    double id = handle.as_number();
    if (id >= 1 && id <= 4294967295.0 && id == std::floor(id)) {
        if (EventLoop* loop = ctx.rt().m_event_loop) loop->clear_timer(static_cast<uint32_t>(id));
    }
    return Value();
}

// queueMicrotask(callback): a job on the runtime's queue, run before any timer.
Value queue_microtask(Context& ctx, const CallArgs& args) {
    if (!is_callable(args.arg(0))) return ctx.throw_type_error("queueMicrotask: callback is not a function");
    ctx.rt().enqueue_job(&ctx, args.arg(0), Vector<Value>());
    return Value();
}

const FunctionListEntry k_timer_globals[] = {
    QJS_FUNC_MAGIC("setTimeout", 2, timer_set, 0),  QJS_FUNC_MAGIC("setInterval", 2, timer_set, 1),
    QJS_FUNC("clearTimeout", 1, timer_clear),       QJS_FUNC("clearInterval", 1, timer_clear),
    QJS_FUNC("queueMicrotask", 1, queue_microtask),
};

} // namespace

void EventLoop::register_natives() {
    for (const FunctionListEntry& e : k_timer_globals)
        register_native(e.fn, e.name);
}

bool EventLoop::install_globals(Context& ctx) {
    return define_function_list(ctx, ctx.global_object(), k_timer_globals);
}

} // namespace qjs
