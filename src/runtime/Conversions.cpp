// Conversions.cpp: type conversion (7.1) and testing/comparison (7.2) operations.
#include "runtime/Conversions.h"

#include "base/NumberConversion.h"
#include "runtime/BigInt.h"
#include "runtime/Call.h"
#include "runtime/Context.h"
#include "runtime/NativeFunction.h"
#include "runtime/PrimitiveWrapper.h"
#include "runtime/String.h"
#include "runtime/Symbol.h"

#include <cmath>

namespace qjs {

static Atom wks(WellKnownSymbol s) {
    return atoms::first_well_known_symbol + static_cast<Atom>(s);
}

// 7.1.1 ToPrimitive (#sec-toprimitive)
Value to_primitive(Context& ctx, const Value& v, PreferredType hint) {
    if (!v.is_object()) return v;
    // 2.a. Let exoticToPrim be ? GetMethod(input, @@toPrimitive).
    Value exotic = TRY(get_method(ctx, v, wks(WellKnownSymbol::toPrimitive)));
    if (!exotic.is_undefined()) {
        Atom hint_atom = hint == PreferredType::Number   ? atoms::number
                         : hint == PreferredType::String ? atoms::string
                                                         : atoms::default_;
        Value hint_value = ctx.atom_value(hint_atom);
        Value result = TRY(call(ctx, exotic, v, std::span<const Value>(&hint_value, 1)));
        if (result.is_object()) return ctx.throw_type_error("Cannot convert object to primitive value");
        return result;
    }
    return ordinary_to_primitive(ctx, v.as_object(),
                                 hint == PreferredType::Default ? PreferredType::Number : hint);
}

// 7.1.1.1 OrdinaryToPrimitive (#sec-ordinarytoprimitive)
Value ordinary_to_primitive(Context& ctx, Object* o, PreferredType hint) {
    Atom order[2] = {atoms::valueOf, atoms::toString};
    if (hint == PreferredType::String) std::swap(order[0], order[1]);
    Value ov = Value::object(o);
    for (Atom name : order) {
        Value method = TRY(get(ctx, o, name, ov));
        if (is_callable(method)) {
            Value result = TRY(call(ctx, method, ov, {}));
            if (!result.is_object()) return result;
        }
    }
    return ctx.throw_type_error("Cannot convert object to primitive value");
}

// 7.1.2 ToBoolean (#sec-toboolean)
bool to_boolean(const Value& v) {
    switch (v.tag()) {
    case Tag::Int32: return v.as_int32() != 0;
    case Tag::Float64: return !(v.as_float64() == 0 || std::isnan(v.as_float64()));
    case Tag::Bool: return v.as_bool();
    case Tag::Null:
    case Tag::Undefined: return false;
    case Tag::String: return v.as_string()->length() != 0;
    case Tag::Object: return !(v.as_object()->m_flags & objflag::HtmlDda);
    case Tag::BigInt: {
        return !bigint_is_zero(v);
    }
    default: return true;
    }
}

static double string_to_number_value(const String* s) {
    if (s->is_wide()) return string_to_number(s->utf16(), s->length());
    return string_to_number(s->latin1(), s->length());
}

// 7.1.4 ToNumber (#sec-tonumber)
Result<double> to_number(Context& ctx, const Value& v) {
    switch (v.tag()) {
    case Tag::Int32: return static_cast<double>(v.as_int32());
    case Tag::Float64: return v.as_float64();
    case Tag::Undefined: return std::nan("");
    case Tag::Null: return 0.0;
    case Tag::Bool: return v.as_bool() ? 1.0 : 0.0;
    case Tag::String: return string_to_number_value(v.as_string());
    case Tag::Symbol: return ctx.throw_type_error("Cannot convert a Symbol value to a number");
    case Tag::BigInt: return ctx.throw_type_error("Cannot convert a BigInt value to a number");
    case Tag::Object: {
        Value prim = TRY(to_primitive(ctx, v, PreferredType::Number));
        return to_number(ctx, prim);
    }
    default: return ctx.throw_type_error("Cannot convert value to a number");
    }
}

// 7.1.3 ToNumeric (#sec-tonumeric)
Value to_numeric(Context& ctx, const Value& v) {
    if (v.is_number() || v.is_bigint()) return v;
    Value prim = TRY(to_primitive(ctx, v, PreferredType::Number));
    if (prim.is_bigint()) return prim;
    double d = TRY(to_number(ctx, prim));
    return Value::number(d);
}

Value number_to_string_value(Context& ctx, double d) {
    char buf[64];
    size_t n = number_to_string(d, buf);
    String* s = String::create_latin1(ctx.rt(), reinterpret_cast<const uint8_t*>(buf), n);
    if (!s) return ctx.throw_out_of_memory();
    return Value::adopt(Tag::String, s);
}

// 7.1.17 ToString (#sec-tostring)
Value to_string(Context& ctx, const Value& v) {
    switch (v.tag()) {
    case Tag::String: return v;
    case Tag::Int32: {
        char buf[16];
        size_t n = int32_to_string(v.as_int32(), buf);
        String* s = String::create_latin1(ctx.rt(), reinterpret_cast<const uint8_t*>(buf), n);
        if (!s) return ctx.throw_out_of_memory();
        return Value::adopt(Tag::String, s);
    }
    case Tag::Float64: return number_to_string_value(ctx, v.as_float64());
    case Tag::Undefined: return ctx.atom_value(atoms::undefined);
    case Tag::Null: return ctx.atom_value(atoms::null);
    case Tag::Bool: return ctx.atom_value(v.as_bool() ? atoms::true_ : atoms::false_);
    case Tag::Symbol: return ctx.throw_type_error("Cannot convert a Symbol value to a string");
    case Tag::BigInt: {
        return bigint_to_string(ctx, v, 10);
    }
    case Tag::Object: {
        Value prim = TRY(to_primitive(ctx, v, PreferredType::String));
        return to_string(ctx, prim);
    }
    default: return ctx.throw_type_error("Cannot convert value to a string");
    }
}

Result<String*> to_string_cell(Context& ctx, const Value& v) {
    Value s = TRY(to_string(ctx, v));
    return static_cast<String*>(s.leak_cell());
}

// 7.1.18 ToObject (#sec-toobject)
Value to_object(Context& ctx, const Value& v) {
    auto wrap = [&](Intrinsic proto, ClassId cls) -> Value {
        return new_primitive_wrapper(ctx, ctx.intrinsic(proto), cls, v);
    };
    switch (v.tag()) {
    case Tag::Object: return v;
    case Tag::Undefined:
    case Tag::Null: return ctx.throw_type_error("Cannot convert undefined or null to object");
    case Tag::Bool: return wrap(Intrinsic::BooleanPrototype, ClassId::Boolean);
    case Tag::Int32:
    case Tag::Float64: return wrap(Intrinsic::NumberPrototype, ClassId::Number);
    case Tag::String: return wrap(Intrinsic::StringPrototype, ClassId::String);
    case Tag::Symbol: return wrap(Intrinsic::SymbolPrototype, ClassId::Symbol);
    case Tag::BigInt: return wrap(Intrinsic::BigIntPrototype, ClassId::BigInt);
    default: return ctx.throw_type_error("Cannot convert value to object");
    }
}

// 7.1.19 ToPropertyKey (#sec-topropertykey)
Result<Atom> to_property_key(Context& ctx, const Value& v) {
    // Fast path: small non-negative integers are index atoms.
    if (v.is_int32() && v.as_int32() >= 0 && static_cast<uint32_t>(v.as_int32()) <= kMaxAtomIndex)
        return atom_from_index(static_cast<uint32_t>(v.as_int32()));
    if (v.is_symbol()) return v.as_symbol()->atom;
    if (v.is_string()) {
        Atom a = ctx.rt().intern_key(v.as_string());
        if (!a) return ctx.throw_out_of_memory();
        return a;
    }
    Value key = TRY(to_primitive(ctx, v, PreferredType::String));
    if (key.is_symbol()) return key.as_symbol()->atom;
    Value s = TRY(to_string(ctx, key));
    Atom a = ctx.rt().intern_key(s.as_string());
    if (!a) return ctx.throw_out_of_memory();
    return a;
}

// 7.1.5 ToIntegerOrInfinity (#sec-tointegerorinfinity)
Result<double> to_integer_or_infinity(Context& ctx, const Value& v) {
    if (v.is_int32()) return static_cast<double>(v.as_int32());
    double d = TRY(to_number(ctx, v));
    if (std::isnan(d)) return 0.0;
    if (std::isinf(d)) return d;
    double t = std::trunc(d);
    return t == 0 ? 0.0 : t; // truncating -0.5 gives -0; the result is +0
}

int32_t double_to_int32(double d) {
    if (!std::isfinite(d)) return 0;
    if (d >= INT32_MIN && d <= INT32_MAX) return static_cast<int32_t>(d);
    double m = std::fmod(std::trunc(d), 4294967296.0);
    if (m < 0) m += 4294967296.0;
    return static_cast<int32_t>(static_cast<uint32_t>(m));
}

Result<int32_t> to_int32(Context& ctx, const Value& v) {
    if (v.is_int32()) return v.as_int32();
    double d = TRY(to_number(ctx, v));
    return double_to_int32(d);
}

Result<uint32_t> to_uint32(Context& ctx, const Value& v) {
    int32_t i = TRY(to_int32(ctx, v));
    return static_cast<uint32_t>(i);
}

Result<uint16_t> to_uint16(Context& ctx, const Value& v) {
    int32_t i = TRY(to_int32(ctx, v));
    return static_cast<uint16_t>(i);
}

// 7.1.20 ToLength (#sec-tolength)
Result<uint64_t> to_length(Context& ctx, const Value& v) {
    if (v.is_int32()) return v.as_int32() < 0 ? 0 : static_cast<uint64_t>(v.as_int32());
    double len = TRY(to_integer_or_infinity(ctx, v));
    if (len <= 0) return 0;
    if (len >= 9007199254740991.0) return 9007199254740991ull;
    return static_cast<uint64_t>(len);
}

// 7.1.22 ToIndex (#sec-toindex)
Result<uint64_t> to_index(Context& ctx, const Value& v) {
    double i = TRY(to_integer_or_infinity(ctx, v));
    if (i < 0 || i > 9007199254740991.0) return ctx.throw_range_error("invalid index");
    return static_cast<uint64_t>(i);
}

Value require_object_coercible(Context& ctx, const Value& v) {
    if (v.is_nullish()) return ctx.throw_type_error("Cannot convert undefined or null to object");
    return v;
}

Value canonical_numeric_index_string(Context& ctx, const Value& v) {
    String* s = v.as_string();
    if (s->equals_ascii("-0")) return Value::float64(-0.0);
    double n = string_to_number_value(s);
    Value back = TRY(number_to_string_value(ctx, n));
    if (!back.as_string()->equals(s)) return Value();
    return Value::number(n);
}

bool is_integral_number(const Value& v) {
    if (v.is_int32()) return true;
    if (!v.is_float64()) return false;
    double d = v.as_float64();
    return std::isfinite(d) && std::trunc(d) == d;
}

bool is_array_index_string(const String* s, uint32_t* out) {
    uint32_t n = s->length();
    if (n == 0 || n > 10) return false;
    if (s->at(0) == '0' && n > 1) return false;
    uint64_t v = 0;
    for (uint32_t i = 0; i < n; ++i) {
        char16_t c = s->at(i);
        if (c < '0' || c > '9') return false;
        v = v * 10 + (c - '0');
    }
    if (v > 0xfffffffeull) return false;
    *out = static_cast<uint32_t>(v);
    return true;
}

// ---- 7.2 comparisons ----

static bool number_same_value(double a, double b) {
    if (std::isnan(a)) return std::isnan(b);
    if (a == 0 && b == 0) return std::signbit(a) == std::signbit(b);
    return a == b;
}

// 7.2.10 SameValue (#sec-samevalue)
bool same_value(const Value& x, const Value& y) {
    if (x.is_number() && y.is_number()) return number_same_value(x.as_number(), y.as_number());
    return same_value_zero(x, y) && !(x.is_number());
}

// 7.2.11 SameValueZero (#sec-samevaluezero)
bool same_value_zero(const Value& x, const Value& y) {
    if (x.is_number() && y.is_number()) {
        double a = x.as_number(), b = y.as_number();
        if (std::isnan(a)) return std::isnan(b);
        return a == b;
    }
    if (x.tag() != y.tag()) return false;
    switch (x.tag()) {
    case Tag::String: return x.as_string()->equals(y.as_string());
    case Tag::BigInt: return bigint_equals(x, y);
    default: return x.bits_equal(y);
    }
}

// 7.2.15 IsStrictlyEqual (#sec-isstrictlyequal)
bool is_strictly_equal(const Value& x, const Value& y) {
    if (x.is_number() && y.is_number()) return x.as_number() == y.as_number();
    return same_value_zero(x, y);
}

// 7.2.14 IsLooselyEqual (#sec-islooselyequal)
Result<bool> is_loosely_equal(Context& ctx, const Value& x, const Value& y) {
    // 1. Same type: IsStrictlyEqual.
    bool same_type = x.tag() == y.tag() || (x.is_number() && y.is_number());
    if (same_type) return is_strictly_equal(x, y);
    // 2-4. null/undefined (and [[IsHTMLDDA]] objects).
    auto is_dda = [](const Value& v) { return v.is_object() && (v.as_object()->m_flags & objflag::HtmlDda); };
    if (x.is_nullish() && (y.is_nullish() || is_dda(y))) return true;
    if (y.is_nullish() && (x.is_nullish() || is_dda(x))) return true;
    if (x.is_nullish() || y.is_nullish()) return false;
    // 5-6. Number and String.
    if (x.is_number() && y.is_string()) return x.as_number() == TRY(to_number(ctx, y));
    if (x.is_string() && y.is_number()) return TRY(to_number(ctx, x)) == y.as_number();
    // 7-8. BigInt and String.
    if (x.is_bigint() && y.is_string()) {
        Value n = TRY(string_to_bigint(ctx, y));
        if (n.is_undefined()) return false;
        return bigint_equals(x, n);
    }
    if (x.is_string() && y.is_bigint()) return is_loosely_equal(ctx, y, x);
    // 9-10. Booleans become numbers.
    if (x.is_bool()) return is_loosely_equal(ctx, Value::int32(x.as_bool() ? 1 : 0), y);
    if (y.is_bool()) return is_loosely_equal(ctx, x, Value::int32(y.as_bool() ? 1 : 0));
    // 11-12. Objects against primitives.
    if ((x.is_string() || x.is_number() || x.is_bigint() || x.is_symbol()) && y.is_object()) {
        Value p = TRY(to_primitive(ctx, y));
        return is_loosely_equal(ctx, x, p);
    }
    if (x.is_object() && (y.is_string() || y.is_number() || y.is_bigint() || y.is_symbol())) {
        Value p = TRY(to_primitive(ctx, x));
        return is_loosely_equal(ctx, p, y);
    }
    // 13. BigInt and Number.
    if ((x.is_bigint() && y.is_number()) || (x.is_number() && y.is_bigint())) {
        return x.is_bigint() ? bigint_equals_number(x, y.as_number())
                             : bigint_equals_number(y, x.as_number());
    }
    return false;
}

// 7.2.13 IsLessThan (#sec-islessthan): undefined, true or false.
Value is_less_than(Context& ctx, const Value& x, const Value& y, bool left_first) {
    Value px, py;
    if (left_first) {
        px = TRY(to_primitive(ctx, x, PreferredType::Number));
        py = TRY(to_primitive(ctx, y, PreferredType::Number));
    } else {
        py = TRY(to_primitive(ctx, y, PreferredType::Number));
        px = TRY(to_primitive(ctx, x, PreferredType::Number));
    }
    if (px.is_string() && py.is_string()) return Value::boolean(px.as_string()->compare(py.as_string()) < 0);
    if (px.is_bigint() || py.is_bigint()) {
        return bigint_less_than(ctx, px, py);
    }
    double a = TRY(to_number(ctx, px));
    double b = TRY(to_number(ctx, py));
    if (std::isnan(a) || std::isnan(b)) return Value();
    return Value::boolean(a < b);
}

Value type_of(Context& ctx, const Value& v) {
    Atom a;
    switch (v.tag()) {
    case Tag::Int32:
    case Tag::Float64: a = atoms::number; break;
    case Tag::Bool: a = atoms::boolean; break;
    case Tag::Undefined: a = atoms::undefined; break;
    case Tag::Null: a = atoms::object; break;
    case Tag::String: a = atoms::string; break;
    case Tag::Symbol: a = atoms::symbol; break;
    case Tag::BigInt: a = atoms::bigint; break;
    case Tag::Object: {
        Object* o = v.as_object();
        if (o->m_flags & objflag::HtmlDda)
            a = atoms::undefined;
        else
            a = o->is_callable() ? atoms::function : atoms::object;
        break;
    }
    default: a = atoms::undefined; break;
    }
    return ctx.atom_value(a);
}

// 13.10.2 InstanceofOperator (#sec-instanceofoperator)
Result<bool> instance_of(Context& ctx, const Value& v, const Value& target) {
    // 1. If target is not an Object, throw a TypeError.
    if (!target.is_object()) return ctx.throw_type_error("Right-hand side of 'instanceof' is not an object");
    // 2. Let instOfHandler be ? GetMethod(target, @@hasInstance).
    Value handler = TRY(get_method(ctx, target, wks(WellKnownSymbol::hasInstance)));
    if (!handler.is_undefined()) {
        Value r = TRY(call(ctx, handler, target, std::span<const Value>(&v, 1)));
        return to_boolean(r);
    }
    // 4. If IsCallable(target) is false, throw a TypeError.
    if (!is_callable(target)) return ctx.throw_type_error("Right-hand side of 'instanceof' is not callable");
    // 5. Return ? OrdinaryHasInstance(target, V).
    return ordinary_has_instance(ctx, target, v);
}

} // namespace qjs
