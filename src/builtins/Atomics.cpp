// Atomics.cpp: the Atomics object (ECMA-262 25.4). The engine runs one agent per runtime and no other
// thread can see its memory, so plain loads and stores are atomic already. Atomics.wait can only time
// out or find a different value (no agent can notify it); it sleeps for finite timeouts and throws a
// TypeError rather than blocking forever. Atomics.notify finds no waiters. Atomics.waitAsync answers
// "not-equal" / "timed-out" (timeout 0) at once and never settles an infinite wait; a finite timeout needs
// host timers and throws a TODO InternalError.
#include "builtins/Builtins.h"
#include "builtins/Promise.h"
#include "builtins/TypedArray.h"
#include "runtime/BigInt.h"
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

uint64_t element_bits(TypedArrayObject* ta, size_t index) {
    uint64_t bits = 0;
    std::memcpy(&bits, ta->data() + index * ta->element_size(), ta->element_size());
    return bits;
}

void store_element_bits(TypedArrayObject* ta, size_t index, uint64_t bits) {
    std::memcpy(ta->data() + index * ta->element_size(), &bits, ta->element_size());
}

// The element's bytes for a numeric operand (NumericToRawBytes, converting modulo the element size).
uint64_t operand_bits(TypedArrayObject* ta, const Value& numeric) {
    uint8_t bytes[8] = {};
    numeric_to_raw_bytes(ta->m_type, numeric, bytes, kHostLittleEndian);
    uint64_t bits = 0;
    std::memcpy(&bits, bytes, ta->element_size());
    return bits;
}

Value element_value(Context& ctx, TypedArrayObject* ta, size_t index) {
    return raw_bytes_to_numeric(ctx, ta->m_type, ta->data() + index * ta->element_size(), kHostLittleEndian);
}

enum AtomicOp : int16_t { OpAdd, OpAnd, OpExchange, OpOr, OpSub, OpXor };

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
    // 5-9. Return GetModifySetValueInBuffer(buffer, byteIndexInBuffer, elementType, v, op).
    Value old = TRY(element_value(ctx, ta, index));
    uint64_t a = element_bits(ta, index);
    uint64_t b = operand_bits(ta, v);
    uint64_t result = 0;
    switch (static_cast<AtomicOp>(args.magic)) {
    case OpAdd: result = a + b; break;
    case OpAnd: result = a & b; break;
    case OpExchange: result = b; break;
    case OpOr: result = a | b; break;
    case OpSub: result = a - b; break;
    case OpXor: result = a ^ b; break;
    }
    store_element_bits(ta, index, result);
    return old;
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
    // 6-13. Read the element; if its bytes equal expected's, write replacement's. Return the old value.
    Value old = TRY(element_value(ctx, ta, index));
    if (element_bits(ta, index) == operand_bits(ta, expected))
        store_element_bits(ta, index, operand_bits(ta, replacement));
    return old;
}

// 25.4.9 Atomics.load ( typedArray, index ) (#sec-atomics.load)
Value atomics_load(Context& ctx, const CallArgs& args) {
    // 1. Let byteIndexInBuffer be ? ValidateAtomicAccessOnIntegerTypedArray(typedArray, index).
    TypedArrayObject* ta = TRY(validate_integer_typed_array(ctx, args.arg(0), Waitable::No));
    size_t index = TRY(validate_atomic_access(ctx, ta, args.arg(1)));
    // 2. Perform ? RevalidateAtomicAccess(typedArray, byteIndexInBuffer).
    TRY(revalidate_atomic_access(ctx, ta, index));
    // 3-5. Return GetValueFromBuffer(buffer, byteIndexInBuffer, elementType, true, seq-cst).
    return element_value(ctx, ta, index);
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
    // 10. If mode is sync and AgentCanSuspend() is false, throw a TypeError exception (this agent can).
    // 18-19. Let w be the element; if v ≠ w, the result is "not-equal".
    if (element_bits(ta, index) != operand_bits(ta, v)) {
        Value not_equal = TRY(ctx.new_string("not-equal"));
        return is_async ? wait_async_result(ctx, false, std::move(not_equal)) : not_equal;
    }
    // 20. If t = 0 and mode is async, the result is { async: false, value: "timed-out" }.
    if (is_async && t == 0) return wait_async_result(ctx, false, TRY(ctx.new_string("timed-out")));
    if (is_async) {
        // 21-31. Wait in the WaiterList: no other agent exists to notify this one, so an infinite wait never
        // settles; a finite one needs a host timer, which the engine does not have yet.
        if (!std::isinf(t))
            return ctx.throw_error(ErrorType::InternalError, "TODO(Atomics.waitAsync with a finite timeout)");
        Value promise = TRY(new_promise(ctx, nullptr, nullptr));
        return wait_async_result(ctx, true, std::move(promise));
    }
    // 21-29 (sync). Suspend for t milliseconds: with no agent to notify this one, the wait times out.
    // An infinite wait could never end, so it is refused.
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
    TRY(validate_atomic_access(ctx, ta, args.arg(1)));
    // 3-4. If count is undefined, let c be +∞; else let intCount be ? ToIntegerOrInfinity(count).
    if (!args.arg(2).is_undefined()) TRY(to_integer_or_infinity(ctx, args.arg(2)));
    // 5-11. No agent waits on this runtime's memory: n is 0.
    return Value::int32(0);
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
