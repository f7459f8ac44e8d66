// InlineCache.h: per-instruction property caches for get_field/put_field/get_var/put_var.
//
// A cache remembers the shape an object had and the slot where the property was found. The shape
// is a strong reference (a cached shape must not be freed and its address reused by a different
// shape). A hit is `obj->m_shape == ic.shape`; a miss calls the generic operation and refills.
//
// A shape referenced by a cache is never changed in place (shapes are only extended or edited in
// place while their one object is their only user), so a cached shape pins both an object's
// prototype and the absence of other keys. A Proto hit `depth` levels up checks the shape of every
// object on the way: the receiver against `shape`, the intermediate prototypes against `chain`
// (depth - 1 shapes) and the holder against `aux`. Any change to a prototype on the path (a new or
// deleted property, changed attributes, a new prototype) gives it another shape, so the cache
// misses and refills.
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
    static constexpr uint8_t kMaxDepth = 6;     // deepest prototype level a Proto entry caches
    static constexpr uint32_t kPolyEntries = 3; // get_field: earlier entries kept besides this one
    // An add transition is cached only from a shape with fewer entries. A cached transition pins
    // both shapes, so an object built by many assignment sites (a namespace object, a prototype
    // getting its methods) got a copy of its whole shape per property added, each kept alive by its
    // site: quadratic time, and about 36 MB of shapes for 3,000 functions added to one object.
    // Bigger objects are built once; their adds extend their one-owner shape in place.
    static constexpr uint32_t kMaxAddShapeEntries = 32;

    Shape* shape = nullptr;  // strong reference, or null when empty
    Shape* aux = nullptr;    // strong reference, or null
    Shape** chain = nullptr; // Proto with depth > 1: depth - 1 strong references (runtime memory)
    // get_field sites that met several shapes: the kPolyEntries entries filled before this one
    // (most recent first; runtime memory, allocated at the first refill of a filled site).
    InlineCache* poly = nullptr;
    uint32_t slot = 0;
    Kind kind = Own;
    uint8_t depth = 0; // Proto: prototype level of the holder (1 = the receiver's prototype)
};

// Empties the cache, dropping its shape references (and its polymorphic entries).
void ic_reset(InlineCache&);
// get_field refill of a filled site: moves the current entry to the front of the polymorphic
// entries (dropping the oldest), leaving the main entry empty. Does nothing when out of memory.
void ic_push_poly(InlineCache&);
// Fills the cache (takes new references to the shapes).
void ic_fill(InlineCache&, InlineCache::Kind, Shape* shape, Shape* aux, uint32_t slot);
// Fills a Proto entry `depth` levels up: `chain` holds the depth - 1 intermediate prototypes'
// shapes. Leaves the cache empty when out of memory.
void ic_fill_proto(InlineCache&, Shape* shape, Shape* const* chain, uint8_t depth, Shape* aux, uint32_t slot);

} // namespace qjs
