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
   JS_FreeRuntime. Also does js_std_init_shared_memory. */
void js_std_init_handlers(JSRuntime* rt);
/* Memory shared between the threads of this process (built with QJS_WORKERS; no-ops without):
   js_std_init_shared_memory sets JS_SetSharedArrayBufferFunctions (reference-counted blocks, as
   os.Worker messages share them) and JS_SetAtomicsWaitFunctions (one waiter list for the process:
   Atomics.wait blocks the thread until another thread's Atomics.notify or the timeout).
   js_std_atomics_poll settles, on the runtime's own thread, its Atomics.waitAsync promises that were
   notified or timed out (run the jobs afterwards), first sleeping up to timeout_ms (-1: no limit) for
   one when none is ready yet; returns 1 while the runtime still has async waiters, 0 when it has none,
   -1 when a resolve call threw. js_std_loop polls it. js_std_atomics_interrupt (any thread) makes the
   runtime's waits fail with an InternalError until js_std_atomics_release, which the runtime's thread
   calls before JS_FreeRuntime (it drops the runtime's async waiters; js_std_free_handlers does it). */
void js_std_init_shared_memory(JSRuntime* rt);
int js_std_atomics_poll(JSRuntime* rt, int timeout_ms);
void js_std_atomics_interrupt(JSRuntime* rt);
void js_std_atomics_release(JSRuntime* rt);
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
/* The module reader of the shell (JS_SetModuleReadFunc): the file's bytes, for imports with
   `with { type: "json" }`, `"text"` or `"bytes"`. */
uint8_t* js_module_read(JSContext* ctx, const char* module_name, size_t* plen, void* opaque);
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
