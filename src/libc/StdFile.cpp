// StdFile.cpp: std's FILE objects (std.open, popen, fdopen, tmpfile, in/out/err) and
// FILE.prototype, as the QuickJS manual lists them.
#include "libc/LibcState.h"

#include <cerrno>
#include <cstring>

namespace qjs::libc {

namespace {

JSClassID s_file_class_id = 0;

// Closes a std.popen stream: the command's exit status, or -1.
int close_popen(FILE* f) {
#if defined(__wasi__)
    return fclose(f) == 0 ? 0 : -1; // not reached: std.popen throws under WASI
#else
    int r = pclose(f);
    return r != -1 && WIFEXITED(r) ? WEXITSTATUS(r) : r;
#endif
}

void file_finalizer(JSRuntime* rt, JSValue val) {
    auto* s = static_cast<StdFile*>(JS_GetOpaque(val, s_file_class_id));
    if (!s) return;
    if (s->f && s->f != stdin && s->f != stdout && s->f != stderr) {
        if (s->is_popen)
            close_popen(s->f);
        else
            fclose(s->f);
    }
    js_free_rt(rt, s);
}

JSValue new_file(JSContext* ctx, FILE* f, bool is_popen) {
    JSValue obj = JS_NewObjectClass(ctx, static_cast<int>(s_file_class_id));
    if (JS_IsException(obj)) return obj;
    auto* s = static_cast<StdFile*>(js_mallocz(ctx, sizeof(StdFile)));
    if (!s) {
        JS_FreeValue(ctx, obj);
        return JS_EXCEPTION;
    }
    s->f = f;
    s->is_popen = is_popen;
    JS_SetOpaque(obj, s);
    return obj;
}

StdFile* std_file(JSContext* ctx, JSValueConst obj) {
    auto* s = static_cast<StdFile*>(JS_GetOpaque2(ctx, obj, s_file_class_id));
    if (!s) return nullptr;
    if (!s->f) {
        JS_ThrowTypeError(ctx, "invalid file handle");
        return nullptr;
    }
    return s;
}

bool valid_mode(JSContext* ctx, const char* mode, const char* allowed) {
    if (mode[0] && std::strspn(mode, allowed) == std::strlen(mode)) return true;
    JS_ThrowTypeError(ctx, "invalid file mode");
    return false;
}

// std.open(filename, flags, errorObj), std.popen(command, flags, errorObj)
JSValue js_std_open(JSContext* ctx, JSValueConst, int argc, JSValueConst* argv, int is_popen) {
    std::string name, mode;
    if (!to_std_string(ctx, argv[0], &name) || !to_std_string(ctx, argv[1], &mode)) return JS_EXCEPTION;
    if (!valid_mode(ctx, mode.c_str(), is_popen ? "rw" : "rwa+bx")) return JS_EXCEPTION;
    if (is_popen && mode.size() != 1) return JS_ThrowTypeError(ctx, "invalid file mode");
#if defined(__wasi__)
    if (is_popen) return JS_ThrowTypeError(ctx, "std.popen: processes are not available under WASI");
    FILE* f = fopen(name.c_str(), mode.c_str());
#else
    FILE* f = is_popen ? popen(name.c_str(), mode.c_str()) : fopen(name.c_str(), mode.c_str());
#endif
    int err = f ? 0 : errno;
    if (argc > 2) set_error_object(ctx, argv[2], err);
    if (!f) return JS_NULL;
    return new_file(ctx, f, is_popen != 0);
}

JSValue js_std_fdopen(JSContext* ctx, JSValueConst, int argc, JSValueConst* argv) {
    int32_t fd;
    std::string mode;
    if (JS_ToInt32(ctx, &fd, argv[0]) < 0 || !to_std_string(ctx, argv[1], &mode)) return JS_EXCEPTION;
    if (!valid_mode(ctx, mode.c_str(), "rwa+b")) return JS_EXCEPTION;
    FILE* f = fdopen(fd, mode.c_str());
    int err = f ? 0 : errno;
    if (argc > 2) set_error_object(ctx, argv[2], err);
    if (!f) return JS_NULL;
    return new_file(ctx, f, false);
}

JSValue js_std_tmpfile(JSContext* ctx, JSValueConst, int argc, JSValueConst* argv) {
#if defined(__wasi__)
    FILE* f = nullptr; // WASI preview1 has no temporary files: null, errorObj.errno ENOTSUP
    int err = ENOTSUP;
#else
    FILE* f = tmpfile();
    int err = f ? 0 : errno;
#endif
    if (argc > 0) set_error_object(ctx, argv[0], err);
    if (!f) return JS_NULL;
    return new_file(ctx, f, false);
}

// ---- FILE.prototype ----

JSValue file_close(JSContext* ctx, JSValueConst this_val, int, JSValueConst*) {
    StdFile* s = std_file(ctx, this_val);
    if (!s) return JS_EXCEPTION;
    int r;
    if (s->f == stdin || s->f == stdout || s->f == stderr) {
        r = 0; // the process's standard streams stay open
    } else if (s->is_popen) {
        r = close_popen(s->f);
    } else {
        r = fclose(s->f) == 0 ? 0 : -errno;
    }
    s->f = nullptr;
    return JS_NewInt32(ctx, r < 0 ? -errno : r);
}

JSValue write_string(JSContext* ctx, FILE* f, JSValueConst v) {
    size_t len;
    const char* str = JS_ToCStringLen(ctx, &len, v);
    if (!str) return JS_EXCEPTION;
    fwrite(str, 1, len, f);
    JS_FreeCString(ctx, str);
    return JS_UNDEFINED;
}

JSValue file_puts(JSContext* ctx, JSValueConst this_val, int argc, JSValueConst* argv) {
    StdFile* s = std_file(ctx, this_val);
    if (!s) return JS_EXCEPTION;
    for (int i = 0; i < argc; ++i)
        if (JS_IsException(write_string(ctx, s->f, argv[i]))) return JS_EXCEPTION;
    return JS_UNDEFINED;
}

JSValue file_printf(JSContext* ctx, JSValueConst this_val, int argc, JSValueConst* argv) {
    StdFile* s = std_file(ctx, this_val);
    if (!s) return JS_EXCEPTION;
    std::string out;
    if (!format_printf(ctx, argc, argv, &out)) return JS_EXCEPTION;
    fwrite(out.data(), 1, out.size(), s->f);
    return JS_NewInt32(ctx, static_cast<int32_t>(out.size()));
}

JSValue file_flush(JSContext* ctx, JSValueConst this_val, int, JSValueConst*) {
    StdFile* s = std_file(ctx, this_val);
    if (!s) return JS_EXCEPTION;
    fflush(s->f);
    return JS_UNDEFINED;
}

JSValue file_seek(JSContext* ctx, JSValueConst this_val, int, JSValueConst* argv) {
    StdFile* s = std_file(ctx, this_val);
    if (!s) return JS_EXCEPTION;
    int64_t pos;
    int32_t whence;
    if (JS_ToInt64Ext(ctx, &pos, argv[0]) < 0 || JS_ToInt32(ctx, &whence, argv[1]) < 0) return JS_EXCEPTION;
    int r = fseeko(s->f, static_cast<off_t>(pos), whence);
    return JS_NewInt32(ctx, r < 0 ? -errno : 0);
}

// tell() (magic 0) and tello() (magic 1: a BigInt)
JSValue file_tell(JSContext* ctx, JSValueConst this_val, int, JSValueConst*, int as_bigint) {
    StdFile* s = std_file(ctx, this_val);
    if (!s) return JS_EXCEPTION;
    int64_t pos = ftello(s->f);
    return as_bigint ? JS_NewBigInt64(ctx, pos) : JS_NewInt64(ctx, pos);
}

// eof() 0, error() 1, fileno() 2, clearerr() 3
JSValue file_state(JSContext* ctx, JSValueConst this_val, int, JSValueConst*, int what) {
    StdFile* s = std_file(ctx, this_val);
    if (!s) return JS_EXCEPTION;
    switch (what) {
    case 0: return JS_NewBool(ctx, feof(s->f));
    case 1: return JS_NewBool(ctx, ferror(s->f));
    case 2: return JS_NewInt32(ctx, fileno(s->f));
    default: clearerr(s->f); return JS_UNDEFINED;
    }
}

// read(buffer, position, length) (magic 0) and write(...) (magic 1)
JSValue file_read_write(JSContext* ctx, JSValueConst this_val, int, JSValueConst* argv, int is_write) {
    StdFile* s = std_file(ctx, this_val);
    if (!s) return JS_EXCEPTION;
    size_t len;
    uint8_t* p = array_buffer_range(ctx, argv[0], argv[1], argv[2], &len);
    if (!p) return JS_EXCEPTION;
    size_t n = is_write ? fwrite(p, 1, len, s->f) : fread(p, 1, len, s->f);
    return JS_NewInt64(ctx, static_cast<int64_t>(n));
}

JSValue file_getline(JSContext* ctx, JSValueConst this_val, int, JSValueConst*) {
    StdFile* s = std_file(ctx, this_val);
    if (!s) return JS_EXCEPTION;
    std::string line;
    int c;
    bool any = false;
    while ((c = fgetc(s->f)) != EOF) {
        any = true;
        if (c == '\n') break;
        line.push_back(static_cast<char>(c));
    }
    if (!any) return JS_NULL;
    return JS_NewStringLen(ctx, line.data(), line.size());
}

JSValue file_read_as_string(JSContext* ctx, JSValueConst this_val, int argc, JSValueConst* argv) {
    StdFile* s = std_file(ctx, this_val);
    if (!s) return JS_EXCEPTION;
    uint64_t max = UINT64_MAX;
    if (argc > 0 && !JS_IsUndefined(argv[0]) && JS_ToIndex(ctx, &max, argv[0]) < 0) return JS_EXCEPTION;
    std::string data;
    char buf[4096];
    while (data.size() < max) {
        size_t want = sizeof buf;
        if (max - data.size() < want) want = static_cast<size_t>(max - data.size());
        size_t n = fread(buf, 1, want, s->f);
        if (n == 0) break;
        data.append(buf, n);
    }
    return JS_NewStringLen(ctx, data.data(), data.size());
}

JSValue file_get_byte(JSContext* ctx, JSValueConst this_val, int, JSValueConst*) {
    StdFile* s = std_file(ctx, this_val);
    if (!s) return JS_EXCEPTION;
    return JS_NewInt32(ctx, fgetc(s->f));
}

JSValue file_put_byte(JSContext* ctx, JSValueConst this_val, int, JSValueConst* argv) {
    StdFile* s = std_file(ctx, this_val);
    if (!s) return JS_EXCEPTION;
    int32_t c;
    if (JS_ToInt32(ctx, &c, argv[0]) < 0) return JS_EXCEPTION;
    return JS_NewInt32(ctx, fputc(c, s->f));
}

const JSCFunctionListEntry k_file_proto[] = {
    JS_CFUNC_DEF("close", 0, file_close),
    JS_CFUNC_DEF("puts", 1, file_puts),
    JS_CFUNC_DEF("printf", 1, file_printf),
    JS_CFUNC_DEF("flush", 0, file_flush),
    JS_CFUNC_DEF("seek", 2, file_seek),
    JS_CFUNC_MAGIC_DEF("tell", 0, file_tell, 0),
    JS_CFUNC_MAGIC_DEF("tello", 0, file_tell, 1),
    JS_CFUNC_MAGIC_DEF("eof", 0, file_state, 0),
    JS_CFUNC_MAGIC_DEF("error", 0, file_state, 1),
    JS_CFUNC_MAGIC_DEF("fileno", 0, file_state, 2),
    JS_CFUNC_MAGIC_DEF("clearerr", 0, file_state, 3),
    JS_CFUNC_MAGIC_DEF("read", 3, file_read_write, 0),
    JS_CFUNC_MAGIC_DEF("write", 3, file_read_write, 1),
    JS_CFUNC_DEF("getline", 0, file_getline),
    JS_CFUNC_DEF("readAsString", 0, file_read_as_string),
    JS_CFUNC_DEF("getByte", 0, file_get_byte),
    JS_CFUNC_DEF("putByte", 1, file_put_byte),
    JS_PROP_STRING_DEF("[Symbol.toStringTag]", "FILE", JS_PROP_CONFIGURABLE),
};

JSValue js_std_puts(JSContext* ctx, JSValueConst, int argc, JSValueConst* argv) {
    for (int i = 0; i < argc; ++i)
        if (JS_IsException(write_string(ctx, stdout, argv[i]))) return JS_EXCEPTION;
    return JS_UNDEFINED;
}

JSValue js_std_printf(JSContext* ctx, JSValueConst, int argc, JSValueConst* argv) {
    std::string out;
    if (!format_printf(ctx, argc, argv, &out)) return JS_EXCEPTION;
    fwrite(out.data(), 1, out.size(), stdout);
    return JS_NewInt32(ctx, static_cast<int32_t>(out.size()));
}

JSValue js_std_sprintf(JSContext* ctx, JSValueConst, int argc, JSValueConst* argv) {
    std::string out;
    if (!format_printf(ctx, argc, argv, &out)) return JS_EXCEPTION;
    return JS_NewStringLen(ctx, out.data(), out.size());
}

} // namespace

JSClassID file_class_id() {
    return JS_NewClassID(&s_file_class_id);
}

FILE* file_of(JSContext* ctx, JSValueConst v) {
    StdFile* s = std_file(ctx, v);
    return s ? s->f : nullptr;
}

const JSCFunctionListEntry k_std_file_functions[] = {
    JS_CFUNC_MAGIC_DEF("open", 2, js_std_open, 0), JS_CFUNC_MAGIC_DEF("popen", 2, js_std_open, 1),
    JS_CFUNC_DEF("fdopen", 2, js_std_fdopen),      JS_CFUNC_DEF("tmpfile", 0, js_std_tmpfile),
    JS_CFUNC_DEF("puts", 1, js_std_puts),          JS_CFUNC_DEF("printf", 1, js_std_printf),
    JS_CFUNC_DEF("sprintf", 1, js_std_sprintf),
};
const int k_std_file_function_count = sizeof k_std_file_functions / sizeof k_std_file_functions[0];

// Registers the FILE class in the runtime (once), its prototype in the realm, and defines in, out
// and err on `holder`.
bool register_file_class(JSRuntime* rt) {
    JS_NewClassID(&s_file_class_id);
    if (JS_IsRegisteredClass(rt, s_file_class_id)) return true;
    JSClassDef def{};
    def.class_name = "FILE";
    def.finalizer = file_finalizer;
    if (JS_NewClass(rt, s_file_class_id, &def) < 0) return false;
    install_file_snapshot_hooks(rt);
    return true;
}

bool install_file_class(JSContext* ctx, JSValueConst holder) {
    if (!register_file_class(JS_GetRuntime(ctx))) return false;
    JSValue proto = JS_NewObject(ctx);
    if (JS_IsException(proto)) return false;
    if (JS_SetPropertyFunctionList(ctx, proto, k_file_proto, sizeof k_file_proto / sizeof k_file_proto[0]) <
        0) {
        JS_FreeValue(ctx, proto);
        return false;
    }
    JS_SetClassProto(ctx, s_file_class_id, proto);
    const char* names[] = {"in", "out", "err"};
    FILE* files[] = {stdin, stdout, stderr};
    for (int i = 0; i < 3; ++i) {
        JSValue f = new_file(ctx, files[i], false);
        if (JS_IsException(f) || JS_SetPropertyStr(ctx, holder, names[i], f) < 0) return false;
    }
    return true;
}

} // namespace qjs::libc
