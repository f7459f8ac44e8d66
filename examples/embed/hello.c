/* hello.c: embedding qjs through quickjs.h -- a host function, a class with opaque data, a job,
   a memory limit and an interrupt handler.

   Build against an installed copy:  cc hello.c $(pkg-config --cflags --libs qjs) -o hello
   (the build tree also builds it as `embed_hello`). */
#include "quickjs.h"

#include <stdio.h>
#include <string.h>

/* print(...): the host function. */
static JSValue js_print(JSContext* ctx, JSValueConst this_val, int argc, JSValueConst* argv) {
    (void)this_val;
    for (int i = 0; i < argc; i++) {
        const char* s = JS_ToCString(ctx, argv[i]);
        if (!s) return JS_EXCEPTION;
        printf("%s%s", i ? " " : "", s);
        JS_FreeCString(ctx, s);
    }
    printf("\n");
    return JS_UNDEFINED;
}

/* Counter: a class whose instances carry a C struct. */
typedef struct Counter {
    int count;
} Counter;
static JSClassID counter_class_id;

static void counter_finalizer(JSRuntime* rt, JSValue val) {
    js_free_rt(rt, JS_GetOpaque(val, counter_class_id));
}
static JSValue counter_ctor(JSContext* ctx, JSValueConst new_target, int argc, JSValueConst* argv) {
    (void)argc;
    (void)argv;
    Counter* c = js_mallocz(ctx, sizeof(Counter));
    if (!c) return JS_EXCEPTION;
    JSValue proto = JS_GetPropertyStr(ctx, new_target, "prototype");
    JSValue obj = JS_NewObjectProtoClass(ctx, proto, counter_class_id);
    JS_FreeValue(ctx, proto);
    if (JS_IsException(obj)) {
        js_free(ctx, c);
        return obj;
    }
    JS_SetOpaque(obj, c);
    return obj;
}
static JSValue counter_increment(JSContext* ctx, JSValueConst this_val, int argc, JSValueConst* argv) {
    (void)argc;
    (void)argv;
    Counter* c = JS_GetOpaque2(ctx, this_val, counter_class_id);
    if (!c) return JS_EXCEPTION;
    return JS_NewInt32(ctx, ++c->count);
}
static const JSClassDef counter_class = {"Counter", counter_finalizer, NULL, NULL, NULL};
static const JSCFunctionListEntry counter_proto_funcs[] = {
    JS_CFUNC_DEF("increment", 0, counter_increment),
    JS_PROP_STRING_DEF("[Symbol.toStringTag]", "Counter", JS_PROP_CONFIGURABLE),
};

static int stop_after_budget(JSRuntime* rt, void* opaque) {
    (void)rt;
    return --*(int*)opaque <= 0;
}

static void report(JSContext* ctx, JSValue v) {
    if (JS_IsException(v)) {
        JSValue ex = JS_GetException(ctx);
        const char* s = JS_ToCString(ctx, ex);
        printf("error: %s\n", s ? s : "?");
        JS_FreeCString(ctx, s);
        JS_FreeValue(ctx, ex);
    }
    JS_FreeValue(ctx, v);
}

int main(void) {
    JSRuntime* rt = JS_NewRuntime();
    JSContext* ctx = JS_NewContext(rt);
    JSValue global = JS_GetGlobalObject(ctx);
    JS_SetPropertyStr(ctx, global, "print", JS_NewCFunction(ctx, js_print, "print", 1));

    JS_NewClassID(&counter_class_id);
    JS_NewClass(rt, counter_class_id, &counter_class);
    JSValue proto = JS_NewObject(ctx);
    JS_SetPropertyFunctionList(ctx, proto, counter_proto_funcs, 2);
    JSValue ctor = JS_NewCFunction2(ctx, (JSCFunction*)counter_ctor, "Counter", 0, JS_CFUNC_constructor, 0);
    JS_SetConstructor(ctx, ctor, proto);
    JS_SetClassProto(ctx, counter_class_id, proto);
    JS_SetPropertyStr(ctx, global, "Counter", ctor);

    const char* script = "print('hello from', typeof print);\n"
                         "const c = new Counter(); c.increment(); print('count', c.increment(), String(c));\n"
                         "Promise.resolve('a job').then(v => print(v, 'ran'));\n";
    report(ctx, JS_Eval(ctx, script, strlen(script), "hello.js", JS_EVAL_TYPE_GLOBAL));
    JSContext* job_ctx;
    while (JS_ExecutePendingJob(rt, &job_ctx) > 0) {
    }

    JS_SetMemoryLimit(rt, 32 * 1024 * 1024);
    const char* hog = "const a = []; for (;;) a.push(new Array(1e5).fill(0));";
    report(ctx, JS_Eval(ctx, hog, strlen(hog), "hog.js", JS_EVAL_TYPE_GLOBAL));
    JS_SetMemoryLimit(rt, 0);

    int budget = 5;
    JS_SetInterruptHandler(rt, stop_after_budget, &budget);
    const char* spin = "for (;;) {}";
    report(ctx, JS_Eval(ctx, spin, strlen(spin), "spin.js", JS_EVAL_TYPE_GLOBAL));

    JS_FreeValue(ctx, global);
    JS_FreeContext(ctx);
    JS_FreeRuntime(rt);
    return 0;
}
