// Engine.cpp: the embedding API over Runtime/Context, plus the host globals of the shell and of
// the test262 runner.
#include "api/Engine.h"

#include "api/ScriptRunner.h"
#include "builtins/Promise.h"
#include "loop/EventLoop.h"
#include "module/Module.h"
#include "runtime/ArrayBufferObject.h"
#include "runtime/Call.h"
#include "runtime/Context.h"
#include "runtime/Conversions.h"
#include "runtime/NativeFunction.h"
#include "runtime/String.h"
#include "snapshot/HeapSnapshot.h"

#include <cstdio>

namespace qjs::api {

struct Engine {
    Runtime* rt;
};

struct Realm {
    Engine* engine;
    Context* ctx;
};

std::string resolve_module_path(const std::string& specifier, const std::string& referrer) {
    std::string path;
    if (specifier.empty() || specifier[0] != '/') {
        size_t slash = referrer.rfind('/');
        if (slash != std::string::npos) path = referrer.substr(0, slash + 1);
    }
    path += specifier;
    // Drop "." segments and fold ".." ones.
    std::vector<std::string> parts;
    size_t start = 0;
    while (start <= path.size()) {
        size_t end = path.find('/', start);
        if (end == std::string::npos) end = path.size();
        std::string seg = path.substr(start, end - start);
        if (seg == "..") {
            if (!parts.empty() && parts.back() != ".." && !parts.back().empty())
                parts.pop_back();
            else
                parts.push_back(seg);
        } else if (seg != "." && !(seg.empty() && !parts.empty())) {
            parts.push_back(seg);
        }
        start = end + 1;
    }
    std::string out;
    for (size_t i = 0; i < parts.size(); i++) {
        if (i) out += '/';
        out += parts[i];
    }
    return out;
}

static bool read_whole_file(const std::string& path, std::string* out) {
    std::FILE* f = std::fopen(path.c_str(), "rb");
    if (!f) return false;
    char buf[65536];
    size_t n;
    out->clear();
    while ((n = std::fread(buf, 1, sizeof buf, f)) > 0)
        out->append(buf, n);
    std::fclose(f);
    return true;
}

static bool default_module_loader(void*, const std::string& specifier, const std::string& referrer,
                                  std::string* resolved_name, std::string* source) {
    *resolved_name = resolve_module_path(specifier, referrer);
    return read_whole_file(*resolved_name, source);
}

void set_module_loader(Engine* e, ModuleLoader loader, void* opaque) {
    set_module_host_loader(*e->rt, loader, opaque);
}

void register_host_natives();
NativeFn host_function_native(); // ApiFunctions.cpp
NativeFn c_module_init_fn();     // ApiModules.cpp

Engine* engine_new(size_t memory_limit_bytes) {
    register_host_natives();
    Runtime* rt = Runtime::create(memory_limit_bytes);
    if (!rt) return nullptr;
    auto* e = static_cast<Engine*>(rt->alloc(sizeof(Engine)));
    if (!e) {
        rt->destroy();
        return nullptr;
    }
    e->rt = rt;
    set_module_host_loader(*rt, default_module_loader, nullptr);
    return e;
}

bool snapshot_write(Engine* e, std::vector<uint8_t>& out, std::string& error, bool delta) {
    ByteWriter bytes;
    SnapshotError problem;
    if (!write_heap_snapshot(*e->rt, bytes, problem, delta)) {
        error = problem.message;
        return false;
    }
    out.assign(bytes.data().begin(), bytes.data().end());
    return true;
}

Engine* snapshot_restore(const uint8_t* data, size_t length, size_t memory_limit_bytes, Realm** realm,
                         std::string& error, const uint8_t* delta, size_t delta_length) {
    Engine* e = engine_new(memory_limit_bytes);
    if (!e) {
        error = "out of memory";
        return nullptr;
    }
    SnapshotError problem;
    Realm* r = nullptr;
    if (read_heap_snapshot(*e->rt, data, length, problem, delta, delta_length)) {
        r = static_cast<Realm*>(e->rt->alloc(sizeof(Realm)));
        if (r) {
            r->engine = e;
            r->ctx = e->rt->m_contexts.front();
        } else {
            problem.set("out of memory");
        }
    }
    if (!r) {
        error = problem.message;
        engine_free(e);
        return nullptr;
    }
    *realm = r;
    return e;
}

size_t engine_free(Engine* e) {
    Runtime* rt = e->rt;
    rt->make_current();
    set_module_host_loader(*rt, nullptr, nullptr);
    EventLoop::destroy(*rt);
    rt->free(e);
    return rt->destroy();
}

Realm* realm_new(Engine* e) {
    e->rt->make_current();
    Context* ctx = Context::create(*e->rt);
    if (!ctx) return nullptr;
    auto* r = static_cast<Realm*>(e->rt->alloc(sizeof(Realm)));
    if (!r) return nullptr;
    r->engine = e;
    r->ctx = ctx;
    return r;
}

void realm_free(Realm* r) {
    Runtime& rt = r->ctx->rt();
    rt.make_current();
    r->ctx->release();
    rt.free(r);
}

static std::string value_to_utf8(Context& ctx, const Value& v) {
    Value s = to_string(ctx, v);
    if (s.is_exception()) {
        Value ignored = ctx.rt().take_exception();
        return "<exception while converting to string>";
    }
    return s.as_string()->to_utf8();
}

// Fills an EvalResult from the pending exception.
static void describe_exception(Context& ctx, EvalResult* out) {
    out->ok = false;
    bool uncatchable = ctx.rt().m_uncatchable;
    Value ex = ctx.rt().take_exception();
    if (uncatchable && ex.is_null()) {
        out->error_name = "InternalError";
        out->error_message = "out of memory";
        return;
    }
    if (ex.is_object()) {
        Object* o = ex.as_object();
        Value name = get(ctx, o, atoms::name, ex);
        if (!name.is_exception() && !name.is_undefined())
            out->error_name = value_to_utf8(ctx, name);
        else if (name.is_exception())
            Value ignored = ctx.rt().take_exception();
        if (out->error_name.empty()) {
            // No `name` (e.g. test262's Test262Error): the constructor's name.
            Value ctor = get(ctx, o, atoms::constructor, ex);
            Value ctor_name = ctor.is_object() ? get(ctx, ctor.as_object(), atoms::name, ctor) : Value();
            if (ctor_name.is_string())
                out->error_name = ctor_name.as_string()->to_utf8();
            else if (ctx.rt().has_exception())
                Value ignored = ctx.rt().take_exception();
        }
        Value message = get(ctx, o, atoms::message, ex);
        if (!message.is_exception() && !message.is_undefined())
            out->error_message = value_to_utf8(ctx, message);
        else if (message.is_exception())
            Value ignored = ctx.rt().take_exception();
        Value stack = get(ctx, o, atoms::stack, ex);
        if (!stack.is_exception() && stack.is_string())
            out->stack = stack.as_string()->to_utf8();
        else if (stack.is_exception())
            Value ignored = ctx.rt().take_exception();
    } else {
        out->error_message = value_to_utf8(ctx, ex);
    }
}

EvalResult eval_script(Realm* r, std::string_view source, std::string_view filename, EvalMode mode) {
    Context& ctx = *r->ctx;
    ctx.rt().make_current();
    EvalResult result;
    Value v = run_script_source(ctx, source, filename, mode == EvalMode::Strict, &result.early_error);
    if (v.is_exception()) describe_exception(ctx, &result);
    return result;
}

EvalResult eval_module(Realm* r, std::string_view source, std::string_view filename) {
    Context& ctx = *r->ctx;
    ctx.rt().make_current();
    EvalResult result;
    HostCallInProgress host_call(ctx.rt());
    Value promise = run_module_source(ctx, source, filename, &result.early_error);
    if (promise.is_exception()) {
        describe_exception(ctx, &result);
        return result;
    }
    if (!is_promise(promise)) return result;
    // A top-level await: drive the job queue until the evaluation settles.
    if (promise_state(promise.as_object()) == PromiseState::Pending && !ctx.rt().run_jobs()) {
        describe_exception(ctx, &result);
        return result;
    }
    if (promise_state(promise.as_object()) == PromiseState::Rejected) {
        ctx.throw_value(promise_result(promise.as_object()));
        describe_exception(ctx, &result);
    }
    return result;
}

// Reports the pending exception of `rt` in `err` (or drops it when err is null).
static void take_pending_error(Runtime& rt, EvalResult* err) {
    if (err) {
        Context* ctx = rt.m_contexts.empty() ? nullptr : rt.m_contexts.front();
        if (ctx)
            describe_exception(*ctx, err);
        else
            Value ignored = rt.take_exception();
    } else {
        Value ignored = rt.take_exception();
    }
}

bool run_jobs(Engine* e, EvalResult* err) {
    Runtime& rt = *e->rt;
    rt.make_current();
    if (rt.run_jobs()) return true;
    take_pending_error(rt, err);
    return false;
}

void install_event_loop(Realm* r) {
    Context& ctx = *r->ctx;
    ctx.rt().make_current();
    EventLoop* loop = EventLoop::of(ctx.rt());
    if (!loop || !loop->install_globals(ctx)) Value ignored = ctx.rt().take_exception();
}

int loop_once(Engine* e, EvalResult* err) {
    Runtime& rt = *e->rt;
    rt.make_current();
    EventLoop* loop = EventLoop::of(rt);
    if (!loop) return EventLoop::kError;
    int result = loop->run_once();
    if (result == EventLoop::kError) take_pending_error(rt, err);
    return result;
}

void request_interrupt(Engine* e) {
    e->rt->m_interrupt_requested = 1;
}

// ---- host globals ----

namespace {

std::string* s_print_sink = nullptr; // test262: print() output goes here when set

Value host_print(Context& ctx, const CallArgs& args) {
    std::string line;
    for (size_t i = 0; i < args.count(); ++i) {
        if (i) line += ' ';
        Value s = TRY(to_string(ctx, args.arg(i)));
        line += s.as_string()->to_utf8();
    }
    line += '\n';
    if (args.magic == 1 && s_print_sink)
        *s_print_sink += line;
    else
        std::fwrite(line.data(), 1, line.size(), stdout);
    return Value();
}

bool define_global_function(Context& ctx, Object* target, const char* name, NativeFn fn, uint32_t length,
                            int magic = 0) {
    Value f = new_native_function(ctx, fn, name, length, static_cast<int16_t>(magic));
    if (f.is_exception()) return false;
    Atom a = ctx.rt().intern_ascii(name);
    return a &&
           !put_own_data(ctx, target, a, std::move(f), prop::Writable | prop::Configurable).is_exception();
}

// $262.evalScript(source): runs a script in this realm's global scope.
Value host_eval_script(Context& ctx, const CallArgs& args) {
    Value src = TRY(to_string(ctx, args.arg(0)));
    std::string text = src.as_string()->to_utf8();
    return run_script_source(ctx, text, "evalScript", false);
}

Value host_gc(Context& ctx, const CallArgs&) {
    ctx.rt().collect_cycles();
    return Value();
}

Value make_test262_object(Context& ctx);

// $262.createRealm(): a fresh realm with its own $262.
Value host_create_realm(Context& ctx, const CallArgs&) {
    Context* fresh = Context::create(ctx.rt());
    if (!fresh) return ctx.throw_out_of_memory();
    Value t = make_test262_object(*fresh);
    if (t.is_exception()) return Exception{};
    return t;
}

Value host_detach_array_buffer(Context& ctx, const CallArgs& args) {
    const Value& buffer = args.arg(0);
    if (!buffer.is_object()) return ctx.throw_type_error("detachArrayBuffer: not an ArrayBuffer");
    TRY(detach_array_buffer(ctx, buffer.as_object()));
    return Value();
}

Value host_html_dda_call(Context&, const CallArgs&) {
    return Value::null();
}

Value make_test262_object(Context& ctx) {
    Value t = TRY(new_object(ctx));
    Object* o = t.as_object();
    if (!define_global_function(ctx, o, "evalScript", host_eval_script, 1) ||
        !define_global_function(ctx, o, "gc", host_gc, 0) ||
        !define_global_function(ctx, o, "createRealm", host_create_realm, 0) ||
        !define_global_function(ctx, o, "detachArrayBuffer", host_detach_array_buffer, 1))
        return Exception{};
    Atom global = ctx.rt().intern_ascii("global");
    TRY(put_own_data(ctx, o, global, Value::object(ctx.global_object())));
    Value agent = TRY(new_object(ctx));
    TRY(put_own_data(ctx, o, ctx.rt().intern_ascii("agent"), std::move(agent)));
    // [[IsHTMLDDA]]: an object that typeof reports as "undefined" and that is falsy.
    // It is callable (like document.all): a call returns null.
    Value dda = TRY(new_native_function(ctx, host_html_dda_call, atoms::empty_string, 0));
    dda.as_object()->m_flags |= objflag::HtmlDda;
    TRY(put_own_data(ctx, o, ctx.rt().intern_ascii("IsHTMLDDA"), dda));
    // %AbstractModuleSource%, which no global names (source phase imports).
    Object* module_source = ctx.intrinsic(Intrinsic::AbstractModuleSource);
    if (module_source)
        TRY(put_own_data(ctx, o, ctx.rt().intern_ascii("AbstractModuleSource"),
                         Value::object(module_source)));
    // print is also visible on the realm's global object
    if (!define_global_function(ctx, ctx.global_object(), "print", host_print, 1, 1)) return Exception{};
    TRY(put_own_data(ctx, ctx.global_object(), ctx.rt().intern_ascii("$262"), t));
    return t;
}

} // namespace

// The host functions get their native ids before any realm exists, in a fixed order, so the ids
// are the same in every process using this API (snapshots refer to natives by id).
void register_host_natives() {
    static bool done = false;
    if (done) return;
    done = true;
    register_native(host_print, "print");
    register_native(host_eval_script, "$262.evalScript");
    register_native(host_gc, "$262.gc");
    register_native(host_create_realm, "$262.createRealm");
    register_native(host_detach_array_buffer, "$262.detachArrayBuffer");
    register_native(host_html_dda_call, "$262.IsHTMLDDA");
    register_native(host_function_native(), "host function");
    EventLoop::register_natives();
    register_native(c_module_init_fn(), "C module init");
}

void install_test262_host(Realm* r, std::string* out) {
    Context& ctx = *r->ctx;
    ctx.rt().make_current();
    s_print_sink = out;
    Value t = make_test262_object(ctx);
    if (t.is_exception()) Value ignored = ctx.rt().take_exception();
}

} // namespace qjs::api
