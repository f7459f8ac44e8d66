// Shape.h: hidden classes. A shape holds an object's prototype and the ordered list of its own
// property keys with their attributes; the i-th entry's value lives in the object's slot i.
//
// Shapes are shared between objects built the same way (they sit in the runtime's shape table,
// found by prototype + entries), which makes property-access inline caches effective: a cache
// remembers (shape, slot) and hits when an object still has that shape. A shape used by a single
// owner is mutated in place instead of copied (so building a big dictionary object is linear);
// deleting a property or changing attributes gives the object a private copy.
//
// A shape also records its objects' class key: the class id for arrays and exotic objects, 0
// (ClassId::Object) for all other classes. Shapes with different keys are never shared, so an
// exotic object (Proxy, typed array, String wrapper, module namespace, ...) never has a shape that
// an inline cache filled on an ordinary object can match.
#pragma once

#include "gc/Cell.h"
#include "runtime/Atom.h"

#include <cstdint>

namespace qjs {

class Object;
class Runtime;

namespace prop {
enum : uint8_t {
    Writable = 1,
    Enumerable = 2,
    Configurable = 4,
    Accessor = 8, // the slot holds an AccessorPair; Writable is meaningless
    Default = Writable | Enumerable | Configurable,
    // Mask of the bits that are real attributes
    AttributeMask = 15,
};
}

struct ShapeEntry {
    Atom key;
    uint8_t flags;
};

class Shape : public GcCell {
  public:
    Object* proto() const { return m_proto; }
    uint32_t count() const { return m_count; }
    const ShapeEntry& entry(uint32_t i) const { return m_entries[i]; }
    bool is_shared() const { return m_shared; }
    // Slot index of `key`, or -1.
    int32_t find(Atom key) const;

    uint8_t class_key() const { return m_class_key; }
    bool has_index_keys() const { return m_has_index_keys; }
    // The shape every new object with this prototype and class key starts from (new reference, or
    // nullptr on OOM).
    static Shape* initial(Runtime&, Object* proto, uint8_t class_key);

    Shape() : GcCell(CellKind::Shape) {}

    Object* m_proto = nullptr; // strong reference
    ShapeEntry* m_entries = nullptr;
    uint32_t* m_index = nullptr; // open-addressed index (entry+1, 0 = empty), built when count > 8
    uint32_t m_count = 0;
    uint32_t m_capacity = 0;
    uint32_t m_index_mask = 0; // index size - 1
    uint32_t m_hash = 0;
    bool m_shared = false;
    uint8_t m_class_key = 0;
    bool m_has_index_keys = false; // some entry's key is an array index (stays set after removal)
    Shape* m_table_next = nullptr; // chain in the runtime's shape table (shared shapes only)
};

// The runtime remembers recent add transitions of small shared shapes, holding both shapes: the
// intermediate shapes of an object literal ({a} on the way to {a, b}) then outlive the object that
// made them, instead of being built and freed again by every object. Emptied at each cycle
// collection (so that the shapes' prototypes are not kept alive by it) and at teardown.
void clear_shape_transitions(Runtime&);

} // namespace qjs
