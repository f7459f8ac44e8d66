// StdRuntime.cpp: the runtime side of quickjs-libc: print/console.log/scriptArgs, error dumps,
// file loading, the module loader (with import.meta), the unhandled-rejection tracker, binary
// evaluation (qjsc's output) and the event loop driver.
#include "libc/LibcState.h"

#include <cerrno>
#include <climits>
#include <cstring>
#include <new>
#include <string>
#include <unistd.h>

namespace qjs::libc {

namespace {

// The inspector held by a holder object (func_data[0] of print and console.log), compiled on the
// first call that needs it: most runs never print a non-string, and compiling it took about an
// eighth of `qjs -e 0`. Undefined when it cannot be compiled (the program replaced a global it
// reads while setting up): values are then shown by ToString.
JSValue lazy_inspector(JSContext* ctx, JSValueConst holder) {
    JSValue f = JS_GetPropertyUint32(ctx, holder, 0);
    if (!JS_IsUndefined(f)) return f;
    f = make_inspector(ctx);
    if (JS_IsException(f)) {
        JS_FreeValue(ctx, JS_GetException(ctx));
        f = JS_NULL;
    }
    if (JS_SetPropertyUint32(ctx, holder, 0, JS_DupValue(ctx, f)) < 0) {
        JS_FreeValue(ctx, f);
        return JS_EXCEPTION;
    }
    return f;
}

// print(...args) and console.log: arguments shown as QuickJS shows them (ValueInspect.cpp), separated
// by spaces; func_data[0] holds the context's inspector (lazy_inspector).
JSValue js_print(JSContext* ctx, JSValueConst, int argc, JSValueConst* argv, int, JSValue* func_data) {
    std::string line, item;
    JSValue inspector = JS_UNDEFINED;
    for (int i = 0; i < argc; ++i) {
        if (i) line.push_back(' ');
        bool ok;
        if (JS_IsString(argv[i])) {
            ok = to_std_string(ctx, argv[i], &item);
        } else {
            if (JS_IsUndefined(inspector)) inspector = lazy_inspector(ctx, func_data[0]);
            if (JS_IsException(inspector)) return JS_EXCEPTION;
            ok = JS_IsNull(inspector) ? to_std_string(ctx, argv[i], &item)
                                      : inspect_value(ctx, inspector, argv[i], false, &item);
        }
        if (!ok) {
            JS_FreeValue(ctx, inspector);
            return JS_EXCEPTION;
        }
        line += item;
    }
    JS_FreeValue(ctx, inspector);
    line.push_back('\n');
    fwrite(line.data(), 1, line.size(), stdout);
    return JS_UNDEFINED;
}

bool ends_with(const std::string& s, const char* suffix) {
    size_t n = std::strlen(suffix);
    return s.size() >= n && s.compare(s.size() - n, n, suffix) == 0;
}

// Prints a thrown value: an Error as "Name: message" and its stack, anything else as its string.
void print_exception(JSContext* ctx, JSValueConst ex) {
    const char* s = JS_ToCString(ctx, ex);
    if (!s) {
        JS_FreeValue(ctx, JS_GetException(ctx));
        fputs("[exception]\n", stderr);
    } else {
        fprintf(stderr, "%s\n", s);
        JS_FreeCString(ctx, s);
    }
    if (JS_IsError(ctx, ex)) {
        JSValue stack = JS_GetPropertyStr(ctx, ex, "stack");
        if (!JS_IsUndefined(stack) && !JS_IsException(stack)) {
            const char* st = JS_ToCString(ctx, stack);
            if (st) {
                size_t n = std::strlen(st);
                fputs(st, stderr);
                if (n && st[n - 1] != '\n') fputc('\n', stderr);
                JS_FreeCString(ctx, st);
            }
        }
        if (JS_IsException(stack)) JS_FreeValue(ctx, JS_GetException(ctx));
        JS_FreeValue(ctx, stack);
    }
}

} // namespace

JSValue eval_file(JSContext* ctx, const char* filename, int module) {
    size_t len;
    uint8_t* buf = js_load_file(ctx, &len, filename);
    if (!buf) return JS_ThrowReferenceError(ctx, "could not load '%s'", filename);
    const char* src = reinterpret_cast<const char*>(buf);
    if (module < 0) {
        std::string name = filename;
        module = ends_with(name, ".mjs") || (!ends_with(name, ".cjs") && JS_DetectModule(src, len));
    }
    JSValue r;
    if (module) {
        r = JS_Eval(ctx, src, len, filename, JS_EVAL_TYPE_MODULE | JS_EVAL_FLAG_COMPILE_ONLY);
        if (!JS_IsException(r)) {
            if (js_module_set_import_meta(ctx, r, 1, 1) < 0) {
                JS_FreeValue(ctx, r);
                r = JS_EXCEPTION;
            } else {
                r = js_std_await(ctx, JS_EvalFunction(ctx, r));
            }
        }
    } else {
        r = JS_Eval(ctx, src, len, filename, JS_EVAL_TYPE_GLOBAL);
    }
    js_free(ctx, buf);
    return r;
}

void report_unhandled_rejections(JSContext* ctx) {
    LibcState* st = state_of(JS_GetRuntime(ctx));
    if (!st) return;
    std::vector<PendingRejection> list;
    list.swap(st->rejections);
    for (PendingRejection& r : list) {
        fputs("Possibly unhandled promise rejection: ", stderr);
        print_exception(ctx, r.reason);
        st->had_unhandled_rejection = true;
        JS_FreeValue(ctx, r.promise);
        JS_FreeValue(ctx, r.reason);
    }
}

} // namespace qjs::libc

