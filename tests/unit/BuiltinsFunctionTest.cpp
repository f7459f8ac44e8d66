// Unit tests of Function, Function.prototype (apply/bind/call/toString/@@hasInstance) and
// %ThrowTypeError%, called through call().
#include "BuiltinsTestSupport.h"

#include "runtime/NativeFunction.h"

#include <cmath>

using namespace qjs;
using qjs::test::BuiltinsFixture;

namespace {

struct FunctionBuiltins : BuiltinsFixture {
    Value array_of(std::initializer_list<Value> items) {
        std::vector<Value> list(items);
        return create_array_from_list(*ctx, list);
    }
};

TEST_F(FunctionBuiltins, CallAndApply) {
    // Object.prototype.valueOf returns ToObject(this), which shows what `this` was.
    Value value_of = path("Object.prototype.valueOf");
    Value o = new_object(*ctx);
    EXPECT_EQ(call_fn(path("Function.prototype.call"), value_of, {o}).as_object(), o.as_object());
    EXPECT_EQ(call_fn(path("Function.prototype.apply"), value_of, {o}).as_object(), o.as_object());
    EXPECT_EQ(call_fn(path("Function.prototype.apply"), value_of, {o, Value::null()}).as_object(),
              o.as_object());
    // Arguments are forwarded: Object.keys.call(undefined, "ab").
    EXPECT_EQ(
        join(call_fn(path("Function.prototype.call"), path("Object.keys"), {Value::undefined(), str("ab")})),
        "0,1");
    EXPECT_EQ(join(call_fn(path("Function.prototype.apply"), path("Object.keys"),
                           {Value::undefined(), array_of({str("xyz")})})),
              "0,1,2");
    // A non-object argArray throws.
    EXPECT_TRUE(call_fn(path("Function.prototype.apply"), value_of, {o, Value::int32(1)}).is_exception());
    EXPECT_EQ(exception_name(), "TypeError");
    // A non-callable this throws.
    EXPECT_TRUE(call_fn(path("Function.prototype.call"), o, {}).is_exception());
    EXPECT_EQ(exception_name(), "TypeError");
}

TEST_F(FunctionBuiltins, BindNameLengthAndCalls) {
    Value keys = path("Object.keys");
    Value bound = call_fn(path("Function.prototype.bind"), keys, {Value::undefined(), str("hey")});
    ASSERT_TRUE(bound.is_object()) << exception_name();
    EXPECT_EQ(bound.as_object()->class_id(), ClassId::BoundFunction);
    EXPECT_EQ(text(prop(bound, "name")), "bound keys");
    EXPECT_EQ(prop(bound, "length").as_number(), 0); // 1 - 1 bound argument
    EXPECT_EQ(join(call_fn(bound, Value::undefined(), {str("ignored")})), "0,1,2");
    EXPECT_FALSE(bound.as_object()->is_constructor());
    // A bound constructor constructs, with the target's prototype chain.
    Value bound_error =
        call_fn(path("Function.prototype.bind"), path("TypeError"), {Value::null(), str("msg")});
    EXPECT_TRUE(bound_error.as_object()->is_constructor());
    EXPECT_EQ(prop(bound_error, "length").as_number(), 0);
    Value e = construct(*ctx, bound_error, {});
    ASSERT_TRUE(e.is_object());
    EXPECT_EQ(text(prop(e, "message")), "msg");
    EXPECT_EQ(e.as_object()->prototype(), ctx->intrinsic(Intrinsic::TypeErrorPrototype));
    // The bound function's [[Prototype]] is the target's.
    EXPECT_EQ(bound.as_object()->prototype(), ctx->intrinsic(Intrinsic::FunctionPrototype));
    // Length follows the target's "length" property: non-number -> 0, Infinity stays.
    Value target = path("Object.assign");
    PropertyDescriptor d = PropertyDescriptor::data(Value::float64(INFINITY), prop::Configurable);
    ASSERT_FALSE(define_own_property(*ctx, target.as_object(), atoms::length, d).is_exception());
    Value b2 = call_fn(path("Function.prototype.bind"), target, {});
    EXPECT_EQ(prop(b2, "length").as_number(), INFINITY);
    d = PropertyDescriptor::data(str("3"), prop::Configurable);
    ASSERT_FALSE(define_own_property(*ctx, target.as_object(), atoms::length, d).is_exception());
    EXPECT_EQ(prop(call_fn(path("Function.prototype.bind"), target, {}), "length").as_number(), 0);
    d = PropertyDescriptor::data(Value::float64(5.7), prop::Configurable);
    ASSERT_FALSE(define_own_property(*ctx, target.as_object(), atoms::length, d).is_exception());
    EXPECT_EQ(prop(call_fn(path("Function.prototype.bind"), target, {Value::null(), Value::null()}), "length")
                  .as_number(),
              4);
    // A non-string name gives "bound ".
    d = PropertyDescriptor::data(Value::int32(1), prop::Configurable);
    ASSERT_FALSE(define_own_property(*ctx, target.as_object(), atoms::name, d).is_exception());
    EXPECT_EQ(text(prop(call_fn(path("Function.prototype.bind"), target, {}), "name")), "bound ");
    // Binding a bound function nests.
    Value bb = call_fn(path("Function.prototype.bind"), bound, {});
    EXPECT_EQ(text(prop(bb, "name")), "bound bound keys");
    EXPECT_TRUE(call_fn(path("Function.prototype.bind"), new_object(*ctx), {}).is_exception());
    EXPECT_EQ(exception_name(), "TypeError");
}

TEST_F(FunctionBuiltins, ToString) {
    Value to_string = path("Function.prototype.toString");
    EXPECT_EQ(text(call_fn(to_string, path("Object.keys"))), "function keys() {\n    [native code]\n}");
    EXPECT_EQ(text(call_fn(to_string, path("Function.prototype"))), "function () {\n    [native code]\n}");
    Value bound = call_fn(path("Function.prototype.bind"), path("Object.keys"), {});
    EXPECT_EQ(text(call_fn(to_string, bound)), "function () {\n    [native code]\n}");
    PropertyDescriptor getter;
    ASSERT_TRUE(MUST(
        get_own_property(*ctx, ctx->intrinsic(Intrinsic::SymbolPrototype), atoms::description, &getter)));
    EXPECT_EQ(text(call_fn(to_string, getter.getter)), "function get description() {\n    [native code]\n}");
    EXPECT_TRUE(call_fn(to_string, new_object(*ctx)).is_exception());
    EXPECT_EQ(exception_name(), "TypeError");
}

TEST_F(FunctionBuiltins, HasInstance) {
    Value has_instance = get(*ctx, ctx->intrinsic(Intrinsic::FunctionPrototype), atoms::sym_hasInstance);
    ASSERT_TRUE(has_instance.is_object());
    Value e = construct_path("RangeError");
    EXPECT_EQ(text(call_fn(has_instance, path("Error"), {e})), "true");
    EXPECT_EQ(text(call_fn(has_instance, path("TypeError"), {e})), "false");
    EXPECT_EQ(text(call_fn(has_instance, new_object(*ctx), {e})), "false");
    PropertyDescriptor d;
    ASSERT_TRUE(MUST(
        get_own_property(*ctx, ctx->intrinsic(Intrinsic::FunctionPrototype), atoms::sym_hasInstance, &d)));
    EXPECT_FALSE(d.writable() || d.enumerable() || d.configurable());
    EXPECT_EQ(text(prop(has_instance, "name")), "[Symbol.hasInstance]");
}

TEST_F(FunctionBuiltins, FunctionPrototypeShape) {
    Object* fp = ctx->intrinsic(Intrinsic::FunctionPrototype);
    EXPECT_EQ(get(*ctx, fp, atoms::length).as_number(), 0);
    EXPECT_EQ(text(get(*ctx, fp, atoms::name)), "");
    EXPECT_TRUE(call_fn(Value::object(fp), Value::undefined(), {Value::int32(1)}).is_undefined());
    // caller/arguments are %ThrowTypeError% accessors.
    PropertyDescriptor d;
    ASSERT_TRUE(MUST(get_own_property(*ctx, fp, atoms::caller, &d)));
    ASSERT_TRUE(d.is_accessor());
    EXPECT_EQ(d.getter.as_object(), ctx->intrinsic(Intrinsic::ThrowTypeError));
    EXPECT_EQ(d.setter.as_object(), ctx->intrinsic(Intrinsic::ThrowTypeError));
    EXPECT_TRUE(d.configurable() && !d.enumerable());
    EXPECT_TRUE(get(*ctx, fp, atoms::arguments).is_exception());
    EXPECT_EQ(exception_name(), "TypeError");
    // %ThrowTypeError% is frozen-ish: not extensible, length/name non-configurable.
    Object* thrower = ctx->intrinsic(Intrinsic::ThrowTypeError);
    EXPECT_FALSE(thrower->is_extensible());
    ASSERT_TRUE(MUST(get_own_property(*ctx, thrower, atoms::length, &d)));
    EXPECT_FALSE(d.configurable() || d.writable());
    ASSERT_TRUE(MUST(get_own_property(*ctx, thrower, atoms::name, &d)));
    EXPECT_FALSE(d.configurable() || d.writable());
    EXPECT_EQ(text(d.value), "");
    // Function itself
    Value fn = path("Function");
    EXPECT_EQ(get(*ctx, fn.as_object(), atoms::prototype).as_object(), fp);
    EXPECT_EQ(fn.as_object()->prototype(), fp);
    EXPECT_EQ(prop(fn, "length").as_number(), 1);
}

} // namespace
