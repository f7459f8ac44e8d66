// run_fuzzer.cpp: libFuzzer target that runs programs. The input is a script, run in a realm set up
// with a small test262-style harness (assert, Test262Error, $DONE, print), then its jobs are run
// (at most kMaxJobs). Realms are shared by a few consecutive inputs (SharedRealm). The runtime's interrupt
// handler and memory limit stop endless loops and runaway allocation: those end in an uncatchable
// InternalError or an out-of-memory error, which is fine; a crash, a leak or a sanitizer report is a finding.
// Seeds: fuzz/corpus/run (small test262 tests).
#include "FuzzRuntime.h"

#include <cstdint>
#include <cstdlib>
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

// The realm the inputs run in. A new realm costs tens of milliseconds under the sanitizers (every
// built-in is created), far more than a typical input, so a few consecutive inputs share one, set up
// with the harness (QJS_FUZZ_INPUTS_PER_REALM, default 16; 1 gives every input its own realm, to check
// whether a finding stands alone or needs what an earlier input changed in its realm).
class SharedRealm {
  public:
    JSContext* next(fuzz::FuzzRuntime& engine) {
        // The realm goes before the runtime is replaced, and after its share of inputs.
        if (m_ctx && (engine.replacing_runtime() || ++m_inputs >= m_inputs_per_realm)) drop();
        JSContext* base = engine.begin(kPolls);
        if (!m_ctx) {
            m_ctx = JS_NewContext(JS_GetRuntime(base));
            if (!m_ctx) return nullptr;
            m_inputs = 0;
            JSValue h = JS_Eval(m_ctx, kHarness, sizeof kHarness - 1, "<harness>", JS_EVAL_TYPE_GLOBAL);
            if (JS_IsException(h)) JS_FreeValue(m_ctx, JS_GetException(m_ctx));
            JS_FreeValue(m_ctx, h);
        }
        return m_ctx;
    }
    // Frees the realm (before the runtime goes) and collects what the inputs left.
    void drop() {
        JSRuntime* rt = JS_GetRuntime(m_ctx);
        JS_FreeContext(m_ctx);
        m_ctx = nullptr;
        JS_RunGC(rt);
    }
    SharedRealm() {
        const char* env = std::getenv("QJS_FUZZ_INPUTS_PER_REALM");
        if (env && std::atoi(env) > 0) m_inputs_per_realm = static_cast<unsigned>(std::atoi(env));
    }

  private:
    // Interrupt polls per input: about 200,000 backward jumps and calls.
    static constexpr long kPolls = 20;
    JSContext* m_ctx = nullptr;
    unsigned m_inputs = 0;
    unsigned m_inputs_per_realm = 16;
};

constexpr size_t kMaxInput = 16384; // longer inputs are skipped: the seeds are far shorter

} // namespace

extern "C" int LLVMFuzzerTestOneInput(const uint8_t* data, size_t size) {
    static fuzz::FuzzRuntime engine;
    static SharedRealm realm;
    if (size > kMaxInput) return 0;
    JSContext* ctx = realm.next(engine);
    if (!ctx) return 0;
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
    return 0;
}
