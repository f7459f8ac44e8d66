// Unit tests of the runtime core: values, atoms, strings, shapes, objects, arrays, cycle collection.
#include "runtime/Context.h"
#include "runtime/Conversions.h"
#include "runtime/String.h"

#include <gtest/gtest.h>

using namespace qjs;

namespace {

struct CoreFixture : ::testing::Test {
    Runtime* rt = nullptr;
    Context* ctx = nullptr;
    void SetUp() override {
        rt = Runtime::create();
        ctx = Context::create(*rt);
        ASSERT_NE(ctx, nullptr);
    }
    void TearDown() override { EXPECT_EQ(rt->destroy(), 0u); }
};

TEST_F(CoreFixture, AtomsAreInternedAndIndexesImmediate) {
    Atom a = rt->intern_ascii("hello");
    EXPECT_EQ(a, rt->intern_ascii("hello"));
    EXPECT_EQ(rt->intern_ascii("length"), Atom(atoms::length));
    EXPECT_TRUE(atom_is_index(rt->intern_ascii("42")));
    EXPECT_FALSE(atom_is_index(rt->intern_ascii("042")));
}

TEST_F(CoreFixture, PropertiesAndShapesAreShared) {
    Value a = new_object(*ctx), b = new_object(*ctx);
    Atom x = rt->intern_ascii("x"), y = rt->intern_ascii("y");
    ASSERT_FALSE(set_or_throw(*ctx, a.as_object(), x, Value::int32(1)).is_exception());
    ASSERT_FALSE(set_or_throw(*ctx, a.as_object(), y, Value::int32(2)).is_exception());
    ASSERT_FALSE(set_or_throw(*ctx, b.as_object(), x, Value::int32(3)).is_exception());
    ASSERT_FALSE(set_or_throw(*ctx, b.as_object(), y, Value::int32(4)).is_exception());
    EXPECT_EQ(a.as_object()->shape(), b.as_object()->shape());
    Value v = get(*ctx, b.as_object(), y);
    EXPECT_EQ(v.as_int32(), 4);
    EXPECT_TRUE(MUST(delete_property(*ctx, a.as_object(), x)));
    EXPECT_NE(a.as_object()->shape(), b.as_object()->shape());
    EXPECT_TRUE(get(*ctx, a.as_object(), x).is_undefined());
    EXPECT_EQ(get(*ctx, a.as_object(), y).as_int32(), 2);
}

TEST_F(CoreFixture, ManyPropertiesUseTheIndex) {
    Value o = new_object(*ctx);
    for (int i = 0; i < 200; ++i) {
        Atom k = rt->intern_ascii("k" + std::to_string(i));
        ASSERT_FALSE(set_or_throw(*ctx, o.as_object(), k, Value::int32(i)).is_exception());
    }
    for (int i = 0; i < 200; ++i) {
        Atom k = rt->intern_ascii("k" + std::to_string(i));
        EXPECT_EQ(get(*ctx, o.as_object(), k).as_int32(), i);
    }
}

TEST_F(CoreFixture, FastArraysGrowAndLengthTruncates) {
    Value a = new_array(*ctx);
    for (uint32_t i = 0; i < 100; ++i)
        ASSERT_FALSE(set_index_or_throw(*ctx, a.as_object(), i, Value::number(i)).is_exception());
    EXPECT_TRUE(a.as_object()->is_fast_array());
    EXPECT_EQ(get(*ctx, a.as_object(), atoms::length).as_int32(), 100);
    ASSERT_FALSE(set_or_throw(*ctx, a.as_object(), atoms::length, Value::int32(10)).is_exception());
    EXPECT_EQ(a.as_object()->m_array_length, 10u);
    EXPECT_TRUE(get_index(*ctx, a.as_object(), 50).is_undefined());
    // A hole makes it slow but keeps the semantics.
    ASSERT_FALSE(set_index_or_throw(*ctx, a.as_object(), 20, Value::int32(7)).is_exception());
    EXPECT_EQ(a.as_object()->m_array_length, 21u);
    EXPECT_EQ(get_index(*ctx, a.as_object(), 20).as_int32(), 7);
    Vector<Atom> keys = MUST(own_property_keys(*ctx, a.as_object()));
    EXPECT_EQ(keys.size(), 12u); // 0..9, 20, length
}

TEST_F(CoreFixture, CyclesAreCollected) {
    rt->collect_cycles(); // also drops the shapes the runtime keeps for recent transitions
    size_t before = rt->gc_cell_count();
    {
        Value a = new_object(*ctx), b = new_object(*ctx);
        Atom k = rt->intern_ascii("other");
        ASSERT_FALSE(set_or_throw(*ctx, a.as_object(), k, b).is_exception());
        ASSERT_FALSE(set_or_throw(*ctx, b.as_object(), k, a).is_exception());
    }
    EXPECT_GT(rt->gc_cell_count(), before);
    rt->collect_cycles();
    EXPECT_EQ(rt->gc_cell_count(), before);
}

TEST_F(CoreFixture, ConversionsFollowTheSpec) {
    Value s = to_string(*ctx, Value::float64(0.1 + 0.2));
    EXPECT_TRUE(s.as_string()->equals_ascii("0.30000000000000004"));
    EXPECT_EQ(MUST(to_number(*ctx, ctx->new_string("  0x1F "))), 31.0);
    EXPECT_TRUE(same_value(Value::float64(-0.0), Value::float64(-0.0)));
    EXPECT_FALSE(same_value(Value::float64(-0.0), Value::int32(0)));
    EXPECT_TRUE(is_strictly_equal(Value::float64(-0.0), Value::int32(0)));
    EXPECT_EQ(MUST(to_int32(*ctx, Value::float64(4294967297.0))), 1);
}

TEST_F(CoreFixture, MemoryLimitBecomesAnException) {
    rt->set_memory_limit(rt->memory_used() + 4096);
    Value a = new_array(*ctx);
    bool threw = false;
    for (uint32_t i = 0; i < 100000 && !threw; ++i) {
        if (set_index_or_throw(*ctx, a.as_object(), i, Value::number(i)).is_exception()) threw = true;
    }
    EXPECT_TRUE(threw);
    Value ex = rt->take_exception();
    rt->set_memory_limit(0);
}

// Small freed blocks stay with the runtime for reuse and stay counted; an allocation the limit would
// refuse gets them back from the cache first, and a block is reused for any size of its class.
TEST_F(CoreFixture, BlockCacheCountsAndYieldsToTheLimit) {
    size_t base = rt->memory_used();
    void* blocks[64];
    for (void*& b : blocks)
        b = rt->alloc(40);
    size_t with_blocks = rt->memory_used();
    EXPECT_GE(with_blocks, base + 64 * 40);
    for (void* b : blocks)
        rt->free(b);
    EXPECT_EQ(rt->memory_used(), with_blocks); // cached, still counted
    void* again = rt->alloc(36);               // same size class: a cached block
    EXPECT_EQ(rt->memory_used(), with_blocks);
    EXPECT_EQ(Runtime::allocation_size(again), 36u);
    void* grown = rt->realloc(again, 44); // still in its class: the same block
    EXPECT_EQ(grown, again);
    EXPECT_EQ(Runtime::allocation_size(grown), 44u);
    rt->free(grown);

    // A block larger than the free room under the limit fits once the cache is given back.
    size_t cached = with_blocks - base;
    rt->set_memory_limit(with_blocks + 64);
    void* big = rt->alloc(cached);
    EXPECT_NE(big, nullptr);
    EXPECT_LE(rt->memory_used(), with_blocks + 64);
    rt->free(big);
    EXPECT_EQ(rt->alloc(10 * cached), nullptr); // really over the limit
    EXPECT_TRUE(rt->memory_used() <= with_blocks + 64);
    rt->set_memory_limit(0);
}

} // namespace
