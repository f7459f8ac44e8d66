// Tests for base/NumberConversion: expected strings are what ECMA-262 prescribes (checked against
// a browser engine where the spec leaves freedom, e.g. radix fractions).
#include "base/NumberConversion.h"

#include <gtest/gtest.h>

#include <cmath>
#include <cstring>
#include <limits>
#include <string>

using namespace qjs;

namespace {

constexpr double kInf = std::numeric_limits<double>::infinity();

std::string to_str(double v) {
    char buf[kNumberToStringBufferSize];
    return std::string(buf, number_to_string(v, buf));
}
std::string radix_str(double v, int radix) {
    char buf[kRadixBufferSize];
    size_t n = number_to_string_radix(v, radix, buf, sizeof(buf));
    return std::string(buf, n);
}
std::string fixed(double v, int f) {
    char buf[kNumberFormatBufferSize];
    return std::string(buf, to_fixed(v, f, buf));
}
std::string expo(double v, int f) {
    char buf[kNumberFormatBufferSize];
    return std::string(buf, to_exponential(v, f, buf));
}
std::string prec(double v, int p) {
    char buf[kNumberFormatBufferSize];
    return std::string(buf, to_precision(v, p, buf));
}
double str_num(const std::string& s) {
    return string_to_number(reinterpret_cast<const uint8_t*>(s.data()), s.size());
}
double str_num16(const std::u16string& s) {
    return string_to_number(s.data(), s.size());
}
double p_int(const std::string& s, int radix = 0) {
    return parse_int(reinterpret_cast<const uint8_t*>(s.data()), s.size(), radix);
}
double p_float(const std::string& s) {
    return parse_float(reinterpret_cast<const uint8_t*>(s.data()), s.size());
}
bool is_neg_zero(double v) {
    return v == 0 && std::signbit(v);
}
bool is_pos_zero(double v) {
    return v == 0 && !std::signbit(v);
}

} // namespace

TEST(NumberToString, Specials) {
    EXPECT_EQ(to_str(std::nan("")), "NaN");
    EXPECT_EQ(to_str(kInf), "Infinity");
    EXPECT_EQ(to_str(-kInf), "-Infinity");
    EXPECT_EQ(to_str(0.0), "0");
    EXPECT_EQ(to_str(-0.0), "0");
}

TEST(NumberToString, Integers) {
    EXPECT_EQ(to_str(1), "1");
    EXPECT_EQ(to_str(-1), "-1");
    EXPECT_EQ(to_str(255), "255");
    EXPECT_EQ(to_str(2147483647), "2147483647");
    EXPECT_EQ(to_str(-2147483648.0), "-2147483648");
    EXPECT_EQ(to_str(2147483648.0), "2147483648");
    EXPECT_EQ(to_str(9007199254740992.0), "9007199254740992");
    EXPECT_EQ(to_str(1e20), "100000000000000000000");
    EXPECT_EQ(to_str(123456789012345680000.0), "123456789012345680000");
    EXPECT_EQ(to_str(1e21), "1e+21");
    EXPECT_EQ(to_str(-1e21), "-1e+21");
    EXPECT_EQ(to_str(1.5e300), "1.5e+300");
}

TEST(NumberToString, Fractions) {
    EXPECT_EQ(to_str(0.1 + 0.2), "0.30000000000000004");
    EXPECT_EQ(to_str(0.1), "0.1");
    EXPECT_EQ(to_str(1.5), "1.5");
    EXPECT_EQ(to_str(-1.25), "-1.25");
    EXPECT_EQ(to_str(0.000001), "0.000001");
    EXPECT_EQ(to_str(1e-7), "1e-7");
    EXPECT_EQ(to_str(-1e-7), "-1e-7");
    EXPECT_EQ(to_str(1.2e-7), "1.2e-7");
    EXPECT_EQ(to_str(123e-20), "1.23e-18");
    EXPECT_EQ(to_str(-0.0000125), "-0.0000125");
    EXPECT_EQ(to_str(5e-324), "5e-324");
    EXPECT_EQ(to_str(-5e-324), "-5e-324");
    EXPECT_EQ(to_str(1.7976931348623157e308), "1.7976931348623157e+308");
    EXPECT_EQ(to_str(2.2250738585072014e-308), "2.2250738585072014e-308");
    EXPECT_EQ(to_str(123.456), "123.456");
    EXPECT_EQ(to_str(1.0000000000000002), "1.0000000000000002");
    EXPECT_EQ(to_str(4.35), "4.35");
    EXPECT_EQ(to_str(1e-6 * 1.5), "0.0000015");
}

