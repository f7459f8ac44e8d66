// Atom.h: property keys and interned names as 32-bit integers.
//
// As in QuickJS, half of the range is reserved for array indexes 0..2^31-2 stored immediately
// (the high bit set); the other half indexes the runtime's atom table, whose entries are interned
// strings or symbols. Predefined atoms (Atoms.def, then the well-known symbols) have fixed numbers.
#pragma once

#include <cstdint>

namespace qjs {

using Atom = uint32_t;

constexpr Atom kAtomIndexBit = 0x80000000u;
constexpr uint32_t kMaxAtomIndex = 0x7ffffffeu; // largest index stored immediately

namespace atoms {
enum : Atom {
    invalid = 0,
#define QJS_ATOM(id, text) id,
#include "runtime/Atoms.def"
#undef QJS_ATOM
    first_well_known_symbol,
    last_string_atom = first_well_known_symbol - 1,
#define QJS_SYMBOL(id, text) sym_##id,
    sym_placeholder_ = first_well_known_symbol - 1,
#include "runtime/WellKnownSymbols.def"
#undef QJS_SYMBOL
    end_predefined,
};
} // namespace atoms

inline bool atom_is_index(Atom a) {
    return (a & kAtomIndexBit) != 0;
}
inline uint32_t atom_index_value(Atom a) {
    return a & ~kAtomIndexBit;
}
inline Atom atom_from_index(uint32_t i) {
    return i | kAtomIndexBit;
}

enum class WellKnownSymbol : uint8_t {
#define QJS_SYMBOL(id, text) id,
#include "runtime/WellKnownSymbols.def"
#undef QJS_SYMBOL
    Count
};

} // namespace qjs
