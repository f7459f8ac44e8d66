// Repl.h: the interactive mode of the qjs shell (Repl.cpp).
#pragma once

#include "quickjs.h"

#include <string>

namespace qjs::shell {

// Reads statements from stdin until end of input or \q; works on a terminal and on a pipe.
// Returns false when reading failed badly (never for script errors, which are printed).
bool run_repl(JSContext* ctx);

} // namespace qjs::shell
