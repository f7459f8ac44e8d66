// RobustnessTest.cpp: what must hold up whatever scripts do: Value assignment when the source lives
// inside what the old value owns, and interrupt requests reaching long native loops (sort,
// JSON.stringify, join, RegExp matching) that run no JS code the interpreter could stop.
#include "api/ScriptRunner.h"
#include "runtime/Call.h"
#include "runtime/Context.h"
#include "runtime/Conversions.h"
#include "runtime/String.h"

#include <gtest/gtest.h>

#include <initializer_list>
#include <string>
#include <vector>

namespace qjs {
namespace {

struct RobustnessTest : ::testing::Test {
    Runtime* rt = nullptr;
    Context* ctx = nullptr;

    void SetUp() override {
        rt = Runtime::create();
        ASSERT_NE(rt, nullptr);
        ctx = Context::create(*rt);
        ASSERT_NE(ctx, nullptr);
    }
    void TearDown() override { EXPECT_EQ(rt->destroy(), 0u); }

    Value eval(const char* source) {
        Value v = run_script_source(*ctx, source, "test.js", false, nullptr);
        EXPECT_FALSE(v.is_exception()) << source;
        if (v.is_exception()) (void)rt->take_exception();
        return v;
    }
    std::string text(const Value& v) {
        Value s = to_string(*ctx, v);
        if (s.is_exception()) {
            (void)rt->take_exception();
            return "?";
        }
        return s.as_string()->to_utf8();
    }

