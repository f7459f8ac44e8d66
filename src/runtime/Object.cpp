// Object.cpp: object creation, property storage (shape + slots, fast elements) and gc hooks.
// The spec's internal methods are in ObjectOperations.cpp, array specifics in ArrayObject.cpp.
#include "runtime/Object.h"

#include "gc/Visitor.h"
#include "runtime/Context.h"
#include "runtime/String.h"

#include <cstdio>

#include <cstring>

namespace qjs {

Shape* shape_add_property(Runtime&, Shape* from, Atom key, uint8_t flags);
Shape* shape_clone_unshared(Runtime&, Shape* from, Object* proto);
void shape_remove_entry(Runtime&, Shape*, uint32_t index);

static const char* const kClassNames[] = {
#define QJS_CLASS(id, name) name,
#include "runtime/Classes.def"
#undef QJS_CLASS
};

const char* class_name(ClassId id) {
    return kClassNames[static_cast<size_t>(id)];
}

static ClassHooks s_class_hooks[static_cast<size_t>(ClassId::Count)];

void register_class_hooks(ClassId id, const ClassHooks& hooks) {
    s_class_hooks[static_cast<size_t>(id)] = hooks;
}
const ClassHooks& class_hooks(ClassId id) {
    return s_class_hooks[static_cast<size_t>(id)];
}

void* Object::allocate_memory(Context& ctx, size_t size) {
    Runtime& rt = ctx.rt();
    rt.maybe_collect_cycles();
    void* mem = rt.alloc(size);
    if (!mem) [[unlikely]] {
        // Garbage cycles may be what holds the memory (this is a safe point to collect, as above).
        rt.collect_cycles();
        mem = rt.alloc(size);
        if (!mem)
            ctx.throw_out_of_memory();
        else
            --rt.m_failed_allocs; // made good: nothing failed (Runtime::m_failed_allocs)
    }
    return mem;
}

bool Object::initialize(Context& ctx, Object* o, Object* proto, ClassId cls, size_t size, Shape* shape) {
    Runtime& rt = ctx.rt();
    bool keyed = cls == ClassId::Array || class_hooks(cls).exotic;
    if (shape) {
        shape->ref();
        o->m_shape = shape;
    } else {
        o->m_shape = Shape::initial(rt, proto, static_cast<uint8_t>(keyed ? cls : ClassId::Object));
    }
    if (!o->m_shape) {
        rt.free(o);
        ctx.throw_out_of_memory();
        return false;
    }
    o->m_class_id = cls;
    o->m_alloc_size = static_cast<uint32_t>(size);
    rt.link_gc_cell(o);
    return true;
}

// ---- gc hooks ----

void visit_object(Object* o, EdgeVisitor& v) {
    if (!o->m_shape) return; // cleared
    v.visit_cell(o->m_shape);
    for (uint32_t i = 0, n = o->m_shape->count(); i < n; ++i)
        v.visit_value(o->m_slots[i]);
    for (uint32_t i = 0; i < o->m_element_count; ++i)
        v.visit_value(o->m_elements[i]);
    if (auto visit = class_hooks(o->m_class_id).visit) visit(o, v);
}

void clear_object(Object* o) {
    Runtime& rt = *Runtime::current();
    if (auto clear = class_hooks(o->m_class_id).clear) clear(o);
    if (o->m_slots) {
        uint32_t n = o->m_shape ? o->m_shape->count() : 0;
        Value* slots = o->m_slots;
        bool owned = !o->has_inline_slots();
        o->m_slots = nullptr;
        o->m_slot_capacity = 0;
        for (uint32_t i = 0; i < n; ++i)
            slots[i].~Value();
        if (owned) rt.free(slots);
    }
    if (o->m_elements) {
        Value* elements = o->m_elements;
        uint32_t n = o->m_element_count;
        o->m_elements = nullptr;
        o->m_element_count = o->m_element_capacity = 0;
        for (uint32_t i = 0; i < n; ++i)
            elements[i].~Value();
        rt.free(elements);
    }
    o->m_flags &= ~objflag::FastArray;
    if (Shape* s = o->m_shape) {
        o->m_shape = nullptr;
        s->unref();
    }
}

void finalize_object(Object* o) {
    if (auto finalize = class_hooks(o->m_class_id).finalize) finalize(o);
}

// ---- storage ----

bool grow_slots(Runtime& rt, Object* o, uint32_t count) {
    uint32_t cap = o->m_slot_capacity ? o->m_slot_capacity * 2 : 4;
    while (cap < count)
        cap *= 2;
    // Values are trivially relocatable (no self pointers), so a byte copy moves them.
    void* fresh;
    if (o->has_inline_slots()) {
        fresh = rt.alloc(cap * sizeof(Value));
        if (fresh) std::memcpy(fresh, static_cast<void*>(o->m_slots), o->m_slot_capacity * sizeof(Value));
    } else {
        fresh = rt.realloc(o->m_slots, cap * sizeof(Value));
    }
    if (!fresh) return false;
    o->m_slots = static_cast<Value*>(fresh);
    o->m_slot_capacity = cap;
    return true;
}

static bool ensure_slot_capacity(Runtime& rt, Object* o, uint32_t count) {
    return count <= o->m_slot_capacity || grow_slots(rt, o, count);
}

bool add_own_property(Context& ctx, Object* o, Atom key, Value v, uint8_t flags) {
    Runtime& rt = ctx.rt();
    uint32_t n = o->m_shape->count();
    if (!ensure_slot_capacity(rt, o, n + 1)) {
        ctx.throw_out_of_memory();
        return false;
    }
    Shape* next = shape_add_property(rt, o->m_shape, key, flags);
    if (!next) {
        ctx.throw_out_of_memory();
        return false;
    }
    Shape* old = o->m_shape;
    o->m_shape = next;
    old->unref();
    new (&o->m_slots[n]) Value(std::move(v));
    return true;
}

// Gives the object a private shape it may mutate (for attribute changes and deletes).
bool make_shape_unshared(Context& ctx, Object* o) {
    Shape* s = o->m_shape;
    if (!s->is_shared() && s->m_ref_count == 1) return true;
    Shape* copy = shape_clone_unshared(ctx.rt(), s, s->proto());
    if (!copy) {
        ctx.throw_out_of_memory();
        return false;
    }
    o->m_shape = copy;
    s->unref();
    return true;
}

bool set_slot_flags(Context& ctx, Object* o, uint32_t slot, uint8_t flags) {
    if (o->m_shape->entry(slot).flags == flags) return true;
    if (!make_shape_unshared(ctx, o)) return false;
    o->m_shape->m_entries[slot].flags = flags;
    return true;
}

bool remove_slot(Context& ctx, Object* o, uint32_t slot) {
    if (!make_shape_unshared(ctx, o)) return false;
    uint32_t n = o->m_shape->count();
    Value removed = std::move(o->m_slots[slot]);
    o->m_slots[slot].~Value();
    std::memmove(static_cast<void*>(o->m_slots + slot), o->m_slots + slot + 1,
                 (n - slot - 1) * sizeof(Value));
    shape_remove_entry(ctx.rt(), o->m_shape, slot);
    return true;
}

bool replace_shape_proto(Context& ctx, Object* o, Object* proto) {
    Shape* s = o->m_shape;
    Shape* next;
    if (s->count() == 0)
        next = Shape::initial(ctx.rt(), proto, s->class_key());
    else
        next = shape_clone_unshared(ctx.rt(), s, proto);
    if (!next) {
        ctx.throw_out_of_memory();
        return false;
    }
    o->m_shape = next;
    s->unref();
    return true;
}

bool define_fresh_property(Context& ctx, Object* o, Atom key, Value v, uint8_t flags) {
    return add_own_property(ctx, o, key, std::move(v), flags & ~prop::Accessor);
}

bool define_fresh_accessor(Context& ctx, Object* o, Atom key, Value getter, Value setter, uint8_t flags) {
    AccessorPair* pair = ctx.rt().new_cell<AccessorPair>(0);
    if (!pair) {
        ctx.throw_out_of_memory();
        return false;
    }
    pair->getter = std::move(getter);
    pair->setter = std::move(setter);
    return add_own_property(ctx, o, key, Value::adopt(Tag::InternalCell, pair),
                            (flags & ~prop::Writable) | prop::Accessor);
}

// ---- fast elements ----

bool array_push_fast(Context& ctx, Object* a, Value v) {
    if (a->m_element_count == a->m_element_capacity) {
        uint32_t cap = a->m_element_capacity < 8 ? 8 : a->m_element_capacity + a->m_element_capacity / 2;
        void* fresh = ctx.rt().realloc(a->m_elements, size_t(cap) * sizeof(Value));
        if (!fresh) {
            ctx.throw_out_of_memory();
            return false;
        }
        a->m_elements = static_cast<Value*>(fresh);
        a->m_element_capacity = cap;
    }
    new (&a->m_elements[a->m_element_count++]) Value(std::move(v));
    if (a->m_class_id == ClassId::Array && a->m_array_length < a->m_element_count)
        a->m_array_length = a->m_element_count;
    return true;
}

void convert_to_slow_array(Context& ctx, Object* a) {
    if (!a->is_fast_array()) return;
    a->m_flags &= ~objflag::FastArray;
    Value* elements = a->m_elements;
    uint32_t n = a->m_element_count;
    a->m_elements = nullptr;
    a->m_element_count = a->m_element_capacity = 0;
    // Index properties go before the existing named ones in key order; OwnPropertyKeys sorts
    // indexes anyway, so appending them is fine.
    for (uint32_t i = 0; i < n; ++i) {
        Atom key = index_to_atom(ctx, i);
        if (!key || !add_own_property(ctx, a, key, std::move(elements[i]), prop::Default)) {
            // Out of memory mid-conversion: drop what remains (the exception is pending).
            for (uint32_t j = i; j < n; ++j)
                elements[j].~Value();
            break;
        }
        elements[i].~Value();
    }
    if (elements) ctx.rt().free(elements);
}

Atom index_to_atom(Context& ctx, uint64_t index) {
    if (index <= kMaxAtomIndex) return atom_from_index(static_cast<uint32_t>(index));
    char buf[24];
    int n = std::snprintf(buf, sizeof buf, "%llu", static_cast<unsigned long long>(index));
    Atom a = ctx.rt().intern_ascii(std::string_view(buf, static_cast<size_t>(n)));
    if (!a) ctx.throw_out_of_memory();
    return a;
}

bool atom_to_array_index(Runtime& rt, Atom a, uint32_t* out) {
    if (atom_is_index(a)) {
        *out = atom_index_value(a);
        return true;
    }
    Cell* c = rt.atom_cell(a);
    if (c->kind() != CellKind::String) return false;
    auto* s = static_cast<String*>(c);
    // Only 2^31-1 .. 2^32-2 reach here (smaller indexes are immediate atoms).
    uint32_t n = s->length();
    if (n != 10) return false;
    uint64_t v = 0;
    for (uint32_t i = 0; i < n; ++i) {
        char16_t ch = s->at(i);
        if (ch < '0' || ch > '9') return false;
        v = v * 10 + (ch - '0');
    }
    if (s->at(0) == '0' || v > 0xfffffffeull) return false;
    *out = static_cast<uint32_t>(v);
    return true;
}

// ---- creation helpers ----

Value new_object(Context& ctx) {
    return new_object_with_proto(ctx, ctx.intrinsic(Intrinsic::ObjectPrototype));
}

Value new_object_with_proto(Context& ctx, Object* proto) {
    Object* o = Object::create(ctx, proto, ClassId::Object);
    if (!o) return Exception{};
    return Value::adopt(Tag::Object, o);
}

Value new_array(Context& ctx, uint32_t length) {
    Object* a = Object::create(ctx, ctx.intrinsic(Intrinsic::ArrayPrototype), ClassId::Array);
    if (!a) return Exception{};
    a->m_flags |= objflag::FastArray | objflag::LengthWritable;
    a->m_array_length = length;
    return Value::adopt(Tag::Object, a);
}

Value new_array_from(Context& ctx, std::span<const Value> elements) {
    Value v = TRY(new_array(ctx, 0));
    Object* a = v.as_object();
    if (!elements.empty()) {
        a->m_elements = static_cast<Value*>(ctx.rt().alloc(elements.size() * sizeof(Value)));
        if (!a->m_elements) return ctx.throw_out_of_memory();
        a->m_element_capacity = static_cast<uint32_t>(elements.size());
        for (const Value& e : elements)
            new (&a->m_elements[a->m_element_count++]) Value(e);
        a->m_array_length = a->m_element_count;
    }
    return v;
}

Value create_array_from_list(Context& ctx, std::span<const Value> elements) {
    return new_array_from(ctx, elements);
}

} // namespace qjs
