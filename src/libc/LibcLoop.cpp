// LibcLoop.cpp: the bridge from quickjs-libc to the engine's per-runtime event loop (src/loop):
// the std/os modules share the loop, its timers and its I/O handlers with the timer globals, so a
// snapshot of the loop sees every pending callback. This is the one libc file that reaches past
// quickjs.h (into EventLoop.h and the API's value bridge).
#include "api/ApiInternal.h"
#include "libc/LibcState.h"
#include "loop/EventLoop.h"

namespace qjs::libc {

namespace {

EventLoop* loop_of(JSContext* c) {
    EventLoop* loop = EventLoop::of(api::enter(c).rt());
    if (!loop) c->ctx->throw_out_of_memory();
    return loop;
}

} // namespace

int loop_run_once(JSContext* c) {
    EventLoop* loop = loop_of(c);
    return loop ? loop->run_once() : EventLoop::kError;
}

int loop_poll_io(JSContext* c, int timeout_ms) {
    EventLoop* loop = loop_of(c);
    return loop ? loop->poll_io(timeout_ms) : EventLoop::kError;
}

int loop_poll_io_fd(JSContext* c, int timeout_ms, int fd, void (*before_handlers)(void*), void* opaque) {
    EventLoop* loop = loop_of(c);
    return loop ? loop->poll_io(timeout_ms, fd, before_handlers, opaque) : EventLoop::kError;
}

bool loop_has_io_handlers(JSContext* c) {
    EventLoop* loop = loop_of(c);
    return loop && loop->io_handler_count() > 0;
}

uint32_t loop_add_timer(JSContext* c, JSValueConst func, double delay_ms, int argc, JSValueConst* argv) {
    EventLoop* loop = loop_of(c);
    if (!loop) return 0;
    Vector<Value> args;
    for (int i = 0; i < argc; ++i)
        args.push_back(api::borrow(argv[i]));
    uint32_t id = loop->add_timer(*c->ctx, api::borrow(func), delay_ms, false, std::move(args));
    if (!id) c->ctx->throw_out_of_memory();
    return id;
}

void loop_clear_timer(JSContext* c, uint32_t id) {
    if (EventLoop* loop = loop_of(c)) loop->clear_timer(id);
}

bool loop_set_io_handler(JSContext* c, int fd, bool write, JSValueConst func) {
    EventLoop* loop = loop_of(c);
    if (!loop) return false;
    Value callback = JS_IsFunction(c, func) ? api::borrow(func) : Value();
    return loop->set_io_handler(*c->ctx, fd, write, std::move(callback));
}

double loop_now(JSContext* c) {
    EventLoop* loop = loop_of(c);
    return loop ? loop->now() : 0;
}

bool loop_install_globals(JSContext* c) {
    EventLoop* loop = loop_of(c);
    return loop && loop->install_globals(*c->ctx);
}

void loop_destroy(JSRuntime* r) {
    EventLoop::destroy(api::enter(r));
}

} // namespace qjs::libc
