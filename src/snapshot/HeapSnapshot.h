// HeapSnapshot.h: snapshots of a whole runtime (docs/SNAPSHOT.md specifies the format).
//
// write_heap_snapshot walks every cell reachable from the runtime's roots (its realms, the job queue,
// the event loop's timers) and writes them with the atoms and shapes they use. Built-in cells that are
// unchanged since their realm was created are written as references into that realm's baseline
// (snapshot/Baseline.h), so a fresh VM's snapshot is small. read_heap_snapshot rebuilds the realms in
// a fresh runtime and then the cells, validating every field and reference before use: malformed
// bytes give an error, never a crash.
#pragma once

#include "runtime/Object.h"
#include "snapshot/ByteStream.h"

#include <cstddef>
#include <cstdint>

namespace qjs {

class Runtime;

struct SnapshotError {
    char message[256] = {};
    void set(const char* fmt, ...) __attribute__((format(printf, 2, 3)));
};

// Refuses (false, `error` set) while JS code is on the stack, while an exception is pending, or when
// a reachable object's class has no snapshot support (the error names the class). A full snapshot
// becomes the runtime's delta base; a delta snapshot (`delta` true) holds only the cells that changed
// or appeared since that base and refers to the others by their index in it.
bool write_heap_snapshot(Runtime&, ByteWriter& out, SnapshotError& error, bool delta = false);

// Restores into `rt`, a fresh runtime without realms, a full snapshot and then, when given, a delta
// written against it. The full snapshot becomes the runtime's delta base. On failure the runtime holds
// partial state that is safe to destroy (and must be destroyed).
bool read_heap_snapshot(Runtime& rt, const uint8_t* data, size_t length, SnapshotError& error,
                        const uint8_t* delta = nullptr, size_t delta_length = 0);

// Format constants shared by the writer and the reader.
namespace snapshot_format {
constexpr uint8_t kMagic[4] = {'Q', 'J', 'S', 'S'};
constexpr uint16_t kVersion = 4; // 2: module import phases, deferred namespaces; 3: class prototypes;
                                 // 4: module request types
// magic, version, flags, engine fingerprint (u64), payload length (u64), payload CRC-32
constexpr size_t kHeaderSize = 4 + 2 + 2 + 8 + 8 + 4;

// Value encodings (a varuint tag, then the operand).
enum class ValueTag : uint8_t {
    Undefined = 0,
    Null = 1,
    False = 2,
    True = 3,
    Int32 = 4,   // varint
    Float64 = 5, // f64
    Uninitialized = 6,
    Cell = 7,            // varuint cell index
    WellKnownSymbol = 8, // varuint WellKnownSymbol
};

// What a cell-table entry describes.
enum class EntryKind : uint8_t {
    String = 0,   // flat characters follow
    BigInt = 1,   // limbs follow
    Symbol = 2,   // body: description, registered flag
    Object = 3,   // class id, trailing count; body: base object, then the class payload
    Bytecode = 4, // body: a FunctionBytecode
    VarRef = 5,   // body: the value
    Accessor = 6, // body: getter, setter
    Frame = 7,    // value count; body: a suspended generator/async frame
    Baseline = 8, // realm, baseline index, changed flag; body (when changed): as the cell's kind
    Base = 9,     // delta snapshots: index in the base snapshot, changed flag; body when changed
};

constexpr uint16_t kFlagDelta = 1; // header flag: a delta snapshot (its base's CRC and length follow)

enum class AtomEntry : uint8_t { Predefined = 0, Index = 1, String = 2, Symbol = 3 };

// Classes whose objects are the base object alone. Every other class must declare snapshot hooks
// (ClassHooks::snapshot) to be written or read, so a class that gains a payload is refused until it
// has them, instead of being restored short.
inline bool is_plain_class(ClassId c) {
    return c == ClassId::Object || c == ClassId::Array || c == ClassId::Arguments || c == ClassId::RawJSON;
}
} // namespace snapshot_format

} // namespace qjs
