// Builtins.h: installers of the builtin families (see Builtins.def).
#pragma once

namespace qjs {

class Context;

#define QJS_BUILTIN(name) bool install_##name(Context&);
#include "builtins/Builtins.def"
#undef QJS_BUILTIN

} // namespace qjs
