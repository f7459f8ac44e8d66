// Atomics.cpp: the Atomics object (ECMA-262 25.4). Loads, stores and read-modify-writes use the
// compiler's atomic builtins, so agents on other threads sharing a SharedArrayBuffer's block see them
// whole and in order (on a target without threads they are plain accesses). Waiting belongs to the host
// (JS_SetAtomicsWaitFunctions, reached through HostObjectHooks): with its waiter list Atomics.wait blocks
// until another agent's Atomics.notify, and Atomics.waitAsync's promise settles when the host calls its
// resolve function. Without one, Atomics.wait can only time out (it sleeps for finite timeouts and throws a
// TypeError rather than blocking forever), Atomics.notify finds no waiters, and Atomics.waitAsync answers
// "not-equal" / "timed-out" (timeout 0) at once and never settles an infinite wait.
#include "builtins/Builtins.h"
#include "builtins/Promise.h"
#include "builtins/TypedArray.h"
#include "runtime/BigInt.h"
#include "runtime/HostObject.h"
#include "runtime/NativeFunction.h"
#include "runtime/Object.h"

#include <cmath>
#include <cstring>
#include <ctime>

namespace qjs {

namespace {

enum class Waitable : uint8_t { No, Yes };

// 25.4.3.1 ValidateIntegerTypedArray ( typedArray, waitable [ , accessMode ] )
// (#sec-validateintegertypedarray)
Result<TypedArrayObject*> validate_integer_typed_array(Context& ctx, const Value& typed_array,
                                                       Waitable waitable,
                                                       TypedArrayAccess access = TypedArrayAccess::Read) {
    // 1. Let taRecord be ? ValidateTypedArray(typedArray, unordered, accessMode).
    size_t length;
    TypedArrayObject* ta = TRY(validate_typed_array(ctx, typed_array, &length, access));
    TypedArrayType type = ta->m_type;
    // 2-3. If waitable is true, the type must be Int32 or BigInt64.
    if (waitable == Waitable::Yes) {
        if (type != TypedArrayType::Int32 && type != TypedArrayType::BigInt64) {
            ctx.throw_type_error("Atomics: typed array must be an Int32Array or a BigInt64Array");
            return Exception{};
        }
    } else if (type == TypedArrayType::Uint8Clamped || type == TypedArrayType::Float16 ||
               type == TypedArrayType::Float32 || type == TypedArrayType::Float64) {
        // 4. Else, if ! IsUnclampedIntegerElementType(type) and ! IsBigIntElementType(type) are false, throw.
        ctx.throw_type_error("Atomics: typed array must be an integer typed array");
        return Exception{};
    }
    // 5. Return taRecord.
    return ta;
}

// 25.4.3.2 ValidateAtomicAccess ( taRecord, requestIndex ) (#sec-validateatomicaccess): the element index.
Result<size_t> validate_atomic_access(Context& ctx, TypedArrayObject* ta, const Value& request_index) {
    // 1. Let length be TypedArrayLength(taRecord).
    size_t length = typed_array_length(ta);
    // 2. Let accessIndex be ? ToIndex(requestIndex).
    uint64_t access_index = TRY(to_index(ctx, request_index));
    // 3-4. Assert: accessIndex ≥ 0. If accessIndex ≥ length, throw a RangeError exception.
    if (access_index >= length) {
        ctx.throw_range_error("Atomics: index out of range");
        return Exception{};
    }
    // 5-7. Return accessIndex × elementSize + offset (kept as the element index here).
    return static_cast<size_t>(access_index);
}

// 25.4.3.5 RevalidateAtomicAccess ( typedArray, byteIndexInBuffer ) (#sec-revalidateatomicaccess): the
// conversions before it may have detached or shrunk the buffer.
Result<void> revalidate_atomic_access(Context& ctx, TypedArrayObject* ta, size_t index) {
    // 1-2. Let taRecord be MakeTypedArrayWithBufferWitnessRecord(typedArray, unordered); if
    //      IsTypedArrayOutOfBounds(taRecord), throw a TypeError exception.
    if (is_typed_array_out_of_bounds(ta)) {
        ctx.throw_type_error("Atomics: typed array is detached or out of bounds");
        return Exception{};
    }
    // 3-4. If byteIndexInBuffer ≥ the end of the array, throw a RangeError exception.
    if (index >= typed_array_length(ta)) {
        ctx.throw_range_error("Atomics: index out of range");
        return Exception{};
    }
    return {};
}

// The value operand: ? ToBigInt(v) for BigInt arrays, else F(? ToIntegerOrInfinity(v)).
Value to_atomic_operand(Context& ctx, TypedArrayObject* ta, const Value& v) {
    if (ta->is_bigint()) return to_bigint(ctx, v);
    double d = TRY(to_integer_or_infinity(ctx, v));
    return Value::number(d + 0.0);
}

uint8_t* element_address(TypedArrayObject* ta, size_t index) {
    return ta->data() + index * ta->element_size();
}

// The element's bits, read as one atomic access of its size (elements are aligned to their size).
uint64_t element_bits(TypedArrayObject* ta, size_t index) {
    uint8_t* p = element_address(ta, index);
    switch (ta->element_size()) {
    case 1: return __atomic_load_n(p, __ATOMIC_SEQ_CST);
    case 2: return __atomic_load_n(reinterpret_cast<uint16_t*>(p), __ATOMIC_SEQ_CST);
    case 4: return __atomic_load_n(reinterpret_cast<uint32_t*>(p), __ATOMIC_SEQ_CST);
    default: return __atomic_load_n(reinterpret_cast<uint64_t*>(p), __ATOMIC_SEQ_CST);
    }
}

void store_element_bits(TypedArrayObject* ta, size_t index, uint64_t bits) {
    uint8_t* p = element_address(ta, index);
    switch (ta->element_size()) {
    case 1: __atomic_store_n(p, static_cast<uint8_t>(bits), __ATOMIC_SEQ_CST); break;
    case 2:
        __atomic_store_n(reinterpret_cast<uint16_t*>(p), static_cast<uint16_t>(bits), __ATOMIC_SEQ_CST);
        break;
    case 4:
        __atomic_store_n(reinterpret_cast<uint32_t*>(p), static_cast<uint32_t>(bits), __ATOMIC_SEQ_CST);
        break;
    default: __atomic_store_n(reinterpret_cast<uint64_t*>(p), bits, __ATOMIC_SEQ_CST); break;
    }
}

// The element's bytes for a numeric operand (NumericToRawBytes, converting modulo the element size).
uint64_t operand_bits(TypedArrayObject* ta, const Value& numeric) {
    uint8_t bytes[8] = {};
    numeric_to_raw_bytes(ta->m_type, numeric, bytes, kHostLittleEndian);
    uint64_t bits = 0;
    std::memcpy(&bits, bytes, ta->element_size());
    return bits;
}

// RawBytesToNumeric of an element's bits.
Value bits_value(Context& ctx, TypedArrayObject* ta, uint64_t bits) {
    uint8_t bytes[8] = {};
    std::memcpy(bytes, &bits, ta->element_size());
    return raw_bytes_to_numeric(ctx, ta->m_type, bytes, kHostLittleEndian);
}

enum AtomicOp : int16_t { OpAdd, OpAnd, OpExchange, OpOr, OpSub, OpXor };

template <typename T> uint64_t atomic_rmw(T* p, AtomicOp op, T b) {
    switch (op) {
    case OpAdd: return __atomic_fetch_add(p, b, __ATOMIC_SEQ_CST);
    case OpAnd: return __atomic_fetch_and(p, b, __ATOMIC_SEQ_CST);
    case OpExchange: return __atomic_exchange_n(p, b, __ATOMIC_SEQ_CST);
    case OpOr: return __atomic_fetch_or(p, b, __ATOMIC_SEQ_CST);
    case OpSub: return __atomic_fetch_sub(p, b, __ATOMIC_SEQ_CST);
    case OpXor: return __atomic_fetch_xor(p, b, __ATOMIC_SEQ_CST);
    }
    return 0;
}

template <typename T> T atomic_compare_exchange(T* p, T expected, T replacement) {
    __atomic_compare_exchange_n(p, &expected, replacement, false, __ATOMIC_SEQ_CST, __ATOMIC_SEQ_CST);
    return expected; // the old value either way
}

// 25.4.3.17 AtomicReadModifyWrite ( typedArray, index, value, op ) (#sec-atomicreadmodifywrite):
// Atomics.add, and, exchange, or, sub, xor (magic = AtomicOp).
Value atomics_read_modify_write(Context& ctx, const CallArgs& args) {
    // 1. Let byteIndexInBuffer be ? ValidateAtomicAccessOnIntegerTypedArray(typedArray, index).
    TypedArrayObject* ta =
        TRY(validate_integer_typed_array(ctx, args.arg(0), Waitable::No, TypedArrayAccess::Write));
    size_t index = TRY(validate_atomic_access(ctx, ta, args.arg(1)));
    // 2-3. If typedArray.[[ContentType]] is bigint, let v be ? ToBigInt(value); else F(?
    // ToIntegerOrInfinity).
    Value v = TRY(to_atomic_operand(ctx, ta, args.arg(2)));
    // 4. Perform ? RevalidateAtomicAccess(typedArray, byteIndexInBuffer).
    TRY(revalidate_atomic_access(ctx, ta, index));
    // 5-9. Return GetModifySetValueInBuffer(buffer, byteIndexInBuffer, elementType, v, op): one atomic
    //      read-modify-write of the element's bits.
    uint8_t* p = element_address(ta, index);
    uint64_t b = operand_bits(ta, v);
    auto op = static_cast<AtomicOp>(args.magic);
    uint64_t old;
    switch (ta->element_size()) {
    case 1: old = atomic_rmw(p, op, static_cast<uint8_t>(b)); break;
    case 2: old = atomic_rmw(reinterpret_cast<uint16_t*>(p), op, static_cast<uint16_t>(b)); break;
    case 4: old = atomic_rmw(reinterpret_cast<uint32_t*>(p), op, static_cast<uint32_t>(b)); break;
    default: old = atomic_rmw(reinterpret_cast<uint64_t*>(p), op, b); break;
    }
    return bits_value(ctx, ta, old);
}

// 25.4.5 Atomics.compareExchange ( typedArray, index, expectedValue, replacementValue )
// (#sec-atomics.compareexchange)
Value atomics_compare_exchange(Context& ctx, const CallArgs& args) {
    // 1. Let byteIndexInBuffer be ? ValidateAtomicAccessOnIntegerTypedArray(typedArray, index).
    TypedArrayObject* ta =
        TRY(validate_integer_typed_array(ctx, args.arg(0), Waitable::No, TypedArrayAccess::Write));
    size_t index = TRY(validate_atomic_access(ctx, ta, args.arg(1)));
    // 2-4. Convert expectedValue and replacementValue.
    Value expected = TRY(to_atomic_operand(ctx, ta, args.arg(2)));
    Value replacement = TRY(to_atomic_operand(ctx, ta, args.arg(3)));
    // 5. Perform ? RevalidateAtomicAccess(typedArray, byteIndexInBuffer).
    TRY(revalidate_atomic_access(ctx, ta, index));
    // 6-13. Atomically: read the element; if its bytes equal expected's, write replacement's. Return the
    //       old value.
    uint8_t* p = element_address(ta, index);
    uint64_t e = operand_bits(ta, expected);
    uint64_t r = operand_bits(ta, replacement);
    uint64_t old;
    switch (ta->element_size()) {
    case 1: old = atomic_compare_exchange(p, static_cast<uint8_t>(e), static_cast<uint8_t>(r)); break;
    case 2:
        old = atomic_compare_exchange(reinterpret_cast<uint16_t*>(p), static_cast<uint16_t>(e),
                                      static_cast<uint16_t>(r));
        break;
    case 4:
        old = atomic_compare_exchange(reinterpret_cast<uint32_t*>(p), static_cast<uint32_t>(e),
                                      static_cast<uint32_t>(r));
        break;
    default: old = atomic_compare_exchange(reinterpret_cast<uint64_t*>(p), e, r); break;
    }
    return bits_value(ctx, ta, old);
}

// 25.4.9 Atomics.load ( typedArray, index ) (#sec-atomics.load)
Value atomics_load(Context& ctx, const CallArgs& args) {
    // 1. Let byteIndexInBuffer be ? ValidateAtomicAccessOnIntegerTypedArray(typedArray, index).
    TypedArrayObject* ta = TRY(validate_integer_typed_array(ctx, args.arg(0), Waitable::No));
    size_t index = TRY(validate_atomic_access(ctx, ta, args.arg(1)));
    // 2. Perform ? RevalidateAtomicAccess(typedArray, byteIndexInBuffer).
    TRY(revalidate_atomic_access(ctx, ta, index));
    // 3-5. Return GetValueFromBuffer(buffer, byteIndexInBuffer, elementType, true, seq-cst).
    return bits_value(ctx, ta, element_bits(ta, index));
}

// 25.4.12 Atomics.store ( typedArray, index, value ) (#sec-atomics.store)
Value atomics_store(Context& ctx, const CallArgs& args) {
    // 1. Let byteIndexInBuffer be ? ValidateAtomicAccessOnIntegerTypedArray(typedArray, index).
    TypedArrayObject* ta =
        TRY(validate_integer_typed_array(ctx, args.arg(0), Waitable::No, TypedArrayAccess::Write));
    size_t index = TRY(validate_atomic_access(ctx, ta, args.arg(1)));
    // 2-3. Let v be ? ToBigInt(value) or F(? ToIntegerOrInfinity(value)).
    Value v = TRY(to_atomic_operand(ctx, ta, args.arg(2)));
    // 4. Perform ? RevalidateAtomicAccess(typedArray, byteIndexInBuffer).
    TRY(revalidate_atomic_access(ctx, ta, index));
    // 5-7. Perform SetValueInBuffer(buffer, byteIndexInBuffer, elementType, v, true, seq-cst). Return v.
    store_element_bits(ta, index, operand_bits(ta, v));
    return v;
}

// 25.4.8 Atomics.isLockFree ( size ) (#sec-atomics.islockfree)
Value atomics_is_lock_free(Context& ctx, const CallArgs& args) {
    // 1. Let n be ? ToIntegerOrInfinity(size).
    double n = TRY(to_integer_or_infinity(ctx, args.arg(0)));
    // 2-7. 1, 2, 4 and 8 byte accesses are lock-free here (a single agent); anything else is not.
    return Value::boolean(n == 1 || n == 2 || n == 4 || n == 8);
}

enum WaitMode : int16_t { WaitSync, WaitAsync };

// { async, value }: the result object of Atomics.waitAsync (DoWait steps 19.c-e, 20.b-d, 30-31).
Value wait_async_result(Context& ctx, bool is_async, Value value) {
    Value result = TRY(new_object(ctx));
    Atom async_atom = ctx.rt().intern_ascii("async");
    if (!async_atom) return ctx.throw_out_of_memory();
    TRY(create_data_property_or_throw(ctx, result.as_object(), async_atom, Value::boolean(is_async)));
    TRY(create_data_property_or_throw(ctx, result.as_object(), atoms::value, value));
    return result;
}

// 25.4.3.14 DoWait ( mode, typedArray, index, value, timeout ) (#sec-dowait): Atomics.wait
// (#sec-atomics.wait) and Atomics.waitAsync (#sec-atomics.waitasync), magic = WaitMode.
Value atomics_wait(Context& ctx, const CallArgs& args) {
    bool is_async = args.magic == WaitAsync;
    // 1. Let taRecord be ? ValidateIntegerTypedArray(typedArray, true).
    TypedArrayObject* ta = TRY(validate_integer_typed_array(ctx, args.arg(0), Waitable::Yes));
    // 2-3. If IsSharedArrayBuffer(buffer) is false, throw a TypeError exception.
    if (!ta->buffer()->is_shared()) return ctx.throw_type_error("Atomics.wait: typed array is not shared");
    // 4. Let i be ? ValidateAtomicAccess(taRecord, index).
    size_t index = TRY(validate_atomic_access(ctx, ta, args.arg(1)));
    // 5-7. Let v be ? ToBigInt64(value) or ? ToInt32(value).
    Value v;
    if (ta->is_bigint()) {
        Value big = TRY(to_bigint(ctx, args.arg(2)));
        v = TRY(bigint_from_int64(ctx, bigint_to_int64(big)));
    } else {
        v = Value::int32(TRY(to_int32(ctx, args.arg(2))));
    }
    // 8-9. Let q be ? ToNumber(timeout); NaN or +∞ is +∞, -∞ is 0, else max(q, 0).
    double q = TRY(to_number(ctx, args.arg(3)));
    double t = std::isnan(q) ? INFINITY : std::max(q, 0.0);
    // 10. If mode is sync and AgentCanSuspend() is false, throw a TypeError exception (checked by the host
    //     hook, which knows the agent; without one this agent can).
    uint64_t expected = operand_bits(ta, v);
    const HostObjectHooks* hooks = ctx.rt().m_host_hooks;
    if (hooks && hooks->atomics_wait && !(is_async && t == 0)) {
        // 11-31 with the host's WaiterList: it compares the element and waits in one critical section.
        Value resolve;
        Value promise;
        if (is_async) promise = TRY(new_promise(ctx, &resolve, nullptr));
        AtomicsWaitResult r = hooks->atomics_wait(ctx, element_address(ta, index), ta->element_size(),
                                                  expected, t, is_async ? &resolve : nullptr);
        if (r != AtomicsWaitResult::NoHost) {
            if (r == AtomicsWaitResult::Failed) return Exception{};
            if (r == AtomicsWaitResult::CannotBlock)
                return ctx.throw_type_error("Atomics.wait: this agent cannot suspend");
            if (is_async && r == AtomicsWaitResult::Ok)
                return wait_async_result(ctx, true, std::move(promise));
            const char* outcome = r == AtomicsWaitResult::Ok         ? "ok"
                                  : r == AtomicsWaitResult::NotEqual ? "not-equal"
                                                                     : "timed-out";
            Value text = TRY(ctx.new_string(outcome));
            return is_async ? wait_async_result(ctx, false, std::move(text)) : text;
        }
    }
    // 18-19. Let w be the element; if v ≠ w, the result is "not-equal".
    if (element_bits(ta, index) != expected) {
        Value not_equal = TRY(ctx.new_string("not-equal"));
        return is_async ? wait_async_result(ctx, false, std::move(not_equal)) : not_equal;
    }
    // 20. If t = 0 and mode is async, the result is { async: false, value: "timed-out" }.
    if (is_async && t == 0) return wait_async_result(ctx, false, TRY(ctx.new_string("timed-out")));
    if (is_async) {
        // 21-31 without a host: no other agent exists to notify this one, so an infinite wait never
        // settles; a finite one needs a host timer.
        if (!std::isinf(t))
            return ctx.throw_error(
                ErrorType::InternalError,
                "Atomics.waitAsync with a finite timeout needs a host (JS_SetAtomicsWaitFunctions)");
        Value promise = TRY(new_promise(ctx, nullptr, nullptr));
        return wait_async_result(ctx, true, std::move(promise));
    }
    // 21-29 (sync) without a host: suspend for t milliseconds; with no agent to notify this one, the wait
    // times out. An infinite wait could never end, so it is refused.
    if (std::isinf(t))
        return ctx.throw_type_error("Atomics.wait: would wait forever (no other agent can notify)");
    if (t > 0) {
        struct timespec ts;
        ts.tv_sec = static_cast<time_t>(t / 1000);
        ts.tv_nsec = static_cast<long>(std::fmod(t, 1000.0) * 1e6);
        nanosleep(&ts, nullptr);
    }
    return ctx.new_string("timed-out");
}

// 25.4.11 Atomics.notify ( typedArray, index, count ) (#sec-atomics.notify)
Value atomics_notify(Context& ctx, const CallArgs& args) {
    // 1. Let taRecord be ? ValidateIntegerTypedArray(typedArray, true).
    TypedArrayObject* ta = TRY(validate_integer_typed_array(ctx, args.arg(0), Waitable::Yes));
    // 2. Let byteIndexInBuffer be ? ValidateAtomicAccess(taRecord, index).
    size_t index = TRY(validate_atomic_access(ctx, ta, args.arg(1)));
    // 3-4. If count is undefined, let c be +∞; else let c be max(? ToIntegerOrInfinity(count), 0).
    double c = INFINITY;
    if (!args.arg(2).is_undefined()) c = std::max(TRY(to_integer_or_infinity(ctx, args.arg(2))), 0.0);
    // 5-6. If IsSharedArrayBuffer(buffer) is false, return +0.
    if (!ta->buffer()->is_shared()) return Value::int32(0);
    // 7-11. The host's WaiterList removes and wakes up to c waiters; without one, nobody waits.
    const HostObjectHooks* hooks = ctx.rt().m_host_hooks;
    double n = hooks && hooks->atomics_notify ? hooks->atomics_notify(ctx, element_address(ta, index), c) : 0;
    return Value::number(std::max(n, 0.0));
}

// Atomics.pause ( [ N ] ) (#sec-atomics.pause)
Value atomics_pause(Context& ctx, const CallArgs& args) {
    // 1. If N is neither undefined nor an integral Number, throw a TypeError exception.
    const Value& n = args.arg(0);
    if (!n.is_undefined() &&
        (!n.is_number() || !std::isfinite(n.as_number()) || std::trunc(n.as_number()) != n.as_number()))
        return ctx.throw_type_error("Atomics.pause: argument must be an integral Number");
    // 2-3. A spin-wait hint: nothing to do with a single agent. Return undefined.
    return Value();
}

const FunctionListEntry kAtomicsFunctions[] = {
    QJS_FUNC_MAGIC("add", 3, atomics_read_modify_write, OpAdd),
    QJS_FUNC_MAGIC("and", 3, atomics_read_modify_write, OpAnd),
    QJS_FUNC("compareExchange", 4, atomics_compare_exchange),
    QJS_FUNC_MAGIC("exchange", 3, atomics_read_modify_write, OpExchange),
    QJS_FUNC("isLockFree", 1, atomics_is_lock_free),
    QJS_FUNC("load", 2, atomics_load),
    QJS_FUNC("notify", 3, atomics_notify),
    QJS_FUNC_MAGIC("or", 3, atomics_read_modify_write, OpOr),
    QJS_FUNC("pause", 0, atomics_pause),
    QJS_FUNC("store", 3, atomics_store),
    QJS_FUNC_MAGIC("sub", 3, atomics_read_modify_write, OpSub),
    QJS_FUNC_MAGIC("wait", 4, atomics_wait, WaitSync),
    QJS_FUNC_MAGIC("waitAsync", 4, atomics_wait, WaitAsync),
    QJS_FUNC_MAGIC("xor", 3, atomics_read_modify_write, OpXor),
    QJS_PROP_STRING("[Symbol.toStringTag]", "Atomics", prop::Configurable),
};

} // namespace

// 25.4 The Atomics Object (#sec-atomics-object): an ordinary object, not a function.
bool install_atomics(Context& ctx) {
    Value atomics = new_object(ctx);
    if (atomics.is_exception()) return false;
    if (!define_function_list(ctx, atomics.as_object(), kAtomicsFunctions)) return false;
    Atom name = ctx.rt().intern_ascii("Atomics");
    if (!name) {
        (void)ctx.throw_out_of_memory();
        return false;
    }
    return define_fresh_property(ctx, ctx.global_object(), name, std::move(atomics),
                                 prop::Writable | prop::Configurable);
}

} // namespace qjs
