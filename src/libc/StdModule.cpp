// StdModule.cpp: the "std" module (QuickJS manual 3.3.2) and the shell helpers of quickjs-libc:
// print/console.log/scriptArgs, error dumps, the module loader, the rejection tracker and the
// event loop driver.
#include "libc/LibcState.h"

#include <cerrno>
#include <climits>
#include <cstring>
#include <string>
#include <unistd.h>

extern char** environ;

namespace qjs::libc {

namespace {

JSValue js_std_exit(JSContext* ctx, JSValueConst, int, JSValueConst* argv) {
    int32_t status;
    if (JS_ToInt32(ctx, &status, argv[0]) < 0) status = -1;
    fflush(stdout);
    exit(status);
    return JS_UNDEFINED;
}

JSValue js_std_eval_script(JSContext* ctx, JSValueConst, int argc, JSValueConst* argv) {
    int flags = JS_EVAL_TYPE_GLOBAL;
    if (argc > 1 && JS_IsObject(argv[1])) {
        JSValue b = JS_GetPropertyStr(ctx, argv[1], "backtrace_barrier");
        int on = JS_ToBool(ctx, b);
        JS_FreeValue(ctx, b);
        if (on < 0) return JS_EXCEPTION;
        if (on) flags |= JS_EVAL_FLAG_BACKTRACE_BARRIER;
    }
    size_t len;
    const char* src = JS_ToCStringLen(ctx, &len, argv[0]);
    if (!src) return JS_EXCEPTION;
    JSValue r = JS_Eval(ctx, src, len, "<evalScript>", flags);
    JS_FreeCString(ctx, src);
    return r;
}

JSValue js_std_load_script(JSContext* ctx, JSValueConst, int, JSValueConst* argv) {
    std::string name;
    if (!to_std_string(ctx, argv[0], &name)) return JS_EXCEPTION;
    size_t len;
    uint8_t* buf = js_load_file(ctx, &len, name.c_str());
    if (!buf) return JS_ThrowReferenceError(ctx, "could not load '%s'", name.c_str());
    JSValue r = JS_Eval(ctx, reinterpret_cast<char*>(buf), len, name.c_str(), JS_EVAL_TYPE_GLOBAL);
    js_free(ctx, buf);
    return r;
}

// loadFile(filename, options): a string (UTF-8), an ArrayBuffer with {binary: true}, null on error.
JSValue js_std_load_file(JSContext* ctx, JSValueConst, int argc, JSValueConst* argv) {
    std::string name;
    if (!to_std_string(ctx, argv[0], &name)) return JS_EXCEPTION;
    bool binary = false;
    if (argc > 1 && JS_IsObject(argv[1])) {
        JSValue b = JS_GetPropertyStr(ctx, argv[1], "binary");
        int on = JS_ToBool(ctx, b);
        JS_FreeValue(ctx, b);
        if (on < 0) return JS_EXCEPTION;
        binary = on;
    }
    size_t len;
    uint8_t* buf = js_load_file(ctx, &len, name.c_str());
    if (!buf) return JS_NULL;
    JSValue r = binary ? JS_NewArrayBufferCopy(ctx, buf, len)
                       : JS_NewStringLen(ctx, reinterpret_cast<char*>(buf), len);
    js_free(ctx, buf);
    return r;
}

// writeFile(filename, data): data is a string (written as UTF-8), an ArrayBuffer or a typed array.
JSValue js_std_write_file(JSContext* ctx, JSValueConst, int, JSValueConst* argv) {
    std::string name;
    if (!to_std_string(ctx, argv[0], &name)) return JS_EXCEPTION;
    std::string text;
    const uint8_t* data = nullptr;
    size_t len = 0;
    JSValue buffer = JS_UNDEFINED;
    if (JS_IsObject(argv[1])) {
        size_t offset = 0, length = 0, size = 0;
        if (JS_GetTypedArrayType(argv[1]) >= 0) {
            buffer = JS_GetTypedArrayBuffer(ctx, argv[1], &offset, &length, nullptr);
            if (JS_IsException(buffer)) return JS_EXCEPTION;
            uint8_t* p = JS_GetArrayBuffer(ctx, &size, buffer);
            if (!p) {
                JS_FreeValue(ctx, buffer);
                return JS_EXCEPTION;
            }
            data = p + offset;
            len = length;
        } else {
            uint8_t* p = JS_GetArrayBuffer(ctx, &size, argv[1]);
            if (p) {
                data = p;
                len = size;
            } else {
                JS_FreeValue(ctx, JS_GetException(ctx));
            }
        }
    }
    if (!data) {
        if (!to_std_string(ctx, argv[1], &text)) return JS_EXCEPTION;
        data = reinterpret_cast<const uint8_t*>(text.data());
        len = text.size();
    }
    FILE* f = fopen(name.c_str(), "wb");
    if (!f) {
        JS_FreeValue(ctx, buffer);
        return JS_ThrowTypeError(ctx, "cannot open '%s': %s", name.c_str(), strerror(errno));
    }
    size_t n = len ? fwrite(data, 1, len, f) : 0;
    int close_err = fclose(f);
    JS_FreeValue(ctx, buffer);
    if (n != len || close_err != 0) return JS_ThrowTypeError(ctx, "error writing '%s'", name.c_str());
    return JS_UNDEFINED;
}

JSValue js_std_getenv(JSContext* ctx, JSValueConst, int, JSValueConst* argv) {
    std::string name;
    if (!to_std_string(ctx, argv[0], &name)) return JS_EXCEPTION;
    const char* v = getenv(name.c_str());
    return v ? JS_NewString(ctx, v) : JS_UNDEFINED;
}

JSValue js_std_setenv(JSContext* ctx, JSValueConst, int, JSValueConst* argv) {
    std::string name, value;
    if (!to_std_string(ctx, argv[0], &name) || !to_std_string(ctx, argv[1], &value)) return JS_EXCEPTION;
    setenv(name.c_str(), value.c_str(), 1);
    return JS_UNDEFINED;
}

JSValue js_std_unsetenv(JSContext* ctx, JSValueConst, int, JSValueConst* argv) {
    std::string name;
    if (!to_std_string(ctx, argv[0], &name)) return JS_EXCEPTION;
    unsetenv(name.c_str());
    return JS_UNDEFINED;
}

JSValue js_std_getenviron(JSContext* ctx, JSValueConst, int, JSValueConst*) {
    JSValue obj = JS_NewObject(ctx);
    if (JS_IsException(obj)) return obj;
    for (char** e = environ; *e; ++e) {
        const char* eq = std::strchr(*e, '=');
        if (!eq) continue;
        std::string name(*e, static_cast<size_t>(eq - *e));
        if (JS_SetPropertyStr(ctx, obj, name.c_str(), JS_NewString(ctx, eq + 1)) < 0) {
            JS_FreeValue(ctx, obj);
            return JS_EXCEPTION;
        }
    }
    return obj;
}

JSValue js_std_strerror(JSContext* ctx, JSValueConst, int, JSValueConst* argv) {
    int32_t err;
    if (JS_ToInt32(ctx, &err, argv[0]) < 0) return JS_EXCEPTION;
    return JS_NewString(ctx, strerror(err));
}

JSValue js_std_gc(JSContext* ctx, JSValueConst, int, JSValueConst*) {
    JS_RunGC(JS_GetRuntime(ctx));
    return JS_UNDEFINED;
}

JSValue js_std_parse_ext_json(JSContext* ctx, JSValueConst, int, JSValueConst* argv) {
    size_t len;
    const char* s = JS_ToCStringLen(ctx, &len, argv[0]);
    if (!s) return JS_EXCEPTION;
    JSValue r = parse_ext_json(ctx, s, len, "<input>");
    JS_FreeCString(ctx, s);
    return r;
}

// urlGet(url, options): runs `curl -s -i` and splits the headers from the body.
JSValue js_std_url_get(JSContext* ctx, JSValueConst, int argc, JSValueConst* argv) {
#if defined(__wasi__)
    return JS_ThrowTypeError(ctx, "std.urlGet: processes (curl) are not available under WASI");
#else
    std::string url;
    if (!to_std_string(ctx, argv[0], &url)) return JS_EXCEPTION;
    bool binary = false, full = false;
    if (argc > 1 && JS_IsObject(argv[1])) {
        for (int k = 0; k < 2; ++k) {
            JSValue v = JS_GetPropertyStr(ctx, argv[1], k ? "full" : "binary");
            int on = JS_ToBool(ctx, v);
            JS_FreeValue(ctx, v);
            if (on < 0) return JS_EXCEPTION;
            (k ? full : binary) = on;
        }
    }
    std::string cmd = "curl -s -i -- '";
    for (char c : url) {
        if (c == '\'')
            cmd += "'\\''";
        else
            cmd.push_back(c);
    }
    cmd += "'";
    FILE* f = popen(cmd.c_str(), "r");
    if (!f) return JS_ThrowTypeError(ctx, "could not start curl");
    std::string out;
    char buf[8192];
    size_t n;
    while ((n = fread(buf, 1, sizeof buf, f)) > 0)
        out.append(buf, n);
    pclose(f);
    // Header blocks (several with redirects or 100 Continue), each ended by an empty line.
    std::string headers;
    int status = 0;
    size_t pos = 0;
    bool ok = false;
    while (out.compare(pos, 5, "HTTP/") == 0) {
        size_t end = out.find("\r\n\r\n", pos);
        if (end == std::string::npos) break;
        headers = out.substr(pos, end + 2 - pos);
        size_t sp = headers.find(' ');
        status = sp == std::string::npos ? 0 : atoi(headers.c_str() + sp + 1);
        pos = end + 4;
        ok = true;
        if (status != 100 && !(status >= 300 && status < 400 && out.compare(pos, 5, "HTTP/") == 0)) break;
    }
    JSValue response = JS_NULL;
    if (ok) {
        std::string body = out.substr(pos);
        response =
            binary ? JS_NewArrayBufferCopy(ctx, reinterpret_cast<const uint8_t*>(body.data()), body.size())
                   : JS_NewStringLen(ctx, body.data(), body.size());
        if (JS_IsException(response)) return response;
    }
    if (!full) {
        if (!ok || status < 200 || status > 299) {
            JS_FreeValue(ctx, response);
            return JS_NULL;
        }
        return response;
    }
    JSValue r = JS_NewObject(ctx);
    if (JS_IsException(r)) {
        JS_FreeValue(ctx, response);
        return r;
    }
    JS_SetPropertyStr(ctx, r, "response", response);
    JS_SetPropertyStr(ctx, r, "responseHeaders", JS_NewStringLen(ctx, headers.data(), headers.size()));
    JS_SetPropertyStr(ctx, r, "status", JS_NewInt32(ctx, status));
    return r;
#endif
}

#define ERRNO_DEF(e) JS_PROP_INT32_DEF(#e, e, JS_PROP_ENUMERABLE)
const JSCFunctionListEntry k_errors[] = {
    ERRNO_DEF(EINVAL), ERRNO_DEF(EIO),    ERRNO_DEF(EACCES), ERRNO_DEF(EEXIST),  ERRNO_DEF(ENOSPC),
    ERRNO_DEF(ENOSYS), ERRNO_DEF(EBUSY),  ERRNO_DEF(ENOENT), ERRNO_DEF(EPERM),   ERRNO_DEF(EPIPE),
    ERRNO_DEF(EBADF),  ERRNO_DEF(EAGAIN), ERRNO_DEF(EINTR),  ERRNO_DEF(ENOTDIR), ERRNO_DEF(EISDIR),
};
#undef ERRNO_DEF

// Names exported besides the function list: set from a scratch object in std_module_init.
const char* const k_std_object_exports[] = {"in", "out", "err", "Error"};

} // namespace

const JSCFunctionListEntry g_std_exports[] = {
    JS_CFUNC_DEF("exit", 1, js_std_exit),
    JS_CFUNC_DEF("evalScript", 1, js_std_eval_script),
    JS_CFUNC_DEF("loadScript", 1, js_std_load_script),
    JS_CFUNC_DEF("loadFile", 1, js_std_load_file),
    JS_CFUNC_DEF("writeFile", 2, js_std_write_file),
    JS_CFUNC_DEF("getenv", 1, js_std_getenv),
    JS_CFUNC_DEF("setenv", 2, js_std_setenv),
    JS_CFUNC_DEF("unsetenv", 1, js_std_unsetenv),
    JS_CFUNC_DEF("getenviron", 0, js_std_getenviron),
    JS_CFUNC_DEF("urlGet", 1, js_std_url_get),
    JS_CFUNC_DEF("strerror", 1, js_std_strerror),
    JS_CFUNC_DEF("gc", 0, js_std_gc),
    JS_CFUNC_DEF("parseExtJSON", 1, js_std_parse_ext_json),
    JS_PROP_INT32_DEF("SEEK_SET", SEEK_SET, JS_PROP_CONFIGURABLE),
    JS_PROP_INT32_DEF("SEEK_CUR", SEEK_CUR, JS_PROP_CONFIGURABLE),
    JS_PROP_INT32_DEF("SEEK_END", SEEK_END, JS_PROP_CONFIGURABLE),
};
const int g_std_export_count = sizeof g_std_exports / sizeof g_std_exports[0];

int std_module_init(JSContext* ctx, JSModuleDef* m) {
    if (JS_SetModuleExportList(ctx, m, g_std_exports, g_std_export_count) < 0 ||
        JS_SetModuleExportList(ctx, m, k_std_file_functions, k_std_file_function_count) < 0)
        return -1;
    JSValue scratch = JS_NewObject(ctx);
    if (JS_IsException(scratch)) return -1;
    JSValue errors = JS_NewObject(ctx);
    bool ok = !JS_IsException(errors) &&
              JS_SetPropertyFunctionList(ctx, errors, k_errors, sizeof k_errors / sizeof k_errors[0]) == 0 &&
              JS_SetPropertyStr(ctx, scratch, "Error", errors) >= 0 && install_file_class(ctx, scratch);
    for (const char* name : k_std_object_exports) {
        if (!ok) break;
        JSValue v = JS_GetPropertyStr(ctx, scratch, name);
        ok = !JS_IsException(v) && JS_SetModuleExport(ctx, m, name, v) == 0;
    }
    JS_FreeValue(ctx, scratch);
    return ok ? 0 : -1;
}

} // namespace qjs::libc

using namespace qjs::libc;

JSModuleDef* js_init_module_std(JSContext* ctx, const char* module_name) {
    JSModuleDef* m = JS_NewCModule(ctx, module_name, std_module_init);
    if (!m) return nullptr;
    if (JS_AddModuleExportList(ctx, m, g_std_exports, g_std_export_count) < 0 ||
        JS_AddModuleExportList(ctx, m, k_std_file_functions, k_std_file_function_count) < 0)
        return nullptr;
    for (const char* name : k_std_object_exports)
        if (JS_AddModuleExport(ctx, m, name) < 0) return nullptr;
    return m;
}
