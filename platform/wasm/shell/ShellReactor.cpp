// ShellReactor.cpp: the whole `qjs` shell as a WASI reactor (qjs-shell.wasm), in the shape of the
// QuickJS-ng WASI reactor proposal: the host calls
//   qjs_init()                            an empty shell context (std/os importable, no script)
//   qjs_init_argv(argc, argv)             the shell's command line, e.g. ["qjs", "--std", "script.js"]
//   qjs_eval(code, len, filename, is_module)
//   qjs_loop_once()                       > 0: next timer in ms, 0: call again, -1: idle, -2: error
//   qjs_poll_io(timeout_ms)               runs the os.setReadHandler/setWriteHandler callbacks whose
//                                         descriptors are ready: 0, -1 (not initialized), -2 (a handler
//                                         threw)
//   qjs_destroy()
// and malloc/free to place argv and code in linear memory. Nothing blocks: timers and I/O are driven by
// the host's own event loop (packages/qjs-wasm/shell/ShellHost.js). std and os run over WASI preview1:
// files in the host's preopened folders, stdin/stdout/stderr, clocks; processes, signals, workers,
// pipes and terminals throw (or fail) with an error that says they are not available under WASI.
#include <cstdio>
#include <cstdlib>
#include <cstring>

#include "libc/LibcState.h"
#include "quickjs-libc.h"

#define QJS_EXPORT(name) extern "C" __attribute__((export_name(#name), visibility("default")))

namespace {

struct Shell {
    JSRuntime* rt = nullptr;
    JSContext* ctx = nullptr;
};
Shell g_shell;

// What --std evaluates (as the native shell): std and os as globals.
const char k_std_globals[] = "import * as std from 'qjs:std';\n"
                             "import * as os from 'qjs:os';\n"
                             "globalThis.std = std;\n"
                             "globalThis.os = os;\n";

// The command line options the reactor accepts (the native shell's, without the REPL, snapshots and
// allocation tracing, which need a process of their own).
struct Options {
    bool with_std = false, strict = false, quit = false, track_rejections = true;
    int module = -1; // -1: detect
    size_t memory_limit = 0, stack_size = 0;
    bool has_stack_size = false;
};

// A byte count with an optional binary suffix k, M or G ("64k"); false when malformed.
bool read_byte_count(const char* text, size_t* out) {
    char* end = nullptr;
    unsigned long long n = std::strtoull(text, &end, 10);
    if (end == text) return false;
    const char* suffixes = "kmg";
    if (*end) {
        const char* at = std::strchr(suffixes, *end | 0x20);
        if (!at || end[1]) return false;
        n <<= 10 * (at - suffixes + 1);
    }
    *out = static_cast<size_t>(n);
    return true;
}

bool create(const Options& o, int argc, char** argv) {
    JSRuntime* rt = JS_NewRuntime();
    if (!rt) return false;
    if (o.memory_limit) JS_SetMemoryLimit(rt, o.memory_limit);
    if (o.has_stack_size) JS_SetMaxStackSize(rt, o.stack_size);
    js_std_init_handlers(rt);
    JS_SetModuleLoaderFunc(rt, nullptr, js_module_loader, nullptr);
    if (o.track_rejections) JS_SetHostPromiseRejectionTracker(rt, js_std_promise_rejection_tracker, nullptr);
    JSContext* ctx = JS_NewContext(rt);
    if (!ctx) {
        js_std_free_handlers(rt);
        JS_FreeRuntime(rt);
        return false;
    }
    g_shell = Shell{rt, ctx};
    js_init_module_std(ctx, "qjs:std");
    js_init_module_os(ctx, "qjs:os");
    js_std_add_helpers(ctx, argc, argv);
    return true;
}

// Runs source text as a script or a module (module < 0: detected). A module's top-level await is not
// waited for here: its promise settles through qjs_loop_once. False after printing the error.
bool run_source(const char* code, size_t len, const char* name, int module, bool strict) {
    JSContext* ctx = g_shell.ctx;
    if (module < 0) module = JS_DetectModule(code, len);
    JSValue r;
    if (module) {
        r = JS_Eval(ctx, code, len, name, JS_EVAL_TYPE_MODULE | JS_EVAL_FLAG_COMPILE_ONLY);
        if (!JS_IsException(r)) {
            js_module_set_import_meta(ctx, r, 1, 1);
            r = JS_EvalFunction(ctx, r);
        }
        if (!JS_IsException(r) && JS_PromiseState(ctx, r) == JS_PROMISE_REJECTED) {
            JS_Throw(ctx, JS_PromiseResult(ctx, r));
            JS_FreeValue(ctx, r);
            r = JS_EXCEPTION;
        }
    } else {
        r = JS_Eval(ctx, code, len, name, JS_EVAL_TYPE_GLOBAL | (strict ? JS_EVAL_FLAG_STRICT : 0));
    }
    if (JS_IsException(r)) {
        js_std_dump_error(ctx);
        return false;
    }
    JS_FreeValue(ctx, r);
    return true;
}

bool run_file(const char* filename, int module, bool strict) {
    size_t len;
    uint8_t* buf = js_load_file(g_shell.ctx, &len, filename);
    if (!buf) {
        std::fprintf(stderr, "qjs: could not load '%s'\n", filename);
        return false;
    }
    size_t name_len = std::strlen(filename);
    if (module < 0 && name_len > 4 && !std::strcmp(filename + name_len - 4, ".mjs")) module = 1;
    bool ok = run_source(reinterpret_cast<const char*>(buf), len, filename, module, strict);
    js_free(g_shell.ctx, buf);
    return ok;
}

// After a callback: the unhandled rejections it left are printed, as the native loop does.
void after_callbacks() {
    qjs::libc::report_unhandled_rejections(g_shell.ctx);
}

} // namespace

