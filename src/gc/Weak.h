// Weak.h: weak references to cells.
//
// A weak reference is a Value slot in a holder object (a WeakRef target, a WeakMap/WeakSet key, a
// FinalizationRegistry target or unregister token) that keeps the cell's bits but not a count. The
// runtime's weak table maps each weakly referenced cell to its holders, and the cell carries
// Cell::kWeakTargetBit while it is listed. When the cell's count reaches zero (a plain drop or the
// cycle collector), destroy_cell calls weak_target_died before freeing it: the table entry goes and
// every holder's class hook clears the holder's references to the cell, so nothing ever sees a freed
// cell. The collector treats these slots as weak edges (EdgeVisitor::visit_weak / visit_ephemeron).
//
// Kept objects (ECMA-262 9.10 AddToKeptObjects / ClearKeptObjects) are strong references the runtime
// holds until the current job ends, so a WeakRef target stays observable for the rest of the job.
#pragma once

#include "runtime/Object.h"

namespace qjs {

// Called once per holder when `target` dies: clear every slot of `holder` that refers to it (with
// weak_slot_forget, since the weak table entry is already gone). The cell is still readable.
using WeakTargetDiedFn = void (*)(Object* holder, Cell* target);
void register_weak_holder_class(ClassId, WeakTargetDiedFn);

// Turns `slot` (a counted reference to an object or symbol held by `holder`) into a weak
// reference: the cell is listed under `holder` and the slot's count is given back. The caller must
// hold another reference to the cell meanwhile (an argument, a reader's table).
void weak_slot_make_weak(Runtime&, Object* holder, Value& slot);
// Drops the weak reference in `slot` (it becomes undefined without touching the cell's count).
void weak_slot_drop(Runtime&, Object* holder, Value& slot);
// Empties a weak slot whose table entry is already gone (from a WeakTargetDiedFn).
inline void weak_slot_forget(Value& slot) {
    slot.leak_cell();
}

// destroy_cell calls this for a cell with kWeakTargetBit whose count reached zero.
void weak_target_died(Runtime&, Cell*);
// Whether any cell is weakly referenced now (some cell carries kWeakTargetBit).
bool has_weak_targets(const Runtime&);

// 9.10.2 AddToKeptObjects / 9.10.1 ClearKeptObjects.
void add_to_kept_objects(Runtime&, const Value&);
void clear_kept_objects(Runtime&);

// Frees the weak table at runtime teardown (after every cell is gone).
void destroy_weak_state(Runtime&);

} // namespace qjs
