// Executor.cpp: the per-test logic: modes, harness files, negative and async tests, leak check.
#include "Executor.h"

#include "Host262.h"
#include "Metadata.h"

#include "quickjs-libc.h"

#include <csignal>
#include <cstring>
#include <sys/time.h>
#include <vector>

namespace test262 {

namespace {

// Set by the timeout signal; the running runtime's interrupt handler polls it.
volatile int g_timed_out = 0;

// The limit counts the worker's own CPU time (ITIMER_PROF: user + system), not wall time, so that a
// loaded machine slows a test down without making it time out; the pool keeps a wall-clock backstop.
void arm_timer(double seconds) {
    itimerval timer{};
    if (seconds > 0) {
        timer.it_value.tv_sec = static_cast<time_t>(seconds);
        timer.it_value.tv_usec =
            static_cast<suseconds_t>((seconds - static_cast<double>(timer.it_value.tv_sec)) * 1e6);
        if (timer.it_value.tv_sec == 0 && timer.it_value.tv_usec == 0) timer.it_value.tv_usec = 1;
    }
    setitimer(ITIMER_PROF, &timer, nullptr);
}

std::string describe_error(const EvalResult& result) {
    std::string text = result.error_name.empty() ? std::string("thrown") : result.error_name;
    if (!result.error_message.empty()) text += ": " + result.error_message;
    return first_line(text);
}

const char* phase_name(NegativePhase phase) {
    switch (phase) {
    case NegativePhase::Parse: return "parse";
    case NegativePhase::Resolution: return "resolution";
    case NegativePhase::Runtime: return "runtime";
    case NegativePhase::None: break;
    }
    return "none";
}

TestResult fail(std::string reason) {
    return TestResult{Status::Fail, std::move(reason), {}};
}

// Checks the outcome of evaluating the test's own source against its expectations.
TestResult judge_eval(const Metadata& meta, const EvalResult& result) {
    if (meta.negative_phase == NegativePhase::None) {
        if (!result.ok) return fail(describe_error(result));
        return {Status::Pass, {}, {}};
    }
    std::string expected = "expected " + meta.negative_type + " (" + phase_name(meta.negative_phase) + ")";
    if (result.ok) return fail(expected + " but the script completed");
    // A parse-phase error must come from the compiler, a runtime one from running code.
    bool early = meta.negative_phase == NegativePhase::Parse;
    if (result.early_error != early)
        return fail(expected + ", got a " + (result.early_error ? "parse" : "runtime") + "-phase " +
                    describe_error(result));
    if (result.error_name != meta.negative_type) return fail(expected + ", got " + describe_error(result));
    return {Status::Pass, {}, {}};
}

TestResult judge_async(JSRuntime* rt, const std::string& printed) {
    EvalResult job_error;
    if (!run_jobs(rt, &job_error)) return fail("in a job: " + describe_error(job_error));
    size_t failure = printed.find("Test262:AsyncTestFailure");
    if (failure != std::string::npos) return fail(first_line(std::string_view(printed).substr(failure)));
    if (printed.find("Test262:AsyncTestComplete") == std::string::npos)
        return fail("async test did not print Test262:AsyncTestComplete");
    return {Status::Pass, {}, {}};
}

// One mode's VM: a runtime and its first context (the realms $262.createRealm makes are the
// runtime's, freed with it).
struct Vm {
    JSRuntime* rt = nullptr;
    JSContext* ctx = nullptr;
    // Frees both; returns the number of cells still alive (leaked).
    size_t free() {
        if (rt) js_std_atomics_release(rt); // Atomics.waitAsync waiters still pending
        if (ctx) JS_FreeContext(ctx);
        size_t leaked = rt ? JS_FreeRuntimeLeakCount(rt) : 0;
        rt = nullptr;
        ctx = nullptr;
        return leaked;
    }
};

// Saves the VM, frees it (checking for leaks) and continues in a VM restored from the bytes.
TestResult round_trip(const ExecContext& ctx, Vm& vm, HostState* host) {
    char error[256] = "";
    size_t size = 0;
    uint8_t* written = JS_WriteSnapshot(vm.rt, &size, error, sizeof error);
    if (!written) return fail(std::string("snapshot: ") + error);
    std::vector<uint8_t> bytes(written, written + size);
    js_free_rt(vm.rt, written);
    size_t leaked = vm.free();
    vm.rt = new_test_runtime(ctx.memory_limit, host);
    if (!vm.rt) return fail("restore: out of memory");
    vm.ctx = JS_RestoreSnapshot(vm.rt, bytes.data(), bytes.size(), error, sizeof error);
    if (!vm.ctx) return fail(std::string("restore: ") + error);
    rebind_test262_host(vm.rt);
    if (leaked) return fail("leak before the snapshot: " + std::to_string(leaked) + " cells");
    return {Status::Pass, {}, {}};
}

TestResult run_mode(const ExecContext& ctx, const Metadata& meta, const std::string& rel_path,
                    const std::string& source, bool strict, bool is_module = false) {
    std::string printed;
    HostState host;
    host.printed = &printed;
    host.test_dir = ctx.test_dir;
    host.rel_path = &rel_path;
    host.interrupt = &g_timed_out;
    host.memory_limit = ctx.memory_limit;
    Vm vm;
    vm.rt = new_test_runtime(ctx.memory_limit, &host);
    // DoWait's AgentCanSuspend(): tests of an agent that cannot block say so.
    if (vm.rt) JS_SetCanBlock(vm.rt, !meta.has_flag(FlagCanBlockIsFalse));
    vm.ctx = vm.rt ? JS_NewContext(vm.rt) : nullptr;
    TestResult result{Status::Pass, {}, {}};
    if (!vm.ctx || !install_test262_host(vm.ctx)) {
        vm.free();
        return fail("cannot create the engine (out of memory)");
    }

    if (!meta.has_flag(FlagRaw)) {
        auto eval_harness = [&](std::string_view name) {
            if (result.status != Status::Pass) return;
            const std::string* text = ctx.harness->find(name);
            if (!text) {
                result = fail("missing harness file " + std::string(name));
                return;
            }
            std::string filename = "harness/" + std::string(name);
            EvalResult r = eval_script(vm.ctx, *text, filename, false);
            if (!r.ok) result = fail("in " + filename + ": " + describe_error(r));
        };
        eval_harness("assert.js");
        eval_harness("sta.js");
        if (meta.has_flag(FlagAsync)) eval_harness("doneprintHandle.js");
        for (const std::string& include : meta.includes)
            eval_harness(include);
    }

    if (result.status == Status::Pass) {
        EvalResult r;
        if (is_module) {
            r = eval_module(vm.ctx, source, rel_path);
        } else if (strict) {
            std::string strict_source = "\"use strict\";\n";
            strict_source += source;
            r = eval_script(vm.ctx, strict_source, rel_path, true);
        } else {
            r = eval_script(vm.ctx, source, rel_path, false);
        }
        result = judge_eval(meta, r);
        // Memory shared with agents, or Atomics.waitAsync waiters the host holds, do not survive a
        // snapshot: such tests finish in their first VM.
        bool shared = hub_has_agents(host.agents) || js_std_atomics_poll(vm.rt, 0) != 0;
        if (result.status == Status::Pass && r.ok && ctx.snapshot_round_trip && !shared)
            result = round_trip(ctx, vm, &host);
        if (result.status == Status::Pass && meta.has_flag(FlagAsync))
            result = judge_async(vm.rt, printed);
        else if (result.status == Status::Pass && ctx.snapshot_round_trip) {
            EvalResult job_error;
            if (!run_jobs(vm.rt, &job_error))
                result = fail("in a job after the restore: " + describe_error(job_error));
        }
    }

    free_agent_hub(host.agents);
    host.agents = nullptr;
    size_t leaked = vm.free();
    if (g_timed_out) return TestResult{Status::Timeout, "timeout (interrupted)", {}};
    if (leaked != 0 && result.status == Status::Pass)
        result = fail("leak: " + std::to_string(leaked) + " cells alive at engine_free");
    return result;
}

} // namespace

void on_timeout_signal() {
    g_timed_out = 1;
}

TestResult run_test(const ExecContext& ctx, const std::string& rel_path) {
    if (ctx.config && ctx.config->skips_path(rel_path)) return {Status::Skip, "skip-path", {}};
    std::string source;
    if (!read_file(ctx.test_dir + "/" + rel_path, &source)) return fail("cannot read the test file");
    Metadata meta;
    std::string error;
    if (!parse_metadata(source, &meta, &error)) return fail("frontmatter: " + error);
    if (ctx.config) {
        for (const std::string& feature : meta.features) {
            if (ctx.config->skip_features.count(feature)) return {Status::Skip, "feature " + feature, {}};
        }
    }
    bool is_module = meta.has_flag(FlagModule);
    bool sloppy = !meta.has_flag(FlagOnlyStrict) && !is_module;
    bool strict = !meta.has_flag(FlagNoStrict) && !meta.has_flag(FlagRaw) && !is_module;

    // Each mode's run has the whole limit.
    g_timed_out = 0;
    TestResult result{Status::Pass, {}, {}};
    if (is_module) {
        arm_timer(ctx.timeout_seconds);
        result = run_mode(ctx, meta, rel_path, source, true, true);
    }
    if (sloppy) {
        arm_timer(ctx.timeout_seconds);
        result = run_mode(ctx, meta, rel_path, source, false);
    }
    if (strict && result.status == Status::Pass && !g_timed_out) {
        arm_timer(ctx.timeout_seconds);
        result = run_mode(ctx, meta, rel_path, source, true);
        if (result.status != Status::Pass && sloppy) result.reason = "[strict] " + result.reason;
    }
    arm_timer(0);
    if (g_timed_out && result.status != Status::Timeout) result = TestResult{Status::Timeout, "timeout", {}};
    return result;
}

} // namespace test262
