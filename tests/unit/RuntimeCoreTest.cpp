// Unit tests of the runtime core: values, atoms, strings, shapes, objects, arrays, cycle collection.
#include "runtime/Context.h"
#include "runtime/Conversions.h"
#include "runtime/String.h"

#include <gtest/gtest.h>

#include <vector>

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

// Small blocks come from pool pages counted whole: a freed block is reused for any size of its class,
// a page that empties goes back unless it is its class's only page with room, and an allocation the
// limit would refuse gets the empty pages back first.
TEST_F(CoreFixture, SmallBlockPoolCountsPagesAndYieldsToTheLimit) {
    constexpr size_t kPage = SmallBlockPool::kPageBytes;
    size_t base = rt->memory_used();
    // 464-byte blocks (a class nothing else here uses): four pages, the last with one block.
    size_t per_page = SmallBlockPool::blocks_per_page(SmallBlockPool::size_class(440 + 16));
    std::vector<void*> blocks;
    for (size_t i = 0; i < 3 * per_page + 1; ++i)
        blocks.push_back(rt->alloc(440));
    size_t with_blocks = rt->memory_used();
    EXPECT_EQ(with_blocks, base + 4 * kPage);
    for (void* b : blocks)
        EXPECT_EQ(reinterpret_cast<uintptr_t>(b) % 16, 0u);
    void* last = blocks.back();
    blocks.pop_back();
    for (void* b : blocks)
        rt->free(b);
    // The emptied pages went back; the last block's page stays.
    EXPECT_EQ(rt->memory_used(), base + kPage);
    void* again = rt->alloc(436); // same class: no new page
    EXPECT_EQ(rt->memory_used(), base + kPage);
    EXPECT_EQ(Runtime::allocation_size(again), 436u);
    void* grown = rt->realloc(again, 444); // still in its class: the same block
    EXPECT_EQ(grown, again);
    EXPECT_EQ(Runtime::allocation_size(grown), 444u);
    rt->free(grown);
    rt->free(last); // the class's only page with room: kept though empty

    // A loop that allocates and frees one block keeps its page (no page churn).
    EXPECT_EQ(rt->memory_used(), base + kPage);
    for (int i = 0; i < 1000; ++i)
        rt->free(rt->alloc(440));
    EXPECT_EQ(rt->memory_used(), base + kPage);

    // An allocation the limit would refuse gets the empty pages back first (this one and any other
    // class's: a collection in the fixture, e.g. under QJS_GC_STRESS, may have left some).
    rt->set_memory_limit(base + kPage / 2);
    void* big = rt->alloc(kPage / 4); // over 512 bytes: straight from the allocator
    EXPECT_NE(big, nullptr);
    EXPECT_LE(rt->memory_used(), base + kPage / 4 + 16);
    rt->free(big);
    EXPECT_EQ(rt->alloc(rt->memory_limit()), nullptr); // really over the limit
    rt->set_memory_limit(0);
}

} // namespace