using namespace qjs::libc;

void js_std_add_helpers(JSContext* ctx, int argc, char** argv) {
    JSValue global = JS_GetGlobalObject(ctx);
    // The holder of the lazily compiled inspector, shared by print and console.log.
    JSValue inspector = JS_NewObjectProto(ctx, JS_NULL);
    if (JS_IsException(inspector)) {
        js_std_dump_error(ctx);
        inspector = JS_UNDEFINED;
    }
    JSValue console = JS_NewObject(ctx);
    JSValue log = JS_NewCFunctionData(ctx, js_print, 1, 0, 1, &inspector);
    JS_DefinePropertyValueStr(ctx, log, "name", JS_NewString(ctx, "log"), JS_PROP_CONFIGURABLE);
    JS_SetPropertyStr(ctx, console, "log", log);
    JS_SetPropertyStr(ctx, global, "console", console);
    if (argc >= 0) {
        JSValue args = JS_NewArray(ctx);
        for (int i = 0; i < argc; ++i)
            JS_SetPropertyUint32(ctx, args, static_cast<uint32_t>(i), JS_NewString(ctx, argv[i]));
        JS_SetPropertyStr(ctx, global, "scriptArgs", args);
    }
    JSValue print = JS_NewCFunctionData(ctx, js_print, 1, 0, 1, &inspector);
    JS_DefinePropertyValueStr(ctx, print, "name", JS_NewString(ctx, "print"), JS_PROP_CONFIGURABLE);
    JS_SetPropertyStr(ctx, global, "print", print);
    JS_FreeValue(ctx, inspector);
    JS_FreeValue(ctx, global);
    // Beyond QuickJS: the timer globals of the shared event loop (setTimeout, setInterval, ...).
    if (!loop_install_globals(ctx)) JS_FreeValue(ctx, JS_GetException(ctx));
}

char* js_std_format_value(JSContext* ctx, JSValueConst v, JS_BOOL quote_strings) {
    JSValue inspector = make_inspector(ctx);
    if (JS_IsException(inspector)) return nullptr;
    std::string out;
    bool ok = inspect_value(ctx, inspector, v, quote_strings != 0, &out);
    JS_FreeValue(ctx, inspector);
    return ok ? js_strndup(ctx, out.data(), out.size()) : nullptr;
}

