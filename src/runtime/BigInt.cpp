// BigInt.cpp: arbitrary-precision integer arithmetic (6.1.6.2) on sign + magnitude (32-bit limbs).
#include "runtime/BigInt.h"

#include "base/Unicode.h"
#include "runtime/Context.h"
#include "runtime/Conversions.h"
#include "runtime/String.h"

#include <algorithm>
#include <cmath>
#include <cstring>

namespace qjs {

namespace {

using Mag = Vector<uint32_t>;
constexpr uint64_t kMaxBits = 1u << 30; // larger results throw RangeError

void normalize(Mag& m) {
    while (!m.empty() && m.back() == 0)
        m.pop_back();
}

const BigInt* as_big(const Value& v) {
    return v.as_bigint();
}

Mag magnitude(const Value& v) {
    const BigInt* b = as_big(v);
    return Mag(b->limbs(), b->limbs() + b->length());
}

Value make(Context& ctx, bool negative, Mag m) {
    normalize(m);
    if (m.size() * 32 > kMaxBits) return ctx.throw_range_error("Maximum BigInt size exceeded");
    BigInt* b = ctx.rt().new_cell<BigInt>(m.size() * sizeof(uint32_t), static_cast<uint32_t>(m.size()),
                                          negative && !m.empty());
    if (!b) return ctx.throw_out_of_memory();
    if (!m.empty()) std::memcpy(b->limbs(), m.data(), m.size() * sizeof(uint32_t));
    return Value::adopt(Tag::BigInt, b);
}

int compare_mag(const Mag& a, const Mag& b) {
    if (a.size() != b.size()) return a.size() < b.size() ? -1 : 1;
    for (size_t i = a.size(); i-- > 0;)
        if (a[i] != b[i]) return a[i] < b[i] ? -1 : 1;
    return 0;
}

Mag add_mag(const Mag& a, const Mag& b) {
    Mag r(std::max(a.size(), b.size()) + 1, 0);
    uint64_t carry = 0;
    for (size_t i = 0; i < r.size(); ++i) {
        uint64_t s = carry + (i < a.size() ? a[i] : 0) + (i < b.size() ? b[i] : 0);
        r[i] = static_cast<uint32_t>(s);
        carry = s >> 32;
    }
    normalize(r);
    return r;
}

Mag sub_mag(const Mag& a, const Mag& b) { // requires a >= b
    Mag r(a.size(), 0);
    int64_t borrow = 0;
    for (size_t i = 0; i < a.size(); ++i) {
        int64_t d = int64_t(a[i]) - (i < b.size() ? b[i] : 0) - borrow;
        borrow = d < 0;
        r[i] = static_cast<uint32_t>(d + (borrow ? (int64_t(1) << 32) : 0));
    }
    normalize(r);
    return r;
}

Mag mul_mag(const Mag& a, const Mag& b) {
    if (a.empty() || b.empty()) return {};
    Mag r(a.size() + b.size(), 0);
    for (size_t i = 0; i < a.size(); ++i) {
        uint64_t carry = 0;
        for (size_t j = 0; j < b.size(); ++j) {
            uint64_t t = uint64_t(a[i]) * b[j] + r[i + j] + carry;
            r[i + j] = static_cast<uint32_t>(t);
            carry = t >> 32;
        }
        r[i + b.size()] = static_cast<uint32_t>(carry);
    }
    normalize(r);
    return r;
}

uint32_t divmod_small(Mag& a, uint32_t d) { // a /= d, returns remainder
    uint64_t rem = 0;
    for (size_t i = a.size(); i-- > 0;) {
        uint64_t cur = (rem << 32) | a[i];
        a[i] = static_cast<uint32_t>(cur / d);
        rem = cur % d;
    }
    normalize(a);
    return static_cast<uint32_t>(rem);
}

void mul_add_small(Mag& a, uint32_t mul, uint32_t add) {
    uint64_t carry = add;
    for (uint32_t& limb : a) {
        uint64_t t = uint64_t(limb) * mul + carry;
        limb = static_cast<uint32_t>(t);
        carry = t >> 32;
    }
    if (carry) a.push_back(static_cast<uint32_t>(carry));
}

Mag shift_left_mag(const Mag& a, uint64_t bits) {
    if (a.empty()) return {};
    size_t words = bits / 32, rest = bits % 32;
    Mag r(a.size() + words + 1, 0);
    for (size_t i = 0; i < a.size(); ++i) {
        uint64_t v = uint64_t(a[i]) << rest;
        r[i + words] |= static_cast<uint32_t>(v);
        r[i + words + 1] |= static_cast<uint32_t>(v >> 32);
    }
    normalize(r);
    return r;
}

// Shifts right; *lost is set when nonzero bits were shifted out.
Mag shift_right_mag(const Mag& a, uint64_t bits, bool* lost) {
    size_t words = bits / 32, rest = bits % 32;
    *lost = false;
    if (words >= a.size()) {
        *lost = !a.empty();
        return {};
    }
    for (size_t i = 0; i < words; ++i)
        if (a[i]) *lost = true;
    if (rest && (a[words] & ((1u << rest) - 1))) *lost = true;
    Mag r(a.size() - words, 0);
    for (size_t i = 0; i < r.size(); ++i) {
        uint64_t v = a[i + words] >> rest;
        if (rest && i + words + 1 < a.size()) v |= uint64_t(a[i + words + 1]) << (32 - rest);
        r[i] = static_cast<uint32_t>(v);
    }
    normalize(r);
    return r;
}

// Knuth's algorithm D: q = a / b, r = a % b (b nonzero).
void divmod_mag(const Mag& a, const Mag& b, Mag& q, Mag& r) {
    if (compare_mag(a, b) < 0) {
        q.clear();
        r = a;
        return;
    }
    if (b.size() == 1) {
        q = a;
        uint32_t rem = divmod_small(q, b[0]);
        r.clear();
        if (rem) r.push_back(rem);
        return;
    }
    int s = __builtin_clz(b.back());
    Mag v = shift_left_mag(b, s), u = shift_left_mag(a, s);
    if (u.size() == a.size()) u.push_back(0);
    if (u.size() < a.size() + 1) u.resize(a.size() + 1, 0);
    size_t n = v.size(), m = u.size() - n;
    q.assign(m, 0);
    for (size_t j = m; j-- > 0;) {
        uint64_t num = (uint64_t(u[j + n]) << 32) | u[j + n - 1];
        uint64_t qhat = num / v[n - 1], rhat = num % v[n - 1];
        while (qhat > 0xffffffffull || qhat * v[n - 2] > ((rhat << 32) | u[j + n - 2])) {
            --qhat;
            rhat += v[n - 1];
            if (rhat > 0xffffffffull) break;
        }
        int64_t borrow = 0;
        uint64_t carry = 0;
        for (size_t i = 0; i < n; ++i) {
            uint64_t p = qhat * v[i] + carry;
            carry = p >> 32;
            int64_t t = int64_t(u[i + j]) - borrow - int64_t(p & 0xffffffffull);
            u[i + j] = static_cast<uint32_t>(t);
            borrow = t < 0 ? 1 : 0;
        }
        int64_t t = int64_t(u[j + n]) - borrow - int64_t(carry);
        u[j + n] = static_cast<uint32_t>(t);
        if (t < 0) {
            --qhat;
            uint64_t c = 0;
            for (size_t i = 0; i < n; ++i) {
                uint64_t sum = uint64_t(u[i + j]) + v[i] + c;
                u[i + j] = static_cast<uint32_t>(sum);
                c = sum >> 32;
            }
            u[j + n] += static_cast<uint32_t>(c);
        }
        q[j] = static_cast<uint32_t>(qhat);
    }
    normalize(q);
    u.resize(n);
    bool lost;
    r = shift_right_mag(u, s, &lost);
}

// Two's complement view with `n` limbs (n large enough to hold the sign).
Mag to_twos(const Value& v, size_t n) {
    Mag m = magnitude(v);
    m.resize(n, 0);
    if (as_big(v)->is_negative()) {
        uint64_t carry = 1;
        for (uint32_t& limb : m) {
            uint64_t t = uint64_t(~limb) + carry;
            limb = static_cast<uint32_t>(t);
            carry = t >> 32;
        }
    }
    return m;
}

Value from_twos(Context& ctx, Mag m) {
    bool negative = !m.empty() && (m.back() & 0x80000000u);
    if (negative) {
        uint64_t carry = 1;
        for (uint32_t& limb : m) {
            uint64_t t = uint64_t(~limb) + carry;
            limb = static_cast<uint32_t>(t);
            carry = t >> 32;
        }
    }
    return make(ctx, negative, std::move(m));
}

Value add_signed(Context& ctx, const Value& a, bool a_neg, const Value& b, bool b_neg) {
    Mag ma = magnitude(a), mb = magnitude(b);
    if (a_neg == b_neg) return make(ctx, a_neg, add_mag(ma, mb));
    int c = compare_mag(ma, mb);
    if (c == 0) return make(ctx, false, {});
    if (c > 0) return make(ctx, a_neg, sub_mag(ma, mb));
    return make(ctx, b_neg, sub_mag(mb, ma));
}

Value shift(Context& ctx, const Value& a, const Value& b, bool left) {
    const BigInt* sb = as_big(b);
    if (sb->is_negative()) left = !left;
    if (sb->length() > 2 || (sb->length() == 2 && sb->limbs()[1] > 0)) {
        // Shifting by >= 2^32 bits.
        if (left && !as_big(a)->is_zero()) return ctx.throw_range_error("Maximum BigInt size exceeded");
        if (left || !as_big(a)->is_negative()) return make(ctx, false, {});
        return bigint_from_int64(ctx, -1);
    }
    uint64_t bits = sb->length() ? sb->limbs()[0] : 0;
    if (left) {
        if (bits > kMaxBits) {
            if (as_big(a)->is_zero()) return make(ctx, false, {});
            return ctx.throw_range_error("Maximum BigInt size exceeded");
        }
        return make(ctx, as_big(a)->is_negative(), shift_left_mag(magnitude(a), bits));
    }
    bool lost;
    Mag r = shift_right_mag(magnitude(a), bits, &lost);
    if (as_big(a)->is_negative() && lost) r = add_mag(r, Mag{1}); // floor toward -infinity
    return make(ctx, as_big(a)->is_negative(), std::move(r));
}

} // namespace

Value bigint_from_int64(Context& ctx, int64_t v) {
    uint64_t mag = v < 0 ? uint64_t(0) - uint64_t(v) : uint64_t(v);
    Mag m{static_cast<uint32_t>(mag), static_cast<uint32_t>(mag >> 32)};
    return make(ctx, v < 0, std::move(m));
}

Value bigint_binary(Context& ctx, BigIntOp op, const Value& a, const Value& b) {
    const BigInt* x = as_big(a);
    const BigInt* y = as_big(b);
    switch (op) {
    case BigIntOp::Add: return add_signed(ctx, a, x->is_negative(), b, y->is_negative());
    case BigIntOp::Sub: return add_signed(ctx, a, x->is_negative(), b, !y->is_negative());
    case BigIntOp::Mul: {
        if (uint64_t(x->length() + y->length()) * 32 > kMaxBits + 64)
            return ctx.throw_range_error("Maximum BigInt size exceeded");
        return make(ctx, x->is_negative() != y->is_negative(), mul_mag(magnitude(a), magnitude(b)));
    }
    case BigIntOp::Div:
    case BigIntOp::Mod: {
        if (y->is_zero()) return ctx.throw_range_error("Division by zero");
        Mag q, r;
        divmod_mag(magnitude(a), magnitude(b), q, r);
        // Division truncates toward zero; the remainder takes the dividend's sign.
        if (op == BigIntOp::Div) return make(ctx, x->is_negative() != y->is_negative(), std::move(q));
        return make(ctx, x->is_negative(), std::move(r));
    }
    case BigIntOp::Pow: {
        if (y->is_negative()) return ctx.throw_range_error("Exponent must be non-negative");
        if (y->is_zero()) return bigint_from_int64(ctx, 1);
        Mag base = magnitude(a);
        bool negative = x->is_negative() && (y->limbs()[0] & 1);
        if (base.size() == 1 && base[0] == 1) return make(ctx, negative, base);
        if (base.empty()) return make(ctx, false, {});
        if (y->length() > 1) return ctx.throw_range_error("Maximum BigInt size exceeded");
        uint64_t e = y->limbs()[0];
        uint64_t base_bits = base.size() * 32 - __builtin_clz(base.back());
        if ((base_bits - 1) * e > kMaxBits) return ctx.throw_range_error("Maximum BigInt size exceeded");
        Mag result{1};
        while (e) {
            if (e & 1) result = mul_mag(result, base);
            e >>= 1;
            if (e) base = mul_mag(base, base);
        }
        return make(ctx, negative, std::move(result));
    }
    case BigIntOp::ShiftLeft: return shift(ctx, a, b, true);
    case BigIntOp::ShiftRight: return shift(ctx, a, b, false);
    case BigIntOp::UnsignedShiftRight:
        return ctx.throw_type_error("BigInts have no unsigned right shift, use >> instead");
    case BigIntOp::And:
    case BigIntOp::Or:
    case BigIntOp::Xor: {
        size_t n = std::max(x->length(), y->length()) + 1;
        Mag ta = to_twos(a, n), tb = to_twos(b, n);
        for (size_t i = 0; i < n; ++i) {
            if (op == BigIntOp::And)
                ta[i] &= tb[i];
            else if (op == BigIntOp::Or)
                ta[i] |= tb[i];
            else
                ta[i] ^= tb[i];
        }
        return from_twos(ctx, std::move(ta));
    }
    }
    return Value();
}

Value bigint_negate(Context& ctx, const Value& v) {
    return make(ctx, !as_big(v)->is_negative(), magnitude(v));
}

Value bigint_bitwise_not(Context& ctx, const Value& v) {
    // ~x == -x - 1
    Value one = TRY(bigint_from_int64(ctx, 1));
    Value neg = TRY(bigint_negate(ctx, v));
    return bigint_binary(ctx, BigIntOp::Sub, neg, one);
}

Value bigint_increment(Context& ctx, const Value& v, int delta) {
    Value d = TRY(bigint_from_int64(ctx, delta));
    return bigint_binary(ctx, BigIntOp::Add, v, d);
}

// NumberToBigInt (#sec-numbertobigint): `d` must be an integral Number.
Value bigint_from_double(Context& ctx, double d) {
    if (!std::isfinite(d) || std::trunc(d) != d)
        return ctx.throw_range_error(
            "The number cannot be converted to a BigInt because it is not an integer");
    bool negative = d < 0;
    double a = std::fabs(d);
    if (a < 18446744073709551616.0) {
        uint64_t u = static_cast<uint64_t>(a);
        return make(ctx, negative, Mag{static_cast<uint32_t>(u), static_cast<uint32_t>(u >> 32)});
    }
    int exp;
    double frac = std::frexp(a, &exp); // a = frac * 2^exp, frac in [0.5, 1)
    uint64_t mant = static_cast<uint64_t>(std::ldexp(frac, 53));
    Mag m{static_cast<uint32_t>(mant), static_cast<uint32_t>(mant >> 32)};
    normalize(m);
    return make(ctx, negative, shift_left_mag(m, static_cast<uint64_t>(exp - 53)));
}

double bigint_to_double(const Value& v) {
    const BigInt* b = as_big(v);
    if (b->is_zero()) return 0;
    Mag m = magnitude(v);
    uint64_t bits = m.size() * 32 - __builtin_clz(m.back());
    double r;
    if (bits <= 64) {
        uint64_t u = m[0] | (m.size() > 1 ? uint64_t(m[1]) << 32 : 0);
        r = static_cast<double>(u);
    } else {
        // Keep the top 64 bits and fold everything below into a sticky bit: uint64 -> double
        // conversion then rounds to nearest-even exactly as the full value would.
        bool lost;
        Mag top = shift_right_mag(m, bits - 64, &lost);
        uint64_t u = top[0] | (top.size() > 1 ? uint64_t(top[1]) << 32 : 0);
        if (lost) u |= 1;
        r = std::ldexp(static_cast<double>(u), static_cast<int>(bits - 64));
    }
    return b->is_negative() ? -r : r;
}

uint64_t bigint_to_uint64(const Value& v) {
    const BigInt* b = as_big(v);
    uint64_t u =
        (b->length() > 0 ? b->limbs()[0] : 0) | (b->length() > 1 ? uint64_t(b->limbs()[1]) << 32 : 0);
    return b->is_negative() ? uint64_t(0) - u : u;
}

int64_t bigint_to_int64(const Value& v) {
    return static_cast<int64_t>(bigint_to_uint64(v));
}

// BigInt.asIntN / asUintN (#sec-bigint.asintn)
Value bigint_as_int_n(Context& ctx, uint64_t bits, const Value& v, bool is_signed) {
    if (bits == 0) return make(ctx, false, {});
    const BigInt* b = as_big(v);
    size_t n = std::max<size_t>(b->length() + 1, (bits + 31) / 32 + 1);
    if (bits > kMaxBits) {
        if (!is_signed && b->is_negative()) return ctx.throw_range_error("Maximum BigInt size exceeded");
        return v;
    }
    Mag t = to_twos(v, n);
    size_t words = bits / 32, rest = bits % 32;
    // Keep the low `bits` bits.
    for (size_t i = 0; i < t.size(); ++i) {
        if (i > words || (i == words && rest == 0))
            t[i] = 0;
        else if (i == words)
            t[i] &= (1u << rest) - 1;
    }
    if (is_signed) {
        // Sign-extend from bit bits-1.
        size_t sw = (bits - 1) / 32, sb = (bits - 1) % 32;
        if (t[sw] & (1u << sb)) {
            for (size_t i = 0; i < t.size(); ++i) {
                if (i > sw)
                    t[i] = 0xffffffffu;
                else if (i == sw && sb < 31)
                    t[i] |= ~((1u << (sb + 1)) - 1);
            }
            return from_twos(ctx, std::move(t));
        }
    }
    normalize(t);
    return make(ctx, false, std::move(t));
}

int bigint_compare(const Value& a, const Value& b) {
    const BigInt* x = as_big(a);
    const BigInt* y = as_big(b);
    if (x->is_negative() != y->is_negative()) return x->is_negative() ? -1 : 1;
    int c = compare_mag(magnitude(a), magnitude(b));
    return x->is_negative() ? -c : c;
}

int bigint_compare_number(const Value& a, double d) {
    if (std::isinf(d)) return d > 0 ? -1 : 1;
    double fl = std::floor(d);
    // Compare with floor(d) exactly; a non-integral d sits strictly above its floor.
    Runtime* rt = Runtime::current();
    (void)rt;
    const BigInt* x = as_big(a);
    bool d_neg = fl < 0;
    if (x->is_negative() != d_neg && !(x->is_zero() && fl == 0)) {
        if (x->is_zero()) return d_neg ? 1 : -1;
        return x->is_negative() ? -1 : 1;
    }
    double af = std::fabs(fl);
    Mag m;
    if (af < 18446744073709551616.0) {
        uint64_t u = static_cast<uint64_t>(af);
        m = Mag{static_cast<uint32_t>(u), static_cast<uint32_t>(u >> 32)};
        normalize(m);
    } else {
        int exp;
        double frac = std::frexp(af, &exp);
        uint64_t mant = static_cast<uint64_t>(std::ldexp(frac, 53));
        Mag mm{static_cast<uint32_t>(mant), static_cast<uint32_t>(mant >> 32)};
        normalize(mm);
        m = shift_left_mag(mm, static_cast<uint64_t>(exp - 53));
    }
    int c = compare_mag(magnitude(a), m);
    if (d_neg) c = -c;
    if (c == 0) return fl == d ? 0 : -1;
    return c;
}

bool bigint_is_zero(const Value& v) {
    return as_big(v)->is_zero();
}
bool bigint_equals(const Value& a, const Value& b) {
    return bigint_compare(a, b) == 0;
}
bool bigint_equals_number(const Value& big, double d) {
    if (std::isnan(d) || std::isinf(d)) return false;
    return bigint_compare_number(big, d) == 0;
}

Value bigint_to_string(Context& ctx, const Value& v, int radix) {
    const BigInt* b = as_big(v);
    if (b->is_zero()) return ctx.new_string("0");
    // Peel off chunks of digits with one small division each.
    uint32_t chunk = radix, digits_per_chunk = 1;
    while (uint64_t(chunk) * radix <= 0xffffffffull) {
        chunk *= radix;
        ++digits_per_chunk;
    }
    Mag m = magnitude(v);
    std::string out;
    while (!m.empty()) {
        uint32_t rem = divmod_small(m, chunk);
        for (uint32_t i = 0; i < digits_per_chunk; ++i) {
            if (m.empty() && rem == 0) break;
            out.push_back("0123456789abcdefghijklmnopqrstuvwxyz"[rem % radix]);
            rem /= radix;
        }
    }
    if (b->is_negative()) out.push_back('-');
    std::reverse(out.begin(), out.end());
    return ctx.new_string(out);
}

// Parses digits (separators '_' skipped) in a radix. false on an invalid digit.
static bool parse_digits(const char16_t* s, size_t n, int radix, Mag& m) {
    if (n == 0) return false;
    for (size_t i = 0; i < n; ++i) {
        char16_t c = s[i];
        if (c == '_') continue;
        int d = c >= '0' && c <= '9'   ? c - '0'
                : c >= 'a' && c <= 'z' ? c - 'a' + 10
                : c >= 'A' && c <= 'Z' ? c - 'A' + 10
                                       : 99;
        if (d >= radix) return false;
        mul_add_small(m, static_cast<uint32_t>(radix), static_cast<uint32_t>(d));
    }
    normalize(m);
    return true;
}

static int radix_prefix(const char16_t* s, size_t n) {
    if (n >= 2 && s[0] == '0') {
        switch (s[1]) {
        case 'x':
        case 'X': return 16;
        case 'o':
        case 'O': return 8;
        case 'b':
        case 'B': return 2;
        default: break;
        }
    }
    return 10;
}

Value bigint_from_literal(Context& ctx, const char16_t* digits, size_t length) {
    int radix = radix_prefix(digits, length);
    size_t skip = radix == 10 ? 0 : 2;
    Mag m;
    if (!parse_digits(digits + skip, length - skip, radix, m))
        return ctx.throw_syntax_error("invalid BigInt literal");
    return make(ctx, false, std::move(m));
}

// 7.1.14 StringToBigInt (#sec-stringtobigint)
Value string_to_bigint(Context& ctx, const Value& v) {
    String* s = v.as_string();
    Vector<char16_t> chars;
    for (uint32_t i = 0; i < s->length(); ++i)
        chars.push_back(s->at(i));
    size_t begin = 0, end = chars.size();
    auto space = [](char16_t c) { return unicode::is_space(c) || unicode::is_line_terminator(c); };
    while (begin < end && space(chars[begin]))
        ++begin;
    while (end > begin && space(chars[end - 1]))
        --end;
    if (begin == end) return make(ctx, false, {});
    const char16_t* p = chars.data() + begin;
    size_t n = end - begin;
    bool negative = false;
    int radix = radix_prefix(p, n);
    if (radix == 10 && (p[0] == '+' || p[0] == '-')) {
        negative = p[0] == '-';
        ++p;
        --n;
    } else if (radix != 10) {
        p += 2;
        n -= 2;
    }
    for (size_t i = 0; i < n; ++i)
        if (p[i] == '_') return Value(); // no separators in StringToBigInt
    Mag m;
    if (!parse_digits(p, n, radix, m)) return Value();
    return make(ctx, negative, std::move(m));
}

// The BigInt cases of IsLessThan (#sec-islessthan) on primitives px, py.
Value bigint_less_than(Context& ctx, const Value& px, const Value& py) {
    if (px.is_bigint() && py.is_string()) {
        Value ny = TRY(string_to_bigint(ctx, py));
        if (ny.is_undefined()) return Value();
        return Value::boolean(bigint_compare(px, ny) < 0);
    }
    if (px.is_string() && py.is_bigint()) {
        Value nx = TRY(string_to_bigint(ctx, px));
        if (nx.is_undefined()) return Value();
        return Value::boolean(bigint_compare(nx, py) < 0);
    }
    Value nx = TRY(to_numeric(ctx, px));
    Value ny = TRY(to_numeric(ctx, py));
    if (nx.is_bigint() && ny.is_bigint()) return Value::boolean(bigint_compare(nx, ny) < 0);
    if (nx.is_bigint()) {
        double d = ny.as_number();
        if (std::isnan(d)) return Value();
        return Value::boolean(bigint_compare_number(nx, d) < 0);
    }
    if (ny.is_bigint()) {
        double d = nx.as_number();
        if (std::isnan(d)) return Value();
        return Value::boolean(bigint_compare_number(ny, d) > 0);
    }
    double a = nx.as_number(), b = ny.as_number();
    if (std::isnan(a) || std::isnan(b)) return Value();
    return Value::boolean(a < b);
}

// 7.1.13 ToBigInt (#sec-tobigint)
Value to_bigint(Context& ctx, const Value& v) {
    Value prim = TRY(to_primitive(ctx, v, PreferredType::Number));
    switch (prim.tag()) {
    case Tag::BigInt: return prim;
    case Tag::Bool: return bigint_from_int64(ctx, prim.as_bool() ? 1 : 0);
    case Tag::String: {
        Value r = TRY(string_to_bigint(ctx, prim));
        if (r.is_undefined()) return ctx.throw_syntax_error("Cannot convert string to a BigInt");
        return r;
    }
    case Tag::Undefined:
    case Tag::Null: return ctx.throw_type_error("Cannot convert undefined or null to a BigInt");
    case Tag::Symbol: return ctx.throw_type_error("Cannot convert a Symbol to a BigInt");
    default: return ctx.throw_type_error("Cannot convert a Number to a BigInt");
    }
}

// A BigInt from an unsigned 64-bit integer (BigUint64Array elements, RawBytesToNumeric).
Value bigint_from_uint64(Context& ctx, uint64_t v) {
    Mag m{static_cast<uint32_t>(v), static_cast<uint32_t>(v >> 32)};
    return make(ctx, false, std::move(m));
}

} // namespace qjs
