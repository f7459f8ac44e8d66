// NumberConversion.cpp: see NumberConversion.h.
//
// Digit generation is the engine's own (NumberConversionDigits.h): the shortest round-trip
// digits Number::toString needs, and the complete decimal expansion of any double (at most 767
// significant digits), which the toFixed/toExponential/toPrecision paths then round half-up
// themselves as the spec requires. Decimal parsing ends in numconv::decimal_to_double.
#include "base/NumberConversion.h"

#include "base/NumberConversionDigits.h"
#include "base/Unicode.h"

#include <bit>
#include <cmath>
#include <cstring>
#include <limits>

namespace qjs {

namespace {

constexpr double kNaN = std::numeric_limits<double>::quiet_NaN();
constexpr double kInf = std::numeric_limits<double>::infinity();

size_t copy_str(char* out, const char* s) {
    size_t n = std::strlen(s);
    std::memcpy(out, s, n);
    return n;
}

// Writes a non-negative decimal integer; returns bytes written.
size_t write_uint(char* out, uint64_t v) {
    char tmp[24];
    size_t n = 0;
    do {
        tmp[n++] = char('0' + v % 10);
        v /= 10;
    } while (v);
    for (size_t i = 0; i < n; i++)
        out[i] = tmp[n - 1 - i];
    return n;
}

// Writes "e+5" / "e-7" style exponent suffixes.
size_t write_exponent(char* out, int e) {
    out[0] = 'e';
    out[1] = e < 0 ? '-' : '+';
    return 2 + write_uint(out + 2, uint64_t(e < 0 ? -e : e));
}

// Significant digits of a positive finite double: value = 0.d1d2...dn * 10^(point)
// i.e. `point` is the spec's n (position of the decimal point relative to the digits).
struct Digits {
    char d[numconv::kExactDigitsMax];
    int count;
    int point;
};

// Shortest round-trip digits (positive finite v).
void shortest_digits(double v, Digits& out) {
    uint64_t sig;
    int exp10;
    numconv::shortest_decimal(v, sig, exp10);
    char tmp[20];
    int n = 0;
    for (; sig; sig /= 10)
        tmp[n++] = char('0' + sig % 10);
    for (int i = 0; i < n; i++)
        out.d[i] = tmp[n - 1 - i];
    out.count = n;
    out.point = n + exp10;
}

// The exact decimal expansion (positive finite v).
void exact_digits(double v, Digits& out) {
    out.count = numconv::exact_decimal(v, out.d, out.point);
}

// Rounds the exact digits `in` half-up to `keep` significant digits (keep >= 0), written to
// `out` (zero-padded). Returns true on carry out of the first digit, in which case `out` holds
// "1" followed by `keep` zeros (keep + 1 digits) and the magnitude grew by one power of ten.
bool round_half_up(const Digits& in, int keep, char* out) {
    for (int i = 0; i < keep; i++)
        out[i] = i < in.count ? in.d[i] : '0';
    // Half-up needs only the first dropped digit: the exact tail decides nothing more.
    bool up = keep < in.count && in.d[keep] >= '5';
    if (!up) return false;
    for (int i = keep - 1; i >= 0; i--) {
        if (out[i] != '9') {
            out[i]++;
            return false;
        }
        out[i] = '0';
    }
    out[0] = '1';
    for (int i = 1; i <= keep; i++)
        out[i] = '0';
    return true;
}

size_t nonfinite_to_string(double v, char* buf) {
    if (std::isnan(v)) return copy_str(buf, "NaN");
    return copy_str(buf, v < 0 ? "-Infinity" : "Infinity");
}

// ---- parsing helpers ----

template <typename Char> bool is_str_whitespace(Char c) {
    uint32_t u = uint32_t(c);
    if (u < 0x80) return u == ' ' || (u >= 9 && u <= 13);
    return unicode::is_space(u) || unicode::is_line_terminator(u);
}

template <typename Char> int digit_value(Char c) {
    uint32_t u = uint32_t(c);
    if (u >= '0' && u <= '9') return int(u - '0');
    u |= 0x20;
    if (u >= 'a' && u <= 'z') return int(u - 'a' + 10);
    return 99;
}

template <typename Char> bool is_dec(Char c) {
    return uint32_t(c) >= '0' && uint32_t(c) <= '9';
}

template <typename Char> bool matches_ascii(const Char* p, const Char* end, const char* lit) {
    size_t n = std::strlen(lit);
    if (size_t(end - p) < n) return false;
    for (size_t i = 0; i < n; i++)
        if (uint32_t(p[i]) != uint32_t(uint8_t(lit[i]))) return false;
    return true;
}

// Longest StrUnsignedDecimalLiteral prefix (without "Infinity"): returns its end, or `p` if
// there is none.
template <typename Char> const Char* scan_decimal(const Char* p, const Char* end) {
    const Char* q = p;
    bool any = false;
    while (q < end && is_dec(*q))
        q++, any = true;
    if (q < end && *q == '.') {
        const Char* f = q + 1;
        while (f < end && is_dec(*f))
            f++, any = true;
        if (!any) return p; // lone "."
        q = f;
    }
    if (!any) return p;
    if (q < end && (*q == 'e' || *q == 'E')) {
        const Char* e = q + 1;
        if (e < end && (*e == '+' || *e == '-')) e++;
        if (e < end && is_dec(*e)) {
            while (e < end && is_dec(*e))
                e++;
            q = e;
        }
    }
    return q;
}

// Correctly rounded value of a validated unsigned decimal literal (digits, '.', exponent);
// '_' characters are ignored. Only the first kMaxDigits significant digits are kept plus a
// sticky nonzero digit: halfway points between doubles have at most 767 significant digits, so
// this never changes the rounding.
template <typename Char> double decimal_to_double(const Char* p, const Char* end) {
    constexpr int kMaxDigits = 780;
    char buf[kMaxDigits + 1];
    int nd = 0;
    bool sticky = false;
    int64_t dexp = 0;
    bool in_fraction = false;
    for (; p < end; p++) {
        uint32_t c = uint32_t(*p);
        if (c == '_') continue;
        if (c == '.') {
            in_fraction = true;
            continue;
        }
        if (c == 'e' || c == 'E') break;
        if (nd == 0 && c == '0') {
            if (in_fraction) dexp--;
            continue;
        }
        if (nd < kMaxDigits) {
            buf[nd++] = char(c);
            if (in_fraction) dexp--;
        } else {
            if (c != '0') sticky = true;
            if (!in_fraction) dexp++;
        }
    }
    if (nd == 0) return 0.0;
    if (sticky) {
        buf[nd++] = '1';
        dexp--;
    }
    if (p < end) { // exponent part
        p++;
        bool neg = false;
        if (p < end && (*p == '+' || *p == '-')) neg = *p++ == '-';
        int64_t e = 0;
        for (; p < end; p++) {
            if (*p == '_') continue;
            if (e < 1000000000) e = e * 10 + (uint32_t(*p) - '0');
        }
        dexp += neg ? -e : e;
    }
    // Far outside the double range the answer is fixed (and the exponent stays small).
    if (dexp + nd > 400) return kInf;
    if (dexp + nd < -400) return 0.0;
    return numconv::decimal_to_double(buf, nd, dexp);
}

// Rounds m * 2^extra to the nearest double (ties to even); `sticky` says nonzero bits were
// dropped below m, which only matters when m has more than 53 significant bits.
double round_to_double(uint64_t m, int64_t extra, bool sticky) {
    int bits = std::bit_width(m);
    if (bits <= 53) return std::ldexp(double(m), int(extra)); // exact
    int s = bits - 53;
    uint64_t top = m >> s;
    uint64_t rem = m & ((uint64_t(1) << s) - 1);
    uint64_t half = uint64_t(1) << (s - 1);
    if (rem > half || (rem == half && (sticky || (top & 1)))) top++;
    int64_t e = s + extra;
    if (e > 2000) return kInf;
    return std::ldexp(double(top), int(e));
}

// Correctly rounded value of digits in radix 2^shift; all must be valid digits or '_'. Keeps
// up to 64 significant bits plus a sticky bit for the rest.
template <typename Char> double pow2_digits_to_double(const Char* p, const Char* end, int shift) {
    uint64_t m = 0;
    int64_t extra = 0;
    bool sticky = false;
    for (; p < end; p++) {
        if (*p == '_') continue;
        uint64_t d = uint64_t(digit_value(*p));
        if (m == 0 && d == 0) continue;
        if ((m >> (64 - shift)) == 0) {
            m = (m << shift) | d;
        } else {
            extra += shift;
            if (d) sticky = true;
        }
    }
    return round_to_double(m, extra, sticky);
}

// Correctly rounded value of valid digits in any radix, computed exactly in a fixed-size big
// integer: anything wider than 36 * 32 bits is far above the largest double anyway.
template <typename Char> double generic_digits_to_double(const Char* p, const Char* end, int radix) {
    constexpr int kLimbs = 36;
    uint32_t limb[kLimbs]; // little-endian
    int n = 0;
    for (; p < end; p++) {
        uint64_t carry = uint64_t(digit_value(*p));
        for (int i = 0; i < n; i++) {
            uint64_t t = uint64_t(limb[i]) * uint64_t(radix) + carry;
            limb[i] = uint32_t(t);
            carry = t >> 32;
        }
        if (carry) {
            if (n == kLimbs) return kInf;
            limb[n++] = uint32_t(carry);
        }
    }
    if (n == 0) return 0.0;
    if (n <= 2) return round_to_double(n == 2 ? (uint64_t(limb[1]) << 32) | limb[0] : limb[0], 0, false);
    // Top 64 bits come from the three highest limbs; the rest only contribute stickiness.
    int lead = std::countl_zero(limb[n - 1]);
    uint64_t top96_hi = (uint64_t(limb[n - 1]) << 32) | limb[n - 2];
    uint64_t m = lead == 0 ? top96_hi : (top96_hi << lead) | (limb[n - 3] >> (32 - lead));
    bool sticky = lead != 0 && (limb[n - 3] << lead) != 0;
    if (lead == 0 && limb[n - 3] != 0) sticky = true;
    for (int i = 0; i < n - 3 && !sticky; i++)
        sticky = limb[i] != 0;
    int64_t extra = int64_t(n - 2) * 32 - lead;
    return round_to_double(m, extra, sticky);
}

template <typename Char> double digits_to_double(const Char* p, const Char* end, int radix) {
    switch (radix) {
    case 2: return pow2_digits_to_double(p, end, 1);
    case 4: return pow2_digits_to_double(p, end, 2);
    case 8: return pow2_digits_to_double(p, end, 3);
    case 16: return pow2_digits_to_double(p, end, 4);
    case 32: return pow2_digits_to_double(p, end, 5);
    case 10: return decimal_to_double(p, end);
    default: return generic_digits_to_double(p, end, radix);
    }
}

template <typename Char> double string_to_number_impl(const Char* s, size_t len) {
    const Char* p = s;
    const Char* end = s + len;
    while (p < end && is_str_whitespace(*p))
        p++;
    while (end > p && is_str_whitespace(end[-1]))
        end--;
    if (p == end) return 0.0;
    if (end - p > 2 && p[0] == '0') {
        int radix = 0;
        switch (uint32_t(p[1]) | 0x20) {
        case 'x': radix = 16; break;
        case 'o': radix = 8; break;
        case 'b': radix = 2; break;
        }
        if (radix) {
            for (const Char* q = p + 2; q < end; q++)
                if (digit_value(*q) >= radix) return kNaN;
            return digits_to_double(p + 2, end, radix);
        }
    }
    bool neg = false;
    if (*p == '+' || *p == '-') neg = *p++ == '-';
    double v;
    if (matches_ascii(p, end, "Infinity") && end - p == 8) {
        v = kInf;
    } else {
        if (scan_decimal(p, end) != end || p == end) return kNaN;
        v = decimal_to_double(p, end);
    }
    return neg ? -v : v;
}

template <typename Char> double parse_int_impl(const Char* s, size_t len, int32_t radix) {
    const Char* p = s;
    const Char* end = s + len;
    while (p < end && is_str_whitespace(*p))
        p++;
    bool neg = false;
    if (p < end && (*p == '+' || *p == '-')) neg = *p++ == '-';
    bool strip_prefix = true;
    if (radix != 0) {
        if (radix < 2 || radix > 36) return kNaN;
        if (radix != 16) strip_prefix = false;
    } else {
        radix = 10;
    }
    if (strip_prefix && end - p >= 2 && p[0] == '0' && (uint32_t(p[1]) | 0x20) == 'x') {
        p += 2;
        radix = 16;
    }
    const Char* q = p;
    while (q < end && digit_value(*q) < radix)
        q++;
    if (q == p) return kNaN;
    double v = digits_to_double(p, q, radix);
    return neg ? -v : v;
}

template <typename Char> double parse_float_impl(const Char* s, size_t len) {
    const Char* p = s;
    const Char* end = s + len;
    while (p < end && is_str_whitespace(*p))
        p++;
    bool neg = false;
    if (p < end && (*p == '+' || *p == '-')) neg = *p++ == '-';
    double v;
    if (matches_ascii(p, end, "Infinity")) {
        v = kInf;
    } else {
        const Char* q = scan_decimal(p, end);
        if (q == p) return kNaN;
        v = decimal_to_double(p, q);
    }
    return neg ? -v : v;
}

} // namespace

size_t int32_to_string(int32_t v, char* buf) {
    if (v < 0) {
        buf[0] = '-';
        return 1 + write_uint(buf + 1, uint64_t(-int64_t(v)));
    }
    return write_uint(buf, uint64_t(v));
}

size_t number_to_string(double v, char* buf) {
    if (!std::isfinite(v)) return nonfinite_to_string(v, buf);
    if (v == 0) {
        buf[0] = '0';
        return 1;
    }
    if (v >= -2147483648.0 && v <= 2147483647.0 && v == double(int32_t(v)))
        return int32_to_string(int32_t(v), buf);
    char* out = buf;
    if (v < 0) {
        *out++ = '-';
        v = -v;
    }
    Digits dg;
    shortest_digits(v, dg);
    int k = dg.count, n = dg.point;
    if (k <= n && n <= 21) { // integer: digits then n - k zeros
        std::memcpy(out, dg.d, size_t(k));
        out += k;
        for (int i = k; i < n; i++)
            *out++ = '0';
    } else if (0 < n && n <= 21) { // point inside the digits
        std::memcpy(out, dg.d, size_t(n));
        out += n;
        *out++ = '.';
        std::memcpy(out, dg.d + n, size_t(k - n));
        out += k - n;
    } else if (-6 < n && n <= 0) { // 0.000ddd
        *out++ = '0';
        *out++ = '.';
        for (int i = 0; i < -n; i++)
            *out++ = '0';
        std::memcpy(out, dg.d, size_t(k));
        out += k;
    } else { // exponential
        *out++ = dg.d[0];
        if (k > 1) {
            *out++ = '.';
            std::memcpy(out, dg.d + 1, size_t(k - 1));
            out += k - 1;
        }
        out += write_exponent(out, n - 1);
    }
    return size_t(out - buf);
}

size_t number_to_string_radix(double v, int radix, char* buf, size_t cap) {
    char tmp[kRadixBufferSize];
    size_t len;
    if (radix == 10 || !std::isfinite(v) || v == 0) {
        len = number_to_string(v, tmp);
    } else {
        static const char kDigitChars[] = "0123456789abcdefghijklmnopqrstuvwxyz";
        bool neg = v < 0;
        if (neg) v = -v;
        double ip = std::floor(v);
        double frac = v - ip;
        // Fraction digits. `delta` is half the distance to the next double, scaled along with
        // the fraction: once the remainder is below it, any continuation reads back as v.
        char fdig[kRadixBufferSize];
        int fn = 0;
        double delta = 0.5 * (std::nextafter(v, kInf) - v);
        if (delta < std::nextafter(0.0, 1.0)) delta = std::nextafter(0.0, 1.0);
        if (frac >= delta) {
            do {
                frac *= radix;
                delta *= radix;
                int digit = int(frac);
                fdig[fn++] = char(digit);
                frac -= digit;
                // Round the last digit to nearest (ties to even digit) when stopping here.
                if (frac > 0.5 || (frac == 0.5 && (digit & 1))) {
                    if (frac + delta > 1) {
                        for (;;) {
                            fn--;
                            if (fn < 0) { // carried into the integral part
                                ip += 1;
                                fn = 0;
                                break;
                            }
                            if (fdig[fn] + 1 < radix) {
                                fdig[fn]++;
                                fn++;
                                break;
                            }
                        }
                        break;
                    }
                }
            } while (frac >= delta && fn < int(kRadixBufferSize) - 8);
        }
        // Integral digits, written backwards. Above 2^53 * radix the division would be
        // inexact, so those low digits are emitted as zeros.
        char idig[kRadixBufferSize];
        int in = 0;
        while (ip / radix >= 9007199254740992.0) {
            ip /= radix;
            idig[in++] = '0';
        }
        do {
            double r = std::fmod(ip, radix);
            idig[in++] = kDigitChars[int(r)];
            ip = (ip - r) / radix;
        } while (ip > 0);
        len = 0;
        if (neg) tmp[len++] = '-';
        while (in > 0)
            tmp[len++] = idig[--in];
        if (fn > 0) {
            tmp[len++] = '.';
            for (int i = 0; i < fn; i++)
                tmp[len++] = kDigitChars[int(fdig[i])];
        }
    }
    if (len > cap) return 0;
    std::memcpy(buf, tmp, len);
    return len;
}

size_t to_fixed(double v, int f, char* buf) {
    if (std::isnan(v)) return copy_str(buf, "NaN");
    if (std::fabs(v) >= 1e21 || !std::isfinite(v)) return number_to_string(v, buf);
    char* out = buf;
    if (v < 0) { // -0 is not < 0: (-0).toFixed(2) is "0.00"
        *out++ = '-';
        v = -v;
    }
    // n = round_half_up(v * 10^f), as a digit string m.
    char m[kNumberFormatBufferSize];
    int mlen = 0;
    if (v != 0) {
        Digits dg;
        exact_digits(v, dg);
        int keep = dg.point + f; // digits with weight >= 10^-f
        if (keep >= 0) {
            bool carry = round_half_up(dg, keep, m);
            mlen = keep + (carry ? 1 : 0);
        }
    }
    if (mlen == 0) m[mlen++] = '0';
    if (f != 0) {
        int k = mlen;
        if (k <= f) { // pad with leading zeros so there is one integral digit
            int pad = f + 1 - k;
            std::memmove(m + pad, m, size_t(k));
            std::memset(m, '0', size_t(pad));
            k = f + 1;
        }
        std::memcpy(out, m, size_t(k - f));
        out += k - f;
        *out++ = '.';
        std::memcpy(out, m + k - f, size_t(f));
        out += f;
    } else {
        std::memcpy(out, m, size_t(mlen));
        out += mlen;
    }
    return size_t(out - buf);
}

size_t to_exponential(double v, int f, char* buf) {
    if (!std::isfinite(v)) return nonfinite_to_string(v, buf);
    char* out = buf;
    if (v < 0) {
        *out++ = '-';
        v = -v;
    }
    char m[kNumberFormatBufferSize];
    int mlen, e;
    if (v == 0) {
        mlen = f < 0 ? 1 : f + 1;
        std::memset(m, '0', size_t(mlen));
        e = 0;
    } else if (f < 0) {
        Digits dg;
        shortest_digits(v, dg);
        mlen = dg.count;
        std::memcpy(m, dg.d, size_t(mlen));
        e = dg.point - 1;
    } else {
        Digits dg;
        exact_digits(v, dg);
        mlen = f + 1;
        e = dg.point - 1;
        if (round_half_up(dg, mlen, m)) e++; // m is "1000..." with one digit too many; ignored
    }
    *out++ = m[0];
    if (mlen > 1) {
        *out++ = '.';
        std::memcpy(out, m + 1, size_t(mlen - 1));
        out += mlen - 1;
    }
    out += write_exponent(out, e);
    return size_t(out - buf);
}

size_t to_precision(double v, int p, char* buf) {
    if (!std::isfinite(v)) return nonfinite_to_string(v, buf);
    char* out = buf;
    if (v < 0) {
        *out++ = '-';
        v = -v;
    }
    char m[kNumberFormatBufferSize];
    int e;
    if (v == 0) {
        std::memset(m, '0', size_t(p));
        e = 0;
    } else {
        Digits dg;
        exact_digits(v, dg);
        e = dg.point - 1;
        if (round_half_up(dg, p, m)) e++;
        if (e < -6 || e >= p) {
            *out++ = m[0];
            if (p > 1) {
                *out++ = '.';
                std::memcpy(out, m + 1, size_t(p - 1));
                out += p - 1;
            }
            out += write_exponent(out, e);
            return size_t(out - buf);
        }
    }
    if (e == p - 1) {
        std::memcpy(out, m, size_t(p));
        out += p;
    } else if (e >= 0) {
        std::memcpy(out, m, size_t(e + 1));
        out += e + 1;
        *out++ = '.';
        std::memcpy(out, m + e + 1, size_t(p - (e + 1)));
        out += p - (e + 1);
    } else {
        *out++ = '0';
        *out++ = '.';
        for (int i = 0; i < -(e + 1); i++)
            *out++ = '0';
        std::memcpy(out, m, size_t(p));
        out += p;
    }
    return size_t(out - buf);
}

double string_to_number(const char16_t* s, size_t len) {
    return string_to_number_impl(s, len);
}
double string_to_number(const uint8_t* s, size_t len) {
    return string_to_number_impl(s, len);
}
double parse_int(const char16_t* s, size_t len, int32_t radix) {
    return parse_int_impl(s, len, radix);
}
double parse_int(const uint8_t* s, size_t len, int32_t radix) {
    return parse_int_impl(s, len, radix);
}
double parse_float(const char16_t* s, size_t len) {
    return parse_float_impl(s, len);
}
double parse_float(const uint8_t* s, size_t len) {
    return parse_float_impl(s, len);
}

namespace {
template <typename Char> double radix_literal_impl(const Char* p, size_t len, int radix) {
    for (size_t i = 0; i < len; i++)
        if (p[i] != '_' && digit_value(p[i]) >= radix) return kNaN;
    return digits_to_double(p, p + len, radix);
}
} // namespace

double parse_decimal_literal(const char* s, size_t len) {
    const uint8_t* p = reinterpret_cast<const uint8_t*>(s);
    return decimal_to_double(p, p + len);
}
double parse_decimal_literal(const char16_t* s, size_t len) {
    return decimal_to_double(s, s + len);
}
double parse_radix_literal(const char* s, size_t len, int radix) {
    return radix_literal_impl(reinterpret_cast<const uint8_t*>(s), len, radix);
}
double parse_radix_literal(const char16_t* s, size_t len, int radix) {
    return radix_literal_impl(s, len, radix);
}

} // namespace qjs
