// HeapWriter.h: the writer side of heap snapshots as class payload serializers see it.
//
// A class with a C++ payload writes it with these calls (ClassSnapshotHooks in runtime/Object.h);
// references to other cells go through value()/cell(), which give them an index and queue them.
#pragma once

#include "gc/Cell.h"
#include "runtime/Atom.h"
#include "runtime/Runtime.h"
#include "snapshot/ByteStream.h"

namespace qjs {

class Context;
class Value;
class Shape;

class HeapWriter {
  public:
    ByteWriter& out() { return *m_out; }
    void value(const Value&);
    void cell(Cell*); // a reference held outside a Value (nullptr allowed)
    void atom(Atom);
    void realm(Context*); // nullptr allowed
    void native(uint32_t id);
    // Makes the snapshot fail with a message (e.g. an embedder payload that cannot be written).
    bool refuse(const char* fmt, ...) __attribute__((format(printf, 2, 3)));

  protected:
    ByteWriter* m_out = nullptr; // the section being written
};

} // namespace qjs
