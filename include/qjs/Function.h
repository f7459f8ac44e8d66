// qjs/Function.h: C++ callables (lambdas with captures, free functions, function objects) as JS functions.
//
// qjspp::new_function(ctx, "name", f) makes a JS function that converts its arguments to f's parameter
// types with qjspp::Convert (missing arguments are undefined), calls f and converts the result back:
//   void -> undefined, T -> Convert<T>::to_js, Result<T> -> its value or its exception thrown into JS.
// A parameter of type qjspp::CallInfo (by value or const&) receives the raw call (context, this, argv)
// instead of an argument. A conversion failure throws its exception into JS and f is not called.
// The callable is moved into a heap object of a C++-layer class; its finalizer releases it.
//
// Heap snapshots: every bound callable has a binding key, the function's name for new_function and
// "Class", "Class.method", "Class.get x", "Class.set x" for ClassBuilder's members. A snapshot records
// the key only; before restoring, the host registers the same bindings in the new runtime with
// rebind_function(rt, key, f) (and ClassBuilder::rebind), and the restored functions call those. A key
// names one behaviour: functions created with the same key are restored to the one registered callable.
// A restore that meets a key nobody registered fails with an error naming it.
#ifndef QJS_FUNCTION_H
#define QJS_FUNCTION_H

#include "qjs/Value.h"

#include <cstring>
#include <map>
#include <memory>
#include <optional>
#include <string>
#include <tuple>
#include <type_traits>
#include <utility>

namespace qjspp {

// The raw call, for callables that take it as a parameter.
struct CallInfo {
    JSContext* ctx;
    JSValueConst this_value;
    int argc;
    JSValueConst* argv;
    JSValueConst arg(int i) const { return i < argc ? argv[i] : JS_UNDEFINED; }
};

namespace detail {

// The parameter and result types of a callable.
template <class F> struct CallableTraits : CallableTraits<decltype(&std::decay_t<F>::operator())> {};
template <class R, class... A> struct CallableTraits<R (*)(A...)> {
    using ReturnType = R;
    using Params = std::tuple<A...>;
};
template <class R, class... A> struct CallableTraits<R(A...)> : CallableTraits<R (*)(A...)> {};
template <class R, class C, class... A>
struct CallableTraits<R (C::*)(A...) const> : CallableTraits<R (*)(A...)> {};
template <class R, class C, class... A>
struct CallableTraits<R (C::*)(A...)> : CallableTraits<R (*)(A...)> {};

template <class T> using Bare = std::remove_cv_t<std::remove_reference_t<T>>;

// One argument: a CallInfo parameter takes the call, others the next argument converted.
template <class T> bool convert_argument(const CallInfo& call, int& next, std::optional<Bare<T>>& slot) {
    if constexpr (std::is_same_v<Bare<T>, CallInfo>) {
        slot.emplace(call);
        return true;
    } else {
        auto r = Convert<Bare<T>>::from_js(call.ctx, call.arg(next++));
        if (!r.ok()) {
            r.error().rethrow();
            return false;
        }
        slot.emplace(std::move(r).value());
        return true;
    }
}

// A callable's result as a JSValue (JS_EXCEPTION with the exception thrown).
template <class R> struct ReturnToJs {
    static JSValue convert(JSContext* ctx, R&& r) { return Convert<Bare<R>>::to_js(ctx, std::forward<R>(r)); }
};
template <class T> struct ReturnToJs<Result<T>> {
    static JSValue convert(JSContext* ctx, Result<T>&& r) {
        if (!r.ok()) return r.error().rethrow();
        if constexpr (std::is_void_v<T>)
            return JS_UNDEFINED;
        else
            return Convert<Bare<T>>::to_js(ctx, std::move(r).value());
    }
};

// Calls f(prefix..., converted arguments...) for the parameters in Params.
template <class Params> struct Invoker;
template <class... A> struct Invoker<std::tuple<A...>> {
    template <class F, class... Prefix> static JSValue run(const CallInfo& call, F& f, Prefix&&... prefix) {
        return run_indexed(call, f, std::index_sequence_for<A...>{}, std::forward<Prefix>(prefix)...);
    }

  private:
    template <class F, size_t... I, class... Prefix>
    static JSValue run_indexed(const CallInfo& call, F& f, std::index_sequence<I...>, Prefix&&... prefix) {
        std::tuple<std::optional<Bare<A>>...> slots;
        [[maybe_unused]] int next = 0;
        // Left to right, stopping at the first failure.
        bool ok = (true && ... && convert_argument<A>(call, next, std::get<I>(slots)));
        if (!ok) return JS_EXCEPTION;
        using R = decltype(f(std::forward<Prefix>(prefix)..., std::move(*std::get<I>(slots))...));
        if constexpr (std::is_void_v<R>) {
            f(std::forward<Prefix>(prefix)..., std::move(*std::get<I>(slots))...);
            return JS_UNDEFINED;
        } else {
            return ReturnToJs<R>::convert(
                call.ctx, f(std::forward<Prefix>(prefix)..., std::move(*std::get<I>(slots))...));
        }
    }
};

template <class Tuple> struct TupleTail;
template <class H, class... T> struct TupleTail<std::tuple<H, T...>> { using type = std::tuple<T...>; };

// The number of JS arguments a parameter list takes (CallInfo parameters take none).
template <class Tuple> struct JsArity;
template <class... A> struct JsArity<std::tuple<A...>> {
    static constexpr int value = (0 + ... + (std::is_same_v<Bare<A>, CallInfo> ? 0 : 1));
};

// A type-erased callable shared by the JS objects of the holder class that call it (restored functions
// with the same binding key share the one registered callable): reference counted.
class CallableBase {
  public:
    virtual ~CallableBase() = default;
    virtual JSValue call(const CallInfo& call) = 0;
    void retain() { ++m_refs; }
    void release() {
        if (--m_refs == 0) delete this;
    }
    std::string key; // the binding key recorded in heap snapshots

