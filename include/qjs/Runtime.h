// qjs/Runtime.h: owners of a JSRuntime and a JSContext, evaluation, jobs and modules.
//
// qjspp::Runtime owns a JSRuntime (JS_FreeRuntime in its destructor, or close() to get the leak count);
// qjspp::Context owns one reference of a JSContext. Destroy values, then contexts, then the runtime.
// Neither is copyable or movable (the interrupt handler's state is addressed by the runtime).
#ifndef QJS_RUNTIME_H
#define QJS_RUNTIME_H

#include "qjs/Class.h"
#include "qjs/Function.h"
#include "qjs/Value.h"

#include <cstring>
#include <functional>
#include <memory>
#include <string>
#include <string_view>
#include <utility>
#include <vector>

namespace qjspp {

class Runtime {
  public:
    Runtime() : m_rt(JS_NewRuntime()) {}
    ~Runtime() { close(); }
    Runtime(const Runtime&) = delete;
    Runtime& operator=(const Runtime&) = delete;

    // Null when the runtime could not be created (out of memory).
    JSRuntime* get() const { return m_rt; }
    explicit operator bool() const { return m_rt != nullptr; }

    void set_memory_limit(size_t bytes) { JS_SetMemoryLimit(m_rt, bytes); }
    void set_max_stack_size(size_t bytes) { JS_SetMaxStackSize(m_rt, bytes); }
    void run_gc() { JS_RunGC(m_rt); }
    // `handler` is polled while JS runs; returning true interrupts it with an uncatchable InternalError
    // ("interrupted"). An empty handler removes it.
    void set_interrupt_handler(std::function<bool()> handler) {
        m_interrupt = std::move(handler);
        if (m_interrupt)
            JS_SetInterruptHandler(m_rt, interrupt_trampoline, this);
        else
            JS_SetInterruptHandler(m_rt, nullptr, nullptr);
    }
    // Runs pending jobs (promise reactions) until none is left. The first job that throws stops it and
    // its exception is returned.
    Result<void> run_jobs() {
        for (;;) {
            JSContext* job_ctx = nullptr;
            int r = JS_ExecutePendingJob(m_rt, &job_ctx);
            if (r == 0) return {};
            if (r < 0) return Exception::take_pending(job_ctx);
        }
    }
    // Frees the runtime now; returns the number of cells still alive (leaked) at teardown. Every
    // Context and Value of this runtime must be gone.
    size_t close() {
        if (!m_rt) return 0;
        size_t leaks = JS_FreeRuntimeLeakCount(m_rt);
        m_rt = nullptr;
        return leaks;
    }

  private:
    static int interrupt_trampoline(JSRuntime*, void* opaque) {
        auto* self = static_cast<Runtime*>(opaque);
        return self->m_interrupt && self->m_interrupt() ? 1 : 0;
    }

    JSRuntime* m_rt;
    std::function<bool()> m_interrupt;
};

class Context {
  public:
    explicit Context(Runtime& rt) : m_ctx(rt.get() ? JS_NewContext(rt.get()) : nullptr) {}
    // Adopts one reference of an existing context (e.g. JS_DupContext(ctx)).
    static Context adopt(JSContext* ctx) { return Context(ctx); }
    ~Context() {
        if (m_ctx) JS_FreeContext(m_ctx);
    }
    Context(Context&& other) noexcept : m_ctx(std::exchange(other.m_ctx, nullptr)) {}
    Context(const Context&) = delete;
    Context& operator=(const Context&) = delete;
    Context& operator=(Context&&) = delete;

    // Null when the context could not be created.
    JSContext* get() const { return m_ctx; }
    explicit operator bool() const { return m_ctx != nullptr; }
    JSRuntime* runtime() const { return JS_GetRuntime(m_ctx); }

    Value global() const { return Value::take(m_ctx, JS_GetGlobalObject(m_ctx)); }
    Result<Value> new_object() const { return detail::checked(m_ctx, JS_NewObject(m_ctx)); }
    Result<Value> new_array() const { return detail::checked(m_ctx, JS_NewArray(m_ctx)); }
    // A JS value from a C++ one (qjs/Convert.h).
    template <class T> Result<Value> make(T&& v) const {
        return detail::checked(m_ctx, Convert<detail::Bare<T>>::to_js(m_ctx, std::forward<T>(v)));
    }
    // A C++ callable as a JS function (qjs/Function.h).
    template <class F> Result<Value> function(std::string_view name, F f) const {
        return new_function(m_ctx, name, std::move(f));
    }
    // The same, stored as a global.
    template <class F> Result<void> define_global_function(std::string_view name, F f) const {
        return define_function(global(), name, std::move(f));
    }
    // A C++ class (qjs/Class.h); build() it, then e.g. global().set(name, constructor).
    template <class T> ClassBuilder<T> define_class(std::string name) const {
        return ClassBuilder<T>(m_ctx, std::move(name));
    }

