/*
 * quickjs-libc.h: the std and os modules and the helpers of the qjs shell, as QuickJS's
 * quickjs-libc provides them (names and semantics of the QuickJS manual, chapter 3.3). Host code:
 * built as its own library (qjs_libc) on quickjs.h and the engine's event loop. See docs/API.md.
 */
#ifndef QUICKJS_LIBC_H
#define QUICKJS_LIBC_H

#include <stdio.h>
#include <stdlib.h>

#include "quickjs.h"

#ifdef __cplusplus
extern "C" {
#endif

/* The API keeps default visibility when the library is built with -fvisibility=hidden (libqjs.so). */
#if defined(__GNUC__)
#pragma GCC visibility push(default)
#endif

/* The "std" and "os" modules (also importable as "qjs:std" and "qjs:os" through js_module_loader). */
JSModuleDef* js_init_module_std(JSContext* ctx, const char* module_name);
JSModuleDef* js_init_module_os(JSContext* ctx, const char* module_name);
/* The "bjson" module (also "qjs:bjson"): read/write of values with JS_ReadObject/JS_WriteObject. */
JSModuleDef* js_init_module_bjson(JSContext* ctx, const char* module_name);
/* print, console.log and scriptArgs (when argc >= 0) on the global object, and (beyond QuickJS) the
   event loop's timer globals: setTimeout, clearTimeout, setInterval, clearInterval, queueMicrotask. */
void js_std_add_helpers(JSContext* ctx, int argc, char** argv);
/* Runs the event loop (jobs, timers, I/O and signal handlers) until nothing is pending. An error
   thrown by a handler is printed and the loop goes on, as in QuickJS. Returns 0. */
int js_std_loop(JSContext* ctx);
/* One turn of the event loop, without blocking (the reactor call of wasi-reactor-pr.txt): runs the pending
   jobs, signal handlers and the earliest due timer. Returns the milliseconds until the next timer (> 0),
   0 when more work is ready now, -1 when nothing is pending but I/O handlers, -2 when a callback threw
   (the error was printed). */
int js_std_loop_once(JSContext* ctx);
/* Waits up to timeout_ms (negative: no limit) for a descriptor of an os.setReadHandler/setWriteHandler
   handler and runs the handlers of the ready ones. Returns 0, -1 on a poll error, -2 when a handler threw
   (the error was printed). */
int js_std_poll_io(JSContext* ctx, int timeout_ms);
/* qjs extension for a host that reads a descriptor of its own while the loop runs (the REPL's terminal):
   js_std_poll_io that also returns 2, running no handler, when `fd` is readable; 1 when handlers ran, 0 on
   timeout. before_handlers (may be NULL) is called once before the first handler runs. */
int js_std_poll_io_fd(JSContext* ctx, int timeout_ms, int fd, void (*before_handlers)(void*), void* opaque);
/* Runs the loop until the promise `obj` settles; returns its value, or throws its reason. Other
   values are returned unchanged. `obj` is consumed. */
JSValue js_std_await(JSContext* ctx, JSValue obj);
/* The function that makes the context of a new os.Worker's runtime (default: JS_NewContext and
   js_std_add_helpers); the worker's module loader is js_module_loader. */
void js_std_set_worker_new_context_func(JSContext* (*func)(JSRuntime* rt));
/* Per-runtime state of the modules (timers, handlers); call after JS_NewRuntime and before
   JS_FreeRuntime. */
void js_std_init_handlers(JSRuntime* rt);
void js_std_free_handlers(JSRuntime* rt);
/* qjs extension: how print() shows a value (QuickJS 2025's display: { a: 1 }, [ 1, 2 ], ...); with
   quote_strings, strings are quoted as the REPL shows them. A js_malloc'ed string (js_free it), NULL
   with an exception pending. */
char* js_std_format_value(JSContext* ctx, JSValueConst v, JS_BOOL quote_strings);
/* Prints the pending exception (and its stack) to stderr, and clears it. */
void js_std_dump_error(JSContext* ctx);
/* Reads a whole file into a js_malloc'ed buffer with a terminating 0 (not counted); NULL on error. */
uint8_t* js_load_file(JSContext* ctx, size_t* pbuf_len, const char* filename);
/* Sets import.meta.url ("file://" + the module's name, made absolute with realpath() when
   use_realpath) and import.meta.main of a compiled module (JS_TAG_MODULE value). -1 on exception. */
int js_module_set_import_meta(JSContext* ctx, JSValueConst func_val, JS_BOOL use_realpath, JS_BOOL is_main);
/* The module loader of the shell: "std", "os", "bjson" (and "qjs:" + each), files ending in .so are refused
   (native modules are not supported), other names are read and compiled as module files. */
JSModuleDef* js_module_loader(JSContext* ctx, const char* module_name, void* opaque);
/* Evaluates compiled code written by JS_WriteObject (qjsc's output): a script is run, a module is
   resolved and evaluated; with load_only, a module is only loaded (registered). Errors are printed
   and exit the process with status 1. */
void js_std_eval_binary(JSContext* ctx, const uint8_t* buf, size_t buf_len, int load_only);
/* The rejection tracker of the shell: unhandled rejections are printed and make the exit status 1. */
void js_std_promise_rejection_tracker(JSContext* ctx, JSValueConst promise, JSValueConst reason,
                                      JS_BOOL is_handled, void* opaque);
/* Whether an unhandled rejection was reported (the shell's exit status). */
JS_BOOL js_std_had_unhandled_rejection(JSRuntime* rt);

#if defined(__GNUC__)
#pragma GCC visibility pop
#endif

#ifdef __cplusplus
} /* extern "C" */
#endif

#endif /* QUICKJS_LIBC_H */
