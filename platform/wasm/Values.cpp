// Values.cpp: the reactor's value exports: handles, primitives, properties, calls, eval, exceptions and
// the job queue. Every function returning a Handle returns 0 when it threw (the exception is pending).
#include <cstdlib>
#include <cstring>

#include "Reactor.h"

using namespace qjs::wasm;

namespace {

JSContext* ctx() {
    return g_reactor.ctx;
}

// The argument handles of a call as borrowed JSValues (a TypeError for a stale one).
bool get_args(uint32_t argc, const Handle* argv, JSValue* out) {
    for (uint32_t i = 0; i < argc; ++i)
        if (!handle_get(argv[i], &out[i])) return false;
    return true;
}

constexpr uint32_t kMaxArgs = 65535;

} // namespace

// ---- handles ----

QJS_EXPORT(qjs_dup) Handle qjs_dup(Handle h) {
    JSValue v;
    if (!handle_get(h, &v)) return kNone;
    return h <= kGlobal ? h : handle_new(JS_DupValue(ctx(), v));
}
QJS_EXPORT(qjs_free_handle) void qjs_free_handle(Handle h) {
    handle_free(h);
}
QJS_EXPORT(qjs_live_handles) uint32_t qjs_live_handles() {
    return handles_live();
}

// ---- exceptions ----

// The pending exception as a handle (clearing it); the null handle when none is pending.
QJS_EXPORT(qjs_take_exception) Handle qjs_take_exception() {
    JSValue e = JS_GetException(ctx());
    Handle h = handle_result(e);
    return h ? h : kNull;
}
QJS_EXPORT(qjs_has_exception) int qjs_has_exception() {
    return JS_HasException(ctx());
}
// Makes `h`'s value the pending exception (for host functions that throw). Returns 0.
QJS_EXPORT(qjs_throw) Handle qjs_throw(Handle h) {
    JSValue v;
    if (handle_get(h, &v)) JS_Throw(ctx(), JS_DupValue(ctx(), v));
    return kNone;
}

// IsStrictlyEqual(a, b): 1 or 0; -1 for a stale handle.
QJS_EXPORT(qjs_strict_eq) int qjs_strict_eq(Handle a, Handle b) {
    JSValue x, y;
    if (!handle_get(a, &x) || !handle_get(b, &y)) return -1;
    return JS_StrictEq(ctx(), x, y) ? 1 : 0;
}

// ---- primitives and objects ----

QJS_EXPORT(qjs_new_number) Handle qjs_new_number(double d) {
    return handle_result(JS_NewFloat64(ctx(), d));
}
// UTF-8 text.
QJS_EXPORT(qjs_new_string) Handle qjs_new_string(const char* s, size_t len) {
    return handle_result(JS_NewStringLen(ctx(), s, len));
}
QJS_EXPORT(qjs_new_object) Handle qjs_new_object() {
    return handle_result(JS_NewObject(ctx()));
}
QJS_EXPORT(qjs_new_array) Handle qjs_new_array() {
    return handle_result(JS_NewArray(ctx()));
}

// typeof as a code: 1 undefined, 2 object (null included), 3 boolean, 4 number, 5 string, 6 symbol,
// 7 bigint, 8 function; 0 for a stale handle (TypeError pending).
QJS_EXPORT(qjs_typeof) int qjs_typeof(Handle h) {
    JSValue v;
    if (!handle_get(h, &v)) return 0;
    if (JS_IsUndefined(v)) return 1;
    if (JS_IsNull(v)) return 2;
    if (JS_IsBool(v)) return 3;
    if (JS_IsNumber(v)) return 4;
    if (JS_IsString(v)) return 5;
    if (JS_IsSymbol(v)) return 6;
    if (JS_IsBigInt(ctx(), v)) return 7;
    return JS_IsFunction(ctx(), v) ? 8 : 2;
}

