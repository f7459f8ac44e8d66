// Interpreter.h: the interpreter's entry points for the rest of the engine.
#pragma once

#include "runtime/Value.h"

namespace qjs {

class Context;
class FunctionBytecode;

// Runs top-level script code (or indirect-eval code: global code of the realm) with this = the
// global object. Returns the completion value.

} // namespace qjs
