// Host262.h: the test262 host on the public C API (quickjs.h): a runtime per test with the limits,
// the module loader and the interrupt flag of the runner, the $262 object, print(), and evaluation
// results described the way the runner judges them.
#pragma once

#include "Agents.h"

#include "quickjs.h"

#include <cstddef>
#include <string>
#include <string_view>

namespace test262 {

struct EvalResult {
    bool ok = true;            // false when the script threw (or failed to parse)
    std::string error_name;    // the thrown object's `name` (else its constructor's), empty if none
    std::string error_message; // `message` of the thrown value, or its ToString
    bool early_error = false;  // the source failed to parse/compile and never ran
};

// What a runtime of the runner needs from its host, reached through the runtime's opaque pointer.
struct HostState {
    std::string* printed = nullptr;        // print() output (the runner looks for Test262:AsyncTestComplete)
    std::string test_dir;                  // <root>/test: module files are read from here
    const std::string* rel_path = nullptr; // imports from code without a file resolve against the test
    const volatile int* interrupt = nullptr; // set from the timeout signal: stops the running script
    size_t memory_limit = 0;                 // for the agents' runtimes
    AgentHub* agents = nullptr;              // the agents the test started ($262.agent.start), if any
    void* agent = nullptr;                   // in an agent's runtime: the agent (Agents.cpp)
};

// A runtime with the memory limit, the module loader, the interrupt handler and quickjs-libc's shared
// memory and Atomics waiter list (nullptr on OOM).
JSRuntime* new_test_runtime(size_t memory_limit, HostState* host);
// Defines print() and $262 (createRealm, evalScript, detachArrayBuffer, gc, global, agent, IsHTMLDDA)
// on the context's global object. False with nothing defined on failure.
bool install_test262_host(JSContext* ctx);
// Binds the host's C functions again in a runtime restored from a snapshot.
void rebind_test262_host(JSRuntime* rt);

// Runs `source` as a classic script (strict when asked: the caller adds the directive), or as the
// module `filename` (driving the jobs until a top-level await settles).
EvalResult eval_script(JSContext* ctx, std::string_view source, const std::string& filename, bool strict);
EvalResult eval_module(JSContext* ctx, std::string_view source, const std::string& filename);
// Runs pending jobs until none is left, settling Atomics.waitAsync promises as other agents notify them
// or they time out; false (with the error) when one throws, or when a wait never settles.
bool run_jobs(JSRuntime* rt, EvalResult* err);

} // namespace test262