extern "C" void qjs_destroy();

QJS_EXPORT(malloc) void* qjs_shell_malloc(size_t n) {
    return std::malloc(n);
}
QJS_EXPORT(free) void qjs_shell_free(void* p) {
    std::free(p);
}

// A context as `qjs` with no arguments sets up, without the REPL. 0, or -1 (initialized already, OOM).
QJS_EXPORT(qjs_init) int qjs_init() {
    if (g_shell.rt) return -1;
    return create(Options{}, 0, nullptr) ? 0 : -1;
}

// The shell's command line: options, then the script and its scriptArgs. Runs the -I files, the -e
// expressions and the script; their timers and handlers are left to qjs_loop_once and qjs_poll_io.
// 0 on success, -1 on a bad command line or an uncaught exception (printed to stderr).
QJS_EXPORT(qjs_init_argv) int qjs_init_argv(int argc, char** argv) {
    if (g_shell.rt || argc < 1 || !argv) return -1;
    Options o;
    int i = 1;
    // Two passes over the options: the runtime's settings first, then (with the context) the code.
    for (; i < argc; ++i) {
        const char* a = argv[i];
        if (a[0] != '-' || !std::strcmp(a, "-")) break;
        if (!std::strcmp(a, "--")) {
            ++i;
            break;
        }
        bool takes_value = !std::strcmp(a, "-e") || !std::strcmp(a, "--eval") || !std::strcmp(a, "-I") ||
                           !std::strcmp(a, "--include") || !std::strcmp(a, "--memory-limit") ||
                           !std::strcmp(a, "--stack-size");
        if (takes_value && i + 1 >= argc) {
            std::fprintf(stderr, "qjs: missing argument for %s\n", a);
            return -1;
        }
        if (!std::strcmp(a, "--std")) {
            o.with_std = true;
        } else if (!std::strcmp(a, "-m") || !std::strcmp(a, "--module")) {
            o.module = 1;
        } else if (!std::strcmp(a, "--script")) {
            o.module = 0;
        } else if (!std::strcmp(a, "--strict")) {
            o.strict = true;
        } else if (!std::strcmp(a, "-q") || !std::strcmp(a, "--quit")) {
            o.quit = true;
        } else if (!std::strcmp(a, "--no-unhandled-rejection")) {
            o.track_rejections = false;
        } else if (!std::strcmp(a, "--memory-limit") || !std::strcmp(a, "--stack-size")) {
            bool memory = a[2] == 'm';
            if (!read_byte_count(argv[++i], memory ? &o.memory_limit : &o.stack_size)) {
                std::fprintf(stderr, "qjs: invalid size '%s' for %s\n", argv[i], a);
                return -1;
            }
            if (!memory) o.has_stack_size = true;
        } else if (takes_value) {
            ++i; // -e and -I run in the second pass
        } else {
            std::fprintf(stderr, "qjs: option '%s' is not supported by the reactor\n", a);
            return -1;
        }
    }
    int script = i;
    if (!create(o, argc - script, argv + script)) return -1;
    if (o.quit) return 0;
    bool ok = !o.with_std || run_source(k_std_globals, sizeof k_std_globals - 1, "<input>", 1, false);
    bool has_eval = false;
    for (int k = 1; ok && k < script; ++k) {
        const char* a = argv[k];
        bool include = !std::strcmp(a, "-I") || !std::strcmp(a, "--include");
        bool eval = !std::strcmp(a, "-e") || !std::strcmp(a, "--eval");
        if (!std::strcmp(a, "--memory-limit") || !std::strcmp(a, "--stack-size")) ++k;
        if (include) ok = run_file(argv[++k], -1, o.strict);
        if (eval) {
            const char* code = argv[++k];
            has_eval = true;
            ok = run_source(code, std::strlen(code), "<cmdline>", o.module, o.strict);
        }
    }
    // As in QuickJS, with -e the file arguments are only scriptArgs.
    if (ok && !has_eval && script < argc) ok = run_file(argv[script], o.module, o.strict);
    if (ok) after_callbacks();
    return ok ? 0 : -1;
}