// ToNumber; NaN with the exception pending when it throws (qjs_has_exception tells).
QJS_EXPORT(qjs_to_number) double qjs_to_number(Handle h) {
    JSValue v;
    double d = __builtin_nan("");
    if (handle_get(h, &v)) JS_ToFloat64(ctx(), &d, v);
    return d;
}
QJS_EXPORT(qjs_to_bool) int qjs_to_bool(Handle h) {
    JSValue v;
    return handle_get(h, &v) ? JS_ToBool(ctx(), v) : -1;
}
// ToString as UTF-8 in a malloc'ed buffer (the host frees it); its length goes to *len. 0 on exception.
QJS_EXPORT(qjs_to_string) char* qjs_to_string(Handle h, uint32_t* len) {
    JSValue v;
    if (!handle_get(h, &v)) return nullptr;
    size_t n = 0;
    const char* s = JS_ToCStringLen2(ctx(), &n, v, 0);
    if (!s) return nullptr;
    char* out = static_cast<char*>(std::malloc(n + 1));
    if (out) {
        std::memcpy(out, s, n + 1);
        *len = static_cast<uint32_t>(n);
    } else {
        JS_ThrowOutOfMemory(ctx());
    }
    JS_FreeCString(ctx(), s);
    return out;
}

// ---- properties (keys are handles: strings, symbols or numbers) ----

namespace {
JSAtom key_atom(Handle key) {
    JSValue k;
    return handle_get(key, &k) ? JS_ValueToAtom(ctx(), k) : JS_ATOM_NULL;
}
} // namespace

QJS_EXPORT(qjs_get_prop) Handle qjs_get_prop(Handle obj, Handle key) {
    JSValue o;
    if (!handle_get(obj, &o)) return kNone;
    JSAtom a = key_atom(key);
    if (a == JS_ATOM_NULL) return kNone;
    JSValue r = JS_GetProperty(ctx(), o, a);
    JS_FreeAtom(ctx(), a);
    return handle_result(r);
}
QJS_EXPORT(qjs_get_prop_str) Handle qjs_get_prop_str(Handle obj, const char* name, size_t len) {
    JSValue o;
    if (!handle_get(obj, &o)) return kNone;
    JSAtom a = JS_NewAtomLen(ctx(), name, len);
    if (a == JS_ATOM_NULL) return kNone;
    JSValue r = JS_GetProperty(ctx(), o, a);
    JS_FreeAtom(ctx(), a);
    return handle_result(r);
}
// [[Set]] that throws on failure (a frozen object, a setter that throws, a non-writable property).
// Returns 1, or -1 on exception.
QJS_EXPORT(qjs_set_prop) int qjs_set_prop(Handle obj, Handle key, Handle val) {
    JSValue o, v;
    if (!handle_get(obj, &o) || !handle_get(val, &v)) return -1;
    JSAtom a = key_atom(key);
    if (a == JS_ATOM_NULL) return -1;
    int r = JS_SetPropertyInternal(ctx(), o, a, JS_DupValue(ctx(), v), o, JS_PROP_THROW);
    JS_FreeAtom(ctx(), a);
    return r < 0 ? -1 : 1;
}
// [[DefineOwnProperty]] of a data property with JS_PROP_* flags (configurable 1, writable 2,
// enumerable 4), throwing on failure. Returns 1, or -1 on exception.
QJS_EXPORT(qjs_define_prop) int qjs_define_prop(Handle obj, Handle key, Handle val, int flags) {
    JSValue o, v;
    if (!handle_get(obj, &o) || !handle_get(val, &v)) return -1;
    JSAtom a = key_atom(key);
    if (a == JS_ATOM_NULL) return -1;
    int r =
        JS_DefinePropertyValue(ctx(), o, a, JS_DupValue(ctx(), v), (flags & JS_PROP_C_W_E) | JS_PROP_THROW);
    JS_FreeAtom(ctx(), a);
    return r < 0 ? -1 : 1;
}
QJS_EXPORT(qjs_delete_prop) int qjs_delete_prop(Handle obj, Handle key) {
    JSValue o;
    if (!handle_get(obj, &o)) return -1;
    JSAtom a = key_atom(key);
    if (a == JS_ATOM_NULL) return -1;
    int r = JS_DeleteProperty(ctx(), o, a, JS_PROP_THROW);
    JS_FreeAtom(ctx(), a);
    return r < 0 ? -1 : r;
}