TEST(NumberToString, Int32) {
    char buf[kInt32ToStringBufferSize];
    EXPECT_EQ(std::string(buf, int32_to_string(0, buf)), "0");
    EXPECT_EQ(std::string(buf, int32_to_string(-7, buf)), "-7");
    EXPECT_EQ(std::string(buf, int32_to_string(INT32_MIN, buf)), "-2147483648");
    EXPECT_EQ(std::string(buf, int32_to_string(INT32_MAX, buf)), "2147483647");
}

TEST(NumberToString, RoundTripsRandomDoubles) {
    // Shortest digits must read back as the same double.
    uint64_t x = 0x9E3779B97F4A7C15ull;
    for (int i = 0; i < 20000; i++) {
        x ^= x << 13;
        x ^= x >> 7;
        x ^= x << 17;
        double v;
        std::memcpy(&v, &x, sizeof v);
        if (!std::isfinite(v)) continue;
        std::string s = to_str(v);
        EXPECT_EQ(str_num(s), v) << s;
    }
}

TEST(NumberToStringRadix, Integers) {
    EXPECT_EQ(radix_str(255, 16), "ff");
    EXPECT_EQ(radix_str(255, 2), "11111111");
    EXPECT_EQ(radix_str(-255, 36), "-73");
    EXPECT_EQ(radix_str(35, 36), "z");
    EXPECT_EQ(radix_str(0, 2), "0");
    EXPECT_EQ(radix_str(-0.0, 16), "0");
    EXPECT_EQ(radix_str(std::nan(""), 2), "NaN");
    EXPECT_EQ(radix_str(-kInf, 2), "-Infinity");
    EXPECT_EQ(radix_str(9007199254740991.0, 16), "1fffffffffffff");
    EXPECT_EQ(radix_str(1e21, 10), "1e+21");
    EXPECT_EQ(radix_str(4294967296.0, 32), "4000000");
}

TEST(NumberToStringRadix, Fractions) {
    EXPECT_EQ(radix_str(0.5, 2), "0.1");
    EXPECT_EQ(radix_str(-0.5, 2), "-0.1");
    EXPECT_EQ(radix_str(0.1, 3), "0.0022002200220022002200220022002201");
    EXPECT_EQ(radix_str(3.14159, 16), "3.243f3e0370cdc");
    EXPECT_EQ(radix_str(0.1, 2), "0.0001100110011001100110011001100110011001100110011001101");
    EXPECT_EQ(radix_str(255.5, 16), "ff.8");
    EXPECT_EQ(radix_str(5e-324, 2).size(), 1076u);
}

TEST(NumberToStringRadix, LargeValues) {
    EXPECT_EQ(radix_str(1e21, 16), "3635c9adc5dea00000");
    EXPECT_EQ(radix_str(1.7976931348623157e308, 36).size(), 199u);
    std::string s = radix_str(1e300, 7);
    EXPECT_EQ(s.size(), 355u);
    EXPECT_EQ(s.substr(0, 19), "6562255533065302131");
}

TEST(NumberToStringRadix, SmallCapacityFails) {
    char buf[4];
    EXPECT_EQ(number_to_string_radix(255, 2, buf, sizeof buf), 0u);
    EXPECT_EQ(number_to_string_radix(255, 16, buf, sizeof buf), 2u);
}

