// Backtrace.h: the `stack` string of errors (owned by the interpreter stage).
#pragma once

#include "runtime/Value.h"

namespace qjs {

class Context;

// "    at fname (file:line:col)" lines for the running JS frames, as a string value.
Value capture_stack_trace(Context&);

} // namespace qjs
