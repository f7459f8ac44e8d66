// Temporary: installers of builtin families not merged yet (each is removed when its family lands).
#include "builtins/Builtins.h"
namespace qjs {
bool install_object(Context&) { return true; }
bool install_function(Context&) { return true; }
bool install_error(Context&) { return true; }
bool install_symbol(Context&) { return true; }
bool install_boolean(Context&) { return true; }
bool install_global(Context&) { return true; }
bool install_reflect(Context&) { return true; }
bool install_iterator(Context&) { return true; }
bool install_math(Context&) { return true; }
bool install_json(Context&) { return true; }
bool install_promise(Context&) { return true; }
} // namespace qjs
