// InterruptPoll.h: lets long native loops (sorting, serializing, joining, repeating) honour an
// interrupt request the way the interpreter does at backward jumps and calls.
#pragma once

#include "runtime/Context.h"

#include <cstdint>

namespace qjs {

// Defined with the interpreter (vm/Interpreter.cpp): clears the request and leaves the uncatchable
// InternalError("interrupted") pending.
Exception throw_interrupted(Context&);

// Counts one step of a long loop and, every 4096 steps, checks the runtime's interrupt flag (and
// polls the embedder's interrupt handler, every kInterruptPollInterval checks).
// Returns true when the loop must stop: the interrupt exception is then pending.
class InterruptPoll {
  public:
    explicit InterruptPoll(Context& ctx) : m_ctx(ctx) {}
    [[nodiscard]] bool step() {
        if ((++m_steps & (kInterval - 1)) != 0) [[likely]]
            return false;
        if (!m_ctx.rt().interrupt_pending()) return false; // the flag, or the embedder's handler
        throw_interrupted(m_ctx);
        return true;
    }

  private:
    static constexpr uint32_t kInterval = 4096;
    Context& m_ctx;
    uint32_t m_steps = 0;
};

} // namespace qjs
