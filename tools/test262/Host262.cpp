// Host262.cpp: the test262 host ($262, print, module loading) on quickjs.h, as INTERPRETING.md asks.
#include "Host262.h"

#include "Test262.h"

#include "quickjs-libc.h"

#include <cstdio>
#include <cstring>
#include <vector>

namespace test262 {

namespace {

HostState* host_of(JSContext* ctx) {
    return static_cast<HostState*>(JS_GetRuntimeOpaque(JS_GetRuntime(ctx)));
}

// ToString of `v` as UTF-8; `fallback` when the conversion throws (the exception is dropped).
std::string to_utf8(JSContext* ctx, JSValueConst v, const char* fallback) {
    size_t len = 0;
    const char* s = JS_ToCStringLen(ctx, &len, v);
    if (!s) {
        JS_FreeValue(ctx, JS_GetException(ctx));
        return fallback;
    }
    std::string out(s, len);
    JS_FreeCString(ctx, s);
    return out;
}

// A property of `obj` read for a description: undefined when the read throws (dropped).
JSValue get_quietly(JSContext* ctx, JSValueConst obj, const char* name) {
    JSValue v = JS_GetPropertyStr(ctx, obj, name);
    if (JS_IsException(v)) {
        JS_FreeValue(ctx, JS_GetException(ctx));
        return JS_UNDEFINED;
    }
    return v;
}

// Fills `out` from the pending exception.
void describe_exception(JSContext* ctx, EvalResult* out) {
    out->ok = false;
    JSValue ex = JS_GetException(ctx);
    if (JS_IsNull(ex)) {
        // Pending as null: an out-of-memory error raised when no error object could be made.
        out->error_name = "InternalError";
        out->error_message = "out of memory";
        return;
    }
    if (JS_IsObject(ex)) {
        JSValue name = get_quietly(ctx, ex, "name");
        if (!JS_IsUndefined(name))
            out->error_name = to_utf8(ctx, name, "<exception while converting to string>");
        JS_FreeValue(ctx, name);
        if (out->error_name.empty()) {
            // No `name` (e.g. test262's Test262Error): the constructor's name.
            JSValue ctor = get_quietly(ctx, ex, "constructor");
            JSValue ctor_name = JS_IsObject(ctor) ? get_quietly(ctx, ctor, "name") : JS_UNDEFINED;
            if (JS_IsString(ctor_name)) out->error_name = to_utf8(ctx, ctor_name, "");
            JS_FreeValue(ctx, ctor_name);
            JS_FreeValue(ctx, ctor);
        }
        JSValue message = get_quietly(ctx, ex, "message");
        if (!JS_IsUndefined(message))
            out->error_message = to_utf8(ctx, message, "<exception while converting to string>");
        JS_FreeValue(ctx, message);
    } else {
        out->error_message = to_utf8(ctx, ex, "<exception while converting to string>");
    }
    JS_FreeValue(ctx, ex);
}

// ---- print and $262 ----

JSValue host_print(JSContext* ctx, JSValueConst, int argc, JSValueConst* argv) {
    std::string line;
    for (int i = 0; i < argc; ++i) {
        size_t len = 0;
        const char* s = JS_ToCStringLen(ctx, &len, argv[i]);
        if (!s) return JS_EXCEPTION;
        if (i) line += ' ';
        line.append(s, len);
        JS_FreeCString(ctx, s);
    }
    line += '\n';
    HostState* host = host_of(ctx);
    if (host && host->printed)
        *host->printed += line;
    else
        std::fwrite(line.data(), 1, line.size(), stdout);
    return JS_UNDEFINED;
}

// $262.evalScript(source): runs a script in this realm's global scope.
JSValue host_eval_script(JSContext* ctx, JSValueConst, int argc, JSValueConst* argv) {
    size_t len = 0;
    const char* s = JS_ToCStringLen(ctx, &len, argc > 0 ? argv[0] : JS_UNDEFINED);
    if (!s) return JS_EXCEPTION;
    JSValue r = JS_Eval(ctx, s, len, "evalScript", JS_EVAL_TYPE_GLOBAL);
    JS_FreeCString(ctx, s);
    return r;
}

JSValue host_gc(JSContext* ctx, JSValueConst, int, JSValueConst*) {
    JS_RunGC(JS_GetRuntime(ctx));
    return JS_UNDEFINED;
}

// $262.createRealm(): a fresh realm with its own $262. The runtime keeps the context (freed with it).
JSValue host_create_realm(JSContext* ctx, JSValueConst, int, JSValueConst*) {
    JSContext* fresh = JS_NewContext(JS_GetRuntime(ctx));
    if (!fresh) return JS_ThrowOutOfMemory(ctx);
    if (!install_test262_host(fresh)) {
        JSValue ex = JS_GetException(fresh);
        return JS_Throw(ctx, ex);
    }
    JSValue global = JS_GetGlobalObject(fresh);
    JSValue t = JS_GetPropertyStr(fresh, global, "$262");
    JS_FreeValue(fresh, global);
    return t;
}

// $262.detachArrayBuffer(buffer): data[0] is the realm's ArrayBuffer.prototype.byteLength getter,
// captured at creation, whose brand check throws the TypeError for anything but an ArrayBuffer
// (SharedArrayBuffers included); detaching a detached buffer again is allowed.
JSValue host_detach_array_buffer(JSContext* ctx, JSValueConst, int argc, JSValueConst* argv, int,
                                 JSValue* data) {
    JSValueConst buffer = argc > 0 ? argv[0] : JS_UNDEFINED;
    if (!JS_IsObject(buffer)) return JS_ThrowTypeError(ctx, "detachArrayBuffer: not an ArrayBuffer");
    JSValue length = JS_Call(ctx, data[0], buffer, 0, nullptr);
    if (JS_IsException(length)) return length;
    JS_FreeValue(ctx, length);
    JS_DetachArrayBuffer(ctx, buffer);
    return JS_UNDEFINED;
}

// [[IsHTMLDDA]]: callable like document.all; a call returns null.
JSValue host_html_dda_call(JSContext*, JSValueConst, int, JSValueConst*) {
    return JS_NULL;
}

bool define(JSContext* ctx, JSValueConst obj, const char* name, JSValue v, int flags = JS_PROP_C_W_E) {
    if (JS_IsException(v)) return false;
    return JS_DefinePropertyValueStr(ctx, obj, name, v, flags) >= 0;
}

bool define_function(JSContext* ctx, JSValueConst obj, const char* name, JSCFunction* fn, int length) {
    return define(ctx, obj, name, JS_NewCFunction(ctx, fn, name, length),
                  JS_PROP_WRITABLE | JS_PROP_CONFIGURABLE);
}

// The ArrayBuffer.prototype.byteLength getter of the context's realm.
JSValue array_buffer_length_getter(JSContext* ctx) {
    JSValue global = JS_GetGlobalObject(ctx);
    JSValue ctor = JS_GetPropertyStr(ctx, global, "ArrayBuffer");
    JSValue proto = JS_IsException(ctor) ? JS_EXCEPTION : JS_GetPropertyStr(ctx, ctor, "prototype");
    JSValue getter = JS_EXCEPTION;
    if (!JS_IsException(proto)) {
        JSAtom key = JS_NewAtom(ctx, "byteLength");
        JSPropertyDescriptor desc;
        int found = key == JS_ATOM_NULL ? -1 : JS_GetOwnProperty(ctx, &desc, proto, key);
        JS_FreeAtom(ctx, key);
        if (found > 0) {
            getter = desc.getter;
            JS_FreeValue(ctx, desc.setter);
            JS_FreeValue(ctx, desc.value);
        } else if (found == 0) {
            getter = JS_ThrowInternalError(ctx, "ArrayBuffer.prototype.byteLength is missing");
        }
    }
    JS_FreeValue(ctx, proto);
    JS_FreeValue(ctx, ctor);
    JS_FreeValue(ctx, global);
    return getter;
}

// Module names: a specifier relative to the referrer's directory, "." and ".." segments folded.
// Code without a file of its own (evalScript, Function bodies) imports relative to the test.
char* normalize_module(JSContext* ctx, const char* base_name, const char* name, void* opaque) {
    auto* host = static_cast<HostState*>(opaque);
    std::string base = base_name;
    if (base.find('/') == std::string::npos && host->rel_path) base = *host->rel_path;
    std::string path;
    if (name[0] != '/') {
        size_t slash = base.rfind('/');
        if (slash != std::string::npos) path = base.substr(0, slash + 1);
    }
    path += name;
    std::vector<std::string> parts;
    for (size_t start = 0; start <= path.size();) {
        size_t end = path.find('/', start);
        if (end == std::string::npos) end = path.size();
        std::string seg = path.substr(start, end - start);
        if (seg == ".." && !parts.empty() && parts.back() != ".." && !parts.back().empty())
            parts.pop_back();
        else if (seg == ".." || (seg != "." && !(seg.empty() && !parts.empty())))
            parts.push_back(seg);
        start = end + 1;
    }
    std::string out;
    for (size_t i = 0; i < parts.size(); ++i)
        out += (i ? "/" : "") + parts[i];
    return js_strdup(ctx, out.c_str());
}

JSModuleDef* load_module(JSContext* ctx, const char* module_name, void* opaque) {
    auto* host = static_cast<HostState*>(opaque);
    std::string source;
    if (!read_file(host->test_dir + "/" + module_name, &source)) {
        JS_ThrowTypeError(ctx, "cannot load module '%s'", module_name);
        return nullptr;
    }
    JSValue m = JS_Eval(ctx, source.c_str(), source.size(), module_name,
                        JS_EVAL_TYPE_MODULE | JS_EVAL_FLAG_COMPILE_ONLY);
    if (JS_IsException(m)) return nullptr;
    auto* def = static_cast<JSModuleDef*>(JS_VALUE_GET_PTR(m));
    JS_FreeValue(ctx, m); // the module map keeps it
    return def;
}

uint8_t* read_module(JSContext* ctx, const char* module_name, size_t* plen, void* opaque) {
    auto* host = static_cast<HostState*>(opaque);
    std::string bytes;
    if (!read_file(host->test_dir + "/" + module_name, &bytes)) {
        JS_ThrowTypeError(ctx, "cannot load module '%s'", module_name);
        return nullptr;
    }
    auto* buf = static_cast<uint8_t*>(js_malloc(ctx, bytes.size() + 1));
    if (!buf) return nullptr;
    std::memcpy(buf, bytes.data(), bytes.size());
    *plen = bytes.size();
    return buf;
}

int interrupt_handler(JSRuntime*, void* opaque) {
    auto* host = static_cast<HostState*>(opaque);
    return host->interrupt && *host->interrupt ? 1 : 0;
}

// run_jobs gives up on an Atomics.waitAsync that has not settled after this many 50 ms polls.
constexpr int kMaxIdlePolls = 1200;

} // namespace

JSRuntime* new_test_runtime(size_t memory_limit, HostState* host) {
    JSRuntime* rt = JS_NewRuntime();
    if (!rt) return nullptr;
    if (memory_limit) JS_SetMemoryLimit(rt, memory_limit);
    JS_SetRuntimeOpaque(rt, host);
    JS_SetModuleLoaderFunc(rt, normalize_module, load_module, host);
    JS_SetModuleReadFunc(rt, read_module, host);
    JS_SetInterruptHandler(rt, interrupt_handler, host);
    js_std_init_shared_memory(rt);
    return rt;
}

bool install_test262_host(JSContext* ctx) {
    JSValue global = JS_GetGlobalObject(ctx);
    JSValue t = JS_NewObject(ctx);
    JSValue getter = array_buffer_length_getter(ctx);
    bool ok =
        !JS_IsException(t) && !JS_IsException(getter) &&
        define_function(ctx, t, "evalScript", host_eval_script, 1) &&
        define_function(ctx, t, "gc", host_gc, 0) &&
        define_function(ctx, t, "createRealm", host_create_realm, 0) &&
        define(ctx, t, "detachArrayBuffer",
               JS_NewCFunctionDataNamed(ctx, host_detach_array_buffer, "detachArrayBuffer", 1, 0, 1, &getter),
               JS_PROP_WRITABLE | JS_PROP_CONFIGURABLE) &&
        define(ctx, t, "global", JS_DupValue(ctx, global));
    JSValue agent = ok ? JS_NewObject(ctx) : JS_UNDEFINED;
    ok = ok && !JS_IsException(agent) && install_agent_functions(ctx, agent) &&
         define(ctx, t, "agent", JS_DupValue(ctx, agent));
    JS_FreeValue(ctx, agent);
    if (ok) {
        JSValue dda = JS_NewCFunction(ctx, host_html_dda_call, "", 0);
        if (!JS_IsException(dda)) JS_SetIsHTMLDDA(ctx, dda);
        ok = define(ctx, t, "IsHTMLDDA", dda) &&
             define(ctx, t, "AbstractModuleSource", JS_GetAbstractModuleSource(ctx)) &&
             define_function(ctx, global, "print", host_print, 1) &&
             define(ctx, global, "$262", JS_DupValue(ctx, t));
    }
    JS_FreeValue(ctx, getter);
    JS_FreeValue(ctx, t);
    JS_FreeValue(ctx, global);
    return ok;
}

void rebind_test262_host(JSRuntime* rt) {
    JSCFunctionType f;
    f.generic = host_print;
    JS_RebindCFunction(rt, "print", JS_CFUNC_generic, f);
    f.generic = host_eval_script;
    JS_RebindCFunction(rt, "evalScript", JS_CFUNC_generic, f);
    f.generic = host_gc;
    JS_RebindCFunction(rt, "gc", JS_CFUNC_generic, f);
    f.generic = host_create_realm;
    JS_RebindCFunction(rt, "createRealm", JS_CFUNC_generic, f);
    f.generic = host_html_dda_call;
    JS_RebindCFunction(rt, "", JS_CFUNC_generic, f);
    JS_RebindCFunctionDataNamed(rt, "detachArrayBuffer", host_detach_array_buffer);
    rebind_agent_functions(rt);
}

EvalResult eval_script(JSContext* ctx, std::string_view source, const std::string& filename, bool strict) {
    EvalResult result;
    JSValue fn =
        JS_Eval(ctx, source.data(), source.size(), filename.c_str(),
                JS_EVAL_TYPE_GLOBAL | JS_EVAL_FLAG_COMPILE_ONLY | (strict ? JS_EVAL_FLAG_STRICT : 0));
    if (JS_IsException(fn)) {
        result.early_error = true;
        describe_exception(ctx, &result);
        return result;
    }
    JSValue v = JS_EvalFunction(ctx, fn);
    if (JS_IsException(v)) describe_exception(ctx, &result);
    JS_FreeValue(ctx, v);
    return result;
}

EvalResult eval_module(JSContext* ctx, std::string_view source, const std::string& filename) {
    EvalResult result;
    JSValue m = JS_Eval(ctx, source.data(), source.size(), filename.c_str(),
                        JS_EVAL_TYPE_MODULE | JS_EVAL_FLAG_COMPILE_ONLY);
    if (JS_IsException(m)) {
        result.early_error = true;
        describe_exception(ctx, &result);
        return result;
    }
    JSValue promise = JS_EvalFunction(ctx, m);
    if (JS_IsException(promise)) {
        describe_exception(ctx, &result);
        return result;
    }
    JSPromiseStateEnum state = JS_PromiseState(ctx, promise);
    // A top-level await: drive the job queue until the evaluation settles.
    if (state == JS_PROMISE_PENDING && !run_jobs(JS_GetRuntime(ctx), &result)) {
        JS_FreeValue(ctx, promise);
        return result;
    }
    if (JS_PromiseState(ctx, promise) == JS_PROMISE_REJECTED) {
        JS_Throw(ctx, JS_PromiseResult(ctx, promise));
        describe_exception(ctx, &result);
    }
    JS_FreeValue(ctx, promise);
    return result;
}

bool run_jobs(JSRuntime* rt, EvalResult* err) {
    auto* host = static_cast<HostState*>(JS_GetRuntimeOpaque(rt));
    int idle_polls = 0;
    uint32_t jobs = 0;
    for (;;) {
        JSContext* job_ctx = nullptr;
        int r = JS_ExecutePendingJob(rt, &job_ctx);
        if (r == 0) {
            // No job: settle the Atomics.waitAsync promises that are due, sleeping a little for them.
            int waiting = js_std_atomics_poll(rt, 0);
            if (JS_IsJobPending(rt)) continue;
            if (waiting == 0) return true;
            if (waiting < 0 || (host && host->interrupt && *host->interrupt) ||
                ++idle_polls > kMaxIdlePolls) {
                err->ok = false;
                err->error_message = waiting < 0 ? "settling an Atomics.waitAsync promise threw"
                                                 : "an Atomics.waitAsync promise never settled";
                return false;
            }
            js_std_atomics_poll(rt, 50);
            continue;
        }
        idle_polls = 0;
        // Jobs that keep queueing jobs (the harness's setTimeout) still let due waiters settle.
        if ((++jobs & 255) == 0 && js_std_atomics_poll(rt, 0) < 0) {
            err->ok = false;
            err->error_message = "settling an Atomics.waitAsync promise threw";
            return false;
        }
        if (r < 0) {
            if (job_ctx)
                describe_exception(job_ctx, err);
            else
                err->ok = false;
            return false;
        }
    }
}

} // namespace test262
