// 24.2.4 Set.prototype set-algebra methods (union, intersection, difference, symmetricDifference,
// isSubsetOf, isSupersetOf, isDisjointFrom), with GetSetRecord (#sec-getsetrecord).
#include "builtins/MapTable.h"
#include "runtime/Call.h"
#include "runtime/Context.h"
#include "runtime/Conversions.h"
#include "runtime/Iteration.h"
#include "runtime/NativeFunction.h"
#include "runtime/VectorGrowth.h"

#include <cmath>

namespace qjs {

namespace {

struct SetRecord {
    Value set;
    double size;
    Value has;
    Value keys;
};

// 24.2.1.2 GetSetRecord ( obj ) (#sec-getsetrecord)
Result<SetRecord> get_set_record(Context& ctx, const Value& obj) {
    // 1. If obj is not an Object, throw a TypeError exception.
    if (!obj.is_object()) return ctx.throw_type_error("set-like argument is not an object");
    // 2-3. Let rawSize be ? Get(obj, "size"); let numSize be ? ToNumber(rawSize).
    Value raw_size = TRY(get(ctx, obj.as_object(), atoms::size, obj));
    double num_size = TRY(to_number(ctx, raw_size));
    // 4. If numSize is NaN, throw a TypeError exception.
    if (std::isnan(num_size)) return ctx.throw_type_error("set-like size is NaN");
    // 5-6. Let intSize be ! ToIntegerOrInfinity(numSize); if intSize < 0, throw a RangeError.
    double int_size = MUST(to_integer_or_infinity(ctx, Value::float64(num_size)));
    if (int_size < 0) return ctx.throw_range_error("set-like size is negative");
    // 7-10. has and keys must be callable.
    Value has = TRY(get(ctx, obj.as_object(), ctx.rt().intern_ascii("has"), obj));
    if (!is_callable(has)) return ctx.throw_type_error("set-like has is not callable");
    Value keys = TRY(get(ctx, obj.as_object(), ctx.rt().intern_ascii("keys"), obj));
    if (!is_callable(keys)) return ctx.throw_type_error("set-like keys is not callable");
    return SetRecord{obj, int_size, std::move(has), std::move(keys)};
}

Result<MapObject*> this_set(Context& ctx, const Value& v) {
    if (!v.is_object() || v.as_object()->class_id() != ClassId::Set)
        return ctx.throw_type_error("Set method called on incompatible receiver");
    return static_cast<MapObject*>(v.as_object());
}

// GetIteratorDirect(? Call(keys, set)) (#sec-getiteratordirect)
Result<IteratorRecord> keys_iterator(Context& ctx, const SetRecord& rec) {
    Value it = TRY(call(ctx, rec.keys, rec.set, {}));
    if (!it.is_object()) return ctx.throw_type_error("keys() did not return an object");
    return get_iterator_direct(ctx, it.as_object());
}

Result<bool> record_has(Context& ctx, const SetRecord& rec, const Value& v) {
    Value r = TRY(call(ctx, rec.has, rec.set, std::span<const Value>(&v, 1)));
    return to_boolean(r);
}

Value canonical_zero(Value v) {
    if (v.is_float64() && v.as_float64() == 0) return Value::int32(0);
    return v;
}

Result<MapObject*> copy_set(Context& ctx, MapObject* src) {
    MapObject* r = new_map_object(ctx, ctx.intrinsic(Intrinsic::SetPrototype), ClassId::Set);
    if (!r) return Exception{};
    for (const MapEntry& e : src->m_entries)
        if (!e.key.is_uninitialized() && !map_set(ctx, r, e.key, e.key)) {
            r->unref();
            return ctx.throw_out_of_memory();
        }
    return r;
}

enum class SetOp : int16_t {
    Union,
    Intersection,
    Difference,
    SymmetricDifference,
    IsSubsetOf,
    IsSupersetOf,
    IsDisjointFrom
};

Value set_method(Context& ctx, const CallArgs& args) {
    MapObject* self = TRY(this_set(ctx, args.this_value));
    SetRecord rec = TRY(get_set_record(ctx, args.arg(0)));
    double this_size = self->m_live;
    auto op = static_cast<SetOp>(args.magic);
    auto add = [&](MapObject* r, const Value& v) -> bool {
        return map_find(r, v) >= 0 || map_set(ctx, r, v, v) || (ctx.throw_out_of_memory(), false);
    };
    switch (op) {
    case SetOp::Union: {
        IteratorRecord it = TRY(keys_iterator(ctx, rec));
        MapObject* r = TRY(copy_set(ctx, self));
        Value result = Value::adopt(Tag::Object, r);
        for (;;) {
            Value next;
            bool more = TRY(iterator_step_value(ctx, it, &next));
            if (!more) return result;
            if (!add(r, canonical_zero(std::move(next)))) return Exception{};
        }
    }
    case SetOp::Intersection: {
        MapObject* r = new_map_object(ctx, ctx.intrinsic(Intrinsic::SetPrototype), ClassId::Set);
        if (!r) return Exception{};
        Value result = Value::adopt(Tag::Object, r);
        if (this_size <= rec.size) {
            // Walk this set by index: entries may be added or removed by `has`.
            for (size_t i = 0; i < self->m_entries.size(); ++i) {
                if (self->m_entries[i].key.is_uninitialized()) continue;
                Value e = self->m_entries[i].key;
                bool in = TRY(record_has(ctx, rec, e));
                if (in && !add(r, e)) return Exception{};
            }
        } else {
            IteratorRecord it = TRY(keys_iterator(ctx, rec));
            for (;;) {
                Value next;
                bool more = TRY(iterator_step_value(ctx, it, &next));
                if (!more) break;
                next = canonical_zero(std::move(next));
                if (map_find(self, next) >= 0 && !add(r, next)) return Exception{};
            }
        }
        return result;
    }
    case SetOp::Difference: {
        MapObject* r = TRY(copy_set(ctx, self));
        Value result = Value::adopt(Tag::Object, r);
        if (this_size <= rec.size) {
            // 6. Walk the copy, not this set: `has` may change this set but not the result's list.
            Vector<Value> elements;
            if (!vector_reserve(elements, r->m_entries.size())) return ctx.throw_out_of_memory();
            for (const auto& entry : r->m_entries)
                if (!entry.key.is_uninitialized()) elements.push_back(entry.key);
            for (const Value& e : elements) {
                bool in = TRY(record_has(ctx, rec, e));
                if (in) map_delete(r, e);
            }
        } else {
            IteratorRecord it = TRY(keys_iterator(ctx, rec));
            for (;;) {
                Value next;
                bool more = TRY(iterator_step_value(ctx, it, &next));
                if (!more) break;
                map_delete(r, canonical_zero(std::move(next)));
            }
        }
        return result;
    }
    case SetOp::SymmetricDifference: {
        IteratorRecord it = TRY(keys_iterator(ctx, rec));
        MapObject* r = TRY(copy_set(ctx, self));
        Value result = Value::adopt(Tag::Object, r);
        for (;;) {
            Value next;
            bool more = TRY(iterator_step_value(ctx, it, &next));
            if (!more) return result;
            next = canonical_zero(std::move(next));
            if (map_find(self, next) >= 0)
                map_delete(r, next);
            else if (!add(r, next))
                return Exception{};
        }
    }
    case SetOp::IsSubsetOf: {
        if (this_size > rec.size) return Value::boolean(false);
        for (size_t i = 0; i < self->m_entries.size(); ++i) {
            if (self->m_entries[i].key.is_uninitialized()) continue;
            Value e = self->m_entries[i].key;
            bool in = TRY(record_has(ctx, rec, e));
            if (!in) return Value::boolean(false);
        }
        return Value::boolean(true);
    }
    case SetOp::IsSupersetOf: {
        if (this_size < rec.size) return Value::boolean(false);
        IteratorRecord it = TRY(keys_iterator(ctx, rec));
        for (;;) {
            Value next;
            bool more = TRY(iterator_step_value(ctx, it, &next));
            if (!more) return Value::boolean(true);
            if (map_find(self, next) < 0) {
                TRY(iterator_close(ctx, it));
                return Value::boolean(false);
            }
        }
    }
    case SetOp::IsDisjointFrom: {
        if (this_size <= rec.size) {
            for (size_t i = 0; i < self->m_entries.size(); ++i) {
                if (self->m_entries[i].key.is_uninitialized()) continue;
                Value e = self->m_entries[i].key;
                bool in = TRY(record_has(ctx, rec, e));
                if (in) return Value::boolean(false);
            }
            return Value::boolean(true);
        }
        IteratorRecord it = TRY(keys_iterator(ctx, rec));
        for (;;) {
            Value next;
            bool more = TRY(iterator_step_value(ctx, it, &next));
            if (!more) return Value::boolean(true);
            if (map_find(self, next) >= 0) {
                TRY(iterator_close(ctx, it));
                return Value::boolean(false);
            }
        }
    }
    }
    return Value();
}

#define SET_OP(name, op) QJS_FUNC_MAGIC(name, 1, set_method, static_cast<int16_t>(SetOp::op))
const FunctionListEntry kSetMethods[] = {
    SET_OP("union", Union),
    SET_OP("intersection", Intersection),
    SET_OP("difference", Difference),
    SET_OP("symmetricDifference", SymmetricDifference),
    SET_OP("isSubsetOf", IsSubsetOf),
    SET_OP("isSupersetOf", IsSupersetOf),
    SET_OP("isDisjointFrom", IsDisjointFrom),
};
#undef SET_OP

} // namespace

bool install_set_methods(Context& ctx, Object* set_proto) {
    return define_function_list(ctx, set_proto, kSetMethods);
}

} // namespace qjs
