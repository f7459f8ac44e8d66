// Object.h: the object model. An object is a shape (prototype + keys + attributes), a slot array
// with the property values in shape order, a class id, and for Array/Arguments objects a dense
// element vector ("fast array": elements 0..length-1 all present, no holes).
//
// The spec's internal methods are free functions named after it (get_own_property,
// define_own_property, ...). Ordinary objects and arrays are handled inline; other exotic objects
// (String wrappers, arguments, typed arrays, proxies) supply ExoticHooks through their class.
#pragma once

#include "runtime/Atom.h"
#include "runtime/Runtime.h"
#include "runtime/Shape.h"
#include "runtime/Value.h"

#include <span>
#include <vector>

namespace qjs {

class Context;
enum class Intrinsic : uint16_t;
class Runtime;
class EdgeVisitor;

enum class ClassId : uint16_t {
#define QJS_CLASS(id, name) id,
#include "runtime/Classes.def"
#undef QJS_CLASS
    Count
};

const char* class_name(ClassId);

namespace objflag {
enum : uint8_t {
    Extensible = 1,
    FastArray = 2,            // m_elements holds elements 0..m_element_count-1, none missing
    Callable = 4,             // has [[Call]]
    Constructor = 8,          // has [[Construct]]
    LengthWritable = 16,      // Array: the "length" property is writable
    HtmlDda = 32,             // [[IsHTMLDDA]] (test262's $262.IsHTMLDDA)
    ClassConstructor = 64,    // calling without new throws
    ImmutablePrototype = 128, // immutable prototype exotic object (10.4.7): %Object.prototype%
};
}

// A property descriptor with "present" bits, as the spec's Property Descriptor record.
struct PropertyDescriptor {
    Value value;
    Value getter; // undefined or a callable
    Value setter;
    uint8_t flags = 0; // prop::Writable | prop::Enumerable | prop::Configurable | prop::Accessor
    bool has_value = false;
    bool has_get = false;
    bool has_set = false;
    bool has_writable = false;
    bool has_enumerable = false;
    bool has_configurable = false;

    bool is_accessor() const { return has_get || has_set; }
    bool is_data() const { return has_value || has_writable; }
    bool writable() const { return flags & prop::Writable; }
    bool enumerable() const { return flags & prop::Enumerable; }
    bool configurable() const { return flags & prop::Configurable; }

    static PropertyDescriptor data(Value v, uint8_t flags) {
        PropertyDescriptor d;
        d.value = std::move(v);
        d.flags = flags & ~prop::Accessor;
        d.has_value = d.has_writable = d.has_enumerable = d.has_configurable = true;
        return d;
    }
    static PropertyDescriptor accessor(Value get, Value set, uint8_t flags) {
        PropertyDescriptor d;
        d.getter = std::move(get);
        d.setter = std::move(set);
        d.flags = (flags & ~prop::Writable) | prop::Accessor;
        d.has_get = d.has_set = d.has_enumerable = d.has_configurable = true;
        return d;
    }
};

// The getter/setter of an accessor property, stored as the property's slot value.
class AccessorPair : public GcCell {
  public:
    AccessorPair() : GcCell(CellKind::AccessorPair) {}
    Value getter;
    Value setter;
};

class Object;

// Hooks of exotic objects. A null hook means "ordinary behaviour".
struct ExoticHooks {
    Result<bool> (*get_own_property)(Context&, Object*, Atom, PropertyDescriptor*) = nullptr;
    Result<bool> (*define_own_property)(Context&, Object*, Atom, const PropertyDescriptor&) = nullptr;
    Result<bool> (*has_property)(Context&, Object*, Atom) = nullptr;
    Value (*get)(Context&, Object*, Atom, const Value& receiver) = nullptr;
    Result<bool> (*set)(Context&, Object*, Atom, const Value& v, const Value& receiver) = nullptr;
    Result<bool> (*delete_property)(Context&, Object*, Atom) = nullptr;
    // Appends own keys the ordinary storage doesn't hold (in the spec's order: indexes first).
    Result<void> (*own_keys)(Context&, Object*, Vector<Atom>&) = nullptr;
    Result<Object*> (*get_prototype_of)(Context&, Object*) = nullptr; // Object* is a new reference
    Result<bool> (*set_prototype_of)(Context&, Object*, Object*) = nullptr;
    Result<bool> (*is_extensible)(Context&, Object*) = nullptr;
    Result<bool> (*prevent_extensions)(Context&, Object*) = nullptr;
};

class HeapWriter;
class HeapReader;

// Heap snapshot support of a class with a C++ payload (src/snapshot, docs/SNAPSHOT.md), next to its
// visitor. `construct` builds an empty payload in raw memory of size + trailing * trailing_size bytes
// (trailing elements: a native function's data values, a closure's variables); `write` and `read`
// serialize the payload (not the base object); `check` verifies invariants that involve other cells
// once every cell has been read. A class with a payload but no snapshot hooks cannot be snapshotted.
struct ClassSnapshotHooks {
    size_t size = 0;
    size_t trailing_size = 0;
    uint32_t (*trailing)(const Object*) = nullptr;
    Object* (*construct)(void* memory, uint32_t trailing) = nullptr;
    bool (*write)(Object*, HeapWriter&) = nullptr;
    bool (*read)(Object*, HeapReader&) = nullptr;
    bool (*check)(Object*, HeapReader&) = nullptr;
};
template <typename T> Object* construct_payload(void* memory, uint32_t) {
    return new (memory) T();
}

// Per-class behaviour: class payload visiting/clearing (for objects with extra C++ fields holding
// values), snapshots and exotic hooks. Registered once per class by the code that owns the class.
struct ClassHooks {
    void (*visit)(Object*, EdgeVisitor&) = nullptr; // the payload's references (not the base's)
    void (*clear)(Object*) = nullptr;               // drop the payload's references (idempotent)
    void (*finalize)(Object*) = nullptr;            // free non-value payload memory
    const ExoticHooks* exotic = nullptr;
    const ClassSnapshotHooks* snapshot = nullptr;
};
// Whether objects of the class carry a C++ payload (and so need snapshot hooks to be written).
inline bool class_has_payload(const ClassHooks& h) {
    return h.visit || h.clear || h.finalize || h.snapshot;
}
void register_class_hooks(ClassId, const ClassHooks&);
const ClassHooks& class_hooks(ClassId);

class Object : public GcCell {
  public:
    Object() : GcCell(CellKind::Object) {}

