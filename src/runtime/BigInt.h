// BigInt.h: arbitrary-precision integers (6.1.6.2). A BigInt is an immutable cell holding a sign and
// a magnitude of 32-bit limbs, least significant first, normalised (no leading zero limbs; zero has
// no limbs and is never negative).
#pragma once

#include "gc/Cell.h"
#include "runtime/Value.h"

#include <cstdint>

namespace qjs {

class Context;
class String;

class BigInt : public Cell {
  public:
    BigInt(uint32_t length, bool negative) : Cell(CellKind::BigInt), m_length(length), m_negative(negative) {}
    uint32_t length() const { return m_length; }
    bool is_negative() const { return m_negative; }
    bool is_zero() const { return m_length == 0; }
    const uint32_t* limbs() const { return reinterpret_cast<const uint32_t*>(this + 1); }
    uint32_t* limbs() { return reinterpret_cast<uint32_t*>(this + 1); }

    uint32_t m_length;
    bool m_negative;
};

enum class BigIntOp : uint8_t {
    Add,
    Sub,
    Mul,
    Div,
    Mod,
    Pow,
    ShiftLeft,
    ShiftRight,         // signed
    UnsignedShiftRight, // always a TypeError for BigInts
    And,
    Or,
    Xor,
};

// Arithmetic on two BigInt values (both operands must be BigInts; mixing with Numbers is a TypeError
// the caller reports). Division by zero throws RangeError.
Value bigint_binary(Context&, BigIntOp, const Value& a, const Value& b);
Value bigint_negate(Context&, const Value&);
Value bigint_bitwise_not(Context&, const Value&);
Value bigint_increment(Context&, const Value&, int delta); // delta = +1 or -1

Value bigint_from_int64(Context&, int64_t);
Value bigint_from_double(Context&, double); // the double must be an integer (NumberToBigInt)
// Parses a BigInt literal's digits (with 0x/0o/0b prefixes; numeric separators are skipped).
Value bigint_from_literal(Context&, const char16_t* digits, size_t length);
double bigint_to_double(const Value&);
int64_t bigint_to_int64(const Value&);   // BigInt.asIntN(64, x)
uint64_t bigint_to_uint64(const Value&); // BigInt.asUintN(64, x)
Value bigint_as_int_n(Context&, uint64_t bits, const Value&, bool is_signed);
int bigint_compare(const Value& a, const Value& b);  // -1, 0, 1
int bigint_compare_number(const Value& a, double b); // b not NaN; -1, 0, 1

bool bigint_is_zero(const Value&);
bool bigint_equals(const Value&, const Value&);
bool bigint_equals_number(const Value& big, double d);
Value bigint_to_string(Context&, const Value&, int radix);
Value string_to_bigint(Context&, const Value&); // StringToBigInt: undefined when not a valid literal
Value bigint_less_than(Context&, const Value&, const Value&); // mixed BigInt/String/Number operands
// ToBigInt (#sec-tobigint)
Value to_bigint(Context&, const Value&);

Value bigint_from_uint64(Context&, uint64_t);

} // namespace qjs
