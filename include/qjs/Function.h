// qjs/Function.h: C++ callables (lambdas with captures, free functions, function objects) as JS functions.
//
// qjspp::new_function(ctx, "name", f) makes a JS function that converts its arguments to f's parameter
// types with qjspp::Convert (missing arguments are undefined), calls f and converts the result back:
//   void -> undefined, T -> Convert<T>::to_js, Result<T> -> its value or its exception thrown into JS.
// A parameter of type qjspp::CallInfo (by value or const&) receives the raw call (context, this, argv)
// instead of an argument. A conversion failure throws its exception into JS and f is not called.
// The callable is moved into a heap object of a C++-layer class; its finalizer deletes it.
#ifndef QJS_FUNCTION_H
#define QJS_FUNCTION_H

#include "qjs/Value.h"

#include <cstring>
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

// A type-erased callable owned by a JS object of the holder class.
class CallableBase {
  public:
    virtual ~CallableBase() = default;
    virtual JSValue call(const CallInfo& call) = 0;
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

// The class of the objects holding C++ callables: one id per process, registered per runtime.
inline JSClassID holder_class_id() {
    static JSClassID id = 0;
    if (id == 0) JS_NewClassID(&id);
    return id;
}

inline void holder_finalizer(JSRuntime*, JSValue val) {
    delete static_cast<CallableBase*>(JS_GetOpaque(val, holder_class_id()));
}

inline bool ensure_holder_class(JSContext* ctx) {
    JSRuntime* rt = JS_GetRuntime(ctx);
    if (JS_IsRegisteredClass(rt, holder_class_id())) return true;
    JSClassDef def;
    std::memset(&def, 0, sizeof def);
    def.class_name = "CppCallable";
    def.finalizer = holder_finalizer;
    return JS_NewClass(rt, holder_class_id(), &def) == 0;
}

// Wraps `callable` (owned from here on) in a holder object; JS_EXCEPTION on failure (callable deleted).
inline JSValue new_holder(JSContext* ctx, CallableBase* callable) {
    if (!ensure_holder_class(ctx)) {
        delete callable;
        JS_ThrowInternalError(ctx, "cannot register the C++ callable class");
        return JS_EXCEPTION;
    }
    JSValue holder = JS_NewObjectClass(ctx, static_cast<int>(holder_class_id()));
    if (JS_IsException(holder)) {
        delete callable;
        return holder;
    }
    JS_SetOpaque(holder, callable);
    return holder;
}

// The one C function behind every bound callable: data[0] is the holder.
inline JSValue callable_trampoline(JSContext* ctx, JSValueConst this_val, int argc, JSValueConst* argv, int,
                                   JSValue* data) {
    auto* callable = static_cast<CallableBase*>(JS_GetOpaque(data[0], holder_class_id()));
    if (!callable) return JS_ThrowInternalError(ctx, "C++ callable is gone");
    return callable->call(CallInfo{ctx, this_val, argc, argv});
}

// A JS function over a holder; `length` is the declared argument count.
inline Result<Value> function_over(JSContext* ctx, CallableBase* callable, std::string_view name,
                                   int length) {
    JSValue holder = new_holder(ctx, callable);
    if (JS_IsException(holder)) return Exception::take_pending(ctx);
    JSValue fn = JS_NewCFunctionData(ctx, callable_trampoline, length, 0, 1, &holder);
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

// A function as a property of `obj` (e.g. the global object).
template <class F> Result<void> define_function(const Value& obj, std::string_view name, F f) {
    Value fn = QJS_TRY(new_function(obj.context(), name, std::move(f)));
    return obj.set(name, std::move(fn));
}

} // namespace qjspp

#endif // QJS_FUNCTION_H
