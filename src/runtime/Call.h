// Call.h: [[Call]] and [[Construct]] for every kind of function object.
#pragma once

#include "runtime/Value.h"

#include <span>

namespace qjs {

class Context;
class Object;

Value call(Context&, const Value& function, const Value& this_value, std::span<const Value> args);
Value construct(Context&, const Value& function, std::span<const Value> args, const Value& new_target);
Value construct(Context&, const Value& function, std::span<const Value> args);

// Implemented by the interpreter (vm/): runs a bytecode function object.
Value call_bytecode_function(Context&, Object* function, const Value& this_value, std::span<const Value> args,
                             const Value& new_target);

} // namespace qjs
