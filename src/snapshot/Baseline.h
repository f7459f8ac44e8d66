// Baseline.h: what a realm looked like when Context::create finished.
//
// Creating a realm is deterministic: the same engine build installs the same builtins in the same
// order, so a walk over the new realm's graph from its roots meets the same cells in the same order
// in every process. A snapshot refers to such a built-in cell by its position in that walk instead of
// copying it, and the restoring process creates a fresh realm and finds the cell at the same position.
// A built-in cell changed since creation (a property added to Array.prototype, the global object
// holding the program's functions) is written in full as an override of its fresh counterpart.
//
// Change detection compares a 64-bit content hash taken at creation (shape keys and attributes,
// prototype, slot and payload values by identity, flags) with one taken at snapshot time. The
// baseline holds a reference to each of its cells, so no address is reused while it exists, which
// keeps identity hashing sound.
#pragma once

#include "gc/Cell.h"
#include "runtime/Runtime.h"

namespace qjs {

class Context;

struct Baseline {
    Vector<Cell*> cells;        // the walk's order; strong references
    Vector<uint64_t> hashes;    // content hash of each cell at creation
    Vector<Object*> intrinsics; // the realm's intrinsic table at creation (borrowed: cells hold them)
    uint64_t fingerprint = 0; // address-free digest of the walk (kinds, classes, keys): same in every process
};

// Captures the realm's baseline (called at the end of Context::create). False on OOM.
bool capture_baseline(Context&);
// Drops the baseline's references (Context::release).
void release_baseline(Context&);
// The content hash of a baseline-eligible cell now (same function as at capture).
uint64_t baseline_content_hash(Cell*);
// Whether a cell's state may change unseen by baseline_content_hash: objects of embedder classes, whose
// opaque payload only the embedder's hooks can read. Delta snapshots always write them again.
bool baseline_hides_state(Cell*);

} // namespace qjs
