// Operators.cpp: generic cases of the arithmetic, bitwise, relational and unary operators
// (13.15.3 ApplyStringOrNumericBinaryOperator and the Number::/BigInt:: operations).
#include "builtins/Function.h"
#include "runtime/BigInt.h"
#include "runtime/Context.h"
#include "runtime/Conversions.h"
#include "runtime/NativeFunction.h"
#include "runtime/String.h"
#include "vm/SlowPaths.h"

#include <cmath>

namespace qjs {

// 6.1.6.1.3 Number::exponentiate (#sec-numeric-types-number-exponentiate): differs from C pow
// for NaN exponents (handled by pow) and for |base| == 1 with an infinite exponent.
static double number_exponentiate(double base, double exponent) {
    if (std::isnan(exponent)) return NAN;
    if (exponent == 0) return 1;
    if ((base == 1 || base == -1) && std::isinf(exponent)) return NAN;
    return std::pow(base, exponent);
}

static bool bigint_op_for(Op op, BigIntOp* out) {
    switch (op) {
    case Op::add: *out = BigIntOp::Add; return true;
    case Op::sub: *out = BigIntOp::Sub; return true;
    case Op::mul: *out = BigIntOp::Mul; return true;
    case Op::div: *out = BigIntOp::Div; return true;
    case Op::mod: *out = BigIntOp::Mod; return true;
    case Op::pow: *out = BigIntOp::Pow; return true;
    case Op::shl: *out = BigIntOp::ShiftLeft; return true;
    case Op::sar: *out = BigIntOp::ShiftRight; return true;
    case Op::shr: *out = BigIntOp::UnsignedShiftRight; return true;
    case Op::and_: *out = BigIntOp::And; return true;
    case Op::or_: *out = BigIntOp::Or; return true;
    case Op::xor_: *out = BigIntOp::Xor; return true;
    default: return false;
    }
}

static Value number_binary(Op op, double a, double b) {
    switch (op) {
    case Op::add: return Value::number(a + b);
    case Op::sub: return Value::number(a - b);
    case Op::mul: return Value::number(a * b);
    case Op::div: return Value::number(a / b);
    case Op::mod: return Value::number(std::fmod(a, b));
    case Op::pow: return Value::number(number_exponentiate(a, b));
    case Op::shl:
        return Value::int32(static_cast<int32_t>(static_cast<uint32_t>(double_to_int32(a))
                                                 << (static_cast<uint32_t>(double_to_int32(b)) & 31)));
    case Op::sar: return Value::int32(double_to_int32(a) >> (static_cast<uint32_t>(double_to_int32(b)) & 31));
    case Op::shr:
        return Value::number(static_cast<uint32_t>(double_to_int32(a)) >>
                             (static_cast<uint32_t>(double_to_int32(b)) & 31));
    case Op::and_: return Value::int32(double_to_int32(a) & double_to_int32(b));
    case Op::or_: return Value::int32(double_to_int32(a) | double_to_int32(b));
    case Op::xor_: return Value::int32(double_to_int32(a) ^ double_to_int32(b));
    default: VERIFY_NOT_REACHED();
    }
}

Value concat_strings(Context& ctx, const Value& a, const Value& b) {
    const String* l = a.as_string();
    const String* r = b.as_string();
    if (l->length() == 0) return b;
    if (r->length() == 0) return a;
    if (uint64_t(l->length()) + r->length() > String::kMaxLength)
        return ctx.throw_range_error("invalid string length");
    String* s = String::concat(ctx.rt(), l, r);
    if (!s) return ctx.throw_out_of_memory();
    return Value::adopt(Tag::String, s);
}

// 13.15.3 ApplyStringOrNumericBinaryOperator (#sec-applystringornumericbinaryoperator)
Value binary_op_slow(Context& ctx, Op op, const Value& a, const Value& b) {
    Value lnum, rnum;
    if (op == Op::add) {
        // 1.a-b. ToPrimitive both operands.
        Value lprim = TRY(to_primitive(ctx, a));
        Value rprim = TRY(to_primitive(ctx, b));
        // 1.c. If either is a String, concatenate their ToString.
        if (lprim.is_string() || rprim.is_string()) {
            Value ls = TRY(to_string(ctx, lprim));
            Value rs = TRY(to_string(ctx, rprim));
            return concat_strings(ctx, ls, rs);
        }
        lnum = TRY(to_numeric(ctx, lprim));
        rnum = TRY(to_numeric(ctx, rprim));
    } else {
        // 3-4. ToNumeric both operands.
        lnum = TRY(to_numeric(ctx, a));
        rnum = TRY(to_numeric(ctx, b));
    }
    // 5. If Type(lnum) is not Type(rnum), throw a TypeError.
    if (lnum.is_bigint() != rnum.is_bigint())
        return ctx.throw_type_error("cannot mix BigInt and other types");
    if (lnum.is_bigint()) {
        BigIntOp bop;
        VERIFY(bigint_op_for(op, &bop));
        if (bop == BigIntOp::UnsignedShiftRight)
            return ctx.throw_type_error("BigInts have no unsigned right shift");
        return bigint_binary(ctx, bop, lnum, rnum);
    }
    return number_binary(op, lnum.as_number(), rnum.as_number());
}

// 13.10.1 Relational operators via IsLessThan (#sec-islessthan)
Value compare_op_slow(Context& ctx, Op op, const Value& a, const Value& b) {
    switch (op) {
    case Op::lt: {
        Value r = TRY(is_less_than(ctx, a, b, true));
        return Value::boolean(r.is_bool() && r.as_bool());
    }
    case Op::gt: {
        Value r = TRY(is_less_than(ctx, b, a, false));
        return Value::boolean(r.is_bool() && r.as_bool());
    }
    case Op::lte: {
        Value r = TRY(is_less_than(ctx, b, a, false));
        return Value::boolean(r.is_bool() && !r.as_bool());
    }
    case Op::gte: {
        Value r = TRY(is_less_than(ctx, a, b, true));
        return Value::boolean(r.is_bool() && !r.as_bool());
    }
    default: VERIFY_NOT_REACHED();
    }
}

Value unary_op_slow(Context& ctx, Op op, const Value& v) {
    if (op == Op::plus) {
        double d = TRY(to_number(ctx, v));
        return Value::number(d);
    }
    Value n = TRY(to_numeric(ctx, v));
    switch (op) {
    case Op::to_numeric: return n;
    case Op::neg:
        if (n.is_bigint()) return bigint_negate(ctx, n);
        return Value::number(-n.as_number());
    case Op::inc:
        if (n.is_bigint()) return bigint_increment(ctx, n, 1);
        return Value::number(n.as_number() + 1);
    case Op::dec:
        if (n.is_bigint()) return bigint_increment(ctx, n, -1);
        return Value::number(n.as_number() - 1);
    case Op::bit_not:
        if (n.is_bigint()) return bigint_bitwise_not(ctx, n);
        return Value::int32(~double_to_int32(n.as_number()));
    default: VERIFY_NOT_REACHED();
    }
}

// 13.10.1 RelationalExpression : RelationalExpression in ShiftExpression
Value op_in(Context& ctx, const Value& key, const Value& obj) {
    if (!obj.is_object()) return ctx.throw_type_error("cannot use 'in' operator to search in a non-object");
    Atom a = TRY(to_property_key(ctx, key));
    bool r = TRY(has_property(ctx, obj.as_object(), a));
    return Value::boolean(r);
}

// 13.10.2 InstanceofOperator. Fast path: a target that inherits the original
// Function.prototype[@@hasInstance] through ordinary objects (so looking it up ran no code), whose
// call would be OrdinaryHasInstance(target, V).
Value op_instanceof(Context& ctx, const Value& v, const Value& target) {
    Value handler;
    if (target.is_object() &&
        get_plain_property(target.as_object(),
                           atoms::first_well_known_symbol + static_cast<Atom>(WellKnownSymbol::hasInstance),
                           &handler) &&
        handler.is_object() && handler.as_object()->class_id() == ClassId::NativeFunction &&
        native_by_id(static_cast<NativeFunctionObject*>(handler.as_object())->m_native_id) ==
            function_proto_has_instance)
        return Value::boolean(TRY(ordinary_has_instance(ctx, target, v)));
    bool r = TRY(instance_of(ctx, v, target));
    return Value::boolean(r);
}

} // namespace qjs
