// qjs/Value.h: the C++ layer's owning value handle and its error-carrying result type, over quickjs.h.
// Header-only; compiles with -fno-exceptions -fno-rtti (errors are returned, never thrown).
//
// qjspp::Value owns one reference of a JSValue: copying dups it, destruction frees it, moving passes it on.
// qjspp::Result<T> holds either a T or the qjspp::Exception (the thrown JS value) of a failed operation.
// A Value must not outlive the JSContext it was made with.
#ifndef QJS_VALUE_H
#define QJS_VALUE_H

#include "quickjs.h"

#include <cstdint>
#include <cstdlib>
#include <string>
#include <string_view>
#include <utility>
#include <variant>
#include <vector>

namespace qjspp {

class Value;
template <class T, class Enable = void> struct Convert;

// A JS value that was thrown: taken off the context by the operation that failed.
class Exception;

template <class T> class [[nodiscard]] Result;

class Value {
  public:
    Value() = default;
    // Takes ownership of `v` (a new reference, e.g. a quickjs.h result).
    static Value take(JSContext* ctx, JSValue v) { return Value(ctx, v); }
    // Adds a reference to the borrowed `v`.
    static Value borrow(JSContext* ctx, JSValueConst v) { return Value(ctx, JS_DupValue(ctx, v)); }

    Value(const Value& other) : m_ctx(other.m_ctx), m_value(other.dup()) {}
    Value(Value&& other) noexcept : m_ctx(other.m_ctx), m_value(other.m_value) { other.forget(); }
    Value& operator=(const Value& other) {
        if (this != &other) reset(other.m_ctx, other.dup());
        return *this;
    }
    // The source is taken before the old value is released (releasing it may free what owns the source).
    Value& operator=(Value&& other) noexcept {
        if (this != &other) {
            JSContext* ctx = other.m_ctx;
            JSValue v = other.m_value;
            other.forget();
            reset(ctx, v);
        }
        return *this;
    }
    ~Value() { reset(nullptr, JS_UNDEFINED); }

    JSContext* context() const { return m_ctx; }
    // The value, borrowed (valid while this handle holds it).
    JSValueConst get() const { return m_value; }
    // Gives up ownership: the caller must free the returned reference (or pass it to a consuming call).
    JSValue release() {
        JSValue v = m_value;
        forget();
        return v;
    }

    bool is_undefined() const { return JS_IsUndefined(m_value); }
    bool is_null() const { return JS_IsNull(m_value); }
    bool is_bool() const { return JS_IsBool(m_value); }
    bool is_number() const { return JS_IsNumber(m_value); }
    bool is_string() const { return JS_IsString(m_value); }
    bool is_symbol() const { return JS_IsSymbol(m_value); }
    bool is_object() const { return JS_IsObject(m_value); }
    bool is_bigint() const { return m_ctx && JS_IsBigInt(m_ctx, m_value); }
    bool is_function() const { return m_ctx && JS_IsFunction(m_ctx, m_value); }
    bool is_array() const { return m_ctx && JS_IsArray(m_ctx, m_value) == 1; }
    bool is_error() const { return m_ctx && JS_IsError(m_ctx, m_value); }

    // Converts to T (see qjs/Convert.h for the types and their coercions).
    template <class T> Result<T> as() const;
    // String(value).
    Result<std::string> to_string() const;
    // JSON.stringify(value); undefined gives "undefined".
    Result<std::string> to_json() const;

    Result<Value> get(std::string_view name) const;
    Result<Value> get(uint32_t index) const;
    template <class T> Result<void> set(std::string_view name, T&& v) const;
    template <class T> Result<void> set(uint32_t index, T&& v) const;
    Result<bool> has(std::string_view name) const;
    Result<bool> remove(std::string_view name) const;
    // Own enumerable string-keyed property names, in property order.
    Result<std::vector<std::string>> keys() const;

    // this(args...) with `this` undefined, this.name(args...), and new this(args...).
    template <class... A> Result<Value> call(A&&... args) const;
    template <class... A> Result<Value> call_with_this(const Value& this_value, A&&... args) const;
    template <class... A> Result<Value> call_method(std::string_view name, A&&... args) const;
    template <class... A> Result<Value> construct(A&&... args) const;

