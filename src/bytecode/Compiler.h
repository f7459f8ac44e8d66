// Compiler.h: entry points of the front end: source text -> parse -> scope analysis -> bytecode.
// Parse errors become thrown SyntaxErrors ("file:line:col: message"); nesting too deep becomes a
// RangeError.
#pragma once

#include "runtime/Atom.h"
#include "runtime/Value.h"

#include <cstddef>
#include <cstdint>

namespace qjs {

class Context;
struct FunctionBytecode;

// Compiles a classic script (global code). The result is a new reference.
Result<FunctionBytecode*> compile_script(Context&, const char* utf8, size_t length, Atom filename,
                                         bool strict);

// What the caller of a direct eval provides.
struct EvalCaller {
    FunctionBytecode* function = nullptr; // the calling function's bytecode
    uint32_t eval_site = 0;               // operand of the direct eval call instruction (scope snapshot)
};

// Compiles eval code. For a direct eval, `caller` describes the calling code (its visible bindings
// become the eval function's closure variables, in the order of the caller's eval-site snapshot);
// nullptr for an indirect eval (global code in the realm).
Result<FunctionBytecode*> compile_eval(Context&, const char* utf8, size_t length, const EvalCaller* caller,
                                       bool strict_caller);

enum class DynamicFunctionKind : uint8_t;

// CreateDynamicFunction (20.2.1.1.1): compiles `function anonymous(params\n) {\nbody\n}` (or the
// generator/async forms). Returns the bytecode of the function itself (not of a script): the caller
// creates the closure in the global scope.
Result<FunctionBytecode*> compile_dynamic_function(Context&, DynamicFunctionKind kind, const char* params,
                                                   size_t params_length, const char* body,
                                                   size_t body_length);

} // namespace qjs