  private:
    int m_refs = 1;
};

template <class F> class Callable final : public CallableBase {
  public:
    explicit Callable(F f) : m_f(std::move(f)) {}
    JSValue call(const CallInfo& call) override {
        return Invoker<typename CallableTraits<F>::Params>::run(call, m_f);
    }

  private:
    F m_f;
};

// The callables registered for restores in one runtime (rebind_function), by binding key: the holder
// class's snapshot data (JS_SetClassSnapshotOpaque), freed with the runtime.
struct BindingTable {
    std::map<std::string, CallableBase*, std::less<>> callables; // one reference each
    ~BindingTable() {
        for (auto& entry : callables)
            entry.second->release();
    }
};

// The class of the objects holding C++ callables: one id per process, registered per runtime.
inline JSClassID holder_class_id() {
    static JSClassID id = 0;
    if (id == 0) JS_NewClassID(&id);
    return id;
}

// The host name of the one C function behind every bound callable (JS_NewCFunctionDataNamed).
inline constexpr const char* kTrampolineName = "qjspp.callable";

inline void holder_finalizer(JSRuntime*, JSValue val) {
    if (auto* c = static_cast<CallableBase*>(JS_GetOpaque(val, holder_class_id()))) c->release();
}

// The one C function behind every bound callable: data[0] is the holder.
inline JSValue callable_trampoline(JSContext* ctx, JSValueConst this_val, int argc, JSValueConst* argv, int,
                                   JSValue* data) {
    auto* callable = static_cast<CallableBase*>(JS_GetOpaque(data[0], holder_class_id()));
    if (!callable) return JS_ThrowInternalError(ctx, "C++ callable is gone");
    return callable->call(CallInfo{ctx, this_val, argc, argv});
}

// Snapshot hooks of the holder class: the binding key out, the registered callable in.
inline int holder_snapshot_write(JSRuntime*, JSValueConst, void* opaque, JSSnapshotWriter* w) {
    auto* callable = static_cast<CallableBase*>(opaque);
    if (!callable || callable->key.empty()) {
        JS_SnapshotWriterRefuse(w, "a C++ function without a binding key");
        return -1;
    }
    JS_SnapshotWriteBytes(w, callable->key.data(), callable->key.size());
    return 0;
}

inline int holder_snapshot_read(JSRuntime* rt, JSSnapshotReader* r, void** popaque) {
    const uint8_t* data = nullptr;
    size_t len = 0;
    if (JS_SnapshotReadBytes(r, &data, &len) < 0) return -1;
    std::string_view key(reinterpret_cast<const char*>(data), len);
    auto* table = static_cast<BindingTable*>(JS_GetClassSnapshotOpaque(rt, holder_class_id()));
    auto it = table ? table->callables.find(key) : decltype(table->callables)::iterator{};
    if (!table || it == table->callables.end()) {
        std::string why = "the C++ binding '" + std::string(key) +
                          "' is not registered in this runtime (qjspp::rebind_function before the restore)";
        JS_SnapshotReaderFail(r, why.c_str());
        return -1;
    }
    it->second->retain();
    *popaque = it->second;
    // The restored functions' C function: ours in this process.
    JS_RebindCFunctionDataNamed(rt, kTrampolineName, callable_trampoline);
    return 0;
}

inline void free_binding_table(JSRuntime*, void* table) {
    delete static_cast<BindingTable*>(table);
}

inline bool ensure_holder_class(JSRuntime* rt) {
    if (JS_IsRegisteredClass(rt, holder_class_id())) return true;
    JSClassDef def;
    std::memset(&def, 0, sizeof def);
    def.class_name = "CppCallable";
    def.finalizer = holder_finalizer;
    if (JS_NewClass(rt, holder_class_id(), &def) != 0) return false;
    JS_SetClassSnapshotHooks(rt, holder_class_id(), holder_snapshot_write, holder_snapshot_read);
    return true;
}
inline bool ensure_holder_class(JSContext* ctx) {
    return ensure_holder_class(JS_GetRuntime(ctx));
}

// Registers `callable` (owned from here on) under its key for restores in `rt`, replacing an earlier one.
inline bool register_binding(JSRuntime* rt, CallableBase* callable) {
    if (!ensure_holder_class(rt)) {
        callable->release();
        return false;
    }
    auto* table = static_cast<BindingTable*>(JS_GetClassSnapshotOpaque(rt, holder_class_id()));
    if (!table) {
        table = new BindingTable;
        JS_SetClassSnapshotOpaque(rt, holder_class_id(), table, free_binding_table);
    }
    auto it = table->callables.find(callable->key);
    if (it != table->callables.end()) {
        it->second->release();
        it->second = callable;
    } else {
        table->callables.emplace(callable->key, callable);
    }
    return true;
}

// Wraps `callable` (owned from here on) in a holder object; JS_EXCEPTION on failure (callable released).
inline JSValue new_holder(JSContext* ctx, CallableBase* callable) {
    if (!ensure_holder_class(ctx)) {
        callable->release();
        JS_ThrowInternalError(ctx, "cannot register the C++ callable class");
        return JS_EXCEPTION;
    }
    JSValue holder = JS_NewObjectClass(ctx, static_cast<int>(holder_class_id()));
    if (JS_IsException(holder)) {
        callable->release();
        return holder;
    }
    JS_SetOpaque(holder, callable);
    return holder;
}

// A JS function over a holder; `length` is the declared argument count.
// The callable's binding key is `name` unless it has one.
inline Result<Value> function_over(JSContext* ctx, CallableBase* callable, std::string_view name,
                                   int length) {
    if (callable->key.empty()) callable->key = name;
    JSValue holder = new_holder(ctx, callable);
    if (JS_IsException(holder)) return Exception::take_pending(ctx);
    JSValue fn = JS_NewCFunctionDataNamed(ctx, callable_trampoline, kTrampolineName, length, 0, 1, &holder);
    JS_FreeValue(ctx, holder);
    if (JS_IsException(fn)) return Exception::take_pending(ctx);
    Value f = Value::take(ctx, fn);
    JSValue name_value = JS_NewStringLen(ctx, name.data(), name.size());
    if (JS_IsException(name_value)) return Exception::take_pending(ctx);
    JSAtom name_atom = JS_NewAtom(ctx, "name");
    int status = JS_DefinePropertyValue(ctx, f.get(), name_atom, name_value, JS_PROP_CONFIGURABLE);
    JS_FreeAtom(ctx, name_atom);
    if (status < 0) return Exception::take_pending(ctx);
    return f;
}

} // namespace detail

// A JS function named `name` calling `f` (see the top of this file).
template <class F> Result<Value> new_function(JSContext* ctx, std::string_view name, F f) {
    using Params = typename detail::CallableTraits<F>::Params;
    return detail::function_over(ctx, new detail::Callable<F>(std::move(f)), name,
                                 detail::JsArity<Params>::value);
}

// Registers `f` under binding key `key` in `rt` for heap snapshot restores (see the top of this file):
// call it before JS_RestoreSnapshot for every bound function the snapshot may hold. False when the
// callable class cannot be registered (out of memory).
template <class F> bool rebind_function(JSRuntime* rt, std::string_view key, F f) {
    auto* callable = new detail::Callable<F>(std::move(f));
    callable->key = key;
    return detail::register_binding(rt, callable);
}

// A function as a property of `obj` (e.g. the global object).
template <class F> Result<void> define_function(const Value& obj, std::string_view name, F f) {
    Value fn = QJS_TRY(new_function(obj.context(), name, std::move(f)));
    return obj.set(name, std::move(fn));
}

} // namespace qjspp

#endif // QJS_FUNCTION_H