TEST(ToFixed, Rounding) {
    EXPECT_EQ(fixed(1.005, 2), "1.00"); // exact value is 1.00499999999999989...
    EXPECT_EQ(fixed(0.5, 0), "1");      // exact tie rounds up (spec: pick the larger n)
    EXPECT_EQ(fixed(1.5, 0), "2");
    EXPECT_EQ(fixed(2.5, 0), "3");
    EXPECT_EQ(fixed(-2.5, 0), "-3");
    EXPECT_EQ(fixed(1.45, 1), "1.4"); // 1.4499999999999999556
    EXPECT_EQ(fixed(1.25, 1), "1.3"); // exact tie
    EXPECT_EQ(fixed(1.35, 1), "1.4"); // 1.350000000000000088
    EXPECT_EQ(fixed(99.99, 1), "100.0");
    EXPECT_EQ(fixed(0.000001, 2), "0.00");
    EXPECT_EQ(fixed(0.005, 2), "0.01"); // 0.005000000000000000104
    EXPECT_EQ(fixed(0.0004, 3), "0.000");
    EXPECT_EQ(fixed(0.0005, 3), "0.001");
    EXPECT_EQ(fixed(0.0009, 3), "0.001");
    EXPECT_EQ(fixed(0.9, 0), "1");
    EXPECT_EQ(fixed(0.4, 0), "0");
}

TEST(ToFixed, Forms) {
    EXPECT_EQ(fixed(0, 2), "0.00");
    EXPECT_EQ(fixed(-0.0, 2), "0.00");
    EXPECT_EQ(fixed(-0.0000001, 2), "-0.00");
    EXPECT_EQ(fixed(123.456, 0), "123");
    EXPECT_EQ(fixed(123.456, 5), "123.45600");
    EXPECT_EQ(fixed(1e21, 2), "1e+21");
    EXPECT_EQ(fixed(1e20, 2), "100000000000000000000.00");
    EXPECT_EQ(fixed(std::nan(""), 2), "NaN");
    EXPECT_EQ(fixed(-kInf, 2), "-Infinity");
    EXPECT_EQ(fixed(0.1, 20), "0.10000000000000000555");
    EXPECT_EQ(fixed(1e-10, 20), "0.00000000010000000000");
    EXPECT_EQ(fixed(5e-324, 100).size(), 102u);
    EXPECT_EQ(fixed(-999999999999999900000.0, 100).size(), 123u);
    EXPECT_EQ(fixed(0.1, 100), "0."
                               "10000000000000000555111512312578270211815834045410156250000000000000000000000"
                               "00000000000000000000000");
}

TEST(ToExponential, Cases) {
    EXPECT_EQ(expo(123456, 2), "1.23e+5");
    EXPECT_EQ(expo(123456, -1), "1.23456e+5");
    EXPECT_EQ(expo(0.00015, -1), "1.5e-4");
    EXPECT_EQ(expo(0, -1), "0e+0");
    EXPECT_EQ(expo(0, 2), "0.00e+0");
    EXPECT_EQ(expo(-0.0, 1), "0.0e+0");
    EXPECT_EQ(expo(1, 0), "1e+0");
    EXPECT_EQ(expo(-1.5, 3), "-1.500e+0");
    EXPECT_EQ(expo(9.99, 1), "1.0e+1");
    EXPECT_EQ(expo(1.25, 1), "1.3e+0"); // exact tie rounds up
    EXPECT_EQ(expo(1.45, 1), "1.4e+0"); // below the tie
    EXPECT_EQ(expo(25, 0), "3e+1");     // tie
    EXPECT_EQ(expo(5e-324, -1), "5e-324");
    EXPECT_EQ(expo(5e-324, 2), "4.94e-324");
    EXPECT_EQ(expo(1.7976931348623157e308, 20), "1.79769313486231570815e+308");
    EXPECT_EQ(expo(std::nan(""), 2), "NaN");
    EXPECT_EQ(expo(kInf, 2), "Infinity");
}

TEST(ToPrecision, Cases) {
    EXPECT_EQ(prec(123.456, 4), "123.5");
    EXPECT_EQ(prec(123.456, 3), "123");
    EXPECT_EQ(prec(123.456, 2), "1.2e+2");
    EXPECT_EQ(prec(123456, 2), "1.2e+5");
    EXPECT_EQ(prec(0.00000123, 2), "0.0000012");
    EXPECT_EQ(prec(0.000000123, 2), "1.2e-7");
    EXPECT_EQ(prec(0, 3), "0.00");
    EXPECT_EQ(prec(-0.0, 1), "0");
    EXPECT_EQ(prec(1, 1), "1");
    EXPECT_EQ(prec(9.5, 1), "1e+1");
    EXPECT_EQ(prec(99.5, 2), "1.0e+2");
    EXPECT_EQ(prec(2.5, 1), "3");
    EXPECT_EQ(prec(-1.005, 3), "-1.00");
    EXPECT_EQ(prec(1e21, 3), "1.00e+21");
    EXPECT_EQ(prec(123456789, 9), "123456789");
    EXPECT_EQ(prec(0.1, 21), "0.100000000000000005551");
    EXPECT_EQ(prec(std::nan(""), 3), "NaN");
    EXPECT_EQ(prec(-kInf, 3), "-Infinity");
    EXPECT_EQ(prec(1e-7, 100).size(), 104u); // 9.99...e-8: exact value is below 1e-7
}

