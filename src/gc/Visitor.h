// Visitor.h: the one way to enumerate a cell's outgoing references. The cycle collector, the leak
// report and the snapshot serializer are all EdgeVisitors.
#pragma once

#include "gc/Cell.h"

namespace qjs {

class Value;

class EdgeVisitor {
  public:
    virtual ~EdgeVisitor() = default;
    // A value slot held by the cell (may be a non-heap value; visitors ignore those).
    virtual void visit_value(Value&) = 0;
    // A strong pointer to another cell held outside a Value (shape of an object, bytecode of a closure).
    virtual void visit_cell(Cell*) = 0;
    // A weak reference (a WeakRef target, a FinalizationRegistry target or token): it does not keep
    // the cell alive. Visitors that only enumerate (snapshots, hashes) see it as a strong edge.
    virtual void visit_weak(Value& v) { visit_value(v); }
    // A WeakMap/WeakSet entry: `value` is alive only while `key` is (an ephemeron); the key is weak.
    virtual void visit_ephemeron(Value& key, Value& value) {
        visit_weak(key);
        visit_value(value);
    }
};

// Calls the visitor on every reference `cell` holds.
void visit_edges(Cell* cell, EdgeVisitor&);
// Drops every reference `cell` holds, leaving it empty but valid (used to break garbage cycles).
void clear_edges(Cell* cell);

// Cell kinds owned by the bytecode/vm stages provide these (bytecode/, vm/).
void visit_function_bytecode(Cell*, EdgeVisitor&);
void clear_function_bytecode(Cell*);
void free_function_bytecode(Cell*); // frees owned buffers (not the cell)
void visit_frame(Cell*, EdgeVisitor&);
void clear_frame(Cell*);
void free_frame(Cell*);

} // namespace qjs
