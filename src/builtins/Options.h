// Options.h: reading an options argument (GetOptionsObject, #sec-getoptionsobject), shared by the builtins
// taking an options bag (Uint8Array base64, Iterator.zip, ...).
#pragma once

#include "runtime/Object.h"

namespace qjs {

// GetOptionsObject ( options ): nullptr for undefined (an empty options object, which cannot be observed),
// the object itself for an object, else a TypeError.
Result<Object*> get_options_object(Context&, const Value& options);
// ? Get(opts, name) on an object from get_options_object (undefined when it is nullptr).
Value get_option(Context&, Object* opts, const char* name);

} // namespace qjs
