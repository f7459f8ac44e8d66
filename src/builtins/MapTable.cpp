#include "builtins/MapTable.h"
#include "snapshot/HeapReader.h"
#include "snapshot/HeapWriter.h"

#include "gc/Visitor.h"
#include "gc/Weak.h"
#include "runtime/BigInt.h"
#include "runtime/Context.h"
#include "runtime/String.h"
#include "runtime/VectorGrowth.h"

#include <cmath>
#include <cstring>

namespace qjs {

bool is_map_class(ClassId c) {
    return c == ClassId::Map || c == ClassId::Set || c == ClassId::WeakMap || c == ClassId::WeakSet;
}

// WeakMap and WeakSet keys are weak slots (gc/Weak.h); each entry is an ephemeron. A WeakSet entry's
// value is undefined. Weak collections have no iterators, so their dead entries can be compacted.
static bool is_weak_class(ClassId c) {
    return c == ClassId::WeakMap || c == ClassId::WeakSet;
}

static void visit_map(Object* o, EdgeVisitor& v) {
    bool weak = is_weak_class(o->class_id());
    for (MapEntry& e : static_cast<MapObject*>(o)->m_entries) {
        if (weak) {
            if (e.key.is_heap()) v.visit_ephemeron(e.key, e.value);
            continue;
        }
        v.visit_value(e.key);
        v.visit_value(e.value);
    }
}

// Empties entry `e` (its key becomes the deleted marker).
static void erase_entry(MapObject* m, MapEntry& e) {
    if (is_weak_class(m->class_id())) weak_slot_drop(*Runtime::current(), m, e.key);
    e.key = Value::uninitialized();
    e.value = Value();
}

static void clear_map(Object* o) {
    auto* m = static_cast<MapObject*>(o);
    if (is_weak_class(o->class_id()))
        for (MapEntry& e : m->m_entries)
            weak_slot_drop(*Runtime::current(), m, e.key);
    Vector<MapEntry>().swap(m->m_entries);
    Vector<uint32_t>().swap(m->m_index);
    m->m_live = 0;
}

static uint32_t hash_key(const Value& k);
static uint32_t hash_cell_bits(uint64_t bits, Tag tag);

// The weak table's hook: `key` died, so its entry goes (the slot is already out of the table).
static void weak_key_died(Object* o, Cell* key) {
    auto* m = static_cast<MapObject*>(o);
    if (m->m_index.empty()) return;
    Tag tag = key->kind() == CellKind::Symbol ? Tag::Symbol : Tag::Object;
    uint32_t mask = static_cast<uint32_t>(m->m_index.size() - 1);
    for (uint32_t i = hash_cell_bits(reinterpret_cast<uintptr_t>(key), tag) & mask;; i = (i + 1) & mask) {
        uint32_t n = m->m_index[i];
        if (!n) return;
        MapEntry& e = m->m_entries[n - 1];
        if (e.key.is_heap() && e.key.as_cell() == key) {
            weak_slot_forget(e.key);
            e.key = Value::uninitialized();
            --m->m_live;
            Value dropped = std::move(e.value); // may free more cells: the entry is consistent first
            return;
        }
    }
}

// Entries are written in order, deleted ones included (iterators hold positions); the hash index is
// rebuilt by inserting the live keys again, since hashes of objects are addresses.
static bool write_map(Object* o, HeapWriter& w) {
    auto* m = static_cast<MapObject*>(o);
    w.out().varuint(m->m_entries.size());
    for (const MapEntry& e : m->m_entries) {
        w.value(e.key);
        w.value(e.value);
    }
    return true;
}
static bool read_map(Object* o, HeapReader& r) {
    auto* m = static_cast<MapObject*>(o);
    uint32_t n;
    if (!r.count(&n)) return false;
    for (uint32_t i = 0; i < n; ++i) {
        Value key, value;
        if (!r.value(&key) || !r.value(&value)) return false;
        if (key.is_internal_cell()) return r.fail("bad map key");
        if (key.is_uninitialized()) {
            m->m_entries.push_back(MapEntry{std::move(key), Value()});
            continue;
        }
        // A weak collection's keys are objects or symbols (CanBeHeldWeakly): a crafted snapshot may
        // give a WeakMap other keys, which cannot be held weakly.
        bool weak = m->class_id() == ClassId::WeakMap || m->class_id() == ClassId::WeakSet;
        if (weak && !key.is_object() && !key.is_symbol()) return r.fail("bad weak collection key");
        if (map_find(m, key) >= 0) return r.fail("duplicate map key");
        if (!map_set(r.context(), m, key, value)) return r.fail("out of memory");
    }
    return true;
}
static const ClassSnapshotHooks kMapSnapshot = {
    sizeof(MapObject), 0, nullptr, construct_payload<MapObject>, write_map, read_map, nullptr,
};

void register_map_classes() {
    ClassHooks hooks{visit_map, clear_map, nullptr, nullptr, &kMapSnapshot};
    register_class_hooks(ClassId::Map, hooks);
    register_class_hooks(ClassId::Set, hooks);
    register_class_hooks(ClassId::WeakMap, hooks);
    register_class_hooks(ClassId::WeakSet, hooks);
    register_weak_holder_class(ClassId::WeakMap, weak_key_died);
    register_weak_holder_class(ClassId::WeakSet, weak_key_died);
}

MapObject* new_map_object(Context& ctx, Object* proto, ClassId cls) {
    return Object::create_as<MapObject>(ctx, proto, cls);
}

// SameValueZero-compatible hash: equal numbers (int32 or double, +0/-0) hash alike.
static uint32_t hash_key(const Value& k) {
    uint64_t bits;
    switch (k.tag()) {
    case Tag::Int32:
    case Tag::Float64: {
        double d = k.as_number();
        if (d == 0) d = 0; // -0 -> +0
        if (std::isnan(d)) return 0x7ff80000u;
        std::memcpy(&bits, &d, sizeof bits);
        break;
    }
    case Tag::String: {
        String* s = k.as_string();
        if (!s->hash()) s->compute_hash();
        return s->hash();
    }
    case Tag::BigInt: {
        const BigInt* b = k.as_bigint();
        uint32_t h = b->is_negative() ? 0x9e3779b9u : 0;
        for (uint32_t i = 0; i < b->length(); ++i)
            h = (h ^ b->limbs()[i]) * 0x01000193u;
        return h;
    }
    default: return hash_cell_bits(k.raw_bits(), k.tag());
    }
    return hash_cell_bits(bits, Tag::Float64);
}

static uint32_t hash_cell_bits(uint64_t bits, Tag tag) {
    if (tag != Tag::Float64) bits ^= uint64_t(tag) << 56;
    bits ^= bits >> 33;
    bits *= 0xff51afd7ed558ccdull;
    bits ^= bits >> 33;
    return static_cast<uint32_t>(bits);
}

static bool keys_equal(const Value& a, const Value& b) {
    if (a.is_number() && b.is_number()) {
        double x = a.as_number(), y = b.as_number();
        return x == y || (std::isnan(x) && std::isnan(y));
    }
    if (a.tag() != b.tag()) return false;
    if (a.is_string()) return a.as_string()->equals(b.as_string());
    if (a.is_bigint()) return bigint_equals(a, b);
    return a.bits_equal(b);
}

int64_t map_find(MapObject* m, const Value& key) {
    if (m->m_index.empty()) return -1;
    uint32_t mask = static_cast<uint32_t>(m->m_index.size() - 1);
    for (uint32_t i = hash_key(key) & mask;; i = (i + 1) & mask) {
        uint32_t e = m->m_index[i];
        if (!e) return -1;
        const MapEntry& entry = m->m_entries[e - 1];
        if (!entry.key.is_uninitialized() && keys_equal(entry.key, key)) return e - 1;
    }
}

static bool rebuild_index(MapObject* m, size_t size) {
    Vector<uint32_t> fresh;
    if (!vector_resize(fresh, size)) return false;
    m->m_index = std::move(fresh);
    uint32_t mask = static_cast<uint32_t>(size - 1);
    for (uint32_t n = 0; n < m->m_entries.size(); ++n) {
        if (m->m_entries[n].key.is_uninitialized()) continue;
        uint32_t i = hash_key(m->m_entries[n].key) & mask;
        while (m->m_index[i])
            i = (i + 1) & mask;
        m->m_index[i] = n + 1;
    }
    return true;
}

// Drops the deleted entries of a weak collection (it has no iterators to keep positions for).
static bool compact_weak(MapObject* m) {
    size_t kept = 0;
    for (size_t i = 0; i < m->m_entries.size(); ++i) {
        if (m->m_entries[i].key.is_uninitialized()) continue;
        if (kept != i) {
            // Move the weak slot as it is: no count to transfer.
            Value& from = m->m_entries[i].key;
            Tag tag = from.tag();
            m->m_entries[kept].key = Value::adopt(tag, from.leak_cell());
            from = Value::uninitialized();
            m->m_entries[kept].value = std::move(m->m_entries[i].value);
        }
        ++kept;
    }
    m->m_entries.resize(kept);
    return rebuild_index(m, m->m_index.size());
}

bool map_set(Context& ctx, MapObject* m, const Value& key, const Value& value) {
    int64_t found = map_find(m, key);
    bool weak = is_weak_class(m->class_id());
    if (found >= 0) {
        if (!weak || m->class_id() == ClassId::WeakMap)
            m->m_entries[static_cast<size_t>(found)].value = value;
        return true;
    }
    if (weak && m->m_entries.size() >= 16 && m->m_live * 2 < m->m_entries.size() && !compact_weak(m))
        return false;
    // Tombstones stay in the index (they keep probe chains intact); count all entries for load.
    if ((m->m_entries.size() + 1) * 2 > m->m_index.size()) {
        size_t size = m->m_index.empty() ? 8 : m->m_index.size();
        while ((m->m_entries.size() + 1) * 2 > size)
            size *= 2;
        if (!rebuild_index(m, size)) return false;
    }
    // A key of -0 is stored as +0 (Map.prototype.set step 4).
    Value k = key;
    if (k.is_float64() && k.as_float64() == 0) k = Value::int32(0);
    // A WeakSet entry's value is undefined (the key must not hold itself).
    if (!vector_push(m->m_entries,
                     MapEntry{std::move(k), m->class_id() == ClassId::WeakSet ? Value() : value}))
        return false;
    if (weak) weak_slot_make_weak(ctx.rt(), m, m->m_entries.back().key);
    uint32_t mask = static_cast<uint32_t>(m->m_index.size() - 1);
    uint32_t i = hash_key(key) & mask;
    while (m->m_index[i])
        i = (i + 1) & mask;
    m->m_index[i] = static_cast<uint32_t>(m->m_entries.size());
    ++m->m_live;
    return true;
}

bool map_delete(MapObject* m, const Value& key) {
    int64_t found = map_find(m, key);
    if (found < 0) return false;
    --m->m_live;
    erase_entry(m, m->m_entries[static_cast<size_t>(found)]);
    return true;
}

void map_clear(MapObject* m) {
    m->m_live = 0;
    for (size_t i = 0; i < m->m_entries.size(); ++i)
        if (!m->m_entries[i].key.is_uninitialized()) erase_entry(m, m->m_entries[i]);
}

} // namespace qjs
