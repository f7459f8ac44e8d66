// HeapReader.h: the reader side of heap snapshots as class payload deserializers see it.
//
// Every read is bounds- and kind-checked; a failed read records the first error and returns false,
// and the caller returns false at once. Cells referenced by value()/cell() exist (all cells are
// allocated before any body is read) but may not be filled yet: a reader must not look inside them,
// except at what their entry fixed (kind, class id); invariants between cells are checked by the
// `check` hook after every body has been read.
#pragma once

#include "gc/Cell.h"
#include "runtime/Atom.h"
#include "snapshot/ByteStream.h"

#include <cstdint>

namespace qjs {

class Context;
class Object;
class Runtime;
class Value;
enum class ClassId : uint16_t;

class HeapReader {
  public:
    ByteReader& in() { return m_in; }
    Context& context() { return *m_ctx; }
    Runtime& rt() { return *m_rt; }
    bool fail(const char* why) { return m_in.fail(why); }

    bool u8(uint8_t* v) { return m_in.u8(v); }
    bool boolean(bool* v);
    bool varuint32(uint32_t* v, uint32_t max = UINT32_MAX) { return m_in.varuint32(v, max); }
    bool count(uint32_t* n, uint32_t max = UINT32_MAX); // an element count, bounded by what is left
    bool value(Value* out);
    // A value that must be an object of class `cls` (or, when allowed, undefined / any object).
    bool object_of_class(Value* out, ClassId cls, bool allow_undefined);
    bool object(Value* out, bool allow_undefined);
    // A cell of `kind` held outside a Value: a new reference (nullptr only when `allow_null`).
    bool cell(Cell** out, CellKind kind, bool allow_null);
    bool atom(Atom* out);
    bool realm(Context** out);
    bool native(uint32_t* id);

  protected:
    HeapReader(const uint8_t* data, size_t length) : m_in(data, length) {}
    ByteReader m_in;
    Context* m_ctx = nullptr; // the first realm (allocation and errors)
    Runtime* m_rt = nullptr;
};

} // namespace qjs
