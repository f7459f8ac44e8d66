// SnapshotFingerprint.h: what a snapshot's reader must agree on with its writer beyond the format
// itself: opcodes, classes, intrinsics and predefined atoms. Snapshots from another build whose
// tables differ are refused before anything is read.
#pragma once

#include "runtime/Context.h"
#include "snapshot/BytecodeImage.h"

#include <cstdint>

namespace qjs {

inline uint64_t snapshot_engine_fingerprint() {
    uint64_t h = opcode_table_fingerprint();
    h = h * 1000003u + static_cast<uint64_t>(ClassId::Count);
    h = h * 1000003u + static_cast<uint64_t>(Intrinsic::Count);
    h = h * 1000003u + atoms::end_predefined;
    return h;
}

} // namespace qjs