  private:
    Value(JSContext* ctx, JSValue v) : m_ctx(ctx), m_value(v) {}
    JSValue dup() const { return m_ctx ? JS_DupValue(m_ctx, m_value) : m_value; }
    void forget() {
        m_ctx = nullptr;
        m_value = JS_UNDEFINED;
    }
    void reset(JSContext* ctx, JSValue v) {
        JSContext* old_ctx = m_ctx;
        JSValue old = m_value;
        m_ctx = ctx;
        m_value = v;
        if (old_ctx) JS_FreeValue(old_ctx, old);
    }

    JSContext* m_ctx = nullptr;
    JSValue m_value = JS_UNDEFINED;
};

class Exception {
  public:
    Exception() = default;
    explicit Exception(Value v) : m_value(std::move(v)) {}
    // The pending exception of `ctx`, taken (the context has none pending afterwards).
    static Exception take_pending(JSContext* ctx) {
        return Exception(Value::take(ctx, JS_GetException(ctx)));
    }

    const Value& value() const { return m_value; }
    Value& value() { return m_value; }
    // String(exception), e.g. "TypeError: x is not a function".
    std::string message() const {
        JSContext* ctx = m_value.context();
        if (!ctx) return "exception";
        size_t len = 0;
        const char* s = JS_ToCStringLen(ctx, &len, m_value.get());
        if (!s) {
            JS_FreeValue(ctx, JS_GetException(ctx));
            return "exception";
        }
        std::string out(s, len);
        JS_FreeCString(ctx, s);
        return out;
    }
    // The error's stack property as a string ("" when it has none).
    std::string stack() const {
        JSContext* ctx = m_value.context();
        if (!ctx || !m_value.is_object()) return {};
        JSValue st = JS_GetPropertyStr(ctx, m_value.get(), "stack");
        std::string out;
        if (JS_IsString(st)) {
            size_t len = 0;
            if (const char* s = JS_ToCStringLen(ctx, &len, st)) {
                out.assign(s, len);
                JS_FreeCString(ctx, s);
            }
        } else if (JS_IsException(st)) {
            JS_FreeValue(ctx, JS_GetException(ctx));
        }
        JS_FreeValue(ctx, st);
        return out;
    }
    // Throws it in its context again (for C callbacks that return JS_EXCEPTION).
    JSValue rethrow() {
        JSContext* ctx = m_value.context();
        if (!ctx) return JS_EXCEPTION;
        return JS_Throw(ctx, m_value.release());
    }