// Evaluates a script (is_module 0) or a module (1) for its effects; errors are printed to stderr.
// 0 on success, -1 on an exception.
QJS_EXPORT(qjs_eval) int qjs_eval(const char* code, size_t len, const char* filename, int is_module) {
    if (!g_shell.rt || !code) return -1;
    bool ok = run_source(code, len, filename ? filename : "<eval>", is_module ? 1 : 0, false);
    after_callbacks();
    return ok ? 0 : -1;
}

// One turn: the pending jobs, then the earliest due timer. The error of a callback is printed.
QJS_EXPORT(qjs_loop_once) int qjs_loop_once() {
    if (!g_shell.rt) return -2;
    return js_std_loop_once(g_shell.ctx);
}

// The read/write handlers whose descriptors are ready within timeout_ms (0: only those ready now; a
// host calls this when it knows input is there, or on a short timer while handlers are set).
QJS_EXPORT(qjs_poll_io) int qjs_poll_io(int timeout_ms) {
    if (!g_shell.rt) return -1;
    int r = js_std_poll_io(g_shell.ctx, timeout_ms);
    after_callbacks();
    return r == -2 ? -2 : 0;
}

// 1 while os.setReadHandler/setWriteHandler handlers are set (the host then keeps polling), else 0.
QJS_EXPORT(qjs_has_io_handlers) int qjs_has_io_handlers() {
    return g_shell.rt && qjs::libc::loop_has_io_handlers(g_shell.ctx) ? 1 : 0;
}

// 1 once a promise rejection went unhandled (the native shell's exit status 1), else 0.
QJS_EXPORT(qjs_had_unhandled_rejection) int qjs_had_unhandled_rejection() {
    return g_shell.rt && js_std_had_unhandled_rejection(g_shell.rt) ? 1 : 0;
}

QJS_EXPORT(qjs_destroy) void qjs_destroy() {
    if (!g_shell.rt) return;
    std::fflush(stdout);
    js_std_free_handlers(g_shell.rt);
    JS_FreeContext(g_shell.ctx);
    JS_FreeRuntime(g_shell.rt);
    g_shell = Shell{};
}
