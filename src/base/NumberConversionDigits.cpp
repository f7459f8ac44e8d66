// NumberConversionDigits.cpp: see NumberConversionDigits.h.
//
// Power table: entry e (kPowMin <= e <= kPowMax) is g(e) = floor(10^e * 2^(127 - fl2(e))) + 1
// with fl2(e) = floor(e * log2(10)), a 128-bit number in [2^127, 2^128) that overestimates 10^e
// (scaled) by at most one unit in its last place. The table is computed exactly with a small big
// integer on first use (about 10 KB of zero-initialized memory instead of 10 KB of data in the
// binary): 5^e for e >= 0, and floor(2^P / 5^j) by repeated exact division for e = -j < 0.
#include "base/NumberConversionDigits.h"

#include "base/Assert.h"

#include <bit>
#include <cmath>
#include <cstring>
#include <limits>

namespace qjs::numconv {

namespace {

using u128 = unsigned __int128;

// ---- a small fixed-capacity unsigned big integer (little-endian 32-bit limbs) ----

struct Big {
    // The widest operand is a comparison side in decimal_to_double: a 782-digit significand shifted
    // left by up to 1075 bits, about 3700 bits.
    static constexpr int kCap = 136;
    uint32_t w[kCap];
    int n = 0;

    void set(uint64_t v) {
        n = 0;
        for (; v; v >>= 32)
            w[n++] = uint32_t(v);
    }
    // this = this * m + a
    void mul_add(uint32_t m, uint32_t a) {
        uint64_t carry = a;
        for (int i = 0; i < n; i++) {
            uint64_t t = uint64_t(w[i]) * m + carry;
            w[i] = uint32_t(t);
            carry = t >> 32;
        }
        if (carry) {
            VERIFY(n < kCap);
            w[n++] = uint32_t(carry);
        }
    }
    void mul_pow5(int e) {
        constexpr uint32_t k5pow13 = 1220703125u;
        for (; e >= 13; e -= 13)
            mul_add(k5pow13, 0);
        uint32_t p = 1;
        for (; e > 0; e--)
            p *= 5;
        if (p != 1) mul_add(p, 0);
    }
    void add(const Big& o) {
        uint64_t carry = 0;
        int m = n > o.n ? n : o.n;
        for (int i = 0; i < m; i++) {
            uint64_t t = carry + (i < n ? w[i] : 0) + (i < o.n ? o.w[i] : 0);
            w[i] = uint32_t(t);
            carry = t >> 32;
        }
        n = m;
        if (carry) {
            VERIFY(n < kCap);
            w[n++] = uint32_t(carry);
        }
    }
    void mul_u64(uint64_t m) {
        if (m >> 32 == 0) return mul_add(uint32_t(m), 0);
        Big high = *this;
        high.mul_add(uint32_t(m >> 32), 0);
        high.shl(32);
        mul_add(uint32_t(m), 0);
        add(high);
    }
    void shl(int bits) {
        if (n == 0 || bits == 0) return;
        int limbs = bits / 32, r = bits % 32;
        VERIFY(n + limbs + 1 <= kCap);
        if (r) {
            w[n] = 0;
            for (int i = n; i > 0; i--)
                w[i] = (w[i] << r) | (w[i - 1] >> (32 - r));
            w[0] <<= r;
            if (w[n]) n++;
        }
        if (limbs) {
            std::memmove(w + limbs, w, size_t(n) * sizeof(uint32_t));
            std::memset(w, 0, size_t(limbs) * sizeof(uint32_t));
            n += limbs;
        }
    }
    // this = floor(this / d); returns the remainder.
    uint32_t div_small(uint32_t d) {
        uint64_t rem = 0;
        for (int i = n - 1; i >= 0; i--) {
            uint64_t cur = (rem << 32) | w[i];
            w[i] = uint32_t(cur / d);
            rem = cur % d;
        }
        while (n && !w[n - 1])
            n--;
        return uint32_t(rem);
    }
    int bit_length() const { return n ? n * 32 - std::countl_zero(w[n - 1]) : 0; }
    // The 32 bits starting at bit `pos` (which may be negative: zeros below bit 0).
    uint32_t bits32_at(int pos) const {
        int q = pos >= 0 ? pos / 32 : -((31 - pos) / 32);
        int r = pos - q * 32;
        auto limb = [&](int i) -> uint64_t { return i >= 0 && i < n ? w[i] : 0; };
        return uint32_t((limb(q) | (limb(q + 1) << 32)) >> r);
    }
};

int compare(const Big& a, const Big& b) {
    if (a.n != b.n) return a.n < b.n ? -1 : 1;
    for (int i = a.n - 1; i >= 0; i--)
        if (a.w[i] != b.w[i]) return a.w[i] < b.w[i] ? -1 : 1;
    return 0;
}

// ---- powers of ten ----

// floor(e * log2(10)), floor(q * log10(2)) and floor(q * log10(3/4 * 2)) as fixed-point products,
// exact over the ranges used here (checked against exact arithmetic for |e|, |q| <= 1100).
int floor_log2_pow10(int e) {
    return (e * 1741647) >> 19;
}
int floor_log10_pow2(int q) {
    return (q * 78913) >> 18;
}
int floor_log10_three_quarters_pow2(int q) {
    return (q * 1262611 - 524031) >> 22;
}

constexpr int kPowMin = -342; // decimal_to_double estimates 19 digits times 10^-342
constexpr int kPowMax = 324;
constexpr int kRecipBits = 960; // floor(2^960 / 5^342) still has more than 128 bits

struct Pow10Table {
    uint64_t hi[kPowMax - kPowMin + 1];
    uint64_t lo[kPowMax - kPowMin + 1];

