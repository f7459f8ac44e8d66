// run_fuzzer.cpp: libFuzzer target that runs programs. The input is a script, run in a fresh realm
// after a small test262-style harness (assert, Test262Error, $DONE, print), then its jobs are run
// (at most kMaxJobs). The runtime's interrupt handler and memory limit stop endless loops and
// runaway allocation: those end in an uncatchable InternalError or an out-of-memory error, which is
// fine; a crash, a leak or a sanitizer report is a finding. Seeds: fuzz/corpus/run (small test262
// tests).
#include "FuzzRuntime.h"

#include <cstdint>
#include <string>

namespace {

constexpr int kMaxJobs = 1000;

const char kHarness[] =
    "function Test262Error(m) { this.message = m || ''; }\n"
    "Test262Error.prototype.toString = function () { return 'Test262Error: ' + this.message; };\n"
    "Test262Error.thrower = function (m) { throw new Test262Error(m); };\n"
    "function $DONOTEVALUATE() { throw 'unreachable'; }\n"
    "function assert(v, m) { if (v !== true) throw new Test262Error(m); }\n"
    "assert._isSameValue = function (a, b) { return a === b ? (a !== 0 || 1 / a === 1 / b) : (a !== a && b "
    "!== b); };\n"
    "assert.sameValue = function (a, b, m) { if (!assert._isSameValue(a, b)) throw new Test262Error(m); };\n"
    "assert.notSameValue = function (a, b, m) { if (assert._isSameValue(a, b)) throw new Test262Error(m); "
    "};\n"
    "assert.throws = function (C, f, m) { try { f(); } catch (e) { if (e === null || typeof e !== 'object' "
    "|| "
    "e.constructor !== C) throw new Test262Error(m); return; } throw new Test262Error(m); };\n"
    "assert.compareArray = function (a, b, m) { if (a.length !== b.length) throw new Test262Error(m); "
    "for (var i = 0; i < a.length; i++) assert.sameValue(a[i], b[i], m); };\n"
    "var compareArray = assert.compareArray;\n"
    "function $DONE(e) { if (e) throw e; }\n"
    "function print() {}\n"
    "var $262 = { gc() {}, global: globalThis, evalScript(s) { return (0, eval)(s); }, "
    "createRealm() { return $262; }, detachArrayBuffer(b) { if (b.transfer) b.transfer(); } };\n";

} // namespace

extern "C" int LLVMFuzzerTestOneInput(const uint8_t* data, size_t size) {
    static fuzz::FuzzRuntime engine;
    engine.begin(); // recycles the runtime now and then
    JSContext* ctx = JS_NewContext(engine.runtime());
    if (!ctx) return 0;
    JSValue h = JS_Eval(ctx, kHarness, sizeof kHarness - 1, "<harness>", JS_EVAL_TYPE_GLOBAL);
    if (JS_IsException(h)) JS_FreeValue(ctx, JS_GetException(ctx));
    JS_FreeValue(ctx, h);
    std::string source(reinterpret_cast<const char*>(data), size);
    JSValue r = JS_Eval(ctx, source.c_str(), source.size(), "<fuzz>", JS_EVAL_TYPE_GLOBAL);
    if (JS_IsException(r)) JS_FreeValue(ctx, JS_GetException(ctx));
    JS_FreeValue(ctx, r);
    for (int i = 0; i < kMaxJobs; ++i) {
        JSContext* job_ctx = nullptr;
        int status = JS_ExecutePendingJob(engine.runtime(), &job_ctx);
        if (status == 0) break;
        if (status < 0) JS_FreeValue(job_ctx, JS_GetException(job_ctx));
    }
    JS_FreeContext(ctx);
    JS_RunGC(engine.runtime());
    return 0;
}
