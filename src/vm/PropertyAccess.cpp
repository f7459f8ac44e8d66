// PropertyAccess.cpp: generic property reads/writes of the interpreter (GetValue/PutValue on
// property references, 6.2.5.5-6), with inline-cache refills, and super references.
#include "builtins/Array.h"
#include "runtime/Context.h"
#include "runtime/Conversions.h"
#include "runtime/Object.h"
#include "runtime/String.h"
#include "runtime/Symbol.h"
#include "runtime/TypedArrayObject.h"
#include "vm/SlowPaths.h"

namespace qjs {

// The prototype that holds the properties of a primitive (spec: ToObject(base).[[Get]], which only
// differs for a String's own "length" and indexes, handled by the callers).
static Object* primitive_proto(Context& ctx, const Value& v) {
    switch (v.tag()) {
    case Tag::String: return ctx.intrinsic(Intrinsic::StringPrototype);
    case Tag::Int32:
    case Tag::Float64: return ctx.intrinsic(Intrinsic::NumberPrototype);
    case Tag::Bool: return ctx.intrinsic(Intrinsic::BooleanPrototype);
    case Tag::Symbol: return ctx.intrinsic(Intrinsic::SymbolPrototype);
    case Tag::BigInt: return ctx.intrinsic(Intrinsic::BigIntPrototype);
    default: return nullptr;
    }
}

static Value key_description(Context& ctx, const Value& key) {
    if (key.is_symbol() || key.is_string()) {
        Value s = ctx.rt().atom_to_string(key.is_symbol() ? key.as_symbol()->atom
                                                          : ctx.rt().intern(key.as_string()));
        if (!s.is_exception()) return s;
        (void)ctx.rt().take_exception();
        return Value();
    }
    Value s = to_string(ctx, key);
    if (s.is_exception()) {
        (void)ctx.rt().take_exception();
        return Value();
    }
    return s;
}

Exception throw_nullish_base(Context& ctx, const Value& base, const Value& key) {
    Value desc = key_description(ctx, key);
    std::string name = desc.is_string() ? desc.as_string()->to_utf8() : std::string("?");
    return ctx.throw_type_error("cannot read property '%s' of %s", name.c_str(),
                                base.is_null() ? "null" : "undefined");
}

static Exception throw_nullish_base_atom(Context& ctx, const Value& base, Atom key, bool write) {
    Value k = ctx.rt().atom_to_string(key);
    std::string name = k.is_string() ? k.as_string()->to_utf8() : std::string("?");
    return ctx.throw_type_error("cannot %s property '%s' of %s", write ? "set" : "read", name.c_str(),
                                base.is_null() ? "null" : "undefined");
}

static Value string_char_at(Context& ctx, String* s, uint32_t i) {
    char16_t c = s->at(i);
    String* r = String::create_utf16(ctx.rt(), &c, 1);
    if (!r) return ctx.throw_out_of_memory();
    return Value::adopt(Tag::String, r);
}

Value get_field_slow(Context& ctx, const Value& base, Atom atom, InlineCache* ic) {
    if (base.is_object()) {
        Object* o = base.as_object();
        // An array's "length" is an own data property kept outside the shape.
        if (atom == atoms::length && o->is_array()) return Value::number(o->m_array_length);
        if (ic && !o->is_exotic()) {
            // A site that met several shapes: the earlier entries.
            if (const InlineCache* poly = ic->poly) {
                for (uint32_t k = 0; k < InlineCache::kPolyEntries; ++k) {
                    const InlineCache& e = poly[k];
                    if (e.shape != o->m_shape) continue;
                    if (e.kind == InlineCache::Own) return o->m_slots[e.slot];
                    Object* holder = ic_chain_holder(e, e.shape->m_proto);
                    if (holder && holder->m_shape == e.aux) return holder->m_slots[e.slot];
                }
            }
            ic_push_poly(*ic);
            int32_t slot = find_own_slot(o, atom);
            if (slot >= 0) {
                if (!(o->m_shape->entry(static_cast<uint32_t>(slot)).flags & prop::Accessor)) {
                    ic_fill(*ic, InlineCache::Own, o->m_shape, nullptr, static_cast<uint32_t>(slot));
                    return o->m_slots[slot];
                }
            } else if (!atom_is_index(atom) && !(atom == atoms::length && o->is_array())) {
                // A data property found on an ordinary prototype up to kMaxDepth levels up, with
                // only ordinary objects (and no array "length") on the way.
                Shape* chain[InlineCache::kMaxDepth];
                uint8_t depth = 1;
                for (Object* p = o->m_shape->m_proto; p && !p->is_exotic();
                     p = p->m_shape->m_proto, ++depth) {
                    if (atom == atoms::length && p->is_array()) break;
                    slot = find_own_slot(p, atom);
                    if (slot >= 0) {
                        if (p->m_shape->entry(static_cast<uint32_t>(slot)).flags & prop::Accessor) break;
                        ic_fill_proto(*ic, o->m_shape, chain, depth, p->m_shape, static_cast<uint32_t>(slot));
                        return p->m_slots[slot];
                    }
                    if (depth == InlineCache::kMaxDepth) break;
                    chain[depth - 1] = p->m_shape;
                }
            }
        }
        return get(ctx, o, atom, base);
    }
    if (base.is_nullish()) return throw_nullish_base_atom(ctx, base, atom, false);
    if (base.is_string()) {
        String* s = base.as_string();
        if (atom == atoms::length) return Value::int32(static_cast<int32_t>(s->length()));
        if (atom_is_index(atom)) {
            uint32_t i = atom_index_value(atom);
            if (i < s->length()) return string_char_at(ctx, s, i);
        }
    }
    if (Object* proto = primitive_proto(ctx, base)) return get(ctx, proto, atom, base);
    return get_v(ctx, base, atom);
}

static Exception throw_read_only(Context& ctx, Atom atom) {
    return ctx.throw_type_error_atom("cannot assign to read only property '%s'", atom);
}

// True unless the ordinary objects on o's prototype chain up to the first one holding `atom` are
// all ordinary and that one (if any) holds it as a writable data property: then a Set of a missing
// own property must create it on o (10.1.9.2 OrdinarySetWithOwnDescriptor steps 1.c and 2.c-d, as in
// `C.prototype = {x: 0, init() { this.x = 1; }}`).
bool protos_may_intercept(Object* o, Atom atom) {
    for (Object* p = o->m_shape->m_proto; p; p = p->m_shape->m_proto) {
        if (p->is_exotic() || (p->is_array() && atom == atoms::length)) return true;
        int32_t slot = find_own_slot(p, atom);
        if (slot >= 0)
            return (p->m_shape->entry(static_cast<uint32_t>(slot)).flags &
                    (prop::Accessor | prop::Writable)) != prop::Writable;
    }
    return false;
}

// Caches an add transition. The entry also records the shapes of all of the object's prototypes
// (when there are at most kMaxDepth - 1), so that a hit compares shapes instead of looking the key
// up on every prototype again (protos_may_intercept).
static void ic_fill_add(InlineCache& ic, Shape* before, Shape* after, uint32_t slot) {
    Shape* chain[InlineCache::kMaxDepth];
    uint8_t n = 0;
    for (Object* p = before->m_proto; p; p = p->m_shape->m_proto) {
        if (n + 1 == InlineCache::kMaxDepth) {
            n = 0;
            break;
        }
        chain[n++] = p->m_shape;
    }
    ic_fill(ic, InlineCache::Add, before, after, slot);
    if (n == 0 || !ic.shape) return;
    ic_fill_proto(ic, before, chain, static_cast<uint8_t>(n + 1), after, slot);
    if (ic.shape) ic.kind = InlineCache::Add;
}

Result<void> put_field_slow(Context& ctx, const Value& base, Atom atom, const Value& v, bool strict,
                            InlineCache* ic) {
    if (base.is_object()) {
        Object* o = base.as_object();
        if (ic && !o->is_exotic()) {
            int32_t slot = find_own_slot(o, atom);
            if (slot >= 0) {
                uint8_t flags = o->m_shape->entry(static_cast<uint32_t>(slot)).flags;
                if ((flags & (prop::Accessor | prop::Writable)) == prop::Writable) {
                    ic_fill(*ic, InlineCache::Own, o->m_shape, nullptr, static_cast<uint32_t>(slot));
                    o->m_slots[slot] = v;
                    return {};
                }
            }
        }
        // Fast path: adding a new property to an ordinary extensible object whose prototypes
        // (ordinary too) do not have it: OrdinarySet ends in CreateDataProperty, so append it.
        if (ic && !o->is_exotic() && o->is_extensible() && !atom_is_index(atom) &&
            !(atom == atoms::length && o->is_array()) && find_own_slot(o, atom) < 0 &&
            !protos_may_intercept(o, atom)) {
            Shape* before = o->m_shape;
            uint32_t slot = before->count();
            if (slot >= InlineCache::kMaxAddShapeEntries) {
                // Not cached, so no reference to `before`: a shape only this object uses is extended
                // in place rather than copied.
                if (!add_own_property(ctx, o, atom, v, prop::Default)) return Exception{};
                return {};
            }
            before->ref();
            bool ok = add_own_property(ctx, o, atom, v, prop::Default);
            // Cache the transition (unless the shape was extended in place: a single-owner shape).
            if (ok && o->m_shape != before) ic_fill_add(*ic, before, o->m_shape, slot);
            before->unref();
            if (!ok) return Exception{};
            return {};
        }
        bool ok = TRY(set(ctx, o, atom, v, base));
        if (!ok && strict) return throw_read_only(ctx, atom);
        return {};
    }
    if (base.is_nullish()) return throw_nullish_base_atom(ctx, base, atom, true);
    Value obj = TRY(to_object(ctx, base));
    bool ok = TRY(set(ctx, obj.as_object(), atom, v, base));
    if (!ok && strict) return throw_read_only(ctx, atom);
    return {};
}

// [[Set]] of an index on an ordinary object that is not a fast array: overwrites an own writable
// data property, or adds one when no prototype has indexed properties (an array's length grows).
// Returns false (nothing done) where the generic [[Set]] must decide.
static Result<bool> put_plain_index(Context& ctx, Object* o, uint32_t i, const Value& v) {
    if (o->is_fast_array() || o->is_exotic()) return false;
    Atom key = atom_from_index(i);
    int32_t slot = o->shape()->has_index_keys() ? find_own_slot(o, key) : -1;
    if (slot >= 0) {
        uint8_t flags = o->shape()->entry(static_cast<uint32_t>(slot)).flags;
        if ((flags & prop::Accessor) || !(flags & prop::Writable)) return false;
        o->m_slots[slot] = v;
        return true;
    }
    if (!o->is_extensible() || !proto_chain_has_no_indexed_properties(o)) return false;
    bool grows = o->is_array() && i >= o->m_array_length;
    if (grows && !(o->m_flags & objflag::LengthWritable)) return false;
    if (!add_own_property(ctx, o, key, v, prop::Default)) return Exception{};
    if (grows) o->m_array_length = i + 1;
    return true;
}

Value get_array_el_slow(Context& ctx, const Value& base, const Value& key) {
    if (base.is_object() && key.is_int32() && key.as_int32() >= 0) {
        Object* o = base.as_object();
        uint32_t i = static_cast<uint32_t>(key.as_int32());
        Value v;
        // Typed-array elements by index (no property key, no [[Get]]).
        if (is_typed_array(o)) {
            if (typed_array_get_index(o, i, &v)) return v;
        } else if (i <= kMaxAtomIndex && get_plain_property(o, atom_from_index(i), &v)) {
            return v;
        }
    }
    if (base.is_nullish()) return throw_nullish_base(ctx, base, key);
    if (base.is_string() && key.is_int32()) {
        String* s = base.as_string();
        uint32_t i = static_cast<uint32_t>(key.as_int32());
        if (i < s->length()) return string_char_at(ctx, s, i);
    }
    Atom atom = TRY(to_property_key(ctx, key));
    if (base.is_object()) return get(ctx, base.as_object(), atom, base);
    return get_field_slow(ctx, base, atom, nullptr);
}

Result<void> put_array_el_slow(Context& ctx, const Value& base, const Value& key, const Value& v,
                               bool strict) {
    if (base.is_object() && key.is_int32() && key.as_int32() >= 0) {
        Object* o = base.as_object();
        uint32_t i = static_cast<uint32_t>(key.as_int32());
        // Appending to a dense array whose prototypes have no indexed properties: the Set can only
        // create an own element (and grow length).
        if (i == o->m_element_count && is_dense_fast_array(o, i) &&
            proto_chain_has_no_indexed_properties(o)) {
            if (!array_push_fast(ctx, o, v)) return Exception{};
            return {};
        }
        // Typed-array elements: a Number stored by index (other values take the generic Set).
        if (is_typed_array(o)) {
            if (typed_array_set_index(o, i, v)) return {};
        } else if (i <= kMaxAtomIndex) {
            bool done = TRY(put_plain_index(ctx, o, i, v));
            if (done) return {};
        }
    }
    if (base.is_nullish()) return throw_nullish_base(ctx, base, key);
    Atom atom = TRY(to_property_key(ctx, key));
    return put_field_slow(ctx, base, atom, v, strict, nullptr);
}

Value get_length_slow(Context& ctx, const Value& base) {
    return get_field_slow(ctx, base, atoms::length, nullptr);
}

// 13.5.1.2 delete UnaryExpression (#sec-delete-operator-runtime-semantics-evaluation)
Value delete_op(Context& ctx, const Value& base, const Value& key, bool strict) {
    // 5.a-c. ToObject(base) (TypeError for undefined/null).
    Value obj = TRY(to_object(ctx, base));
    Atom atom = TRY(to_property_key(ctx, key));
    bool ok = TRY(delete_property(ctx, obj.as_object(), atom));
    // 5.e. If deleteStatus is false and the reference is strict, throw a TypeError.
    if (!ok && strict) return ctx.throw_type_error_atom("cannot delete property '%s'", atom);
    return Value::boolean(ok);
}

Value to_property_key_value(Context& ctx, const Value& key) {
    Atom atom = TRY(to_property_key(ctx, key));
    return ctx.rt().atom_to_value(atom);
}

// 9.1.1.3.5 GetSuperBase (#sec-getsuperbase)
Value get_super_base(Context& ctx, const Value& home) {
    if (!home.is_object()) return Value::undefined();
    Object* p = TRY(get_prototype_of(ctx, home.as_object()));
    return p ? Value::adopt(Tag::Object, p) : Value::null();
}

// 13.3.7.3 MakeSuperPropertyReference + GetValue (#sec-makesuperpropertyreference)
Value get_super_value(Context& ctx, const Value& this_value, const Value& base, const Value& key) {
    Atom atom = TRY(to_property_key(ctx, key));
    if (!base.is_object()) return throw_nullish_base(ctx, base, key);
    return get(ctx, base.as_object(), atom, this_value);
}

Result<void> put_super_value(Context& ctx, const Value& this_value, const Value& base, const Value& key,
                             const Value& v, bool strict) {
    Atom atom = TRY(to_property_key(ctx, key));
    if (!base.is_object()) return throw_nullish_base(ctx, base, key);
    bool ok = TRY(set(ctx, base.as_object(), atom, v, this_value));
    // PutValue: a failed [[Set]] throws only in strict code.
    if (!ok && strict) return throw_read_only(ctx, atom);
    return {};
}

// 13.3.7.2 GetSuperConstructor (#sec-getsuperconstructor)
Value get_super_constructor(Context& ctx, const Value& func) {
    if (!func.is_object()) return ctx.throw_type_error("super constructor is not a constructor");
    Object* p = TRY(get_prototype_of(ctx, func.as_object()));
    // SuperCall checks IsConstructor only after evaluating the arguments (the construct call does).
    return p ? Value::adopt(Tag::Object, p) : Value::null();
}

} // namespace qjs
