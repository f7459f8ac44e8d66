// Iteration.cpp: for-in enumeration (14.7.5.9 EnumerateObjectProperties) and the iterator steps of
// for-of, spread, destructuring and yield* (on top of runtime/Iteration.h).
#include "runtime/Iteration.h"
#include "gc/Visitor.h"
#include "runtime/Call.h"
#include "runtime/Context.h"
#include "runtime/Conversions.h"
#include "runtime/Object.h"
#include "snapshot/HeapReader.h"
#include "snapshot/HeapWriter.h"
#include "vm/SlowPaths.h"

namespace qjs {

Value create_async_from_sync_iterator(Context&, const Value& iterator, const Value& next, Value* next_out);

namespace {

// The for-in enumerator: a snapshot of the enumerable string keys of the object and its
// prototypes (shadowed keys removed), each re-checked before it is produced.
class ForInIterator : public Object {
  public:
    Value m_object;
    Value m_keys; // Array of key strings
    uint32_t m_index = 0;
};

void visit_for_in(Object* o, EdgeVisitor& v) {
    auto* it = static_cast<ForInIterator*>(o);
    v.visit_value(it->m_object);
    v.visit_value(it->m_keys);
}

void clear_for_in(Object* o) {
    auto* it = static_cast<ForInIterator*>(o);
    it->m_object = Value();
    it->m_keys = Value();
}

} // namespace

// True when o is an ordinary object without elements or enumerable own properties: it adds no key
// to a for-in enumeration, and reading its keys or prototype runs no code.
static bool adds_no_for_in_keys(const Object* o) {
    if (o->is_exotic() || o->is_array() || o->m_element_count != 0) return false;
    const Shape* s = o->shape();
    for (uint32_t i = 0, n = s->count(); i < n; ++i)
        if (s->entry(i).flags & prop::Enumerable) return false;
    return true;
}

// True when a key of s is an array index, which OrdinaryOwnPropertyKeys orders before the others:
// small ones are index atoms (has_index_keys), 2^31-1 .. 2^32-2 are string atoms.
static bool has_array_index_keys(Runtime& rt, const Shape* s) {
    if (s->has_index_keys()) return true;
    uint32_t index;
    for (uint32_t i = 0, n = s->count(); i < n; ++i)
        if (atom_to_array_index(rt, s->entry(i).key, &index)) return true;
    return false;
}

static Result<void> collect_for_in_keys(Context& ctx, Object* start, Object* keys) {
    Runtime& rt = ctx.rt();
    // When start is ordinary and no prototype adds keys (the common case: Object.prototype), the
    // enumeration is start's own enumerable string keys, which cannot shadow one another: no walk
    // up the chain and no set of seen keys.
    bool protos_quiet = !start->is_exotic();
    for (Object* p = start->shape()->proto(); protos_quiet && p; p = p->shape()->proto())
        protos_quiet = adds_no_for_in_keys(p);
    // Keys already seen (enumerable or not) shadow the same key further up the chain.
    if (protos_quiet && start->m_element_count == 0 && !has_array_index_keys(rt, start->shape())) {
        // Ordinary, no integer keys: the shape's enumerable string keys in insertion order, which is
        // what OrdinaryOwnPropertyKeys and the descriptor checks below give, without the key list.
        const Shape* s = start->shape();
        for (uint32_t i = 0, n = s->count(); i < n; ++i) {
            const ShapeEntry& e = s->entry(i);
            if (!(e.flags & prop::Enumerable) || rt.atom_is_symbol(e.key)) continue;
            Value k = TRY(rt.atom_to_value(e.key));
            if (!array_push_fast(ctx, keys, std::move(k))) return Exception{};
        }
        return {};
    }
    Value seen_value;
    if (!protos_quiet) seen_value = TRY(new_object_with_proto(ctx, nullptr));
    Object* seen = protos_quiet ? nullptr : seen_value.as_object();
    Value hold = Value::object(start);
    bool single = true;
    for (Object* o = start; o;) {
        Vector<Atom> own = TRY(own_property_keys(ctx, o));
        for (Atom key : own) {
            if (!atom_is_index(key) && rt.atom_is_symbol(key)) continue;
            if (!single) {
                if (find_own_slot(seen, key) >= 0) continue;
            }
            if (seen && !add_own_property(ctx, seen, key, Value(), prop::Default))
                return ctx.throw_out_of_memory();
            PropertyDescriptor desc;
            bool found = TRY(get_own_property(ctx, o, key, &desc));
            if (!found || !desc.enumerable()) continue;
            Value k = TRY(rt.atom_to_value(key));
            if (!array_push_fast(ctx, keys, std::move(k))) return Exception{};
        }
        single = false;
        if (protos_quiet) break;
        Object* p = TRY(get_prototype_of(ctx, o));
        hold = p ? Value::adopt(Tag::Object, p) : Value();
        o = p;
    }
    return {};
}

namespace {

bool write_for_in(Object* o, HeapWriter& w) {
    auto* it = static_cast<ForInIterator*>(o);
    w.value(it->m_object);
    w.value(it->m_keys);
    w.out().varuint(it->m_index);
    return true;
}

bool read_for_in(Object* o, HeapReader& r) {
    auto* it = static_cast<ForInIterator*>(o);
    return r.value(&it->m_object) && r.object_of_class(&it->m_keys, ClassId::Array, true) &&
           r.varuint32(&it->m_index);
}

const ClassSnapshotHooks kForInSnapshot = {
    sizeof(ForInIterator), 0, nullptr, construct_payload<ForInIterator>, write_for_in, read_for_in, nullptr,
};

} // namespace

// Registered when the vm starts (vm_init), so a restored snapshot can hold for-in enumerators.
void register_for_in_class() {
    ClassHooks hooks;
    hooks.visit = visit_for_in;
    hooks.clear = clear_for_in;
    hooks.snapshot = &kForInSnapshot;
    register_class_hooks(ClassId::ForInIterator, hooks);
}

Value for_in_start(Context& ctx, const Value& obj) {
    auto* it = Object::create_as<ForInIterator>(ctx, nullptr, ClassId::ForInIterator);
    if (!it) return Exception{};
    Value result = Value::adopt(Tag::Object, it);
    Value keys = TRY(new_array(ctx, 0));
    it->m_keys = keys;
    if (obj.is_nullish()) return result;
    Value o = TRY(to_object(ctx, obj));
    it->m_object = o;
    TRY(collect_for_in_keys(ctx, o.as_object(), keys.as_object()));
    return result;
}

Result<bool> for_in_next(Context& ctx, const Value& enumerator, Value* key_out) {
    auto* it = static_cast<ForInIterator*>(enumerator.as_object());
    Object* keys = it->m_keys.as_object();
    while (it->m_index < keys->m_element_count) {
        Value key = keys->m_elements[it->m_index++];
        // A property deleted before it is visited is not visited.
        Atom atom = TRY(to_property_key(ctx, key));
        bool still = TRY(has_property(ctx, it->m_object.as_object(), atom));
        if (!still) continue;
        *key_out = std::move(key);
        return false;
    }
    *key_out = Value();
    return true;
}

// 7.4.4 GetIterator(obj, kind) (#sec-getiterator)
Value get_iterator(Context& ctx, const Value& iterable, bool async, Value* next_out) {
    if (async) {
        // 1.a. Let method be ? GetMethod(obj, @@asyncIterator).
        Value method = TRY(get_method(ctx, iterable, atoms::sym_asyncIterator));
        if (method.is_undefined()) {
            // 1.b. No async method: CreateAsyncFromSyncIterator(? GetIterator(obj, sync)).
            IteratorRecord sync = TRY(get_iterator(ctx, iterable));
            return create_async_from_sync_iterator(ctx, sync.iterator, sync.next_method, next_out);
        }
        IteratorRecord rec = TRY(get_iterator_from_method(ctx, iterable, method));
        *next_out = std::move(rec.next_method);
        return std::move(rec.iterator);
    }
    IteratorRecord rec = TRY(get_iterator(ctx, iterable));
    *next_out = std::move(rec.next_method);
    return std::move(rec.iterator);
}

// IteratorStepValue on an (iterator, next) pair: returns done.
Result<bool> iterator_step_value(Context& ctx, const Value& iter, const Value& next, Value* value_out) {
    Value result = TRY(call(ctx, next, iter, {}));
    if (!result.is_object()) return ctx.throw_type_error("iterator result is not an object");
    bool done = TRY(iterator_complete(ctx, result.as_object()));
    if (done) {
        *value_out = Value();
        return true;
    }
    *value_out = TRY(iterator_value(ctx, result.as_object()));
    return false;
}

Value iterator_call_method(Context& ctx, const Value& iter, const Value& next, uint8_t method,
                           const Value& arg, bool* ok) {
    if (method == itercall::Next) {
        *ok = true;
        return call(ctx, next, iter, std::span<const Value>(&arg, 1));
    }
    Value m = TRY(get_method(ctx, iter, method == itercall::Return ? atoms::return_ : atoms::throw_));
    if (m.is_undefined()) {
        *ok = false;
        return Value::undefined();
    }
    *ok = true;
    return call(ctx, m, iter, std::span<const Value>(&arg, 1));
}

Result<bool> iterator_get_value_done(Context& ctx, const Value& result, Value* value_out) {
    if (!result.is_object()) return ctx.throw_type_error("iterator result is not an object");
    bool done = TRY(iterator_complete(ctx, result.as_object()));
    if (done) {
        *value_out = Value();
        return true;
    }
    *value_out = TRY(iterator_value(ctx, result.as_object()));
    return false;
}

Result<void> iterator_close(Context& ctx, const Value& iter) {
    if (!iter.is_object()) return {};
    return iterator_close(ctx, iter.as_object());
}

// IteratorClose for a throw completion whose exception the caller holds: return() is called and
// whatever it does is ignored.
void iterator_close_silent(Context& ctx, const Value& iter) {
    Runtime& rt = ctx.rt();
    if (!iter.is_object() || rt.m_uncatchable) return;
    Value m = get_method(ctx, iter, atoms::return_);
    if (m.is_exception()) {
        if (!rt.m_uncatchable) (void)rt.take_exception();
        return;
    }
    if (m.is_undefined()) return;
    Value r = call(ctx, m, iter, {});
    if (r.is_exception() && !rt.m_uncatchable) (void)rt.take_exception();
}

Value iterator_to_array(Context& ctx, const Value& iter, const Value& next) {
    Value array = TRY(new_array(ctx, 0));
    for (;;) {
        Value v;
        bool done = TRY(iterator_step_value(ctx, iter, next, &v));
        if (done) return array;
        if (!array_push_fast(ctx, array.as_object(), std::move(v))) return Exception{};
    }
}

} // namespace qjs
