// ApiEval.cpp: quickjs.h evaluation, the job queue and promises.
#include "api/ApiInternal.h"

#include "api/ScriptRunner.h"
#include "builtins/Promise.h"
#include "bytecode/Compiler.h"
#include "bytecode/FunctionBytecode.h"
#include "module/Module.h"
#include "runtime/Call.h"
#include "runtime/String.h"
#include "vm/FunctionObject.h"

#include <cctype>
#include <cstring>

using namespace qjs;
using namespace qjs::api;

namespace {

// JS_SetStripInfo: drops the source text and, with JS_STRIP_DEBUG, the file name and line table of a
// compiled function and of the functions nested in it.
void strip_function(FunctionBytecode* fb, int flags, int depth = 0) {
    if (!fb || !flags || depth > 1000) return;
    if (fb->m_source) {
        fb->m_source->unref();
        fb->m_source = nullptr;
    }
    fb->m_source_start = fb->m_source_end = 0;
    if (flags & JS_STRIP_DEBUG) {
        fb->m_filename = atoms::invalid;
        fb->drop_lines();
        fb->m_line = fb->m_column = 0;
    }
    for (Value& c : fb->constants())
        if (c.is_internal_cell() && c.as_cell()->kind() == CellKind::FunctionBytecode)
            strip_function(static_cast<FunctionBytecode*>(c.as_cell()), flags, depth + 1);
}

// Compiles a classic script to a function object whose call runs it (JS_EVAL_FLAG_COMPILE_ONLY).
Value compile_script_function(Context& ctx, const char* input, size_t len, const char* filename,
                              bool strict) {
    const char* name = filename ? filename : "<input>";
    String* s = String::create_utf8(ctx.rt(), name, std::strlen(name));
    if (!s) return ctx.throw_out_of_memory();
    Atom file = ctx.rt().intern(s);
    s->unref();
    if (!file) return ctx.throw_out_of_memory();
    FunctionBytecode* fb = TRY(compile_script(ctx, input, len, file, strict));
    strip_function(fb, api_runtime(ctx.rt())->strip_flags);
    dump_bytecode_if_requested(ctx.rt(), fb);
    Value closure = new_closure(ctx, fb, nullptr);
    fb->unref();
    return closure;
}

} // namespace

JSValue JS_EvalThis(JSContext* c, JSValueConst this_obj, const char* input, size_t input_len,
                    const char* filename, int eval_flags) {
    Context& ctx = enter(c);
    HostCallInProgress host_call(ctx.rt());
    int type = eval_flags & JS_EVAL_TYPE_MASK;
    bool strict = (eval_flags & JS_EVAL_FLAG_STRICT) != 0;
    if (eval_flags & JS_EVAL_FLAG_ASYNC)
        return give(ctx.throw_error(ErrorType::InternalError, "JS_EVAL_FLAG_ASYNC is not supported"));
    if (type == JS_EVAL_TYPE_MODULE) {
        if ((eval_flags & JS_EVAL_FLAG_COMPILE_ONLY) || c->rt->strip_flags) {
            Result<Object*> m = compile_module_record(ctx, std::string_view(input, input_len),
                                                      filename ? filename : "<input>");
            if (m.is_exception()) return JS_EXCEPTION;
            strip_function(module_record_bytecode(m.value()), c->rt->strip_flags);
            if (!(eval_flags & JS_EVAL_FLAG_COMPILE_ONLY))
                return give(link_and_evaluate_module(ctx, m.value()));
            return give_module(Value::object(m.value()));
        }
        // The promise of the module's evaluation (settled unless it awaits at top level).
        bool compile_failed = false;
        const char* name = filename ? filename : "<input>";
        return give(run_module_source(ctx, std::string_view(input, input_len), name, &compile_failed));
    }
    if (type == JS_EVAL_TYPE_DIRECT)
        return give(ctx.throw_error(ErrorType::InternalError, "direct eval from C is not supported"));
    Value fn = compile_script_function(ctx, input, input_len, filename, strict);
    if (fn.is_exception() || (eval_flags & JS_EVAL_FLAG_COMPILE_ONLY)) return give(std::move(fn));
    return give(call(ctx, fn, borrow(this_obj), {}));
}

void JS_SetStripInfo(JSRuntime* r, int flags) {
    r->strip_flags = flags & (JS_STRIP_SOURCE | JS_STRIP_DEBUG);
}

int JS_GetStripInfo(JSRuntime* r) {
    return r->strip_flags;
}

JSValue JS_Eval(JSContext* c, const char* input, size_t input_len, const char* filename, int eval_flags) {
    JSValue global = JS_GetGlobalObject(c);
    JSValue r = JS_EvalThis(c, global, input, input_len, filename, eval_flags);
    JS_FreeValue(c, global);
    return r;
}

JSValue JS_EvalFunction(JSContext* c, JSValue fun_obj) {
    Context& ctx = enter(c);
    if (fun_obj.tag == JS_TAG_MODULE) {
        Value m = take(fun_obj);
        HostCallInProgress host_call(ctx.rt());
        return give(link_and_evaluate_module(ctx, m.as_object()));
    }
    Value fn = take(fun_obj);
    if (!is_callable(fn)) return give(ctx.throw_type_error("JS_EvalFunction: not a compiled script"));
    HostCallInProgress host_call(ctx.rt());
    return give(call(ctx, fn, Value::object(ctx.global_object()), {}));
}

