// ObjectConstructor.cpp: the Object constructor and its static methods (ECMA-262 20.1.1, 20.1.2),
// plus the property descriptor conversions (6.2.6.4, 6.2.6.5) that Reflect and Proxy share.
#include "builtins/Builtins.h"
#include "runtime/Call.h"
#include "runtime/Context.h"
#include "runtime/Conversions.h"
#include "runtime/Iteration.h"
#include "runtime/NativeFunction.h"
#include "runtime/Object.h"

namespace qjs {

bool install_object_prototype(Context&, Object* proto); // ObjectPrototype.cpp

// 6.2.6.4 FromPropertyDescriptor ( Desc ) (#sec-frompropertydescriptor)
// `present` false stands for a Desc of undefined.
Value from_property_descriptor(Context& ctx, const PropertyDescriptor& desc, bool present) {
    // 1. If Desc is undefined, return undefined.
    if (!present) return Value::undefined();
    // 2. Let obj be OrdinaryObjectCreate(%Object.prototype%).
    Value obj = TRY(new_object(ctx));
    Object* o = obj.as_object();
    // 3. Assert: obj is an extensible ordinary object with no own properties.
    // 4-9. For each present field, perform ! CreateDataPropertyOrThrow(obj, fieldName, value), in the order
    //      value, writable, get, set, enumerable, configurable.
    if (desc.has_value && !define_fresh_property(ctx, o, atoms::value, desc.value, prop::Default))
        return Exception{};
    if (desc.has_writable &&
        !define_fresh_property(ctx, o, atoms::writable, Value::boolean(desc.writable()), prop::Default))
        return Exception{};
    if (desc.has_get && !define_fresh_property(ctx, o, atoms::get, desc.getter, prop::Default))
        return Exception{};
    if (desc.has_set && !define_fresh_property(ctx, o, atoms::set, desc.setter, prop::Default))
        return Exception{};
    if (desc.has_enumerable &&
        !define_fresh_property(ctx, o, atoms::enumerable, Value::boolean(desc.enumerable()), prop::Default))
        return Exception{};
    if (desc.has_configurable && !define_fresh_property(ctx, o, atoms::configurable,
                                                        Value::boolean(desc.configurable()), prop::Default))
        return Exception{};
    // 10. Return obj.
    return obj;
}

// 6.2.6.5 ToPropertyDescriptor ( Obj ) (#sec-topropertydescriptor)
Result<PropertyDescriptor> to_property_descriptor(Context& ctx, const Value& value) {
    // 1. If Obj is not an Object, throw a TypeError exception.
    if (!value.is_object()) return ctx.throw_type_error("property descriptor must be an object");
    Object* obj = value.as_object();
    // 2. Let desc be a new Property Descriptor that initially has no fields.
    PropertyDescriptor desc;
    // 3-4. enumerable
    if (TRY(has_property(ctx, obj, atoms::enumerable))) {
        Value v = TRY(get(ctx, obj, atoms::enumerable));
        desc.has_enumerable = true;
        if (to_boolean(v)) desc.flags |= prop::Enumerable;
    }
    // 5-6. configurable
    if (TRY(has_property(ctx, obj, atoms::configurable))) {
        Value v = TRY(get(ctx, obj, atoms::configurable));
        desc.has_configurable = true;
        if (to_boolean(v)) desc.flags |= prop::Configurable;
    }
    // 7-8. value
    if (TRY(has_property(ctx, obj, atoms::value))) {
        desc.value = TRY(get(ctx, obj, atoms::value));
        desc.has_value = true;
    }
    // 9-10. writable
    if (TRY(has_property(ctx, obj, atoms::writable))) {
        Value v = TRY(get(ctx, obj, atoms::writable));
        desc.has_writable = true;
        if (to_boolean(v)) desc.flags |= prop::Writable;
    }
    // 11-12. get: if IsCallable(getter) is false and getter is not undefined, throw a TypeError.
    if (TRY(has_property(ctx, obj, atoms::get))) {
        Value getter = TRY(get(ctx, obj, atoms::get));
        if (!is_callable(getter) && !getter.is_undefined())
            return ctx.throw_type_error("getter must be a function");
        desc.getter = std::move(getter);
        desc.has_get = true;
    }
    // 13-14. set
    if (TRY(has_property(ctx, obj, atoms::set))) {
        Value setter = TRY(get(ctx, obj, atoms::set));
        if (!is_callable(setter) && !setter.is_undefined())
            return ctx.throw_type_error("setter must be a function");
        desc.setter = std::move(setter);
        desc.has_set = true;
    }
    // 15. If desc has a [[Get]] or [[Set]] field, then
    if (desc.has_get || desc.has_set) {
        // a. If desc has a [[Value]] or [[Writable]] field, throw a TypeError exception.
        if (desc.has_value || desc.has_writable)
            return ctx.throw_type_error(
                "invalid property descriptor: cannot both specify accessors and a value or writable");
        desc.flags |= prop::Accessor;
    }
    // 16. Return desc.
    return desc;
}

// 20.1.2.3.1 ObjectDefineProperties ( O, Properties ) (#sec-objectdefineproperties)
static Value object_define_properties(Context& ctx, Object* target, const Value& properties) {
    // 1. Let props be ? ToObject(Properties).
    Value props_value = TRY(to_object(ctx, properties));
    Object* props = props_value.as_object();
    // 2. Let keys be ? props.[[OwnPropertyKeys]]().
    Vector<Atom> keys = TRY(own_property_keys(ctx, props));
    // 3. Let descriptors be a new empty List.
    Vector<std::pair<Atom, PropertyDescriptor>> descriptors;
    // 4. For each element nextKey of keys, do
    for (Atom key : keys) {
        // a. Let propDesc be ? props.[[GetOwnProperty]](nextKey).
        PropertyDescriptor prop_desc;
        bool found = TRY(get_own_property(ctx, props, key, &prop_desc));
        // b. If propDesc is not undefined and propDesc.[[Enumerable]] is true, then
        if (found && prop_desc.enumerable()) {
            // i. Let descObj be ? Get(props, nextKey).
            Value desc_obj = TRY(get(ctx, props, key));
            // ii. Let desc be ? ToPropertyDescriptor(descObj).
            PropertyDescriptor desc = TRY(to_property_descriptor(ctx, desc_obj));
            // iii. Append the Record { [[Key]]: nextKey, [[Descriptor]]: desc } to descriptors.
            descriptors.emplace_back(key, std::move(desc));
        }
    }
    // 5. For each element property of descriptors, do
    for (auto& [key, desc] : descriptors) {
        // a-c. Perform ? DefinePropertyOrThrow(O, P, desc).
        TRY(define_property_or_throw(ctx, target, key, desc));
    }
    // 6. Return O.
    return Value::object(target);
}

// 20.1.1.1 Object ( [ value ] ) (#sec-object-value)
static Value object_constructor(Context& ctx, const CallArgs& args) {
    // 1. If NewTarget is neither undefined nor the active function object, then
    if (args.is_construct() && !(args.new_target.is_object() && args.new_target.as_object() == args.callee)) {
        // a. Return ? OrdinaryCreateFromConstructor(NewTarget, "%Object.prototype%").
        Object* proto = TRY(
            get_prototype_from_constructor(ctx, args.new_target, ctx.intrinsic(Intrinsic::ObjectPrototype)));
        Object* o = Object::create(ctx, proto, ClassId::Object);
        if (proto) proto->unref();
        if (!o) return Exception{};
        return Value::adopt(Tag::Object, o);
    }
    const Value& value = args.arg(0);
    // 2. If value is either undefined or null, return OrdinaryObjectCreate(%Object.prototype%).
    if (value.is_nullish()) return new_object(ctx);
    // 3. Return ! ToObject(value).
    return to_object(ctx, value);
}

// 20.1.2.1 Object.assign ( target, ...sources ) (#sec-object.assign)
static Value object_assign(Context& ctx, const CallArgs& args) {
    // 1. Let to be ? ToObject(target).
    Value to_value = TRY(to_object(ctx, args.arg(0)));
    Object* to = to_value.as_object();
    // 2. If only one argument was passed, return to.
    // 3. For each element nextSource of sources, do
    for (size_t i = 1; i < args.count(); i++) {
        const Value& next_source = args.args[i];
        // a. If nextSource is neither undefined nor null, then
        if (next_source.is_nullish()) continue;
        // i. Let from be ! ToObject(nextSource).
        Value from_value = TRY(to_object(ctx, next_source));
        Object* from = from_value.as_object();
        // ii. Let keys be ? from.[[OwnPropertyKeys]]().
        Vector<Atom> keys = TRY(own_property_keys(ctx, from));
        // iii. For each element nextKey of keys, do
        for (Atom key : keys) {
            // 1. Let desc be ? from.[[GetOwnProperty]](nextKey).
            PropertyDescriptor desc;
            bool found = TRY(get_own_property(ctx, from, key, &desc));
            // 2. If desc is not undefined and desc.[[Enumerable]] is true, then
            if (!found || !desc.enumerable()) continue;
            // a. Let propValue be ? Get(from, nextKey).
            Value prop_value = TRY(get(ctx, from, key));
            // b. Perform ? Set(to, nextKey, propValue, true).
            TRY(set_or_throw(ctx, to, key, prop_value));
        }
    }
    // 4. Return to.
    return to_value;
}

// 20.1.2.2 Object.create ( O, Properties ) (#sec-object.create)
static Value object_create(Context& ctx, const CallArgs& args) {
    const Value& proto = args.arg(0);
    // 1. If O is not an Object and O is not null, throw a TypeError exception.
    if (!proto.is_object() && !proto.is_null())
        return ctx.throw_type_error("Object prototype may only be an Object or null");
    // 2. Let obj be OrdinaryObjectCreate(O).
    Value obj = TRY(new_object_with_proto(ctx, proto.is_object() ? proto.as_object() : nullptr));
    // 3. If Properties is not undefined, then
    if (!args.arg(1).is_undefined()) {
        // a. Return ? ObjectDefineProperties(obj, Properties).
        return object_define_properties(ctx, obj.as_object(), args.arg(1));
    }
    // 4. Return obj.
    return obj;
}

// 20.1.2.3 Object.defineProperties ( O, Properties ) (#sec-object.defineproperties)
static Value object_define_properties_fn(Context& ctx, const CallArgs& args) {
    // 1. If O is not an Object, throw a TypeError exception.
    if (!args.arg(0).is_object()) return ctx.throw_type_error("Object.defineProperties called on non-object");
    // 2. Return ? ObjectDefineProperties(O, Properties).
    return object_define_properties(ctx, args.arg(0).as_object(), args.arg(1));
}

// 20.1.2.4 Object.defineProperty ( O, P, Attributes ) (#sec-object.defineproperty)
static Value object_define_property(Context& ctx, const CallArgs& args) {
    // 1. If O is not an Object, throw a TypeError exception.
    if (!args.arg(0).is_object()) return ctx.throw_type_error("Object.defineProperty called on non-object");
    // 2. Let key be ? ToPropertyKey(P).
    Atom key = TRY(to_property_key(ctx, args.arg(1)));
    // 3. Let desc be ? ToPropertyDescriptor(Attributes).
    PropertyDescriptor desc = TRY(to_property_descriptor(ctx, args.arg(2)));
    // 4. Perform ? DefinePropertyOrThrow(O, key, desc).
    TRY(define_property_or_throw(ctx, args.arg(0).as_object(), key, desc));
    // 5. Return O.
    return args.arg(0);
}

enum class EnumerableKind : int { Key, Value, KeyValue };

// 7.3.23 EnumerableOwnProperties ( O, kind ) (#sec-enumerableownproperties)
static Value enumerable_own_properties(Context& ctx, Object* o, EnumerableKind kind) {
    // 1. Let ownKeys be ? O.[[OwnPropertyKeys]]().
    Vector<Atom> own_keys = TRY(own_property_keys(ctx, o));
    // 2. Let results be a new empty List.
    Value results = TRY(new_array(ctx, 0));
    // Fast path: keys of an object whose properties all live in its shape (not exotic, no fast elements).
    // No user code runs while collecting keys, so the attributes can be read from the shape directly.
    if (kind == EnumerableKind::Key && !o->is_exotic() && !o->is_fast_array()) {
        for (Atom key : own_keys) {
            if (ctx.rt().atom_is_symbol(key)) continue;
            int32_t slot = find_own_slot(o, key);
            if (slot < 0 || !(o->shape()->entry(static_cast<uint32_t>(slot)).flags & prop::Enumerable))
                continue;
            Value item = TRY(ctx.atom_value(key));
            if (!array_push_fast(ctx, results.as_object(), std::move(item))) return Exception{};
        }
        return results;
    }
    // 3. For each element key of ownKeys, do
    for (Atom key : own_keys) {
        // a. If key is a String, then
        if (ctx.rt().atom_is_symbol(key)) continue;
        // i. Let desc be ? O.[[GetOwnProperty]](key).
        PropertyDescriptor desc;
        bool found = TRY(get_own_property(ctx, o, key, &desc));
        // ii. If desc is not undefined and desc.[[Enumerable]] is true, then
        if (!found || !desc.enumerable()) continue;
        Value item;
        if (kind == EnumerableKind::Key) {
            // 1. If kind is key, append key to results.
            item = TRY(ctx.atom_value(key));
        } else {
            // 2.a. Let value be ? Get(O, key).
            Value value = TRY(get(ctx, o, key));
            if (kind == EnumerableKind::Value) {
                // b. If kind is value, append value to results.
                item = std::move(value);
            } else {
                // c.i. Let entry be CreateArrayFromList(« key, value »).
                Value key_value = TRY(ctx.atom_value(key));
                Value pair[2] = {std::move(key_value), std::move(value)};
                item = TRY(create_array_from_list(ctx, pair));
            }
        }
        // The results array is fresh and unobservable, so appending cannot fail except on OOM.
        if (!array_push_fast(ctx, results.as_object(), std::move(item))) return Exception{};
    }
    // 4. Return results (as CreateArrayFromList(results) by the callers).
    return results;
}

// 20.1.2.5 Object.entries ( O ) (#sec-object.entries)
// 20.1.2.19 Object.keys ( O ) (#sec-object.keys)
// 20.1.2.24 Object.values ( O ) (#sec-object.values)
static Value object_enumerable_own(Context& ctx, const CallArgs& args) {
    // 1. Let obj be ? ToObject(O).
    Value obj = TRY(to_object(ctx, args.arg(0)));
    // 2. Let entryList be ? EnumerableOwnProperties(obj, kind).
    // 3. Return CreateArrayFromList(entryList).
    return enumerable_own_properties(ctx, obj.as_object(), static_cast<EnumerableKind>(args.magic));
}

// 20.1.2.6 Object.freeze ( O ) (#sec-object.freeze)
// 20.1.2.22 Object.seal ( O ) (#sec-object.seal)
static Value object_set_integrity(Context& ctx, const CallArgs& args) {
    bool frozen = args.magic != 0;
    // 1. If O is not an Object, return O.
    if (!args.arg(0).is_object()) return args.arg(0);
    // 2. Let status be ? SetIntegrityLevel(O, frozen).
    bool status = TRY(set_integrity_level(ctx, args.arg(0).as_object(), frozen));
    // 3. If status is false, throw a TypeError exception.
    if (!status) return ctx.throw_type_error(frozen ? "cannot freeze object" : "cannot seal object");
    // 4. Return O.
    return args.arg(0);
}

// 20.1.2.7 Object.fromEntries ( iterable ) (#sec-object.fromentries)
static Value object_from_entries(Context& ctx, const CallArgs& args) {
    const Value& iterable = args.arg(0);
    // 1. Perform ? RequireObjectCoercible(iterable).
    TRY(require_object_coercible(ctx, iterable));
    // 2. Let obj be OrdinaryObjectCreate(%Object.prototype%).
    Value obj = TRY(new_object(ctx));
    // 3-6. Return ? AddEntriesFromIterable(obj, iterable, adder) with the CreateDataPropertyOnObject adder.
    // 24.1.1.2 AddEntriesFromIterable ( target, iterable, adder ) (#sec-add-entries-from-iterable)
    // 1. Let iteratorRecord be ? GetIterator(iterable, sync).
    IteratorRecord record = TRY(get_iterator(ctx, iterable));
    // 2. Repeat,
    for (;;) {
        // a. Let next be ? IteratorStepValue(iteratorRecord).
        Value next;
        bool has_next = TRY(iterator_step_value(ctx, record, &next));
        // b. If next is DONE, return target.
        if (!has_next) return obj;
        // c. If next is not an Object, then
        if (!next.is_object()) {
            // i. Let error be ThrowCompletion(a newly created TypeError object).
            ctx.throw_type_error("iterator value is not an entry object");
            // ii. Return ? IteratorClose(iteratorRecord, error).
            return iterator_close_with_throw(ctx, record);
        }
        // d. Let k be Completion(Get(next, "0")).
        Value k = get(ctx, next.as_object(), atom_from_index(0));
        // e. IfAbruptCloseIterator(k, iteratorRecord).
        if (k.is_exception()) return iterator_close_with_throw(ctx, record);
        // f. Let v be Completion(Get(next, "1")).
        Value v = get(ctx, next.as_object(), atom_from_index(1));
        // g. IfAbruptCloseIterator(v, iteratorRecord).
        if (v.is_exception()) return iterator_close_with_throw(ctx, record);
        // h. Let status be Completion(Call(adder, target, « k, v »)).
        //    CreateDataPropertyOnObject: propertyKey = ? ToPropertyKey(key); ! CreateDataPropertyOrThrow.
        Result<Atom> key = to_property_key(ctx, k);
        // i. IfAbruptCloseIterator(status, iteratorRecord).
        if (key.is_exception()) return iterator_close_with_throw(ctx, record);
        if (create_data_property_or_throw(ctx, obj.as_object(), key.value(), v).is_exception())
            return iterator_close_with_throw(ctx, record);
    }
}

// 20.1.2.8 Object.getOwnPropertyDescriptor ( O, P ) (#sec-object.getownpropertydescriptor)
static Value object_get_own_property_descriptor(Context& ctx, const CallArgs& args) {
    // 1. Let obj be ? ToObject(O).
    Value obj = TRY(to_object(ctx, args.arg(0)));
    // 2. Let key be ? ToPropertyKey(P).
    Atom key = TRY(to_property_key(ctx, args.arg(1)));
    // 3. Let desc be ? obj.[[GetOwnProperty]](key).
    PropertyDescriptor desc;
    bool found = TRY(get_own_property(ctx, obj.as_object(), key, &desc));
    // 4. Return FromPropertyDescriptor(desc).
    return from_property_descriptor(ctx, desc, found);
}

// 20.1.2.9 Object.getOwnPropertyDescriptors ( O ) (#sec-object.getownpropertydescriptors)
static Value object_get_own_property_descriptors(Context& ctx, const CallArgs& args) {
    // 1. Let obj be ? ToObject(O).
    Value obj = TRY(to_object(ctx, args.arg(0)));
    // 2. Let ownKeys be ? obj.[[OwnPropertyKeys]]().
    Vector<Atom> own_keys = TRY(own_property_keys(ctx, obj.as_object()));
    // 3. Let descriptors be OrdinaryObjectCreate(%Object.prototype%).
    Value descriptors = TRY(new_object(ctx));
    // 4. For each element key of ownKeys, do
    for (Atom key : own_keys) {
        // a. Let desc be ? obj.[[GetOwnProperty]](key).
        PropertyDescriptor desc;
        bool found = TRY(get_own_property(ctx, obj.as_object(), key, &desc));
        // b. Let descriptor be FromPropertyDescriptor(desc).
        // c. If descriptor is not undefined, perform ! CreateDataPropertyOrThrow(descriptors, key,
        // descriptor).
        if (!found) continue;
        Value descriptor = TRY(from_property_descriptor(ctx, desc, true));
        TRY(create_data_property_or_throw(ctx, descriptors.as_object(), key, descriptor));
    }
    // 5. Return descriptors.
    return descriptors;
}

// 20.1.2.11.1 GetOwnPropertyKeys ( O, type ) (#sec-getownpropertykeys)
static Value get_own_property_keys(Context& ctx, const Value& o, bool symbols) {
    // 1. Let obj be ? ToObject(O).
    Value obj = TRY(to_object(ctx, o));
    // 2. Let keys be ? obj.[[OwnPropertyKeys]]().
    Vector<Atom> keys = TRY(own_property_keys(ctx, obj.as_object()));
    // 3. Let nameList be a new empty List.
    Value name_list = TRY(new_array(ctx, 0));
    // 4. For each element nextKey of keys, do: if nextKey is a Symbol and type is symbol, or nextKey is a
    //    String and type is string, append nextKey to nameList.
    for (Atom key : keys) {
        if (ctx.rt().atom_is_symbol(key) != symbols) continue;
        Value key_value = TRY(ctx.atom_value(key));
        if (!array_push_fast(ctx, name_list.as_object(), std::move(key_value))) return Exception{};
    }
    // 5. Return CreateArrayFromList(nameList).
    return name_list;
}

// 20.1.2.10 Object.getOwnPropertyNames ( O ) (#sec-object.getownpropertynames)
static Value object_get_own_property_names(Context& ctx, const CallArgs& args) {
    // 1. Return CreateArrayFromList(? GetOwnPropertyKeys(O, string)).
    return get_own_property_keys(ctx, args.arg(0), false);
}

// 20.1.2.11 Object.getOwnPropertySymbols ( O ) (#sec-object.getownpropertysymbols)
static Value object_get_own_property_symbols(Context& ctx, const CallArgs& args) {
    // 1. Return CreateArrayFromList(? GetOwnPropertyKeys(O, symbol)).
    return get_own_property_keys(ctx, args.arg(0), true);
}

// 20.1.2.12 Object.getPrototypeOf ( O ) (#sec-object.getprototypeof)
static Value object_get_prototype_of(Context& ctx, const CallArgs& args) {
    // 1. Let obj be ? ToObject(O).
    Value obj = TRY(to_object(ctx, args.arg(0)));
    // 2. Return ? obj.[[GetPrototypeOf]]().
    Object* proto = TRY(get_prototype_of(ctx, obj.as_object()));
    if (!proto) return Value::null();
    return Value::adopt(Tag::Object, proto);
}

// 20.1.2.13 Object.groupBy ( items, callback ) (#sec-object.groupby)
static Value object_group_by(Context& ctx, const CallArgs& args) {
    const Value& items = args.arg(0);
    const Value& callback = args.arg(1);
    // 1. Let groups be ? GroupBy(items, callback, property).
    // 7.3.35 GroupBy ( items, callback, keyCoercion ) (#sec-groupby)
    // 1. Perform ? RequireObjectCoercible(items).
    TRY(require_object_coercible(ctx, items));
    // 2. If IsCallable(callback) is false, throw a TypeError exception.
    if (!is_callable(callback)) return ctx.throw_type_error("Object.groupBy: callback is not a function");
    // 3. Let groups be a new empty List.
    // The groups are kept directly in the result object (OrdinaryObjectCreate(null), unobservable until
    // returned): key -> array of elements. Its key order is the spec's, since an ordinary object's keys
    // enumerate integer indexes first and then strings/symbols in insertion order either way.
    Value obj = TRY(new_object_with_proto(ctx, nullptr));
    // 4. Let iteratorRecord be ? GetIterator(items, sync).
    IteratorRecord record = TRY(get_iterator(ctx, items));
    // 5. Let k be 0.
    double k = 0;
    // 6. Repeat,
    for (;;) {
        // a. If k >= 2^53 - 1, then throw a TypeError and close the iterator.
        if (k >= 9007199254740991.0) {
            ctx.throw_type_error("Object.groupBy: too many elements");
            return iterator_close_with_throw(ctx, record);
        }
        // b. Let next be ? IteratorStepValue(iteratorRecord).
        Value value;
        bool has_next = TRY(iterator_step_value(ctx, record, &value));
        // c. If next is DONE, then return groups.
        if (!has_next) break;
        // e. Let key be Completion(Call(callback, undefined, « value, 𝔽(k) »)).
        Value call_args[2] = {value, Value::number(k)};
        Value key_value = call(ctx, callback, Value::undefined(), call_args);
        // f. IfAbruptCloseIterator(key, iteratorRecord).
        if (key_value.is_exception()) return iterator_close_with_throw(ctx, record);
        // g. If keyCoercion is property, then set key to Completion(ToPropertyKey(key));
        // IfAbruptCloseIterator.
        Result<Atom> key = to_property_key(ctx, key_value);
        if (key.is_exception()) return iterator_close_with_throw(ctx, record);
        // i. Perform AddValueToKeyedGroup(groups, key, value).
        Object* groups = obj.as_object();
        int32_t slot = find_own_slot(groups, key.value());
        if (slot < 0) {
            Value elements = new_array(ctx, 0);
            if (elements.is_exception()) return iterator_close_with_throw(ctx, record);
            if (!define_fresh_property(ctx, groups, key.value(), elements, prop::Default))
                return iterator_close_with_throw(ctx, record);
            slot = find_own_slot(groups, key.value());
        }
        if (!array_push_fast(ctx, groups->slot(slot).as_object(), std::move(value)))
            return iterator_close_with_throw(ctx, record);
        // j. Set k to k + 1.
        k++;
    }
    // 2-3. Let obj be OrdinaryObjectCreate(null); for each Record g of groups, perform
    //      ! CreateDataPropertyOrThrow(obj, g.[[Key]], CreateArrayFromList(g.[[Elements]])).
    // 4. Return obj.
    return obj;
}

// 20.1.2.14 Object.hasOwn ( O, P ) (#sec-object.hasown)
static Value object_has_own(Context& ctx, const CallArgs& args) {
    // 1. Let obj be ? ToObject(O).
    Value obj = TRY(to_object(ctx, args.arg(0)));
    // 2. Let key be ? ToPropertyKey(P).
    Atom key = TRY(to_property_key(ctx, args.arg(1)));
    // 3. Return ? HasOwnProperty(obj, key).
    return Value::boolean(TRY(has_own_property(ctx, obj.as_object(), key)));
}

// 20.1.2.15 Object.is ( value1, value2 ) (#sec-object.is)
static Value object_is(Context&, const CallArgs& args) {
    // 1. Return SameValue(value1, value2).
    return Value::boolean(same_value(args.arg(0), args.arg(1)));
}

// 20.1.2.16 Object.isExtensible ( O ) (#sec-object.isextensible)
static Value object_is_extensible(Context& ctx, const CallArgs& args) {
    // 1. If O is not an Object, return false.
    if (!args.arg(0).is_object()) return Value::boolean(false);
    // 2. Return ? IsExtensible(O).
    return Value::boolean(TRY(is_extensible(ctx, args.arg(0).as_object())));
}

// 20.1.2.17 Object.isFrozen ( O ) (#sec-object.isfrozen)
// 20.1.2.18 Object.isSealed ( O ) (#sec-object.issealed)
static Value object_test_integrity(Context& ctx, const CallArgs& args) {
    // 1. If O is not an Object, return true.
    if (!args.arg(0).is_object()) return Value::boolean(true);
    // 2. Return ? TestIntegrityLevel(O, frozen/sealed).
    return Value::boolean(TRY(test_integrity_level(ctx, args.arg(0).as_object(), args.magic != 0)));
}

// 20.1.2.20 Object.preventExtensions ( O ) (#sec-object.preventextensions)
static Value object_prevent_extensions(Context& ctx, const CallArgs& args) {
    // 1. If O is not an Object, return O.
    if (!args.arg(0).is_object()) return args.arg(0);
    // 2. Let status be ? O.[[PreventExtensions]]().
    bool status = TRY(prevent_extensions(ctx, args.arg(0).as_object()));
    // 3. If status is false, throw a TypeError exception.
    if (!status) return ctx.throw_type_error("cannot prevent extensions");
    // 4. Return O.
    return args.arg(0);
}

// 20.1.2.23 Object.setPrototypeOf ( O, proto ) (#sec-object.setprototypeof)
static Value object_set_prototype_of(Context& ctx, const CallArgs& args) {
    const Value& proto = args.arg(1);
    // 1. Set O to ? RequireObjectCoercible(O).
    TRY(require_object_coercible(ctx, args.arg(0)));
    // 2. If proto is not an Object and proto is not null, throw a TypeError exception.
    if (!proto.is_object() && !proto.is_null())
        return ctx.throw_type_error("Object prototype may only be an Object or null");
    // 3. If O is not an Object, return O.
    if (!args.arg(0).is_object()) return args.arg(0);
    // 4. Let status be ? O.[[SetPrototypeOf]](proto).
    bool status =
        TRY(set_prototype_of(ctx, args.arg(0).as_object(), proto.is_object() ? proto.as_object() : nullptr));
    // 5. If status is false, throw a TypeError exception.
    if (!status) return ctx.throw_type_error("cannot set prototype");
    // 6. Return O.
    return args.arg(0);
}

#define QJS_OBJECT_STATIC_FUNCTIONS(X)                                                                       \
    X("assign", 2, object_assign, 0)                                                                         \
    X("create", 2, object_create, 0)                                                                         \
    X("defineProperties", 2, object_define_properties_fn, 0)                                                 \
    X("defineProperty", 3, object_define_property, 0)                                                        \
    X("entries", 1, object_enumerable_own, static_cast<int>(EnumerableKind::KeyValue))                       \
    X("freeze", 1, object_set_integrity, 1)                                                                  \
    X("fromEntries", 1, object_from_entries, 0)                                                              \
    X("getOwnPropertyDescriptor", 2, object_get_own_property_descriptor, 0)                                  \
    X("getOwnPropertyDescriptors", 1, object_get_own_property_descriptors, 0)                                \
    X("getOwnPropertyNames", 1, object_get_own_property_names, 0)                                            \
    X("getOwnPropertySymbols", 1, object_get_own_property_symbols, 0)                                        \
    X("getPrototypeOf", 1, object_get_prototype_of, 0)                                                       \
    X("groupBy", 2, object_group_by, 0)                                                                      \
    X("hasOwn", 2, object_has_own, 0)                                                                        \
    X("is", 2, object_is, 0)                                                                                 \
    X("isExtensible", 1, object_is_extensible, 0)                                                            \
    X("isFrozen", 1, object_test_integrity, 1)                                                               \
    X("isSealed", 1, object_test_integrity, 0)                                                               \
    X("keys", 1, object_enumerable_own, static_cast<int>(EnumerableKind::Key))                               \
    X("preventExtensions", 1, object_prevent_extensions, 0)                                                  \
    X("seal", 1, object_set_integrity, 0)                                                                    \
    X("setPrototypeOf", 2, object_set_prototype_of, 0)                                                       \
    X("values", 1, object_enumerable_own, static_cast<int>(EnumerableKind::Value))

static const FunctionListEntry kObjectStaticFunctions[] = {
#define X(name, length, fn, magic) QJS_FUNC_MAGIC(name, length, fn, magic),
    QJS_OBJECT_STATIC_FUNCTIONS(X)
#undef X
};

// 20.1.2 Properties of the Object Constructor (#sec-properties-of-the-object-constructor)
bool install_object(Context& ctx) {
    Object* proto = ctx.intrinsic(Intrinsic::ObjectPrototype);
    Object* ctor = define_builtin_constructor(ctx, object_constructor, "Object", 1, proto);
    if (!ctor) return false;
    ctx.set_intrinsic(Intrinsic::Object, ctor);
    if (!define_function_list(ctx, ctor, kObjectStaticFunctions)) return false;
    return install_object_prototype(ctx, proto);
}

} // namespace qjs
