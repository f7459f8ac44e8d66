// LibcState.cpp: the per-runtime state of the std/os modules and the argument conventions they
// share (errorObj, [value, err] pairs, ArrayBuffer ranges).
#include "libc/LibcState.h"

#include <cerrno>
#include <cstring>

namespace qjs::libc {

LibcState* state_of(JSRuntime* rt) {
    return static_cast<LibcState*>(JS_GetRuntimeOpaque(rt));
}

void set_error_object(JSContext* ctx, JSValueConst error_obj, int err) {
    if (!JS_IsObject(error_obj)) return;
    JS_SetPropertyStr(ctx, error_obj, "errno", JS_NewInt32(ctx, err));
}

bool to_std_string(JSContext* ctx, JSValueConst v, std::string* out) {
    size_t len;
    const char* s = JS_ToCStringLen(ctx, &len, v);
    if (!s) return false;
    out->assign(s, len);
    JS_FreeCString(ctx, s);
    return true;
}

JSValue value_error_pair(JSContext* ctx, JSValue value, int err) {
    if (JS_IsException(value)) return value;
    JSValue pair = JS_NewArray(ctx);
    if (JS_IsException(pair)) {
        JS_FreeValue(ctx, value);
        return pair;
    }
    if (JS_SetPropertyUint32(ctx, pair, 0, value) < 0 ||
        JS_SetPropertyUint32(ctx, pair, 1, JS_NewInt32(ctx, err)) < 0) {
        JS_FreeValue(ctx, pair);
        return JS_EXCEPTION;
    }
    return pair;
}

uint8_t* array_buffer_range(JSContext* ctx, JSValueConst buf, JSValueConst pos_val, JSValueConst len_val,
                            size_t* plen) {
    size_t size;
    uint8_t* data = JS_GetArrayBuffer(ctx, &size, buf);
    if (!data) return nullptr;
    uint64_t pos, len;
    if (JS_ToIndex(ctx, &pos, pos_val) < 0 || JS_ToIndex(ctx, &len, len_val) < 0) return nullptr;
    if (pos > size || len > size - pos) {
        JS_ThrowRangeError(ctx, "read/write array buffer overflow");
        return nullptr;
    }
    *plen = static_cast<size_t>(len);
    return data + pos;
}

} // namespace qjs::libc
