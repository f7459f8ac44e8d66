/* reactor_loop.c: quickjs-libc's reactor calls (js_std_loop_once, js_std_poll_io, js_std_poll_io_fd)
   driven by a host loop as wasi-reactor-pr.txt describes: the host decides when to run a turn and when
   to poll, from the return values. Built as the libc_reactor_test executable; prints "N passed, N failed". */
#include "quickjs-libc.h"
#include "quickjs.h"

#include <poll.h>
#include <stdio.h>
#include <string.h>
#include <unistd.h>

#include "../api/check.h"

static void eval(JSContext* ctx, const char* code, int flags) {
    /* Each module needs a name of its own (a second one of the same name is the first). */
    static int counter;
    char name[32];
    snprintf(name, sizeof name, "<test%d>", ++counter);
    JSValue r = JS_Eval(ctx, code, strlen(code), name, flags);
    if (JS_IsException(r)) js_std_dump_error(ctx);
    CHECK(!JS_IsException(r));
    JS_FreeValue(ctx, r);
}

/* The global `log` as a string. */
static int log_is(JSContext* ctx, const char* expected) {
    JSValue global = JS_GetGlobalObject(ctx);
    JSValue v = JS_GetPropertyStr(ctx, global, "log");
    const char* s = JS_ToCString(ctx, v);
    int ok = s && strcmp(s, expected) == 0;
    if (!ok) printf("log is \"%s\", expected \"%s\"\n", s ? s : "(null)", expected);
    JS_FreeCString(ctx, s);
    JS_FreeValue(ctx, v);
    JS_FreeValue(ctx, global);
    return ok;
}

static int g_before_calls;
static void before_handlers(void* opaque) {
    (void)opaque;
    g_before_calls++;
}

static JSModuleDef* load_os(JSContext* ctx, const char* name, void* opaque) {
    (void)opaque;
    return strcmp(name, "os") == 0 ? js_init_module_os(ctx, "os") : NULL;
}

int main(void) {
    JSRuntime* rt = JS_NewRuntime();
    js_std_init_handlers(rt);
    JSContext* ctx = JS_NewContext(rt);
    js_std_add_helpers(ctx, 0, NULL);
    JS_SetModuleLoaderFunc(rt, NULL, load_os, NULL);

    /* Nothing pending: idle. */
    CHECK(js_std_loop_once(ctx) == -1);

    /* A job queued by the script: the turn runs it; then two timers, due in order. */
    eval(ctx,
         "globalThis.log = ''; Promise.resolve().then(() => log += 'j');"
         "setTimeout(() => log += 'b', 20); setTimeout(() => log += 'a', 1);",
         JS_EVAL_TYPE_GLOBAL);
    int next = js_std_loop_once(ctx);
    CHECK(log_is(ctx, "j"));
    CHECK(next >= 0 && next <= 1); /* the 1 ms timer: due now or in a millisecond */
    int turns = 0;
    while ((next = js_std_loop_once(ctx)) != -1 && turns < 1000) {
        CHECK(next >= 0 && next <= 20);
        if (next > 0) usleep((useconds_t)next * 1000);
        ++turns;
    }
    CHECK(log_is(ctx, "jab"));

    /* A callback that throws: -2 (the error is printed), and the loop goes on. */
    eval(ctx,
         "setTimeout(() => { throw new Error('expected by the test') }, 0);"
         "setTimeout(() => log += '!', 0);",
         JS_EVAL_TYPE_GLOBAL);
    CHECK(js_std_loop_once(ctx) == -2);
    while (js_std_loop_once(ctx) >= 0) {
    }
    CHECK(log_is(ctx, "jab!"));

    /* A read handler on a pipe: only I/O is pending (loop_once says idle), poll_io runs the handler once
       the host writes. */
    int fds[2];
    CHECK(pipe(fds) == 0);
    char code[512];
    snprintf(code, sizeof code,
             "import * as os from 'os';"
             "os.setReadHandler(%d, () => { const b = new Uint8Array(4);"
             "  log += 'r' + os.read(%d, b.buffer, 0, 4); os.setReadHandler(%d, null); });",
             fds[0], fds[0], fds[0]);
    eval(ctx, code, JS_EVAL_TYPE_MODULE);
    while (js_std_loop_once(ctx) == 0) {
    }
    CHECK(js_std_poll_io(ctx, 0) == 0); /* nothing written yet: a timeout */
    CHECK(log_is(ctx, "jab!"));
    CHECK(write(fds[1], "xyz", 3) == 3);
    CHECK(js_std_poll_io(ctx, 1000) == 0);
    CHECK(log_is(ctx, "jab!r3"));

    /* js_std_poll_io_fd: the host's own descriptor ready -> 2, no handler runs; a handler ready -> 1,
       with before_handlers called first. */
    int own[2];
    CHECK(pipe(own) == 0);
    CHECK(js_std_poll_io_fd(ctx, 0, own[0], before_handlers, NULL) == 0);
    CHECK(write(own[1], "k", 1) == 1);
    CHECK(js_std_poll_io_fd(ctx, 1000, own[0], before_handlers, NULL) == 2);
    CHECK(g_before_calls == 0);
    snprintf(code, sizeof code,
             "import * as os from 'os';"
             "os.setReadHandler(%d, () => { log += 'h'; os.setReadHandler(%d, null); });",
             fds[0], fds[0]);
    eval(ctx, code, JS_EVAL_TYPE_MODULE);
    while (js_std_loop_once(ctx) == 0) {
    }
    char drain;
    CHECK(read(own[0], &drain, 1) == 1);
    CHECK(write(fds[1], "w", 1) == 1);
    CHECK(js_std_poll_io_fd(ctx, 1000, own[0], before_handlers, NULL) == 1);
    CHECK(g_before_calls == 1);
    CHECK(log_is(ctx, "jab!r3h"));

    close(fds[0]);
    close(fds[1]);
    close(own[0]);
    close(own[1]);
    js_std_free_handlers(rt);
    JS_FreeContext(ctx);
    JS_FreeRuntime(rt);
    printf("%d passed, %d failed\n", g_passed, g_failed);
    return g_failed ? 1 : 0;
}