    Pow10Table() {
        Big b;
        b.set(1);
        for (int e = 0; e <= kPowMax; e++) {
            if (e) b.mul_add(5, 0);
            store(e, b);
        }
        b.set(1);
        b.shl(kRecipBits);
        for (int j = 1; j <= -kPowMin; j++) {
            b.div_small(5);
            store(-j, b);
        }
    }
    // g(e) from the top 128 bits of 5^e (e >= 0) or of floor(2^P / 5^-e) (e < 0): both have the
    // bits of 10^e, and flooring a floor by a power of two composes.
    void store(int e, const Big& b) {
        int s = b.bit_length() - 128;
        uint64_t h = (uint64_t(b.bits32_at(s + 96)) << 32) | b.bits32_at(s + 64);
        uint64_t l = (uint64_t(b.bits32_at(s + 32)) << 32) | b.bits32_at(s);
        l++;
        if (l == 0) h++;
        hi[e - kPowMin] = h;
        lo[e - kPowMin] = l;
    }
};

const Pow10Table& pow10_table() {
    static const Pow10Table table;
    return table;
}

// Rounded-to-odd floor(g * cp / 2^128): the floor, with its lowest bit set when the product
// (without the low 64 bits of g.lo * cp, which only hold the error of g) is not an integer.
uint64_t round_to_odd(uint64_t g_hi, uint64_t g_lo, uint64_t cp) {
    u128 low = u128(g_lo) * cp;
    u128 z = u128(g_hi) * cp + uint64_t(low >> 64);
    return uint64_t(z >> 64) | (uint64_t(z) != 0 ? 1 : 0);
}

void strip_zeros(uint64_t& sig, int& exp10) {
    while (sig % 10 == 0) {
        sig /= 10;
        exp10++;
    }
}

void decompose(double v, uint64_t& c, int& q) {
    uint64_t bits = std::bit_cast<uint64_t>(v);
    int be = int(bits >> 52) & 0x7ff;
    c = bits & ((uint64_t(1) << 52) - 1);
    if (be) {
        c |= uint64_t(1) << 52;
        q = be - 1075;
    } else {
        q = -1074;
    }
}

} // namespace

void shortest_decimal(double v, uint64_t& sig, int& exp10) {
    uint64_t c;
    int q;
    decompose(v, c, q);
    // Integers below 2^53: the spacing of doubles is at most 1, so the integer itself (trailing
    // zeros dropped) is the shortest.
    if (q <= 0 && q > -53 && (c & ((uint64_t(1) << -q) - 1)) == 0) {
        sig = c >> -q;
        exp10 = 0;
        return strip_zeros(sig, exp10);
    }
    // The rounding interval of v is [c - 1/2, c + 1/2] * 2^q (closed when c is even), except at
    // a power of two where the lower neighbour is twice as close.
    bool irregular = c == (uint64_t(1) << 52) && q > -1074;
    int k = irregular ? floor_log10_three_quarters_pow2(q) : floor_log10_pow2(q);
    // Scaled by 10^-k, the interval is between 1 and 10 wide: it holds at least one integer and
    // at most one multiple of ten. h makes g(-k) * 2^h / 2^128 == 10^-k * 2^q (times 4).
    int h = q + floor_log2_pow10(-k) + 1;
    const Pow10Table& t = pow10_table();
    uint64_t g_hi = t.hi[-k - kPowMin], g_lo = t.lo[-k - kPowMin];
    uint64_t cb = c << 2;
    uint64_t vb = round_to_odd(g_hi, g_lo, cb << h);                          // 4 * v * 10^-k
    uint64_t vbl = round_to_odd(g_hi, g_lo, (cb - (irregular ? 1 : 2)) << h); // lower end
    uint64_t vbr = round_to_odd(g_hi, g_lo, (cb + 2) << h);                   // upper end
    uint64_t open = c & 1; // an odd c excludes the ends (they read back as the even neighbour)
    uint64_t s = vb >> 2;  // floor(v * 10^-k)
    exp10 = k;
    if (s >= 10) { // a multiple of ten in the interval is shorter than anything else there
        uint64_t sp10 = s / 10 * 10, tp10 = sp10 + 10;
        bool low_in = vbl + open <= sp10 << 2;
        bool high_in = (tp10 << 2) + open <= vbr;
        if (low_in != high_in) {
            sig = low_in ? sp10 : tp10;
            return strip_zeros(sig, exp10);
        }
    }
    uint64_t t1 = s + 1;
    bool low_in = vbl + open <= s << 2;
    bool high_in = (t1 << 2) + open <= vbr;
    if (low_in != high_in) {
        sig = low_in ? s : t1;
    } else { // both in: the nearer one, ties to even
        int64_t cmp = int64_t(vb - ((s + t1) << 1));
        sig = cmp < 0 || (cmp == 0 && (s & 1) == 0) ? s : t1;
    }
    strip_zeros(sig, exp10);
}

int exact_decimal(double v, char* out, int& point) {
    uint64_t c;
    int q;
    decompose(v, c, q);
    int tz = std::countr_zero(c);
    c >>= tz;
    q += tz;
    Big b;
    b.set(c);
    int frac_digits = 0;
    if (q >= 0) {
        b.shl(q);
    } else { // c * 2^q == c * 5^-q / 10^-q
        b.mul_pow5(-q);
        frac_digits = -q;
    }
    // Nine digits at a time from the low end, written backwards.
    char tmp[kExactDigitsMax + 16];
    int pos = int(sizeof tmp);
    while (b.n) {
        uint32_t chunk = b.div_small(1000000000u);
        for (int i = 0; i < 9; i++) {
            tmp[--pos] = char('0' + chunk % 10);
            chunk /= 10;
        }
    }
    while (tmp[pos] == '0')
        pos++;
    int n = int(sizeof tmp) - pos;
    point = n - frac_digits;
    while (tmp[pos + n - 1] == '0')
        n--;
    std::memcpy(out, tmp + pos, size_t(n));
    return n;
}

double decimal_to_double(const char* d, int nd, int64_t dexp) {
    constexpr double kInf = std::numeric_limits<double>::infinity();
    // D * 10^dexp lies in [10^(mag-1), 10^mag).
    int64_t mag = nd + dexp;
    if (mag > 310) return kInf;  // >= 10^310
    if (mag <= -324) return 0.0; // < 10^-324, below half the smallest subnormal
    int e = int(dexp);
    int wn = nd < 19 ? nd : 19;
    uint64_t w = 0;
    for (int i = 0; i < wn; i++)
        w = w * 10 + uint64_t(d[i] - '0');
    bool truncated = false;
    for (int i = wn; i < nd && !truncated; i++)
        truncated = d[i] != '0';
    int E = e + (nd - wn); // value ~ w * 10^E, E in [-342, 310]
    // Exact operands, one correctly rounded operation.
    static constexpr double kExactPow10[] = {1e0,  1e1,  1e2,  1e3,  1e4,  1e5,  1e6,  1e7,
                                             1e8,  1e9,  1e10, 1e11, 1e12, 1e13, 1e14, 1e15,
                                             1e16, 1e17, 1e18, 1e19, 1e20, 1e21, 1e22};
    if (!truncated && w < (uint64_t(1) << 53) && E >= -22 && E <= 22)
        return E < 0 ? double(w) / kExactPow10[-E] : double(w) * kExactPow10[E];

    // Estimate: w * g(E) keeps the top 64 bits as T, value ~ T * 2^z. The true value lies in
    // (T - 1, T + 21) * 2^z: g is at most one unit high, two truncated products lose less than
    // one unit each, and the digits cut after the 19th add less than 10^-18 relative.
    const Pow10Table& t = pow10_table();
    uint64_t g_hi = t.hi[E - kPowMin], g_lo = t.lo[E - kPowMin];
    int s = std::countl_zero(w);
    uint64_t wn_bits = w << s;
    u128 low = u128(wn_bits) * g_lo;
    u128 mid = u128(wn_bits) * g_hi + uint64_t(low >> 64);
    int z = 64 + floor_log2_pow10(E) - 127 - s;
    uint64_t top64;
    if (mid >> 127) {
        top64 = uint64_t(mid >> 64);
        z += 64;
    } else {
        top64 = uint64_t(mid >> 63);
        z += 63;
    }
    int binary_exp = 63 + z;
    if (binary_exp >= -1022 && binary_exp <= 1023) {
        uint64_t r = top64 & 0x7ff; // the 11 bits below the 53-bit significand
        if (r + 24 < 0x400 || r > 0x401) {
            uint64_t m = (top64 >> 11) + (r > 0x400 ? 1 : 0);
            return std::ldexp(double(m), z + 11);
        }
    }

    // Too close to a halfway point, or subnormal: compare exactly. value = L * 2^l2 / r5. The
    // candidate is within a few units of the value, so both sides of a comparison have about the
    // same width after the shift: at most about 2620 bits (a 782-digit significand, or 2^54 times
    // 5^1105 for the smallest exponent).
    Big L;
    L.set(0);
    for (int i = 0; i < nd;) {
        uint32_t chunk = 0, scale = 1;
        for (int j = 0; j < 9 && i < nd; j++, i++) {
            chunk = chunk * 10 + uint32_t(d[i] - '0');
            scale *= 10;
        }
        L.mul_add(scale, chunk);
    }
    int l2 = e; // 10^e == 5^e * 2^e
    if (e > 0) L.mul_pow5(e);
    Big r5;
    r5.set(1);
    if (e < 0) r5.mul_pow5(-e);
    // Sign of value - (upper halfway point between x and its successor).
    auto cmp_halfway = [&](double x) {
        uint64_t c;
        int q;
        decompose(x, c, q);
        Big r = r5;
        r.mul_u64(2 * c + 1); // halfway == (2c + 1) * 2^(q - 1)
        int diff = (q - 1) - l2;
        if (diff >= 0) {
            r.shl(diff);
            return compare(L, r);
        }
        Big ls = L;
        ls.shl(-diff);
        return compare(ls, r);
    };
    auto next_up = [](double x) { return std::bit_cast<double>(std::bit_cast<uint64_t>(x) + 1); };
    auto is_even = [](double x) { return (std::bit_cast<uint64_t>(x) & 1) == 0; };
    double x = std::ldexp(double(top64), z);
    if (x > std::numeric_limits<double>::max()) x = std::numeric_limits<double>::max();
    for (;;) { // the estimate is within a few units, so this takes only a few steps
        int c = cmp_halfway(x);
        if (c > 0) {
            x = next_up(x); // past DBL_MAX this is infinity, the correct result
            if (x == kInf) return x;
            continue;
        }
        if (c == 0) return is_even(x) ? x : next_up(x);
        if (x == 0) return x;
        double prev = std::bit_cast<double>(std::bit_cast<uint64_t>(x) - 1);
        int c2 = cmp_halfway(prev);
        if (c2 < 0) {
            x = prev;
            continue;
        }
        if (c2 == 0) return is_even(prev) ? prev : x;
        return x;
    }
}

} // namespace qjs::numconv
