// Executor.cpp: the per-test logic: modes, harness files, negative and async tests, leak check.
#include "Executor.h"

#include "Metadata.h"
#include "api/Engine.h"

#include <atomic>
#include <csignal>
#include <sys/time.h>

namespace test262 {

namespace api = qjs::api;

namespace {

std::atomic<api::Engine*> g_running_engine{nullptr};
volatile sig_atomic_t g_timed_out = 0;

static_assert(std::atomic<api::Engine*>::is_always_lock_free, "the signal handler reads it");

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

std::string describe_error(const api::EvalResult& result) {
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
TestResult judge_eval(const Metadata& meta, const api::EvalResult& result) {
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

TestResult judge_async(api::Engine* engine, const std::string& printed) {
    api::EvalResult job_error;
    if (!api::run_jobs(engine, &job_error)) return fail("in a job: " + describe_error(job_error));
    size_t failure = printed.find("Test262:AsyncTestFailure");
    if (failure != std::string::npos) return fail(first_line(std::string_view(printed).substr(failure)));
    if (printed.find("Test262:AsyncTestComplete") == std::string::npos)
        return fail("async test did not print Test262:AsyncTestComplete");
    return {Status::Pass, {}, {}};
}

// Module tests import files (the *_FIXTURE.js files) relative to the importing file; code without
// a file of its own (evalScript, Function bodies) imports relative to the test.
struct TestLoader {
    const ExecContext* ctx;
    const std::string* rel_path;
};

bool load_test_module(void* opaque, const std::string& specifier, const std::string& referrer,
                      std::string* resolved_name, std::string* source) {
    auto* loader = static_cast<TestLoader*>(opaque);
    const std::string& base = referrer.find('/') == std::string::npos ? *loader->rel_path : referrer;
    *resolved_name = api::resolve_module_path(specifier, base);
    return read_file(loader->ctx->test_dir + "/" + *resolved_name, source);
}

// Saves the VM, frees it (checking for leaks) and continues in a VM restored from the bytes.
TestResult round_trip(const ExecContext& ctx, api::Engine*& engine, api::Realm*& realm, TestLoader* loader) {
    std::vector<uint8_t> bytes;
    std::string error;
    if (!api::snapshot_write(engine, bytes, error)) return fail("snapshot: " + error);
    api::realm_free(realm);
    g_running_engine.store(nullptr);
    size_t leaked = api::engine_free(engine);
    realm = nullptr;
    engine = api::snapshot_restore(bytes.data(), bytes.size(), ctx.memory_limit, &realm, error);
    if (!engine) {
        // The caller frees an engine: give it an empty one.
        engine = api::engine_new(ctx.memory_limit);
        realm = api::realm_new(engine);
        return fail("restore: " + error);
    }
    api::set_module_loader(engine, load_test_module, loader);
    g_running_engine.store(engine);
    if (leaked) return fail("leak before the snapshot: " + std::to_string(leaked) + " cells");
    return {Status::Pass, {}, {}};
}

TestResult run_mode(const ExecContext& ctx, const Metadata& meta, const std::string& rel_path,
                    const std::string& source, api::EvalMode mode, bool is_module = false) {
    api::Engine* engine = api::engine_new(ctx.memory_limit);
    TestLoader loader{&ctx, &rel_path};
    api::set_module_loader(engine, load_test_module, &loader);
    g_running_engine.store(engine);
    api::Realm* realm = api::realm_new(engine);
    std::string printed;
    api::install_test262_host(realm, &printed);

    TestResult result{Status::Pass, {}, {}};
    if (!meta.has_flag(FlagRaw)) {
        auto eval_harness = [&](std::string_view name) {
            if (result.status != Status::Pass) return;
            const std::string* text = ctx.harness->find(name);
            if (!text) {
                result = fail("missing harness file " + std::string(name));
                return;
            }
            std::string filename = "harness/" + std::string(name);
            api::EvalResult r = api::eval_script(realm, *text, filename, api::EvalMode::Sloppy);
            if (!r.ok) result = fail("in " + filename + ": " + describe_error(r));
        };
        eval_harness("assert.js");
        eval_harness("sta.js");
        if (meta.has_flag(FlagAsync)) eval_harness("doneprintHandle.js");
        for (const std::string& include : meta.includes)
            eval_harness(include);
    }

    if (result.status == Status::Pass) {
        api::EvalResult r;
        if (is_module) {
            r = api::eval_module(realm, source, rel_path);
        } else if (mode == api::EvalMode::Strict) {
            std::string strict_source = "\"use strict\";\n";
            strict_source += source;
            r = api::eval_script(realm, strict_source, rel_path, mode);
        } else {
            r = api::eval_script(realm, source, rel_path, mode);
        }
        result = judge_eval(meta, r);
        if (result.status == Status::Pass && r.ok && ctx.snapshot_round_trip)
            result = round_trip(ctx, engine, realm, &loader);
        if (result.status == Status::Pass && meta.has_flag(FlagAsync))
            result = judge_async(engine, printed);
        else if (result.status == Status::Pass && ctx.snapshot_round_trip) {
            api::EvalResult job_error;
            if (!api::run_jobs(engine, &job_error))
                result = fail("in a job after the restore: " + describe_error(job_error));
        }
    }

    api::realm_free(realm);
    g_running_engine.store(nullptr);
    size_t leaked = api::engine_free(engine);
    if (g_timed_out) return TestResult{Status::Timeout, "timeout (interrupted)", {}};
    if (leaked != 0 && result.status == Status::Pass)
        result = fail("leak: " + std::to_string(leaked) + " cells alive at engine_free");
    return result;
}

} // namespace

void on_timeout_signal() {
    g_timed_out = 1;
    if (api::Engine* engine = g_running_engine.load()) api::request_interrupt(engine);
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
        result = run_mode(ctx, meta, rel_path, source, api::EvalMode::Strict, true);
    }
    if (sloppy) {
        arm_timer(ctx.timeout_seconds);
        result = run_mode(ctx, meta, rel_path, source, api::EvalMode::Sloppy);
    }
    if (strict && result.status == Status::Pass && !g_timed_out) {
        arm_timer(ctx.timeout_seconds);
        result = run_mode(ctx, meta, rel_path, source, api::EvalMode::Strict);
        if (result.status != Status::Pass && sloppy) result.reason = "[strict] " + result.reason;
    }
    arm_timer(0);
    if (g_timed_out && result.status != Status::Timeout) result = TestResult{Status::Timeout, "timeout", {}};
    return result;
}

} // namespace test262
