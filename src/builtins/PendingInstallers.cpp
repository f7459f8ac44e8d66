// Temporary: installers of builtin families not merged yet (each is removed when its family lands).
#include "builtins/Builtins.h"
namespace qjs {
} // namespace qjs
