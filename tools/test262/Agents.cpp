// Agents.cpp: $262.agent (INTERPRETING.md) on threads of the test tool (never in the engine core).
//
// start(source) runs the script on a new thread in its own runtime; the agent's $262.agent has
// receiveBroadcast, report, leaving, sleep and monotonicNow. broadcast(sab, num) writes the buffer as a
// value image naming its shared block (JS_WRITE_OBJ_SAB) and blocks until every agent took it; each agent
// reads it back (JS_READ_OBJ_SAB: a SharedArrayBuffer on the same block) and calls its callback. Atomics
// waits go through quickjs-libc's waiter list (js_std_init_shared_memory on every test runtime), whose
// Atomics.waitAsync promises an agent settles in its loop with js_std_atomics_poll. At the end of the test
// free_agent_hub interrupts the agents (their waits fail, their scripts stop) and joins them.
#include "Agents.h"

#include "Host262.h"

#include "quickjs-libc.h"

#include <cerrno>
#include <chrono>
#include <cmath>
#include <condition_variable>
#include <csignal>
#include <ctime>
#include <deque>
#include <mutex>
#include <new>
#include <pthread.h>
#include <string>
#include <vector>

namespace test262 {

namespace {

// How long a blocking $262.agent call (start, broadcast, and sleep overall) may take in wall-clock time:
// the worker's CPU-time limit does not advance while a thread is blocked.
constexpr double kWallLimitMs = 60000;

double monotonic_ms() {
    return std::chrono::duration<double, std::milli>(std::chrono::steady_clock::now().time_since_epoch())
        .count();
}

void sleep_ms(double ms) {
    if (!(ms > 0)) return;
    struct timespec ts;
    ts.tv_sec = static_cast<time_t>(ms / 1000);
    ts.tv_nsec = static_cast<long>(std::fmod(ms, 1000.0) * 1e6);
    while (nanosleep(&ts, &ts) < 0 && errno == EINTR) {
    }
}

struct Agent {
    AgentHub* hub = nullptr;
    std::string source;
    pthread_t thread{};
    volatile int stop = 0;           // the agent runtime's interrupt flag (set at the end of the test)
    JSRuntime* rt = nullptr;         // while the agent's runtime lives (under the hub's lock)
    bool ready = false;              // its script ran (receiveBroadcast is registered if it will be)
    bool finished = false;           // its thread is leaving
    uint64_t seen = 0;               // the broadcasts it took
    JSValue callback = JS_UNDEFINED; // receiveBroadcast's function (the agent's runtime)
};

} // namespace

struct AgentHub {
    std::mutex lock;
    std::condition_variable changed; // an agent became ready, took a broadcast, or finished; or a new one
    std::vector<Agent*> agents;
    std::deque<std::string> reports;
    std::vector<uint8_t> message; // the broadcast SharedArrayBuffer's image
    double num = 0;
    uint64_t generation = 0;
    size_t memory_limit = 0;
    std::string test_dir;
    double deadline = 0; // monotonic ms after which the agent calls give up
};

namespace {

HostState* host_of(JSContext* ctx) {
    return static_cast<HostState*>(JS_GetRuntimeOpaque(JS_GetRuntime(ctx)));
}

Agent* agent_of(JSContext* ctx) {
    return static_cast<Agent*>(host_of(ctx)->agent);
}

// ---- the agent's side ----

JSValue agent_receive_broadcast(JSContext* ctx, JSValueConst, int argc, JSValueConst* argv) {
    Agent* a = agent_of(ctx);
    if (argc < 1 || !JS_IsFunction(ctx, argv[0]))
        return JS_ThrowTypeError(ctx, "receiveBroadcast: not a function");
    JS_FreeValue(ctx, a->callback);
    a->callback = JS_DupValue(ctx, argv[0]);
    return JS_UNDEFINED;
}

JSValue agent_report(JSContext* ctx, JSValueConst, int argc, JSValueConst* argv) {
    size_t len = 0;
    const char* s = JS_ToCStringLen(ctx, &len, argc > 0 ? argv[0] : JS_UNDEFINED);
    if (!s) return JS_EXCEPTION;
    std::string text(s, len);
    JS_FreeCString(ctx, s);
    AgentHub* hub = agent_of(ctx)->hub;
    std::lock_guard<std::mutex> guard(hub->lock);
    hub->reports.push_back(std::move(text));
    return JS_UNDEFINED;
}

JSValue agent_leaving(JSContext*, JSValueConst, int, JSValueConst*) {
    return JS_UNDEFINED; // the agent stays until the test ends, to settle what it still waits for
}

// sleep(ms), for agents and the main thread.
JSValue host_sleep(JSContext* ctx, JSValueConst, int argc, JSValueConst* argv) {
    double ms = 0;
    if (JS_ToFloat64(ctx, &ms, argc > 0 ? argv[0] : JS_UNDEFINED) < 0) return JS_EXCEPTION;
    sleep_ms(std::min(ms, kWallLimitMs));
    HostState* host = host_of(ctx);
    AgentHub* hub = host->agent ? agent_of(ctx)->hub : host->agents;
    if (hub && monotonic_ms() > hub->deadline)
        return JS_ThrowInternalError(ctx, "$262.agent: the test exceeded its wall-clock limit");
    return JS_UNDEFINED;
}

JSValue host_monotonic_now(JSContext* ctx, JSValueConst, int, JSValueConst*) {
    return JS_NewFloat64(ctx, monotonic_ms());
}

bool define_function(JSContext* ctx, JSValueConst obj, const char* name, JSCFunction* fn, int length) {
    JSValue f = JS_NewCFunction(ctx, fn, name, length);
    if (JS_IsException(f)) return false;
    return JS_DefinePropertyValueStr(ctx, obj, name, f, JS_PROP_WRITABLE | JS_PROP_CONFIGURABLE) >= 0;
}

bool install_agent_side(JSContext* ctx) {
    JSValue global = JS_GetGlobalObject(ctx);
    JSValue t = JS_NewObject(ctx);
    JSValue agent = JS_NewObject(ctx);
    bool ok = !JS_IsException(t) && !JS_IsException(agent) &&
              define_function(ctx, agent, "receiveBroadcast", agent_receive_broadcast, 1) &&
              define_function(ctx, agent, "report", agent_report, 1) &&
              define_function(ctx, agent, "leaving", agent_leaving, 0) &&
              define_function(ctx, agent, "sleep", host_sleep, 1) &&
              define_function(ctx, agent, "monotonicNow", host_monotonic_now, 0) &&
              JS_DefinePropertyValueStr(ctx, t, "agent", JS_DupValue(ctx, agent), JS_PROP_C_W_E) >= 0 &&
              JS_DefinePropertyValueStr(ctx, global, "$262", JS_DupValue(ctx, t), JS_PROP_C_W_E) >= 0;
    JS_FreeValue(ctx, agent);
    JS_FreeValue(ctx, t);
    JS_FreeValue(ctx, global);
    return ok;
}

// Runs the agent's jobs, dropping what they throw (an agent's errors are not the test's).
// Jobs that keep queueing jobs still let due Atomics.waitAsync waiters settle.
void run_agent_jobs(JSRuntime* rt, const volatile int* stop) {
    for (uint32_t jobs = 1; !*stop; ++jobs) {
        JSContext* job_ctx = nullptr;
        int r = JS_ExecutePendingJob(rt, &job_ctx);
        if (r == 0) return;
        if (r < 0 && job_ctx) JS_FreeValue(job_ctx, JS_GetException(job_ctx));
        if ((jobs & 255) == 0) js_std_atomics_poll(rt, 0);
    }
}

void call_broadcast_callback(JSContext* ctx, Agent* a, const std::vector<uint8_t>& message, double num) {
    JSValue sab = JS_ReadObject(ctx, message.data(), message.size(), JS_READ_OBJ_SAB);
    if (JS_IsException(sab)) {
        JS_FreeValue(ctx, JS_GetException(ctx));
        return;
    }
    JSValue args[2] = {sab, JS_NewFloat64(ctx, num)};
    JSValue r = JS_Call(ctx, a->callback, JS_UNDEFINED, 2, args);
    if (JS_IsException(r)) JS_FreeValue(ctx, JS_GetException(ctx));
    JS_FreeValue(ctx, r);
    JS_FreeValue(ctx, sab);
}

// The agent's loop: broadcasts, jobs and settled Atomics.waitAsync promises until the test ends.
void agent_loop(JSContext* ctx, Agent* a) {
    JSRuntime* rt = JS_GetRuntime(ctx);
    AgentHub* hub = a->hub;
    for (;;) {
        run_agent_jobs(rt, &a->stop);
        std::vector<uint8_t> message;
        double num = 0;
        {
            std::unique_lock<std::mutex> guard(hub->lock);
            if (a->stop) return;
            if (a->seen < hub->generation) {
                a->seen = hub->generation;
                message = hub->message;
                num = hub->num;
                hub->changed.notify_all();
            }
        }
        if (!message.empty()) {
            if (!JS_IsUndefined(a->callback)) call_broadcast_callback(ctx, a, message, num);
            continue;
        }
        int waiting = js_std_atomics_poll(rt, 0);
        if (JS_IsJobPending(rt)) continue;
        if (waiting > 0) {
            // Sleeps until a notify or a timeout of its own; a broadcast meanwhile waits a little.
            js_std_atomics_poll(rt, 20);
            continue;
        }
        std::unique_lock<std::mutex> guard(hub->lock);
        if (!a->stop && a->seen == hub->generation) hub->changed.wait(guard);
    }
}

void* agent_main(void* arg) {
    auto* a = static_cast<Agent*>(arg);
    AgentHub* hub = a->hub;
    std::string printed; // an agent's print() output is dropped
    HostState host;
    host.printed = &printed;
    host.test_dir = hub->test_dir;
    host.interrupt = &a->stop;
    host.agent = a;
    JSRuntime* rt = new_test_runtime(hub->memory_limit, &host);
    JSContext* ctx = rt ? JS_NewContext(rt) : nullptr;
    bool ok = ctx && install_agent_side(ctx);
    {
        std::lock_guard<std::mutex> guard(hub->lock);
        a->rt = rt;
    }
    if (ok) {
        JSValue r = JS_Eval(ctx, a->source.data(), a->source.size(), "agent.js", JS_EVAL_TYPE_GLOBAL);
        if (JS_IsException(r)) JS_FreeValue(ctx, JS_GetException(ctx));
        JS_FreeValue(ctx, r);
    }
    {
        std::lock_guard<std::mutex> guard(hub->lock);
        a->ready = true;
        hub->changed.notify_all();
    }
    if (ok) agent_loop(ctx, a);
    {
        std::lock_guard<std::mutex> guard(hub->lock);
        a->rt = nullptr; // no interrupt reaches it any more
    }
    if (ctx) {
        JS_FreeValue(ctx, a->callback);
        a->callback = JS_UNDEFINED;
        js_std_atomics_release(rt);
        JS_FreeContext(ctx);
    }
    if (rt) JS_FreeRuntime(rt);
    std::lock_guard<std::mutex> guard(hub->lock);
    a->finished = true;
    hub->changed.notify_all();
    return nullptr;
}

// ---- the main thread's side ----

AgentHub* hub_for(JSContext* ctx) {
    HostState* host = host_of(ctx);
    if (!host->agents) {
        auto* hub = new (std::nothrow) AgentHub();
        if (!hub) return nullptr;
        hub->memory_limit = host->memory_limit;
        hub->test_dir = host->test_dir;
        hub->deadline = monotonic_ms() + kWallLimitMs;
        host->agents = hub;
    }
    return host->agents;
}

// Waits until `done` holds (under the hub's lock); false past the hub's deadline.
template <typename Done> bool wait_for(AgentHub* hub, std::unique_lock<std::mutex>& guard, Done done) {
    while (!done()) {
        double left = hub->deadline - monotonic_ms();
        if (left <= 0) return false;
        hub->changed.wait_for(guard,
                              std::chrono::milliseconds(static_cast<int64_t>(std::min(left, 1000.0)) + 1));
    }
    return true;
}

JSValue agent_start(JSContext* ctx, JSValueConst, int argc, JSValueConst* argv) {
    size_t len = 0;
    const char* s = JS_ToCStringLen(ctx, &len, argc > 0 ? argv[0] : JS_UNDEFINED);
    if (!s) return JS_EXCEPTION;
    AgentHub* hub = hub_for(ctx);
    auto* a = hub ? new (std::nothrow) Agent() : nullptr;
    if (!a) {
        JS_FreeCString(ctx, s);
        return JS_ThrowOutOfMemory(ctx);
    }
    a->hub = hub;
    a->source.assign(s, len);
    JS_FreeCString(ctx, s);
    {
        std::lock_guard<std::mutex> guard(hub->lock);
        a->seen = hub->generation;
    }
    pthread_attr_t attr;
    pthread_attr_init(&attr);
    pthread_attr_setstacksize(&attr, 8 << 20); // the engine's default stack limit needs room
    sigset_t all, saved;
    sigfillset(&all);
    pthread_sigmask(SIG_BLOCK, &all, &saved); // the timeout signal stays with the main thread
    int err = pthread_create(&a->thread, &attr, agent_main, a);
    pthread_sigmask(SIG_SETMASK, &saved, nullptr);
    pthread_attr_destroy(&attr);
    if (err) {
        delete a;
        return JS_ThrowInternalError(ctx, "$262.agent.start: cannot create a thread");
    }
    std::unique_lock<std::mutex> guard(hub->lock);
    hub->agents.push_back(a);
    // Blocks until the agent runs (INTERPRETING.md): here, until its script has run.
    if (!wait_for(hub, guard, [a] { return a->ready; }))
        return JS_ThrowInternalError(ctx, "$262.agent.start: the agent did not start");
    return JS_UNDEFINED;
}

JSValue agent_broadcast(JSContext* ctx, JSValueConst, int argc, JSValueConst* argv) {
    AgentHub* hub = hub_for(ctx);
    if (!hub) return JS_ThrowOutOfMemory(ctx);
    double num = 0;
    if (argc > 1 && JS_ToFloat64(ctx, &num, argv[1]) < 0) return JS_EXCEPTION;
    size_t size = 0;
    uint8_t** blocks = nullptr;
    size_t block_count = 0;
    uint8_t* image = JS_WriteObject2(ctx, &size, argc > 0 ? argv[0] : JS_UNDEFINED, JS_WRITE_OBJ_SAB, &blocks,
                                     &block_count);
    if (!image) return JS_EXCEPTION;
    js_free(ctx, blocks); // the broadcast buffer keeps its block alive until every agent has read it
    std::unique_lock<std::mutex> guard(hub->lock);
    hub->message.assign(image, image + size);
    js_free(ctx, image);
    hub->num = num;
    uint64_t generation = ++hub->generation;
    hub->changed.notify_all();
    bool taken = wait_for(hub, guard, [hub, generation] {
        for (Agent* a : hub->agents)
            if (a->seen < generation && !a->finished) return false;
        return true;
    });
    if (!taken) return JS_ThrowInternalError(ctx, "$262.agent.broadcast: an agent did not take the message");
    return JS_UNDEFINED;
}

JSValue agent_get_report(JSContext* ctx, JSValueConst, int, JSValueConst*) {
    AgentHub* hub = host_of(ctx)->agents;
    if (!hub) return JS_NULL;
    std::string report;
    {
        std::lock_guard<std::mutex> guard(hub->lock);
        if (hub->reports.empty()) return JS_NULL;
        report = std::move(hub->reports.front());
        hub->reports.pop_front();
    }
    return JS_NewStringLen(ctx, report.data(), report.size());
}

} // namespace

bool install_agent_functions(JSContext* ctx, JSValueConst agent) {
    return define_function(ctx, agent, "start", agent_start, 1) &&
           define_function(ctx, agent, "broadcast", agent_broadcast, 2) &&
           define_function(ctx, agent, "getReport", agent_get_report, 0) &&
           define_function(ctx, agent, "sleep", host_sleep, 1) &&
           define_function(ctx, agent, "monotonicNow", host_monotonic_now, 0);
}

void rebind_agent_functions(JSRuntime* rt) {
    const struct {
        const char* name;
        JSCFunction* fn;
    } functions[] = {{"start", agent_start},
                     {"broadcast", agent_broadcast},
                     {"getReport", agent_get_report},
                     {"sleep", host_sleep},
                     {"monotonicNow", host_monotonic_now}};
    for (const auto& f : functions) {
        JSCFunctionType type;
        type.generic = f.fn;
        JS_RebindCFunction(rt, f.name, JS_CFUNC_generic, type);
    }
}

bool hub_has_agents(const AgentHub* hub) {
    return hub && !hub->agents.empty();
}

void free_agent_hub(AgentHub* hub) {
    if (!hub) return;
    {
        std::lock_guard<std::mutex> guard(hub->lock);
        for (Agent* a : hub->agents) {
            a->stop = 1;
            if (a->rt) js_std_atomics_interrupt(a->rt);
        }
        hub->changed.notify_all();
    }
    for (Agent* a : hub->agents) {
        pthread_join(a->thread, nullptr);
        delete a;
    }
    delete hub;
}

} // namespace test262
