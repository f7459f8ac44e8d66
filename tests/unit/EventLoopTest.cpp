// The event loop's turn results (src/loop/EventLoop.h) as a host sees them through run_once().
#include "BuiltinsTestSupport.h"

#include "api/ScriptRunner.h"
#include "loop/EventLoop.h"

namespace qjs::test {

struct EventLoopTest : BuiltinsFixture {
    EventLoop* loop = nullptr;
    void SetUp() override {
        BuiltinsFixture::SetUp();
        loop = EventLoop::of(*rt);
        ASSERT_NE(loop, nullptr);
        ASSERT_TRUE(loop->install_globals(*ctx));
    }
    void TearDown() override {
        EventLoop::destroy(*rt); // drops the timers' references before the leak check
        BuiltinsFixture::TearDown();
    }
    Value eval(const char* source) { return run_script_source(*ctx, source, "<test>", false); }
};

TEST_F(EventLoopTest, IdleWhenNothingIsPending) {
    EXPECT_EQ(loop->run_once(), EventLoop::kIdle);
    EXPECT_EQ(loop->timer_count(), 0u);
}

TEST_F(EventLoopTest, ReportsTheDelayUntilTheNextTimer) {
    ASSERT_FALSE(eval("var fired = 0; setTimeout(() => fired++, 5000);").is_exception());
    int next = loop->run_once();
    EXPECT_GT(next, 0);
    EXPECT_LE(next, 5000);
    EXPECT_EQ(loop->timer_count(), 1u);
    ASSERT_FALSE(eval("clearTimeout(1);").is_exception());
    EXPECT_EQ(loop->run_once(), EventLoop::kIdle);
    EXPECT_EQ(global("fired").as_number(), 0);
}

TEST_F(EventLoopTest, RunsJobsFirstThenOneDueTimerPerTurn) {
    ASSERT_FALSE(
        eval("var log = ''; setTimeout(() => { log += 'a'; Promise.resolve().then(() => log += 'p'); }, 0);"
             "setTimeout(() => log += 'b', 0); queueMicrotask(() => log += 'm');")
            .is_exception());
    int result = loop->run_once(); // the microtask, then timer a and its promise job
    EXPECT_EQ(result, EventLoop::kMoreWork);
    Value log = global("log");
    ASSERT_TRUE(log.is_string());
    EXPECT_EQ(log.as_string()->to_utf8(), "map");
    while ((result = loop->run_once()) >= 0) {
    }
    EXPECT_EQ(result, EventLoop::kIdle);
    EXPECT_EQ(global("log").as_string()->to_utf8(), "mapb");
}

TEST_F(EventLoopTest, ACallbackThatThrowsIsAnErrorWithThePendingException) {
    ASSERT_FALSE(eval("setTimeout(() => { throw new RangeError('from timer'); }, 0);").is_exception());
    EXPECT_EQ(loop->run_once(), EventLoop::kError);
    ASSERT_TRUE(rt->has_exception());
    Value error = rt->take_exception();
    ASSERT_TRUE(error.is_object());
    Value message = get(*ctx, error.as_object(), atom("message"));
    EXPECT_EQ(message.as_string()->to_utf8(), "from timer");
    // The loop goes on after the host has taken the error.
    EXPECT_EQ(loop->run_once(), EventLoop::kIdle);
}

TEST_F(EventLoopTest, IntervalsRepeatUntilCleared) {
    ASSERT_FALSE(eval("var n = 0; var id = setInterval(() => { if (++n === 4) clearInterval(id); }, 0);")
                     .is_exception());
    int turns = 0, result;
    while ((result = loop->run_once()) >= 0 && turns < 100) {
        ++turns;
    }
    EXPECT_EQ(result, EventLoop::kIdle);
    EXPECT_EQ(global("n").as_number(), 4);
}

} // namespace qjs::test