    // Evaluates a script; the completion value or the exception.
    Result<Value> eval(std::string_view code, const char* filename = "<eval>",
                       int flags = JS_EVAL_TYPE_GLOBAL) const {
        // quickjs.h wants a terminating 0 after the code.
        std::string source(code);
        return detail::checked(m_ctx, JS_Eval(m_ctx, source.c_str(), source.size(), filename, flags));
    }
    // Evaluates `code` as the module `name` and runs the jobs until its evaluation settles; returns the
    // module's namespace, or the exception of its evaluation (also from a rejected top-level await).
    Result<Value> eval_module(std::string_view code, const char* name) const {
        std::string source(code);
        Value module =
            QJS_TRY(detail::checked(m_ctx, JS_Eval(m_ctx, source.c_str(), source.size(), name,
                                                   JS_EVAL_TYPE_MODULE | JS_EVAL_FLAG_COMPILE_ONLY)));
        auto* def = static_cast<JSModuleDef*>(JS_VALUE_GET_PTR(module.get()));
        Value promise = QJS_TRY(detail::checked(m_ctx, JS_EvalFunction(m_ctx, module.release())));
        QJS_TRY_VOID(settle(promise));
        return detail::checked(m_ctx, JS_GetModuleNamespace(m_ctx, def));
    }
    // Runs the jobs until `promise` settles; its value, or its rejection reason as the exception. Other
    // values are returned as they are.
    Result<Value> await(const Value& promise) const {
        QJS_TRY_VOID(settle(promise));
        if (!promise.is_object() || JS_PromiseState(m_ctx, promise.get()) < 0) return promise;
        return Value::take(m_ctx, JS_PromiseResult(m_ctx, promise.get()));
    }

    // A C module importable as `name`, with the given exports (`import { x } from "name"`).
    class ModuleBuilder {
      public:
        ModuleBuilder(JSContext* ctx, std::string name) : m_ctx(ctx), m_name(std::move(name)) {}
        // An export converted now; a failed conversion makes build() fail.
        template <class T> ModuleBuilder& add(std::string name, T&& value) {
            remember(std::move(name),
                     detail::checked(m_ctx, Convert<detail::Bare<T>>::to_js(m_ctx, std::forward<T>(value))));
            return *this;
        }
        template <class F> ModuleBuilder& function(std::string name, F f) {
            Result<Value> fn = new_function(m_ctx, name, std::move(f));
            remember(std::move(name), std::move(fn));
            return *this;
        }
        // Creates the module. Its exports are kept on an internal object (reachable from the module
        // record) until the module is evaluated.
        Result<void> build() {
            if (m_error) return std::move(*m_error);
            JSModuleDef* m = JS_NewCModule(m_ctx, m_name.c_str(), init);
            if (!m) return Exception::take_pending(m_ctx);
            Value exports = QJS_TRY(detail::checked(m_ctx, JS_NewObject(m_ctx)));
            for (auto& [name, value] : m_exports) {
                QJS_TRY_VOID(detail::checked_status(m_ctx, JS_AddModuleExport(m_ctx, m, name.c_str())));
                QJS_TRY_VOID(exports.set(name, std::move(value)));
            }
            Value meta = QJS_TRY(detail::checked(m_ctx, JS_GetImportMeta(m_ctx, m)));
            return meta.set(kExportsKey, std::move(exports));
        }

      private:
        static constexpr const char* kExportsKey = "qjs:exports";
        void remember(std::string name, Result<Value> value) {
            if (m_error) return;
            if (!value.ok())
                m_error = std::make_unique<Exception>(value.take_error());
            else
                m_exports.emplace_back(std::move(name), std::move(value).value());
        }
        static int init(JSContext* ctx, JSModuleDef* m) {
            JSValue meta = JS_GetImportMeta(ctx, m);
            if (JS_IsException(meta)) return -1;
            Value meta_value = Value::take(ctx, meta);
            Result<Value> exports = meta_value.get(kExportsKey);
            if (!exports.ok()) return exports.error().rethrow(), -1;
            Result<std::vector<std::string>> names = exports->keys();
            if (!names.ok()) return names.error().rethrow(), -1;
            for (const std::string& name : *names) {
                Result<Value> v = exports->get(name);
                if (!v.ok()) return v.error().rethrow(), -1;
                if (JS_SetModuleExport(ctx, m, name.c_str(), v->release()) < 0) return -1;
            }
            Result<bool> removed = meta_value.remove(kExportsKey);
            if (!removed.ok()) return removed.error().rethrow(), -1;
            return 0;
        }

        JSContext* m_ctx;
        std::string m_name;
        std::vector<std::pair<std::string, Value>> m_exports;
        std::unique_ptr<Exception> m_error;
    };
    ModuleBuilder define_module(std::string name) const { return ModuleBuilder(m_ctx, std::move(name)); }

  private:
    explicit Context(JSContext* ctx) : m_ctx(ctx) {}
    Result<void> settle(const Value& promise) const {
        if (!promise.is_object()) return {};
        for (;;) {
            JSPromiseStateEnum state = JS_PromiseState(m_ctx, promise.get());
            if (state < 0) return {}; // not a promise
            if (state == JS_PROMISE_REJECTED)
                return Exception(Value::take(m_ctx, JS_PromiseResult(m_ctx, promise.get())));
            if (state == JS_PROMISE_FULFILLED) return {};
            JSContext* job_ctx = nullptr;
            int r = JS_ExecutePendingJob(JS_GetRuntime(m_ctx), &job_ctx);
            if (r < 0) return Exception::take_pending(job_ctx);
            if (r == 0) return internal_error(m_ctx, "promise is still pending and no job is left");
        }
    }

    JSContext* m_ctx;
};

} // namespace qjspp

#endif // QJS_RUNTIME_H