  private:
    Value m_value;
};

// New exceptions made from C++ (thrown and taken at once, so they carry a stack like any error).
inline Exception type_error(JSContext* ctx, std::string_view message) {
    JS_ThrowTypeError(ctx, "%.*s", static_cast<int>(message.size()), message.data());
    return Exception::take_pending(ctx);
}
inline Exception range_error(JSContext* ctx, std::string_view message) {
    JS_ThrowRangeError(ctx, "%.*s", static_cast<int>(message.size()), message.data());
    return Exception::take_pending(ctx);
}
inline Exception internal_error(JSContext* ctx, std::string_view message) {
    JS_ThrowInternalError(ctx, "%.*s", static_cast<int>(message.size()), message.data());
    return Exception::take_pending(ctx);
}

template <class T> class [[nodiscard]] Result {
  public:
    Result(T value) : m_state(std::in_place_index<0>, std::move(value)) {}
    Result(Exception e) : m_state(std::in_place_index<1>, std::move(e)) {}

    bool ok() const { return m_state.index() == 0; }
    explicit operator bool() const { return ok(); }
    // The value; only when ok() (aborts otherwise: there are no C++ exceptions to throw).
    T& value() & { return *checked(std::get_if<0>(&m_state)); }
    const T& value() const& { return *checked(std::get_if<0>(&m_state)); }
    T&& value() && { return std::move(*checked(std::get_if<0>(&m_state))); }
    T value_or(T fallback) const { return ok() ? value() : std::move(fallback); }
    T* operator->() { return &value(); }
    T& operator*() { return value(); }
    // The exception; only when !ok().
    Exception& error() { return *checked(std::get_if<1>(&m_state)); }
    const Exception& error() const { return *checked(std::get_if<1>(&m_state)); }
    Exception take_error() { return std::move(error()); }

  private:
    template <class P> static P* checked(P* p) {
        if (!p) std::abort();
        return p;
    }
    std::variant<T, Exception> m_state;
};

template <> class [[nodiscard]] Result<void> {
  public:
    Result() = default;
    Result(Exception e) : m_error(std::move(e)), m_failed(true) {}
    bool ok() const { return !m_failed; }
    explicit operator bool() const { return ok(); }
    Exception& error() {
        if (!m_failed) std::abort();
        return m_error;
    }
    Exception take_error() { return std::move(error()); }

  private:
    Exception m_error;
    bool m_failed = false;
};

// Propagates the error of a Result expression, keeping its value otherwise (a GNU statement expression,
// as the engine's TRY): `int n = QJS_TRY(v.as<int32_t>());`.
#define QJS_TRY(expr)                                                                                        \
    ({                                                                                                       \
        auto qjs_try_result_ = (expr);                                                                       \
        if (!qjs_try_result_.ok()) return qjs_try_result_.take_error();                                      \
        std::move(qjs_try_result_).value();                                                                  \
    })
// The same for Result<void> expressions.
#define QJS_TRY_VOID(expr)                                                                                   \
    do {                                                                                                     \
        auto qjs_try_result_ = (expr);                                                                       \
        if (!qjs_try_result_.ok()) return qjs_try_result_.take_error();                                      \
    } while (0)

namespace detail {
// A quickjs.h result as a Result: JS_EXCEPTION becomes the pending exception.
inline Result<Value> checked(JSContext* ctx, JSValue v) {
    if (JS_IsException(v)) return Exception::take_pending(ctx);
    return Value::take(ctx, v);
}
// A quickjs.h status (< 0: exception) as a Result.
inline Result<void> checked_status(JSContext* ctx, int status) {
    if (status < 0) return Exception::take_pending(ctx);
    return {};
}
} // namespace detail

} // namespace qjspp

#include "qjs/Convert.h"