void js_std_dump_error(JSContext* ctx) {
    JSValue ex = JS_GetException(ctx);
    print_exception(ctx, ex);
    JS_FreeValue(ctx, ex);
}

uint8_t* js_load_file(JSContext* ctx, size_t* pbuf_len, const char* filename) {
    *pbuf_len = 0;
    FILE* f = fopen(filename, "rb");
    if (!f) return nullptr;
    std::string data;
    char buf[65536];
    size_t n;
    while ((n = fread(buf, 1, sizeof buf, f)) > 0)
        data.append(buf, n);
    bool failed = ferror(f);
    fclose(f);
    if (failed) return nullptr;
    auto* out = static_cast<uint8_t*>(js_malloc(ctx, data.size() + 1));
    if (!out) return nullptr;
    std::memcpy(out, data.data(), data.size());
    out[data.size()] = 0;
    *pbuf_len = data.size();
    return out;
}

int js_module_set_import_meta(JSContext* ctx, JSValueConst func_val, JS_BOOL use_realpath, JS_BOOL is_main) {
    if (JS_VALUE_GET_TAG(func_val) != JS_TAG_MODULE) return 0;
    auto* m = static_cast<JSModuleDef*>(JS_VALUE_GET_PTR(func_val));
    JSAtom name_atom = JS_GetModuleName(ctx, m);
    const char* name = JS_AtomToCString(ctx, name_atom);
    JS_FreeAtom(ctx, name_atom);
    if (!name) return -1;
    std::string url;
    if (!std::strchr(name, ':')) {
        url = "file://";
        std::string full;
        if (use_realpath && real_path(name, &full) == 0)
            url += full;
        else
            url += name;
    } else {
        url = name;
    }
    JS_FreeCString(ctx, name);
    JSValue meta = JS_GetImportMeta(ctx, m);
    if (JS_IsException(meta)) return -1;
    int r = JS_DefinePropertyValueStr(ctx, meta, "url", JS_NewString(ctx, url.c_str()), JS_PROP_C_W_E);
    if (r >= 0) r = JS_DefinePropertyValueStr(ctx, meta, "main", JS_NewBool(ctx, is_main), JS_PROP_C_W_E);
    JS_FreeValue(ctx, meta);
    return r < 0 ? -1 : 0;
}

JSModuleDef* js_module_loader(JSContext* ctx, const char* module_name, void*) {
    std::string name = module_name;
    if (name == "std" || name == "qjs:std") return js_init_module_std(ctx, module_name);
    if (name == "os" || name == "qjs:os") return js_init_module_os(ctx, module_name);
    if (name == "bjson" || name == "qjs:bjson") return js_init_module_bjson(ctx, module_name);
    if (ends_with(name, ".so")) {
        JS_ThrowReferenceError(ctx, "could not load module '%s': native modules are not supported",
                               module_name);
        return nullptr;
    }
    size_t len;
    uint8_t* buf = js_load_file(ctx, &len, module_name);
    if (!buf) {
        JS_ThrowReferenceError(ctx, "could not load module filename '%s'", module_name);
        return nullptr;
    }
    JSValue fn = JS_Eval(ctx, reinterpret_cast<char*>(buf), len, module_name,
                         JS_EVAL_TYPE_MODULE | JS_EVAL_FLAG_COMPILE_ONLY);
    js_free(ctx, buf);
    if (JS_IsException(fn)) return nullptr;
    if (js_module_set_import_meta(ctx, fn, 1, 0) < 0) {
        JS_FreeValue(ctx, fn);
        return nullptr;
    }
    auto* m = static_cast<JSModuleDef*>(JS_VALUE_GET_PTR(fn));
    JS_FreeValue(ctx, fn); // the realm's module registry keeps it
    return m;
}

uint8_t* js_module_read(JSContext* ctx, const char* module_name, size_t* plen, void*) {
    uint8_t* buf = js_load_file(ctx, plen, module_name);
    if (!buf) JS_ThrowReferenceError(ctx, "could not load module filename '%s'", module_name);
    return buf;
}

