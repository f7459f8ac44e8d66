// The realm baseline (snapshot/Baseline.h): creation records the realm's cells; the walk order and
// creation hashes are built on demand from a scratch realm and must equal those of walking the realm
// itself right after its creation.
#include "snapshot/Baseline.h"
#include "ScriptVm.h"

#include <gtest/gtest.h>

namespace qjs::test {

namespace {

// Positions whose cell's hash now differs from its creation hash.
std::vector<size_t> changed_positions(Context& ctx) {
    std::vector<size_t> changed;
    const Baseline& b = *ctx.m_baseline;
    for (size_t i = 0; i < b.cells.size(); ++i)
        if (baseline_content_hash(b.cells[i]) != b.hashes[i]) changed.push_back(i);
    return changed;
}

std::string describe(Cell* c) {
    std::string s = cell_kind_name(c->kind());
    if (c->kind() == CellKind::Object)
        s += std::string(" ") + class_name(static_cast<Object*>(c)->class_id());
    return s;
}

} // namespace

// A realm nothing ran in: the scratch realm's walk finds every cell unchanged, with the fingerprint and
// cell count of the realm's own walk.
TEST(Baseline, ScratchWalkMatchesTheRealmsOwn) {
    Vm vm;
    ASSERT_NE(vm.ctx, nullptr);
    Context* other = Context::create(*vm.rt);
    ASSERT_NE(other, nullptr);
    ASSERT_FALSE(vm.ctx->m_baseline->captured);
    size_t created = vm.ctx->m_baseline->cells.size();
    ASSERT_EQ(materialize_baseline(*vm.ctx, true), BaselineStatus::Ready);
    // Every cell creation leaves on the gc list is reached by the walk: no garbage, so a collection
    // during creation (the scratch realm's has none) cannot make the two creation lists differ.
    EXPECT_EQ(vm.ctx->m_baseline->cells.size(), created);
    ASSERT_EQ(materialize_baseline(*other, false), BaselineStatus::Ready);
    EXPECT_TRUE(other->m_baseline->captured);
    EXPECT_EQ(vm.ctx->m_baseline->cells.size(), other->m_baseline->cells.size());
    EXPECT_EQ(vm.ctx->m_baseline->fingerprint, other->m_baseline->fingerprint);
    for (size_t i : changed_positions(*other))
        ADD_FAILURE() << "position " << i << " (" << describe(other->m_baseline->cells[i])
                      << ") differs from its scratch counterpart";
    // The scratch realm is gone: only the two realms are left.
    EXPECT_EQ(vm.rt->m_contexts.size(), 2u);
}

// Changes made before the baseline is built are seen as changes, and only those.
TEST(Baseline, ChangesBeforeTheFirstSnapshotAreSeen) {
    Vm vm;
    ASSERT_EQ(vm.run("Array.prototype.extra = 1; delete Math.max; Math.random(); globalThis.x = {};"), "");
    ASSERT_EQ(materialize_baseline(*vm.ctx, false), BaselineStatus::Ready);
    std::vector<std::string> changed;
    for (size_t i : changed_positions(*vm.ctx))
        changed.push_back(describe(vm.ctx->m_baseline->cells[i]));
    // Array.prototype, Math, Math.random (its generator state) and the global object.
    EXPECT_EQ(changed.size(), 4u);
    for (const std::string& s : changed)
        std::printf("changed: %s\n", s.c_str());
}

// A second realm made after code ran in the first (the runtime's atoms and shapes already exist).
TEST(Baseline, LaterRealmMatches) {
    Vm vm;
    ASSERT_EQ(vm.run("var o = { a: 1 }; Symbol.for('k');"), "");
    Context* second = Context::create(*vm.rt);
    ASSERT_NE(second, nullptr);
    ASSERT_EQ(materialize_baseline(*second, false), BaselineStatus::Ready);
    for (size_t i : changed_positions(*second))
        ADD_FAILURE() << "position " << i << " (" << describe(second->m_baseline->cells[i]) << ") differs";
    ASSERT_EQ(materialize_baseline(*vm.ctx, false), BaselineStatus::Ready);
    EXPECT_EQ(vm.ctx->m_baseline->fingerprint, second->m_baseline->fingerprint);
}

} // namespace qjs::test
