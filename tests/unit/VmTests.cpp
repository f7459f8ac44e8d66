// VmTests.cpp: the interpreter end to end (source -> compiler -> interpreter), checking completion
// values of small scripts, exceptions, generators, async functions and heap cleanliness.
#include "api/ScriptRunner.h"
#include "runtime/Context.h"
#include "runtime/Conversions.h"
#include "runtime/String.h"

#include <gtest/gtest.h>

#include <string>

namespace qjs {
namespace {

struct VmTest : ::testing::Test {
    Runtime* rt = nullptr;
    Context* ctx = nullptr;

    void SetUp() override {
        rt = Runtime::create();
        ASSERT_NE(rt, nullptr);
        ctx = Context::create(*rt);
        ASSERT_NE(ctx, nullptr);
    }
    void TearDown() override { EXPECT_EQ(rt->destroy(), 0u); }

    // Runs `source`, drains the job queue, and returns ToString of the completion value (or
    // "throw: <ToString(exception)>").
    std::string run(const char* source) {
        Value v = run_script_source(*ctx, source, "test.js", false, nullptr);
        if (v.is_exception()) {
            Value e = rt->take_exception();
            Value s = to_string(*ctx, e);
            if (s.is_exception()) {
                (void)rt->take_exception();
                return "throw: ?";
            }
            return "throw: " + s.as_string()->to_utf8();
        }
        if (!rt->run_jobs()) {
            (void)rt->take_exception();
            return "job threw";
        }
        Value s = to_string(*ctx, v);
        if (s.is_exception()) {
            (void)rt->take_exception();
            return "?";
        }
        return s.as_string()->to_utf8();
    }
};

TEST_F(VmTest, Arithmetic) {
    EXPECT_EQ(run("1 + 2 * 3"), "7");
    EXPECT_EQ(run("2147483647 + 1"), "2147483648");
    EXPECT_EQ(run("-0 === 0 && 1 / (0 * -1)"), "-Infinity");
    EXPECT_EQ(run("7 % -3"), "1");
    EXPECT_EQ(run("2 ** 10"), "1024");
    EXPECT_EQ(run("(-5 >> 1) + ':' + (-5 >>> 28) + ':' + (1 << 31)"), "-3:15:-2147483648");
    EXPECT_EQ(run("'a' + 1 + 2"), "a12");
    EXPECT_EQ(run("var x = 5; x += 2; x *= 3; [x, x++, ++x, x--].join()"), "21,21,23,23");
}

TEST_F(VmTest, ClosuresAndScopes) {
    EXPECT_EQ(run("function c() { let n = 0; return () => ++n } var f = c(); f(); f()"), "2");
    EXPECT_EQ(run("var fs = []; for (let i = 0; i < 3; i++) fs.push(() => i); fs.map(f => f()).join()"),
              "0,1,2");
    EXPECT_EQ(run("try { x; let x = 1 } catch (e) { e.constructor.name }"), "ReferenceError");
    EXPECT_EQ(run("const k = 1; try { k = 2 } catch (e) { e.constructor.name }"), "TypeError");
}

TEST_F(VmTest, ExceptionsAndFinally) {
    EXPECT_EQ(run("function f() { try { return 1 } finally { g = 2 } } var g; f() + g"), "3");
    EXPECT_EQ(run("try { null.x } catch (e) { e instanceof TypeError }"), "true");
    EXPECT_EQ(run("throw new RangeError('r')"), "throw: RangeError: r");
    EXPECT_EQ(run("function r(n) { return r(n + 1) } try { r(0) } catch (e) { e.constructor.name }"),
              "RangeError");
}

TEST_F(VmTest, ObjectsAndClasses) {
    EXPECT_EQ(run("var o = { a: 1, get b() { return this.a + 1 }, ['c' + 1]: 3 }; o.a + o.b + o.c1"), "6");
    EXPECT_EQ(run("class A { #x = 1; static s = 2; get x() { return this.#x } }"
                  "class B extends A { constructor() { super(); this.y = 3 } }"
                  "var b = new B(); b.x + A.s + b.y"),
              "6");
    EXPECT_EQ(run("class C { #p() { return 4 } q(o) { return #p in o } } new C().q(new C())"), "true");
    EXPECT_EQ(run("var {a, ...r} = {a: 1, b: 2, c: 3}; a + Object.keys(r).join()"), "1b,c");
    EXPECT_EQ(run("function P(x) { this.x = x } P.prototype.get = function() { return this.x };"
                  "var s = 0; for (var i = 0; i < 100; i++) s += new P(i).get(); s"),
              "4950");
}

TEST_F(VmTest, Generators) {
    EXPECT_EQ(run("function* g() { var r = yield 1; yield r * 2 } var it = g(); it.next(); it.next(5).value"),
              "10");
    EXPECT_EQ(run("function* g() { try { yield 1 } finally { t = 1 } } var t = 0; var it = g(); it.next();"
                  "it.return(7).value + t"),
              "8");
    EXPECT_EQ(run("function* g() { yield* [1, 2]; return 3 } [...g()].join()"), "1,2");
}

TEST_F(VmTest, AsyncFunctions) {
    EXPECT_EQ(run("var out = []; async function f(x) { out.push(await x); return 2 }"
                  "f(Promise.resolve(1)).then(v => out.push(v)); out.push(0); out"),
              "0,1,2"); // the array is printed after the job queue ran
    EXPECT_EQ(
        run("var log = []; (async () => { for await (const v of [1, Promise.resolve(2)]) log.push(v) })();"
            "log"),
        "1,2");
}

} // namespace
} // namespace qjs
