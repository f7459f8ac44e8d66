// MapTable.h: the ordered hash table behind Map, Set, WeakMap and WeakSet objects.
//
// Entries stay in insertion order in a vector; a deleted entry becomes a tombstone (its key is the
// Uninitialized marker) so that live iterators, which hold an entry index, keep their place across
// deletions and clear(). A hash index (open addressing over entry numbers) finds keys; keys are
// compared with SameValueZero.
//
// WeakMap and WeakSet keys are weak slots (gc/Weak.h): an entry goes when its key dies, and the
// collector treats entries as ephemerons. A WeakSet entry's value is undefined.
#pragma once

#include "runtime/Object.h"

namespace qjs {

struct MapEntry {
    Value key; // Value::uninitialized() for a deleted entry
    Value value;
};

class MapObject : public Object {
  public:
    Vector<MapEntry> m_entries;
    Vector<uint32_t> m_index; // entry number + 1, 0 = empty slot; size is a power of two
    uint32_t m_live = 0;      // number of live entries ("size")
};

// The map/set class ids that use MapObject.
bool is_map_class(ClassId);
void register_map_classes();
MapObject* new_map_object(Context&, Object* proto, ClassId);

// Returns the entry index of `key`, or -1.
int64_t map_find(MapObject*, const Value& key);
// Adds or updates. Returns false on OOM.
bool map_set(Context&, MapObject*, const Value& key, const Value& value);
bool map_delete(MapObject*, const Value& key);
void map_clear(MapObject*);

} // namespace qjs
