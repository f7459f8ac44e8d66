// Math.cpp: the Math object (ECMA-262 21.3, #sec-math-object), including Math.f16round (ES2025)
// and Math.sumPrecise (ES2026).
#include "builtins/Builtins.h"
#include "runtime/Call.h"
#include "runtime/Context.h"
#include "runtime/Conversions.h"
#include "runtime/Iteration.h"
#include "runtime/NativeFunction.h"
#include "runtime/Object.h"
#include "snapshot/Baseline.h"

#include <chrono>
#include <cmath>
#include <cstdint>
#include <limits>

namespace qjs {

namespace {

constexpr double kInfinity = std::numeric_limits<double>::infinity();
constexpr double kNaN = std::numeric_limits<double>::quiet_NaN();

// ---- Unary functions: Math.f(x) = op(ToNumber(x)) ----

// 21.3.2.28 Math.round (#sec-math.round)
double math_round(double x) {
    // 1-2. NaN, ±Infinity and integral values (including ±0) are returned unchanged.
    if (!std::isfinite(x) || x == std::trunc(x)) return x;
    // 3. If 0 < x < 0.5, return +0; if -0.5 <= x < 0, return -0.
    if (x > 0 && x < 0.5) return 0.0;
    if (x < 0 && x >= -0.5) return -0.0;
    // 4. The integral Number closest to x, ties toward +Infinity. x - floor(x) is exact, unlike
    // floor(x + 0.5), which double-rounds large odd values.
    double r = std::floor(x);
    if (x - r >= 0.5) r += 1;
    return r == 0 && x < 0 ? -0.0 : r;
}

// 21.3.2.29 Math.sign (#sec-math.sign)
double math_sign(double x) {
    if (std::isnan(x) || x == 0) return x;
    return x < 0 ? -1.0 : 1.0;
}

// 21.3.2.16 Math.fround (#sec-math.fround)
double math_fround(double x) {
    return static_cast<double>(static_cast<float>(x));
}

// 21.3.2.17 Math.f16round (#sec-math.f16round): rounds straight from binary64 to binary16,
// ties to even (going through float would round twice).
double math_f16round(double x) {
    if (std::isnan(x) || x == 0 || std::isinf(x)) return x;
    double a = std::fabs(x);
    // 65520 is halfway between the largest half (65504) and 2^16; the tie goes to the even
    // neighbour, which is 2^16, i.e. infinity.
    if (a >= 65520) return std::copysign(kInfinity, x);
    int e;
    std::frexp(a, &e); // a = m * 2^e, m in [0.5, 1): the leading bit has weight 2^(e-1)
    int exponent = e - 1;
    if (exponent < -14) exponent = -14; // subnormal halves share the quantum 2^-24
    double quantum = std::ldexp(1.0, exponent - 10);
    // a / quantum is exact (power-of-two scaling); nearbyint rounds ties to even.
    double r = std::nearbyint(a / quantum) * quantum;
    return std::copysign(r, x);
}

double math_abs(double x) {
    return std::fabs(x);
}
double math_acos(double x) {
    return std::acos(x);
}
double math_acosh(double x) {
    return std::acosh(x);
}
double math_asin(double x) {
    return std::asin(x);
}
double math_asinh(double x) {
    return std::asinh(x);
}
double math_atan(double x) {
    return std::atan(x);
}
double math_atanh(double x) {
    return std::atanh(x);
}
// glibc's cbrt is not symmetric (cbrt(-27) is -3.0000000000000004), and perfect cubes should
// give exact roots.
double math_cbrt(double x) {
    if (!std::isfinite(x) || x == 0) return x;
    double r = std::cbrt(std::fabs(x));
    double rounded = std::nearbyint(r);
    if (rounded * rounded * rounded == std::fabs(x)) r = rounded;
    return std::copysign(r, x);
}
double math_ceil(double x) {
    return std::ceil(x);
}
double math_cos(double x) {
    return std::cos(x);
}
double math_cosh(double x) {
    return std::cosh(x);
}
double math_exp(double x) {
    return std::exp(x);
}
double math_expm1(double x) {
    return std::expm1(x);
}
double math_floor(double x) {
    return std::floor(x);
}
double math_log(double x) {
    return std::log(x);
}
double math_log1p(double x) {
    return std::log1p(x);
}
double math_log10(double x) {
    return std::log10(x);
}
double math_log2(double x) {
    return std::log2(x);
}
double math_sin(double x) {
    return std::sin(x);
}
double math_sinh(double x) {
    return std::sinh(x);
}
double math_sqrt(double x) {
    return std::sqrt(x);
}
double math_tan(double x) {
    return std::tan(x);
}
double math_tanh(double x) {
    return std::tanh(x);
}
double math_trunc(double x) {
    return std::trunc(x);
}

// X(js name, C++ function): the Math functions of one Number argument.
#define QJS_MATH_UNARY(X)                                                                                    \
    X("abs", math_abs)                                                                                       \
    X("acos", math_acos)                                                                                     \
    X("acosh", math_acosh)                                                                                   \
    X("asin", math_asin)                                                                                     \
    X("asinh", math_asinh)                                                                                   \
    X("atan", math_atan)                                                                                     \
    X("atanh", math_atanh)                                                                                   \
    X("cbrt", math_cbrt)                                                                                     \
    X("ceil", math_ceil)                                                                                     \
    X("cos", math_cos)                                                                                       \
    X("cosh", math_cosh)                                                                                     \
    X("exp", math_exp)                                                                                       \
    X("expm1", math_expm1)                                                                                   \
    X("floor", math_floor)                                                                                   \
    X("fround", math_fround)                                                                                 \
    X("f16round", math_f16round)                                                                             \
    X("log", math_log)                                                                                       \
    X("log1p", math_log1p)                                                                                   \
    X("log10", math_log10)                                                                                   \
    X("log2", math_log2)                                                                                     \
    X("round", math_round)                                                                                   \
    X("sign", math_sign)                                                                                     \
    X("sin", math_sin)                                                                                       \
    X("sinh", math_sinh)                                                                                     \
    X("sqrt", math_sqrt)                                                                                     \
    X("tan", math_tan)                                                                                       \
    X("tanh", math_tanh)                                                                                     \
    X("trunc", math_trunc)

using UnaryOp = double (*)(double);
constexpr UnaryOp kUnaryOps[] = {
#define X(name, fn) fn,
    QJS_MATH_UNARY(X)
#undef X
};

// 21.3.2 Function Properties of the Math Object: the one-argument functions (magic = table index).
Value math_unary(Context& ctx, const CallArgs& args) {
    const Value& x = args.arg(0);
    // Fast path: an int32 argument needs no conversion.
    double n = x.is_int32() ? static_cast<double>(x.as_int32()) : TRY(to_number(ctx, x));
    return Value::number(kUnaryOps[args.magic](n));
}

// 21.3.2.8 Math.atan2 (#sec-math.atan2). C's atan2 implements exactly the spec's case table
// (signed zeros and infinities included).
Value math_atan2(Context& ctx, const CallArgs& args) {
    // 1. Let ny be ? ToNumber(y). 2. Let nx be ? ToNumber(x).
    double ny = TRY(to_number(ctx, args.arg(0)));
    double nx = TRY(to_number(ctx, args.arg(1)));
    return Value::number(std::atan2(ny, nx));
}

// 6.1.6.1.3 Number::exponentiate (#sec-numeric-types-number-exponentiate): differs from C pow
// where the exponent is NaN or |base| is 1 with an infinite exponent (both NaN in JS).
double number_exponentiate(double base, double exponent) {
    if (std::isnan(exponent)) return kNaN;
    if (std::isinf(exponent) && std::fabs(base) == 1) return kNaN;
    return std::pow(base, exponent);
}

// 21.3.2.26 Math.pow (#sec-math.pow)
Value math_pow(Context& ctx, const CallArgs& args) {
    // 1. Set base to ? ToNumber(base). 2. Set exponent to ? ToNumber(exponent).
    double base = TRY(to_number(ctx, args.arg(0)));
    double exponent = TRY(to_number(ctx, args.arg(1)));
    // 3. Return Number::exponentiate(base, exponent).
    return Value::number(number_exponentiate(base, exponent));
}

// 21.3.2.11 Math.clz32 (#sec-math.clz32)
Value math_clz32(Context& ctx, const CallArgs& args) {
    // 1. Let n be ? ToUint32(x).
    uint32_t n = TRY(to_uint32(ctx, args.arg(0)));
    // 2. Let p be the number of leading zero bits in the unsigned 32-bit binary representation of n.
    return Value::int32(n == 0 ? 32 : __builtin_clz(n));
}

// 21.3.2.19 Math.imul (#sec-math.imul)
Value math_imul(Context& ctx, const CallArgs& args) {
    // 1. Let a be ℝ(? ToUint32(x)). 2. Let b be ℝ(? ToUint32(y)).
    uint32_t a = TRY(to_uint32(ctx, args.arg(0)));
    uint32_t b = TRY(to_uint32(ctx, args.arg(1)));
    // 3. Let product be (a × b) modulo 2^32. 4. If product ≥ 2^31, return 𝔽(product - 2^32).
    return Value::int32(static_cast<int32_t>(a * b));
}

// 21.3.2.24 Math.max (#sec-math.max) and 21.3.2.25 Math.min (#sec-math.min); magic 1 = max.
Value math_min_max(Context& ctx, const CallArgs& args) {
    bool is_max = args.magic == 1;
    // Fast path: all arguments int32 (no coercion side effects, no NaN or -0).
    bool all_int = true;
    for (const Value& v : args.args) {
        if (!v.is_int32()) {
            all_int = false;
            break;
        }
    }
    if (all_int) {
        if (args.count() == 0) return Value::number(is_max ? -kInfinity : kInfinity);
        int32_t r = args.args[0].as_int32();
        for (const Value& v : args.args)
            r = is_max ? (v.as_int32() > r ? v.as_int32() : r) : (v.as_int32() < r ? v.as_int32() : r);
        return Value::int32(r);
    }
    // 1. Let coerced be ? ToNumber of every argument, in order (all are coerced even after a NaN).
    // 2. Let highest be -∞ (lowest be +∞ for min).
    double result = is_max ? -kInfinity : kInfinity;
    bool saw_nan = false;
    for (const Value& v : args.args) {
        double n = TRY(to_number(ctx, v));
        // 3.a. If number is NaN, return NaN (after the remaining coercions).
        if (std::isnan(n)) {
            saw_nan = true;
            continue;
        }
        if (is_max) {
            // 3.b-c. +0 is considered larger than -0.
            if (n > result || (n == 0 && result == 0 && !std::signbit(n))) result = n;
        } else {
            // -0 is considered smaller than +0.
            if (n < result || (n == 0 && result == 0 && std::signbit(n))) result = n;
        }
    }
    if (saw_nan) return Value::number(kNaN);
    return Value::number(result);
}

// 21.3.2.18 Math.hypot (#sec-math.hypot)
Value math_hypot(Context& ctx, const CallArgs& args) {
    // 1-2. Let coerced be the list of ? ToNumber(arg) for every argument (all coerced first).
    double small_buffer[8];
    Vector<double> big;
    double* coerced = small_buffer;
    if (args.count() > 8) {
        big.resize(args.count());
        coerced = big.data();
    }
    for (size_t i = 0; i < args.count(); i++)
        coerced[i] = TRY(to_number(ctx, args.args[i]));
    // 3. For each number of coerced, if number is ±∞, return +∞.
    // 4. Let onlyZero be true. 5. For each number: if NaN return NaN; if not ±0, onlyZero = false.
    bool saw_nan = false;
    double largest = 0;
    for (size_t i = 0; i < args.count(); i++) {
        double a = std::fabs(coerced[i]);
        if (std::isinf(a)) return Value::number(kInfinity);
        if (std::isnan(a))
            saw_nan = true;
        else if (a > largest)
            largest = a;
    }
    if (saw_nan) return Value::number(kNaN);
    // 6. If onlyZero is true, return +0.
    if (largest == 0) return Value::int32(0);
    // 7. An implementation-approximated square root of the sum of squares. Scaling by the largest
    // magnitude avoids overflow/underflow; compensated (Kahan) summation limits rounding error.
    if (args.count() == 2) return Value::number(std::hypot(coerced[0], coerced[1]));
    double sum = 0, compensation = 0;
    for (size_t i = 0; i < args.count(); i++) {
        double scaled = coerced[i] / largest;
        double term = scaled * scaled - compensation;
        double next = sum + term;
        compensation = (next - sum) - term;
        sum = next;
    }
    return Value::number(std::sqrt(sum) * largest);
}

// ---- Math.random ----
// xorshift128+, seeded per realm. The state lives in Math.random's own data slots (four int32
// values holding two 64-bit words) so that it is ordinary heap state a snapshot captures.

uint64_t splitmix64(uint64_t& x) {
    uint64_t z = (x += 0x9E3779B97F4A7C15ull);
    z = (z ^ (z >> 30)) * 0xBF58476D1CE4E5B9ull;
    z = (z ^ (z >> 27)) * 0x94D049BB133111EBull;
    return z ^ (z >> 31);
}

void store_u64(Value* slots, uint64_t v) {
    slots[0] = Value::int32(static_cast<int32_t>(static_cast<uint32_t>(v)));
    slots[1] = Value::int32(static_cast<int32_t>(static_cast<uint32_t>(v >> 32)));
}
uint64_t load_u64(const Value* slots) {
    return static_cast<uint64_t>(static_cast<uint32_t>(slots[0].as_int32())) |
           (static_cast<uint64_t>(static_cast<uint32_t>(slots[1].as_int32())) << 32);
}

// 21.3.2.27 Math.random (#sec-math.random)
Value math_random(Context&, const CallArgs& args) {
    Value* state = static_cast<NativeFunctionObject*>(args.callee)->data();
    uint64_t s1 = load_u64(state);
    const uint64_t s0 = load_u64(state + 2);
    s1 ^= s1 << 23;
    s1 ^= s1 >> 17;
    s1 ^= s0;
    s1 ^= s0 >> 26;
    store_u64(state, s0);
    store_u64(state + 2, s1);
    // 53 random bits scaled into [0, 1).
    uint64_t bits = (s0 + s1) >> 11;
    return Value::number(static_cast<double>(bits) * 0x1.0p-53);
}

// ---- Math.sumPrecise ----

// Shewchuk's exact summation with the overflow bookkeeping of the sumPrecise proposal: the
// partials are non-overlapping doubles whose exact sum plus `overflow` * 2^1024 is the exact
// running total.
class ExactSum {
  public:
    bool add(double x) {
        size_t used = 0;
        for (size_t i = 0; i < m_partials.size(); i++) {
            double y = m_partials[i];
            if (std::fabs(x) < std::fabs(y)) std::swap(x, y);
            double hi = x + y;
            if (std::isinf(hi)) {
                // Take 2^1024 out of x (in two exact halves) and count it in `overflow`.
                double sign = hi > 0 ? 1 : -1;
                m_overflow += static_cast<int64_t>(sign);
                x = (x - sign * 0x1.0p1023) - sign * 0x1.0p1023;
                if (std::fabs(x) < std::fabs(y)) std::swap(x, y);
                hi = x + y;
            }
            double lo = y - (hi - x);
            if (lo != 0) m_partials[used++] = lo;
            x = hi;
        }
        m_partials.resize(used);
        if (x != 0) m_partials.push_back(x);
        return true;
    }

