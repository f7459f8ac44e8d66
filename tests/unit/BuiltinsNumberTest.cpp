// Unit tests of Number and Number.prototype, called through call().
#include "BuiltinsTestSupport.h"

#include "runtime/Object.h"
#include "runtime/PrimitiveWrapper.h"

#include <cfloat>
#include <cmath>

using namespace qjs;
using qjs::test::BuiltinsFixture;

namespace {

struct NumberBuiltins : BuiltinsFixture {
    Value np(const char* method, const Value& self, std::initializer_list<Value> args = {}) {
        return call_fn(path(std::string("Number.prototype.") + method), self, args);
    }
    std::string n(const char* method, double self, std::initializer_list<Value> args = {}) {
        return text(np(method, Value::number(self), args));
    }
    Value i(int32_t v) { return Value::int32(v); }
};

TEST_F(NumberBuiltins, Constructor) {
    EXPECT_EQ(call_path("Number", {}).as_int32(), 0);
    EXPECT_EQ(call_path("Number", {str(" 0x10 ")}).as_number(), 16);
    EXPECT_TRUE(std::isnan(call_path("Number", {str("abc")}).as_number()));
    EXPECT_EQ(call_path("Number", {Value::boolean(true)}).as_number(), 1);
    Value w = construct_path("Number", {str("2.5")});
    ASSERT_TRUE(w.is_object());
    EXPECT_EQ(w.as_object()->class_id(), ClassId::Number);
    EXPECT_EQ(np("valueOf", w).as_number(), 2.5);
    Value big = call_path("BigInt", {i(7)});
    if (big.is_bigint())
        EXPECT_EQ(call_path("Number", {big}).as_number(), 7);
    else
        (void)rt->take_exception();
    Value proto = path("Number.prototype");
    EXPECT_EQ(proto.as_object()->class_id(), ClassId::Number);
    EXPECT_EQ(np("valueOf", proto).as_number(), 0);
}

TEST_F(NumberBuiltins, ConstantsAreFrozen) {
    EXPECT_EQ(path("Number.EPSILON").as_number(), DBL_EPSILON);
    EXPECT_EQ(path("Number.MAX_SAFE_INTEGER").as_number(), 9007199254740991.0);
    EXPECT_EQ(path("Number.MIN_SAFE_INTEGER").as_number(), -9007199254740991.0);
    EXPECT_EQ(path("Number.MAX_VALUE").as_number(), DBL_MAX);
    EXPECT_EQ(path("Number.MIN_VALUE").as_number(), 5e-324);
    EXPECT_TRUE(std::isnan(path("Number.NaN").as_number()));
    EXPECT_EQ(path("Number.POSITIVE_INFINITY").as_number(), INFINITY);
    EXPECT_EQ(path("Number.NEGATIVE_INFINITY").as_number(), -INFINITY);
    PropertyDescriptor desc;
    ASSERT_TRUE(MUST(get_own_property(*ctx, path("Number").as_object(), atom("EPSILON"), &desc)));
    EXPECT_FALSE(desc.writable());
    EXPECT_FALSE(desc.enumerable());
    EXPECT_FALSE(desc.configurable());
}

TEST_F(NumberBuiltins, Predicates) {
    EXPECT_EQ(text(call_path("Number.isFinite", {i(1)})), "true");
    EXPECT_EQ(text(call_path("Number.isFinite", {str("1")})), "false");
    EXPECT_EQ(text(call_path("Number.isFinite", {Value::float64(INFINITY)})), "false");
    EXPECT_EQ(text(call_path("Number.isInteger", {Value::float64(5.0)})), "true");
    EXPECT_EQ(text(call_path("Number.isInteger", {Value::float64(5.5)})), "false");
    EXPECT_EQ(text(call_path("Number.isNaN", {Value::float64(NAN)})), "true");
    EXPECT_EQ(text(call_path("Number.isNaN", {str("x")})), "false");
    EXPECT_EQ(text(call_path("Number.isSafeInteger", {Value::float64(9007199254740991.0)})), "true");
    EXPECT_EQ(text(call_path("Number.isSafeInteger", {Value::float64(9007199254740992.0)})), "false");
    EXPECT_EQ(text(call_path("Number.isSafeInteger", {Value::float64(1.5)})), "false");
}

TEST_F(NumberBuiltins, ParseFunctionsAreTheGlobals) {
    EXPECT_TRUE(path("Number.parseInt").bits_equal(global("parseInt")));
    EXPECT_TRUE(path("Number.parseFloat").bits_equal(global("parseFloat")));
    EXPECT_EQ(call_path("Number.parseInt", {str("ff"), i(16)}).as_number(), 255);
}

TEST_F(NumberBuiltins, ToStringRadix) {
    EXPECT_EQ(n("toString", 255, {i(16)}), "ff");
    EXPECT_EQ(n("toString", -255, {i(2)}), "-11111111");
    EXPECT_EQ(n("toString", 0.5, {i(2)}), "0.1");
    EXPECT_EQ(n("toString", 1e21), "1e+21");
    EXPECT_EQ(n("toString", -0.0), "0");
    EXPECT_EQ(n("toString", NAN, {i(16)}), "NaN");
    EXPECT_TRUE(np("toString", i(1), {i(1)}).is_exception());
    EXPECT_EQ(exception_name(), "RangeError");
    EXPECT_TRUE(np("toString", i(1), {i(37)}).is_exception());
    EXPECT_EQ(exception_name(), "RangeError");
    EXPECT_TRUE(np("toString", str("1")).is_exception());
    EXPECT_EQ(exception_name(), "TypeError");
    EXPECT_EQ(n("toLocaleString", 1.5), "1.5");
}

TEST_F(NumberBuiltins, Formatting) {
    EXPECT_EQ(n("toFixed", 1.005, {i(2)}), "1.00");
    EXPECT_EQ(n("toFixed", 1.5), "2");
    EXPECT_EQ(n("toFixed", 1e21, {i(2)}), "1e+21");
    EXPECT_EQ(n("toFixed", NAN, {i(2)}), "NaN");
    EXPECT_TRUE(np("toFixed", i(1), {i(101)}).is_exception());
    EXPECT_EQ(exception_name(), "RangeError");
    EXPECT_EQ(n("toExponential", 123456, {i(2)}), "1.23e+5");
    EXPECT_EQ(n("toExponential", 123456), "1.23456e+5");
    EXPECT_EQ(n("toExponential", INFINITY, {i(1000)}), "Infinity"); // non-finite before the range check
    EXPECT_TRUE(np("toExponential", i(1), {i(-1)}).is_exception());
    EXPECT_EQ(exception_name(), "RangeError");
    EXPECT_EQ(n("toPrecision", 123.456, {i(4)}), "123.5");
    EXPECT_EQ(n("toPrecision", 0.000123, {i(2)}), "0.00012");
    EXPECT_EQ(n("toPrecision", 123456, {i(2)}), "1.2e+5");
    EXPECT_EQ(n("toPrecision", 1.5), "1.5");
    EXPECT_TRUE(np("toPrecision", i(1), {i(0)}).is_exception());
    EXPECT_EQ(exception_name(), "RangeError");
    // Works on wrappers too.
    Value w = construct_path("Number", {i(3)});
    EXPECT_EQ(text(np("toFixed", w, {i(1)})), "3.0");
}

} // namespace
