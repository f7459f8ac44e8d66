// VarRef.h: a captured variable. Variables that closures capture live in a VarRef from the start
// of their scope (the compiler knows which), so closures and frames share the cell and nothing needs
// to be "closed over" when a frame exits; a suspended frame is just more heap.
#pragma once

#include "gc/Cell.h"
#include "runtime/Value.h"

namespace qjs {

class VarRef : public GcCell {
  public:
    VarRef() : GcCell(CellKind::VarRef) {}
    Value value; // Value::uninitialized() while in its TDZ
};

} // namespace qjs
