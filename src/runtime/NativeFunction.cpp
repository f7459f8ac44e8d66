// NativeFunction.cpp: the native function registry, native/bound function objects, function lists.
#include "runtime/NativeFunction.h"

#include "gc/Visitor.h"
#include "runtime/Context.h"
#include "runtime/String.h"
#include "snapshot/HeapReader.h"
#include "snapshot/HeapWriter.h"

#include <cstring>

namespace qjs {

const Value& CallArgs::undefined_value() {
    static const Value undefined;
    return undefined;
}

// ---- registry ----
// Process-wide and append-only: ids are assigned in registration order, which is deterministic
// because realms install their builtins in a fixed order. Snapshots record names beside ids.

namespace {
struct NativeEntry {
    NativeFn fn;
    const char* name;
};
constexpr uint32_t kMaxNatives = 4096;
NativeEntry s_natives[kMaxNatives];
uint32_t s_native_count = 1; // id 0 is reserved as "none"
} // namespace

uint32_t register_native(NativeFn fn, const char* name) {
    // Linear probing over a small open-addressed index keyed by the pointer.
    static uint32_t index[kMaxNatives * 2];
    uint32_t mask = kMaxNatives * 2 - 1;
    uint32_t h = static_cast<uint32_t>(reinterpret_cast<uintptr_t>(fn) >> 4) * 0x9e3779b1u;
    for (uint32_t i = h & mask;; i = (i + 1) & mask) {
        if (!index[i]) {
            VERIFY(s_native_count < kMaxNatives);
            uint32_t id = s_native_count++;
            s_natives[id] = NativeEntry{fn, name};
            index[i] = id;
            return id;
        }
        if (s_natives[index[i]].fn == fn) {
            // A function first registered unnamed (new_native_function) takes the name given later.
            if (!s_natives[index[i]].name && name) s_natives[index[i]].name = name;
            return index[i];
        }
    }
}

NativeFn native_by_id(uint32_t id) {
    return id < s_native_count ? s_natives[id].fn : nullptr;
}
const char* native_name(uint32_t id) {
    return id < s_native_count ? s_natives[id].name : nullptr;
}
uint32_t native_count() {
    return s_native_count;
}

// ---- class hooks ----

static void visit_native_function(Object* o, EdgeVisitor& v) {
    auto* f = static_cast<NativeFunctionObject*>(o);
    for (uint32_t i = 0; i < f->m_data_count; ++i)
        v.visit_value(f->data()[i]);
}
static void clear_native_function(Object* o) {
    auto* f = static_cast<NativeFunctionObject*>(o);
    for (uint32_t i = 0; i < f->m_data_count; ++i)
        f->data()[i] = Value();
}
static void visit_bound_function(Object* o, EdgeVisitor& v) {
    auto* f = static_cast<BoundFunctionObject*>(o);
    v.visit_value(f->m_target);
    v.visit_value(f->m_bound_this);
    for (Value& a : f->m_bound_args)
        v.visit_value(a);
}
static void clear_bound_function(Object* o) {
    auto* f = static_cast<BoundFunctionObject*>(o);
    f->m_target = Value();
    f->m_bound_this = Value();
    Vector<Value>().swap(f->m_bound_args);
}

// ---- snapshots ----

static uint32_t native_function_trailing(const Object* o) {
    return static_cast<const NativeFunctionObject*>(o)->m_data_count;
}
static Object* construct_native_function(void* memory, uint32_t data_count) {
    auto* f = new (memory) NativeFunctionObject();
    f->m_data_count = static_cast<uint16_t>(data_count);
    for (uint32_t i = 0; i < data_count; ++i)
        new (&f->data()[i]) Value();
    return f;
}
static bool write_native_function(Object* o, HeapWriter& w) {
    auto* f = static_cast<NativeFunctionObject*>(o);
    w.native(f->m_native_id);
    w.out().varint(f->m_magic);
    w.realm(f->m_realm);
    for (uint32_t i = 0; i < f->m_data_count; ++i)
        w.value(f->data()[i]);
    return true;
}
static bool read_native_function(Object* o, HeapReader& r) {
    auto* f = static_cast<NativeFunctionObject*>(o);
    int64_t magic;
    if (!r.native(&f->m_native_id) || !r.in().varint(&magic) || !r.realm(&f->m_realm)) return false;
    if (magic < INT16_MIN || magic > INT16_MAX) return r.fail("bad native function magic");
    f->m_magic = static_cast<int16_t>(magic);
    for (uint32_t i = 0; i < f->m_data_count; ++i)
        if (!r.value(&f->data()[i])) return false;
    return true;
}
static const ClassSnapshotHooks kNativeFunctionSnapshot = {
    sizeof(NativeFunctionObject),
    sizeof(Value),
    native_function_trailing,
    construct_native_function,
    write_native_function,
    read_native_function,
    nullptr,
};

static bool write_bound_function(Object* o, HeapWriter& w) {
    auto* f = static_cast<BoundFunctionObject*>(o);
    w.value(f->m_target);
    w.value(f->m_bound_this);
    w.out().varuint(f->m_bound_args.size());
    for (const Value& a : f->m_bound_args)
        w.value(a);
    return true;
}
static bool read_bound_function(Object* o, HeapReader& r) {
    auto* f = static_cast<BoundFunctionObject*>(o);
    uint32_t n;
    if (!r.object(&f->m_target, false) || !r.value(&f->m_bound_this) || !r.count(&n, 0xffff)) return false;
    f->m_bound_args.resize(n);
    for (Value& a : f->m_bound_args)
        if (!r.value(&a)) return false;
    return true;
}
static bool check_bound_function(Object* o, HeapReader& r) {
    auto* f = static_cast<BoundFunctionObject*>(o);
    return f->m_target.as_object()->is_callable() || r.fail("bound function of something not callable");
}
static const ClassSnapshotHooks kBoundFunctionSnapshot = {
    sizeof(BoundFunctionObject),
    0,
    nullptr,
    construct_payload<BoundFunctionObject>,
    write_bound_function,
    read_bound_function,
    check_bound_function,
};

void register_function_classes() {
    static bool done = false;
    if (done) return;
    done = true;
    register_class_hooks(ClassId::NativeFunction, ClassHooks{visit_native_function, clear_native_function,
                                                             nullptr, nullptr, &kNativeFunctionSnapshot});
    register_class_hooks(ClassId::BoundFunction, ClassHooks{visit_bound_function, clear_bound_function,
                                                            nullptr, nullptr, &kBoundFunctionSnapshot});
}

// ---- creation ----

// CreateBuiltinFunction with the "name" value already made (`name` empty: no "name" property).
static Value create_native_function(Context& ctx, NativeFn fn, Value name, bool has_name, uint32_t length,
                                    int16_t magic, uint32_t data_count, bool is_constructor, Object* proto) {
    register_function_classes();
    if (!proto) proto = ctx.intrinsic(Intrinsic::FunctionPrototype);
    // "length" and "name" live in slots inside the object's allocation, after the data values.
    constexpr uint32_t kInlineSlots = 2;
    size_t size = sizeof(NativeFunctionObject) + (data_count + kInlineSlots) * sizeof(Value);
    bool usual = has_name && proto == ctx.intrinsic(Intrinsic::FunctionPrototype);
    Shape* shape = usual ? ctx.m_native_function_shape : nullptr;
    void* mem = Object::allocate_memory(ctx, size);
    if (!mem) return Exception{};
    auto* f = new (mem) NativeFunctionObject();
    if (!Object::initialize(ctx, f, proto, ClassId::NativeFunction, size, shape)) return Exception{};
    Value result = Value::adopt(Tag::Object, f);
    f->m_native_id = register_native(fn, nullptr);
    f->m_magic = magic;
    f->m_realm = &ctx;
    for (uint32_t i = 0; i < data_count; ++i)
        new (&f->data()[i]) Value();
    f->m_data_count = static_cast<uint16_t>(data_count);
    f->m_slots = f->data() + data_count;
    f->m_slot_capacity = kInlineSlots;
    f->m_flags |= objflag::Callable;
    if (is_constructor) f->m_flags |= objflag::Constructor;
    // "length" then "name", both configurable only.
    if (shape) {
        new (&f->m_slots[0]) Value(Value::number(length));
        new (&f->m_slots[1]) Value(std::move(name));
        return result;
    }
    if (!define_fresh_property(ctx, f, atoms::length, Value::number(length), prop::Configurable))
        return Exception{};
    if (has_name && !define_fresh_property(ctx, f, atoms::name, std::move(name), prop::Configurable))
        return Exception{};
    if (usual && !ctx.m_native_function_shape) {
        ctx.m_native_function_shape = f->shape();
        f->shape()->ref();
    }
    return result;
}

Value new_native_function(Context& ctx, NativeFn fn, Atom name, uint32_t length, int16_t magic,
                          uint32_t data_count, bool is_constructor, Object* proto) {
    Value n;
    if (name != atoms::invalid) {
        n = TRY(ctx.rt().atom_to_string(name));
        if (ctx.rt().atom_is_symbol(name)) {
            // A symbol-named builtin is called "[description]".
            StringBuilder sb(ctx.rt());
            if (!sb.append(u'[') || !sb.append(n.as_string()) || !sb.append(u']'))
                return ctx.throw_out_of_memory();
            String* s = sb.finish();
            if (!s) return ctx.throw_out_of_memory();
            n = Value::adopt(Tag::String, s);
        }
    }
    return create_native_function(ctx, fn, std::move(n), name != atoms::invalid, length, magic, data_count,
                                  is_constructor, proto);
}

Value new_native_function(Context& ctx, NativeFn fn, const char* name, uint32_t length, int16_t magic) {
    Atom a = function_list_atom(ctx, name);
    if (!a) return Exception{};
    return new_native_function(ctx, fn, a, length, magic);
}

Object* define_builtin_constructor(Context& ctx, NativeFn fn, const char* name, uint32_t length,
                                   Object* prototype, Object* ctor_proto) {
    Atom a = ctx.rt().intern_ascii(name);
    if (!a) {
        ctx.throw_out_of_memory();
        return nullptr;
    }
    Value ctor = new_native_function(ctx, fn, a, length, 0, 0, true, ctor_proto);
    if (ctor.is_exception()) return nullptr;
    Object* c = ctor.as_object();
    if (prototype) {
        if (!define_fresh_property(ctx, c, atoms::prototype, Value::object(prototype), 0)) return nullptr;
        if (put_own_data(ctx, prototype, atoms::constructor, ctor, prop::Writable | prop::Configurable)
                .is_exception())
            return nullptr;
    }
    if (put_own_data(ctx, ctx.global_object(), a, ctor, prop::Writable | prop::Configurable).is_exception())
        return nullptr;
    return c; // borrowed: the global object holds it
}

Atom function_list_atom(Context& ctx, const char* name) {
    if (name[0] == '[') {
        static const char* const kSymbolNames[] = {
#define QJS_SYMBOL(id, text) text,
#include "runtime/WellKnownSymbols.def"
#undef QJS_SYMBOL
        };
        size_t n = std::strlen(name);
        for (size_t i = 0; i < sizeof kSymbolNames / sizeof *kSymbolNames; ++i) {
            if (n == std::strlen(kSymbolNames[i]) + 2 && std::strncmp(name + 1, kSymbolNames[i], n - 2) == 0)
                return atoms::first_well_known_symbol + static_cast<Atom>(i);
        }
        VERIFY_NOT_REACHED();
    }
    Atom a = ctx.rt().intern_ascii(name);
    if (!a) ctx.throw_out_of_memory();
    return a;
}

// A builtin getter or setter named "get key" / "set key" ("get [description]" for symbol keys).
static Value new_accessor_function(Context& ctx, NativeFn fn, const char* entry_name, const char* prefix,
                                   Atom key, String* key_name, uint32_t length, int16_t magic) {
    register_native(fn, entry_name);
    bool symbol = ctx.rt().atom_is_symbol(key);
    StringBuilder sb(ctx.rt());
    sb.append_ascii(prefix);
    if (symbol) sb.append(u'[');
    sb.append(key_name);
    if (symbol) sb.append(u']');
    String* s = sb.finish();
    if (!s) return ctx.throw_out_of_memory();
    return create_native_function(ctx, fn, Value::adopt(Tag::String, s), true, length, magic, 0, false,
                                  nullptr);
}

bool define_function_list(Context& ctx, Object* target, std::span<const FunctionListEntry> entries) {
    // Room for the whole table at once rather than doubling the slot array as it fills.
    uint32_t needed = target->shape()->count() + static_cast<uint32_t>(entries.size());
    if (needed > target->m_slot_capacity && !grow_slots(ctx.rt(), target, needed)) {
        ctx.throw_out_of_memory();
        return false;
    }
    for (const FunctionListEntry& e : entries) {
        Atom key = function_list_atom(ctx, e.name);
        if (!key) return false;
        switch (e.kind) {
        case FunctionListEntry::Kind::Method: {
            register_native(e.fn, e.name); // records the name for snapshots
            Value f = new_native_function(ctx, e.fn, key, e.length, e.magic);
            if (f.is_exception()) return false;
            if (put_own_data(ctx, target, key, std::move(f), e.flags).is_exception()) return false;
            break;
        }
        case FunctionListEntry::Kind::Accessor: {
            Value getter, setter;
            Value name = ctx.rt().atom_to_string(key);
            if (name.is_exception()) return false;
            if (e.fn) {
                getter = new_accessor_function(ctx, e.fn, e.name, "get ", key, name.as_string(), 0, e.magic);
                if (getter.is_exception()) return false;
            }
            if (e.setter) {
                setter =
                    new_accessor_function(ctx, e.setter, e.name, "set ", key, name.as_string(), 1, e.magic);
                if (setter.is_exception()) return false;
            }
            // A new key on an ordinary extensible object: [[DefineOwnProperty]] would only append it.
            if (find_own_slot(target, key) < 0 && !target->is_exotic() && !target->is_array() &&
                !target->is_fast_array() && target->is_extensible()) {
                if (!define_fresh_accessor(ctx, target, key, std::move(getter), std::move(setter), e.flags))
                    return false;
                break;
            }
            if (define_property_or_throw(
                    ctx, target, key,
                    PropertyDescriptor::accessor(std::move(getter), std::move(setter), e.flags))
                    .is_exception())
                return false;
            break;
        }
        case FunctionListEntry::Kind::Int:
        case FunctionListEntry::Kind::Double:
            if (put_own_data(ctx, target, key, Value::number(e.number), e.flags).is_exception()) return false;
            break;
        case FunctionListEntry::Kind::String: {
            Value s = ctx.new_string(e.string);
            if (s.is_exception() || put_own_data(ctx, target, key, std::move(s), e.flags).is_exception())
                return false;
            break;
        }
        case FunctionListEntry::Kind::Undefined:
            if (put_own_data(ctx, target, key, Value(), e.flags).is_exception()) return false;
            break;
        }
    }
    return true;
}

} // namespace qjs
