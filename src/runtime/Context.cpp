// Context.cpp: realm creation and the throw helpers.
#include "runtime/Context.h"

#include "builtins/Builtins.h"
#include "gc/Visitor.h"
#include "runtime/ErrorObject.h"
#include "runtime/NativeFunction.h"
#include "runtime/String.h"
#include "snapshot/Baseline.h"
#include "vm/Backtrace.h"

#include <cstdio>

namespace qjs {

// %Function.prototype% is itself a function that accepts any arguments and returns undefined.
static Value function_prototype_call(Context&, const CallArgs&) {
    return Value();
}

void register_function_classes();
void register_wrapper_classes();
void register_error_class();

// Builds the realm's intrinsics and global object (every installer of Builtins.def). False on OOM.
static bool install_builtins(Context& ctx) {
    if (!begin_baseline(ctx)) return false;
    // The two objects everything else hangs from, then the global object.
    Object* object_proto = Object::create(ctx, nullptr, ClassId::Object);
    if (!object_proto) return false;
    object_proto->m_flags |= objflag::ImmutablePrototype; // 20.1.3: an immutable prototype exotic object
    ctx.m_intrinsics[static_cast<size_t>(Intrinsic::ObjectPrototype)] = object_proto;
    Value fp =
        new_native_function(ctx, function_prototype_call, atoms::empty_string, 0, 0, 0, false, object_proto);
    if (fp.is_exception()) return false;
    ctx.m_intrinsics[static_cast<size_t>(Intrinsic::FunctionPrototype)] =
        static_cast<Object*>(fp.leak_cell());
    ctx.m_global_object = Object::create(ctx, object_proto, ClassId::GlobalObject);
    if (!ctx.m_global_object) return false;
    ctx.m_global_lexicals = Object::create(ctx, nullptr, ClassId::Object);
    if (!ctx.m_global_lexicals) return false;

#define QJS_BUILTIN(name)                                                                                    \
    if (!install_##name(ctx)) return false;
#include "builtins/Builtins.def"
#undef QJS_BUILTIN
    return finish_baseline(ctx);
}

Context* Context::create(Runtime& rt) {
    rt.make_current();
    register_function_classes();
    register_wrapper_classes();
    register_error_class();
    // A realm is complete or not made at all. An installer that drops a failed allocation's result
    // would leave a built-in out, so every refused allocation counts, not just the reported ones.
    uint64_t failed_before = rt.m_failed_allocs;
    void* mem = rt.alloc(sizeof(Context));
    if (!mem) return nullptr;
    auto* ctx = new (mem) Context(rt);
    rt.m_contexts.push_back(ctx);
    if (install_builtins(*ctx) && rt.m_failed_allocs == failed_before) return ctx;

    // Failed: the half-built realm goes (its out-of-memory error too, made in this realm: the caller
    // reports the failure in its own) and what it made is collected. Its record leaves m_contexts but
    // is freed only with the runtime, in case a cell still alive names it.
    (void)rt.take_exception();
    ctx->release();
    for (size_t i = rt.m_contexts.size(); i-- > 0;)
        if (rt.m_contexts[i] == ctx) rt.m_contexts.erase(rt.m_contexts.begin() + static_cast<ptrdiff_t>(i));
    rt.m_failed_contexts.push_back(ctx);
    rt.collect_cycles();
    return nullptr;
}

void Context::release() {
    if (m_released) return;
    m_released = true;
    release_baseline(*this);
    auto drop = [](Object*& o) {
        if (o) {
            Object* x = o;
            o = nullptr;
            x->unref();
        }
    };
    if (Shape* s = m_native_function_shape) {
        m_native_function_shape = nullptr;
        s->unref();
    }
    drop(m_global_object);
    drop(m_global_lexicals);
    drop(m_host_class_protos);
    for (Object*& o : m_intrinsics)
        drop(o);
}

void Context::set_intrinsic(Intrinsic i, Object* o) {
    Object*& slot = m_intrinsics[static_cast<size_t>(i)];
    if (o) o->ref();
    if (slot) slot->unref();
    slot = o;
}

void Context::visit_roots(EdgeVisitor& v) {
    if (m_global_object) v.visit_cell(m_global_object);
    if (m_global_lexicals) v.visit_cell(m_global_lexicals);
    if (m_host_class_protos) v.visit_cell(m_host_class_protos);
    for (Object* o : m_intrinsics)
        if (o) v.visit_cell(o);
}

Value Context::new_string(std::string_view text) {
    String* s = String::create_utf8(m_rt, text.data(), text.size());
    if (!s) return throw_out_of_memory();
    return Value::adopt(Tag::String, s);
}

// ---- errors ----

static Intrinsic error_prototype_for(ErrorType type) {
    switch (type) {
    case ErrorType::Error: return Intrinsic::ErrorPrototype;
    case ErrorType::EvalError: return Intrinsic::EvalErrorPrototype;
    case ErrorType::RangeError: return Intrinsic::RangeErrorPrototype;
    case ErrorType::ReferenceError: return Intrinsic::ReferenceErrorPrototype;
    case ErrorType::SyntaxError: return Intrinsic::SyntaxErrorPrototype;
    case ErrorType::TypeError: return Intrinsic::TypeErrorPrototype;
    case ErrorType::URIError: return Intrinsic::URIErrorPrototype;
    case ErrorType::AggregateError: return Intrinsic::AggregateErrorPrototype;
    case ErrorType::SuppressedError: return Intrinsic::SuppressedErrorPrototype;
    case ErrorType::InternalError: return Intrinsic::InternalErrorPrototype;
    }
    return Intrinsic::ErrorPrototype;
}

Value Context::make_error(ErrorType type, Value message) {
    Object* proto = intrinsic(error_prototype_for(type));
    if (!proto) proto = intrinsic(Intrinsic::ErrorPrototype);
    if (!proto) proto = intrinsic(Intrinsic::ObjectPrototype);
    Object* e = new_error_object(*this, proto);
    if (!e) return Exception{};
    Value error = Value::adopt(Tag::Object, e);
    if (!message.is_undefined() && !define_fresh_property(*this, e, atoms::message, std::move(message),
                                                          prop::Writable | prop::Configurable))
        return Exception{};
    if (!capture_error_stack(*this, e)) return Exception{};
    return error;
}

Exception Context::throw_value(Value v) {
    m_rt.m_exception = std::move(v);
    return Exception{};
}

static Exception throw_formatted(Context& ctx, ErrorType type, const char* fmt, va_list ap) {
    char buf[512];
    std::vsnprintf(buf, sizeof buf, fmt, ap);
    Value message = ctx.new_string(buf);
    if (message.is_exception()) return Exception{};
    Value error = ctx.make_error(type, std::move(message));
    if (error.is_exception()) return Exception{};
    return ctx.throw_value(std::move(error));
}

Exception Context::throw_error(ErrorType type, const char* fmt, ...) {
    va_list ap;
    va_start(ap, fmt);
    Exception e = throw_formatted(*this, type, fmt, ap);
    va_end(ap);
    return e;
}

#define QJS_DEFINE_THROWER(method, type)                                                                     \
    Exception Context::method(const char* fmt, ...) {                                                        \
        va_list ap;                                                                                          \
        va_start(ap, fmt);                                                                                   \
        Exception e = throw_formatted(*this, ErrorType::type, fmt, ap);                                      \
        va_end(ap);                                                                                          \
        return e;                                                                                            \
    }
QJS_DEFINE_THROWER(throw_type_error, TypeError)
QJS_DEFINE_THROWER(throw_range_error, RangeError)
QJS_DEFINE_THROWER(throw_reference_error, ReferenceError)
QJS_DEFINE_THROWER(throw_syntax_error, SyntaxError)
#undef QJS_DEFINE_THROWER

Exception Context::throw_type_error_atom(const char* fmt, Atom a) {
    Value name = m_rt.atom_to_string(a);
    if (name.is_exception()) return Exception{};
    std::string text = name.as_string()->to_utf8();
    return throw_type_error(fmt, text.c_str());
}

Exception Context::throw_out_of_memory() {
    // Garbage cycles may hold the memory: the next object allocation (a safe point) collects them.
    m_rt.m_gc_threshold = 0;
    // Building the error object needs a little memory, which the limit just refused: lift the limit
    // while building it, so that the script can catch the error. A failure while doing so (the
    // system itself is out of memory) leaves the uncatchable null marker so the failure still unwinds.
    if (!m_rt.m_throwing_oom) {
        m_rt.m_throwing_oom = true;
        size_t limit = m_rt.memory_limit();
        m_rt.set_memory_limit(0);
        Value error = new_string("out of memory");
        if (!error.is_exception()) error = make_error(ErrorType::InternalError, std::move(error));
        m_rt.set_memory_limit(limit);
        m_rt.m_throwing_oom = false;
        if (!error.is_exception()) return throw_value(std::move(error));
    }
    m_rt.m_exception = Value::null();
    m_rt.m_uncatchable = true;
    return Exception{};
}

Exception Context::throw_stack_overflow() {
    return throw_range_error("Maximum call stack size exceeded");
}

} // namespace qjs
