// ApiLoop.cpp: the host-driven event loop in quickjs.h (JS_AddTimerGlobals, JS_LoopOnce) over src/loop,
// for embedders that run their own loop (the reactor shape of wasi-reactor-pr.txt's loop_once).
#include "api/ApiInternal.h"
#include "loop/EventLoop.h"

using namespace qjs;
using namespace qjs::api;

int JS_AddTimerGlobals(JSContext* c) {
    Context& ctx = enter(c);
    EventLoop* loop = EventLoop::of(ctx.rt());
    if (!loop) {
        ctx.throw_out_of_memory();
        return -1;
    }
    return loop->install_globals(ctx) ? 0 : -1;
}

int JS_LoopOnce(JSRuntime* r) {
    Runtime& rt = enter(r);
    EventLoop* loop = EventLoop::of(rt);
    if (!loop) {
        // No loop could be allocated: the jobs still run, as JS_ExecutePendingJob would.
        if (rt.m_contexts.empty()) return EventLoop::kError;
        rt.m_contexts.front()->throw_out_of_memory();
        return EventLoop::kError;
    }
    return loop->run_once();
}
