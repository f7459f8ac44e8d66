// ObjectOperations.cpp: the ordinary object internal methods (10.1) and the abstract operations
// on objects (7.3), with the Array exotic parts (10.4.2) inline where they are hot.
#include "runtime/Call.h"
#include "runtime/Context.h"
#include "runtime/Conversions.h"
#include "runtime/NativeFunction.h"
#include "runtime/Object.h"
#include "runtime/ProxyObject.h"
#include "runtime/String.h"
#include "runtime/Symbol.h"
#include "runtime/VectorGrowth.h"
#include "vm/FunctionObject.h"

#include <algorithm>

namespace qjs {

bool set_slot_flags(Context&, Object*, uint32_t slot, uint8_t flags);
bool remove_slot(Context&, Object*, uint32_t slot);
bool replace_shape_proto(Context&, Object*, Object* proto);

static const ExoticHooks* exotic(Object* o) {
    return class_hooks(o->class_id()).exotic;
}

static bool fast_element_index(Object* o, Atom key, uint32_t* index) {
    if (!o->is_fast_array() || !atom_is_index(key)) return false;
    *index = atom_index_value(key);
    return true;
}

// ---- [[GetPrototypeOf]] / [[SetPrototypeOf]] / extensibility ----

Result<Object*> get_prototype_of(Context& ctx, Object* o) {
    if (auto* ex = exotic(o); ex && ex->get_prototype_of) return ex->get_prototype_of(ctx, o);
    Object* p = o->prototype();
    if (p) p->ref();
    return p;
}

// 10.1.2.1 OrdinarySetPrototypeOf (#sec-ordinarysetprototypeof)
Result<bool> set_prototype_of(Context& ctx, Object* o, Object* proto) {
    if (auto* ex = exotic(o); ex && ex->set_prototype_of) return ex->set_prototype_of(ctx, o, proto);
    // 1-3. If SameValue(V, current) is true, return true.
    if (proto == o->prototype()) return true;
    // 10.4.7.2 SetImmutablePrototype: a different prototype is refused.
    if (o->m_flags & objflag::ImmutablePrototype) return false;
    // 4-5. If extensible is false, return false.
    if (!o->is_extensible()) return false;
    // 6-8. Refuse cycles (stop at objects with exotic [[GetPrototypeOf]]).
    for (Object* p = proto; p; p = p->prototype()) {
        if (p == o) return false;
        if (auto* ex = exotic(p); ex && ex->get_prototype_of) break;
    }
    if (!replace_shape_proto(ctx, o, proto)) return Exception{};
    return true;
}

Result<bool> is_extensible(Context& ctx, Object* o) {
    if (auto* ex = exotic(o); ex && ex->is_extensible) return ex->is_extensible(ctx, o);
    return o->is_extensible();
}

Result<bool> prevent_extensions(Context& ctx, Object* o) {
    if (auto* ex = exotic(o); ex && ex->prevent_extensions) return ex->prevent_extensions(ctx, o);
    // Fast elements assume growth is allowed; keep them only while extensible.
    convert_to_slow_array(ctx, o);
    if (ctx.rt().has_exception()) return Exception{};
    o->m_flags &= ~objflag::Extensible;
    return true;
}

// ---- [[GetOwnProperty]] ----

static void fill_descriptor_from_slot(Object* o, uint32_t slot, PropertyDescriptor* out) {
    uint8_t flags = o->shape()->entry(slot).flags;
    if (flags & prop::Accessor) {
        auto* pair = static_cast<AccessorPair*>(o->m_slots[slot].as_cell());
        *out = PropertyDescriptor::accessor(pair->getter, pair->setter, flags);
    } else {
        *out = PropertyDescriptor::data(o->m_slots[slot], flags);
    }
}

Result<bool> ordinary_get_own_property(Context& ctx, Object* o, Atom key, PropertyDescriptor* out) {
    uint32_t index;
    if (fast_element_index(o, key, &index)) {
        if (index < o->m_element_count) {
            if (out) *out = PropertyDescriptor::data(o->m_elements[index], prop::Default);
            return true;
        }
    }
    if (o->is_array() && key == atoms::length) {
        if (out)
            *out = PropertyDescriptor::data(Value::number(o->m_array_length),
                                            (o->m_flags & objflag::LengthWritable) ? prop::Writable : 0);
        return true;
    }
    int32_t slot = find_own_slot(o, key);
    if (slot < 0) return false;
    if (out) fill_descriptor_from_slot(o, static_cast<uint32_t>(slot), out);
    return true;
}

Result<bool> get_own_property(Context& ctx, Object* o, Atom key, PropertyDescriptor* out) {
    if (auto* ex = exotic(o); ex && ex->get_own_property) return ex->get_own_property(ctx, o, key, out);
    return ordinary_get_own_property(ctx, o, key, out);
}

Result<bool> has_own_property(Context& ctx, Object* o, Atom key) {
    return get_own_property(ctx, o, key, nullptr);
}

// ---- [[DefineOwnProperty]] ----

// 10.1.6.3 ValidateAndApplyPropertyDescriptor (#sec-validateandapplypropertydescriptor), for
// ordinary storage (shape slots). `current` is the existing property, if any.
static Result<bool> validate_and_apply(Context& ctx, Object* o, Atom key, bool extensible,
                                       const PropertyDescriptor& desc, const PropertyDescriptor* current,
                                       int32_t slot) {
    // 2. If current is undefined:
    if (!current) {
        // a. If extensible is false, return false.
        if (!extensible) return false;
        // c. If IsAccessorDescriptor(Desc) is true, create an accessor property...
        uint8_t flags = (desc.has_enumerable && desc.enumerable() ? prop::Enumerable : 0) |
                        (desc.has_configurable && desc.configurable() ? prop::Configurable : 0);
        if (desc.is_accessor()) {
            if (!define_fresh_accessor(ctx, o, key, desc.has_get ? desc.getter : Value(),
                                       desc.has_set ? desc.setter : Value(), flags))
                return Exception{};
        } else {
            // d. Else, create a data property.
            flags |= (desc.has_writable && desc.writable()) ? prop::Writable : 0;
            if (!add_own_property(ctx, o, key, desc.has_value ? desc.value : Value(), flags))
                return Exception{};
        }
        return true;
    }
    // 4. If current.[[Configurable]] is false, then
    if (!current->configurable()) {
        // a-b. Changing configurability or enumerability is refused.
        if (desc.has_configurable && desc.configurable()) return false;
        if (desc.has_enumerable && desc.enumerable() != current->enumerable()) return false;
        // c. A generic descriptor is fine; switching kinds is refused.
        if (desc.is_accessor() || desc.is_data()) {
            if (desc.is_accessor() != current->is_accessor()) return false;
        }
        if (current->is_accessor()) {
            // e. getter/setter must be the same.
            if (desc.has_get && !same_value(desc.getter, current->getter)) return false;
            if (desc.has_set && !same_value(desc.setter, current->setter)) return false;
        } else if (!current->writable()) {
            // f. Non-writable data: no writable change, no value change.
            if (desc.has_writable && desc.writable()) return false;
            if (desc.has_value && !same_value(desc.value, current->value)) return false;
        }
    }
    // 6. Apply the changes.
    if (slot < 0) return true; // virtual property handled by the caller
    uint32_t s = static_cast<uint32_t>(slot);
    uint8_t flags = o->shape()->entry(s).flags;
    uint8_t new_flags = flags;
    if (desc.has_configurable)
        new_flags = (new_flags & ~prop::Configurable) | (desc.configurable() ? prop::Configurable : 0);
    if (desc.has_enumerable)
        new_flags = (new_flags & ~prop::Enumerable) | (desc.enumerable() ? prop::Enumerable : 0);
    if (desc.is_accessor()) {
        AccessorPair* pair;
        if (!(flags & prop::Accessor)) {
            // Data -> accessor: attributes keep configurable/enumerable, get/set default undefined.
            pair = ctx.rt().new_cell<AccessorPair>(0);
            if (!pair) return ctx.throw_out_of_memory();
            o->m_slots[s] = Value::adopt(Tag::InternalCell, pair);
            new_flags = (new_flags & ~prop::Writable) | prop::Accessor;
        } else {
            pair = static_cast<AccessorPair*>(o->m_slots[s].as_cell());
        }
        if (desc.has_get) pair->getter = desc.getter;
        if (desc.has_set) pair->setter = desc.setter;
    } else if (desc.is_data()) {
        if (flags & prop::Accessor) {
            // Accessor -> data: value defaults to undefined, writable to false.
            o->m_slots[s] = Value();
            new_flags &= ~(prop::Accessor | prop::Writable);
        }
        if (desc.has_value) o->m_slots[s] = desc.value;
        if (desc.has_writable)
            new_flags = (new_flags & ~prop::Writable) | (desc.writable() ? prop::Writable : 0);
    }
    if (new_flags != flags && !set_slot_flags(ctx, o, s, new_flags)) return Exception{};
    return true;
}

Result<bool> ordinary_define_own_property(Context& ctx, Object* o, Atom key, const PropertyDescriptor& desc) {
    uint32_t index;
    if (fast_element_index(o, key, &index)) {
        bool plain = (!desc.has_configurable || desc.configurable()) &&
                     (!desc.has_enumerable || desc.enumerable()) && (!desc.has_writable || desc.writable()) &&
                     !desc.is_accessor();
        // Fast path: a plain data write inside or right at the end of the dense part.
        if (plain && index < o->m_element_count) {
            if (desc.has_value) o->m_elements[index] = desc.value;
            return true;
        }
        if (plain && desc.has_value && desc.has_writable && desc.has_enumerable && desc.has_configurable &&
            index == o->m_element_count && o->is_extensible()) {
            if (o->is_array() && index >= o->m_array_length && !(o->m_flags & objflag::LengthWritable))
                return false;
            if (!array_push_fast(ctx, o, desc.value)) return Exception{};
            return true;
        }
        convert_to_slow_array(ctx, o);
        if (ctx.rt().has_exception()) return Exception{};
    }
    int32_t slot = find_own_slot(o, key);
    if (slot < 0) return validate_and_apply(ctx, o, key, o->is_extensible(), desc, nullptr, -1);
    PropertyDescriptor current;
    fill_descriptor_from_slot(o, static_cast<uint32_t>(slot), &current);
    return validate_and_apply(ctx, o, key, o->is_extensible(), desc, &current, slot);
}

// 10.4.2.1 Array [[DefineOwnProperty]] (#sec-array-exotic-objects-defineownproperty-p-desc)
static Result<bool> array_define_own_property(Context& ctx, Object* a, Atom key,
                                              const PropertyDescriptor& desc) {
    // 1. If P is "length", return ArraySetLength(A, Desc).
    if (key == atoms::length) return array_set_length(ctx, a, desc);
    // 2. Else if P is an array index:
    uint32_t index;
    if (atom_to_array_index(ctx.rt(), key, &index)) {
        // e. If index >= length and length is not writable, return false.
        if (index >= a->m_array_length && !(a->m_flags & objflag::LengthWritable)) return false;
        // f-g. OrdinaryDefineOwnProperty; a failure is returned.
        bool ok = TRY(ordinary_define_own_property(ctx, a, key, desc));
        if (!ok) return false;
        // h. If index >= length, set length to index + 1.
        if (index >= a->m_array_length) a->m_array_length = index + 1;
        return true;
    }
    return ordinary_define_own_property(ctx, a, key, desc);
}

Result<bool> define_own_property(Context& ctx, Object* o, Atom key, const PropertyDescriptor& desc) {
    if (auto* ex = exotic(o); ex && ex->define_own_property)
        return ex->define_own_property(ctx, o, key, desc);
    if (o->is_array()) return array_define_own_property(ctx, o, key, desc);
    return ordinary_define_own_property(ctx, o, key, desc);
}

// 10.4.2.4 ArraySetLength (#sec-arraysetlength)
Result<bool> array_set_length(Context& ctx, Object* a, const PropertyDescriptor& desc) {
    // 1. If Desc has no [[Value]], return OrdinaryDefineOwnProperty(A, "length", Desc).
    PropertyDescriptor current = PropertyDescriptor::data(
        Value::number(a->m_array_length), (a->m_flags & objflag::LengthWritable) ? prop::Writable : 0);
    auto apply_attributes = [&](const PropertyDescriptor& d) -> Result<bool> {
        bool ok = TRY(validate_and_apply(ctx, a, atoms::length, false, d, &current, -1));
        if (!ok) return false;
        if (d.has_writable && !d.writable()) a->m_flags &= ~objflag::LengthWritable;
        return true;
    };
    if (!desc.has_value) return apply_attributes(desc);
    // 3-5. newLen = ToUint32(Desc.[[Value]]); numberLen = ToNumber(Desc.[[Value]]); must agree.
    uint32_t new_len = TRY(to_uint32(ctx, desc.value));
    double number_len = TRY(to_number(ctx, desc.value));
    if (static_cast<double>(new_len) != number_len) return ctx.throw_range_error("Invalid array length");
    uint32_t old_len = a->m_array_length;
    // The checks may have run user code that changed writability.
    current = PropertyDescriptor::data(Value::number(old_len),
                                       (a->m_flags & objflag::LengthWritable) ? prop::Writable : 0);
    PropertyDescriptor new_desc = desc;
    new_desc.value = Value::number(new_len);
    // 12. If newLen >= oldLen, return OrdinaryDefineOwnProperty(A, "length", newLenDesc).
    if (new_len >= old_len) {
        bool ok = TRY(apply_attributes(new_desc));
        if (ok) a->m_array_length = new_len;
        return ok;
    }
    // 13. If oldLenDesc.[[Writable]] is false, return false.
    if (!(a->m_flags & objflag::LengthWritable)) return false;
    bool ok = TRY(validate_and_apply(ctx, a, atoms::length, false, new_desc, &current, -1));
    if (!ok) return false;
    bool new_writable = !new_desc.has_writable || new_desc.writable();
    // 17. Delete elements from the end.
    if (a->is_fast_array()) {
        while (a->m_element_count > new_len) {
            --a->m_element_count;
            a->m_elements[a->m_element_count].~Value();
        }
        a->m_array_length = new_len;
    } else {
        // Collect index keys >= newLen, delete in descending order; stop at a non-configurable one.
        Vector<uint32_t> indexes;
        for (uint32_t i = 0; i < a->shape()->count(); ++i) {
            uint32_t idx;
            if (atom_to_array_index(ctx.rt(), a->shape()->entry(i).key, &idx) && idx >= new_len)
                indexes.push_back(idx);
        }
        std::sort(indexes.begin(), indexes.end(), std::greater<uint32_t>());
        for (uint32_t idx : indexes) {
            Atom key = index_to_atom(ctx, idx);
            if (!key) return Exception{};
            int32_t slot = find_own_slot(a, key);
            if (slot >= 0 && !(a->shape()->entry(static_cast<uint32_t>(slot)).flags & prop::Configurable)) {
                a->m_array_length = idx + 1;
                if (!new_writable) a->m_flags &= ~objflag::LengthWritable;
                return false;
            }
            if (slot >= 0 && !remove_slot(ctx, a, static_cast<uint32_t>(slot))) return Exception{};
        }
        a->m_array_length = new_len;
    }
    if (!new_writable) a->m_flags &= ~objflag::LengthWritable;
    return true;
}

// ---- [[HasProperty]] ----

Result<bool> has_property(Context& ctx, Object* o, Atom key) {
    Value hold; // keeps prototypes alive across exotic hooks
    for (Object* cur = o; cur;) {
        if (auto* ex = exotic(cur); ex && (ex->has_property || ex->get_own_property)) {
            if (ex->has_property) return ex->has_property(ctx, cur, key);
            bool found = TRY(ex->get_own_property(ctx, cur, key, nullptr));
            if (found) return true;
            Object* p = TRY(get_prototype_of(ctx, cur));
            hold = p ? Value::adopt(Tag::Object, p) : Value();
            cur = p;
            continue;
        }
        bool found = TRY(ordinary_get_own_property(ctx, cur, key, nullptr));
        if (found) return true;
        cur = cur->prototype();
    }
    return false;
}

// ---- [[Get]] ----

Value get(Context& ctx, Object* o, Atom key, const Value& receiver) {
    Value hold;
    for (Object* cur = o; cur;) {
        if (auto* ex = exotic(cur)) {
            if (ex->get) return ex->get(ctx, cur, key, receiver);
            if (ex->get_own_property) {
                PropertyDescriptor desc;
                bool found = TRY(ex->get_own_property(ctx, cur, key, &desc));
                if (found) {
                    if (!desc.is_accessor()) return desc.value;
                    if (desc.getter.is_undefined()) return Value();
                    return call(ctx, desc.getter, receiver, {});
                }
                Object* p = TRY(get_prototype_of(ctx, cur));
                hold = p ? Value::adopt(Tag::Object, p) : Value();
                cur = p;
                continue;
            }
        }
        uint32_t index;
        if (fast_element_index(cur, key, &index)) {
            if (index < cur->m_element_count) return cur->m_elements[index];
        } else if (key == atoms::length && cur->is_array()) {
            return Value::number(cur->m_array_length);
        }
        int32_t slot = find_own_slot(cur, key);
        if (slot >= 0) {
            uint8_t flags = cur->shape()->entry(static_cast<uint32_t>(slot)).flags;
            if (!(flags & prop::Accessor)) return cur->m_slots[slot];
            Value getter = static_cast<AccessorPair*>(cur->m_slots[slot].as_cell())->getter;
            if (getter.is_undefined()) return Value();
            return call(ctx, getter, receiver, {});
        }
        cur = cur->prototype();
    }
    return Value();
}

Value get(Context& ctx, Object* o, Atom key) {
    return get(ctx, o, key, Value::object(o));
}

// ---- [[Set]] ----

// 10.1.9.2 OrdinarySetWithOwnDescriptor (#sec-ordinarysetwithowndescriptor)
static Result<bool> set_on_receiver(Context& ctx, Atom key, const Value& v, const Value& receiver) {
    // 2.c. If receiver is not an Object, return false.
    if (!receiver.is_object()) return false;
    Object* r = receiver.as_object();
    // d. Let existingDescriptor be ? Receiver.[[GetOwnProperty]](P).
    PropertyDescriptor existing;
    bool found = TRY(get_own_property(ctx, r, key, &existing));
    if (found) {
        // e.i-ii. Accessor or non-writable: return false.
        if (existing.is_accessor() || !existing.writable()) return false;
        // iii-iv. Define just the value.
        PropertyDescriptor value_desc;
        value_desc.value = v;
        value_desc.has_value = true;
        return define_own_property(ctx, r, key, value_desc);
    }
    // f. CreateDataProperty(Receiver, P, V).
    return create_data_property(ctx, r, key, v);
}

Result<bool> set(Context& ctx, Object* o, Atom key, const Value& v, const Value& receiver) {
    bool receiver_is_o = receiver.is_object() && receiver.as_object() == o;
    Value hold;
    for (Object* cur = o; cur;) {
        if (auto* ex = exotic(cur)) {
            if (ex->set) return ex->set(ctx, cur, key, v, receiver);
            if (ex->get_own_property) {
                PropertyDescriptor desc;
                bool found = TRY(ex->get_own_property(ctx, cur, key, &desc));
                if (found) {
                    if (desc.is_accessor()) {
                        if (desc.setter.is_undefined()) return false;
                        Value r = TRY(call(ctx, desc.setter, receiver, std::span<const Value>(&v, 1)));
                        return true;
                    }
                    if (!desc.writable()) return false;
                    return set_on_receiver(ctx, key, v, receiver);
                }
                Object* p = TRY(get_prototype_of(ctx, cur));
                hold = p ? Value::adopt(Tag::Object, p) : Value();
                cur = p;
                continue;
            }
        }
        uint32_t index;
        if (fast_element_index(cur, key, &index)) {
            if (index < cur->m_element_count) {
                // Fast path: overwrite an element of the receiver itself.
                if (cur == o && receiver_is_o) {
                    cur->m_elements[index] = v;
                    return true;
                }
                return set_on_receiver(ctx, key, v, receiver);
            }
        } else if (key == atoms::length && cur->is_array()) {
            if (!(cur->m_flags & objflag::LengthWritable)) return false;
            return set_on_receiver(ctx, key, v, receiver);
        }
        int32_t slot = find_own_slot(cur, key);
        if (slot >= 0) {
            uint8_t flags = cur->shape()->entry(static_cast<uint32_t>(slot)).flags;
            if (flags & prop::Accessor) {
                Value setter = static_cast<AccessorPair*>(cur->m_slots[slot].as_cell())->setter;
                if (setter.is_undefined()) return false;
                Value r = TRY(call(ctx, setter, receiver, std::span<const Value>(&v, 1)));
                return true;
            }
            if (!(flags & prop::Writable)) return false;
            // Fast path: own writable data property of the receiver.
            if (cur == o && receiver_is_o) {
                cur->m_slots[slot] = v;
                return true;
            }
            return set_on_receiver(ctx, key, v, receiver);
        }
        cur = cur->prototype();
    }
    // Not found anywhere: create on the receiver.
    if (receiver_is_o) {
        // Fast path: append an element to a fast array.
        uint32_t index;
        if (fast_element_index(o, key, &index) && index == o->m_element_count && o->is_extensible() &&
            (!o->is_array() || index < o->m_array_length || (o->m_flags & objflag::LengthWritable))) {
            if (!array_push_fast(ctx, o, v)) return Exception{};
            return true;
        }
    }
    return set_on_receiver(ctx, key, v, receiver);
}

// ---- [[Delete]] ----

Result<bool> ordinary_delete_property(Context&, Object*, Atom);

Result<bool> delete_property(Context& ctx, Object* o, Atom key) {
    if (auto* ex = exotic(o); ex && ex->delete_property) return ex->delete_property(ctx, o, key);
    return ordinary_delete_property(ctx, o, key);
}

// 10.1.10.1 OrdinaryDelete (#sec-ordinarydelete)
Result<bool> ordinary_delete_property(Context& ctx, Object* o, Atom key) {
    uint32_t index;
    if (fast_element_index(o, key, &index)) {
        if (index >= o->m_element_count) return true;
        if (index + 1 == o->m_element_count && !o->is_array()) {
            --o->m_element_count;
            o->m_elements[index].~Value();
            return true;
        }
        convert_to_slow_array(ctx, o);
        if (ctx.rt().has_exception()) return Exception{};
    }
    if (key == atoms::length && o->is_array()) return false;
    int32_t slot = find_own_slot(o, key);
    if (slot < 0) return true;
    if (!(o->shape()->entry(static_cast<uint32_t>(slot)).flags & prop::Configurable)) return false;
    if (!remove_slot(ctx, o, static_cast<uint32_t>(slot))) return Exception{};
    return true;
}

// ---- [[OwnPropertyKeys]] ----

Result<Vector<Atom>> own_property_keys(Context& ctx, Object* o) {
    // A proxy's trap decides the whole list and its order.
    if (o->class_id() == ClassId::Proxy) return proxy_own_keys(ctx, o);
    Vector<Atom> keys;
    Runtime& rt = ctx.rt();
    Vector<uint32_t> indexes;
    for (uint32_t i = 0; i < o->m_element_count; ++i)
        indexes.push_back(i);
    if (auto* ex = exotic(o); ex && ex->own_keys) {
        Vector<Atom> extra;
        TRY(ex->own_keys(ctx, o, extra));
        for (Atom a : extra) {
            uint32_t idx;
            if (atom_to_array_index(rt, a, &idx))
                indexes.push_back(idx);
            else
                keys.push_back(a); // non-index extras (rare) go first among strings
        }
    }
    Shape* s = o->shape();
    for (uint32_t i = 0; i < s->count(); ++i) {
        uint32_t idx;
        if (atom_to_array_index(rt, s->entry(i).key, &idx)) indexes.push_back(idx);
    }
    std::sort(indexes.begin(), indexes.end());
    Vector<Atom> result;
    if (!vector_reserve(result, indexes.size() + s->count() + keys.size() + 1))
        return ctx.throw_out_of_memory();
    for (uint32_t idx : indexes) {
        Atom a = index_to_atom(ctx, idx);
        if (!a) return Exception{};
        result.push_back(a);
    }
    for (Atom a : keys)
        result.push_back(a);
    if (o->is_array()) result.push_back(atoms::length);
    for (uint32_t i = 0; i < s->count(); ++i) {
        Atom a = s->entry(i).key;
        uint32_t idx;
        if (!rt.atom_is_symbol(a) && !atom_to_array_index(rt, a, &idx)) result.push_back(a);
    }
    // Private names are keys of the shape too, but not properties (7.3.31: private elements live
    // in [[PrivateElements]]).
    for (uint32_t i = 0; i < s->count(); ++i) {
        Atom a = s->entry(i).key;
        if (rt.atom_is_symbol(a) && !static_cast<Symbol*>(rt.atom_cell(a))->is_private()) result.push_back(a);
    }
    return result;
}

// ---- 7.3 abstract operations ----

Value get_v(Context& ctx, const Value& v, Atom key) {
    if (v.is_object()) return get(ctx, v.as_object(), key, v);
    // Fast path: string length and indexes without wrapping.
    if (v.is_string()) {
        String* s = v.as_string();
        if (key == atoms::length) return Value::int32(static_cast<int32_t>(s->length()));
        if (atom_is_index(key) && atom_index_value(key) < s->length()) {
            char16_t c = s->at(atom_index_value(key));
            String* r = String::create_utf16(ctx.rt(), &c, 1);
            if (!r) return ctx.throw_out_of_memory();
            return Value::adopt(Tag::String, r);
        }
    }
    Value o = TRY(to_object(ctx, v));
    return get(ctx, o.as_object(), key, v);
}

Value get_method(Context& ctx, const Value& v, Atom key) {
    Value f = TRY(get_v(ctx, v, key));
    if (f.is_nullish()) return Value();
    if (!is_callable(f)) return ctx.throw_type_error_atom("%s is not a function", key);
    return f;
}

Result<bool> set_with_mode(Context& ctx, Object* o, Atom key, const Value& v, bool throw_on_failure) {
    bool ok = TRY(set(ctx, o, key, v, Value::object(o)));
    if (!ok && throw_on_failure)
        return ctx.throw_type_error_atom("Cannot assign to read only property '%s'", key);
    return ok;
}

Result<void> set_or_throw(Context& ctx, Object* o, Atom key, const Value& v) {
    TRY(set_with_mode(ctx, o, key, v, true));
    return {};
}

Result<bool> create_data_property(Context& ctx, Object* o, Atom key, const Value& v) {
    // A new named key on an extensible plain object (object literals, JSON.parse) always succeeds:
    // append it without building a descriptor.
    if (o->class_id() == ClassId::Object && o->is_extensible() && !atom_is_index(key) &&
        o->shape()->find(key) < 0) {
        if (!add_own_property(ctx, o, key, v, prop::Default)) return Exception{};
        return true;
    }
    return define_own_property(ctx, o, key, PropertyDescriptor::data(v, prop::Default));
}

Result<void> create_data_property_or_throw(Context& ctx, Object* o, Atom key, const Value& v) {
    bool ok = TRY(create_data_property(ctx, o, key, v));
    if (!ok) return ctx.throw_type_error_atom("Cannot define property '%s'", key);
    return {};
}

Result<void> define_property_or_throw(Context& ctx, Object* o, Atom key, const PropertyDescriptor& desc) {
    bool ok = TRY(define_own_property(ctx, o, key, desc));
    if (!ok) return ctx.throw_type_error_atom("Cannot redefine property: %s", key);
    return {};
}

Result<void> delete_property_or_throw(Context& ctx, Object* o, Atom key) {
    bool ok = TRY(delete_property(ctx, o, key));
    if (!ok) return ctx.throw_type_error_atom("Cannot delete property '%s'", key);
    return {};
}

Result<void> put_own_data(Context& ctx, Object* o, Atom key, Value v, uint8_t flags) {
    int32_t slot = find_own_slot(o, key);
    if (slot >= 0 && !(o->shape()->entry(static_cast<uint32_t>(slot)).flags & prop::Accessor)) {
        o->m_slots[slot] = std::move(v);
        return {};
    }
    // A new property on an ordinary extensible object: OrdinaryDefineOwnProperty would only append it.
    if (slot < 0 && !exotic(o) && !o->is_array() && !o->is_fast_array() && o->is_extensible()) {
        if (!add_own_property(ctx, o, key, std::move(v), flags & prop::AttributeMask & ~prop::Accessor))
            return Exception{};
        return {};
    }
    TRY(define_property_or_throw(ctx, o, key, PropertyDescriptor::data(std::move(v), flags)));
    return {};
}

// 7.3.15 SetIntegrityLevel (#sec-setintegritylevel)
Result<bool> set_integrity_level(Context& ctx, Object* o, bool frozen) {
    bool ok = TRY(prevent_extensions(ctx, o));
    if (!ok) return false;
    Vector<Atom> keys = TRY(own_property_keys(ctx, o));
    for (Atom k : keys) {
        PropertyDescriptor desc;
        desc.has_configurable = true;
        if (frozen) {
            PropertyDescriptor current;
            bool found = TRY(get_own_property(ctx, o, k, &current));
            if (!found) continue;
            if (!current.is_accessor()) {
                desc.has_writable = true;
            }
        }
        TRY(define_property_or_throw(ctx, o, k, desc));
    }
    return true;
}

// 7.3.16 TestIntegrityLevel (#sec-testintegritylevel)
Result<bool> test_integrity_level(Context& ctx, Object* o, bool frozen) {
    bool extensible = TRY(is_extensible(ctx, o));
    if (extensible) return false;
    Vector<Atom> keys = TRY(own_property_keys(ctx, o));
    for (Atom k : keys) {
        PropertyDescriptor current;
        bool found = TRY(get_own_property(ctx, o, k, &current));
        if (!found) continue;
        if (current.configurable()) return false;
        if (frozen && current.is_data() && current.writable()) return false;
    }
    return true;
}

Result<uint64_t> length_of_array_like(Context& ctx, Object* o) {
    if (o->is_array() && !o->is_exotic()) return o->m_array_length;
    Value len = TRY(get(ctx, o, atoms::length));
    return to_length(ctx, len);
}

Result<Vector<Value>> create_list_from_array_like(Context& ctx, const Value& v, bool only_names) {
    if (!v.is_object()) return ctx.throw_type_error("CreateListFromArrayLike called on non-object");
    Object* o = v.as_object();
    uint64_t len = TRY(length_of_array_like(ctx, o));
    if (len > 10000000) return ctx.throw_range_error("too many arguments");
    Vector<Value> list;
    if (!vector_reserve(list, static_cast<size_t>(len))) return ctx.throw_out_of_memory();
    // A fast array or arguments object holding every index below len as a plain element: each Get
    // is that element (f.apply(this, arguments) copies them without a property lookup each).
    if (o->is_fast_array() && !o->is_exotic() && len <= o->m_element_count && !only_names) {
        for (uint64_t i = 0; i < len; ++i)
            list.push_back(o->m_elements[i]);
        return list;
    }
    for (uint64_t i = 0; i < len; ++i) {
        Value e = TRY(get_index(ctx, o, i));
        if (only_names && !e.is_string() && !e.is_symbol())
            return ctx.throw_type_error("CreateListFromArrayLike: element is not a property key");
        list.push_back(std::move(e));
    }
    return list;
}

Value invoke(Context& ctx, const Value& v, Atom key, std::span<const Value> args) {
    Value f = TRY(get_v(ctx, v, key));
    return call(ctx, f, v, args);
}

// 7.3.21 OrdinaryHasInstance (#sec-ordinaryhasinstance)
Result<bool> ordinary_has_instance(Context& ctx, const Value& c, const Value& o) {
    // 1. If IsCallable(C) is false, return false.
    if (!is_callable(c)) return false;
    // 2. Bound functions: InstanceofOperator(O, BC).
    if (c.as_object()->class_id() == ClassId::BoundFunction) {
        if (ctx.check_stack_overflow()) return Exception{}; // a chain of bound functions recurses
        return instance_of(ctx, o, static_cast<BoundFunctionObject*>(c.as_object())->m_target);
    }
    // 3. If O is not an Object, return false.
    if (!o.is_object()) return false;
    // 4-5. Let P be ? Get(C, "prototype"); it must be an object.
    Value p = TRY(get(ctx, c.as_object(), atoms::prototype, c));
    if (!p.is_object()) return ctx.throw_type_error("Function has non-object prototype in instanceof check");
    // 6. Walk O's prototype chain (ordinary objects' prototypes directly: reading them runs no code).
    Object* plain = o.as_object();
    while (!exotic(plain)) {
        plain = plain->prototype();
        if (!plain) return false;
        if (plain == p.as_object()) return true;
    }
    Value cur = Value::object(plain);
    for (;;) {
        Object* proto = TRY(get_prototype_of(ctx, cur.as_object()));
        if (!proto) return false;
        cur = Value::adopt(Tag::Object, proto);
        if (proto == p.as_object()) return true;
    }
}

// 7.3.22 SpeciesConstructor (#sec-speciesconstructor)
Value species_constructor(Context& ctx, Object* o, Object* default_ctor) {
    Value c = TRY(get(ctx, o, atoms::constructor));
    if (c.is_undefined()) return Value::object(default_ctor);
    if (!c.is_object()) return ctx.throw_type_error("object.constructor is not an object");
    Value s = TRY(get(ctx, c.as_object(),
                      atoms::first_well_known_symbol + static_cast<Atom>(WellKnownSymbol::species)));
    if (s.is_nullish()) return Value::object(default_ctor);
    if (is_constructor(s)) return s;
    return ctx.throw_type_error("object.constructor[Symbol.species] is not a constructor");
}

// 10.1.14 GetPrototypeFromConstructor (#sec-getprototypefromconstructor)
// 7.3.24 GetFunctionRealm ( obj ) (#sec-getfunctionrealm)
Result<Context*> get_function_realm(Context& ctx, Object* obj) {
    for (;;) {
        // 1. If obj has a [[Realm]] internal slot, return obj.[[Realm]].
        if (obj->class_id() == ClassId::BytecodeFunction) {
            Context* realm = static_cast<FunctionObject*>(obj)->m_realm;
            return realm ? realm : &ctx;
        }
        if (obj->class_id() == ClassId::NativeFunction) {
            Context* realm = static_cast<NativeFunctionObject*>(obj)->m_realm;
            return realm ? realm : &ctx;
        }
        // 2. If obj is a bound function exotic object, return ?
        // GetFunctionRealm(obj.[[BoundTargetFunction]]).
        if (obj->class_id() == ClassId::BoundFunction) {
            const Value& target = static_cast<BoundFunctionObject*>(obj)->m_target;
            if (!target.is_object()) return &ctx;
            obj = target.as_object();
            continue;
        }
        // 3. If obj is a Proxy exotic object, then
        if (obj->class_id() == ClassId::Proxy) {
            const Value& target = static_cast<ProxyObject*>(obj)->m_target;
            // a. Perform ? ValidateNonRevokedProxy(obj).
            if (!target.is_object()) return ctx.throw_type_error("cannot get the realm of a revoked proxy");
            // b-c. Return ? GetFunctionRealm(obj.[[ProxyTarget]]).
            obj = target.as_object();
            continue;
        }
        // 4. Return the current Realm Record.
        return &ctx;
    }
}

// 10.1.14 GetPrototypeFromConstructor ( constructor, intrinsicDefaultProto )
// (#sec-getprototypefromconstructor)
Result<Object*> get_prototype_from_constructor(Context& ctx, const Value& ctor, Intrinsic default_id) {
    if (ctor.is_object()) {
        // 2. Let proto be ? Get(constructor, "prototype").
        Value proto = TRY(get(ctx, ctor.as_object(), atoms::prototype, ctor));
        if (proto.is_object()) return static_cast<Object*>(proto.leak_cell());
        // 3.a. Let realm be ? GetFunctionRealm(constructor).
        // 3.b. Set proto to realm's intrinsic object named intrinsicDefaultProto.
        Context* realm = TRY(get_function_realm(ctx, ctor.as_object()));
        Object* p = realm->intrinsic(default_id);
        if (p) p->ref();
        return p;
    }
    Object* p = ctx.intrinsic(default_id);
    if (p) p->ref();
    return p;
}

// Callers that pass the current realm's intrinsic object: it is mapped back to its intrinsic id so
// that the constructor's realm supplies the default (a non-intrinsic default is used as is).
Result<Object*> get_prototype_from_constructor(Context& ctx, const Value& ctor, Object* default_proto) {
    if (default_proto) {
        for (size_t i = 0; i < static_cast<size_t>(Intrinsic::Count); i++) {
            if (ctx.intrinsic(static_cast<Intrinsic>(i)) == default_proto)
                return get_prototype_from_constructor(ctx, ctor, static_cast<Intrinsic>(i));
        }
    }
    if (ctor.is_object()) {
        Value proto = TRY(get(ctx, ctor.as_object(), atoms::prototype, ctor));
        if (proto.is_object()) return static_cast<Object*>(proto.leak_cell());
    }
    if (default_proto) default_proto->ref();
    return default_proto;
}

Result<bool> is_array(Context& ctx, const Value& v) {
    if (!v.is_object()) return false;
    Object* o = v.as_object();
    if (o->class_id() == ClassId::Proxy) return proxy_is_array(ctx, o);
    return o->is_array();
}

bool is_callable(const Value& v) {
    return v.is_object() && v.as_object()->is_callable();
}
bool is_constructor(const Value& v) {
    return v.is_object() && v.as_object()->is_constructor();
}

// ---- index helpers ----

Value get_index(Context& ctx, Object* o, uint64_t index) {
    // Fast path: dense element.
    if (o->is_fast_array() && index < o->m_element_count) return o->m_elements[index];
    Atom key = index_to_atom(ctx, index);
    if (!key) return Exception{};
    return get(ctx, o, key, Value::object(o));
}

Result<void> set_index_or_throw(Context& ctx, Object* o, uint64_t index, const Value& v) {
    Atom key = index_to_atom(ctx, index);
    if (!key) return Exception{};
    return set_or_throw(ctx, o, key, v);
}

Result<void> create_data_property_index(Context& ctx, Object* o, uint64_t index, const Value& v) {
    Atom key = index_to_atom(ctx, index);
    if (!key) return Exception{};
    return create_data_property_or_throw(ctx, o, key, v);
}

} // namespace qjs
