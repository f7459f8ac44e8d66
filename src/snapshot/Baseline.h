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
//
// Most realms are never snapshotted, so creation only records the cells it made, in allocation order
// (cheap: no walk, no hashing). The first snapshot that needs the walk order and the creation hashes
// builds them (materialize_baseline) from a scratch realm created then: being deterministic, it makes
// the same cells in the same allocation order, so its walk gives the positions, and its hashes, with
// each scratch cell's address replaced by its counterpart's, are the creation hashes. A realm whose
// creation content is not reproducible (Math.random's seed) hashes that cell eagerly at creation.
#pragma once

#include "gc/Cell.h"
#include "runtime/Runtime.h"

namespace qjs {

class Context;

struct Baseline {
    // Walk order once captured; until then the gc cells (shapes aside) creation made, in allocation
    // order. Strong references either way.
    Vector<Cell*> cells;
    Vector<uint64_t> hashes;    // content hash of each cell at creation (empty until captured)
    Vector<Object*> intrinsics; // the realm's intrinsic table at creation (borrowed: cells hold them)
    uint64_t fingerprint = 0; // address-free digest of the walk (kinds, classes, keys): same in every process
    bool captured = false;
    // Creation: where the gc list ended when it began (a reference while creation runs).
    GcCell* tail = nullptr;
    // Cells whose creation content differs from realm to realm, hashed at creation.
    struct Eager {
        Cell* cell;
        uint64_t hash;
    };
    Vector<Eager> eager;
};

// At the start of Context::create: allocates the realm's baseline. False on OOM.
bool begin_baseline(Context&);
// At the end of Context::create: records the cells creation made. False on OOM.
bool finish_baseline(Context&);
// During creation: `cell`'s content is not the same in every realm (a random seed); it is hashed when
// creation finishes instead of from a scratch realm. False on OOM.
bool baseline_unrepeatable(Context&, Cell* cell);
enum class BaselineStatus : uint8_t {
    Ready,
    OutOfMemory,
    Mismatch, // the scratch realm made other cells than the realm's creation did (an engine bug)
};
// Makes the baseline's walk order, hashes and fingerprint available (once). `fresh`: nothing ran in
// the realm since its creation, so it is walked itself; otherwise a scratch realm is.
BaselineStatus materialize_baseline(Context&, bool fresh);
// Drops the baseline's references (Context::release).
void release_baseline(Context&);
// The content hash of a baseline-eligible cell now (same function as at capture).
uint64_t baseline_content_hash(Cell*);
// Whether a cell's state may change unseen by baseline_content_hash: objects of embedder classes, whose
// opaque payload only the embedder's hooks can read. Delta snapshots always write them again.
bool baseline_hides_state(Cell*);

} // namespace qjs