TEST(StringToNumber, Basic) {
    EXPECT_EQ(str_num("12"), 12);
    EXPECT_EQ(str_num("  12  "), 12);
    EXPECT_EQ(str_num("\t\n\r\v\f 12\n"), 12);
    EXPECT_TRUE(is_pos_zero(str_num("")));
    EXPECT_TRUE(is_pos_zero(str_num("   ")));
    EXPECT_EQ(str_num(".5"), 0.5);
    EXPECT_EQ(str_num("5."), 5);
    EXPECT_EQ(str_num("+5"), 5);
    EXPECT_EQ(str_num("-5.5e1"), -55);
    EXPECT_EQ(str_num("1E3"), 1000);
    EXPECT_EQ(str_num("1e+3"), 1000);
    EXPECT_EQ(str_num("1e-3"), 0.001);
    EXPECT_TRUE(is_neg_zero(str_num("-0")));
    EXPECT_TRUE(is_neg_zero(str_num("-0.0e5")));
    EXPECT_EQ(str_num("0.1"), 0.1);
    EXPECT_EQ(str_num("00012"), 12);
}

TEST(StringToNumber, Invalid) {
    EXPECT_TRUE(std::isnan(str_num("1_0")));
    EXPECT_TRUE(std::isnan(str_num(".")));
    EXPECT_TRUE(std::isnan(str_num("e5")));
    EXPECT_TRUE(std::isnan(str_num("1e")));
    EXPECT_TRUE(std::isnan(str_num("1e+")));
    EXPECT_TRUE(std::isnan(str_num("12px")));
    EXPECT_TRUE(std::isnan(str_num("1 2")));
    EXPECT_TRUE(std::isnan(str_num("infinity")));
    EXPECT_TRUE(std::isnan(str_num("INFINITY")));
    EXPECT_TRUE(std::isnan(str_num("Infinityx")));
    EXPECT_TRUE(std::isnan(str_num("+-1")));
    EXPECT_TRUE(std::isnan(str_num("-")));
    EXPECT_TRUE(std::isnan(str_num("0x")));
    EXPECT_TRUE(std::isnan(str_num("0xG")));
    EXPECT_TRUE(std::isnan(str_num("-0x1F")));
    EXPECT_TRUE(std::isnan(str_num("+0x1F")));
    EXPECT_TRUE(std::isnan(str_num("0b2")));
    EXPECT_TRUE(std::isnan(str_num("0o8")));
    EXPECT_TRUE(std::isnan(str_num("0x1.5")));
    EXPECT_TRUE(std::isnan(str_num("NaN")));
    EXPECT_TRUE(std::isnan(str_num("0.5.5")));
}

TEST(StringToNumber, InfinityAndRange) {
    EXPECT_EQ(str_num("Infinity"), kInf);
    EXPECT_EQ(str_num("+Infinity"), kInf);
    EXPECT_EQ(str_num(" -Infinity "), -kInf);
    EXPECT_EQ(str_num("1e1000"), kInf);
    EXPECT_EQ(str_num("-1e1000"), -kInf);
    EXPECT_EQ(str_num("1e309"), kInf);
    EXPECT_EQ(str_num("1.7976931348623157e308"), 1.7976931348623157e308);
    EXPECT_EQ(str_num("1.7976931348623158e308"), 1.7976931348623157e308); // rounds down
    EXPECT_EQ(str_num("1.7976931348623159e308"), kInf);
    EXPECT_TRUE(is_pos_zero(str_num("1e-1000")));
    EXPECT_TRUE(is_neg_zero(str_num("-1e-1000")));
    EXPECT_EQ(str_num("5e-324"), 5e-324);
    EXPECT_EQ(str_num("2.4703282292062328e-324"), 5e-324);
    EXPECT_TRUE(is_pos_zero(str_num("2.4703282292062327e-324")));
    EXPECT_EQ(str_num("1e99999999999999999999"), kInf);
    EXPECT_EQ(str_num("0.0000000000000000000000000000000000000001e40"), 1);
}

