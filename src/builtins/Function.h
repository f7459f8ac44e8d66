// Function.h: function operations shared by builtins (Function.prototype.bind, ShadowRealm's wrapped
// functions).
#pragma once

#include "runtime/Value.h"

#include <cstddef>

namespace qjs {

class Context;
class Object;
struct CallArgs;

// CopyNameAndLength ( F, Target, prefix, argCount ): F's "length" from Target's (minus argCount, at
// least 0) and its "name" from Target's, after `prefix` and a space when prefix is not null
// (ShadowRealm.cpp).
Result<void> copy_name_and_length(Context&, Object* f, Object* target, const char* prefix, size_t arg_count);

// Function.prototype[@@hasInstance] (FunctionPrototype.cpp): the interpreter's instanceof skips
// calling it when a target inherits it unchanged.
Value function_proto_has_instance(Context&, const CallArgs&);

} // namespace qjs
