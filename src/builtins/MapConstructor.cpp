// 24.1 Map Objects and 24.2 Set Objects: constructors, prototypes, and the Map/Set iterators.
// Map and Set share their table (MapTable.h) and most of their method shapes, so they share this file.
#include "builtins/Builtins.h"
#include "builtins/MapTable.h"
#include "gc/Visitor.h"
#include "runtime/Call.h"
#include "runtime/Context.h"
#include "runtime/Conversions.h"
#include "runtime/Iteration.h"
#include "runtime/NativeFunction.h"
#include "runtime/Symbol.h"
#include "snapshot/HeapReader.h"
#include "snapshot/HeapWriter.h"

namespace qjs {

static Atom wks(WellKnownSymbol s) {
    return atoms::first_well_known_symbol + static_cast<Atom>(s);
}

static MapObject* this_map(Context& ctx, const Value& v, ClassId cls, const char* method) {
    if (!v.is_object() || v.as_object()->class_id() != cls) {
        ctx.throw_type_error("%s called on incompatible receiver", method);
        return nullptr;
    }
    return static_cast<MapObject*>(v.as_object());
}

// The constructor steps shared by Map, Set, WeakMap and WeakSet (24.1.1.1, 24.2.2.1, 24.3.1.1,
// 24.4.1.1): create from NewTarget, then feed the iterable through the adder method.
static Value construct_collection(Context& ctx, const CallArgs& args, ClassId cls, Intrinsic proto_intrinsic,
                                  Atom adder_name, bool pairs) {
    // 1. If NewTarget is undefined, throw a TypeError exception.
    if (!args.is_construct()) return ctx.throw_type_error("Constructor requires 'new'");
    // 2. Let map be ? OrdinaryCreateFromConstructor(NewTarget, proto).
    Object* proto = TRY(get_prototype_from_constructor(ctx, args.new_target, ctx.intrinsic(proto_intrinsic)));
    Value proto_hold = proto ? Value::adopt(Tag::Object, proto) : Value();
    MapObject* map = new_map_object(ctx, proto, cls);
    if (!map) return Exception{};
    Value result = Value::adopt(Tag::Object, map);
    // 3. If iterable is either undefined or null, return map.
    const Value& iterable = args.arg(0);
    if (iterable.is_nullish()) return result;
    // 4-5. Let adder be ? Get(map, adderName); if not callable, throw a TypeError.
    Value adder = TRY(get(ctx, map, adder_name, result));
    if (!is_callable(adder)) return ctx.throw_type_error("collection adder is not callable");
    // AddEntriesFromIterable / the Set loop.
    IteratorRecord iter = TRY(get_iterator(ctx, iterable));
    for (;;) {
        Value next;
        bool more = TRY(iterator_step_value(ctx, iter, &next));
        if (!more) return result;
        if (!pairs) {
            Value r = call(ctx, adder, result, std::span<const Value>(&next, 1));
            if (r.is_exception()) return iterator_close_with_throw(ctx, iter);
            continue;
        }
        // If item is not an Object, throw (closing the iterator).
        if (!next.is_object()) {
            ctx.throw_type_error("iterator value is not an entry object");
            return iterator_close_with_throw(ctx, iter);
        }
        Value kv[2];
        kv[0] = get(ctx, next.as_object(), atom_from_index(0), next);
        if (kv[0].is_exception()) return iterator_close_with_throw(ctx, iter);
        kv[1] = get(ctx, next.as_object(), atom_from_index(1), next);
        if (kv[1].is_exception()) return iterator_close_with_throw(ctx, iter);
        Value r = call(ctx, adder, result, kv);
        if (r.is_exception()) return iterator_close_with_throw(ctx, iter);
    }
}

static Value map_constructor(Context& ctx, const CallArgs& args) {
    return construct_collection(ctx, args, ClassId::Map, Intrinsic::MapPrototype, atoms::set, true);
}
static Value set_constructor(Context& ctx, const CallArgs& args) {
    return construct_collection(ctx, args, ClassId::Set, Intrinsic::SetPrototype, atoms::add, false);
}
static Value weak_map_constructor(Context& ctx, const CallArgs& args) {
    return construct_collection(ctx, args, ClassId::WeakMap, Intrinsic::WeakMapPrototype, atoms::set, true);
}
static Value weak_set_constructor(Context& ctx, const CallArgs& args) {
    return construct_collection(ctx, args, ClassId::WeakSet, Intrinsic::WeakSetPrototype, atoms::add, false);
}

// CanBeHeldWeakly (#sec-canbeheldweakly): objects and non-registered symbols.
static bool can_be_held_weakly(const Value& v) {
    if (v.is_object()) return true;
    if (v.is_symbol()) return !v.as_symbol()->is_registered;
    return false;
}

// Methods are shared between the four classes through `magic` = ClassId.
static ClassId magic_class(const CallArgs& args) {
    return static_cast<ClassId>(args.magic);
}
static bool is_weak(ClassId c) {
    return c == ClassId::WeakMap || c == ClassId::WeakSet;
}

// Map.prototype.get / WeakMap.prototype.get (#sec-map.prototype.get)
static Value collection_get(Context& ctx, const CallArgs& args) {
    MapObject* m = this_map(ctx, args.this_value, magic_class(args), "get");
    if (!m) return Exception{};
    int64_t i = map_find(m, args.arg(0));
    return i < 0 ? Value() : m->m_entries[static_cast<size_t>(i)].value;
}

// Map/Set/WeakMap/WeakSet.prototype.has
static Value collection_has(Context& ctx, const CallArgs& args) {
    MapObject* m = this_map(ctx, args.this_value, magic_class(args), "has");
    if (!m) return Exception{};
    return Value::boolean(map_find(m, args.arg(0)) >= 0);
}

// Map.prototype.set / WeakMap.prototype.set (#sec-map.prototype.set)
static Value collection_set(Context& ctx, const CallArgs& args) {
    ClassId cls = magic_class(args);
    MapObject* m = this_map(ctx, args.this_value, cls, "set");
    if (!m) return Exception{};
    if (is_weak(cls) && !can_be_held_weakly(args.arg(0)))
        return ctx.throw_type_error("invalid value used as weak map key");
    if (!map_set(ctx, m, args.arg(0), args.arg(1))) return ctx.throw_out_of_memory();
    return args.this_value;
}

// Map.prototype.getOrInsert ( key, value ) (#sec-map.prototype.getorinsert) and
// WeakMap.prototype.getOrInsert (#sec-weakmap.prototype.getorinsert)
static Value collection_get_or_insert(Context& ctx, const CallArgs& args) {
    ClassId cls = magic_class(args);
    // 1-2. Let M be the this value; perform ? RequireInternalSlot(M, [[MapData]] / [[WeakMapData]]).
    MapObject* m = this_map(ctx, args.this_value, cls, "getOrInsert");
    if (!m) return Exception{};
    // WeakMap 3. If CanBeHeldWeakly(key) is false, throw a TypeError exception.
    if (is_weak(cls) && !can_be_held_weakly(args.arg(0)))
        return ctx.throw_type_error("invalid value used as weak map key");
    // Map 3. Set key to CanonicalizeKeyedCollectionKey(key) (map_set stores -0 as +0).
    // 4. For each Record p of M.[[MapData]]: if SameValue(p.[[Key]], key), return p.[[Value]].
    int64_t i = map_find(m, args.arg(0));
    if (i >= 0) return m->m_entries[static_cast<size_t>(i)].value;
    // 5-6. Append the Record { [[Key]]: key, [[Value]]: value } to M.[[MapData]]; return value.
    if (!map_set(ctx, m, args.arg(0), args.arg(1))) return ctx.throw_out_of_memory();
    return args.arg(1);
}

// Map.prototype.getOrInsertComputed ( key, callbackfn ) (#sec-map.prototype.getorinsertcomputed) and
// WeakMap.prototype.getOrInsertComputed (#sec-weakmap.prototype.getorinsertcomputed)
static Value collection_get_or_insert_computed(Context& ctx, const CallArgs& args) {
    ClassId cls = magic_class(args);
    // 1-2. Let M be the this value; perform ? RequireInternalSlot(M, [[MapData]] / [[WeakMapData]]).
    MapObject* m = this_map(ctx, args.this_value, cls, "getOrInsertComputed");
    if (!m) return Exception{};
    // WeakMap 3. If CanBeHeldWeakly(key) is false, throw a TypeError exception.
    if (is_weak(cls) && !can_be_held_weakly(args.arg(0)))
        return ctx.throw_type_error("invalid value used as weak map key");
    // 3/4. If IsCallable(callbackfn) is false, throw a TypeError exception.
    const Value& callback = args.arg(1);
    if (!is_callable(callback))
        return ctx.throw_type_error("getOrInsertComputed: callback is not a function");
    // 4. Set key to CanonicalizeKeyedCollectionKey(key).
    Value key = args.arg(0);
    if (key.is_float64() && key.as_float64() == 0) key = Value::int32(0);
    // 5. For each Record p of M.[[MapData]]: if SameValue(p.[[Key]], key), return p.[[Value]].
    int64_t i = map_find(m, key);
    if (i >= 0) return m->m_entries[static_cast<size_t>(i)].value;
    // 6. Let value be ? Call(callbackfn, undefined, « key »).
    Value value = TRY(call(ctx, callback, Value(), {&key, 1}));
    // 7. For each Record p of M.[[MapData]]: if SameValue(p.[[Key]], key), set p.[[Value]] to value
    //    and return value (the callback may have inserted the key).
    // 8. Else append the Record { [[Key]]: key, [[Value]]: value } to M.[[MapData]].
    if (!map_set(ctx, m, key, value)) return ctx.throw_out_of_memory();
    // 9. Return value.
    return value;
}

// Set.prototype.add / WeakSet.prototype.add (#sec-set.prototype.add)
static Value collection_add(Context& ctx, const CallArgs& args) {
    ClassId cls = magic_class(args);
    MapObject* m = this_map(ctx, args.this_value, cls, "add");
    if (!m) return Exception{};
    if (is_weak(cls) && !can_be_held_weakly(args.arg(0)))
        return ctx.throw_type_error("invalid value used in weak set");
    if (map_find(m, args.arg(0)) < 0 && !map_set(ctx, m, args.arg(0), args.arg(0)))
        return ctx.throw_out_of_memory();
    return args.this_value;
}

static Value collection_delete(Context& ctx, const CallArgs& args) {
    MapObject* m = this_map(ctx, args.this_value, magic_class(args), "delete");
    if (!m) return Exception{};
    return Value::boolean(map_delete(m, args.arg(0)));
}

static Value collection_clear(Context& ctx, const CallArgs& args) {
    MapObject* m = this_map(ctx, args.this_value, magic_class(args), "clear");
    if (!m) return Exception{};
    map_clear(m);
    return Value();
}

static Value collection_size(Context& ctx, const CallArgs& args) {
    MapObject* m = this_map(ctx, args.this_value, magic_class(args), "size");
    if (!m) return Exception{};
    return Value::number(m->m_live);
}

// Map.prototype.forEach / Set.prototype.forEach: entries added during the walk are visited.
static Value collection_for_each(Context& ctx, const CallArgs& args) {
    ClassId cls = magic_class(args);
    MapObject* m = this_map(ctx, args.this_value, cls, "forEach");
    if (!m) return Exception{};
    const Value& fn = args.arg(0);
    if (!is_callable(fn)) return ctx.throw_type_error("forEach callback is not a function");
    for (size_t i = 0; i < m->m_entries.size(); ++i) {
        if (m->m_entries[i].key.is_uninitialized()) continue;
        Value call_args[3] = {m->m_entries[i].value, m->m_entries[i].key, args.this_value};
        if (cls == ClassId::Set) call_args[0] = m->m_entries[i].key;
        TRY(call(ctx, fn, args.arg(1), call_args));
    }
    return Value();
}

// ---- iterators (24.1.5, 24.2.6) ----

enum class IterKind : int16_t { Keys, Values, Entries };

class CollectionIterator : public Object {
  public:
    Value m_collection; // undefined once exhausted
    uint32_t m_index = 0;
    IterKind m_kind = IterKind::Entries;
};

static void visit_iterator(Object* o, EdgeVisitor& v) {
    v.visit_value(static_cast<CollectionIterator*>(o)->m_collection);
}
static void clear_iterator(Object* o) {
    static_cast<CollectionIterator*>(o)->m_collection = Value();
}

// CreateMapIterator / CreateSetIterator; magic = kind | (is_set << 4)
static Value collection_iterator(Context& ctx, const CallArgs& args) {
    bool is_set = args.magic >> 4;
    MapObject* m = this_map(ctx, args.this_value, is_set ? ClassId::Set : ClassId::Map, "iterator");
    if (!m) return Exception{};
    ClassId cls = is_set ? ClassId::SetIterator : ClassId::MapIterator;
    Object* proto = ctx.intrinsic(is_set ? Intrinsic::SetIteratorPrototype : Intrinsic::MapIteratorPrototype);
    auto* it = Object::create_as<CollectionIterator>(ctx, proto, cls);
    if (!it) return Exception{};
    it->m_collection = args.this_value;
    it->m_kind = static_cast<IterKind>(args.magic & 15);
    return Value::adopt(Tag::Object, it);
}

// %MapIteratorPrototype%.next / %SetIteratorPrototype%.next
static Value collection_iterator_next(Context& ctx, const CallArgs& args) {
    ClassId cls = args.magic ? ClassId::SetIterator : ClassId::MapIterator;
    if (!args.this_value.is_object() || args.this_value.as_object()->class_id() != cls)
        return ctx.throw_type_error("next called on incompatible receiver");
    auto* it = static_cast<CollectionIterator*>(args.this_value.as_object());
    if (it->m_collection.is_undefined()) return create_iter_result_object(ctx, Value(), true);
    auto* m = static_cast<MapObject*>(it->m_collection.as_object());
    while (it->m_index < m->m_entries.size() && m->m_entries[it->m_index].key.is_uninitialized())
        ++it->m_index;
    if (it->m_index >= m->m_entries.size()) {
        it->m_collection = Value();
        return create_iter_result_object(ctx, Value(), true);
    }
    MapEntry& e = m->m_entries[it->m_index++];
    switch (it->m_kind) {
    case IterKind::Keys: return create_iter_result_object(ctx, e.key, false);
    case IterKind::Values: return create_iter_result_object(ctx, e.value, false);
    case IterKind::Entries: {
        Value pair[2] = {e.key, e.value};
        Value arr = TRY(create_array_from_list(ctx, pair));
        return create_iter_result_object(ctx, arr, false);
    }
    }
    return Value();
}

// ---- Map.groupBy (24.1.2.1) ----

static Value map_group_by(Context& ctx, const CallArgs& args) {
    const Value& items = args.arg(0);
    const Value& callback = args.arg(1);
    TRY(require_object_coercible(ctx, items));
    if (!is_callable(callback)) return ctx.throw_type_error("callback is not a function");
    MapObject* m = new_map_object(ctx, ctx.intrinsic(Intrinsic::MapPrototype), ClassId::Map);
    if (!m) return Exception{};
    Value result = Value::adopt(Tag::Object, m);
    IteratorRecord iter = TRY(get_iterator(ctx, items));
    for (uint64_t k = 0;; ++k) {
        Value value;
        bool more = TRY(iterator_step_value(ctx, iter, &value));
        if (!more) return result;
        Value cargs[2] = {value, Value::number(static_cast<double>(k))};
        Value key = call(ctx, callback, Value(), cargs);
        if (key.is_exception()) return iterator_close_with_throw(ctx, iter);
        if (key.is_float64() && key.as_float64() == 0) key = Value::int32(0);
        int64_t found = map_find(m, key);
        if (found < 0) {
            Value group = TRY(new_array(ctx));
            if (!map_set(ctx, m, key, group)) return ctx.throw_out_of_memory();
            found = map_find(m, key);
        }
        Object* group = m->m_entries[static_cast<size_t>(found)].value.as_object();
        if (!array_push_fast(ctx, group, value)) return Exception{};
    }
}

static Value species_getter(Context&, const CallArgs& args) {
    return args.this_value;
}

#define MAGIC(c) static_cast<int16_t>(ClassId::c)

static const FunctionListEntry kMapPrototype[] = {
    QJS_FUNC_MAGIC("get", 1, collection_get, MAGIC(Map)),
    QJS_FUNC_MAGIC("set", 2, collection_set, MAGIC(Map)),
    QJS_FUNC_MAGIC("getOrInsert", 2, collection_get_or_insert, MAGIC(Map)),
    QJS_FUNC_MAGIC("getOrInsertComputed", 2, collection_get_or_insert_computed, MAGIC(Map)),
    QJS_FUNC_MAGIC("has", 1, collection_has, MAGIC(Map)),
    QJS_FUNC_MAGIC("delete", 1, collection_delete, MAGIC(Map)),
    QJS_FUNC_MAGIC("clear", 0, collection_clear, MAGIC(Map)),
    QJS_FUNC_MAGIC("forEach", 1, collection_for_each, MAGIC(Map)),
    QJS_FUNC_MAGIC("keys", 0, collection_iterator, static_cast<int16_t>(IterKind::Keys)),
    QJS_FUNC_MAGIC("values", 0, collection_iterator, static_cast<int16_t>(IterKind::Values)),
    QJS_FUNC_MAGIC("entries", 0, collection_iterator, static_cast<int16_t>(IterKind::Entries)),
    {"size", FunctionListEntry::Kind::Accessor, prop::Configurable, 0, MAGIC(Map), collection_size, nullptr,
     0, nullptr},
    QJS_PROP_STRING("[Symbol.toStringTag]", "Map", prop::Configurable),
};

static const FunctionListEntry kSetPrototype[] = {
    QJS_FUNC_MAGIC("add", 1, collection_add, MAGIC(Set)),
    QJS_FUNC_MAGIC("has", 1, collection_has, MAGIC(Set)),
    QJS_FUNC_MAGIC("delete", 1, collection_delete, MAGIC(Set)),
    QJS_FUNC_MAGIC("clear", 0, collection_clear, MAGIC(Set)),
    QJS_FUNC_MAGIC("forEach", 1, collection_for_each, MAGIC(Set)),
    QJS_FUNC_MAGIC("entries", 0, collection_iterator, static_cast<int16_t>(IterKind::Entries) | 16),
    QJS_FUNC_MAGIC("values", 0, collection_iterator, static_cast<int16_t>(IterKind::Values) | 16),
    {"size", FunctionListEntry::Kind::Accessor, prop::Configurable, 0, MAGIC(Set), collection_size, nullptr,
     0, nullptr},
    QJS_PROP_STRING("[Symbol.toStringTag]", "Set", prop::Configurable),
};

static const FunctionListEntry kWeakMapPrototype[] = {
    QJS_FUNC_MAGIC("get", 1, collection_get, MAGIC(WeakMap)),
    QJS_FUNC_MAGIC("set", 2, collection_set, MAGIC(WeakMap)),
    QJS_FUNC_MAGIC("getOrInsert", 2, collection_get_or_insert, MAGIC(WeakMap)),
    QJS_FUNC_MAGIC("getOrInsertComputed", 2, collection_get_or_insert_computed, MAGIC(WeakMap)),
    QJS_FUNC_MAGIC("has", 1, collection_has, MAGIC(WeakMap)),
    QJS_FUNC_MAGIC("delete", 1, collection_delete, MAGIC(WeakMap)),
    QJS_PROP_STRING("[Symbol.toStringTag]", "WeakMap", prop::Configurable),
};

static const FunctionListEntry kWeakSetPrototype[] = {
    QJS_FUNC_MAGIC("add", 1, collection_add, MAGIC(WeakSet)),
    QJS_FUNC_MAGIC("has", 1, collection_has, MAGIC(WeakSet)),
    QJS_FUNC_MAGIC("delete", 1, collection_delete, MAGIC(WeakSet)),
    QJS_PROP_STRING("[Symbol.toStringTag]", "WeakSet", prop::Configurable),
};

static const FunctionListEntry kMapIteratorPrototype[] = {
    QJS_FUNC_MAGIC("next", 0, collection_iterator_next, 0),
    QJS_PROP_STRING("[Symbol.toStringTag]", "Map Iterator", prop::Configurable),
};
static const FunctionListEntry kSetIteratorPrototype[] = {
    QJS_FUNC_MAGIC("next", 0, collection_iterator_next, 1),
    QJS_PROP_STRING("[Symbol.toStringTag]", "Set Iterator", prop::Configurable),
};

static const FunctionListEntry kMapConstructor[] = {
    QJS_FUNC("groupBy", 2, map_group_by),
    QJS_GETTER("[Symbol.species]", species_getter),
};
static const FunctionListEntry kSetConstructor[] = {
    QJS_GETTER("[Symbol.species]", species_getter),
};

bool install_set_methods(Context&, Object* set_proto); // SetPrototypeMethods.cpp

static Object* make_proto(Context& ctx, Intrinsic proto_of_proto, Intrinsic slot) {
    Object* p = Object::create(ctx, ctx.intrinsic(proto_of_proto), ClassId::Object);
    if (!p) return nullptr;
    ctx.set_intrinsic(slot, p);
    p->unref(); // the realm holds it
    return p;
}

static bool install_collection(Context& ctx, NativeFn ctor_fn, const char* name, Intrinsic proto_slot,
                               Intrinsic ctor_slot, std::span<const FunctionListEntry> proto_funcs,
                               std::span<const FunctionListEntry> ctor_funcs) {
    Object* proto = make_proto(ctx, Intrinsic::ObjectPrototype, proto_slot);
    if (!proto) return false;
    Object* ctor = define_builtin_constructor(ctx, ctor_fn, name, 0, proto);
    if (!ctor) return false;
    ctx.set_intrinsic(ctor_slot, ctor);
    return define_function_list(ctx, proto, proto_funcs) && define_function_list(ctx, ctor, ctor_funcs);
}

static bool write_collection_iterator(Object* o, HeapWriter& w) {
    auto* it = static_cast<CollectionIterator*>(o);
    w.value(it->m_collection);
    w.out().varuint(it->m_index);
    w.out().u8(static_cast<uint8_t>(it->m_kind));
    return true;
}
static bool read_collection_iterator(Object* o, HeapReader& r) {
    auto* it = static_cast<CollectionIterator*>(o);
    uint8_t kind;
    ClassId collection = o->class_id() == ClassId::MapIterator ? ClassId::Map : ClassId::Set;
    if (!r.object_of_class(&it->m_collection, collection, true) || !r.varuint32(&it->m_index) || !r.u8(&kind))
        return false;
    if (kind > static_cast<uint8_t>(IterKind::Entries)) return r.fail("bad iterator kind");
    it->m_kind = static_cast<IterKind>(kind);
    return true;
}
static const ClassSnapshotHooks kCollectionIteratorSnapshot = {
    sizeof(CollectionIterator),
    0,
    nullptr,
    construct_payload<CollectionIterator>,
    write_collection_iterator,
    read_collection_iterator,
    nullptr,
};

bool install_collections(Context& ctx) {
    register_map_classes();
    register_class_hooks(ClassId::MapIterator, ClassHooks{visit_iterator, clear_iterator, nullptr, nullptr,
                                                          &kCollectionIteratorSnapshot});
    register_class_hooks(ClassId::SetIterator, ClassHooks{visit_iterator, clear_iterator, nullptr, nullptr,
                                                          &kCollectionIteratorSnapshot});
    if (!install_collection(ctx, map_constructor, "Map", Intrinsic::MapPrototype, Intrinsic::Map,
                            kMapPrototype, kMapConstructor) ||
        !install_collection(ctx, set_constructor, "Set", Intrinsic::SetPrototype, Intrinsic::Set,
                            kSetPrototype, kSetConstructor) ||
        !install_collection(ctx, weak_map_constructor, "WeakMap", Intrinsic::WeakMapPrototype,
                            Intrinsic::WeakMap, kWeakMapPrototype, {}) ||
        !install_collection(ctx, weak_set_constructor, "WeakSet", Intrinsic::WeakSetPrototype,
                            Intrinsic::WeakSet, kWeakSetPrototype, {}))
        return false;
    // Map.prototype[@@iterator] is Map.prototype.entries; Set's is Set.prototype.values, and
    // Set.prototype.keys is the same function too.
    Object* map_proto = ctx.intrinsic(Intrinsic::MapPrototype);
    Object* set_proto = ctx.intrinsic(Intrinsic::SetPrototype);
    Value entries = get(ctx, map_proto, ctx.rt().intern_ascii("entries"));
    if (entries.is_exception()) return false;
    if (put_own_data(ctx, map_proto, wks(WellKnownSymbol::iterator), entries,
                     prop::Writable | prop::Configurable)
            .is_exception())
        return false;
    Value values = get(ctx, set_proto, ctx.rt().intern_ascii("values"));
    if (values.is_exception()) return false;
    if (put_own_data(ctx, set_proto, ctx.rt().intern_ascii("keys"), values,
                     prop::Writable | prop::Configurable)
            .is_exception() ||
        put_own_data(ctx, set_proto, wks(WellKnownSymbol::iterator), values,
                     prop::Writable | prop::Configurable)
            .is_exception())
        return false;
    // The iterator prototypes inherit %IteratorPrototype%; they hang off hidden intrinsic slots.
    Object* iter_proto = ctx.intrinsic(Intrinsic::IteratorPrototype);
    if (!iter_proto) iter_proto = ctx.intrinsic(Intrinsic::ObjectPrototype);
    Object* mip = Object::create(ctx, iter_proto, ClassId::Object);
    if (!mip) return false;
    ctx.set_intrinsic(Intrinsic::MapIteratorPrototype, mip);
    mip->unref();
    Object* sip = Object::create(ctx, iter_proto, ClassId::Object);
    if (!sip) return false;
    ctx.set_intrinsic(Intrinsic::SetIteratorPrototype, sip);
    sip->unref();
    return define_function_list(ctx, mip, kMapIteratorPrototype) &&
           define_function_list(ctx, sip, kSetIteratorPrototype) && install_set_methods(ctx, set_proto);
}

} // namespace qjs
