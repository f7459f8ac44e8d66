// Iteration.cpp: the iterator abstract operations (spec 7.4).
#include "runtime/Iteration.h"
#include "snapshot/HeapReader.h"
#include "snapshot/HeapWriter.h"

#include "builtins/ArrayIterator.h"

#include "gc/Visitor.h"
#include "runtime/Call.h"
#include "runtime/Context.h"
#include "runtime/Conversions.h"
#include "runtime/NativeFunction.h"
#include "runtime/Object.h"

namespace qjs {

void IteratorRecord::visit(EdgeVisitor& visitor) {
    visitor.visit_value(iterator);
    visitor.visit_value(next_method);
}

void IteratorRecord::clear() {
    iterator = Value();
    next_method = Value();
}

void IteratorRecord::write(HeapWriter& w) const {
    w.value(iterator);
    w.value(next_method);
    w.out().u8(done ? 1 : 0);
}

bool IteratorRecord::read(HeapReader& r) {
    // A cleared record holds undefined; a live one an object.
    return r.object(&iterator, true) && r.value(&next_method) && r.boolean(&done);
}

// 7.4.2 GetIteratorDirect ( obj ) (#sec-getiteratordirect)
Result<IteratorRecord> get_iterator_direct(Context& ctx, Object* obj) {
    // 1. Let nextMethod be ? Get(obj, "next").
    Value next_method = TRY(get(ctx, obj, atoms::next));
    // 2. Let iteratorRecord be the Iterator Record { [[Iterator]]: obj, [[NextMethod]]: nextMethod, [[Done]]:
    // false }.
    IteratorRecord record;
    record.iterator = Value::object(obj);
    record.next_method = std::move(next_method);
    // 3. Return iteratorRecord.
    return record;
}

// 7.4.3 GetIteratorFromMethod ( obj, method ) (#sec-getiteratorfrommethod)
Result<IteratorRecord> get_iterator_from_method(Context& ctx, const Value& obj, const Value& method) {
    // 1. Let iterator be ? Call(method, obj).
    Value iterator = TRY(call(ctx, method, obj, {}));
    // 2. If iterator is not an Object, throw a TypeError exception.
    if (!iterator.is_object()) return ctx.throw_type_error("iterator is not an object");
    // 3. Let nextMethod be ? Get(iterator, "next").
    Value next_method = TRY(get(ctx, iterator.as_object(), atoms::next));
    // 4-5. Return the Iterator Record { [[Iterator]]: iterator, [[NextMethod]]: nextMethod, [[Done]]: false
    // }.
    IteratorRecord record;
    record.iterator = std::move(iterator);
    record.next_method = std::move(next_method);
    return record;
}

// 7.4.4 GetIterator ( obj, kind ) (#sec-getiterator), kind = sync
Result<IteratorRecord> get_iterator(Context& ctx, const Value& obj) {
    // 2.a. Let method be ? GetMethod(obj, %Symbol.iterator%).
    Value method = TRY(get_method(ctx, obj, atoms::sym_iterator));
    // 3. If method is undefined, throw a TypeError exception.
    if (method.is_undefined()) return ctx.throw_type_error("value is not iterable");
    // 4. Return ? GetIteratorFromMethod(obj, method).
    return get_iterator_from_method(ctx, obj, method);
}

// 7.4.6 IteratorNext ( iteratorRecord [ , value ] ) (#sec-iteratornext)
static Value iterator_next_impl(Context& ctx, IteratorRecord& record, std::span<const Value> args) {
    // 1-2. Let result be Completion(Call(iteratorRecord.[[NextMethod]], iteratorRecord.[[Iterator]], « value
    // »)).
    Value result = call(ctx, record.next_method, record.iterator, args);
    // 3. If result is a throw completion, then set iteratorRecord.[[Done]] to true and return ? result.
    if (result.is_exception()) {
        record.done = true;
        return Exception{};
    }
    // 5. If result is not an Object, then
    if (!result.is_object()) {
        // a. Set iteratorRecord.[[Done]] to true.
        record.done = true;
        // b. Throw a TypeError exception.
        return ctx.throw_type_error("iterator result is not an object");
    }
    // 6. Return result.
    return result;
}

Value iterator_next(Context& ctx, IteratorRecord& record) {
    return iterator_next_impl(ctx, record, {});
}

Value iterator_next(Context& ctx, IteratorRecord& record, const Value& value) {
    return iterator_next_impl(ctx, record, std::span<const Value>(&value, 1));
}

// 7.4.7 IteratorComplete ( iteratorResult ) (#sec-iteratorcomplete)
Result<bool> iterator_complete(Context& ctx, Object* iter_result) {
    // 1. Return ToBoolean(? Get(iteratorResult, "done")).
    Value done = TRY(get(ctx, iter_result, atoms::done));
    return to_boolean(done);
}

// 7.4.8 IteratorValue ( iteratorResult ) (#sec-iteratorvalue)
Value iterator_value(Context& ctx, Object* iter_result) {
    // 1. Return ? Get(iteratorResult, "value").
    return get(ctx, iter_result, atoms::value);
}

// 7.4.9 IteratorStep ( iteratorRecord ) (#sec-iteratorstep)
Result<bool> iterator_step(Context& ctx, IteratorRecord& record, Value* result_out) {
    // 1. Let result be ? IteratorNext(iteratorRecord).
    Value result = TRY(iterator_next(ctx, record));
    // 2. Let done be Completion(IteratorComplete(result)).
    Result<bool> done = iterator_complete(ctx, result.as_object());
    // 3. If done is a throw completion, then set iteratorRecord.[[Done]] to true and return ? done.
    if (done.is_exception()) {
        record.done = true;
        return Exception{};
    }
    // 5. If done is true, then
    if (done.value()) {
        // a. Set iteratorRecord.[[Done]] to true.
        record.done = true;
        // b. Return DONE.
        return false;
    }
    // 6. Return result.
    *result_out = std::move(result);
    return true;
}

// 7.4.10 IteratorStepValue ( iteratorRecord ) (#sec-iteratorstepvalue)
Result<bool> iterator_step_value(Context& ctx, IteratorRecord& record, Value* value_out) {
    // 1. Let result be ? IteratorStep(iteratorRecord).
    Value result;
    bool has_result = TRY(iterator_step(ctx, record, &result));
    // 2. If result is DONE, then return DONE.
    if (!has_result) return false;
    // 3. Let value be Completion(IteratorValue(result)).
    Value value = iterator_value(ctx, result.as_object());
    // 4. If value is a throw completion, then set iteratorRecord.[[Done]] to true.
    if (value.is_exception()) {
        record.done = true;
        return Exception{};
    }
    // 5. Return ? value.
    *value_out = std::move(value);
    return true;
}

// 7.4.11 IteratorClose ( iteratorRecord, completion ) (#sec-iteratorclose), completion normal.
Result<void> iterator_close(Context& ctx, Object* iterator) {
    // 1. Assert: iteratorRecord.[[Iterator]] is an Object.
    // 2. Let iterator be iteratorRecord.[[Iterator]].
    Value iterator_value = Value::object(iterator);
    // 3. Let innerResult be Completion(GetMethod(iterator, "return")).
    Value return_method = TRY(get_method(ctx, iterator_value, atoms::return_));
    // 4.b. If return is undefined, return ? completion.
    if (return_method.is_undefined()) return {};
    // 4.c. Set innerResult to Completion(Call(return, iterator)).
    Value inner_result = call(ctx, return_method, iterator_value, {});
    // 6. If innerResult is a throw completion, return ? innerResult.
    if (inner_result.is_exception()) return Exception{};
    // 7. If innerResult.[[Value]] is not an Object, throw a TypeError exception.
    if (!inner_result.is_object()) return ctx.throw_type_error("iterator return() result is not an object");
    // 8. Return ? completion.
    return {};
}

Result<void> iterator_close(Context& ctx, const IteratorRecord& record) {
    return iterator_close(ctx, record.iterator_object());
}

// 7.4.11 IteratorClose ( iteratorRecord, completion ) (#sec-iteratorclose), completion a throw.
Exception iterator_close_with_throw(Context& ctx, Object* iterator) {
    Runtime& rt = ctx.rt();
    // An uncatchable exception (interrupt, OOM) must not run more user code.
    if (rt.m_uncatchable) return Exception{};
    Value completion = rt.take_exception();
    Value iterator_value = Value::object(iterator);
    // 3. Let innerResult be Completion(GetMethod(iterator, "return")).
    Value return_method = get_method(ctx, iterator_value, atoms::return_);
    // 4. If innerResult is a normal completion and return is not undefined,
    //    set innerResult to Completion(Call(return, iterator)).
    if (!return_method.is_exception() && !return_method.is_undefined()) {
        Value inner_result = call(ctx, return_method, iterator_value, {});
        (void)inner_result;
    }
    // 5. If completion is a throw completion, return ? completion. (innerResult is discarded,
    //    unless it is uncatchable, which wins.)
    if (rt.m_uncatchable) return Exception{};
    (void)rt.take_exception();
    rt.m_exception = std::move(completion);
    return Exception{};
}

Exception iterator_close_with_throw(Context& ctx, const IteratorRecord& record) {
    return iterator_close_with_throw(ctx, record.iterator_object());
}

// 7.4.14 CreateIteratorResultObject ( value, done ) (#sec-createiterresultobject)
Value create_iter_result_object(Context& ctx, const Value& value, bool done) {
    // 1. Let obj be OrdinaryObjectCreate(%Object.prototype%).
    Value obj = TRY(new_object(ctx));
    // 2. Perform ! CreateDataPropertyOrThrow(obj, "value", value).
    if (!define_fresh_property(ctx, obj.as_object(), atoms::value, value, prop::Default)) return Exception{};
    // 3. Perform ! CreateDataPropertyOrThrow(obj, "done", done).
    if (!define_fresh_property(ctx, obj.as_object(), atoms::done, Value::boolean(done), prop::Default))
        return Exception{};
    // 4. Return obj.
    return obj;
}

// 7.4.16 IteratorToList ( iteratorRecord ) (#sec-iteratortolist)
Result<Vector<Value>> iterator_to_list(Context& ctx, IteratorRecord& record) {
    // 1. Let values be a new empty List.
    Vector<Value> values;
    // 2. Repeat,
    for (;;) {
        // a. Let next be ? IteratorStepValue(iteratorRecord).
        Value next;
        bool has_value = TRY(iterator_step_value(ctx, record, &next));
        // b. If next is DONE, then return values.
        if (!has_value) return values;
        // c. Append next to values.
        values.push_back(std::move(next));
    }
}

Result<Vector<Value>> iterable_to_list(Context& ctx, const Value& items) {
    IteratorRecord record = TRY(get_iterator(ctx, items));
    return iterator_to_list(ctx, record);
}

Result<Vector<Value>> iterable_to_list(Context& ctx, const Value& items, const Value& method) {
    if (method.is_undefined()) return iterable_to_list(ctx, items);
    IteratorRecord record = TRY(get_iterator_from_method(ctx, items, method));
    return iterator_to_list(ctx, record);
}

// Looks up an own data property's value without running user code; nullptr when absent or
// an accessor.
static const Value* own_data_value(Object* o, Atom key) {
    if (o->is_exotic()) return nullptr;
    int32_t slot = find_own_slot(o, key);
    if (slot < 0) return nullptr;
    if (o->shape()->entry(static_cast<uint32_t>(slot)).flags & prop::Accessor) return nullptr;
    return &o->slot(static_cast<uint32_t>(slot));
}

bool is_pristine_array_iteration(Context& ctx, const Value& v) {
    if (!v.is_object()) return false;
    Object* array = v.as_object();
    if (!array->is_fast_array()) return false;
    Object* array_proto = ctx.intrinsic(Intrinsic::ArrayPrototype);
    Object* values_fn = ctx.intrinsic(Intrinsic::ArrayProtoValues);
    Object* iter_proto = ctx.intrinsic(Intrinsic::ArrayIteratorPrototype);
    if (!array_proto || !values_fn || !iter_proto) return false;
    // The array itself must not shadow @@iterator, and its prototype must be the original one.
    if (find_own_slot(array, atoms::sym_iterator) >= 0) return false;
    if (array->prototype() != array_proto) return false;
    const Value* method = own_data_value(array_proto, atoms::sym_iterator);
    if (!method || !method->is_object() || method->as_object() != values_fn) return false;
    // %ArrayIteratorPrototype%.next must still be the original native.
    const Value* next = own_data_value(iter_proto, atoms::next);
    if (!next || !next->is_object() || next->as_object()->class_id() != ClassId::NativeFunction) return false;
    return is_original_array_iterator_next(next->as_object());
}

} // namespace qjs