TEST(StringToNumber, CorrectRoundingLongInput) {
    // 2^53 + 1 is a tie between 2^53 and 2^53 + 2: ties-to-even gives 2^53, but any nonzero
    // digit far beyond must push it up.
    EXPECT_EQ(str_num("9007199254740993"), 9007199254740992.0);
    std::string s = "9007199254740993" + std::string(1000, '0');
    EXPECT_EQ(str_num(s + "e-1000"), 9007199254740992.0);
    EXPECT_EQ(str_num("9007199254740993." + std::string(1000, '0') + "1"), 9007199254740994.0);
    EXPECT_EQ(str_num("0." + std::string(2000, '0') + "1e2001"), 1);
}

TEST(StringToNumber, RadixPrefixes) {
    EXPECT_EQ(str_num("0x1F"), 31);
    EXPECT_EQ(str_num("0X1f"), 31);
    EXPECT_EQ(str_num(" 0xff "), 255);
    EXPECT_EQ(str_num("0o17"), 15);
    EXPECT_EQ(str_num("0O17"), 15);
    EXPECT_EQ(str_num("0b101"), 5);
    EXPECT_EQ(str_num("0B101"), 5);
    EXPECT_EQ(str_num("0x0"), 0);
    // Correct rounding of long hex values (ties to even, sticky bits beyond 64).
    EXPECT_EQ(str_num("0x20000000000001"), 9007199254740992.0);                   // 2^53 + 1 -> even
    EXPECT_EQ(str_num("0x20000000000003"), 9007199254740996.0);                   // 2^53 + 3 -> up to even
    EXPECT_EQ(str_num("0x200000000000010000000000000001"), 0x20000000000002p+64); // sticky pushes up
    EXPECT_EQ(str_num("0x" + std::string(256, 'f')), kInf);
    EXPECT_EQ(str_num("0x" + std::string(255, 'f')), 0x1p1020);
    EXPECT_EQ(str_num("0b" + std::string(54, '1')), 0x1p54);
}

TEST(StringToNumber, Utf16Whitespace) {
    EXPECT_EQ(str_num16(u"\u00A0\uFEFF\u2028\u3000 42\u2029\u1680"), 42);
    EXPECT_TRUE(std::isnan(str_num16(u"\u200B42"))); // ZWSP is not WhiteSpace
    EXPECT_TRUE(std::isnan(str_num16(u"4\u0662")));  // Arabic-Indic digit is not a digit
    EXPECT_EQ(str_num16(u"-Infinity"), -kInf);
    EXPECT_EQ(str_num16(u"0x10"), 16);
    EXPECT_TRUE(std::isnan(str_num16(u"\u0130nfinity")));
}

TEST(ParseInt, Cases) {
    EXPECT_EQ(p_int("123"), 123);
    EXPECT_EQ(p_int("  123abc"), 123);
    EXPECT_EQ(p_int("-123"), -123);
    EXPECT_EQ(p_int("+7"), 7);
    EXPECT_EQ(p_int("0x1F"), 31);
    EXPECT_EQ(p_int("-0x1F"), -31);
    EXPECT_EQ(p_int("0x1F", 16), 31);
    EXPECT_EQ(p_int("0x1F", 10), 0);
    EXPECT_EQ(p_int("1F", 16), 31);
    EXPECT_EQ(p_int("0b11"), 0);
    EXPECT_EQ(p_int("11", 2), 3);
    EXPECT_EQ(p_int("z", 36), 35);
    EXPECT_EQ(p_int("Z", 36), 35);
    EXPECT_EQ(p_int("12.9"), 12);
    EXPECT_EQ(p_int("1e3"), 1);
    EXPECT_EQ(p_int("08"), 8);
    EXPECT_TRUE(std::isnan(p_int("")));
    EXPECT_TRUE(std::isnan(p_int("abc")));
    EXPECT_TRUE(std::isnan(p_int("0x")));
    EXPECT_TRUE(std::isnan(p_int("-")));
    EXPECT_TRUE(std::isnan(p_int("12", 1)));
    EXPECT_TRUE(std::isnan(p_int("12", 37)));
    EXPECT_TRUE(std::isnan(p_int("Infinity")));
    EXPECT_TRUE(std::isnan(p_int("2", 2)));
    EXPECT_TRUE(is_neg_zero(p_int("-0")));
    EXPECT_EQ(p_int("9007199254740993"), 9007199254740992.0);
    EXPECT_EQ(p_int("900719925474099267"), 900719925474099300.0);
    EXPECT_EQ(p_int("1" + std::string(400, '0')), kInf);
    EXPECT_EQ(p_int("zzzzzzzzzzzz", 36), 4738381338321616895.0);
    EXPECT_EQ(p_int("ffffffffffffffffff", 16), 0x1p72);
}

