// BigInt arithmetic against known values.
#include "runtime/BigInt.h"
#include "runtime/Context.h"
#include "runtime/String.h"

#include <gtest/gtest.h>

using namespace qjs;

namespace {

struct BigIntFixture : ::testing::Test {
    Runtime* rt = nullptr;
    Context* ctx = nullptr;
    void SetUp() override {
        rt = Runtime::create();
        ctx = Context::create(*rt);
    }
    void TearDown() override { EXPECT_EQ(rt->destroy(), 0u); }
    Value big(const char* text) {
        std::u16string s(text, text + strlen(text));
        bool neg = s[0] == '-';
        Value v = bigint_from_literal(*ctx, s.data() + neg, s.size() - neg);
        return neg ? bigint_negate(*ctx, v) : v;
    }
    std::string str(const Value& v, int radix = 10) {
        return bigint_to_string(*ctx, v, radix).as_string()->to_utf8();
    }
    std::string op(BigIntOp o, const char* a, const char* b) {
        return str(bigint_binary(*ctx, o, big(a), big(b)));
    }
};

TEST_F(BigIntFixture, Arithmetic) {
    EXPECT_EQ(op(BigIntOp::Add, "18446744073709551615", "1"), "18446744073709551616");
    EXPECT_EQ(op(BigIntOp::Sub, "1", "18446744073709551616"), "-18446744073709551615");
    EXPECT_EQ(op(BigIntOp::Mul, "123456789012345678901234567890", "987654321098765432109876543210"),
              "121932631137021795226185032733622923332237463801111263526900");
    EXPECT_EQ(op(BigIntOp::Div, "121932631137021795226185032733622923332237463801111263526900",
                 "987654321098765432109876543210"),
              "123456789012345678901234567890");
    EXPECT_EQ(op(BigIntOp::Div, "-7", "2"), "-3");
    EXPECT_EQ(op(BigIntOp::Mod, "-7", "2"), "-1");
    EXPECT_EQ(op(BigIntOp::Pow, "2", "100"), "1267650600228229401496703205376");
    EXPECT_EQ(op(BigIntOp::ShiftRight, "-5", "1"), "-3");
    EXPECT_EQ(op(BigIntOp::ShiftLeft, "1", "64"), "18446744073709551616");
    EXPECT_EQ(op(BigIntOp::And, "-1", "255"), "255");
    EXPECT_EQ(op(BigIntOp::Or, "-256", "255"), "-1");
    EXPECT_EQ(op(BigIntOp::Xor, "-1", "0"), "-1");
    EXPECT_EQ(str(big("255"), 16), "ff");
    EXPECT_EQ(str(bigint_as_int_n(*ctx, 8, big("255"), true)), "-1");
    EXPECT_EQ(str(bigint_as_int_n(*ctx, 8, big("-1"), false)), "255");
}

TEST_F(BigIntFixture, NumberConversions) {
    EXPECT_EQ(bigint_to_double(big("9007199254740993")), 9007199254740992.0); // ties to even
    EXPECT_EQ(bigint_to_double(big("9007199254740995")), 9007199254740996.0);
    EXPECT_EQ(str(bigint_from_double(*ctx, 1e21)), "1000000000000000000000");
    EXPECT_EQ(bigint_compare_number(big("1"), 1.5), -1);
    EXPECT_EQ(bigint_compare_number(big("-2"), -1.5), -1);
    EXPECT_TRUE(bigint_equals_number(big("-3"), -3.0));
}

} // namespace
