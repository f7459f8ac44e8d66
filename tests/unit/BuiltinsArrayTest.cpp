// Unit tests of the Array builtins, Array Iterators and the iteration operations, called through
// call() as the interpreter would.
#include "builtins/Array.h"
#include "runtime/Call.h"
#include "runtime/Context.h"
#include "runtime/Conversions.h"
#include "runtime/Iteration.h"
#include "runtime/NativeFunction.h"
#include "runtime/String.h"

#include <gtest/gtest.h>

#include <cmath>
#include <string>
#include <vector>

using namespace qjs;

namespace {

int g_calls = 0;

Value cb_double(Context& ctx, const CallArgs& args) {
    g_calls++;
    double d = MUST(to_number(ctx, args.arg(0)));
    return Value::number(d * 2);
}
Value cb_is_even(Context& ctx, const CallArgs& args) {
    g_calls++;
    double d = MUST(to_number(ctx, args.arg(0)));
    return Value::boolean(std::fmod(d, 2) == 0);
}
Value cb_sum(Context& ctx, const CallArgs& args) {
    double a = MUST(to_number(ctx, args.arg(0)));
    double b = MUST(to_number(ctx, args.arg(1)));
    return Value::number(a + b);
}
Value cb_descending(Context& ctx, const CallArgs& args) {
    double a = MUST(to_number(ctx, args.arg(0)));
    double b = MUST(to_number(ctx, args.arg(1)));
    return Value::number(b - a);
}
// Compares only the tens digit: elements with the same tens must keep their order.
Value cb_by_tens(Context& ctx, const CallArgs& args) {
    double a = MUST(to_number(ctx, args.arg(0)));
    double b = MUST(to_number(ctx, args.arg(1)));
    return Value::number(std::floor(a / 10) - std::floor(b / 10));
}
Value cb_throw(Context& ctx, const CallArgs&) {
    return ctx.throw_type_error("boom");
}
Value cb_pair(Context& ctx, const CallArgs& args) {
    Value items[2] = {args.arg(0), args.arg(0)};
    return create_array_from_list(ctx, items);
}

int g_returns = 0;
int g_next_count = 0;
Value counting_next(Context& ctx, const CallArgs&) {
    return create_iter_result_object(ctx, Value::int32(g_next_count++), false);
}
Value counting_return(Context& ctx, const CallArgs&) {
    g_returns++;
    return new_object(ctx);
}

int g_setter_calls = 0;
Value counting_setter(Context&, const CallArgs&) {
    g_setter_calls++;
    return Value();
}

struct ArrayFixture : ::testing::Test {
    Runtime* rt = nullptr;
    Context* ctx = nullptr;
    void SetUp() override {
        rt = Runtime::create();
        ctx = Context::create(*rt);
        ASSERT_NE(ctx, nullptr);
    }
    void TearDown() override {
        (void)rt->take_exception();
        ctx->release();
        EXPECT_EQ(rt->destroy(), 0u);
    }