    // Calls `fn` with the interrupt flag raised beforehand, as a host's interrupt request (or the
    // test262 runner's timeout signal) would raise it while the call runs. The call must end with
    // the uncatchable "interrupted" error, and the runtime must work normally afterwards.
    void expect_interrupted(const char* fn_source, const char* this_source,
                            std::initializer_list<Value> args) {
        Value fn = eval(fn_source);
        Value self = eval(this_source);
        std::vector<Value> list(args);
        rt->m_interrupt_requested = 1;
        Value r = call(*ctx, fn, self, std::span<const Value>(list.data(), list.size()));
        ASSERT_TRUE(r.is_exception()) << fn_source << " ran to completion despite the interrupt";
        EXPECT_TRUE(rt->m_uncatchable);
        EXPECT_EQ(rt->m_interrupt_requested, 0);
        Value e = rt->take_exception();
        EXPECT_EQ(text(e), "InternalError: interrupted") << fn_source;
        EXPECT_EQ(text(eval("[3, 1, 2].sort().join()")), "1,2,3");
    }
};

TEST_F(RobustnessTest, MoveAssignmentReadsTheSourceBeforeReleasingTheOldValue) {
    // `holder` is the only owner of an object whose slot 0 is the only owner of a string: moving
    // the slot into `holder` releases the object, which must not free the string being moved.
    Value holder = eval("({ s: 'payload-' + 'x'.repeat(40) })");
    ASSERT_TRUE(holder.is_object());
    Object* o = holder.as_object();
    ASSERT_EQ(o->m_ref_count, 1u);
    holder = std::move(o->slot(0));
    ASSERT_TRUE(holder.is_string());
    EXPECT_EQ(text(holder), "payload-" + std::string(40, 'x'));

    // The same with an object value inside an object.
    Value outer = eval("({ inner: { answer: 42 } })");
    ASSERT_TRUE(outer.is_object());
    outer = std::move(outer.as_object()->slot(0));
    ASSERT_TRUE(outer.is_object());
    EXPECT_EQ(text(get(*ctx, outer.as_object(), rt->intern_ascii("answer"))), "42");
}

TEST_F(RobustnessTest, CopyAssignmentReadsTheSourceBeforeReleasingTheOldValue) {
    Value holder = eval("({ s: 'copied-' + 'y'.repeat(40) })");
    ASSERT_TRUE(holder.is_object());
    holder = holder.as_object()->slot(0);
    ASSERT_TRUE(holder.is_string());
    EXPECT_EQ(text(holder), "copied-" + std::string(40, 'y'));
}

TEST_F(RobustnessTest, SelfAssignmentKeepsTheValue) {
    Value v = eval("'self-' + 'z'.repeat(30)");
    Value& alias = v;
    v = alias;
    v = std::move(alias);
    ASSERT_TRUE(v.is_string());
    EXPECT_EQ(text(v), "self-" + std::string(30, 'z'));
}

TEST_F(RobustnessTest, InterruptStopsJoinOfAHugeArray) {
    // 2^32 - 1 holes: billions of steps with no JS code run.
    expect_interrupted("Array.prototype.join", "new Array(2 ** 32 - 1)", {Value()});
}

TEST_F(RobustnessTest, InterruptStopsSortWithoutComparator) {
    expect_interrupted("Array.prototype.sort",
                       "Array.from({ length: 200000 }, (_, i) => (i * 7919) % 200000)", {});
}

TEST_F(RobustnessTest, InterruptStopsJSONStringifyOfAHugeArray) {
    expect_interrupted("JSON.stringify", "undefined", {eval("new Array(2 ** 32 - 1)")});
}

TEST_F(RobustnessTest, InterruptStopsSearchesOfAHugeArrayLike) {
    expect_interrupted("Array.prototype.indexOf", "({ length: 2 ** 53 - 1 })", {Value::int32(1)});
    expect_interrupted("Array.prototype.lastIndexOf", "({ length: 2 ** 53 - 1 })", {Value::int32(1)});
    expect_interrupted("Array.prototype.includes", "({ length: 2 ** 53 - 1 })", {Value::int32(1)});
}

TEST_F(RobustnessTest, InterruptStopsCatastrophicRegExpBacktracking) {
    expect_interrupted("RegExp.prototype.exec", "/(a+)+b/", {eval("'a'.repeat(40)")});
}

// The embedder's interrupt handler (not only the flag) reaches the matcher: found by
// fuzz/regexp_fuzzer, a backtracking match under JS_SetInterruptHandler ran for minutes.
TEST_F(RobustnessTest, InterruptHandlerStopsCatastrophicRegExpBacktracking) {
    int calls = 0;
    rt->m_interrupt_opaque = &calls;
    rt->m_interrupt_handler = [](Runtime*, void* opaque) { return ++*static_cast<int*>(opaque) > 3 ? 1 : 0; };
    Value r = run_script_source(*ctx, "/(a+)+b/.exec('a'.repeat(40))", "test.js", false, nullptr);
    ASSERT_TRUE(r.is_exception());
    EXPECT_EQ(text(rt->take_exception()), "InternalError: interrupted");
    EXPECT_GT(calls, 3);
    rt->m_interrupt_handler = nullptr;
    rt->m_uncatchable = false;
    EXPECT_EQ(text(eval("/(a+)+b/.exec('aab')[0]")), "aab");
}

// Calls poll for an interrupt once each (the interpreter's call instructions poll, a bytecode callee
// does not poll again): code made only of calls, with no backward jump, still stops. Plain calls,
// spread calls (the apply instruction) and a non-eval function called at a direct-eval call site.
TEST_F(RobustnessTest, InterruptHandlerStopsLoopFreeRecursion) {
    const char* sources[] = {
        "function a(n) { return n ? a(n - 1) + a(n - 1) : 0 } a(24)",
        "function b(n) { return n ? b(...[n - 1]) + b(...[n - 1]) : 0 } b(24)",
        "function c(n, eval) { return n ? eval(n - 1, eval) + eval(n - 1, eval) : 0 } c(24, c)",
        "var o = { m(n) { return n ? this.m(n - 1) + this.m(n - 1) : 0 } }; o.m(24)",
    };
    for (const char* source : sources) {
        int calls = 0;
        rt->m_interrupt_opaque = &calls;
        rt->m_interrupt_handler = [](Runtime*, void* opaque) {
            return ++*static_cast<int*>(opaque) > 3 ? 1 : 0;
        };
        Value r = run_script_source(*ctx, source, "test.js", false, nullptr);
        ASSERT_TRUE(r.is_exception()) << source;
        EXPECT_EQ(text(rt->take_exception()), "InternalError: interrupted") << source;
        EXPECT_GT(calls, 3) << source;
        rt->m_interrupt_handler = nullptr;
        rt->m_uncatchable = false;
    }
    EXPECT_EQ(text(eval("(function f(n) { return n ? f(n - 1) + 1 : 0 })(50)")), "50");
}

// The same for the native loops of InterruptPoll (join, sort, JSON.stringify, searches): the handler
// is called every kInterruptPollInterval checks of 4096 steps.
TEST_F(RobustnessTest, InterruptHandlerStopsNativeLoops) {
    int calls = 0;
    rt->m_interrupt_opaque = &calls;
    rt->m_interrupt_handler = [](Runtime*, void* opaque) { return ++*static_cast<int*>(opaque) > 1 ? 1 : 0; };
    Value r = run_script_source(*ctx, "Array.prototype.includes.call({ length: 2 ** 53 - 1 }, 1)", "test.js",
                                false, nullptr);
    ASSERT_TRUE(r.is_exception());
    EXPECT_EQ(text(rt->take_exception()), "InternalError: interrupted");
    EXPECT_EQ(calls, 2); // the call's check, then one from inside the loop
    rt->m_interrupt_handler = nullptr;
    rt->m_uncatchable = false;
    EXPECT_EQ(text(eval("[3, 1, 2].sort().join()")), "1,2,3");
}

} // namespace
} // namespace qjs
