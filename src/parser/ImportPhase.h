// ImportPhase.h: the phase of an import (the import defer and source phase imports proposals), shared
// by the parser and the module compile info.
#pragma once

#include <cstdint>

namespace qjs {

// `import defer * as ns` links the module without evaluating it until the namespace is used;
// `import source x` asks for the module's source object (a SyntaxError for source text modules).
enum class ImportPhase : uint8_t { Evaluation, Defer, Source };

} // namespace qjs