// ---- calls and eval ----

// Calls fn with this and argc argument handles at argv.
QJS_EXPORT(qjs_call) Handle qjs_call(Handle fn, Handle self, uint32_t argc, const Handle* argv) {
    JSValue f, t;
    if (argc > kMaxArgs) {
        JS_ThrowRangeError(ctx(), "too many arguments");
        return kNone;
    }
    JSValue* args = static_cast<JSValue*>(__builtin_alloca(sizeof(JSValue) * (argc ? argc : 1)));
    if (!handle_get(fn, &f) || !handle_get(self, &t) || !get_args(argc, argv, args)) return kNone;
    return handle_result(JS_Call(ctx(), f, t, static_cast<int>(argc), args));
}
// new fn(...args).
QJS_EXPORT(qjs_construct) Handle qjs_construct(Handle fn, uint32_t argc, const Handle* argv) {
    JSValue f;
    if (argc > kMaxArgs) {
        JS_ThrowRangeError(ctx(), "too many arguments");
        return kNone;
    }
    JSValue* args = static_cast<JSValue*>(__builtin_alloca(sizeof(JSValue) * (argc ? argc : 1)));
    if (!handle_get(fn, &f) || !get_args(argc, argv, args)) return kNone;
    return handle_result(JS_CallConstructor(ctx(), f, static_cast<int>(argc), args));
}

// Evaluates code with JS_EVAL_* flags (type global 0 or module 1, strict 8) and returns the completion
// value (a module's evaluation promise).
QJS_EXPORT(qjs_eval_code)
Handle qjs_eval_code(const char* code, size_t len, const char* filename, int flags) {
    flags &= JS_EVAL_TYPE_MODULE | JS_EVAL_FLAG_STRICT;
    return handle_result(JS_Eval(ctx(), code, len, filename ? filename : "<eval>", flags));
}

// ---- jobs and promises ----

// Runs up to max_jobs pending jobs (all when < 0). Returns how many ran, or -1 when one threw (the
// exception is pending).
QJS_EXPORT(qjs_execute_pending_jobs) int qjs_execute_pending_jobs(int max_jobs) {
    int done = 0;
    while (max_jobs < 0 || done < max_jobs) {
        JSContext* job_ctx = nullptr;
        int r = JS_ExecutePendingJob(g_reactor.rt, &job_ctx);
        if (r < 0) return -1;
        if (r == 0) break;
        ++done;
    }
    return done;
}
QJS_EXPORT(qjs_is_job_pending) int qjs_is_job_pending() {
    return JS_IsJobPending(g_reactor.rt);
}

// A new pending promise; its resolve and reject functions' handles go to out[0] and out[1].
QJS_EXPORT(qjs_new_promise) Handle qjs_new_promise(Handle* out) {
    JSValue funcs[2];
    JSValue p = JS_NewPromiseCapability(ctx(), funcs);
    if (JS_IsException(p)) return kNone;
    Handle ph = handle_new(p);
    out[0] = handle_new(funcs[0]);
    out[1] = handle_new(funcs[1]);
    if (!ph || !out[0] || !out[1]) {
        handle_free(ph), handle_free(out[0]), handle_free(out[1]);
        return kNone;
    }
    return ph;
}
// -1 not a promise, 0 pending, 1 fulfilled, 2 rejected.
QJS_EXPORT(qjs_promise_state) int qjs_promise_state(Handle h) {
    JSValue v;
    if (!handle_get(h, &v)) return -1;
    return JS_IsPromise(v) ? static_cast<int>(JS_PromiseState(ctx(), v)) : -1;
}
QJS_EXPORT(qjs_promise_result) Handle qjs_promise_result(Handle h) {
    JSValue v;
    if (!handle_get(h, &v)) return kNone;
    return handle_result(JS_PromiseResult(ctx(), v));
}

// The bridge object of Bridge.js (a new handle).
QJS_EXPORT(qjs_bridge) Handle qjs_bridge() {
    return handle_new(JS_DupValue(ctx(), g_reactor.bridge));
}
