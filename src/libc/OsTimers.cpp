// OsTimers.cpp: os.setTimeout, clearTimeout, sleepAsync, now, setReadHandler and setWriteHandler,
// on the shared event loop (LibcLoop.cpp).
#include "libc/LibcState.h"

namespace qjs::libc {

namespace {

JSValue os_set_timeout(JSContext* ctx, JSValueConst, int argc, JSValueConst* argv) {
    if (!JS_IsFunction(ctx, argv[0])) return JS_ThrowTypeError(ctx, "not a function");
    double delay = 0;
    if (argc > 1 && JS_ToFloat64(ctx, &delay, argv[1]) < 0) return JS_EXCEPTION;
    if (!(delay > 0)) delay = 0;
    uint32_t id = loop_add_timer(ctx, argv[0], delay, argc > 2 ? argc - 2 : 0, argv + 2);
    if (!id) return JS_EXCEPTION;
    return JS_NewInt64(ctx, id);
}

JSValue os_clear_timeout(JSContext* ctx, JSValueConst, int, JSValueConst* argv) {
    int64_t id;
    if (JS_ToInt64(ctx, &id, argv[0]) < 0) return JS_EXCEPTION;
    if (id > 0 && id <= UINT32_MAX) loop_clear_timer(ctx, static_cast<uint32_t>(id));
    return JS_UNDEFINED;
}

// sleepAsync(ms): a promise fulfilled (with undefined) after ms milliseconds.
JSValue os_sleep_async(JSContext* ctx, JSValueConst, int, JSValueConst* argv) {
    double delay;
    if (JS_ToFloat64(ctx, &delay, argv[0]) < 0) return JS_EXCEPTION;
    if (!(delay > 0)) delay = 0;
    JSValue funcs[2];
    JSValue promise = JS_NewPromiseCapability(ctx, funcs);
    if (JS_IsException(promise)) return promise;
    uint32_t id = loop_add_timer(ctx, funcs[0], delay, 0, nullptr);
    JS_FreeValue(ctx, funcs[0]);
    JS_FreeValue(ctx, funcs[1]);
    if (!id) {
        JS_FreeValue(ctx, promise);
        return JS_EXCEPTION;
    }
    return promise;
}

JSValue os_now(JSContext* ctx, JSValueConst, int, JSValueConst*) {
    return JS_NewFloat64(ctx, loop_now(ctx));
}

// setReadHandler(fd, func) (magic 0) and setWriteHandler(fd, func) (magic 1); null removes.
JSValue os_set_handler(JSContext* ctx, JSValueConst, int, JSValueConst* argv, int is_write) {
    int32_t fd;
    if (JS_ToInt32(ctx, &fd, argv[0]) < 0) return JS_EXCEPTION;
    if (!JS_IsNull(argv[1]) && !JS_IsUndefined(argv[1]) && !JS_IsFunction(ctx, argv[1]))
        return JS_ThrowTypeError(ctx, "not a function");
    if (!loop_set_io_handler(ctx, fd, is_write != 0, argv[1])) return JS_EXCEPTION;
    return JS_UNDEFINED;
}

} // namespace

const JSCFunctionListEntry k_os_timer_functions[] = {
    JS_CFUNC_DEF("setTimeout", 2, os_set_timeout),
    JS_CFUNC_DEF("clearTimeout", 1, os_clear_timeout),
    JS_CFUNC_DEF("sleepAsync", 1, os_sleep_async),
    JS_CFUNC_DEF("now", 0, os_now),
    JS_CFUNC_MAGIC_DEF("setReadHandler", 2, os_set_handler, 0),
    JS_CFUNC_MAGIC_DEF("setWriteHandler", 2, os_set_handler, 1),
};
const int k_os_timer_function_count = sizeof k_os_timer_functions / sizeof k_os_timer_functions[0];

} // namespace qjs::libc