    // The exact sum rounded to the nearest double (ties to even).
    double result() {
        constexpr double kMaxDouble = std::numeric_limits<double>::max();
        constexpr double kHalfMaxUlp = 0x1.0p970; // half of the ulp of the largest finite double
        ptrdiff_t n = static_cast<ptrdiff_t>(m_partials.size()) - 1;
        double hi = 0, lo = 0;
        if (m_overflow != 0) {
            double next = n >= 0 ? m_partials[n] : 0;
            --n;
            // The partials are smaller than 2^1024 in magnitude, so more than one unit of overflow,
            // or one with a same-signed remainder, is out of range.
            if (m_overflow > 1 || m_overflow < -1 || (m_overflow > 0 && next > 0) ||
                (m_overflow < 0 && next < 0))
                return m_overflow > 0 ? kInfinity : -kInfinity;
            // Halve everything so the arithmetic stays finite.
            double x = static_cast<double>(m_overflow) * 0x1.0p1023;
            double y = next / 2;
            hi = x + y;
            lo = y - (hi - x);
            lo *= 2;
            if (std::isinf(2 * hi)) {
                // Only 2^1024 - half an ulp can round down to the largest double, and only if the
                // rest of the sum pulls toward zero.
                if (hi > 0) {
                    if (hi == 0x1.0p1023 && lo == -kHalfMaxUlp && n >= 0 && m_partials[n] < 0)
                        return kMaxDouble;
                    return kInfinity;
                }
                if (hi == -0x1.0p1023 && lo == kHalfMaxUlp && n >= 0 && m_partials[n] > 0) return -kMaxDouble;
                return -kInfinity;
            }
            if (lo != 0) {
                m_partials[n + 1] = lo;
                ++n;
                lo = 0;
            }
            hi *= 2;
        }
        while (n >= 0) {
            double x = hi;
            double y = m_partials[n];
            --n;
            hi = x + y;
            lo = y - (hi - x);
            if (lo != 0) break;
        }
        // When the remainder is exactly half an ulp, the next partial decides the rounding.
        if (n >= 0 && ((lo < 0 && m_partials[n] < 0) || (lo > 0 && m_partials[n] > 0))) {
            double y = lo * 2;
            double x = hi + y;
            double yr = x - hi;
            if (y == yr) hi = x;
        }
        return hi;
    }

