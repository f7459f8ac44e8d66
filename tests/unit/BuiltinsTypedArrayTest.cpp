// Unit tests: ArrayBuffer, SharedArrayBuffer, the typed arrays and DataView (through call()).
#include "BuiltinsTestSupport.h"

#include "runtime/ArrayBufferObject.h"
#include "runtime/BigInt.h"
#include "runtime/TypedArrayObject.h"

#include <cmath>

using namespace qjs;
using namespace qjs::test;

namespace {

struct TypedArrayTest : BuiltinsFixture {
    Value num(double d) { return Value::number(d); }
    Value array_of(std::initializer_list<double> values) {
        std::vector<Value> list;
        for (double d : values)
            list.push_back(Value::number(d));
        return new_array_from(*ctx, std::span<const Value>(list.data(), list.size()));
    }
    Value make(const char* ctor, std::initializer_list<Value> args) {
        Value v = construct_path(ctor, args);
        EXPECT_FALSE(v.is_exception()) << exception_name();
        return v;
    }
    Value method(const Value& self, const char* name, std::initializer_list<Value> args = {}) {
        return call_fn(prop(self, name), self, args);
    }
    Value at(const Value& o, uint32_t i) { return get(*ctx, o.as_object(), atom_from_index(i)); }
    void put(const Value& o, uint32_t i, Value v) {
        ASSERT_FALSE(set_or_throw(*ctx, o.as_object(), atom_from_index(i), v).is_exception());
    }
    double number(const Value& v) {
        EXPECT_TRUE(v.is_number()) << text(v);
        return v.is_number() ? v.as_number() : NAN;
    }
    Value detach(const Value& buffer) {
        EXPECT_FALSE(detach_array_buffer(*ctx, buffer.as_object()).is_exception());
        return buffer;
    }
    Value options_max(double max) {
        Value o = new_object(*ctx);
        EXPECT_FALSE(set_or_throw(*ctx, o.as_object(), atom("maxByteLength"), num(max)).is_exception());
        return o;
    }
};

TEST_F(TypedArrayTest, ArrayBufferBasics) {
    Value buffer = make("ArrayBuffer", {num(8)});
    EXPECT_EQ(number(prop(buffer, "byteLength")), 8);
    EXPECT_FALSE(to_boolean(prop(buffer, "resizable")));
    EXPECT_EQ(number(prop(buffer, "maxByteLength")), 8);
    Value bytes = make("Uint8Array", {buffer});
    for (uint32_t i = 0; i < 8; ++i)
        put(bytes, i, num(i + 1));
    Value sliced = method(buffer, "slice", {num(2), num(-2)});
    EXPECT_EQ(number(prop(sliced, "byteLength")), 4);
    EXPECT_EQ(join(make("Uint8Array", {sliced})), "3,4,5,6");
    // isView
    EXPECT_TRUE(to_boolean(call_path("ArrayBuffer.isView", {bytes})));
    EXPECT_FALSE(to_boolean(call_path("ArrayBuffer.isView", {buffer})));
    // Calling without new throws.
    EXPECT_TRUE(call_path("ArrayBuffer", {num(1)}).is_exception());
    EXPECT_EQ(exception_name(), "TypeError");
    // Negative length is a RangeError (ToIndex).
    EXPECT_TRUE(construct_path("ArrayBuffer", {num(-1)}).is_exception());
    EXPECT_EQ(exception_name(), "RangeError");
}

TEST_F(TypedArrayTest, ArrayBufferTransferDetaches) {
    Value buffer = make("ArrayBuffer", {num(4)});
    Value bytes = make("Uint8Array", {buffer});
    put(bytes, 0, num(42));
    Value moved = method(buffer, "transfer", {num(6)});
    ASSERT_FALSE(moved.is_exception());
    EXPECT_TRUE(to_boolean(prop(buffer, "detached")));
    EXPECT_EQ(number(prop(buffer, "byteLength")), 0);
    EXPECT_EQ(number(prop(moved, "byteLength")), 6);
    EXPECT_EQ(join(make("Uint8Array", {moved})), "42,0,0,0,0,0");
    // The old view is out of bounds: length 0, elements undefined, methods throw.
    EXPECT_EQ(number(prop(bytes, "length")), 0);
    EXPECT_TRUE(at(bytes, 0).is_undefined());
    EXPECT_TRUE(method(bytes, "fill", {num(1)}).is_exception());
    EXPECT_EQ(exception_name(), "TypeError");
    EXPECT_TRUE(method(buffer, "slice", {}).is_exception());
    EXPECT_EQ(exception_name(), "TypeError");
}

TEST_F(TypedArrayTest, ResizableBufferAndLengthTracking) {
    Value buffer = make("ArrayBuffer", {num(8), options_max(16)});
    EXPECT_TRUE(to_boolean(prop(buffer, "resizable")));
    EXPECT_EQ(number(prop(buffer, "maxByteLength")), 16);
    Value tracking = make("Uint16Array", {buffer, num(2)});
    Value fixed = make("Uint8Array", {buffer, num(4), num(4)});
    EXPECT_EQ(number(prop(tracking, "length")), 3);
    ASSERT_FALSE(method(buffer, "resize", {num(12)}).is_exception());
    EXPECT_EQ(number(prop(tracking, "length")), 5);
    EXPECT_EQ(number(prop(fixed, "length")), 4);
    // Shrinking below the fixed view's end makes it out of bounds.
    ASSERT_FALSE(method(buffer, "resize", {num(6)}).is_exception());
    EXPECT_EQ(number(prop(tracking, "length")), 2);
    EXPECT_EQ(number(prop(fixed, "length")), 0);
    EXPECT_EQ(number(prop(fixed, "byteOffset")), 0);
    EXPECT_TRUE(method(fixed, "at", {num(0)}).is_exception());
    EXPECT_EQ(exception_name(), "TypeError");
    // Growing again brings it back.
    ASSERT_FALSE(method(buffer, "resize", {num(8)}).is_exception());
    EXPECT_EQ(number(prop(fixed, "length")), 4);
    EXPECT_TRUE(method(buffer, "resize", {num(17)}).is_exception());
    EXPECT_EQ(exception_name(), "RangeError");
    // Length-tracking views can't be made non-extensible.
    EXPECT_TRUE(call_path("Object.preventExtensions", {tracking}).is_exception());
    EXPECT_EQ(exception_name(), "TypeError");
}

TEST_F(TypedArrayTest, ElementConversions) {
    Value clamped = make("Uint8ClampedArray", {num(6)});
    double inputs[] = {300, -5, 1.5, 2.5, 0.5, NAN};
    for (uint32_t i = 0; i < 6; ++i)
        put(clamped, i, num(inputs[i]));
    EXPECT_EQ(join(clamped), "255,0,2,2,0,0");
    Value int8 = make("Int8Array", {array_of({200, -129, 1.9, -1.9})});
    EXPECT_EQ(join(int8), "-56,127,1,-1");
    Value uint32 = make("Uint32Array", {array_of({-1, 4294967296.0 + 5})});
    EXPECT_EQ(join(uint32), "4294967295,5");
    Value f32 = make("Float32Array", {array_of({0.1, 1e40, -1e40})});
    EXPECT_EQ(number(at(f32, 0)), static_cast<double>(0.1f));
    EXPECT_EQ(number(at(f32, 1)), INFINITY);
    EXPECT_EQ(number(at(f32, 2)), -INFINITY);
    Value f16 = make("Float16Array", {array_of({1.337, 65504, 65520, 1e-8, 5.960464477539063e-8, -0.0})});
    EXPECT_EQ(number(at(f16, 0)), 1.3369140625);
    EXPECT_EQ(number(at(f16, 1)), 65504);
    EXPECT_EQ(number(at(f16, 2)), INFINITY);
    EXPECT_EQ(number(at(f16, 3)), 0);
    EXPECT_EQ(number(at(f16, 4)), 5.960464477539063e-8);
    EXPECT_TRUE(std::signbit(number(at(f16, 5))));
    // Ties to even: 2049 is halfway between 2048 and 2050 -> 2048; 2051 -> 2052.
    EXPECT_EQ(double_to_float16(2049), double_to_float16(2048));
    EXPECT_EQ(float16_to_double(double_to_float16(2051)), 2052);
}

TEST_F(TypedArrayTest, BigIntArrays) {
    Value big = make("BigInt64Array", {num(2)});
    put(big, 0, bigint_from_int64(*ctx, -5));
    EXPECT_EQ(text(at(big, 0)), "-5");
    // Numbers are rejected.
    EXPECT_TRUE(set_or_throw(*ctx, big.as_object(), atom_from_index(1), num(1)).is_exception());
    EXPECT_EQ(exception_name(), "TypeError");
    Value ubig = make("BigUint64Array", {big});
    EXPECT_EQ(text(at(ubig, 0)), "18446744073709551611");
    // Mixing content types throws.
    EXPECT_TRUE(construct_path("Int32Array", {big}).is_exception());
    EXPECT_EQ(exception_name(), "TypeError");
}

TEST_F(TypedArrayTest, IntegerIndexedExoticBehaviour) {
    Value ta = make("Int16Array", {array_of({1, 2, 3})});
    // Out-of-range and non-canonical numeric keys: never ordinary properties.
    EXPECT_FALSE(MUST(has_property(*ctx, ta.as_object(), atom("3"))));
    EXPECT_FALSE(MUST(has_property(*ctx, ta.as_object(), atom("-0"))));
    EXPECT_FALSE(MUST(has_property(*ctx, ta.as_object(), atom("1.5"))));
    EXPECT_TRUE(MUST(set(*ctx, ta.as_object(), atom("1.5"), num(9), ta)));
    EXPECT_TRUE(get(*ctx, ta.as_object(), atom("1.5")).is_undefined());
    // Non-numeric strings are ordinary.
    EXPECT_TRUE(MUST(set(*ctx, ta.as_object(), atom("foo"), num(9), ta)));
    EXPECT_EQ(number(get(*ctx, ta.as_object(), atom("foo"))), 9);
    Vector<Atom> keys = MUST(own_property_keys(*ctx, ta.as_object()));
    ASSERT_EQ(keys.size(), 4u);
    EXPECT_EQ(keys[0], atom("0"));
    EXPECT_EQ(keys[2], atom("2"));
    EXPECT_EQ(keys[3], atom("foo"));
    // Elements can't be deleted or made non-writable; freezing a non-empty array fails.
    EXPECT_FALSE(MUST(delete_property(*ctx, ta.as_object(), atom("0"))));
    EXPECT_TRUE(MUST(delete_property(*ctx, ta.as_object(), atom("7"))));
    EXPECT_TRUE(call_path("Object.freeze", {ta}).is_exception());
    EXPECT_EQ(exception_name(), "TypeError");
    PropertyDescriptor desc;
    ASSERT_TRUE(MUST(get_own_property(*ctx, ta.as_object(), atom("1"), &desc)));
    EXPECT_TRUE(desc.writable() && desc.enumerable() && desc.configurable());
    EXPECT_EQ(number(desc.value), 2);
}

TEST_F(TypedArrayTest, PrototypeMethods) {
    Value ta = make("Float64Array", {array_of({3, NAN, -0.0, 0, -1, 2})});
    ASSERT_FALSE(method(ta, "sort").is_exception());
    EXPECT_EQ(join(ta), "-1,0,0,2,3,NaN");
    EXPECT_TRUE(std::signbit(number(at(ta, 1))));
    EXPECT_FALSE(std::signbit(number(at(ta, 2))));
    EXPECT_EQ(number(method(ta, "indexOf", {num(NAN)})), -1);
    EXPECT_TRUE(to_boolean(method(ta, "includes", {num(NAN)})));
    EXPECT_EQ(text(method(ta, "join", {str("|")})), "-1|0|0|2|3|NaN");
    EXPECT_EQ(text(method(ta, "toString")), "-1,0,0,2,3,NaN");
    EXPECT_TRUE(prop(ta, "toString").bits_equal(path("Array.prototype.toString")));
    EXPECT_TRUE(path("Int8Array.prototype.values")
                    .bits_equal(get(*ctx, path("Int8Array.prototype").as_object(), atoms::sym_iterator)));

    Value u8 = make("Uint8Array", {array_of({1, 2, 3, 4, 5})});
    Value sub = method(u8, "subarray", {num(1), num(4)});
    EXPECT_EQ(join(sub), "2,3,4");
    EXPECT_EQ(number(prop(sub, "byteOffset")), 1);
    put(sub, 0, num(20));
    EXPECT_EQ(number(at(u8, 1)), 20);
    Value sliced = method(u8, "slice", {num(-2)});
    EXPECT_EQ(join(sliced), "4,5");
    EXPECT_EQ(join(method(u8, "copyWithin", {num(0), num(3)})), "4,5,3,4,5");
    EXPECT_EQ(join(method(u8, "fill", {num(7), num(1), num(3)})), "4,7,7,4,5");
    EXPECT_EQ(join(method(u8, "reverse")), "5,4,7,7,4");
    EXPECT_EQ(join(method(u8, "toReversed")), "4,7,7,4,5");
    EXPECT_EQ(join(method(u8, "with", {num(-1), num(9)})), "5,4,7,7,9");
    EXPECT_EQ(number(method(u8, "lastIndexOf", {num(7)})), 3);
    EXPECT_EQ(number(method(u8, "at", {num(-1)})), 4);
    // set from an array and from an overlapping typed array of another type.
    ASSERT_FALSE(method(u8, "set", {array_of({1, 2}), num(3)}).is_exception());
    EXPECT_EQ(join(u8), "5,4,7,1,2");
    Value view16 = make("Uint16Array", {prop(u8, "buffer"), num(0), num(2)});
    EXPECT_TRUE(method(u8, "set", {array_of({1, 2}), num(4)}).is_exception());
    EXPECT_EQ(exception_name(), "RangeError");
    Value src = make("Int8Array", {array_of({-1, 2})});
    ASSERT_FALSE(method(view16, "set", {src}).is_exception());
    EXPECT_EQ(join(view16), "65535,2");
    EXPECT_EQ(text(call_fn(path("Object.prototype.toString"), view16)), "[object Uint16Array]");
    EXPECT_TRUE(method(u8, "with", {num(5), num(0)}).is_exception());
    EXPECT_EQ(exception_name(), "RangeError");
}

TEST_F(TypedArrayTest, FromOfAndSpecies) {
    Value ta = call_fn(path("Uint8Array.from"), path("Uint8Array"), {array_of({1, 2, 3})});
    ASSERT_FALSE(ta.is_exception()) << exception_name();
    EXPECT_EQ(join(ta), "1,2,3");
    Value of = call_fn(path("Int32Array.of"), path("Int32Array"), {num(7), num(-8)});
    EXPECT_EQ(join(of), "7,-8");
    EXPECT_TRUE(call_fn(path("Int32Array.of"), Value(), {num(1)}).is_exception());
    EXPECT_EQ(exception_name(), "TypeError");
    // %TypedArray% itself throws, and is the [[Prototype]] of the constructors.
    Object* proto = MUST(get_prototype_of(*ctx, path("Int8Array").as_object()));
    Value abstract_ctor = Value::adopt(Tag::Object, proto);
    EXPECT_TRUE(construct(*ctx, abstract_ctor, {}).is_exception());
    EXPECT_EQ(exception_name(), "TypeError");
    EXPECT_EQ(number(path("Float64Array.BYTES_PER_ELEMENT")), 8);
    EXPECT_EQ(number(path("Float16Array.prototype.BYTES_PER_ELEMENT")), 2);
    EXPECT_EQ(number(path("Uint8Array.length")), 3);
}

TEST_F(TypedArrayTest, DataViewEndiannessAndBounds) {
    Value buffer = make("ArrayBuffer", {num(16)});
    Value view = make("DataView", {buffer, num(2)});
    EXPECT_EQ(number(prop(view, "byteLength")), 14);
    ASSERT_FALSE(method(view, "setUint16", {num(0), num(0x1234)}).is_exception());
    Value bytes = make("Uint8Array", {buffer});
    EXPECT_EQ(number(at(bytes, 2)), 0x12);
    EXPECT_EQ(number(at(bytes, 3)), 0x34);
    EXPECT_EQ(number(method(view, "getUint16", {num(0), Value::boolean(true)})), 0x3412);
    ASSERT_FALSE(method(view, "setFloat64", {num(4), num(1.5), Value::boolean(true)}).is_exception());
    EXPECT_EQ(number(method(view, "getFloat64", {num(4), Value::boolean(true)})), 1.5);
    ASSERT_FALSE(method(view, "setBigInt64", {num(4), bigint_from_int64(*ctx, -2)}).is_exception());
    EXPECT_EQ(text(method(view, "getBigUint64", {num(4)})), "18446744073709551614");
    ASSERT_FALSE(method(view, "setFloat16", {num(0), num(1.5)}).is_exception());
    EXPECT_EQ(number(method(view, "getFloat16", {num(0)})), 1.5);
    EXPECT_EQ(number(method(view, "getInt8", {num(0)})), 0x3e);
    EXPECT_TRUE(method(view, "getUint32", {num(11)}).is_exception());
    EXPECT_EQ(exception_name(), "RangeError");
    EXPECT_TRUE(construct_path("DataView", {buffer, num(17)}).is_exception());
    EXPECT_EQ(exception_name(), "RangeError");
    (void)detach(buffer);
    EXPECT_TRUE(method(view, "getInt8", {num(0)}).is_exception());
    EXPECT_EQ(exception_name(), "TypeError");
    EXPECT_TRUE(prop(view, "byteLength").is_exception());
    EXPECT_EQ(exception_name(), "TypeError");
}

TEST_F(TypedArrayTest, SharedArrayBufferGrows) {
    Value buffer = make("SharedArrayBuffer", {num(4), options_max(8)});
    EXPECT_TRUE(to_boolean(prop(buffer, "growable")));
    Value tracking = make("Int8Array", {buffer});
    ASSERT_FALSE(method(buffer, "grow", {num(8)}).is_exception());
    EXPECT_EQ(number(prop(tracking, "length")), 8);
    EXPECT_TRUE(method(buffer, "grow", {num(4)}).is_exception());
    EXPECT_EQ(exception_name(), "RangeError");
    // ArrayBuffer.prototype getters reject shared buffers.
    EXPECT_TRUE(call_fn(path("ArrayBuffer.prototype.slice"), buffer).is_exception());
    EXPECT_EQ(exception_name(), "TypeError");
    EXPECT_TRUE(detach_array_buffer(*ctx, buffer.as_object()).is_exception());
    EXPECT_EQ(exception_name(), "TypeError");
}

TEST_F(TypedArrayTest, CallbacksAndIterators) {
    Value ta = make("Int32Array", {array_of({1, 2, 3, 4})});
    // map/filter go through a species constructor (the default one here).
    Value fn = path("Math.abs");
    Value mapped = method(ta, "map", {fn});
    EXPECT_EQ(join(mapped), "1,2,3,4");
    EXPECT_TRUE(method(ta, "map", {num(1)}).is_exception());
    EXPECT_EQ(exception_name(), "TypeError");
    Value it = method(ta, "entries");
    Value step = method(it, "next");
    EXPECT_EQ(join(prop(step, "value")), "0,1");
    Value keys = method(ta, "keys");
    EXPECT_EQ(number(prop(method(keys, "next"), "value")), 0);
    Value sorted = method(ta, "toSorted");
    EXPECT_EQ(join(sorted), "1,2,3,4");
    // reduce without an initial value: the only element is returned without a call.
    EXPECT_EQ(number(method(make("Int32Array", {array_of({4})}), "reduce", {path("Math.max")})), 4);
    EXPECT_TRUE(method(make("Int32Array", {num(0)}), "reduceRight", {path("Math.max")}).is_exception());
    EXPECT_EQ(exception_name(), "TypeError");
}

TEST_F(TypedArrayTest, BuffersCountAgainstTheMemoryLimit) {
    size_t used = rt->memory_used();
    Value buffer = make("ArrayBuffer", {num(1 << 20)});
    EXPECT_GE(rt->memory_used(), used + (1 << 20));
    rt->set_memory_limit(rt->memory_used() + (1 << 16));
    EXPECT_TRUE(construct_path("ArrayBuffer", {num(1 << 20)}).is_exception());
    EXPECT_EQ(exception_name(), "RangeError");
    rt->set_memory_limit(0);
    (void)detach(buffer);
    EXPECT_LT(rt->memory_used(), used + (1 << 20));
}

TEST_F(TypedArrayTest, RelativeIndexesAndShrinkingCopies) {
    Value ta = make("Uint8Array", {array_of({1, 2, 3})});
    // -0.5 truncates to -0, which is the index +0.
    EXPECT_EQ(number(method(ta, "at", {num(-0.5)})), 1);
    EXPECT_EQ(join(method(ta, "with", {num(-0.5), num(9)})), "9,2,3");
    EXPECT_EQ(number(method(ta, "indexOf", {num(1), num(-0.5)})), 0);
    // copyWithin on a length-tracking view copies what still fits after the view shrank; here
    // nothing shrinks, but the overlapping copy must behave as memmove.
    Value buffer = make("ArrayBuffer", {num(4), options_max(8)});
    Value tracking = make("Uint8Array", {buffer});
    for (uint32_t i = 0; i < 4; ++i)
        put(tracking, i, num(i));
    EXPECT_EQ(join(method(tracking, "copyWithin", {num(1), num(0)})), "0,0,1,2");
    EXPECT_EQ(join(method(tracking, "copyWithin", {num(0), num(1)})), "0,1,2,2");
    // Float16 default sort: NaN last, -0 before +0.
    Value f16 = make("Float16Array", {array_of({NAN, 0, -0.0, -2, 1})});
    ASSERT_FALSE(method(f16, "sort").is_exception());
    EXPECT_EQ(join(f16), "-2,0,0,1,NaN");
    EXPECT_TRUE(std::signbit(number(at(f16, 1))));
}

} // namespace
