#include "runtime/Shape.h"

#include "gc/Visitor.h"
#include "runtime/Object.h"
#include "runtime/Runtime.h"

#include <cstring>

namespace qjs {

static constexpr uint32_t kLinearSearchLimit = 8;

static uint32_t mix(uint32_t h, uint32_t v) {
    return (h ^ v) * 0x9e3779b1u + (h >> 7);
}
static uint32_t proto_hash(const Object* proto, uint8_t class_key) {
    auto p = static_cast<uint64_t>(reinterpret_cast<uintptr_t>(proto)); // 32 bits on wasm32
    return (static_cast<uint32_t>(p ^ (p >> 32)) + class_key) * 0x85ebca6bu;
}
static uint32_t entry_hash(uint32_t h, Atom key, uint8_t flags) {
    return mix(mix(h, key), flags);
}

int32_t Shape::find(Atom key) const {
    if (!m_index) {
        for (uint32_t i = 0; i < m_count; ++i)
            if (m_entries[i].key == key) return static_cast<int32_t>(i);
        return -1;
    }
    for (uint32_t i = (key * 0x9e3779b1u) & m_index_mask;; i = (i + 1) & m_index_mask) {
        uint32_t e = m_index[i];
        if (!e) return -1;
        if (m_entries[e - 1].key == key) return static_cast<int32_t>(e - 1);
    }
}

// ---- index ----

static bool rebuild_index(Runtime& rt, Shape* s) {
    if (s->m_index) {
        rt.free(s->m_index);
        s->m_index = nullptr;
    }
    if (s->m_count <= kLinearSearchLimit) return true;
    uint32_t size = 16;
    while (size < s->m_count * 2)
        size <<= 1;
    auto* index = static_cast<uint32_t*>(rt.alloc(size * sizeof(uint32_t)));
    if (!index) return false;
    std::memset(index, 0, size * sizeof(uint32_t));
    s->m_index = index;
    s->m_index_mask = size - 1;
    for (uint32_t n = 0; n < s->m_count; ++n) {
        uint32_t i = (s->m_entries[n].key * 0x9e3779b1u) & s->m_index_mask;
        while (index[i])
            i = (i + 1) & s->m_index_mask;
        index[i] = n + 1;
    }
    return true;
}

// Entries hold their keys' atom cells (a string or a symbol), so a collectable atom lives while a
// shape uses it. These are not edges for the visitor: atom cells hold no gc cells (no cycles), and
// snapshots write keys through their atom table.
static void release_key(Runtime& rt, Atom key) {
    if (atom_is_index(key)) return;
    if (Cell* c = rt.atom_cell(key)) c->unref();
}

static bool append_entry(Runtime& rt, Shape* s, Atom key, uint8_t flags) {
    if (s->m_count == s->m_capacity) {
        uint32_t cap = s->m_capacity ? s->m_capacity * 2 : 4;
        void* fresh = rt.realloc(s->m_entries, cap * sizeof(ShapeEntry));
        if (!fresh) return false;
        s->m_entries = static_cast<ShapeEntry*>(fresh);
        s->m_capacity = cap;
    }
    s->m_entries[s->m_count++] = ShapeEntry{key, flags};
    if (atom_is_index(key))
        s->m_has_index_keys = true;
    else if (Cell* c = rt.atom_cell(key))
        c->ref(); // keeps a collectable atom alive (Runtime::sweep_atoms)
    s->m_hash = entry_hash(s->m_hash, key, flags);
    if (s->m_count > kLinearSearchLimit) {
        // The index only speeds lookups up (find() searches linearly without one): when memory for a
        // bigger one runs out, the shape goes on without it (the entry is in) and the next append
        // tries again. Failing here would leave the entry counted but its owner's slot unwritten.
        if (!s->m_index || s->m_count * 2 > s->m_index_mask + 1) {
            rebuild_index(rt, s);
            return true;
        }
        uint32_t i = (key * 0x9e3779b1u) & s->m_index_mask;
        while (s->m_index[i])
            i = (i + 1) & s->m_index_mask;
        s->m_index[i] = s->m_count;
    }
    return true;
}

// Field-wise: ShapeEntry has padding bytes, so memcmp would compare garbage.
static bool same_entries(const Shape* a, const Shape* b, uint32_t n) {
    for (uint32_t i = 0; i < n; ++i)
        if (a->m_entries[i].key != b->m_entries[i].key || a->m_entries[i].flags != b->m_entries[i].flags)
            return false;
    return true;
}

// ---- the runtime's table of shared shapes ----

static bool table_insert(Runtime& rt, Shape* s) {
    if (rt.m_shape_count * 2 >= rt.m_shape_table_size) {
        uint32_t size = rt.m_shape_table_size ? rt.m_shape_table_size * 2 : 256;
        auto* table = static_cast<Shape**>(rt.alloc(size * sizeof(Shape*)));
        if (!table) return false;
        std::memset(table, 0, size * sizeof(Shape*));
        for (uint32_t i = 0; i < rt.m_shape_table_size; ++i) {
            for (Shape* e = rt.m_shape_table[i]; e;) {
                Shape* next = e->m_table_next;
                e->m_table_next = table[e->m_hash & (size - 1)];
                table[e->m_hash & (size - 1)] = e;
                e = next;
            }
        }
        if (rt.m_shape_table) rt.free(rt.m_shape_table);
        rt.m_shape_table = table;
        rt.m_shape_table_size = size;
    }
    Shape*& bucket = rt.m_shape_table[s->m_hash & (rt.m_shape_table_size - 1)];
    s->m_table_next = bucket;
    bucket = s;
    s->m_shared = true;
    ++rt.m_shape_count;
    return true;
}

static void table_remove(Runtime& rt, Shape* s) {
    if (!s->m_shared) return;
    Shape** link = &rt.m_shape_table[s->m_hash & (rt.m_shape_table_size - 1)];
    while (*link != s)
        link = &(*link)->m_table_next;
    *link = s->m_table_next;
    s->m_table_next = nullptr;
    s->m_shared = false;
    --rt.m_shape_count;
}

static Shape* new_shape(Runtime& rt, Object* proto, uint8_t class_key, uint32_t capacity) {
    Shape* s = rt.new_cell<Shape>(0);
    if (!s) return nullptr;
    if (capacity) {
        s->m_entries = static_cast<ShapeEntry*>(rt.alloc(capacity * sizeof(ShapeEntry)));
        if (!s->m_entries) {
            s->unref();
            return nullptr;
        }
        s->m_capacity = capacity;
    }
    s->m_proto = proto;
    if (proto) proto->ref();
    s->m_class_key = class_key;
    s->m_hash = proto_hash(proto, class_key);
    return s;
}

Shape* Shape::initial(Runtime& rt, Object* proto, uint8_t class_key) {
    uint32_t h = proto_hash(proto, class_key);
    if (rt.m_shape_table_size) {
        for (Shape* s = rt.m_shape_table[h & (rt.m_shape_table_size - 1)]; s; s = s->m_table_next) {
            if (s->m_hash == h && s->m_count == 0 && s->m_proto == proto && s->m_class_key == class_key) {
                s->ref();
                return s;
            }
        }
    }
    Shape* s = new_shape(rt, proto, class_key, 0);
    if (s && !table_insert(rt, s)) s->m_shared = false; // still usable, just not shared
    return s;
}

// ---- recent transitions ----

struct ShapeTransition {
    Shape* from; // strong references, or null when the entry is empty
    Shape* to;
    Atom key;
    uint8_t flags;
};
static constexpr uint32_t kTransitionEntries = 256;
// Only shapes this small: a cached shape is never extended in place, so an object that grows past
// this many keys gets copies of its shape only this often.
static constexpr uint32_t kTransitionMaxCount = 8;

static ShapeTransition& transition_entry(ShapeTransition* table, const Shape* from, Atom key) {
    auto p = static_cast<uint32_t>(reinterpret_cast<uintptr_t>(from) >> 4);
    return table[mix(p, key) & (kTransitionEntries - 1)];
}

static Shape* find_transition(Runtime& rt, Shape* from, Atom key, uint8_t flags) {
    if (!rt.m_shape_transitions || from->m_count >= kTransitionMaxCount) return nullptr;
    ShapeTransition& e = transition_entry(rt.m_shape_transitions, from, key);
    if (e.from != from || e.key != key || e.flags != flags) return nullptr;
    e.to->ref();
    return e.to;
}

static void remember_transition(Runtime& rt, Shape* from, Atom key, uint8_t flags, Shape* to) {
    if (!from->m_shared || from->m_count >= kTransitionMaxCount) return;
    if (!rt.m_shape_transitions) {
        size_t bytes = kTransitionEntries * sizeof(ShapeTransition);
        rt.m_shape_transitions = static_cast<ShapeTransition*>(rt.alloc(bytes));
        if (!rt.m_shape_transitions) return; // an optimisation only
        std::memset(static_cast<void*>(rt.m_shape_transitions), 0, bytes);
    }
    ShapeTransition& e = transition_entry(rt.m_shape_transitions, from, key);
    ShapeTransition old = e;
    from->ref();
    to->ref();
    e = ShapeTransition{from, to, key, flags};
    if (old.from) {
        old.from->unref();
        old.to->unref();
    }
}

void clear_shape_transitions(Runtime& rt) {
    ShapeTransition* table = rt.m_shape_transitions;
    if (!table) return;
    rt.m_shape_transitions = nullptr;
    for (uint32_t i = 0; i < kTransitionEntries; ++i) {
        if (!table[i].from) continue;
        table[i].from->unref();
        table[i].to->unref();
    }
    rt.free(table);
}

static Shape* add_transition(Runtime& rt, Shape* from, Atom key, uint8_t flags);

// Returns (a new reference to) the shape `from` + (key, flags). May mutate `from` in place when
// the caller is its only user.
Shape* shape_add_property(Runtime& rt, Shape* from, Atom key, uint8_t flags) {
    if (Shape* s = find_transition(rt, from, key, flags)) return s;
    bool was_shared = from->m_shared;
    Shape* s = add_transition(rt, from, key, flags);
    if (s && s != from && was_shared) remember_transition(rt, from, key, flags, s);
    return s;
}

static Shape* add_transition(Runtime& rt, Shape* from, Atom key, uint8_t flags) {
    // 1. A shared shape that already has this transition.
    uint32_t h = entry_hash(from->m_hash, key, flags);
    if (from->m_shared && rt.m_shape_table_size) {
        for (Shape* s = rt.m_shape_table[h & (rt.m_shape_table_size - 1)]; s; s = s->m_table_next) {
            if (s->m_hash != h || s->m_count != from->m_count + 1 || s->m_proto != from->m_proto ||
                s->m_class_key != from->m_class_key)
                continue;
            if (s->m_entries[from->m_count].key != key || s->m_entries[from->m_count].flags != flags)
                continue;
            if (!same_entries(s, from, from->m_count)) continue;
            s->ref();
            return s;
        }
    }
    // 2. The caller is the only user: extend in place (keeps building big objects linear).
    if (from->m_ref_count == 1) {
        bool was_shared = from->m_shared;
        table_remove(rt, from);
        if (!append_entry(rt, from, key, flags)) {
            if (was_shared) table_insert(rt, from);
            return nullptr;
        }
        if (was_shared && !table_insert(rt, from)) from->m_shared = false;
        from->ref();
        return from;
    }
    // 3. A new shape.
    Shape* s = new_shape(rt, from->m_proto, from->m_class_key, from->m_count + 1);
    if (!s) return nullptr;
    for (uint32_t i = 0; i < from->m_count; ++i)
        append_entry(rt, s, from->m_entries[i].key, from->m_entries[i].flags);
    if (!append_entry(rt, s, key, flags)) {
        s->unref();
        return nullptr;
    }
    if (from->m_shared && !table_insert(rt, s)) s->m_shared = false;
    return s;
}

// A private (unshared) copy of `from`, with another prototype if `proto` differs. New reference.
Shape* shape_clone_unshared(Runtime& rt, Shape* from, Object* proto) {
    Shape* s = new_shape(rt, proto, from->m_class_key, from->m_count);
    if (!s) return nullptr;
    for (uint32_t i = 0; i < from->m_count; ++i) {
        if (!append_entry(rt, s, from->m_entries[i].key, from->m_entries[i].flags)) {
            s->unref();
            return nullptr;
        }
    }
    return s;
}

// Removes entry `index` from an unshared shape owned by one object.
void shape_remove_entry(Runtime& rt, Shape* s, uint32_t index) {
    VERIFY(!s->m_shared);
    release_key(rt, s->m_entries[index].key);
    std::memmove(s->m_entries + index, s->m_entries + index + 1,
                 (s->m_count - index - 1) * sizeof(ShapeEntry));
    --s->m_count;
    rebuild_index(rt, s);
}

// ---- gc hooks ----

void visit_shape(Shape* s, EdgeVisitor& v) {
    v.visit_cell(s->m_proto);
}

void clear_shape(Shape* s) {
    if (Object* proto = s->m_proto) {
        // Unlink from the shared table first: the table is keyed by the prototype pointer.
        table_remove(*Runtime::current(), s);
        s->m_proto = nullptr;
        proto->unref();
    }
}

void finalize_shape(Shape* s) {
    Runtime& rt = *Runtime::current();
    table_remove(rt, s);
    for (uint32_t i = 0; i < s->m_count; ++i)
        release_key(rt, s->m_entries[i].key);
    s->m_count = 0;
    if (s->m_entries) rt.free(s->m_entries);
    if (s->m_index) rt.free(s->m_index);
    s->m_entries = nullptr;
    s->m_index = nullptr;
}

} // namespace qjs
