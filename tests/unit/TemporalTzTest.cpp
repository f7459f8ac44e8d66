// The TZif parser of Temporal's named time zones: offsets and transitions from a crafted file, and
// truncated or corrupted files that must be rejected or answered without reading out of bounds.
#include "builtins/temporal/TzDatabase.h"
#include "runtime/Context.h"

#include <gtest/gtest.h>

#include <cstring>
#include <vector>

using namespace qjs;

namespace {

void put32(std::vector<uint8_t>& v, uint32_t x) {
    for (int s = 24; s >= 0; s -= 8)
        v.push_back(static_cast<uint8_t>(x >> s));
}
void put64(std::vector<uint8_t>& v, int64_t x) {
    put32(v, static_cast<uint32_t>(static_cast<uint64_t>(x) >> 32));
    put32(v, static_cast<uint32_t>(x));
}

// A version 2 TZif file: EST until 2023-03-12T07:00Z, EDT until 2023-11-05T06:00Z, then the footer rule.
std::vector<uint8_t> sample_tzif() {
    const int64_t kTimes[] = {1678604400, 1699164000};
    auto header = [](std::vector<uint8_t>& v) {
        const char magic[] = "TZif2";
        v.insert(v.end(), magic, magic + 5);
        v.insert(v.end(), 15, 0);
        put32(v, 0); // isutcnt
        put32(v, 0); // isstdcnt
        put32(v, 0); // leapcnt
        put32(v, 2); // timecnt
        put32(v, 2); // typecnt
        put32(v, 8); // charcnt
    };
    auto types = [](std::vector<uint8_t>& v) {
        v.push_back(1);                          // transition 0 -> EDT
        v.push_back(0);                          // transition 1 -> EST
        put32(v, static_cast<uint32_t>(-18000)); // EST
        v.push_back(0);
        v.push_back(0);
        put32(v, static_cast<uint32_t>(-14400)); // EDT
        v.push_back(1);
        v.push_back(4);
        const char chars[] = "EST\0EDT";
        v.insert(v.end(), chars, chars + 8);
    };
    std::vector<uint8_t> v;
    header(v);
    for (int64_t t : kTimes)
        put32(v, static_cast<uint32_t>(t));
    types(v);
    header(v);
    for (int64_t t : kTimes)
        put64(v, t);
    types(v);
    const char footer[] = "\nEST5EDT,M3.2.0,M11.1.0\n";
    v.insert(v.end(), footer, footer + sizeof footer - 1);
    return v;
}

struct TemporalTzFixture : ::testing::Test {
    Runtime* rt = nullptr;
    void SetUp() override { rt = Runtime::create(); }
    void TearDown() override { EXPECT_EQ(rt->destroy(), 0u); }
};

TEST_F(TemporalTzFixture, OffsetsAndTransitions) {
    std::vector<uint8_t> data = sample_tzif();
    TzFile f(*rt);
    ASSERT_TRUE(f.load_bytes(data.data(), data.size()));
    EXPECT_EQ(f.offset_at(0), -18000);              // 1970: type 0 before the first transition
    EXPECT_EQ(f.offset_at(1678604400), -14400);     // 2023-03-12T07:00Z: EDT
    EXPECT_EQ(f.offset_at(1699164000 - 1), -14400); // just before the fall transition
    EXPECT_EQ(f.offset_at(1699164000), -18000);     // EST again
    EXPECT_EQ(f.offset_at(1720000000), -14400);     // 2024-07-03: the footer rule, DST
    EXPECT_EQ(f.offset_at(1704067200), -18000);     // 2024-01-01: the footer rule, standard time
    int64_t t;
    ASSERT_TRUE(f.next_transition(0, &t));
    EXPECT_EQ(t, 1678604400);
    ASSERT_TRUE(f.next_transition(1704067200, &t));
    EXPECT_EQ(t, 1710054000); // 2024-03-10T07:00Z
    ASSERT_TRUE(f.previous_transition(1710054000, &t));
    EXPECT_EQ(t, 1699164000); // 2023-11-05T06:00Z
    EXPECT_FALSE(f.previous_transition(1678604400, &t));
    ASSERT_TRUE(f.next_transition(1699164000, &t));
    EXPECT_EQ(t, 1710054000);
}

TEST_F(TemporalTzFixture, TruncatedAndCorruptedFilesAreSafe) {
    std::vector<uint8_t> data = sample_tzif();
    // Every truncation: rejected, or (past the v2 block) answered from the bytes present.
    for (size_t n = 0; n < data.size(); ++n) {
        TzFile f(*rt);
        if (f.load_bytes(data.data(), n)) {
            (void)f.offset_at(1720000000);
            int64_t t;
            (void)f.next_transition(0, &t);
        }
    }
    // Byte mutations (a fixed pseudo-random sequence).
    uint32_t seed = 12345;
    for (int round = 0; round < 3000; ++round) {
        std::vector<uint8_t> copy = data;
        for (int k = 0; k < 3; ++k) {
            seed = seed * 1103515245 + 12345;
            copy[(seed >> 8) % copy.size()] = static_cast<uint8_t>(seed >> 20);
        }
        TzFile f(*rt);
        if (!f.load_bytes(copy.data(), copy.size())) continue;
        for (int64_t at :
             {int64_t{-8640000000000}, int64_t{0}, int64_t{1699164000}, int64_t{8640000000000}}) {
            (void)f.offset_at(at);
            int64_t t;
            (void)f.next_transition(at, &t);
            (void)f.previous_transition(at, &t);
        }
    }
}

} // namespace
