// Tests for base/NumberConversionDigits: the engine's own shortest, exact and parsing digit
// algorithms against the C++ library's std::to_chars / std::from_chars (exact by the standard),
// over millions of random bit patterns and the hard cases: subnormals, powers of two and ten and
// their neighbours, the power-of-two boundaries, integers, and exact halfway points for parsing.
#include "base/NumberConversion.h"
#include "base/NumberConversionDigits.h"

#include <gtest/gtest.h>

#include <bit>
#include <charconv>
#include <cmath>
#include <cstring>
#include <limits>
#include <random>
#include <string>
#include <vector>

using namespace qjs;

namespace {

#if defined(__has_feature)
#if __has_feature(address_sanitizer)
#define QJS_SLOW_BUILD 1
#endif
#endif
#if defined(__SANITIZE_ADDRESS__) || !defined(NDEBUG)
#define QJS_SLOW_BUILD 1
#endif
#ifdef QJS_SLOW_BUILD
constexpr int kRandomShortest = 200000;
constexpr int kRandomExact = 4000;
constexpr int kRandomParse = 100000;
#else
constexpr int kRandomShortest = 2000000;
constexpr int kRandomExact = 40000;
constexpr int kRandomParse = 500000;
#endif

double from_bits(uint64_t b) {
    return std::bit_cast<double>(b);
}

// Digits (no trailing zeros) and the exponent of the last digit, from to_chars scientific text.
void reference_digits(const char* s, const char* end, std::string& digits, int& exp_last) {
    digits.clear();
    const char* p = s;
    for (; p < end && *p != 'e'; p++)
        if (*p != '.') digits += *p;
    int exp = 0;
    std::from_chars(p + 1 + (p[1] == '+'), end, exp);
    exp_last = exp - int(digits.size()) + 1;
    while (digits.size() > 1 && digits.back() == '0') {
        digits.pop_back();
        exp_last++;
    }
}

// Checks shortest_decimal(v) against to_chars and that the digits read back as v.
::testing::AssertionResult shortest_matches(double v) {
    char tmp[64];
    auto r = std::to_chars(tmp, tmp + sizeof tmp, v, std::chars_format::scientific);
    std::string want;
    int want_exp;
    reference_digits(tmp, r.ptr, want, want_exp);
    uint64_t sig;
    int exp10;
    numconv::shortest_decimal(v, sig, exp10);
    std::string got = std::to_string(sig);
    if (got != want || exp10 != want_exp)
        return ::testing::AssertionFailure()
               << "v=" << std::string(tmp, r.ptr) << " bits=" << std::hex << std::bit_cast<uint64_t>(v)
               << std::dec << " got " << got << "e" << exp10 << " want " << want << "e" << want_exp;
    double back = numconv::decimal_to_double(got.data(), int(got.size()), exp10);
    if (back != v) return ::testing::AssertionFailure() << "round trip of " << got << "e" << exp10;
    return ::testing::AssertionSuccess();
}

::testing::AssertionResult exact_matches(double v) {
    std::vector<char> tmp(900);
    auto r = std::to_chars(tmp.data(), tmp.data() + tmp.size(), v, std::chars_format::scientific, 766);
    std::string want;
    int want_exp;
    reference_digits(tmp.data(), r.ptr, want, want_exp);
    char out[numconv::kExactDigitsMax];
    int point;
    int n = numconv::exact_decimal(v, out, point);
    std::string got(out, size_t(n));
    int got_exp = point - n; // exponent of the last digit
    if (got != want || got_exp != want_exp)
        return ::testing::AssertionFailure()
               << "bits=" << std::hex << std::bit_cast<uint64_t>(v) << std::dec << " got " << got << "e"
               << got_exp << " want " << want << "e" << want_exp;
    return ::testing::AssertionSuccess();
}

// Parses "digits" * 10^exp with our algorithm and with from_chars.
::testing::AssertionResult parse_matches(const std::string& digits, int exp) {
    size_t first = digits.find_first_not_of('0');
    double got = 0;
    if (first != std::string::npos) {
        std::string d = digits.substr(first);
        // Cut like NumberConversion.cpp does: keep kMaxParseDigits - 1 digits plus a sticky 1.
        int64_t dexp = exp;
        if (int(d.size()) > numconv::kMaxParseDigits) {
            bool sticky = d.find_first_not_of('0', size_t(numconv::kMaxParseDigits - 1)) != std::string::npos;
            dexp += int64_t(d.size()) - (numconv::kMaxParseDigits - 1);
            d.resize(size_t(numconv::kMaxParseDigits - 1));
            if (sticky) {
                d += '1';
                dexp--;
            }
        }
        got = numconv::decimal_to_double(d.data(), int(d.size()), dexp);
    }
    std::string text = digits + "e" + std::to_string(exp);
    double want = 0;
    auto r = std::from_chars(text.data(), text.data() + text.size(), want);
    if (r.ec == std::errc::result_out_of_range) {
        // from_chars leaves `want` alone on overflow/underflow: decide from the magnitude.
        int64_t magnitude = int64_t(digits.size() - digits.find_first_not_of('0')) + exp;
        want = magnitude > 0 ? std::numeric_limits<double>::infinity() : 0.0;
    }
    if (std::bit_cast<uint64_t>(got) != std::bit_cast<uint64_t>(want))
        return ::testing::AssertionFailure() << text << " got " << got << " want " << want;
    return ::testing::AssertionSuccess();
}

// Exact decimal digits of (a + b) / 2 for adjacent positive doubles a < b: the halfway point.
std::string halfway_digits(double a, int& exp_last) {
    auto exact = [](double v, int& exp_last) {
        if (v == 0) { // exact_decimal takes positive values only
            exp_last = 0;
            return std::string("0");
        }
        char buf[numconv::kExactDigitsMax];
        int point;
        int n = numconv::exact_decimal(v, buf, point);
        exp_last = point - n;
        return std::string(buf, size_t(n));
    };
    int ea, eb;
    std::string da = exact(a, ea);
    std::string db = exact(from_bits(std::bit_cast<uint64_t>(a) + 1), eb);
    // Align both to the same last-digit exponent, add, then halve (one more digit for the 5).
    int e = std::min(ea, eb);
    da.append(size_t(ea - e), '0');
    db.append(size_t(eb - e), '0');
    size_t len = std::max(da.size(), db.size()) + 1;
    da.insert(0, len - da.size(), '0');
    db.insert(0, len - db.size(), '0');
    std::string sum(len, '0');
    int carry = 0;
    for (size_t i = len; i-- > 0;) {
        int t = (da[i] - '0') + (db[i] - '0') + carry;
        sum[i] = char('0' + t % 10);
        carry = t / 10;
    }
    sum += '0';
    e--; // sum * 10^(e - 1) is (a + b) * 10 ... halve it
    std::string half(sum.size(), '0');
    int rem = 0;
    for (size_t i = 0; i < sum.size(); i++) {
        int cur = rem * 10 + (sum[i] - '0');
        half[i] = char('0' + cur / 2);
        rem = cur % 2;
    }
    exp_last = e;
    return half;
}

TEST(NumberDigits, ShortestRandomBitPatterns) {
    std::mt19937_64 rng(20261206);
    int failures = 0;
    for (int i = 0; i < kRandomShortest && failures < 10; i++) {
        uint64_t b = rng() & 0x7fffffffffffffffull;
        if ((b >> 52) == 0x7ff || b == 0) continue;
        auto ok = shortest_matches(from_bits(b));
        EXPECT_TRUE(ok);
        if (!ok) failures++;
    }
}

TEST(NumberDigits, ShortestHardCases) {
    int failures = 0;
    auto check = [&](double v) {
        if (!(v > 0) || !std::isfinite(v) || failures >= 10) return;
        auto ok = shortest_matches(v);
        EXPECT_TRUE(ok);
        if (!ok) failures++;
    };
    for (uint64_t c = 1; c < 70000; c++) // the smallest subnormals, where the interval is widest
        check(from_bits(c));
    for (uint64_t be = 0; be < 0x7ff; be++) // both sides of every power-of-two boundary
        for (uint64_t m : {0ull, 1ull, 2ull, 3ull, (1ull << 52) - 1, (1ull << 52) - 2, 1ull << 51})
            check(from_bits((be << 52) | m));
    for (int e = -324; e <= 308; e++) { // powers of ten and their neighbours
        double p = std::pow(10.0, e);
        uint64_t b = std::bit_cast<uint64_t>(p);
        for (int d = -3; d <= 3; d++)
            check(from_bits(b + uint64_t(int64_t(d))));
    }
    std::mt19937_64 rng(7);
    for (int i = 0; i < 200000; i++) { // integers of every size, and short decimals
        check(double(rng() >> (rng() % 64)));
        check(double(rng() % 1000000) / std::pow(10.0, int(rng() % 30)));
    }
    check(std::numeric_limits<double>::max());
    check(std::numeric_limits<double>::min());
    check(std::numeric_limits<double>::denorm_min());
}

TEST(NumberDigits, ExactExpansion) {
    std::mt19937_64 rng(99);
    int failures = 0;
    auto check = [&](double v) {
        if (failures >= 10) return;
        auto ok = exact_matches(v);
        EXPECT_TRUE(ok);
        if (!ok) failures++;
    };
    for (int i = 0; i < kRandomExact; i++) {
        uint64_t b = rng() & 0x7fffffffffffffffull;
        if ((b >> 52) == 0x7ff || b == 0) continue;
        check(from_bits(b));
    }
    for (double v :
         {std::numeric_limits<double>::max(), std::numeric_limits<double>::min(),
          std::numeric_limits<double>::denorm_min(), 1.0, 0.1, 0.5, 123.456, 1e21, 1e-7, 9007199254740993.0})
        check(v);
    for (uint64_t be = 0; be < 0x7ff; be += 7)
        check(from_bits((be << 52) | 1));
}

TEST(NumberDigits, ParseRandomDigitStrings) {
    std::mt19937_64 rng(31337);
    int failures = 0;
    for (int i = 0; i < kRandomParse && failures < 10; i++) {
        int len = 1 + int(rng() % (i % 50 == 0 ? 900 : 25));
        std::string d(size_t(len), '0');
        for (auto& ch : d)
            ch = char('0' + rng() % 10);
        int exp = int(rng() % 700) - 350 - (len > 25 ? len : 0);
        auto ok = parse_matches(d, exp);
        EXPECT_TRUE(ok);
        if (!ok) failures++;
    }
}

TEST(NumberDigits, ParseHalfwayPoints) {
    std::mt19937_64 rng(4242);
    int failures = 0;
    auto check = [&](const std::string& d, int e) {
        if (failures >= 10) return;
        auto ok = parse_matches(d, e);
        EXPECT_TRUE(ok);
        if (!ok) failures++;
    };
    std::vector<double> values;
    for (int i = 0; i < kRandomExact / 4; i++) {
        uint64_t b = rng() & 0x7fffffffffffffffull;
        if ((b >> 52) >= 0x7fe) continue;
        values.push_back(from_bits(b));
    }
    for (uint64_t c = 0; c < 40; c++) // subnormal halfway points, including 2^-1075
        values.push_back(from_bits(c));
    values.push_back(from_bits(0x7fefffffffffffffull - 1));
    for (double a : values) {
        int e;
        std::string h = halfway_digits(a, e);
        check(h, e);                // exactly halfway: ties to even
        check(h + "000001", e - 6); // just above
        std::string below = h;      // just below: ...5 -> ...4999999
        size_t last = below.find_last_not_of('0');
        below.resize(last + 1);
        int eb = e + int(h.size() - below.size());
        below.back() = char(below.back() - 1);
        below += "999999";
        check(below, eb - 6);
    }
    // Above the largest double: halfway to 2^1024 rounds to infinity.
    check("179769313486231580793728971405303415079934132710037826936173778980444968292764750946649"
          "017977587207096330286416692887910946555547851940402630657488671505820681908902000708383"
          "676273854845817711531764475730270069855571366959622842914819860834936475292719074168444"
          "365510704342711559699508093042880177904174497792",
          0);
}

TEST(NumberDigits, PublicFormattingUsesTheNewDigits) {
    char buf[kNumberFormatBufferSize];
    EXPECT_EQ(std::string(buf, number_to_string(5e-324, buf)), "5e-324");
    EXPECT_EQ(std::string(buf, number_to_string(0.1 + 0.2, buf)), "0.30000000000000004");
    EXPECT_EQ(std::string(buf, number_to_string(1.7976931348623157e308, buf)), "1.7976931348623157e+308");
    EXPECT_EQ(std::string(buf, number_to_string(123456789012345680000.0, buf)), "123456789012345680000");
    EXPECT_EQ(std::string(buf, to_fixed(1.005, 2, buf)), "1.00"); // 1.005 is below 1.005 exactly
    EXPECT_EQ(std::string(buf, to_precision(5e-324, 3, buf)), "4.94e-324");
    EXPECT_EQ(std::string(buf, to_exponential(2.5, 0, buf)), "3e+0"); // half-up, not to even
    EXPECT_EQ(parse_decimal_literal("2.4703282292062328e-324", 23), 5e-324);
    EXPECT_EQ(parse_decimal_literal("2.4703282292062327e-324", 23), 0.0);
    EXPECT_EQ(parse_decimal_literal("1_000.000_1", 11), 1000.0001);
}

} // namespace
