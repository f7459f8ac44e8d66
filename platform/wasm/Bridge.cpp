// Bridge.cpp: loads Bridge.js (embedded at build time as BridgeSource.inc) into the reactor's context.
#include "Reactor.h"

using namespace qjs::wasm;

namespace {

const char kBridgeSource[] =
#include "BridgeSource.inc"
    ;

JSValue is_promise(JSContext* ctx, JSValueConst, int argc, JSValueConst* argv) {
    return JS_NewBool(ctx, argc > 0 && JS_IsPromise(argv[0]));
}

} // namespace

namespace qjs::wasm {

bool bridge_init() {
    JSContext* ctx = g_reactor.ctx;
    JSValue factory = JS_Eval(ctx, kBridgeSource, sizeof kBridgeSource - 1, "<bridge>", JS_EVAL_TYPE_GLOBAL);
    if (JS_IsException(factory)) return false;
    JSValue natives = JS_NewObject(ctx);
    JSValue fn = JS_NewCFunction(ctx, is_promise, "isPromise", 1);
    JSValue bridge = JS_EXCEPTION;
    if (!JS_IsException(natives) && JS_SetPropertyStr(ctx, natives, "isPromise", fn) >= 0)
        bridge = JS_Call(ctx, factory, JS_UNDEFINED, 1, &natives);
    JS_FreeValue(ctx, natives);
    JS_FreeValue(ctx, factory);
    if (JS_IsException(bridge)) return false;
    g_reactor.bridge = bridge;
    return true;
}

void rebind_bridge_natives(JSRuntime* rt) {
    JSCFunctionType f;
    f.generic = is_promise;
    JS_RebindCFunction(rt, "isPromise", JS_CFUNC_generic, f);
}

} // namespace qjs::wasm