  private:
    Vector<double> m_partials;
    int64_t m_overflow = 0;
};

// 21.3.2.34 Math.sumPrecise (#sec-math.sumprecise)
Value math_sum_precise(Context& ctx, const CallArgs& args) {
    const Value& items = args.arg(0);
    // 1. Perform ? RequireObjectCoercible(items). 2. If items is not an Object, throw a TypeError.
    if (!items.is_object()) return ctx.throw_type_error("Math.sumPrecise argument is not an object");
    // 3. Let iteratorRecord be ? GetIterator(items, sync).
    IteratorRecord record = TRY(get_iterator(ctx, items));
    // 4. Let state be minus-zero. 5. Let sum be 0. 6. Let count be 0.
    enum class State { MinusZero, Finite, PlusInfinity, MinusInfinity, NotANumber } state = State::MinusZero;
    ExactSum sum;
    uint64_t count = 0;
    // 7-8. Repeat, while next is not done.
    for (;;) {
        Value next;
        bool has = TRY(iterator_step_value(ctx, record, &next));
        if (!has) break;
        // 8.b.i. Set count to count + 1.
        // 8.b.ii. If count ≥ 2^53, throw a RangeError (after closing the iterator).
        if (++count >= (1ull << 53)) {
            (void)ctx.throw_range_error("too many values");
            return iterator_close_with_throw(ctx, record);
        }
        // 8.b.iv. If next is not a Number, throw a TypeError (after closing the iterator).
        if (!next.is_number()) {
            (void)ctx.throw_type_error("Math.sumPrecise: value is not a number");
            return iterator_close_with_throw(ctx, record);
        }
        double n = next.as_number();
        // 8.b.v. If state is not not-a-number:
        if (state == State::NotANumber) continue;
        if (std::isnan(n)) {
            state = State::NotANumber;
        } else if (n == kInfinity) {
            state = state == State::MinusInfinity ? State::NotANumber : State::PlusInfinity;
        } else if (n == -kInfinity) {
            state = state == State::PlusInfinity ? State::NotANumber : State::MinusInfinity;
        } else if (!(n == 0 && std::signbit(n)) && (state == State::MinusZero || state == State::Finite)) {
            state = State::Finite;
            sum.add(n);
        }
    }
    // 9-12. The non-finite and minus-zero outcomes.
    switch (state) {
    case State::NotANumber: return Value::number(kNaN);
    case State::PlusInfinity: return Value::number(kInfinity);
    case State::MinusInfinity: return Value::number(-kInfinity);
    case State::MinusZero: return Value::number(-0.0);
    case State::Finite: break;
    }
    // 13. Return 𝔽(sum) (an exact zero is +0).
    double r = sum.result();
    return Value::number(r == 0 ? 0.0 : r);
}

// 21.3.1 Value Properties of the Math Object, 21.3.2 Function Properties (except random).
constexpr uint8_t kConstant = 0; // { [[Writable]]: false, [[Enumerable]]: false, [[Configurable]]: false }

enum : int16_t {
#define X(name, fn) kUnary_##fn,
    QJS_MATH_UNARY(X)
#undef X
};

const FunctionListEntry kMathFunctions[] = {
    QJS_PROP_DOUBLE("E", 2.7182818284590452354, kConstant),
    QJS_PROP_DOUBLE("LN10", 2.302585092994046, kConstant),
    QJS_PROP_DOUBLE("LN2", 0.6931471805599453, kConstant),
    QJS_PROP_DOUBLE("LOG10E", 0.4342944819032518, kConstant),
    QJS_PROP_DOUBLE("LOG2E", 1.4426950408889634, kConstant),
    QJS_PROP_DOUBLE("PI", 3.141592653589793, kConstant),
    QJS_PROP_DOUBLE("SQRT1_2", 0.7071067811865476, kConstant),
    QJS_PROP_DOUBLE("SQRT2", 1.4142135623730951, kConstant),
#define X(name, fn) QJS_FUNC_MAGIC(name, 1, math_unary, kUnary_##fn),
    QJS_MATH_UNARY(X)
#undef X
        QJS_FUNC("atan2", 2, math_atan2),
    QJS_FUNC("clz32", 1, math_clz32),
    QJS_FUNC("hypot", 2, math_hypot),
    QJS_FUNC("imul", 2, math_imul),
    QJS_FUNC_MAGIC("max", 2, math_min_max, 1),
    QJS_FUNC_MAGIC("min", 2, math_min_max, 0),
    QJS_FUNC("pow", 2, math_pow),
    QJS_FUNC("sumPrecise", 1, math_sum_precise),
    // 21.3.1.9 Math [ %Symbol.toStringTag% ] (#sec-math-%symbol.tostringtag%)
    QJS_PROP_STRING("[Symbol.toStringTag]", "Math", prop::Configurable),
};

} // namespace

// 21.3 The Math Object (#sec-math-object)
bool install_math(Context& ctx) {
    Value math = new_object(ctx);
    if (math.is_exception()) return false;
    Object* m = math.as_object();
    if (!define_function_list(ctx, m, kMathFunctions)) return false;

    // Math.random carries its generator state in four data slots.
    Atom random_name = ctx.rt().intern_ascii("random");
    if (!random_name) {
        (void)ctx.throw_out_of_memory();
        return false;
    }
    register_native(math_random, "random");
    Value random = new_native_function(ctx, math_random, random_name, 0, 0, 4);
    if (random.is_exception()) return false;
    uint64_t seed = static_cast<uint64_t>(std::chrono::steady_clock::now().time_since_epoch().count()) ^
                    static_cast<uint64_t>(std::chrono::system_clock::now().time_since_epoch().count()) ^
                    reinterpret_cast<uintptr_t>(&ctx);
    // Deterministic mode: the runtime's seed, varied per realm.
    if (ctx.rt().m_deterministic) seed = ctx.rt().m_random_seed + ctx.rt().m_contexts.size();
    Value* state = static_cast<NativeFunctionObject*>(random.as_object())->data();
    uint64_t s0 = splitmix64(seed), s1 = splitmix64(seed);
    if (s0 == 0 && s1 == 0) s1 = 1; // the all-zero state is a fixed point
    store_u64(state, s0);
    store_u64(state + 2, s1);
    if (!baseline_unrepeatable(ctx, random.as_object())) return false;
    if (!define_fresh_property(ctx, m, random_name, std::move(random), prop::Writable | prop::Configurable))
        return false;

    ctx.set_intrinsic(Intrinsic::Math, m);
    return define_fresh_property(ctx, ctx.global_object(), atoms::Math, std::move(math),
                                 prop::Writable | prop::Configurable);
}

} // namespace qjs
