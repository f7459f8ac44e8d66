// Reactor.cpp: the reactor's lifecycle and event loop, in the shape of the WASI reactor API
// (qjs_init, qjs_eval, qjs_loop_once, qjs_poll_io, qjs_destroy; malloc and free for the host), plus the
// runtime limits the host package sets.
#include <cstdio>
#include <cstdlib>

#include "Reactor.h"
#include "api/ApiInternal.h"
#include "loop/EventLoop.h"

namespace qjs::wasm {

ReactorState g_reactor;

namespace {

EventLoop* loop() {
    return g_reactor.rt ? EventLoop::of(*g_reactor.rt->rt) : nullptr;
}

// Prints the pending exception to stderr ("Uncaught NAME: MESSAGE" and the stack), clearing it.
void report_exception() {
    JSContext* ctx = g_reactor.ctx;
    JSValue e = JS_GetException(ctx);
    const char* text = JS_ToCString(ctx, e);
    std::fprintf(stderr, "Uncaught %s\n", text ? text : "(exception)");
    if (text) JS_FreeCString(ctx, text);
    if (JS_IsObject(e)) {
        JSValue stack = JS_GetPropertyStr(ctx, e, "stack");
        if (JS_IsString(stack)) {
            const char* s = JS_ToCString(ctx, stack);
            if (s) std::fputs(s, stderr), JS_FreeCString(ctx, s);
        }
        JS_FreeValue(ctx, stack);
    }
    JS_FreeValue(ctx, e);
    JS_FreeValue(ctx, JS_GetException(ctx)); // anything thrown while printing
}

} // namespace

} // namespace qjs::wasm

using namespace qjs::wasm;

extern "C" void qjs_destroy();

// The host allocates code, names and argument arrays in linear memory with these.
QJS_EXPORT(malloc) void* qjs_export_malloc(size_t n) {
    return std::malloc(n);
}
QJS_EXPORT(free) void qjs_export_free(void* p) {
    std::free(p);
}

// Creates the runtime, its context (every intrinsic, the timer globals) and the host bridge.
// Returns 0 on success, -1 when already initialized or out of memory.
QJS_EXPORT(qjs_init) int qjs_init() {
    if (g_reactor.rt) return -1;
    JSRuntime* rt = JS_NewRuntime();
    if (!rt) return -1;
    JSContext* ctx = JS_NewContext(rt);
    if (!ctx) {
        JS_FreeRuntime(rt);
        return -1;
    }
    g_reactor.rt = rt;
    g_reactor.ctx = ctx;
    qjs::EventLoop* l = loop();
    if (!l || !l->install_globals(*ctx->ctx) || !attach_context()) {
        qjs_destroy();
        return -1;
    }
    return 0;
}

namespace qjs::wasm {
bool attach_context() {
    if (!loop() || !handle_set_global(JS_GetGlobalObject(g_reactor.ctx))) return false;
    if (!heap_state_ensure(g_reactor.ctx) || !bridge_init()) return false;
    install_host_hooks();
    return true;
}
} // namespace qjs::wasm

// Frees everything: handles still held by the host, timers, the context and the runtime.
QJS_EXPORT(qjs_destroy) void qjs_destroy() {
    if (!g_reactor.rt) return;
    handles_reset();
    JS_FreeValue(g_reactor.ctx, g_reactor.bridge);
    g_reactor.bridge = JS_UNDEFINED;
    qjs::EventLoop::destroy(*g_reactor.rt->rt);
    JS_FreeContext(g_reactor.ctx);
    JS_FreeRuntime(g_reactor.rt);
    g_reactor = ReactorState{};
}

// Evaluates a script (is_module 0) or a module (1) for its effects; an uncaught exception is printed
// to stderr. Returns 0 on success, -1 on an exception.
QJS_EXPORT(qjs_eval) int qjs_eval(const char* code, size_t len, const char* filename, int is_module) {
    if (!g_reactor.rt) return -1;
    JSValue r = JS_Eval(g_reactor.ctx, code, len, filename ? filename : "<eval>",
                        is_module ? JS_EVAL_TYPE_MODULE : JS_EVAL_TYPE_GLOBAL);
    if (JS_IsException(r)) {
        report_exception();
        return -1;
    }
    JS_FreeValue(g_reactor.ctx, r);
    return 0;
}

// One turn of the event loop: pending jobs, then the earliest due timer. Returns > 0 (ms until the next
// timer), 0 (more work: call again now), -1 (idle) or -2 (a callback threw: the exception is pending,
// qjs_take_exception returns it).
QJS_EXPORT(qjs_loop_once) int qjs_loop_once() {
    qjs::EventLoop* l = loop();
    if (!l) return -2;
    int r = l->run_once();
    return r == qjs::EventLoop::kError ? -2 : r;
}

// I/O readiness: the engine reactor has no file descriptors of its own (no os.setReadHandler; that is
// the qjs reactor's), so there is never a handler to run. Returns 0.
QJS_EXPORT(qjs_poll_io) int qjs_poll_io(int timeout_ms) {
    return g_reactor.rt ? 0 : -1;
}

// Limits: bytes of engine memory (0: none), bytes of native stack below the current position.
QJS_EXPORT(qjs_set_memory_limit) void qjs_set_memory_limit(uint32_t bytes) {
    if (g_reactor.rt) JS_SetMemoryLimit(g_reactor.rt, bytes);
}
QJS_EXPORT(qjs_set_max_stack_size) void qjs_set_max_stack_size(uint32_t bytes) {
    if (g_reactor.rt) JS_SetMaxStackSize(g_reactor.rt, bytes);
}
QJS_EXPORT(qjs_run_gc) void qjs_run_gc() {
    if (g_reactor.rt) JS_RunGC(g_reactor.rt);
}