    Atom atom(const char* s) { return rt->intern_ascii(s); }
    Value global(const char* name) { return get(*ctx, ctx->global_object(), atom(name)); }
    Value fn(NativeFn f) { return new_native_function(*ctx, f, "cb", 2); }
    Value invoke_method(const Value& self, const char* name, std::vector<Value> args = {}) {
        Value f = get_v(*ctx, self, function_list_atom(*ctx, name));
        EXPECT_FALSE(f.is_exception());
        return call(*ctx, f, self, args);
    }
    Value ints(std::initializer_list<int> xs) {
        std::vector<Value> v;
        for (int x : xs)
            v.push_back(Value::int32(x));
        return create_array_from_list(*ctx, v);
    }
    std::string str(const Value& v) {
        EXPECT_FALSE(v.is_exception());
        if (v.is_exception()) return "<exception>";
        Value s = to_string(*ctx, v);
        EXPECT_TRUE(s.is_string());
        return s.is_string() ? s.as_string()->to_utf8() : "<?>";
    }
    // The array's elements joined with ",", as JS's String(array) (holes and undefined are empty).
    std::string joined(const Value& array) { return str(invoke_method(array, "join")); }
    double num(const Value& v) {
        EXPECT_TRUE(v.is_number());
        return v.is_number() ? v.as_number() : NAN;
    }
    bool threw_type(Value v) {
        if (!v.is_exception()) return false;
        (void)rt->take_exception();
        return true;
    }
};

TEST_F(ArrayFixture, ConstructorForms) {
    Value array_ctor = global("Array");
    ASSERT_TRUE(array_ctor.is_object());
    Value a = call(*ctx, array_ctor, Value(), std::vector<Value>{Value::int32(3)});
    EXPECT_EQ(num(get(*ctx, a.as_object(), atoms::length)), 3);
    EXPECT_EQ(joined(a), ",,");
    Value b =
        construct(*ctx, array_ctor, std::vector<Value>{Value::int32(1), Value::int32(2), Value::int32(3)});
    EXPECT_EQ(joined(b), "1,2,3");
    Value s = ctx->new_string("x");
    Value c = construct(*ctx, array_ctor, std::vector<Value>{s});
    EXPECT_EQ(joined(c), "x");
    EXPECT_TRUE(threw_type(call(*ctx, array_ctor, Value(), std::vector<Value>{Value::number(-1.0)})));
    EXPECT_TRUE(threw_type(call(*ctx, array_ctor, Value(), std::vector<Value>{Value::number(1.5)})));
    Value of = invoke_method(array_ctor, "of", {Value::int32(7), Value::int32(8)});
    EXPECT_EQ(joined(of), "7,8");
    EXPECT_TRUE(invoke_method(array_ctor, "isArray", {of}).as_bool());
    EXPECT_FALSE(invoke_method(array_ctor, "isArray", {new_object(*ctx)}).as_bool());
    Value species = get(*ctx, array_ctor.as_object(), atoms::sym_species);
    EXPECT_TRUE(species.bits_equal(array_ctor));
}

TEST_F(ArrayFixture, PushPopShiftUnshift) {
    Value a = ints({1, 2, 3});
    EXPECT_EQ(num(invoke_method(a, "push", {Value::int32(4), Value::int32(5)})), 5);
    EXPECT_TRUE(a.as_object()->is_fast_array());
    EXPECT_EQ(num(invoke_method(a, "pop")), 5);
    EXPECT_EQ(num(invoke_method(a, "shift")), 1);
    EXPECT_EQ(num(invoke_method(a, "unshift", {Value::int32(9), Value::int32(8)})), 5);
    EXPECT_EQ(joined(a), "9,8,2,3,4");
    EXPECT_TRUE(a.as_object()->is_fast_array());
    Value empty = ints({});
    EXPECT_TRUE(invoke_method(empty, "pop").is_undefined());
    EXPECT_TRUE(invoke_method(empty, "shift").is_undefined());

    // Generic over array-likes.
    Value obj = new_object(*ctx);
    Value push = get(*ctx, ctx->intrinsic(Intrinsic::ArrayPrototype), atom("push"));
    EXPECT_EQ(num(call(*ctx, push, obj, std::vector<Value>{Value::int32(1), Value::int32(2)})), 2);
    EXPECT_EQ(num(get(*ctx, obj.as_object(), atoms::length)), 2);
    EXPECT_EQ(num(get_index(*ctx, obj.as_object(), 1)), 2);
    Value pop = get(*ctx, ctx->intrinsic(Intrinsic::ArrayPrototype), atom("pop"));
    EXPECT_EQ(num(call(*ctx, pop, obj, {})), 2);
    EXPECT_EQ(num(get(*ctx, obj.as_object(), atoms::length)), 1);
}

TEST_F(ArrayFixture, SliceSpliceConcatReverse) {
    Value a = ints({1, 2, 3, 4, 5});
    EXPECT_EQ(joined(invoke_method(a, "slice", {Value::int32(1), Value::int32(-1)})), "2,3,4");
    EXPECT_EQ(joined(invoke_method(a, "slice", {Value::int32(-2)})), "4,5");
    Value removed = invoke_method(a, "splice", {Value::int32(1), Value::int32(2), Value::int32(9)});
    EXPECT_EQ(joined(removed), "2,3");
    EXPECT_EQ(joined(a), "1,9,4,5");
    Value removed2 =
        invoke_method(a, "splice", {Value::int32(1), Value::int32(0), Value::int32(7), Value::int32(8)});
    EXPECT_EQ(joined(removed2), "");
    EXPECT_EQ(joined(a), "1,7,8,9,4,5");
    EXPECT_EQ(joined(invoke_method(a, "splice", {Value::int32(-2)})), "4,5");
    EXPECT_EQ(joined(a), "1,7,8,9");
    Value c = invoke_method(ints({1, 2}), "concat", {ints({3, 4}), Value::int32(5)});
    EXPECT_EQ(joined(c), "1,2,3,4,5");
    EXPECT_EQ(joined(invoke_method(ints({1, 2, 3, 4}), "reverse")), "4,3,2,1");
    // Holes are preserved by reverse on a sparse array.
    Value sparse = call(*ctx, global("Array"), Value(), std::vector<Value>{Value::int32(3)});
    ASSERT_FALSE(set_index_or_throw(*ctx, sparse.as_object(), 0, Value::int32(1)).is_exception());
    EXPECT_FALSE(invoke_method(sparse, "reverse").is_exception());
    EXPECT_FALSE(MUST(has_property(*ctx, sparse.as_object(), atom_from_index(0))));
    EXPECT_EQ(num(get_index(*ctx, sparse.as_object(), 2)), 1);
}

TEST_F(ArrayFixture, SearchMethods) {
    Value a = ints({1, 2, 3, 2, 1});
    EXPECT_EQ(num(invoke_method(a, "indexOf", {Value::int32(2)})), 1);
    EXPECT_EQ(num(invoke_method(a, "lastIndexOf", {Value::int32(2)})), 3);
    EXPECT_EQ(num(invoke_method(a, "indexOf", {Value::int32(2), Value::int32(2)})), 3);
    EXPECT_EQ(num(invoke_method(a, "indexOf", {Value::int32(7)})), -1);
    EXPECT_EQ(num(invoke_method(a, "lastIndexOf", {Value::int32(1), Value::int32(-2)})), 0);
    EXPECT_EQ(num(invoke_method(a, "at", {Value::int32(-1)})), 1);
    EXPECT_TRUE(invoke_method(a, "at", {Value::int32(5)}).is_undefined());
    Value with_nan = create_array_from_list(*ctx, std::vector<Value>{Value::float64(NAN)});
    EXPECT_TRUE(invoke_method(with_nan, "includes", {Value::float64(NAN)}).as_bool());
    EXPECT_EQ(num(invoke_method(with_nan, "indexOf", {Value::float64(NAN)})), -1);
    EXPECT_EQ(num(invoke_method(a, "find", {fn(cb_is_even)})), 2);
    EXPECT_EQ(num(invoke_method(a, "findIndex", {fn(cb_is_even)})), 1);
    EXPECT_EQ(num(invoke_method(a, "findLastIndex", {fn(cb_is_even)})), 3);
    EXPECT_EQ(num(invoke_method(ints({1, 3}), "findLastIndex", {fn(cb_is_even)})), -1);
    EXPECT_TRUE(threw_type(invoke_method(a, "find", {Value::int32(1)})));
}

TEST_F(ArrayFixture, CallbackMethods) {
    Value a = ints({1, 2, 3, 4});
    EXPECT_EQ(joined(invoke_method(a, "map", {fn(cb_double)})), "2,4,6,8");
    EXPECT_EQ(joined(invoke_method(a, "filter", {fn(cb_is_even)})), "2,4");
    EXPECT_EQ(num(invoke_method(a, "reduce", {fn(cb_sum)})), 10);
    EXPECT_EQ(num(invoke_method(a, "reduceRight", {fn(cb_sum), Value::int32(5)})), 15);
    EXPECT_TRUE(threw_type(invoke_method(ints({}), "reduce", {fn(cb_sum)})));
    EXPECT_FALSE(invoke_method(a, "every", {fn(cb_is_even)}).as_bool());
    EXPECT_TRUE(invoke_method(a, "some", {fn(cb_is_even)}).as_bool());
    g_calls = 0;
    EXPECT_TRUE(invoke_method(a, "forEach", {fn(cb_double)}).is_undefined());
    EXPECT_EQ(g_calls, 4);
    // Holes are skipped.
    Value sparse = call(*ctx, global("Array"), Value(), std::vector<Value>{Value::int32(5)});
    ASSERT_FALSE(set_index_or_throw(*ctx, sparse.as_object(), 3, Value::int32(1)).is_exception());
    g_calls = 0;
    EXPECT_FALSE(invoke_method(sparse, "forEach", {fn(cb_double)}).is_exception());
    EXPECT_EQ(g_calls, 1);
    EXPECT_TRUE(threw_type(invoke_method(a, "map", {fn(cb_throw)})));
    // flat / flatMap
    Value nested =
        create_array_from_list(*ctx, std::vector<Value>{Value::int32(1), ints({2, 3}), Value::int32(4)});
    Value deep = create_array_from_list(*ctx, std::vector<Value>{nested, Value::int32(5)});
    EXPECT_EQ(num(get(*ctx, invoke_method(deep, "flat").as_object(), atoms::length)), 4);
    Value inf = Value::float64(INFINITY);
    EXPECT_EQ(joined(invoke_method(deep, "flat", {inf})), "1,2,3,4,5");
    EXPECT_EQ(joined(invoke_method(ints({1, 2}), "flatMap", {fn(cb_pair)})), "1,1,2,2");
}

TEST_F(ArrayFixture, Sort) {
    EXPECT_EQ(joined(invoke_method(ints({10, 9, 1, 100}), "sort")), "1,10,100,9");
    EXPECT_EQ(joined(invoke_method(ints({3, 1, 2}), "sort", {fn(cb_descending)})), "3,2,1");
    // Stability over a long input (merge passes): equal keys keep their input order.
    std::vector<Value> items;
    for (int i = 0; i < 100; i++)
        items.push_back(Value::int32((i * 37) % 50 + (i % 2) * 100));
    Value big = create_array_from_list(*ctx, items);
    EXPECT_FALSE(invoke_method(big, "sort", {fn(cb_by_tens)}).is_exception());
    for (uint32_t i = 1; i < 100; i++) {
        double prev = num(get_index(*ctx, big.as_object(), i - 1));
        double cur = num(get_index(*ctx, big.as_object(), i));
        ASSERT_LE(std::floor(prev / 10), std::floor(cur / 10));
    }
    // Undefined sorts last, holes after it (deleted).
    Value sparse = call(*ctx, global("Array"), Value(), std::vector<Value>{Value::int32(5)});
    ASSERT_FALSE(set_index_or_throw(*ctx, sparse.as_object(), 0, Value()).is_exception());
    ASSERT_FALSE(set_index_or_throw(*ctx, sparse.as_object(), 1, Value::int32(3)).is_exception());
    ASSERT_FALSE(set_index_or_throw(*ctx, sparse.as_object(), 3, Value::int32(2)).is_exception());
    EXPECT_FALSE(invoke_method(sparse, "sort").is_exception());
    EXPECT_EQ(num(get_index(*ctx, sparse.as_object(), 0)), 2);
    EXPECT_EQ(num(get_index(*ctx, sparse.as_object(), 1)), 3);
    EXPECT_TRUE(MUST(has_property(*ctx, sparse.as_object(), atom_from_index(2))));
    EXPECT_FALSE(MUST(has_property(*ctx, sparse.as_object(), atom_from_index(3))));
    EXPECT_EQ(num(get(*ctx, sparse.as_object(), atoms::length)), 5);
    // A throwing comparator propagates and leaves the array untouched.
    Value a = ints({3, 1, 2});
    EXPECT_TRUE(threw_type(invoke_method(a, "sort", {fn(cb_throw)})));
    EXPECT_EQ(joined(a), "3,1,2");
    EXPECT_TRUE(threw_type(invoke_method(a, "sort", {Value::int32(1)})));
    // toSorted copies.
    EXPECT_EQ(joined(invoke_method(a, "toSorted")), "1,2,3");
    EXPECT_EQ(joined(a), "3,1,2");
}

TEST_F(ArrayFixture, CopyingMethods) {
    Value a = ints({1, 2, 3});
    EXPECT_EQ(joined(invoke_method(a, "toReversed")), "3,2,1");
    EXPECT_EQ(joined(invoke_method(a, "with", {Value::int32(-1), Value::int32(9)})), "1,2,9");
    EXPECT_TRUE(threw_type(invoke_method(a, "with", {Value::int32(3), Value::int32(9)})));
    EXPECT_EQ(joined(invoke_method(a, "toSpliced",
                                   {Value::int32(1), Value::int32(1), Value::int32(7), Value::int32(8)})),
              "1,7,8,3");
    EXPECT_EQ(joined(a), "1,2,3");
    EXPECT_EQ(joined(invoke_method(ints({1, 2, 3, 4, 5}), "copyWithin", {Value::int32(0), Value::int32(3)})),
              "4,5,3,4,5");
    EXPECT_EQ(joined(invoke_method(ints({1, 2, 3, 4, 5}), "copyWithin", {Value::int32(1), Value::int32(0)})),
              "1,1,2,3,4");
    EXPECT_EQ(joined(invoke_method(ints({1, 2, 3, 4}), "fill",
                                   {Value::int32(0), Value::int32(1), Value::int32(-1)})),
              "1,0,0,4");
    Value sep = ctx->new_string("-");
    EXPECT_EQ(str(invoke_method(a, "join", {sep})), "1-2-3");
    EXPECT_EQ(str(invoke_method(a, "toString")), "1,2,3");
}

TEST_F(ArrayFixture, IteratorsAndIterationOperations) {
    Object* proto = ctx->intrinsic(Intrinsic::ArrayPrototype);
    Value values = get(*ctx, proto, atom("values"));
    Value sym_iter = get(*ctx, proto, atoms::sym_iterator);
    EXPECT_TRUE(values.bits_equal(sym_iter));
    Value a = ints({5, 6});
    EXPECT_TRUE(is_pristine_array_iteration(*ctx, a));

    Result<IteratorRecord> rec = get_iterator(*ctx, a);
    ASSERT_FALSE(rec.is_exception());
    IteratorRecord record = rec.release_value();
    Value v;
    EXPECT_TRUE(MUST(iterator_step_value(*ctx, record, &v)));
    EXPECT_EQ(num(v), 5);
    EXPECT_TRUE(MUST(iterator_step_value(*ctx, record, &v)));
    EXPECT_EQ(num(v), 6);
    EXPECT_FALSE(MUST(iterator_step_value(*ctx, record, &v)));
    EXPECT_TRUE(record.done);
    // Exhausted iterators stay exhausted even if the array grows.
    EXPECT_FALSE(invoke_method(a, "push", {Value::int32(7)}).is_exception());
    Value r = iterator_next(*ctx, record);
    EXPECT_TRUE(MUST(iterator_complete(*ctx, r.as_object())));

    Value entries = invoke_method(a, "entries");
    Value first = invoke_method(entries, "next");
    EXPECT_EQ(joined(iterator_value(*ctx, first.as_object())), "0,5");
    Value keys = invoke_method(a, "keys");
    EXPECT_FALSE(invoke_method(keys, "next").is_exception());
    EXPECT_EQ(num(iterator_value(*ctx, invoke_method(keys, "next").as_object())), 1);
    EXPECT_EQ(str(get(*ctx, entries.as_object(), atoms::sym_toStringTag)), "Array Iterator");
    Value iter_self = invoke_method(entries, "[Symbol.iterator]");
    EXPECT_TRUE(iter_self.bits_equal(entries));

    Vector<Value> list = MUST(iterable_to_list(*ctx, a));
    EXPECT_EQ(list.size(), 3u);
    EXPECT_TRUE(
        threw_type(get_iterator(*ctx, Value::int32(1)).is_exception() ? Value(Exception{}) : Value()));
    // next() on a non-iterator throws.
    Value next = get(*ctx, ctx->intrinsic(Intrinsic::ArrayIteratorPrototype), atoms::next);
    EXPECT_TRUE(threw_type(call(*ctx, next, a, {})));
}

TEST_F(ArrayFixture, ArrayFrom) {
    Value array_ctor = global("Array");
    Value copy = invoke_method(array_ctor, "from", {ints({1, 2, 3}), fn(cb_double)});
    EXPECT_EQ(joined(copy), "2,4,6");
    Value like = new_object(*ctx);
    ASSERT_FALSE(set_or_throw(*ctx, like.as_object(), atoms::length, Value::int32(2)).is_exception());
    ASSERT_FALSE(set_index_or_throw(*ctx, like.as_object(), 0, Value::int32(4)).is_exception());
    Value from_like = invoke_method(array_ctor, "from", {like});
    EXPECT_EQ(joined(from_like), "4,");
    EXPECT_TRUE(threw_type(invoke_method(array_ctor, "from", {Value()})));
    EXPECT_TRUE(threw_type(invoke_method(array_ctor, "from", {ints({1}), Value::int32(3)})));
}

TEST_F(ArrayFixture, IteratorHelpers) {
    Value a = ints({1, 2, 3, 4});
    auto values = [&] { return invoke_method(a, "values"); };
    EXPECT_EQ(joined(invoke_method(invoke_method(values(), "map", {fn(cb_double)}), "toArray")), "2,4,6,8");
    EXPECT_EQ(joined(invoke_method(invoke_method(values(), "filter", {fn(cb_is_even)}), "toArray")), "2,4");
    EXPECT_EQ(joined(invoke_method(invoke_method(values(), "take", {Value::int32(2)}), "toArray")), "1,2");
    EXPECT_EQ(joined(invoke_method(invoke_method(values(), "drop", {Value::int32(3)}), "toArray")), "4");
    EXPECT_EQ(joined(invoke_method(invoke_method(values(), "flatMap", {fn(cb_pair)}), "toArray")),
              "1,1,2,2,3,3,4,4");
    EXPECT_EQ(num(invoke_method(values(), "reduce", {fn(cb_sum)})), 10);
    EXPECT_EQ(num(invoke_method(values(), "reduce", {fn(cb_sum), Value::int32(5)})), 15);
    EXPECT_TRUE(invoke_method(values(), "some", {fn(cb_is_even)}).as_bool());
    EXPECT_FALSE(invoke_method(values(), "every", {fn(cb_is_even)}).as_bool());
    EXPECT_EQ(num(invoke_method(values(), "find", {fn(cb_is_even)})), 2);
    EXPECT_TRUE(threw_type(invoke_method(values(), "take", {Value::float64(NAN)})));
    EXPECT_TRUE(threw_type(invoke_method(values(), "drop", {Value::int32(-1)})));
    EXPECT_TRUE(threw_type(invoke_method(values(), "map", {Value::int32(1)})));

    // An iterator with next/return: helpers close it on return() and on argument errors.
    Value it = new_object(*ctx);
    ASSERT_FALSE(set_or_throw(*ctx, it.as_object(), atoms::next, fn(counting_next)).is_exception());
    ASSERT_FALSE(set_or_throw(*ctx, it.as_object(), atoms::return_, fn(counting_return)).is_exception());
    Value iterator_ctor = global("Iterator");
    ASSERT_TRUE(iterator_ctor.is_object());
    Value wrapped = invoke_method(iterator_ctor, "from", {it});
    ASSERT_TRUE(wrapped.is_object());
    EXPECT_FALSE(wrapped.bits_equal(it));
    g_next_count = 0;
    g_returns = 0;
    Value mapped = invoke_method(wrapped, "map", {fn(cb_double)});
    Value r1 = invoke_method(mapped, "next");
    EXPECT_EQ(num(iterator_value(*ctx, r1.as_object())), 0);
    Value r2 = invoke_method(mapped, "next");
    EXPECT_EQ(num(iterator_value(*ctx, r2.as_object())), 2);
    Value done = invoke_method(mapped, "return");
    EXPECT_TRUE(MUST(iterator_complete(*ctx, done.as_object())));
    EXPECT_EQ(g_returns, 1);
    Value after = invoke_method(mapped, "next");
    EXPECT_TRUE(MUST(iterator_complete(*ctx, after.as_object())));
    EXPECT_EQ(g_returns, 1);
    EXPECT_TRUE(threw_type(invoke_method(wrapped, "filter", {Value()})));
    EXPECT_EQ(g_returns, 2);
    // take(n) closes the underlying iterator once n values were produced.
    EXPECT_EQ(joined(invoke_method(invoke_method(wrapped, "take", {Value::int32(2)}), "toArray")), "2,3");
    EXPECT_EQ(g_returns, 3);

    // Array iterators already inherit from %Iterator.prototype%: Iterator.from returns them as-is.
    Value arr_iter = values();
    EXPECT_TRUE(invoke_method(iterator_ctor, "from", {arr_iter}).bits_equal(arr_iter));
    EXPECT_TRUE(threw_type(call(*ctx, iterator_ctor, Value(), {})));
    EXPECT_TRUE(threw_type(construct(*ctx, iterator_ctor, {})));
    EXPECT_EQ(str(get(*ctx, arr_iter.as_object(), atoms::sym_toStringTag)), "Array Iterator");
    Value helper = invoke_method(values(), "map", {fn(cb_double)});
    EXPECT_EQ(str(get(*ctx, helper.as_object(), atoms::sym_toStringTag)), "Iterator Helper");
    Value plain = new_object_with_proto(*ctx, ctx->intrinsic(Intrinsic::IteratorPrototype));
    EXPECT_EQ(str(get(*ctx, plain.as_object(), atoms::sym_toStringTag)), "Iterator");
    EXPECT_TRUE(get(*ctx, plain.as_object(), atoms::constructor).bits_equal(iterator_ctor));
}

TEST_F(ArrayFixture, PushSeesPrototypeSetters) {
    // A setter for "1" on Array.prototype must be reached by push (no fast path then).
    Object* proto = ctx->intrinsic(Intrinsic::ArrayPrototype);
    ASSERT_FALSE(define_property_or_throw(
                     *ctx, proto, atom_from_index(1),
                     PropertyDescriptor::accessor(Value(), fn(counting_setter), prop::Configurable))
                     .is_exception());
    Value a = ints({7});
    g_setter_calls = 0;
    EXPECT_EQ(num(invoke_method(a, "push", {Value::int32(8)})), 2);
    EXPECT_EQ(g_setter_calls, 1);
    EXPECT_FALSE(MUST(has_own_property(*ctx, a.as_object(), atom_from_index(1))));
    EXPECT_TRUE(MUST(delete_property(*ctx, proto, atom_from_index(1))));
    // (Array.prototype.length is 2 now, so push takes the generic path; the result is the same.)
    Value b = ints({7, 9});
    EXPECT_EQ(num(invoke_method(b, "push", {Value::int32(8)})), 3);
    EXPECT_EQ(g_setter_calls, 1);
    EXPECT_TRUE(b.as_object()->is_fast_array());
}

} // namespace
