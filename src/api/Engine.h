// Engine.h: the small C++ embedding API the tools (qjs, run-test262, benchmarks) are written against.
// It hides the runtime's internals; a C API in the QuickJS style (JS_NewRuntime, ...) will wrap it.
#pragma once

#include <cstddef>
#include <cstdint>
#include <string>
#include <string_view>
#include <vector>

namespace qjs::api {

struct Engine; // one Runtime (heap, atoms, job queue); opaque
struct Realm;  // one Context (global object, intrinsics); opaque

// A host function: receives its arguments already converted to strings/numbers is not enough for
// $262, so host functions see opaque value handles through HostCall.
struct HostCall;

enum class EvalMode : uint8_t { Sloppy, Strict };

struct EvalResult {
    bool ok = true;         // false when the script threw (or failed to parse)
    std::string error_name; // e.g. "SyntaxError", "Test262Error" (the thrown object's `name`), empty if none
    std::string error_message; // `message` of the thrown value, or its ToString
    std::string stack;         // the `stack` property when the thrown value is an Error
    bool early_error = false;  // the script failed to parse/compile (an early error) and never ran
};

Engine* engine_new(size_t memory_limit_bytes = 0);
// Frees the runtime. Returns the number of heap cells still alive (leaks); when non-zero it has
// printed a description of each one to stderr.
size_t engine_free(Engine*);

Realm* realm_new(Engine*);
void realm_free(Realm*);

// Parses and runs `source` as a classic script in the realm's global scope.
EvalResult eval_script(Realm*, std::string_view source, std::string_view filename, EvalMode mode);

// Parses and runs `source` as a module whose resolved name is `filename` (16.2). Imports are loaded
// through the engine's module loader. If the module graph has a top-level await, the pending jobs
// are run until its evaluation settles; an evaluation that rejects is reported as an error.
EvalResult eval_module(Realm*, std::string_view source, std::string_view filename);

// The host's module loader (HostLoadImportedModule): resolves `specifier` imported by `referrer` (a
// resolved module name or a script's file name) and reads the module's source text. Returns false
// when the module cannot be loaded. The default loader (set by engine_new) resolves relative to the
// referrer's directory and reads files.
using ModuleLoader = bool (*)(void* opaque, const std::string& specifier, const std::string& referrer,
                              std::string* resolved_name, std::string* source);
void set_module_loader(Engine*, ModuleLoader, void* opaque);
// The default loader's path resolution ("dir/of/referrer" + specifier, with . and .. segments removed).
std::string resolve_module_path(const std::string& specifier, const std::string& referrer);

// Runs pending promise jobs until the queue is empty. Returns false if a job threw (error in `err`).
bool run_jobs(Engine*, EvalResult* err);

// Installs the test262 host hooks on the realm's global object: print(...), $262 with createRealm,
// evalScript, detachArrayBuffer, gc, global, agent (stub). `print` writes to `out` when non-null
// (so the runner can look for Test262:AsyncTestComplete), else to stdout.
void install_test262_host(Realm*, std::string* out);

// The event loop (src/loop): defines setTimeout, clearTimeout, setInterval, clearInterval and
// queueMicrotask on the realm's global object.
void install_event_loop(Realm*);
// One turn of the loop: pending jobs, then the earliest due timer. Returns > 0 (milliseconds until the
// next timer), 0 (more work now), -1 (idle) or -2 (a callback threw: the error is in `err`).
int loop_once(Engine*, EvalResult* err);

// Heap snapshots (src/snapshot, docs/SNAPSHOT.md). snapshot_write saves the whole VM (realms,
// closures, promises and jobs, suspended functions, timers with their remaining delay); it refuses
// with a message while code runs or an exception is pending, or when a reachable object's class has no
// snapshot support. snapshot_restore makes a new engine from such bytes (validated: bad bytes give an
// error, never a crash); *realm is its first realm.
// A full snapshot becomes the engine's delta base; `delta` writes only what changed since then (restore
// it together with its base).
bool snapshot_write(Engine*, std::vector<uint8_t>& out, std::string& error, bool delta = false);
Engine* snapshot_restore(const uint8_t* data, size_t length, size_t memory_limit_bytes, Realm** realm,
                         std::string& error, const uint8_t* delta = nullptr, size_t delta_length = 0);

// Asks the running script to stop with an uncatchable InternalError("interrupted") at the next
// backward jump or call (used by the test runner's per-test time limit). Signal-safe.
void request_interrupt(Engine*);

} // namespace qjs::api
