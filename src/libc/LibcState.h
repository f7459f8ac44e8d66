// LibcState.h: what the std/os modules share (internal to src/libc): the per-runtime state (kept
// as the runtime's opaque pointer, as QuickJS's quickjs-libc does), the FILE class and small value
// helpers. Everything here is host code on quickjs.h, except the event-loop bridge (LibcLoop.cpp).
#pragma once

#include "quickjs-libc.h"

#include <cstdint>
#include <string>
#include <vector>

namespace qjs::libc {

struct SignalHandler {
    int sig;
    JSValue func;
};

struct PendingRejection {
    JSValue promise;
    JSValue reason;
};

struct WorkerPorts; // OsWorker.cpp

struct LibcState {
    std::vector<SignalHandler> signal_handlers;
    std::vector<PendingRejection> rejections;
    bool had_unhandled_rejection = false;
    WorkerPorts* parent_ports = nullptr; // in a worker's runtime: the ports of os.Worker.parent
};

LibcState* state_of(JSRuntime*);

// ---- the event loop (LibcLoop.cpp, over src/loop) ----
// One turn of the loop: jobs then one due timer. Returns the loop's run_once() code (> 0 delay,
// 0 more work, -1 idle, -2 error with the exception pending).
int loop_run_once(JSContext*);
int loop_poll_io(JSContext*, int timeout_ms);
// Also watches `fd` for reading: 2 when it is readable (see EventLoop::poll_io).
int loop_poll_io_fd(JSContext*, int timeout_ms, int fd, void (*before_handlers)(void*), void* opaque);
bool loop_has_io_handlers(JSContext*);
// Timers: the id of a new timer (0 with an exception pending); clearing an unknown id is harmless.
uint32_t loop_add_timer(JSContext*, JSValueConst func, double delay_ms, int argc, JSValueConst* argv);
void loop_clear_timer(JSContext*, uint32_t id);
bool loop_set_io_handler(JSContext*, int fd, bool write, JSValueConst func);
double loop_now(JSContext*);
// setTimeout, setInterval, their clear* and queueMicrotask as globals (false with an exception pending).
bool loop_install_globals(JSContext*);
void loop_destroy(JSRuntime*);

// ---- signals (OsSignals.cpp) ----
// Calls the JS handlers of the signals received since the last call. False when a handler threw.
bool run_pending_signals(JSContext*);
bool has_pending_signals(JSContext*);
void free_signal_handlers(JSRuntime*);

// ---- workers (OsWorker.cpp; stubs without QJS_WORKERS) ----
// The os.Worker constructor of a realm, with Worker.parent in a worker (an exception on failure).
JSValue new_worker_class(JSContext*);
// JS_SetSharedArrayBufferFunctions with the reference-counted blocks workers share.
void install_shared_memory(JSRuntime*);
// JS_SetAtomicsWaitFunctions with the process's waiter list (AtomicsWait.cpp; a stub without QJS_WORKERS).
void install_atomics_wait(JSRuntime*);
void free_worker_state(LibcState*);

// ---- rejections (StdModule.cpp) ----
// Prints the unhandled rejections recorded so far.
void report_unhandled_rejections(JSContext*);

// ---- FILE objects (StdFile.cpp) ----
// The opaque data of a FILE object.
struct StdFile {
    FILE* f;
    bool is_popen;
};
JSClassID file_class_id();
// Registers the FILE class in the runtime, once (js_std_init_handlers does it, so a snapshot holding
// FILE objects can be restored before any context imported std).
bool register_file_class(JSRuntime*);
bool install_file_class(JSContext*, JSValueConst std_exports_holder);
// FILE objects in heap snapshots (StdFileSnapshot.cpp): std.in, std.out and std.err are saved and
// restored as the new process's streams; other files are refused.
void install_file_snapshot_hooks(JSRuntime*);
// The FILE* of a std FILE object (nullptr with a TypeError pending).
FILE* file_of(JSContext*, JSValueConst);

// ---- printf (StdFormat.cpp) ----
// Formats like libc printf (integer formats truncate to 32 bits, 64 with `l`; BigInt accepted).
// False with an exception pending.
bool format_printf(JSContext*, int argc, JSValueConst* argv, std::string* out);

// ---- extended JSON (ExtJson.cpp) ----
JSValue parse_ext_json(JSContext*, const char* text, size_t len, const char* filename);

// ---- value display (ValueInspect.cpp) ----
// The inspector function of a context (compiled JavaScript; an exception on failure).
JSValue make_inspector(JSContext*);
// The display of `v` (strings raw unless quote_strings); false with an exception pending.
bool inspect_value(JSContext*, JSValueConst inspector, JSValueConst v, bool quote_strings, std::string* out);

// ---- helpers ----
// errorObj.errno = err, when errorObj is an object.
void set_error_object(JSContext*, JSValueConst error_obj, int err);
// A string argument as std::string (false with an exception pending).
bool to_std_string(JSContext*, JSValueConst v, std::string* out);
// The result of a call returning 0 or -errno.
inline JSValue errno_result(JSContext* ctx, int r) {
    return JS_NewInt32(ctx, r < 0 ? -errno : r);
}
// The absolute path of an existing file (realpath(3)); 0, or the errno. Under WASI (no realpath) the
// path is made absolute against the current directory and its "." and ".." removed, symbolic links kept.
int real_path(const char* path, std::string* out);
// [value, err] pairs of the os functions.
JSValue value_error_pair(JSContext*, JSValue value, int err);
// Bytes [pos, pos+len) of an ArrayBuffer argument (nullptr with a RangeError/TypeError pending).
uint8_t* array_buffer_range(JSContext*, JSValueConst buf, JSValueConst pos, JSValueConst len, size_t* plen);
// Evaluates a whole file as script or module (detecting modules as qjs does when module < 0).
JSValue eval_file(JSContext*, const char* filename, int module);

// The module definitions (StdModule.cpp, OsModule.cpp).
int std_module_init(JSContext*, JSModuleDef*);
int os_module_init(JSContext*, JSModuleDef*);
extern const JSCFunctionListEntry g_std_exports[];
extern const int g_std_export_count;
// The function tables of each area (defined in their files).
extern const JSCFunctionListEntry k_std_file_functions[];
extern const int k_std_file_function_count;
extern const JSCFunctionListEntry k_os_file_functions[];
extern const int k_os_file_function_count;
extern const JSCFunctionListEntry k_os_process_functions[];
extern const int k_os_process_function_count;
extern const JSCFunctionListEntry k_os_signal_functions[];
extern const int k_os_signal_function_count;
extern const JSCFunctionListEntry k_os_timer_functions[];
extern const int k_os_timer_function_count;

} // namespace qjs::libc