TEST(ParseInt, ExactInOddRadixes) {
    // Correctly rounded even where the spec would allow approximation (checked with exact
    // big-integer arithmetic).
    uint64_t bits = 0x48899df7a006a954ull;
    double expected;
    std::memcpy(&expected, &bits, sizeof expected);
    EXPECT_EQ(p_int("6863711570542363388190795105172166920333", 11), expected);
    EXPECT_EQ(p_int(std::string(700, 'z'), 36), kInf);
    EXPECT_EQ(p_int("1" + std::string(440, '0'), 5), 0x1.91404bfa9f834p+1021);
}

TEST(ParseInt, Utf16) {
    std::u16string s = u"\u3000\u2028-ff";
    EXPECT_EQ(parse_int(s.data(), s.size(), 16), -255);
}

TEST(ParseFloat, Cases) {
    EXPECT_EQ(p_float("3.14"), 3.14);
    EXPECT_EQ(p_float("  3.14abc"), 3.14);
    EXPECT_EQ(p_float("-.5"), -0.5);
    EXPECT_EQ(p_float("+.5e1"), 5);
    EXPECT_EQ(p_float("1e"), 1);
    EXPECT_EQ(p_float("1e+"), 1);
    EXPECT_EQ(p_float("1e5x"), 1e5);
    EXPECT_EQ(p_float("1.e3"), 1000);
    EXPECT_EQ(p_float("0x10"), 0);
    EXPECT_EQ(p_float("1_000"), 1);
    EXPECT_EQ(p_float("Infinityx"), kInf);
    EXPECT_EQ(p_float("-Infinity"), -kInf);
    EXPECT_EQ(p_float("1e1000"), kInf);
    EXPECT_TRUE(is_neg_zero(p_float("-0")));
    EXPECT_TRUE(std::isnan(p_float("")));
    EXPECT_TRUE(std::isnan(p_float(".")));
    EXPECT_TRUE(std::isnan(p_float(".e1")));
    EXPECT_TRUE(std::isnan(p_float("infinity")));
    EXPECT_TRUE(std::isnan(p_float("-")));
    EXPECT_TRUE(std::isnan(p_float("e1")));
    std::u16string s = u"\uFEFF2.5\u00B2";
    EXPECT_EQ(parse_float(s.data(), s.size()), 2.5);
}

TEST(LexerHelpers, Literals) {
    EXPECT_EQ(parse_decimal_literal("1_000.5e1", 9), 10005);
    EXPECT_EQ(parse_decimal_literal("0.1", 3), 0.1);
    EXPECT_EQ(parse_decimal_literal(".5", 2), 0.5);
    EXPECT_EQ(parse_decimal_literal("1e-1_0", 6), 1e-10);
    EXPECT_EQ(parse_radix_literal("ff", 2, 16), 255);
    EXPECT_EQ(parse_radix_literal("1_0", 3, 2), 2);
    EXPECT_EQ(parse_radix_literal("777", 3, 8), 511);
    EXPECT_TRUE(std::isnan(parse_radix_literal("8", 1, 8)));
    EXPECT_EQ(parse_decimal_literal(u"2.5e-3", 6), 0.0025);
    EXPECT_EQ(parse_radix_literal(u"Ff_fF", 5, 16), 65535);
    EXPECT_EQ(parse_radix_literal(u"0777", 4, 8), 511); // legacy octal body
}