    ClassId class_id() const { return m_class_id; }
    Shape* shape() const { return m_shape; }
    Object* prototype() const { return m_shape->proto(); }
    bool is_extensible() const { return m_flags & objflag::Extensible; }
    bool is_callable() const { return m_flags & objflag::Callable; }
    bool is_constructor() const { return m_flags & objflag::Constructor; }
    bool is_fast_array() const { return m_flags & objflag::FastArray; }
    bool is_array() const { return m_class_id == ClassId::Array; }
    bool is_exotic() const { return class_hooks(m_class_id).exotic != nullptr; }

    Value& slot(uint32_t i) { return m_slots[i]; }
    // Whether the slot array lies inside the object's own allocation (a native function's "length" and
    // "name"): it is then neither reallocated in place nor freed on its own.
    bool has_inline_slots() const {
        auto slots = reinterpret_cast<uintptr_t>(m_slots), self = reinterpret_cast<uintptr_t>(this);
        return slots > self && slots < self + m_alloc_size;
    }

    // Allocates an object of class `cls` with the given prototype (may be null); T is Object or a
    // subclass with a payload. Returns nullptr on OOM (an exception is then pending).
    // `extra` bytes of trailing storage follow the T (e.g. a native function's data values).
    template <typename T = Object>
    static T* create_as(Context& ctx, Object* proto, ClassId cls, size_t extra = 0) {
        void* mem = allocate_memory(ctx, sizeof(T) + extra);
        if (!mem) return nullptr;
        T* o = new (mem) T();
        if (!initialize(ctx, o, proto, cls, sizeof(T) + extra)) return nullptr; // freed it
        return o;
    }
    static Object* create(Context& ctx, Object* proto, ClassId cls) {
        return create_as<Object>(ctx, proto, cls);
    }

    // Creation internals (Object.cpp).
    static void* allocate_memory(Context&, size_t size);
    // `shape`, when given, is the object's shape (a new reference is taken; it must have `proto`, and the
    // caller fills its slots before anything else runs), else the initial one.
    static bool initialize(Context&, Object*, Object* proto, ClassId, size_t size, Shape* shape = nullptr);

