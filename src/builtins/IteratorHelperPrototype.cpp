// IteratorHelperPrototype.cpp: Iterator Helper objects and %IteratorHelperPrototype% (spec 27.1.2).
//
// The spec writes each helper as an abstract closure run as a generator. Here the closure's
// state lives in the helper object, and helper_step runs it from where it was suspended to the
// next Yield (true) or to its return (false).
#include "builtins/Array.h"
#include "builtins/IteratorHelper.h"
#include "gc/Visitor.h"
#include "runtime/Call.h"
#include "runtime/Context.h"
#include "runtime/Conversions.h"
#include "runtime/NativeFunction.h"
#include "runtime/Object.h"
#include "snapshot/HeapReader.h"
#include "snapshot/HeapWriter.h"

#include <cmath>

namespace qjs {

static void iterator_helper_visit(Object* o, EdgeVisitor& visitor) {
    auto* h = static_cast<IteratorHelperObject*>(o);
    h->m_underlying.visit(visitor);
    visitor.visit_value(h->m_function);
    h->m_inner.visit(visitor);
    for (Value& v : h->m_buffer)
        visitor.visit_value(v);
    for (IteratorRecord& r : h->m_iters)
        r.visit(visitor);
}

static void iterator_helper_clear(Object* o) {
    auto* h = static_cast<IteratorHelperObject*>(o);
    h->m_underlying.clear();
    h->m_function = Value();
    h->m_inner.clear();
    Vector<Value>().swap(h->m_buffer);
    Vector<IteratorRecord>().swap(h->m_iters);
}

Value create_iterator_helper(Context& ctx, IteratorRecord underlying, IteratorHelperKind kind,
                             const Value& function, double limit) {
    auto* h = Object::create_as<IteratorHelperObject>(ctx, ctx.intrinsic(Intrinsic::IteratorHelperPrototype),
                                                      ClassId::IteratorHelper);
    if (!h) return Exception{};
    h->m_underlying = std::move(underlying);
    h->m_function = function;
    h->m_remaining = limit;
    h->m_kind = kind;
    h->m_state = HelperState::SuspendedStart;
    return Value::adopt(Tag::Object, h);
}

enum class BufferAfterYield : uint8_t { Clear, Keep };

// chunks / windows: Yield(CreateArrayFromList(buffer)).
static Result<bool> yield_buffer(Context& ctx, IteratorHelperObject* h, Value* yielded,
                                 BufferAfterYield after) {
    *yielded = TRY(create_array_from_list(ctx, h->m_buffer));
    if (after == BufferAfterYield::Clear) h->m_buffer.clear();
    return true;
}

// Runs the helper's closure up to its next Yield (true, value in *yielded) or its end (false).
static Result<bool> helper_step(Context& ctx, IteratorHelperObject* h, Value* yielded) {
    IteratorRecord& iterated = h->m_underlying;
    switch (h->m_kind) {
    case IteratorHelperKind::Map: {
        // 27.1.4.8 Iterator.prototype.map, closure step b.
        // i. Let value be ? IteratorStepValue(iterated). ii. If value is DONE, return undefined.
        Value value;
        bool has_value = TRY(iterator_step_value(ctx, iterated, &value));
        if (!has_value) return false;
        // iii. Let mapped be Completion(Call(mapper, undefined, « value, F(counter) »)).
        Value call_args[2] = {std::move(value), index_value(h->m_counter)};
        Value mapped = call(ctx, h->m_function, Value(), call_args);
        // iv. IfAbruptCloseIterator(mapped, iterated).
        if (mapped.is_exception()) return iterator_close_with_throw(ctx, iterated);
        // v-vii. Yield(mapped); set counter to counter + 1.
        h->m_counter++;
        *yielded = std::move(mapped);
        return true;
    }
    case IteratorHelperKind::Filter:
        // 27.1.4.5 Iterator.prototype.filter, closure step b.
        for (;;) {
            // i-ii. Let value be ? IteratorStepValue(iterated). If value is DONE, return undefined.
            Value value;
            bool has_value = TRY(iterator_step_value(ctx, iterated, &value));
            if (!has_value) return false;
            // iii. Let selected be Completion(Call(predicate, undefined, « value, F(counter) »)).
            Value call_args[2] = {value, index_value(h->m_counter)};
            Value selected = call(ctx, h->m_function, Value(), call_args);
            // iv. IfAbruptCloseIterator(selected, iterated).
            if (selected.is_exception()) return iterator_close_with_throw(ctx, iterated);
            // vi. Set counter to counter + 1.
            h->m_counter++;
            // v. If ToBoolean(selected) is true, then Yield(value).
            if (to_boolean(selected)) {
                *yielded = std::move(value);
                return true;
            }
        }
    case IteratorHelperKind::Take: {
        // 27.1.4.12 Iterator.prototype.take, closure step b.
        // i. If remaining = 0, return ? IteratorClose(iterated, ReturnCompletion(undefined)).
        if (h->m_remaining == 0) {
            TRY(iterator_close(ctx, iterated));
            return false;
        }
        // ii. If remaining is not +inf, set remaining to remaining - 1.
        if (!std::isinf(h->m_remaining)) h->m_remaining--;
        // iii-iv. Let value be ? IteratorStepValue(iterated). If value is DONE, return undefined.
        Value value;
        bool has_value = TRY(iterator_step_value(ctx, iterated, &value));
        if (!has_value) return false;
        // v. Let completion be Completion(Yield(value)).
        *yielded = std::move(value);
        return true;
    }
    case IteratorHelperKind::Drop: {
        // 27.1.4.3 Iterator.prototype.drop, closure steps b-c.
        // b. Repeat, while remaining > 0,
        while (h->m_remaining > 0) {
            // i. If remaining is not +inf, set remaining to remaining - 1.
            if (!std::isinf(h->m_remaining)) h->m_remaining--;
            // ii-iii. Let next be ? IteratorStep(iterated). If next is DONE, return undefined.
            Value next;
            bool has_next = TRY(iterator_step(ctx, iterated, &next));
            if (!has_next) return false;
        }
        // c.i-ii. Let value be ? IteratorStepValue(iterated). If value is DONE, return undefined.
        Value value;
        bool has_value = TRY(iterator_step_value(ctx, iterated, &value));
        if (!has_value) return false;
        // iii. Let completion be Completion(Yield(value)).
        *yielded = std::move(value);
        return true;
    }
    case IteratorHelperKind::FlatMap:
        // 27.1.4.7 Iterator.prototype.flatMap, closure step b.
        for (;;) {
            if (h->m_inner_alive) {
                // viii.1. Let innerValue be Completion(IteratorStepValue(innerIterator)).
                Value inner_value;
                Result<bool> has_inner = iterator_step_value(ctx, h->m_inner, &inner_value);
                // 2. IfAbruptCloseIterator(innerValue, iterated).
                if (has_inner.is_exception()) return iterator_close_with_throw(ctx, iterated);
                // 3. If innerValue is DONE, set innerAlive to false.
                if (!has_inner.value()) {
                    h->m_inner_alive = false;
                    h->m_inner.clear();
                    // ix. Set counter to counter + 1.
                    h->m_counter++;
                    continue;
                }
                // 4.a. Let completion be Completion(Yield(innerValue)).
                *yielded = std::move(inner_value);
                return true;
            }
            // i-ii. Let value be ? IteratorStepValue(iterated). If value is DONE, return undefined.
            Value value;
            bool has_value = TRY(iterator_step_value(ctx, iterated, &value));
            if (!has_value) return false;
            // iii. Let mapped be Completion(Call(mapper, undefined, « value, F(counter) »)).
            Value call_args[2] = {std::move(value), index_value(h->m_counter)};
            Value mapped = call(ctx, h->m_function, Value(), call_args);
            // iv. IfAbruptCloseIterator(mapped, iterated).
            if (mapped.is_exception()) return iterator_close_with_throw(ctx, iterated);
            // v. Let innerIterator be Completion(GetIteratorFlattenable(mapped, reject-primitives)).
            Result<IteratorRecord> inner =
                get_iterator_flattenable(ctx, mapped, PrimitiveHandling::RejectPrimitives);
            // vi. IfAbruptCloseIterator(innerIterator, iterated).
            if (inner.is_exception()) return iterator_close_with_throw(ctx, iterated);
            // vii. Let innerAlive be true.
            h->m_inner = inner.release_value();
            h->m_inner_alive = true;
        }
    case IteratorHelperKind::Concat:
        // 27.1.2.x Iterator.concat, closure step a: for each Record iterable of iterables,
        for (;;) {
            if (h->m_inner_alive) {
                // v.1. Let innerValue be ? IteratorStepValue(iteratorRecord).
                Value inner_value;
                bool has_inner = TRY(iterator_step_value(ctx, h->m_inner, &inner_value));
                // v.2. If innerValue is DONE, set innerAlive to false.
                if (!has_inner) {
                    h->m_inner_alive = false;
                    h->m_inner.clear();
                    continue;
                }
                // v.3.a. Let completion be Completion(Yield(innerValue)).
                *yielded = std::move(inner_value);
                return true;
            }
            // b. Return ReturnCompletion(undefined) once every iterable is done.
            Object* iterables = h->m_function.as_object();
            uint64_t length = TRY(length_of_array_like(ctx, iterables));
            if (h->m_counter * 2 >= length) return false;
            Value open_method = TRY(get_index(ctx, iterables, h->m_counter * 2));
            Value iterable = TRY(get_index(ctx, iterables, h->m_counter * 2 + 1));
            h->m_counter++;
            // i. Let iter be ? Call(iterable.[[OpenMethod]], iterable.[[Iterable]]).
            Value iter = TRY(call(ctx, open_method, iterable, {}));
            // ii. If iter is not an Object, throw a TypeError exception.
            if (!iter.is_object()) return ctx.throw_type_error("Iterator.concat: iterator is not an object");
            // iii-iv. Let iteratorRecord be ? GetIteratorDirect(iter). Let innerAlive be true.
            h->m_inner = TRY(get_iterator_direct(ctx, iter.as_object()));
            h->m_inner_alive = true;
        }
    case IteratorHelperKind::Zip: return zip_step(ctx, h, yielded);
    case IteratorHelperKind::Chunks:
        // Iterator.prototype.chunks (proposal-iterator-chunking), closure step b.
        // (After the last, partial chunk the closure returns.)
        if (iterated.done) return false;
        for (;;) {
            // i. Let value be ? IteratorStepValue(iterated).
            Value value;
            bool has_value = TRY(iterator_step_value(ctx, iterated, &value));
            // ii. If value is DONE, then
            if (!has_value) {
                // 1. If buffer is not empty, perform ? Yield(CreateArrayFromList(buffer)).
                if (h->m_buffer.empty()) return false;
                return yield_buffer(ctx, h, yielded, BufferAfterYield::Clear);
            }
            // iii. Append value to buffer.
            h->m_buffer.push_back(std::move(value));
            // iv. If the number of elements in buffer is chunkSize, then
            if (static_cast<double>(h->m_buffer.size()) == h->m_remaining) {
                // 1-3. Yield(CreateArrayFromList(buffer)) (IfAbruptCloseIterator in return()); set buffer
                //      to a new empty List.
                return yield_buffer(ctx, h, yielded, BufferAfterYield::Clear);
            }
        }
    case IteratorHelperKind::Windows:
        // Iterator.prototype.windows (proposal-iterator-chunking), closure step b.
        if (iterated.done) return false;
        for (;;) {
            // i. Let value be ? IteratorStepValue(iterated).
            Value value;
            bool has_value = TRY(iterator_step_value(ctx, iterated, &value));
            // ii. If value is DONE, then
            if (!has_value) {
                // 1. If undersized is "allow-partial" and buffer is not empty and has fewer than windowSize
                //    elements, perform ? Yield(CreateArrayFromList(buffer)).
                if (h->m_counter == 1 && !h->m_buffer.empty() &&
                    static_cast<double>(h->m_buffer.size()) < h->m_remaining)
                    return yield_buffer(ctx, h, yielded, BufferAfterYield::Clear);
                // 2. Return ReturnCompletion(undefined).
                return false;
            }
            // iii. If the number of elements in buffer is windowSize, remove the first element.
            if (static_cast<double>(h->m_buffer.size()) == h->m_remaining)
                h->m_buffer.erase(h->m_buffer.begin());
            // iv. Append value to buffer.
            h->m_buffer.push_back(std::move(value));
            // v. If the number of elements in buffer is windowSize, then Yield(CreateArrayFromList(buffer)).
            if (static_cast<double>(h->m_buffer.size()) == h->m_remaining)
                return yield_buffer(ctx, h, yielded, BufferAfterYield::Keep);
        }
    }
    VERIFY_NOT_REACHED();
}

// The closure ended (normally or not): it holds nothing anymore.
static void helper_complete(IteratorHelperObject* h) {
    h->m_state = HelperState::Completed;
    iterator_helper_clear(h);
    h->m_inner_alive = false;
}

static IteratorHelperObject* this_iterator_helper(Context& ctx, const Value& this_value) {
    if (!this_value.is_object() || this_value.as_object()->class_id() != ClassId::IteratorHelper) {
        ctx.throw_type_error("not an Iterator Helper");
        return nullptr;
    }
    return static_cast<IteratorHelperObject*>(this_value.as_object());
}

// 27.1.2.1.1 %IteratorHelperPrototype%.next ( ) (#sec-%iteratorhelperprototype%.next)
static Value iterator_helper_next(Context& ctx, const CallArgs& args) {
    // 1. Return ? GeneratorResume(this value, undefined, "Iterator Helper").
    IteratorHelperObject* h = this_iterator_helper(ctx, args.this_value);
    if (!h) return Exception{};
    Value keep_alive = args.this_value;
    // GeneratorValidate: a running generator cannot be resumed.
    if (h->m_state == HelperState::Executing)
        return ctx.throw_type_error("Iterator Helper is already running");
    if (h->m_state == HelperState::Completed) return create_iter_result_object(ctx, Value(), true);
    h->m_state = HelperState::Executing;
    Value yielded;
    Result<bool> step = helper_step(ctx, h, &yielded);
    if (step.is_exception()) {
        helper_complete(h);
        return Exception{};
    }
    if (!step.value()) {
        helper_complete(h);
        return create_iter_result_object(ctx, Value(), true);
    }
    h->m_state = HelperState::SuspendedYield;
    return create_iter_result_object(ctx, yielded, false);
}

// 27.1.2.1.2 %IteratorHelperPrototype%.return ( ) (#sec-%iteratorhelperprototype%.return)
static Value iterator_helper_return(Context& ctx, const CallArgs& args) {
    // 1-2. Let O be this value. Perform ? RequireInternalSlot(O, [[UnderlyingIterator]]).
    IteratorHelperObject* h = this_iterator_helper(ctx, args.this_value);
    if (!h) return Exception{};
    Value keep_alive = args.this_value;
    // Iterator.zip / zipKeyed, suspended at the start or at a Yield: Return ? IteratorCloseAll(
    // O.[[UnderlyingIterators]], ReturnCompletion(undefined)).
    if (h->m_kind == IteratorHelperKind::Zip &&
        (h->m_state == HelperState::SuspendedStart || h->m_state == HelperState::SuspendedYield)) {
        // Suspended-start: a. Set O.[[GeneratorState]] to completed. (At a Yield the closure is executing.)
        h->m_state =
            h->m_state == HelperState::SuspendedStart ? HelperState::Completed : HelperState::Executing;
        Vector<IteratorRecord> iters = std::move(h->m_iters);
        Result<void> closed = iterator_close_all(ctx, iters, false);
        helper_complete(h);
        if (closed.is_exception()) return Exception{};
        return create_iter_result_object(ctx, Value(), true);
    }
    // 4. If O.[[GeneratorState]] is suspended-start, then
    if (h->m_state == HelperState::SuspendedStart) {
        // a. Set O.[[GeneratorState]] to completed.
        h->m_state = HelperState::Completed;
        // Iterator.concat's helper has no underlying iterators yet: nothing to close.
        if (h->m_kind == IteratorHelperKind::Concat) {
            helper_complete(h);
            return create_iter_result_object(ctx, Value(), true);
        }
        // c. Perform ? IteratorClose(O.[[UnderlyingIterator]], NormalCompletion(unused)).
        IteratorRecord underlying = std::move(h->m_underlying);
        helper_complete(h);
        TRY(iterator_close(ctx, underlying));
        // d. Return CreateIteratorResultObject(undefined, true).
        return create_iter_result_object(ctx, Value(), true);
    }
    // 5-6. Let C be ReturnCompletion(undefined). Return ? GeneratorResumeAbrupt(O, C, "Iterator Helper").
    if (h->m_state == HelperState::Executing)
        return ctx.throw_type_error("Iterator Helper is already running");
    if (h->m_state == HelperState::Completed) return create_iter_result_object(ctx, Value(), true);
    // Suspended at a Yield: the closure's IfAbruptCloseIterator(completion, iterated) runs.
    h->m_state = HelperState::Executing;
    if (h->m_kind == IteratorHelperKind::Concat) {
        // Iterator.concat v.3.b: return ? IteratorClose(iteratorRecord, completion).
        // The helper stays "executing" while the inner return() runs (re-entry is a TypeError).
        IteratorRecord inner = std::move(h->m_inner);
        Result<void> closed = h->m_inner_alive ? iterator_close(ctx, inner) : Result<void>{};
        helper_complete(h);
        if (closed.is_exception()) return Exception{};
        return create_iter_result_object(ctx, Value(), true);
    }
    IteratorRecord underlying = std::move(h->m_underlying);
    // chunks / windows suspended at the Yield after exhaustion: nothing left to close.
    if (underlying.done) {
        helper_complete(h);
        return create_iter_result_object(ctx, Value(), true);
    }
    if (h->m_inner_alive) {
        // flatMap: b. Let backupCompletion be Completion(IteratorClose(innerIterator, completion)).
        IteratorRecord inner = std::move(h->m_inner);
        Result<void> backup = iterator_close(ctx, inner);
        if (backup.is_exception()) {
            // c. IfAbruptCloseIterator(backupCompletion, iterated).
            helper_complete(h);
            return iterator_close_with_throw(ctx, underlying);
        }
    }
    // Return ? IteratorClose(iterated, completion).
    Result<void> closed = iterator_close(ctx, underlying);
    helper_complete(h);
    if (closed.is_exception()) return Exception{};
    return create_iter_result_object(ctx, Value(), true);
}

static const FunctionListEntry iterator_helper_prototype_functions[] = {
    QJS_FUNC("next", 0, iterator_helper_next),
    QJS_FUNC("return", 0, iterator_helper_return),
    QJS_PROP_STRING("[Symbol.toStringTag]", "Iterator Helper", prop::Configurable),
};

// 27.1.2.1 The %IteratorHelperPrototype% Object (#sec-%iteratorhelperprototype%-object)
static bool write_iterator_helper(Object* o, HeapWriter& w) {
    auto* h = static_cast<IteratorHelperObject*>(o);
    h->m_underlying.write(w);
    w.value(h->m_function);
    h->m_inner.write(w);
    w.out().varuint(h->m_buffer.size());
    for (const Value& v : h->m_buffer)
        w.value(v);
    w.out().varuint(h->m_iters.size());
    for (const IteratorRecord& rec : h->m_iters)
        rec.write(w);
    w.out().f64(h->m_remaining);
    w.out().varuint(h->m_counter);
    w.out().u8(static_cast<uint8_t>(h->m_kind));
    w.out().u8(static_cast<uint8_t>(h->m_state));
    w.out().u8(h->m_inner_alive ? 1 : 0);
    return true;
}
static bool read_iterator_helper(Object* o, HeapReader& r) {
    auto* h = static_cast<IteratorHelperObject*>(o);
    uint32_t n;
    uint8_t kind, state;
    if (!h->m_underlying.read(r) || !r.value(&h->m_function) || !h->m_inner.read(r) || !r.count(&n))
        return false;
    h->m_buffer.resize(n);
    for (Value& v : h->m_buffer)
        if (!r.value(&v)) return false;
    if (!r.count(&n)) return false;
    h->m_iters.resize(n);
    for (IteratorRecord& rec : h->m_iters)
        if (!rec.read(r)) return false;
    if (!r.in().f64(&h->m_remaining) || !r.in().varuint(&h->m_counter) || !r.u8(&kind) || !r.u8(&state) ||
        !r.boolean(&h->m_inner_alive))
        return false;
    if (kind > static_cast<uint8_t>(IteratorHelperKind::Zip) ||
        state > static_cast<uint8_t>(HelperState::Completed))
        return r.fail("bad iterator helper state");
    h->m_kind = static_cast<IteratorHelperKind>(kind);
    h->m_state = static_cast<HelperState>(state);
    return true;
}
static const ClassSnapshotHooks kIteratorHelperSnapshot = {
    sizeof(IteratorHelperObject),
    0,
    nullptr,
    construct_payload<IteratorHelperObject>,
    write_iterator_helper,
    read_iterator_helper,
    nullptr,
};

bool install_iterator_helper_prototype(Context& ctx) {
    ClassHooks hooks;
    hooks.visit = iterator_helper_visit;
    hooks.clear = iterator_helper_clear;
    hooks.snapshot = &kIteratorHelperSnapshot;
    register_class_hooks(ClassId::IteratorHelper, hooks);

    Object* proto = Object::create(ctx, ctx.intrinsic(Intrinsic::IteratorPrototype), ClassId::Object);
    if (!proto) return false;
    Value proto_value = Value::adopt(Tag::Object, proto);
    ctx.set_intrinsic(Intrinsic::IteratorHelperPrototype, proto);
    return define_function_list(ctx, proto, iterator_helper_prototype_functions);
}

} // namespace qjs
