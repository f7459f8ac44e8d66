// BjsonModule.cpp: the "bjson" module (also "qjs:bjson"), QuickJS's binary JSON test module:
// write(obj[, flags]) gives an ArrayBuffer made by JS_WriteObject, read(buf[, pos[, len[, flags]]])
// the value JS_ReadObject reads back from buf[pos, pos + len). Corrupt data is a SyntaxError (the
// reader validates every field). READ_OBJ_SAB is refused: it would trust the memory addresses in the
// data, so only os.Worker messages (written by this process) use it.
#include "libc/LibcState.h"

#include <cstring>

namespace qjs::libc {

namespace {

constexpr int kWriteFlags =
    JS_WRITE_OBJ_BYTECODE | JS_WRITE_OBJ_BSWAP | JS_WRITE_OBJ_SAB | JS_WRITE_OBJ_REFERENCE;
constexpr int kReadFlags = JS_READ_OBJ_BYTECODE | JS_READ_OBJ_ROM_DATA | JS_READ_OBJ_REFERENCE;

bool flags_arg(JSContext* ctx, int argc, JSValueConst* argv, int index, int allowed, int* flags) {
    *flags = 0;
    if (argc <= index || JS_IsUndefined(argv[index])) return true;
    if (JS_ToInt32(ctx, flags, argv[index]) < 0) return false;
    if (*flags & ~allowed) {
        JS_ThrowRangeError(ctx, "unsupported flags 0x%x", *flags & ~allowed);
        return false;
    }
    return true;
}

JSValue bjson_read(JSContext* ctx, JSValueConst, int argc, JSValueConst* argv) {
    size_t size;
    uint8_t* buf = JS_GetArrayBuffer(ctx, &size, argv[0]);
    if (!buf && JS_HasException(ctx)) return JS_EXCEPTION;
    uint64_t pos = 0, len;
    if (argc > 1 && !JS_IsUndefined(argv[1]) && JS_ToIndex(ctx, &pos, argv[1]) < 0) return JS_EXCEPTION;
    if (pos > size) return JS_ThrowRangeError(ctx, "array buffer overflow");
    len = size - pos;
    if (argc > 2 && !JS_IsUndefined(argv[2]) && JS_ToIndex(ctx, &len, argv[2]) < 0) return JS_EXCEPTION;
    if (len > size - pos) return JS_ThrowRangeError(ctx, "array buffer overflow");
    int flags;
    if (!flags_arg(ctx, argc, argv, 3, kReadFlags | JS_READ_OBJ_SAB, &flags)) return JS_EXCEPTION;
    if (flags & JS_READ_OBJ_SAB) return JS_ThrowTypeError(ctx, "READ_OBJ_SAB is not available to scripts");
    // The bytes are copied first: a getter run by the reader cannot detach the buffer under it.
    uint8_t* copy = static_cast<uint8_t*>(js_malloc(ctx, len ? len : 1));
    if (!copy) return JS_EXCEPTION;
    if (len) std::memcpy(copy, buf + pos, len);
    JSValue r = JS_ReadObject(ctx, copy, len, flags);
    js_free(ctx, copy);
    return r;
}

JSValue bjson_write(JSContext* ctx, JSValueConst, int argc, JSValueConst* argv) {
    int flags;
    if (!flags_arg(ctx, argc, argv, 1, kWriteFlags, &flags)) return JS_EXCEPTION;
    size_t len;
    uint8_t* buf = JS_WriteObject(ctx, &len, argv[0], flags);
    if (!buf) return JS_EXCEPTION;
    JSValue r = JS_NewArrayBufferCopy(ctx, buf, len);
    js_free(ctx, buf);
    return r;
}

const JSCFunctionListEntry k_bjson_exports[] = {
    JS_CFUNC_DEF("read", 4, bjson_read),
    JS_CFUNC_DEF("write", 2, bjson_write),
    JS_PROP_INT32_DEF("WRITE_OBJ_BYTECODE", JS_WRITE_OBJ_BYTECODE, 0),
    JS_PROP_INT32_DEF("WRITE_OBJ_BSWAP", JS_WRITE_OBJ_BSWAP, 0),
    JS_PROP_INT32_DEF("WRITE_OBJ_SAB", JS_WRITE_OBJ_SAB, 0),
    JS_PROP_INT32_DEF("WRITE_OBJ_REFERENCE", JS_WRITE_OBJ_REFERENCE, 0),
    JS_PROP_INT32_DEF("READ_OBJ_BYTECODE", JS_READ_OBJ_BYTECODE, 0),
    JS_PROP_INT32_DEF("READ_OBJ_ROM_DATA", JS_READ_OBJ_ROM_DATA, 0),
    JS_PROP_INT32_DEF("READ_OBJ_SAB", JS_READ_OBJ_SAB, 0),
    JS_PROP_INT32_DEF("READ_OBJ_REFERENCE", JS_READ_OBJ_REFERENCE, 0),
};
constexpr int k_bjson_export_count = sizeof k_bjson_exports / sizeof k_bjson_exports[0];

int bjson_module_init(JSContext* ctx, JSModuleDef* m) {
    return JS_SetModuleExportList(ctx, m, k_bjson_exports, k_bjson_export_count);
}

} // namespace

} // namespace qjs::libc

using namespace qjs::libc;

JSModuleDef* js_init_module_bjson(JSContext* ctx, const char* module_name) {
    JSModuleDef* m = JS_NewCModule(ctx, module_name, bjson_module_init);
    if (!m) return nullptr;
    if (JS_AddModuleExportList(ctx, m, k_bjson_exports, k_bjson_export_count) < 0) return nullptr;
    return m;
}
