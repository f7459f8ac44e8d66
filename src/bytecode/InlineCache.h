// InlineCache.h: per-instruction property caches for get_field/put_field/get_var/put_var.
//
// A cache remembers the shape an object had and the slot where the property was found. The shape
// is a strong reference (a cached shape must not be freed and its address reused by a different
// shape). A hit is `obj->m_shape == ic.shape`; a miss calls the generic operation and refills.
#pragma once

#include "runtime/Shape.h"

#include <cstdint>

namespace qjs {

struct InlineCache {
    enum Kind : uint8_t {
        Own = 0,     // the property is in the object's own slot `slot`
        Proto = 1,   // it is in the slot of the shape's prototype, whose shape is `aux`
        Global = 2,  // get_var/put_var: in the global object (shape), while the lexicals have shape `aux`
        Lexical = 3, // get_var/put_var: in the global lexicals object (shape)
        Add = 4,     // put_field: adding the property moves an object from `shape` to `aux`, slot `slot`
    };
    Shape* shape = nullptr; // strong reference, or null when empty
    Shape* aux = nullptr;   // strong reference, or null
    uint32_t slot = 0;
    Kind kind = Own;
};

// Empties the cache, dropping its shape references.
void ic_reset(InlineCache&);
// Fills the cache (takes new references to the shapes).
void ic_fill(InlineCache&, InlineCache::Kind, Shape* shape, Shape* aux, uint32_t slot);

} // namespace qjs
