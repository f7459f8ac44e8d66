// OsSignals.cpp: os.signal. A C handler only records the signal; the event loop calls the JS
// handler afterwards (js_std_loop), as QuickJS does. Signals are process-wide, so the pending mask
// is too. WASI preview1 has no signals: there os.signal throws a TypeError that says so.
#include "libc/LibcState.h"

#if !defined(__wasi__)
#include <atomic>
#include <csignal>

namespace qjs::libc {

namespace {

constexpr int k_max_signal = 64;
std::atomic<uint64_t> s_pending{0};

void record_signal(int sig) {
    if (sig >= 0 && sig < k_max_signal) s_pending.fetch_or(uint64_t(1) << sig);
}

// signal(sig, func): func a function, null (default action) or undefined (ignore).
JSValue os_signal(JSContext* ctx, JSValueConst, int, JSValueConst* argv) {
    LibcState* st = state_of(JS_GetRuntime(ctx));
    if (!st) return JS_ThrowTypeError(ctx, "os.signal needs js_std_init_handlers");
    if (st->parent_ports) return JS_ThrowTypeError(ctx, "signal handlers can only be set in the main thread");
    uint32_t sig;
    if (JS_ToUint32(ctx, &sig, argv[0]) < 0) return JS_EXCEPTION;
    if (sig >= k_max_signal) return JS_ThrowRangeError(ctx, "invalid signal number");
    JSValueConst func = argv[1];
    if (!JS_IsNull(func) && !JS_IsUndefined(func) && !JS_IsFunction(ctx, func))
        return JS_ThrowTypeError(ctx, "not a function");
    for (size_t i = 0; i < st->signal_handlers.size(); ++i) {
        if (st->signal_handlers[i].sig != static_cast<int>(sig)) continue;
        JS_FreeValue(ctx, st->signal_handlers[i].func);
        st->signal_handlers.erase(st->signal_handlers.begin() + static_cast<ptrdiff_t>(i));
        break;
    }
    if (JS_IsNull(func)) {
        signal(static_cast<int>(sig), SIG_DFL);
    } else if (JS_IsUndefined(func)) {
        signal(static_cast<int>(sig), SIG_IGN);
    } else {
        st->signal_handlers.push_back(SignalHandler{static_cast<int>(sig), JS_DupValue(ctx, func)});
        signal(static_cast<int>(sig), record_signal);
    }
    return JS_UNDEFINED;
}

} // namespace

// Signals are the main thread's: a worker's loop leaves them pending (its thread blocks them too).
bool has_pending_signals(JSContext* ctx) {
    LibcState* st = state_of(JS_GetRuntime(ctx));
    return s_pending.load() != 0 && !(st && st->parent_ports);
}

bool run_pending_signals(JSContext* ctx) {
    LibcState* st = state_of(JS_GetRuntime(ctx));
    if (!st || st->parent_ports) return true;
    uint64_t pending = s_pending.exchange(0);
    if (!pending) return true;
    for (int sig = 0; sig < k_max_signal; ++sig) {
        if (!(pending & (uint64_t(1) << sig))) continue;
        for (const SignalHandler& h : st->signal_handlers) {
            if (h.sig != sig) continue;
            JSValue func = JS_DupValue(ctx, h.func); // the handler may replace itself
            JSValue r = JS_Call(ctx, func, JS_UNDEFINED, 0, nullptr);
            JS_FreeValue(ctx, func);
            if (JS_IsException(r)) return false;
            JS_FreeValue(ctx, r);
            break;
        }
    }
    return true;
}

void free_signal_handlers(JSRuntime* rt) {
    LibcState* st = state_of(rt);
    if (!st) return;
    for (SignalHandler& h : st->signal_handlers) {
        signal(h.sig, SIG_DFL);
        JS_FreeValueRT(rt, h.func);
    }
    st->signal_handlers.clear();
}

const JSCFunctionListEntry k_os_signal_functions[] = {
    JS_CFUNC_DEF("signal", 2, os_signal),
#define SIG_CONST(c) JS_PROP_INT32_DEF(#c, c, JS_PROP_CONFIGURABLE)
    SIG_CONST(SIGINT),
    SIG_CONST(SIGABRT),
    SIG_CONST(SIGFPE),
    SIG_CONST(SIGILL),
    SIG_CONST(SIGSEGV),
    SIG_CONST(SIGTERM),
    SIG_CONST(SIGQUIT),
    SIG_CONST(SIGPIPE),
    SIG_CONST(SIGALRM),
    SIG_CONST(SIGUSR1),
    SIG_CONST(SIGUSR2),
    SIG_CONST(SIGCHLD),
    SIG_CONST(SIGCONT),
    SIG_CONST(SIGSTOP),
    SIG_CONST(SIGTSTP),
    SIG_CONST(SIGTTIN),
    SIG_CONST(SIGTTOU),
    SIG_CONST(SIGHUP),
    SIG_CONST(SIGKILL),
#undef SIG_CONST
};
const int k_os_signal_function_count = sizeof k_os_signal_functions / sizeof k_os_signal_functions[0];

} // namespace qjs::libc

#else

namespace qjs::libc {

namespace {

JSValue os_signal(JSContext* ctx, JSValueConst, int, JSValueConst*) {
    return JS_ThrowTypeError(ctx, "os.signal: signals are not available under WASI");
}

} // namespace

bool has_pending_signals(JSContext*) {
    return false;
}
bool run_pending_signals(JSContext*) {
    return true;
}
void free_signal_handlers(JSRuntime*) {}

const JSCFunctionListEntry k_os_signal_functions[] = {
    JS_CFUNC_DEF("signal", 2, os_signal),
};
const int k_os_signal_function_count = 1;

} // namespace qjs::libc

#endif
