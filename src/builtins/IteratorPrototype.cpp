// IteratorPrototype.cpp: %Iterator.prototype% (spec 27.1.4): [Symbol.iterator], the iterator
// helper methods, the consuming methods, and the constructor/[Symbol.toStringTag] accessors.
#include "builtins/Array.h"
#include "builtins/Builtins.h"
#include "builtins/IteratorHelper.h"
#include "runtime/Call.h"
#include "runtime/Context.h"
#include "runtime/Conversions.h"
#include "runtime/NativeFunction.h"
#include "runtime/Object.h"
#include "runtime/String.h"

#include <cmath>

namespace qjs {

// Steps 1-2 of every method: "Let O be the this value. If O is not an Object, throw a TypeError."
static Object* this_iterator_object(Context& ctx, const CallArgs& args) {
    if (!args.this_value.is_object()) {
        ctx.throw_type_error("Iterator.prototype method called on a non-object");
        return nullptr;
    }
    return args.this_value.as_object();
}

// "Let iterated be the Iterator Record { [[Iterator]]: O, [[NextMethod]]: undefined, [[Done]]: false }.
//  If IsCallable(fn) is false, then let error be ThrowCompletion(a newly created TypeError object) and
//  return ? IteratorClose(iterated, error)."
static Exception close_with_type_error(Context& ctx, Object* o, const char* message) {
    ctx.throw_type_error("%s", message);
    return iterator_close_with_throw(ctx, o);
}

// 27.1.4.3 drop ( limit ) and 27.1.4.12 take ( limit ), steps 1-9; magic = IteratorHelperKind.
static Value iterator_proto_take_drop(Context& ctx, const CallArgs& args) {
    // 1-2. Let O be the this value. If O is not an Object, throw a TypeError exception.
    Object* o = this_iterator_object(ctx, args);
    if (!o) return Exception{};
    // 3. Let iterated be the Iterator Record { [[Iterator]]: O, [[NextMethod]]: undefined, [[Done]]: false }.
    // 4. Let numLimit be Completion(ToNumber(limit)).
    Result<double> num_limit = to_number(ctx, args.arg(0));
    // 5. IfAbruptCloseIterator(numLimit, iterated).
    if (num_limit.is_exception()) return iterator_close_with_throw(ctx, o);
    // 6. If numLimit is NaN, then throw a RangeError after closing iterated.
    if (std::isnan(num_limit.value())) {
        ctx.throw_range_error("limit must be a number");
        return iterator_close_with_throw(ctx, o);
    }
    // 7. Let integerLimit be ! ToIntegerOrInfinity(numLimit).
    double integer_limit = std::isinf(num_limit.value()) ? num_limit.value() : std::trunc(num_limit.value());
    // 8. If integerLimit < 0, or integerLimit is finite and above 2**53 - 1, then throw a RangeError after
    //    closing iterated.
    if (integer_limit < 0 || (!std::isinf(integer_limit) && integer_limit > 9007199254740991.0)) {
        ctx.throw_range_error("limit must be a non-negative safe integer or +Infinity");
        return iterator_close_with_throw(ctx, o);
    }
    // 9. Set iterated to ? GetIteratorDirect(O).
    IteratorRecord iterated = TRY(get_iterator_direct(ctx, o));
    // 10-13. Create the helper whose closure drops/takes integerLimit values.
    return create_iterator_helper(ctx, std::move(iterated), static_cast<IteratorHelperKind>(args.magic),
                                  Value(), integer_limit + 0.0);
}

// Iterator.prototype.chunks ( chunkSize ) and Iterator.prototype.windows ( windowSize [ , undersized ] )
// (proposal-iterator-chunking), magic = IteratorHelperKind.
static Value iterator_proto_chunks_windows(Context& ctx, const CallArgs& args) {
    // 1-2. Let O be the this value. If O is not an Object, throw a TypeError exception.
    Object* o = this_iterator_object(ctx, args);
    if (!o) return Exception{};
    // 3. Let iterated be the Iterator Record { [[Iterator]]: O, [[NextMethod]]: undefined, [[Done]]: false }.
    // 4-5. If size is not an integral Number, close iterated with a TypeError.
    const Value& size = args.arg(0);
    if (!size.is_number() || !std::isfinite(size.as_number()) ||
        std::trunc(size.as_number()) != size.as_number())
        return close_with_type_error(ctx, o, "size must be an integral Number");
    // 6. If size is not in the inclusive interval from 1 to 2^32 - 1, close iterated with a RangeError.
    double n = size.as_number();
    if (n < 1 || n > 4294967295.0) {
        ctx.throw_range_error("size must be between 1 and 2^32 - 1");
        return iterator_close_with_throw(ctx, o);
    }
    bool allow_partial = false;
    if (args.magic == static_cast<int16_t>(IteratorHelperKind::Windows)) {
        // 7. If undersized is undefined, set undersized to "only-full".
        // 8. If undersized is neither "only-full" nor "allow-partial", close iterated with a TypeError.
        const Value& undersized = args.arg(1);
        bool only_full = undersized.is_undefined() ||
                         (undersized.is_string() && undersized.as_string()->equals_ascii("only-full"));
        allow_partial = undersized.is_string() && undersized.as_string()->equals_ascii("allow-partial");
        if (!only_full && !allow_partial)
            return close_with_type_error(ctx, o, "undersized must be \"only-full\" or \"allow-partial\"");
    }
    // 9. Set iterated to ? GetIteratorDirect(O).
    IteratorRecord iterated = TRY(get_iterator_direct(ctx, o));
    // 10-12. Create the helper whose closure yields the chunks / windows.
    Value helper = TRY(create_iterator_helper(ctx, std::move(iterated),
                                              static_cast<IteratorHelperKind>(args.magic), Value(), n));
    static_cast<IteratorHelperObject*>(helper.as_object())->m_counter = allow_partial ? 1 : 0;
    return helper;
}

// 27.1.4.5 filter ( predicate ), 27.1.4.7 flatMap ( mapper ), 27.1.4.8 map ( mapper ), steps 1-5.
static Value iterator_proto_map_like(Context& ctx, const CallArgs& args) {
    // 1-2. Let O be the this value. If O is not an Object, throw a TypeError exception.
    Object* o = this_iterator_object(ctx, args);
    if (!o) return Exception{};
    // 3-4. If IsCallable(fn) is false, close iterated with a TypeError.
    if (!is_callable(args.arg(0))) return close_with_type_error(ctx, o, "argument is not a function");
    // 5. Set iterated to ? GetIteratorDirect(O).
    IteratorRecord iterated = TRY(get_iterator_direct(ctx, o));
    // 6-9. Let result be CreateIteratorFromClosure(closure, "Iterator Helper", %IteratorHelperPrototype%,
    //      « [[UnderlyingIterator]] »). Set result.[[UnderlyingIterator]] to iterated. Return result.
    return create_iterator_helper(ctx, std::move(iterated), static_cast<IteratorHelperKind>(args.magic),
                                  args.arg(0), 0);
}

// 27.1.4.9 Iterator.prototype.reduce ( reducer [ , initialValue ] ) (#sec-iterator.prototype.reduce)
static Value iterator_proto_reduce(Context& ctx, const CallArgs& args) {
    // 1-2. Let O be the this value. If O is not an Object, throw a TypeError exception.
    Object* o = this_iterator_object(ctx, args);
    if (!o) return Exception{};
    const Value& reducer = args.arg(0);
    // 3-4. If IsCallable(reducer) is false, close iterated with a TypeError.
    if (!is_callable(reducer)) return close_with_type_error(ctx, o, "reducer is not a function");
    // 5. Set iterated to ? GetIteratorDirect(O).
    IteratorRecord iterated = TRY(get_iterator_direct(ctx, o));
    Value accumulator;
    uint64_t counter;
    // 6. If initialValue is not present, then
    if (args.count() < 2) {
        // a. Let accumulator be ? IteratorStepValue(iterated).
        bool has_value = TRY(iterator_step_value(ctx, iterated, &accumulator));
        // b. If accumulator is DONE, throw a TypeError exception.
        if (!has_value) return ctx.throw_type_error("reduce of empty iterator with no initial value");
        // c. Let counter be 1.
        counter = 1;
    } else {
        // 7. Else, let accumulator be initialValue and counter be 0.
        accumulator = args.arg(1);
        counter = 0;
    }
    // 8. Repeat,
    for (;; counter++) {
        // a-b. Let value be ? IteratorStepValue(iterated). If value is DONE, return accumulator.
        Value value;
        bool has_value = TRY(iterator_step_value(ctx, iterated, &value));
        if (!has_value) return accumulator;
        // c. Let result be Completion(Call(reducer, undefined, « accumulator, value, F(counter) »)).
        Value call_args[3] = {std::move(accumulator), std::move(value), index_value(counter)};
        Value result = call(ctx, reducer, Value(), call_args);
        // d. IfAbruptCloseIterator(result, iterated).
        if (result.is_exception()) return iterator_close_with_throw(ctx, iterated);
        // e-f. Set accumulator to result. Set counter to counter + 1.
        accumulator = std::move(result);
    }
}

// 27.1.4.13 Iterator.prototype.toArray ( ) (#sec-iterator.prototype.toarray)
static Value iterator_proto_to_array(Context& ctx, const CallArgs& args) {
    // 1-2. Let O be the this value. If O is not an Object, throw a TypeError exception.
    Object* o = this_iterator_object(ctx, args);
    if (!o) return Exception{};
    // 3. Let iterated be ? GetIteratorDirect(O).
    IteratorRecord iterated = TRY(get_iterator_direct(ctx, o));
    // 4-5. Let items be a new empty List. Repeat: append ? IteratorStepValue(iterated) until DONE.
    Vector<Value> items = TRY(iterator_to_list(ctx, iterated));
    // 5.b. Return CreateArrayFromList(items).
    return create_array_from_list(ctx, items);
}

enum ConsumeMagic : int16_t { ConsumeForEach, ConsumeSome, ConsumeEvery, ConsumeFind };

// 27.1.4.6 forEach ( procedure ), 27.1.4.11 some ( predicate ), 27.1.4.4 every ( predicate ),
// 27.1.4.5 find ( predicate ).
static Value iterator_proto_consume(Context& ctx, const CallArgs& args) {
    // 1-2. Let O be the this value. If O is not an Object, throw a TypeError exception.
    Object* o = this_iterator_object(ctx, args);
    if (!o) return Exception{};
    const Value& fn = args.arg(0);
    // 3-4. If IsCallable(fn) is false, close iterated with a TypeError.
    if (!is_callable(fn)) return close_with_type_error(ctx, o, "argument is not a function");
    // 5. Set iterated to ? GetIteratorDirect(O).
    IteratorRecord iterated = TRY(get_iterator_direct(ctx, o));
    // 6-7. Let counter be 0. Repeat,
    for (uint64_t counter = 0;; counter++) {
        // a. Let value be ? IteratorStepValue(iterated).
        Value value;
        bool has_value = TRY(iterator_step_value(ctx, iterated, &value));
        // b. If value is DONE, return undefined (forEach, find) / false (some) / true (every).
        if (!has_value) {
            if (args.magic == ConsumeSome) return Value::boolean(false);
            if (args.magic == ConsumeEvery) return Value::boolean(true);
            return Value();
        }
        // c. Let result be Completion(Call(fn, undefined, « value, F(counter) »)).
        Value call_args[2] = {value, index_value(counter)};
        Value result = call(ctx, fn, Value(), call_args);
        // d. IfAbruptCloseIterator(result, iterated).
        if (result.is_exception()) return iterator_close_with_throw(ctx, iterated);
        switch (args.magic) {
        case ConsumeSome:
            // e. If ToBoolean(result) is true, return ? IteratorClose(iterated, NormalCompletion(true)).
            if (to_boolean(result)) {
                TRY(iterator_close(ctx, iterated));
                return Value::boolean(true);
            }
            break;
        case ConsumeEvery:
            // e. If ToBoolean(result) is false, return ? IteratorClose(iterated, NormalCompletion(false)).
            if (!to_boolean(result)) {
                TRY(iterator_close(ctx, iterated));
                return Value::boolean(false);
            }
            break;
        case ConsumeFind:
            // e. If ToBoolean(result) is true, return ? IteratorClose(iterated, NormalCompletion(value)).
            if (to_boolean(result)) {
                TRY(iterator_close(ctx, iterated));
                return value;
            }
            break;
        default: break;
        }
        // f. Set counter to counter + 1.
    }
}

// 27.1.4.13 %Iterator.prototype% [ %Symbol.iterator% ] ( ) (#sec-%iterator.prototype%-%symbol.iterator%)
static Value iterator_proto_iterator(Context&, const CallArgs& args) {
    // 1. Return the this value.
    return args.this_value;
}

// 27.1.4.1.1 / 27.1.4.14.1 get Iterator.prototype.constructor / [ %Symbol.toStringTag% ]
static Value iterator_proto_get_constructor(Context& ctx, const CallArgs&) {
    // 1. Return %Iterator%.
    return Value::object(ctx.intrinsic(Intrinsic::Iterator));
}

static Value iterator_proto_get_to_string_tag(Context& ctx, const CallArgs&) {
    // 1. Return "Iterator".
    return ctx.new_string("Iterator");
}

// 27.1.4.1.2 / 27.1.4.14.2 the setters, through
// SetterThatIgnoresPrototypeProperties ( thisValue, home, p, v ) (#sec-SetterThatIgnoresPrototypeProperties)
static Value iterator_proto_set_ignoring_prototype(Context& ctx, const CallArgs& args) {
    Atom p = args.magic == 0 ? Atom(atoms::constructor) : Atom(atoms::sym_toStringTag);
    const Value& this_value = args.this_value;
    // 1. If thisValue is not an Object, throw a TypeError exception.
    if (!this_value.is_object()) return ctx.throw_type_error("setter called on a non-object");
    Object* o = this_value.as_object();
    // 2. If SameValue(thisValue, home) is true, throw a TypeError exception.
    if (o == ctx.intrinsic(Intrinsic::IteratorPrototype))
        return ctx.throw_type_error("cannot set this property on Iterator.prototype");
    // 3. Let desc be ? thisValue.[[GetOwnProperty]](p).
    PropertyDescriptor desc;
    bool exists = TRY(get_own_property(ctx, o, p, &desc));
    // 4. If desc is undefined, then perform ? CreateDataPropertyOrThrow(thisValue, p, v).
    if (!exists) TRY(create_data_property_or_throw(ctx, o, p, args.arg(0)));
    // 5. Else, perform ? Set(thisValue, p, v, true).
    else
        TRY(set_or_throw(ctx, o, p, args.arg(0)));
    // 6. Return unused.
    return Value();
}

// 27.1.4.15 %Iterator.prototype% [ %Symbol.dispose% ] ( ) (#sec-%iteratorprototype%-@@dispose)
static Value iterator_proto_dispose(Context& ctx, const CallArgs& args) {
    // 1. Let O be the this value.
    const Value& o = args.this_value;
    // 2. Let return be ? GetMethod(O, "return").
    Value return_method = TRY(get_method(ctx, o, atoms::return_));
    // 3. If return is not undefined, then
    //    a. Perform ? Call(return, O, « »).
    if (!return_method.is_undefined()) TRY(call(ctx, return_method, o, {}));
    // 4. Return undefined.
    return Value();
}

static const FunctionListEntry iterator_prototype_functions[] = {
    QJS_FUNC_MAGIC("chunks", 1, iterator_proto_chunks_windows,
                   static_cast<int16_t>(IteratorHelperKind::Chunks)),
    QJS_FUNC_MAGIC("drop", 1, iterator_proto_take_drop, static_cast<int16_t>(IteratorHelperKind::Drop)),
    QJS_FUNC_MAGIC("every", 1, iterator_proto_consume, ConsumeEvery),
    QJS_FUNC_MAGIC("filter", 1, iterator_proto_map_like, static_cast<int16_t>(IteratorHelperKind::Filter)),
    QJS_FUNC_MAGIC("find", 1, iterator_proto_consume, ConsumeFind),
    QJS_FUNC_MAGIC("flatMap", 1, iterator_proto_map_like, static_cast<int16_t>(IteratorHelperKind::FlatMap)),
    QJS_FUNC_MAGIC("forEach", 1, iterator_proto_consume, ConsumeForEach),
    QJS_FUNC_MAGIC("map", 1, iterator_proto_map_like, static_cast<int16_t>(IteratorHelperKind::Map)),
    QJS_FUNC("reduce", 1, iterator_proto_reduce),
    QJS_FUNC_MAGIC("some", 1, iterator_proto_consume, ConsumeSome),
    QJS_FUNC_MAGIC("take", 1, iterator_proto_take_drop, static_cast<int16_t>(IteratorHelperKind::Take)),
    QJS_FUNC("toArray", 0, iterator_proto_to_array),
    QJS_FUNC_MAGIC("windows", 1, iterator_proto_chunks_windows,
                   static_cast<int16_t>(IteratorHelperKind::Windows)),
    QJS_FUNC("[Symbol.iterator]", 0, iterator_proto_iterator),
    QJS_FUNC("[Symbol.dispose]", 0, iterator_proto_dispose),
};

// Defines an accessor whose setter is SetterThatIgnoresPrototypeProperties for `key`.
static bool define_ignoring_accessor(Context& ctx, Object* proto, Atom key, const char* get_name,
                                     const char* set_name, NativeFn getter, int16_t magic) {
    Atom get_atom = ctx.rt().intern_ascii(get_name), set_atom = ctx.rt().intern_ascii(set_name);
    if (!get_atom || !set_atom) return ctx.throw_out_of_memory(), false;
    Value get_fn = new_native_function(ctx, getter, get_atom, 0);
    if (get_fn.is_exception()) return false;
    Value set_fn = new_native_function(ctx, iterator_proto_set_ignoring_prototype, set_atom, 1, magic);
    if (set_fn.is_exception()) return false;
    Result<void> r = define_property_or_throw(
        ctx, proto, key, PropertyDescriptor::accessor(get_fn, set_fn, prop::Configurable));
    return !r.is_exception();
}

bool install_iterator(Context& ctx) {
    // 27.1.4 The %Iterator.prototype% Object: an ordinary object inheriting from %Object.prototype%.
    Object* proto = Object::create(ctx, ctx.intrinsic(Intrinsic::ObjectPrototype), ClassId::Object);
    if (!proto) return false;
    Value proto_value = Value::adopt(Tag::Object, proto);
    ctx.set_intrinsic(Intrinsic::IteratorPrototype, proto);
    if (!define_function_list(ctx, proto, iterator_prototype_functions)) return false;
    if (!install_iterator_constructor(ctx, proto)) return false;
    // 27.1.4.1 Iterator.prototype.constructor is an accessor (replacing the data property above).
    if (!define_ignoring_accessor(ctx, proto, atoms::constructor, "get constructor", "set constructor",
                                  iterator_proto_get_constructor, 0))
        return false;
    // 27.1.4.14 Iterator.prototype [ %Symbol.toStringTag% ]
    if (!define_ignoring_accessor(ctx, proto, atoms::sym_toStringTag, "get [Symbol.toStringTag]",
                                  "set [Symbol.toStringTag]", iterator_proto_get_to_string_tag, 1))
        return false;
    return install_iterator_helper_prototype(ctx);
}

} // namespace qjs