// QuickJS's heuristic: the first token is `import` (not `import(` or `import.`) or `export`.
JS_BOOL JS_DetectModule(const char* input, size_t input_len) {
    size_t i = 0;
    auto skip_space_and_comments = [&] {
        for (;;) {
            while (i < input_len && std::isspace(static_cast<unsigned char>(input[i])))
                ++i;
            if (i + 1 < input_len && input[i] == '/' && input[i + 1] == '/') {
                while (i < input_len && input[i] != '\n')
                    ++i;
            } else if (i + 1 < input_len && input[i] == '/' && input[i + 1] == '*') {
                i += 2;
                while (i + 1 < input_len && !(input[i] == '*' && input[i + 1] == '/'))
                    ++i;
                i = i + 2 < input_len ? i + 2 : input_len;
            } else {
                return;
            }
        }
    };
    if (input_len >= 2 && input[0] == '#' && input[1] == '!')
        while (i < input_len && input[i] != '\n')
            ++i;
    skip_space_and_comments();
    auto word = [&](const char* w) {
        size_t n = std::strlen(w);
        if (i + n > input_len || std::strncmp(input + i, w, n) != 0) return false;
        if (i + n < input_len && (std::isalnum(static_cast<unsigned char>(input[i + n])) ||
                                  input[i + n] == '_' || input[i + n] == '$'))
            return false;
        i += n;
        return true;
    };
    if (word("export")) return 1;
    if (!word("import")) return 0;
    skip_space_and_comments();
    return i < input_len && input[i] != '(' && input[i] != '.';
}

// ---- jobs ----

JS_BOOL JS_IsJobPending(JSRuntime* r) {
    return r->rt->has_pending_jobs();
}

int JS_ExecutePendingJob(JSRuntime* r, JSContext** pctx) {
    Runtime& rt = enter(r);
    // Between jobs of the host's loop nothing holds a bare atom: free the unused ones when due.
    if (rt.m_atom_sweep_due && rt.m_js_call_depth == 0 && !rt.m_current_frame) rt.sweep_atoms();
    while (rt.has_pending_jobs()) {
        Job job = std::move(rt.m_jobs[rt.m_job_head++]);
        if (rt.m_job_head == rt.m_jobs.size()) {
            rt.m_jobs.clear();
            rt.m_job_head = 0;
        }
        if (job.realm->m_released) continue; // its context was freed: the job is dropped
        JSContext* c = context_of(*job.realm);
        if (pctx) *pctx = c;
        HostCallInProgress host_call(rt);
        Value result = call(*job.realm, job.function, Value(), job.args);
        return result.is_exception() ? -1 : 1;
    }
    if (pctx) *pctx = nullptr;
    return 0;
}

// ---- promises ----

JSValue JS_NewPromiseCapability(JSContext* c, JSValue* resolving_funcs) {
    Context& ctx = enter(c);
    Value resolve, reject;
    Value p = new_promise(ctx, &resolve, &reject);
    if (p.is_exception()) return JS_EXCEPTION;
    if (resolving_funcs) {
        resolving_funcs[0] = give(std::move(resolve));
        resolving_funcs[1] = give(std::move(reject));
    }
    return give(std::move(p));
}

JS_BOOL JS_IsPromise(JSValueConst val) {
    return is_promise(borrow(val));
}

JSPromiseStateEnum JS_PromiseState(JSContext* c, JSValue promise) {
    enter(c);
    Value p = borrow(promise);
    if (!is_promise(p)) return static_cast<JSPromiseStateEnum>(-1);
    switch (promise_state(p.as_object())) {
    case PromiseState::Pending: return JS_PROMISE_PENDING;
    case PromiseState::Fulfilled: return JS_PROMISE_FULFILLED;
    case PromiseState::Rejected: return JS_PROMISE_REJECTED;
    }
    return JS_PROMISE_PENDING;
}

JSValue JS_PromiseResult(JSContext* c, JSValue promise) {
    enter(c);
    Value p = borrow(promise);
    if (!is_promise(p)) return JS_UNDEFINED;
    return give(promise_result(p.as_object()));
}

static void call_rejection_tracker(Context& ctx, Object* promise, const Value& reason, bool handled, void*) {
    JSRuntime* r = api_runtime(ctx.rt());
    JSContext* c = context_of(ctx);
    if (!r->rejection_tracker || !c) return;
    JSValue p;
    p.tag = JS_TAG_OBJECT;
    p.u.ptr = promise;
    r->rejection_tracker(c, p, peek(reason), handled, r->rejection_opaque);
    ctx.rt().make_current();
}

void JS_SetHostPromiseRejectionTracker(JSRuntime* r, JSHostPromiseRejectionTracker* cb, void* opaque) {
    r->rejection_tracker = cb;
    r->rejection_opaque = opaque;
    r->rt->m_promise_rejection_tracker = cb ? call_rejection_tracker : nullptr;
}
