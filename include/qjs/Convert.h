// qjs/Convert.h: conversions between C++ types and JS values (included by qjs/Value.h).
//
// Convert<T>::to_js(ctx, x) returns a new JSValue (JS_EXCEPTION with an exception pending on failure);
// Convert<T>::from_js(ctx, v) borrows `v` and returns Result<T>. Conversions from JS coerce as the
// matching quickjs.h JS_To* function does (ToNumber, ToString, ToBoolean, ToBigInt), so they can run JS
// (valueOf, toString) and fail with its exception.
//
//   bool, int32_t, uint32_t, int64_t, double   numbers (int64_t: ToNumber then truncation, as JS_ToInt64)
//   qjspp::BigInt                                BigInt (64-bit signed; RangeError-free truncation as
//   JS_ToBigInt64) std::string                                strings (UTF-8 both ways) std::string_view,
//   const char*              to JS only std::nullptr_t                             null (to JS only)
//   qjspp::Value                                 the value itself
//   std::optional<T>                           undefined/null <-> nullopt
//   std::vector<T>                             arrays (from any array-like: length, then each index)
//   std::map<std::string, T>                   plain objects (own enumerable string keys)
#include "qjs/Value.h" // first: Value.h includes this file once Value is complete

#ifndef QJS_CONVERT_H
#define QJS_CONVERT_H

#include <cstdint>
#include <map>
#include <optional>
#include <string>
#include <string_view>
#include <type_traits>
#include <vector>

