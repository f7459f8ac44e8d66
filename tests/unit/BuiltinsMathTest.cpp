// Unit tests of the Math object, called through call().
#include "BuiltinsTestSupport.h"
#include "runtime/NativeFunction.h"

#include <cmath>
#include <limits>

using namespace qjs;
using qjs::test::BuiltinsFixture;

namespace {

constexpr double kInf = std::numeric_limits<double>::infinity();

struct MathBuiltins : BuiltinsFixture {
    double num(const char* fn, std::initializer_list<Value> args) {
        Value r = call_path(std::string("Math.") + fn, args);
        EXPECT_TRUE(r.is_number()) << fn;
        return r.is_number() ? r.as_number() : std::nan("");
    }
    static Value d(double x) { return Value::number(x); }
    static bool is_neg_zero(double x) { return x == 0 && std::signbit(x); }
    static bool is_pos_zero(double x) { return x == 0 && !std::signbit(x); }
    // An array-like iterable: a fresh array of numbers.
    Value array_of(std::initializer_list<double> xs) {
        Value a = new_array(*ctx);
        for (double x : xs)
            EXPECT_TRUE(array_push_fast(*ctx, a.as_object(), Value::number(x)));
        return a;
    }
};

TEST_F(MathBuiltins, ConstantsAndTag) {
    EXPECT_EQ(path("Math.PI").as_number(), M_PI);
    EXPECT_EQ(path("Math.E").as_number(), M_E);
    EXPECT_EQ(path("Math.SQRT2").as_number(), std::sqrt(2.0));
    PropertyDescriptor desc;
    Value math = global("Math");
    ASSERT_TRUE(MUST(get_own_property(*ctx, math.as_object(), atom("PI"), &desc)));
    EXPECT_FALSE(desc.writable() || desc.enumerable() || desc.configurable());
    EXPECT_EQ(text(get(*ctx, math.as_object(), atoms::sym_toStringTag)), "Math");
    EXPECT_EQ(path("Math.max.length").as_int32(), 2);
    EXPECT_EQ(path("Math.hypot.length").as_int32(), 2);
    EXPECT_EQ(text(path("Math.random.name")), "random");
}

TEST_F(MathBuiltins, Round) {
    EXPECT_EQ(num("round", {d(2.5)}), 3);
    EXPECT_EQ(num("round", {d(-2.5)}), -2);
    EXPECT_EQ(num("round", {d(0.49999999999999994)}), 0);
    EXPECT_TRUE(is_neg_zero(num("round", {d(-0.5)})));
    EXPECT_TRUE(is_neg_zero(num("round", {d(-0.2)})));
    EXPECT_TRUE(is_neg_zero(num("round", {d(-0.0)})));
    EXPECT_EQ(num("round", {d(4503599627370497.0)}), 4503599627370497.0);
    EXPECT_EQ(num("round", {d(-4503599627370495.5)}), -4503599627370495.0);
    EXPECT_TRUE(std::isnan(num("round", {Value::undefined()})));
}

TEST_F(MathBuiltins, MaxMinSignedZeroAndNaN) {
    EXPECT_TRUE(is_pos_zero(num("max", {d(-0.0), d(0.0)})));
    EXPECT_TRUE(is_pos_zero(num("max", {d(0.0), d(-0.0)})));
    EXPECT_TRUE(is_neg_zero(num("min", {d(0.0), d(-0.0)})));
    EXPECT_TRUE(is_neg_zero(num("min", {d(-0.0), d(0.0)})));
    EXPECT_EQ(num("max", {}), -kInf);
    EXPECT_EQ(num("min", {}), kInf);
    EXPECT_EQ(num("max", {Value::int32(3), Value::int32(-7), Value::int32(9)}), 9);
    EXPECT_EQ(num("min", {Value::int32(3), Value::int32(-7), Value::int32(9)}), -7);
    EXPECT_TRUE(std::isnan(num("max", {d(1), d(NAN), d(3)})));
    EXPECT_TRUE(std::isnan(num("min", {str("x"), d(1)})));
    EXPECT_EQ(num("max", {str("12"), d(3)}), 12);
}

TEST_F(MathBuiltins, HypotSignClz32ImulFround) {
    EXPECT_EQ(num("hypot", {d(3), d(4)}), 5);
    EXPECT_EQ(num("hypot", {d(NAN), d(kInf)}), kInf);
    EXPECT_TRUE(std::isnan(num("hypot", {d(NAN), d(1)})));
    EXPECT_TRUE(is_pos_zero(num("hypot", {d(-0.0), d(-0.0)})));
    EXPECT_TRUE(is_pos_zero(num("hypot", {})));
    EXPECT_EQ(num("hypot", {d(1e300), d(1e300), d(1e300)}), std::sqrt(3.0) * 1e300);
    EXPECT_EQ(num("hypot", {d(2), d(3), d(6)}), 7);
    EXPECT_TRUE(is_neg_zero(num("sign", {d(-0.0)})));
    EXPECT_EQ(num("sign", {d(-5)}), -1);
    EXPECT_EQ(num("clz32", {d(0)}), 32);
    EXPECT_EQ(num("clz32", {d(1)}), 31);
    EXPECT_EQ(num("clz32", {d(-1)}), 0);
    EXPECT_EQ(num("clz32", {d(4294967296.0)}), 32);
    EXPECT_EQ(num("imul", {d(0xffffffff), d(5)}), -5);
    EXPECT_EQ(num("imul", {d(0x7fffffff), d(0x7fffffff)}), 1);
    EXPECT_EQ(num("fround", {d(5.5)}), 5.5);
    EXPECT_EQ(num("fround", {d(5.05)}), static_cast<double>(5.05f));
    EXPECT_EQ(num("trunc", {d(-4.7)}), -4);
    EXPECT_TRUE(is_neg_zero(num("trunc", {d(-0.7)})));
    EXPECT_EQ(num("cbrt", {d(-27)}), -3);
}

TEST_F(MathBuiltins, PowAndAtan2EdgeCases) {
    EXPECT_TRUE(std::isnan(num("pow", {d(1), d(kInf)})));
    EXPECT_TRUE(std::isnan(num("pow", {d(-1), d(-kInf)})));
    EXPECT_TRUE(std::isnan(num("pow", {d(1), d(NAN)})));
    EXPECT_EQ(num("pow", {d(NAN), d(0)}), 1);
    EXPECT_EQ(num("pow", {d(2), d(10)}), 1024);
    EXPECT_TRUE(is_neg_zero(num("atan2", {d(-0.0), d(0.0)})));
    EXPECT_EQ(num("atan2", {d(-0.0), d(-0.0)}), -M_PI);
    EXPECT_EQ(num("atan2", {d(kInf), d(-kInf)}), 3 * M_PI / 4);
}

TEST_F(MathBuiltins, F16Round) {
    EXPECT_EQ(num("f16round", {d(1.337)}), 1.3369140625);
    EXPECT_EQ(num("f16round", {d(65504)}), 65504);
    EXPECT_EQ(num("f16round", {d(65519.99)}), 65504);
    EXPECT_EQ(num("f16round", {d(65520)}), kInf);
    EXPECT_EQ(num("f16round", {d(5.960464477539063e-8)}), 5.960464477539063e-8); // 2^-24
    EXPECT_TRUE(is_pos_zero(num("f16round", {d(2.9802322387695312e-8)})));       // 2^-25 ties to 0
    EXPECT_EQ(num("f16round", {d(2.980232238769532e-8)}), 5.960464477539063e-8);
    EXPECT_TRUE(is_neg_zero(num("f16round", {d(-1e-10)})));
    // Double rounding through float32 would give 1.0009765625 here.
    EXPECT_EQ(num("f16round", {d(1.00048828125000022204)}), 1.0009765625);
    EXPECT_EQ(num("f16round", {d(1.00048828125)}), 1);
}

TEST_F(MathBuiltins, RandomIsInRangeAndVaries) {
    double first = num("random", {});
    bool varied = false;
    for (int i = 0; i < 100; i++) {
        double r = num("random", {});
        EXPECT_GE(r, 0);
        EXPECT_LT(r, 1);
        if (r != first) varied = true;
    }
    EXPECT_TRUE(varied);
}

TEST_F(MathBuiltins, SumPrecise) {
    EXPECT_EQ(num("sumPrecise", {array_of({1e20, 0.1, -1e20})}), 0.1);
    EXPECT_EQ(num("sumPrecise", {array_of({0.1, 0.2, 0.3})}), 0.6);
    EXPECT_TRUE(is_neg_zero(num("sumPrecise", {array_of({})})));
    EXPECT_TRUE(is_neg_zero(num("sumPrecise", {array_of({-0.0, -0.0})})));
    EXPECT_TRUE(is_pos_zero(num("sumPrecise", {array_of({-0.0, 0.0})})));
    EXPECT_TRUE(is_pos_zero(num("sumPrecise", {array_of({1, -1})})));
    EXPECT_EQ(num("sumPrecise", {array_of({kInf, 1})}), kInf);
    EXPECT_TRUE(std::isnan(num("sumPrecise", {array_of({kInf, -kInf})})));
    double max = std::numeric_limits<double>::max();
    EXPECT_EQ(num("sumPrecise", {array_of({max, max, -max})}), max);
    EXPECT_EQ(num("sumPrecise", {array_of({max, max})}), kInf);
    EXPECT_EQ(num("sumPrecise", {array_of({-max, -max})}), -kInf);
    // 2^1024 - 2^970 (half an ulp above max) rounds to infinity; minus a tiny bit, to max.
    EXPECT_EQ(num("sumPrecise", {array_of({max, 0x1.0p970})}), kInf);
    EXPECT_EQ(num("sumPrecise", {array_of({max, 0x1.0p970, -5e-324})}), max);
    EXPECT_EQ(num("sumPrecise", {array_of({1, 0x1.0p-53, 0x1.0p-106})}), 1 + 0x1.0p-52);
    EXPECT_EQ(num("sumPrecise", {array_of({1, 0x1.0p-53})}), 1);
    // Non-numbers throw a TypeError; so does a non-object.
    Value a = new_array(*ctx);
    ASSERT_TRUE(array_push_fast(*ctx, a.as_object(), str("1")));
    EXPECT_TRUE(call_path("Math.sumPrecise", {a}).is_exception());
    EXPECT_EQ(exception_name(), "TypeError");
    EXPECT_TRUE(call_path("Math.sumPrecise", {Value::int32(1)}).is_exception());
    EXPECT_EQ(exception_name(), "TypeError");
}

} // namespace