void js_std_eval_binary(JSContext* ctx, const uint8_t* buf, size_t buf_len, int load_only) {
    JSValue obj = JS_ReadObject(ctx, buf, buf_len, JS_READ_OBJ_BYTECODE);
    if (JS_IsException(obj)) goto fail;
    if (load_only) {
        if (JS_VALUE_GET_TAG(obj) == JS_TAG_MODULE) js_module_set_import_meta(ctx, obj, 0, 0);
        JS_FreeValue(ctx, obj);
        return;
    }
    if (JS_VALUE_GET_TAG(obj) == JS_TAG_MODULE) {
        if (JS_ResolveModule(ctx, obj) < 0 || js_module_set_import_meta(ctx, obj, 0, 1) < 0) {
            JS_FreeValue(ctx, obj);
            goto fail;
        }
    }
    {
        JSValue r = JS_EvalFunction(ctx, obj);
        r = js_std_await(ctx, r);
        if (JS_IsException(r)) goto fail;
        JS_FreeValue(ctx, r);
    }
    return;
fail:
    js_std_dump_error(ctx);
    exit(1);
}

void js_std_promise_rejection_tracker(JSContext* ctx, JSValueConst promise, JSValueConst reason,
                                      JS_BOOL is_handled, void*) {
    LibcState* st = state_of(JS_GetRuntime(ctx));
    if (!st) return;
    if (!is_handled) {
        st->rejections.push_back(PendingRejection{JS_DupValue(ctx, promise), JS_DupValue(ctx, reason)});
        return;
    }
    for (size_t i = 0; i < st->rejections.size(); ++i) {
        if (JS_VALUE_GET_PTR(st->rejections[i].promise) != JS_VALUE_GET_PTR(promise)) continue;
        JS_FreeValue(ctx, st->rejections[i].promise);
        JS_FreeValue(ctx, st->rejections[i].reason);
        st->rejections.erase(st->rejections.begin() + static_cast<ptrdiff_t>(i));
        return;
    }
}

JS_BOOL js_std_had_unhandled_rejection(JSRuntime* rt) {
    LibcState* st = state_of(rt);
    return st && st->had_unhandled_rejection;
}

void js_std_init_handlers(JSRuntime* rt) {
    register_file_class(rt);
    if (state_of(rt)) return;
    auto* mem = js_mallocz_rt(rt, sizeof(LibcState));
    if (!mem) return;
    JS_SetRuntimeOpaque(rt, new (mem) LibcState());
    install_shared_memory(rt);
}

void js_std_init_shared_memory(JSRuntime* rt) {
    install_shared_memory(rt);
}

void js_std_free_handlers(JSRuntime* rt) {
    LibcState* st = state_of(rt);
    if (!st) return;
    free_signal_handlers(rt);
    for (PendingRejection& r : st->rejections) {
        JS_FreeValueRT(rt, r.promise);
        JS_FreeValueRT(rt, r.reason);
    }
    loop_destroy(rt);
    js_std_atomics_release(rt);
    free_worker_state(st);
    st->~LibcState();
    js_free_rt(rt, st);
    JS_SetRuntimeOpaque(rt, nullptr);
}

// How long the loop sleeps in poll() at most while the runtime has Atomics.waitAsync waiters (their
// notify comes from another thread, which does not wake poll()).
constexpr int kAtomicsPollMs = 10;

int js_std_loop_once(JSContext* ctx) {
    int next = loop_run_once(ctx);
    if (next == -2) js_std_dump_error(ctx);
    report_unhandled_rejections(ctx);
    if (!run_pending_signals(ctx)) {
        js_std_dump_error(ctx);
        return -2;
    }
    // A signal that arrived meanwhile is handled on the next turn, which is due now.
    if (next != -2 && has_pending_signals(ctx)) return 0;
    return next;
}

