// FuzzRuntime.h: the engine the in-process fuzz targets (fuzz/*_fuzzer.cpp) run their inputs in.
//
// Making a runtime and a realm for every input would spend most of the time installing built-ins, so
// one runtime and context are shared and replaced every kInputsPerRuntime inputs (whatever an input
// left behind, atoms or garbage, is bounded, and the teardown's leak check runs regularly). The
// runtime has a memory limit, and an interrupt handler that stops whatever runs after a fixed number
// of polls (a count, not a clock, so a finding replays the same way): begin() restarts the count and
// the engine's poll countdown, so every input gets the same budget whatever ran before it.
#pragma once

#include "quickjs.h"

#include <cstdio>
#include <cstdlib>

namespace fuzz {

class FuzzRuntime {
  public:
    static constexpr unsigned kInputsPerRuntime = 500;
    static constexpr size_t kMemoryLimit = 64u << 20;

    // The context for the next input, with the interrupt budget reset: the script stops at the
    // (polls + 1)-th handler call, the first one at the input's first interrupt check and then one every
    // 10000 checks (backward jumps and calls; in the regexp matcher, 256 backtracking steps each).
    JSContext* begin(long polls) {
        if (m_ctx && ++m_inputs >= kInputsPerRuntime) reset();
        if (!m_ctx) {
            m_rt = JS_NewRuntime();
            JS_SetMemoryLimit(m_rt, kMemoryLimit);
            m_ctx = JS_NewContext(m_rt);
            if (!m_ctx) std::abort();
            m_inputs = 0;
        }
        JS_SetInterruptHandler(m_rt, interrupt, this); // (re)starts the engine's poll countdown
        m_polls_left = polls;
        return m_ctx;
    }
    JSRuntime* runtime() const { return m_rt; }
    // True when the next begin() replaces the runtime (contexts the caller made must go first).
    bool replacing_runtime() const { return m_ctx && m_inputs + 1 >= kInputsPerRuntime; }

    // Drops the pending exception, if any.
    void clear_exception() { JS_FreeValue(m_ctx, JS_GetException(m_ctx)); }

    // Frees the engine; a leak reported by the teardown is a finding.
    void reset() {
        if (!m_ctx) return;
        JS_FreeContext(m_ctx);
        size_t leaks = JS_FreeRuntimeLeakCount(m_rt);
        m_ctx = nullptr;
        m_rt = nullptr;
        if (leaks) {
            std::fprintf(stderr, "fuzz: %zu cells leaked at runtime teardown\n", leaks);
            std::abort();
        }
    }

  private:
    static int interrupt(JSRuntime*, void* opaque) {
        auto* self = static_cast<FuzzRuntime*>(opaque);
        return --self->m_polls_left < 0 ? 1 : 0;
    }
    JSRuntime* m_rt = nullptr;
    JSContext* m_ctx = nullptr;
    unsigned m_inputs = 0;
    long m_polls_left = 0;
};

} // namespace fuzz