namespace qjspp {

// A 64-bit BigInt (JS_NewBigInt64 / JS_ToBigInt64).
struct BigInt {
    int64_t value = 0;
};

template <> struct Convert<bool> {
    static JSValue to_js(JSContext* ctx, bool b) { return JS_NewBool(ctx, b); }
    static Result<bool> from_js(JSContext* ctx, JSValueConst v) {
        int r = JS_ToBool(ctx, v);
        if (r < 0) return Exception::take_pending(ctx);
        return r != 0;
    }
};

namespace detail {
// The number types: made by their JS_New* function, converted by their JS_To* one (< 0: exception).
template <class T> struct ScalarConvert {
    static JSValue to_js(JSContext* ctx, const T& v) {
        if constexpr (std::is_same_v<T, int32_t>)
            return JS_NewInt32(ctx, v);
        else if constexpr (std::is_same_v<T, uint32_t>)
            return JS_NewUint32(ctx, v);
        else if constexpr (std::is_same_v<T, int64_t>)
            return JS_NewInt64(ctx, v);
        else if constexpr (std::is_same_v<T, double>)
            return JS_NewFloat64(ctx, v);
        else
            return JS_NewBigInt64(ctx, v.value);
    }
    static Result<T> from_js(JSContext* ctx, JSValueConst v) {
        T out{};
        int status;
        if constexpr (std::is_same_v<T, int32_t>)
            status = JS_ToInt32(ctx, &out, v);
        else if constexpr (std::is_same_v<T, uint32_t>)
            status = JS_ToUint32(ctx, &out, v);
        else if constexpr (std::is_same_v<T, int64_t>)
            status = JS_ToInt64(ctx, &out, v);
        else if constexpr (std::is_same_v<T, double>)
            status = JS_ToFloat64(ctx, &out, v);
        else
            status = JS_ToBigInt64(ctx, &out.value, v);
        if (status < 0) return Exception::take_pending(ctx);
        return out;
    }
};
} // namespace detail

template <> struct Convert<int32_t> : detail::ScalarConvert<int32_t> {};
template <> struct Convert<uint32_t> : detail::ScalarConvert<uint32_t> {};
template <> struct Convert<int64_t> : detail::ScalarConvert<int64_t> {};
template <> struct Convert<double> : detail::ScalarConvert<double> {};
template <> struct Convert<BigInt> : detail::ScalarConvert<BigInt> {};

template <> struct Convert<std::string> {
    static JSValue to_js(JSContext* ctx, const std::string& s) {
        return JS_NewStringLen(ctx, s.data(), s.size());
    }
    static Result<std::string> from_js(JSContext* ctx, JSValueConst v) {
        size_t len = 0;
        const char* s = JS_ToCStringLen(ctx, &len, v);
        if (!s) return Exception::take_pending(ctx);
        std::string out(s, len);
        JS_FreeCString(ctx, s);
        return out;
    }
};

template <> struct Convert<std::string_view> {
    static JSValue to_js(JSContext* ctx, std::string_view s) {
        return JS_NewStringLen(ctx, s.data(), s.size());
    }
};

template <> struct Convert<const char*> {
    static JSValue to_js(JSContext* ctx, const char* s) { return s ? JS_NewString(ctx, s) : JS_NULL; }
};
template <> struct Convert<char*> : Convert<const char*> {};
// String literals decay to const char[N] in templates taking T&&.
template <size_t N> struct Convert<char[N]> {
    static JSValue to_js(JSContext* ctx, const char (&s)[N]) { return JS_NewString(ctx, s); }
};

template <> struct Convert<std::nullptr_t> {
    static JSValue to_js(JSContext*, std::nullptr_t) { return JS_NULL; }
};

template <> struct Convert<Value> {
    static JSValue to_js(JSContext* ctx, const Value& v) { return JS_DupValue(ctx, v.get()); }
    static JSValue to_js(JSContext*, Value&& v) { return v.release(); }
    static Result<Value> from_js(JSContext* ctx, JSValueConst v) { return Value::borrow(ctx, v); }
};

template <class T> struct Convert<std::optional<T>> {
    static JSValue to_js(JSContext* ctx, const std::optional<T>& o) {
        return o ? Convert<T>::to_js(ctx, *o) : JS_UNDEFINED;
    }
    static Result<std::optional<T>> from_js(JSContext* ctx, JSValueConst v) {
        if (JS_IsUndefined(v) || JS_IsNull(v)) return std::optional<T>();
        auto r = Convert<T>::from_js(ctx, v);
        if (!r.ok()) return r.take_error();
        return std::optional<T>(std::move(r).value());
    }
};

template <class T> struct Convert<std::vector<T>> {
    static JSValue to_js(JSContext* ctx, const std::vector<T>& items) {
        JSValue arr = JS_NewArray(ctx);
        if (JS_IsException(arr)) return arr;
        for (size_t i = 0; i < items.size(); ++i) {
            JSValue item = Convert<T>::to_js(ctx, items[i]);
            if (JS_IsException(item) || JS_SetPropertyUint32(ctx, arr, static_cast<uint32_t>(i), item) < 0) {
                JS_FreeValue(ctx, arr);
                return JS_EXCEPTION;
            }
        }
        return arr;
    }
    static Result<std::vector<T>> from_js(JSContext* ctx, JSValueConst v) {
        if (!JS_IsObject(v)) return type_error(ctx, "not an array");
        JSValue len_value = JS_GetPropertyStr(ctx, v, "length");
        if (JS_IsException(len_value)) return Exception::take_pending(ctx);
        int64_t len = 0;
        int status = JS_ToInt64(ctx, &len, len_value);
        JS_FreeValue(ctx, len_value);
        if (status < 0) return Exception::take_pending(ctx);
        if (len < 0 || len > 0xffffffffLL) return range_error(ctx, "invalid array length");
        std::vector<T> out;
        for (int64_t i = 0; i < len; ++i) {
            JSValue item = JS_GetPropertyUint32(ctx, v, static_cast<uint32_t>(i));
            if (JS_IsException(item)) return Exception::take_pending(ctx);
            auto r = Convert<T>::from_js(ctx, item);
            JS_FreeValue(ctx, item);
            if (!r.ok()) return r.take_error();
            out.push_back(std::move(r).value());
        }
        return out;
    }
};

template <class T> struct Convert<std::map<std::string, T>> {
    static JSValue to_js(JSContext* ctx, const std::map<std::string, T>& entries) {
        JSValue obj = JS_NewObject(ctx);
        if (JS_IsException(obj)) return obj;
        for (const auto& [key, item] : entries) {
            JSValue v = Convert<T>::to_js(ctx, item);
            JSAtom atom = JS_IsException(v) ? JS_ATOM_NULL : JS_NewAtomLen(ctx, key.data(), key.size());
            int status = atom == JS_ATOM_NULL ? -1 : JS_DefinePropertyValue(ctx, obj, atom, v, JS_PROP_C_W_E);
            if (atom == JS_ATOM_NULL)
                JS_FreeValue(ctx, v);
            else
                JS_FreeAtom(ctx, atom);
            if (status < 0) {
                JS_FreeValue(ctx, obj);
                return JS_EXCEPTION;
            }
        }
        return obj;
    }
    static Result<std::map<std::string, T>> from_js(JSContext* ctx, JSValueConst v) {
        Value obj = Value::borrow(ctx, v);
        std::vector<std::string> names = QJS_TRY(obj.keys());
        std::map<std::string, T> out;
        for (const std::string& name : names) {
            Value item = QJS_TRY(obj.get(name));
            out.emplace(name, QJS_TRY(item.as<T>()));
        }
        return out;
    }
};

} // namespace qjspp

#endif // QJS_CONVERT_H
