// Symbol.h: symbols. Each symbol owns an atom so it can be a property key.
#pragma once

#include "gc/Cell.h"
#include "runtime/Atom.h"
#include "runtime/Value.h"

namespace qjs {

class Symbol : public Cell {
  public:
    Symbol() : Cell(CellKind::Symbol) {}
    Value description;          // a string, or undefined
    Atom atom = atoms::invalid; // the property key for this symbol
    bool is_registered = false; // created by Symbol.for (its description is the registry key)

    // Cell::m_bits flag of a Private Name (a class's `#x`): a key [[OwnPropertyKeys]] never lists.
    static constexpr uint16_t kPrivateBit = 0x8000;
    bool is_private() const { return (m_bits & kPrivateBit) != 0; }
};

inline Value Value::symbol(Symbol* s) {
    return Value::cell(Tag::Symbol, s);
}

} // namespace qjs
