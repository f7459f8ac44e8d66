// Placeholder until the interpreter provides frames: an empty stack string.
#include "vm/Backtrace.h"

#include "runtime/Context.h"

namespace qjs {

Value capture_stack_trace(Context& ctx) {
    return ctx.new_string("");
}

} // namespace qjs