    Shape* m_shape = nullptr;
    Value* m_slots = nullptr;
    uint32_t m_slot_capacity = 0;
    ClassId m_class_id = ClassId::Object;
    uint8_t m_flags = objflag::Extensible;
    // Fast elements (Array / Arguments only).
    Value* m_elements = nullptr;
    uint32_t m_element_count = 0;
    uint32_t m_element_capacity = 0;
    uint32_t m_array_length = 0; // Array: the length (== m_element_count while fast)
    uint32_t m_alloc_size = 0;   // bytes of this object's allocation (the subclass size)
};

// ---- Creation helpers ----
Value new_object(Context&); // ordinary object with %Object.prototype%
Value new_object_with_proto(Context&, Object* proto);
Value new_array(Context&, uint32_t length = 0);
Value new_array_from(Context&, std::span<const Value> elements);

// ---- Spec internal methods (10.1, 10.4) ----
Result<Object*> get_prototype_of(Context&, Object*); // new reference (nullptr = null)
Result<bool> set_prototype_of(Context&, Object*, Object* proto);
Result<bool> is_extensible(Context&, Object*);
Result<bool> prevent_extensions(Context&, Object*);
Result<bool> get_own_property(Context&, Object*, Atom, PropertyDescriptor* out);
Result<bool> define_own_property(Context&, Object*, Atom, const PropertyDescriptor&);
Result<bool> has_property(Context&, Object*, Atom);
Result<bool> has_own_property(Context&, Object*, Atom);
Value get(Context&, Object*, Atom, const Value& receiver);
Value get(Context&, Object*, Atom);
Result<bool> set(Context&, Object*, Atom, const Value& v, const Value& receiver);
Result<bool> delete_property(Context&, Object*, Atom);
// OwnPropertyKeys order: integer indexes ascending, then strings in creation order, then symbols.
Result<Vector<Atom>> own_property_keys(Context&, Object*);

// ---- Abstract operations on objects (7.3) ----
Value get_v(Context&, const Value& v, Atom);                        // GetV
Value get_method(Context&, const Value& v, Atom);                   // undefined if absent
Result<void> set_or_throw(Context&, Object*, Atom, const Value& v); // Set(O, P, V, true)
Result<bool> set_with_mode(Context&, Object*, Atom, const Value& v, bool throw_on_failure);
Result<bool> create_data_property(Context&, Object*, Atom, const Value& v);
Result<void> create_data_property_or_throw(Context&, Object*, Atom, const Value& v);
Result<void> define_property_or_throw(Context&, Object*, Atom, const PropertyDescriptor&);
Result<void> delete_property_or_throw(Context&, Object*, Atom);
Result<bool> set_integrity_level(Context&, Object*, bool frozen);
Result<bool> test_integrity_level(Context&, Object*, bool frozen);
Result<uint64_t> length_of_array_like(Context&, Object*);
Value create_array_from_list(Context&, std::span<const Value>);
Result<Vector<Value>> create_list_from_array_like(Context&, const Value&, bool only_names = false);
Value invoke(Context&, const Value& v, Atom, std::span<const Value> args);
Result<bool> ordinary_has_instance(Context&, const Value& c, const Value& o);
Value species_constructor(Context&, Object*, Object* default_ctor);
Result<Object*> get_prototype_from_constructor(Context&, const Value& ctor, Object* default_proto); // new ref
Result<Object*> get_prototype_from_constructor(Context&, const Value& ctor, Intrinsic default_id);  // new ref
Result<Context*> get_function_realm(Context&, Object* obj);
Result<bool> is_array(Context&, const Value&);
bool is_callable(const Value& v);
bool is_constructor(const Value& v);

// Defines a property without any checks on a fresh object (the key must not exist yet):
// the fast path for building objects and installing builtins. Returns false on OOM.
bool define_fresh_property(Context&, Object*, Atom, Value v, uint8_t flags);
bool define_fresh_accessor(Context&, Object*, Atom, Value getter, Value setter, uint8_t flags);
// Ordinary data property definition/overwrite without checks (keeps attributes if it exists).
Result<void> put_own_data(Context&, Object*, Atom, Value v, uint8_t flags = prop::Default);

// 6.2.6.4 FromPropertyDescriptor (`present` false stands for undefined) and 6.2.6.5
// ToPropertyDescriptor; defined with the Object constructor (builtins/ObjectConstructor.cpp).
Value from_property_descriptor(Context&, const PropertyDescriptor&, bool present);
Result<PropertyDescriptor> to_property_descriptor(Context&, const Value&);

// ---- Index helpers ----
Value get_index(Context&, Object*, uint64_t index);
Result<void> set_index_or_throw(Context&, Object*, uint64_t index, const Value& v);
Result<void> create_data_property_index(Context&, Object*, uint64_t index, const Value& v);
// An atom for a numeric index of any size (>= 2^31-1 becomes a string atom). 0 on OOM.
Atom index_to_atom(Context&, uint64_t index);
// True when the atom is an array index (0..2^32-2); stores it.
bool atom_to_array_index(Runtime&, Atom, uint32_t* out);

// ---- Shape/slot internals shared with the interpreter's inline caches ----
// Looks up an own property in the ordinary storage: slot index or -1.
inline int32_t find_own_slot(const Object* o, Atom key) {
    return o->m_shape->find(key);
}
// Appends a property to the object's ordinary storage. Returns false on OOM.
bool add_own_property(Context&, Object*, Atom, Value v, uint8_t flags);
// Grows the slot array to hold at least `count` values (doubling from 4). False on OOM.
bool grow_slots(Runtime&, Object*, uint32_t count);
// Array fast-element operations.
bool array_push_fast(Context&, Object* array, Value v); // false on OOM
void convert_to_slow_array(Context&, Object*);          // fast -> ordinary indexed properties
Result<bool> array_set_length(Context&, Object*, const PropertyDescriptor&);

inline Value Value::object(Object* o) {
    return Value::cell(Tag::Object, o);
}

} // namespace qjs
