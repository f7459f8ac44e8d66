// LibcState.cpp: the per-runtime state of the std/os modules and the argument conventions they
// share (errorObj, [value, err] pairs, ArrayBuffer ranges).
#include "libc/LibcState.h"

#include <cerrno>
#include <climits>
#include <cstdlib>
#include <cstring>
#include <sys/stat.h>
#include <unistd.h>

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

int real_path(const char* path, std::string* out) {
#if !defined(__wasi__)
    char buf[PATH_MAX];
    if (!realpath(path, buf)) return errno;
    *out = buf;
#else
    struct stat st;
    if (stat(path, &st) != 0) return errno;
    std::string full;
    if (path[0] != '/') {
        char cwd[PATH_MAX];
        if (!getcwd(cwd, sizeof cwd)) return errno;
        full = cwd;
    }
    full += '/';
    full += path;
    std::string norm;
    for (size_t pos = 0; pos < full.size();) {
        size_t end = full.find('/', pos);
        if (end == std::string::npos) end = full.size();
        std::string part = full.substr(pos, end - pos);
        pos = end + 1;
        if (part.empty() || part == ".") continue;
        if (part == "..") {
            size_t slash = norm.rfind('/');
            norm.erase(slash == std::string::npos ? 0 : slash);
            continue;
        }
        norm += '/';
        norm += part;
    }
    *out = norm.empty() ? "/" : norm;
#endif
    return 0;
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