namespace qjspp {

template <class T> Result<T> Value::as() const {
    return Convert<T>::from_js(m_ctx, m_value);
}

inline Result<std::string> Value::to_string() const {
    return as<std::string>();
}

inline Result<std::string> Value::to_json() const {
    JSValue s = JS_JSONStringify(m_ctx, m_value, JS_UNDEFINED, JS_UNDEFINED);
    if (JS_IsException(s)) return Exception::take_pending(m_ctx);
    Value str = Value::take(m_ctx, s);
    if (str.is_undefined()) return std::string("undefined");
    return str.as<std::string>();
}

inline Result<Value> Value::get(std::string_view name) const {
    JSAtom atom = JS_NewAtomLen(m_ctx, name.data(), name.size());
    if (atom == JS_ATOM_NULL) return Exception::take_pending(m_ctx);
    JSValue v = JS_GetProperty(m_ctx, m_value, atom);
    JS_FreeAtom(m_ctx, atom);
    return detail::checked(m_ctx, v);
}

inline Result<Value> Value::get(uint32_t index) const {
    return detail::checked(m_ctx, JS_GetPropertyUint32(m_ctx, m_value, index));
}

template <class T> Result<void> Value::set(std::string_view name, T&& v) const {
    JSValue jv = Convert<std::decay_t<T>>::to_js(m_ctx, std::forward<T>(v));
    if (JS_IsException(jv)) return Exception::take_pending(m_ctx);
    JSAtom atom = JS_NewAtomLen(m_ctx, name.data(), name.size());
    if (atom == JS_ATOM_NULL) {
        JS_FreeValue(m_ctx, jv);
        return Exception::take_pending(m_ctx);
    }
    int status = JS_SetProperty(m_ctx, m_value, atom, jv);
    JS_FreeAtom(m_ctx, atom);
    return detail::checked_status(m_ctx, status);
}

template <class T> Result<void> Value::set(uint32_t index, T&& v) const {
    JSValue jv = Convert<std::decay_t<T>>::to_js(m_ctx, std::forward<T>(v));
    if (JS_IsException(jv)) return Exception::take_pending(m_ctx);
    return detail::checked_status(m_ctx, JS_SetPropertyUint32(m_ctx, m_value, index, jv));
}

inline Result<bool> Value::has(std::string_view name) const {
    JSAtom atom = JS_NewAtomLen(m_ctx, name.data(), name.size());
    if (atom == JS_ATOM_NULL) return Exception::take_pending(m_ctx);
    int r = JS_HasProperty(m_ctx, m_value, atom);
    JS_FreeAtom(m_ctx, atom);
    if (r < 0) return Exception::take_pending(m_ctx);
    return r != 0;
}

inline Result<bool> Value::remove(std::string_view name) const {
    JSAtom atom = JS_NewAtomLen(m_ctx, name.data(), name.size());
    if (atom == JS_ATOM_NULL) return Exception::take_pending(m_ctx);
    int r = JS_DeleteProperty(m_ctx, m_value, atom, 0);
    JS_FreeAtom(m_ctx, atom);
    if (r < 0) return Exception::take_pending(m_ctx);
    return r != 0;
}

inline Result<std::vector<std::string>> Value::keys() const {
    if (!is_object()) return type_error(m_ctx, "not an object");
    JSPropertyEnum* tab = nullptr;
    uint32_t len = 0;
    if (JS_GetOwnPropertyNames(m_ctx, &tab, &len, m_value, JS_GPN_STRING_MASK | JS_GPN_ENUM_ONLY) < 0)
        return Exception::take_pending(m_ctx);
    std::vector<std::string> names;
    names.reserve(len);
    bool failed = false;
    for (uint32_t i = 0; i < len && !failed; ++i) {
        const char* s = JS_AtomToCString(m_ctx, tab[i].atom);
        if (!s) {
            failed = true;
            break;
        }
        names.emplace_back(s);
        JS_FreeCString(m_ctx, s);
    }
    JS_FreePropertyEnum(m_ctx, tab, len);
    if (failed) return Exception::take_pending(m_ctx);
    return names;
}

namespace detail {
// Converts call arguments to owned JSValues (freed by the destructor); an argument that fails to
// convert leaves the exception pending and ok() false.
template <size_t N> struct ArgValues {
    JSContext* ctx;
    JSValue values[N > 0 ? N : 1];
    size_t count = 0;
    bool failed = false;
    template <class... A> ArgValues(JSContext* c, A&&... args) : ctx(c) {
        (push(std::forward<A>(args)), ...);
    }
    template <class A> void push(A&& a) {
        if (failed) return;
        JSValue v = Convert<std::decay_t<A>>::to_js(ctx, std::forward<A>(a));
        if (JS_IsException(v)) {
            failed = true;
            return;
        }
        values[count++] = v;
    }
    ~ArgValues() {
        for (size_t i = 0; i < count; ++i)
            JS_FreeValue(ctx, values[i]);
    }
    ArgValues(const ArgValues&) = delete;
    ArgValues& operator=(const ArgValues&) = delete;
};
} // namespace detail

template <class... A> Result<Value> Value::call(A&&... args) const {
    return call_with_this(Value(), std::forward<A>(args)...);
}

template <class... A> Result<Value> Value::call_with_this(const Value& this_value, A&&... args) const {
    detail::ArgValues<sizeof...(A)> argv(m_ctx, std::forward<A>(args)...);
    if (argv.failed) return Exception::take_pending(m_ctx);
    return detail::checked(
        m_ctx, JS_Call(m_ctx, m_value, this_value.get(), static_cast<int>(argv.count), argv.values));
}

template <class... A> Result<Value> Value::call_method(std::string_view name, A&&... args) const {
    Value fn = QJS_TRY(get(name));
    if (!fn.is_function()) return type_error(m_ctx, std::string(name) + " is not a function");
    return fn.call_with_this(*this, std::forward<A>(args)...);
}

template <class... A> Result<Value> Value::construct(A&&... args) const {
    detail::ArgValues<sizeof...(A)> argv(m_ctx, std::forward<A>(args)...);
    if (argv.failed) return Exception::take_pending(m_ctx);
    return detail::checked(m_ctx,
                           JS_CallConstructor(m_ctx, m_value, static_cast<int>(argv.count), argv.values));
}

} // namespace qjspp

#endif // QJS_VALUE_H