int js_std_poll_io(JSContext* ctx, int timeout_ms) {
    int polled = js_std_poll_io_fd(ctx, timeout_ms, -1, nullptr, nullptr);
    return polled > 0 ? 0 : polled;
}

int js_std_poll_io_fd(JSContext* ctx, int timeout_ms, int fd, void (*before_handlers)(void*), void* opaque) {
    int polled = loop_poll_io_fd(ctx, timeout_ms, fd, before_handlers, opaque);
    if (polled == -2) {
        js_std_dump_error(ctx);
        return -2;
    }
    return polled < 0 ? -1 : polled;
}

// One handler error is printed and the loop goes on (QuickJS's behaviour for timers and I/O).
int js_std_loop(JSContext* ctx) {
    for (;;) {
        int next = loop_run_once(ctx);
        if (next == -2) {
            js_std_dump_error(ctx);
            continue;
        }
        report_unhandled_rejections(ctx);
        if (!run_pending_signals(ctx)) {
            js_std_dump_error(ctx);
            continue;
        }
        // Atomics.waitAsync promises another thread notified (or that timed out) settle here.
        int waiting = js_std_atomics_poll(JS_GetRuntime(ctx), 0);
        if (waiting < 0) js_std_dump_error(ctx);
        if (JS_IsJobPending(JS_GetRuntime(ctx))) continue;
        bool io = loop_has_io_handlers(ctx);
        if (next == -1 && !io) {
            if (waiting <= 0) break;
            if (js_std_atomics_poll(JS_GetRuntime(ctx), -1) < 0) js_std_dump_error(ctx);
            continue;
        }
        int timeout = next == -1 ? -1 : next;
        if (has_pending_signals(ctx)) timeout = 0;
        // A notify from another thread does not wake poll(): look at the waiters again soon.
        if (waiting > 0 && (timeout < 0 || timeout > kAtomicsPollMs)) timeout = kAtomicsPollMs;
        int polled = loop_poll_io(ctx, timeout);
        if (polled == -2) js_std_dump_error(ctx);
    }
    return 0;
}

JSValue js_std_await(JSContext* ctx, JSValue obj) {
    if (!JS_IsPromise(obj)) return obj;
    for (;;) {
        JSPromiseStateEnum state = JS_PromiseState(ctx, obj);
        if (state == JS_PROMISE_FULFILLED) {
            JSValue r = JS_PromiseResult(ctx, obj);
            JS_FreeValue(ctx, obj);
            return r;
        }
        if (state == JS_PROMISE_REJECTED) {
            JSValue reason = JS_PromiseResult(ctx, obj);
            // The rejection is reported here, not as an unhandled one.
            js_std_promise_rejection_tracker(ctx, obj, reason, 1, nullptr);
            JS_FreeValue(ctx, obj);
            return JS_Throw(ctx, reason);
        }
        int next = loop_run_once(ctx);
        if (next == -2) {
            js_std_dump_error(ctx);
            continue;
        }
        if (!run_pending_signals(ctx)) {
            js_std_dump_error(ctx);
            continue;
        }
        if (JS_PromiseState(ctx, obj) != JS_PROMISE_PENDING) continue;
        int waiting = js_std_atomics_poll(JS_GetRuntime(ctx), 0);
        if (waiting < 0) js_std_dump_error(ctx);
        if (JS_IsJobPending(JS_GetRuntime(ctx))) continue;
        bool io = loop_has_io_handlers(ctx);
        if (next == -1 && !io) {
            // Nothing can settle it any more: return it as is (QuickJS returns the pending promise).
            if (waiting <= 0) return obj;
            if (js_std_atomics_poll(JS_GetRuntime(ctx), -1) < 0) js_std_dump_error(ctx);
            continue;
        }
        int timeout = has_pending_signals(ctx) ? 0 : next;
        if (waiting > 0 && (timeout < 0 || timeout > kAtomicsPollMs)) timeout = kAtomicsPollMs;
        loop_poll_io(ctx, timeout);
    }
}
