// The C++ layer (include/qjs): value handles, conversions, bound callables, host classes, eval, modules,
// jobs, interrupts and errors. Every test ends with the runtime's leak check (Runtime::close() == 0).
#include "qjs/qjs.h"

#include <gtest/gtest.h>

#include <cmath>
#include <map>
#include <memory>
#include <optional>
#include <string>
#include <vector>

namespace {

struct CppLayer : ::testing::Test {
    qjspp::Runtime rt;
    std::unique_ptr<qjspp::Context> ctx = std::make_unique<qjspp::Context>(rt);
    JSContext* c() { return ctx->get(); }

    // The completion value of `src` as a string, or "throws " + the exception's message.
    std::string run(const char* src) {
        qjspp::Result<qjspp::Value> r = ctx->eval(src);
        if (!r.ok()) return "throws " + r.error().message();
        qjspp::Result<std::string> s = r->to_string();
        return s.ok() ? s.value() : "unprintable";
    }
    void TearDown() override {
        ctx.reset();
        EXPECT_EQ(rt.close(), 0u) << "cells leaked at runtime teardown";
    }
};

TEST_F(CppLayer, ValueHandlesCountReferences) {
    qjspp::Value obj = ctx->eval("({ n: 1 })").value();
    {
        qjspp::Value copy = obj; // dup
        qjspp::Value moved = std::move(copy);
        EXPECT_TRUE(copy.is_undefined());
        EXPECT_EQ(copy.context(), nullptr);
        EXPECT_TRUE(moved.is_object());
        qjspp::Value assigned;
        assigned = moved; // copy-assign
        assigned = assigned;
        EXPECT_EQ(assigned.get("n")->as<int32_t>().value(), 1);
    }
    // The copies are gone; the original still holds the object.
    EXPECT_EQ(obj.get("n")->as<int32_t>().value(), 1);

    // Move-assignment where the old value is the only owner of the source's object.
    qjspp::Value holder = ctx->eval("({ inner: { v: 42 } })").value();
    qjspp::Value inner = holder.get("inner").value();
    ASSERT_TRUE(holder.remove("inner").value());
    holder = std::move(inner); // releases the outer object after taking the inner one
    EXPECT_EQ(holder.get("v")->as<int32_t>().value(), 42);

    // release() hands the reference to C code.
    JSValue raw = obj.release();
    EXPECT_TRUE(obj.is_undefined());
    JS_FreeValue(c(), raw);
}

TEST_F(CppLayer, Conversions) {
    EXPECT_EQ(ctx->make(int32_t{-7})->as<int32_t>().value(), -7);
    EXPECT_EQ(ctx->make(uint32_t{4000000000u})->as<uint32_t>().value(), 4000000000u);
    EXPECT_EQ(ctx->make(int64_t{1} << 40)->as<int64_t>().value(), int64_t{1} << 40);
    EXPECT_EQ(ctx->make(2.5)->as<double>().value(), 2.5);
    EXPECT_TRUE(ctx->make(true)->as<bool>().value());
    EXPECT_EQ(ctx->make(std::string("h\xc3\xa9llo"))->as<std::string>().value(), "h\xc3\xa9llo");
    EXPECT_EQ(ctx->make(std::string_view("view"))->as<std::string>().value(), "view");
    EXPECT_EQ(ctx->make("literal")->as<std::string>().value(), "literal");
    EXPECT_TRUE(ctx->make(nullptr)->is_null());

    // Coercions as the JS_To* functions: "12" -> 12, 3.9 -> 3, objects through valueOf.
    EXPECT_EQ(ctx->eval("'12'")->as<int32_t>().value(), 12);
    EXPECT_EQ(ctx->eval("3.9")->as<int32_t>().value(), 3);
    EXPECT_EQ(ctx->eval("({ valueOf() { return 5; } })")->as<double>().value(), 5);
    EXPECT_EQ(ctx->eval("[1, 2]")->as<std::string>().value(), "1,2");
    EXPECT_FALSE(ctx->eval("''")->as<bool>().value());

    // BigInt both ways, and what cannot convert.
    qjspp::Value big = ctx->make(qjspp::BigInt{-(int64_t{1} << 62)}).value();
    EXPECT_TRUE(big.is_bigint());
    EXPECT_EQ(big.to_string().value(), std::to_string(-(int64_t{1} << 62)));
    EXPECT_EQ(ctx->eval("2n ** 40n")->as<qjspp::BigInt>()->value, int64_t{1} << 40);
    qjspp::Result<double> from_big = big.as<double>();
    ASSERT_FALSE(from_big.ok());
    EXPECT_NE(from_big.error().message().find("TypeError"), std::string::npos);
    qjspp::Result<qjspp::BigInt> from_number = ctx->eval("1.5")->as<qjspp::BigInt>();
    EXPECT_FALSE(from_number.ok());
    qjspp::Result<std::string> from_symbol = ctx->eval("Symbol('s')")->as<std::string>();
    ASSERT_FALSE(from_symbol.ok());
    EXPECT_NE(from_symbol.error().message().find("TypeError"), std::string::npos);
    qjspp::Result<int32_t> from_throwing =
        ctx->eval("({ valueOf() { throw new RangeError('no'); } })")->as<int32_t>();
    ASSERT_FALSE(from_throwing.ok());
    EXPECT_EQ(from_throwing.error().message(), "RangeError: no");

    // Containers.
    qjspp::Value arr = ctx->make(std::vector<int32_t>{1, 2, 3}).value();
    EXPECT_TRUE(arr.is_array());
    EXPECT_EQ(arr.to_json().value(), "[1,2,3]");
    EXPECT_EQ(ctx->eval("['a', 'b']")->as<std::vector<std::string>>().value(),
              (std::vector<std::string>{"a", "b"}));
    EXPECT_EQ(ctx->eval("({ length: 2, 0: 7, 1: 8 })")->as<std::vector<double>>().value(),
              (std::vector<double>{7, 8}));
    EXPECT_FALSE(ctx->eval("[1, Symbol()]")->as<std::vector<double>>().ok());
    EXPECT_FALSE(ctx->eval("42")->as<std::vector<double>>().ok());
    std::map<std::string, int32_t> m{{"x", 1}, {"y", 2}};
    EXPECT_EQ(ctx->make(m)->to_json().value(), "{\"x\":1,\"y\":2}");
    auto back = ctx->eval("({ b: 2, a: 1, [Symbol()]: 3 })")->as<std::map<std::string, int32_t>>().value();
    EXPECT_EQ(back, (std::map<std::string, int32_t>{{"a", 1}, {"b", 2}}));
    EXPECT_EQ(ctx->eval("null")->as<std::optional<int32_t>>().value(), std::nullopt);
    EXPECT_EQ(ctx->eval("9")->as<std::optional<int32_t>>().value(), 9);
    EXPECT_TRUE(ctx->make(std::optional<int32_t>())->is_undefined());
    std::vector<std::vector<int32_t>> nested{{1}, {2, 3}};
    EXPECT_EQ(ctx->make(nested)->to_json().value(), "[[1],[2,3]]");
}

TEST_F(CppLayer, PropertiesAndCalls) {
    qjspp::Value obj = ctx->new_object().value();
    ASSERT_TRUE(obj.set("name", std::string("qjs")).ok());
    ASSERT_TRUE(obj.set(3, 1.5).ok());
    EXPECT_TRUE(obj.has("name").value());
    EXPECT_FALSE(obj.has("missing").value());
    EXPECT_TRUE(obj.get("missing")->is_undefined());
    EXPECT_EQ(obj.keys().value(), (std::vector<std::string>{"3", "name"}));
    EXPECT_EQ(obj.get(3)->as<double>().value(), 1.5);
    EXPECT_TRUE(obj.remove("name").value());
    EXPECT_FALSE(obj.has("name").value());
    EXPECT_TRUE(ctx->global().set("shared", obj).ok());
    EXPECT_EQ(run("shared[3]"), "1.5");

    qjspp::Value add = ctx->eval("(function (a, b) { return a + b; })").value();
    EXPECT_EQ(add.call(2, 3)->as<int32_t>().value(), 5);
    EXPECT_EQ(add.call(std::string("a"), "b")->as<std::string>().value(), "ab");
    qjspp::Value point = ctx->eval("({ x: 2, scaled(k) { return this.x * k; } })").value();
    EXPECT_EQ(point.call_method("scaled", 4)->as<int32_t>().value(), 8);
    qjspp::Result<qjspp::Value> no_method = point.call_method("nope");
    ASSERT_FALSE(no_method.ok());
    EXPECT_EQ(no_method.error().message(), "TypeError: nope is not a function");
    qjspp::Value date_ctor = ctx->global().get("Date").value();
    EXPECT_EQ(date_ctor.construct(0.0)->call_method("getTime")->as<double>().value(), 0);

    // Errors thrown by a call come back with their message and stack; setters can throw too.
    qjspp::Value thrower =
        ctx->eval("(function boom() { throw new TypeError('bad ' + arguments.length); })").value();
    qjspp::Result<qjspp::Value> thrown = thrower.call(1, 2);
    ASSERT_FALSE(thrown.ok());
    EXPECT_EQ(thrown.error().message(), "TypeError: bad 2");
    EXPECT_NE(thrown.error().stack().find("boom"), std::string::npos);
    EXPECT_TRUE(thrown.error().value().is_error());
    qjspp::Value frozen = ctx->eval("'use strict'; Object.freeze({ a: 1 })").value();
    EXPECT_FALSE(frozen.set("a", 2).ok());   // JS_SetProperty throws on a failed assignment
    EXPECT_FALSE(ctx->make(1)->call().ok()); // not a function
}

int free_function(int32_t a, int32_t b) {
    return a * b;
}

TEST_F(CppLayer, BoundCallables) {
    int calls = 0;
    std::string log;
    // A lambda with captures; arguments converted; missing ones are undefined.
    ASSERT_TRUE(ctx->define_global_function("note",
                                            [&calls, &log](std::string s, std::optional<int32_t> n) {
                                                ++calls;
                                                log += s + ":" + std::to_string(n.value_or(-1)) + ";";
                                            })
                    .ok());
    EXPECT_EQ(run("note('a', 1); note('b'); typeof note('c', '7')"), "undefined");
    EXPECT_EQ(calls, 3);
    EXPECT_EQ(log, "a:1;b:-1;c:7;");
    EXPECT_EQ(run("note.name + '/' + note.length"), "note/2");

    // A free function, a function pointer and a mutable lambda keeping state between calls.
    ASSERT_TRUE(ctx->define_global_function("mul", free_function).ok());
    ASSERT_TRUE(ctx->define_global_function("mul2", &free_function).ok());
    ASSERT_TRUE(ctx->define_global_function("next", [n = 0]() mutable { return ++n; }).ok());
    EXPECT_EQ(run("mul(6, 7) + mul2(2, 2)"), "46");
    EXPECT_EQ(run("next(); next(); next()"), "3");

    // Containers and values through a bound function.
    ASSERT_TRUE(ctx->define_global_function("sum",
                                            [](std::vector<double> xs) {
                                                double s = 0;
                                                for (double x : xs)
                                                    s += x;
                                                return s;
                                            })
                    .ok());
    EXPECT_EQ(run("sum([1, 2, 3.5])"), "6.5");
    ASSERT_TRUE(ctx->define_global_function("keys_of", [](qjspp::Value v) { return v.keys(); }).ok());
    EXPECT_EQ(run("keys_of({ p: 1, q: 2 }).join()"), "p,q");
    EXPECT_EQ(run("try { keys_of(1) } catch (e) { e.message }"), "not an object");

    // A CallInfo parameter sees `this` and the raw arguments.
    ASSERT_TRUE(ctx->define_global_function("info",
                                            [](qjspp::CallInfo call) {
                                                return qjspp::Value::borrow(call.ctx, call.this_value)
                                                           .get("tag")
                                                           .value()
                                                           .as<std::string>()
                                                           .value() +
                                                       "/" + std::to_string(call.argc);
                                            })
                    .ok());
    EXPECT_EQ(run("({ tag: 't', info }).info(1, 2, 3)"), "t/3");

    // Errors: a returned Result error is thrown into JS; a failed conversion skips the call.
    ASSERT_TRUE(ctx->define_global_function("checked_sqrt",
                                            [](qjspp::CallInfo call, double x) -> qjspp::Result<double> {
                                                if (x < 0) return qjspp::range_error(call.ctx, "negative");
                                                return std::sqrt(x);
                                            })
                    .ok());
    EXPECT_EQ(run("checked_sqrt(16)"), "4");
    EXPECT_EQ(run("try { checked_sqrt(-1) } catch (e) { e instanceof RangeError && e.message }"), "negative");
    int reached = 0;
    ASSERT_TRUE(ctx->define_global_function("typed", [&reached](int32_t) { ++reached; }).ok());
    EXPECT_EQ(run("try { typed(Symbol()) } catch (e) { e.constructor.name }"), "TypeError");
    EXPECT_EQ(run("try { typed({ valueOf() { throw 'inner' } }) } catch (e) { e }"), "inner");
    EXPECT_EQ(reached, 0);
    ASSERT_TRUE(ctx->define_global_function("void_result",
                                            [](qjspp::CallInfo call, bool fail) -> qjspp::Result<void> {
                                                if (fail) return qjspp::type_error(call.ctx, "failed");
                                                return {};
                                            })
                    .ok());
    EXPECT_EQ(run("String(void_result(false))"), "undefined");
    EXPECT_EQ(run("try { void_result(true) } catch (e) { e.message }"), "failed");
    // A bound function is not a constructor.
    EXPECT_EQ(run("try { new mul(1, 2) } catch (e) { e.constructor.name }"), "TypeError");
}

// A host class with an opaque C++ object; the counters show the finalizer deletes it.
struct Point {
    static inline int alive = 0;
    double x, y;
    Point(double px, double py) : x(px), y(py) { ++alive; }
    ~Point() { --alive; }
    double norm() const { return std::sqrt(x * x + y * y); }
};

TEST_F(CppLayer, HostClasses) {
    Point::alive = 0;
    {
        qjspp::Value ctor = ctx->define_class<Point>("Point")
                                .constructor([](double x, double y) { return std::make_unique<Point>(x, y); })
                                .method("norm", [](Point& p) { return p.norm(); })
                                .method("scale",
                                        [](Point& p, double k) {
                                            p.x *= k;
                                            p.y *= k;
                                        })
                                .method("add",
                                        [](Point& p, Point* other) {
                                            return std::make_unique<Point>(p.x + other->x, p.y + other->y);
                                        })
                                .accessor(
                                    "x", [](Point& p) { return p.x; }, [](Point& p, double v) { p.x = v; })
                                .getter("y", [](Point& p) { return p.y; })
                                .build()
                                .value();
        ASSERT_TRUE(ctx->global().set("Point", ctor).ok());
    }
    EXPECT_EQ(run("var p = new Point(3, 4); p.norm()"), "5");
    EXPECT_EQ(Point::alive, 1);
    EXPECT_EQ(run("p.scale(2); p.x = 1; [p.x, p.y, p instanceof Point, Point.name, Point.length].join()"),
              "1,8,true,Point,2");
    EXPECT_EQ(run("'use strict'; try { p.y = 1 } catch (e) { e.constructor.name }"), "TypeError");
    EXPECT_EQ(run("var q = p.add(new Point(1, 1)); [q.x, q.y, q instanceof Point].join()"), "2,9,true");
    EXPECT_EQ(run("Object.keys(Point.prototype).length + ',' + typeof Point.prototype.norm"), "0,function");
    // Wrong receivers and calls without new are TypeErrors, not crashes.
    EXPECT_EQ(run("try { Point.prototype.norm.call({}) } catch (e) { e.constructor.name }"), "TypeError");
    EXPECT_EQ(run("try { p.add({}) } catch (e) { e.constructor.name }"), "TypeError");
    EXPECT_EQ(run("try { Point(1, 2) } catch (e) { e.constructor.name }"), "TypeError");
    // Subclasses get their own prototype and keep the opaque object.
    EXPECT_EQ(run("class P3 extends Point { z() { return 7 } }; var r = new P3(6, 8); [r.norm(), r.z(), r "
                  "instanceof P3].join()"),
              "10,7,true");
    // unwrap/wrap from C++.
    qjspp::Value pv = ctx->global().get("p").value();
    Point* raw = qjspp::unwrap<Point>(pv);
    ASSERT_NE(raw, nullptr);
    EXPECT_EQ(raw->y, 8);
    EXPECT_EQ(qjspp::unwrap<Point>(ctx->global()), nullptr);
    qjspp::Value made = qjspp::wrap(c(), std::make_unique<Point>(0, 2)).value();
    EXPECT_EQ(made.call_method("norm")->as<double>().value(), 2);
    int before = Point::alive;
    made = qjspp::Value();
    EXPECT_EQ(Point::alive, before - 1); // the finalizer ran when the last reference went
    EXPECT_EQ(run("p = q = r = undefined; 0"), "0");
    pv = qjspp::Value();
    rt.run_gc();
    EXPECT_EQ(Point::alive, 0);
}

TEST_F(CppLayer, ClassObjectsInCyclesAreFreedAtTeardown) {
    Point::alive = 0;
    qjspp::Value ctor = ctx->define_class<Point>("Point")
                            .constructor([](double x, double y) { return std::make_unique<Point>(x, y); })
                            .build()
                            .value();
    ASSERT_TRUE(ctx->global().set("Point", ctor).ok());
    EXPECT_EQ(run("var a = new Point(1, 1); a.self = a; a.other = { back: a }; 1"), "1");
    EXPECT_EQ(Point::alive, 1);
    // TearDown frees the context and the runtime: the finalizer deletes the Point, nothing leaks.
    ctor = qjspp::Value();
    ctx.reset();
    EXPECT_EQ(rt.close(), 0u);
    EXPECT_EQ(Point::alive, 0);
}

struct Unconstructible {};

TEST_F(CppLayer, ClassWithoutConstructorAndUnregisteredClass) {
    qjspp::Value ctor = ctx->define_class<Unconstructible>("Thing").build().value();
    ASSERT_TRUE(ctx->global().set("Thing", ctor).ok());
    EXPECT_EQ(run("try { new Thing() } catch (e) { e.message }"), "Thing is not constructible");
    // std::unique_ptr of a class never registered in this runtime is refused.
    struct Other {};
    qjspp::Result<qjspp::Value> w = qjspp::wrap(c(), std::make_unique<Other>());
    ASSERT_FALSE(w.ok());
    EXPECT_NE(w.error().message().find("not registered"), std::string::npos);
}

// Heap snapshots name the C++ classes they cannot save (no ClassBuilder::snapshot); bound callables
// are saved by their binding keys.
TEST_F(CppLayer, SnapshotsRefuseClassesWithoutHooks) {
    qjspp::Value ctor = ctx->define_class<Point>("Point")
                            .constructor([](double x, double y) { return std::make_unique<Point>(x, y); })
                            .build()
                            .value();
    ASSERT_TRUE(ctx->global().set("Point", ctor).ok());
    ctor = qjspp::Value();
    EXPECT_EQ(run("globalThis.p = new Point(1, 2); 0"), "0");
    char error[256] = "";
    size_t size = 0;
    EXPECT_EQ(JS_WriteSnapshot(rt.get(), &size, error, sizeof error), nullptr);
    EXPECT_NE(std::string(error).find("class Point cannot be snapshotted"), std::string::npos) << error;
    EXPECT_EQ(run("delete globalThis.p"), "true");
    ASSERT_TRUE(ctx->define_global_function("twice", [](int32_t x) { return 2 * x; }).ok());
    uint8_t* bytes = JS_WriteSnapshot(rt.get(), &size, error, sizeof error);
    ASSERT_NE(bytes, nullptr) << error;
    js_free_rt(rt.get(), bytes);
}

// Points in heap snapshots: their coordinates.
static bool write_point(const Point& p, qjspp::SnapshotOut& out) {
    out.f64(p.x);
    out.f64(p.y);
    return true;
}
static std::unique_ptr<Point> read_point(qjspp::SnapshotIn& in) {
    double x, y;
    if (!in.f64(x) || !in.f64(y)) return nullptr;
    return std::make_unique<Point>(x, y);
}

// The Point class's members and snapshot callbacks, to build() or rebind().
static qjspp::ClassBuilder<Point>& point_members(qjspp::ClassBuilder<Point>& b) {
    return b.constructor([](double x, double y) { return std::make_unique<Point>(x, y); })
        .method("norm", [](Point& p) { return p.norm(); })
        .accessor(
            "x", [](Point& p) { return p.x; }, [](Point& p, double x) { p.x = x; })
        .snapshot(write_point, read_point);
}

// The bindings of a snapshot's C++ functions and classes, registered again in a new runtime before
// the restore (as a new process would).
static void rebind_point_and_twice(JSRuntime* rt, int factor, bool with_twice) {
    if (with_twice) {
        ASSERT_TRUE(qjspp::rebind_function(rt, "twice", [factor](int32_t x) { return factor * x; }));
    }
    qjspp::ClassBuilder<Point> point(rt, "Point");
    ASSERT_TRUE(point_members(point).rebind());
}

TEST_F(CppLayer, BoundFunctionsAndClassesSurviveSnapshots) {
    Point::alive = 0;
    // Built as usual, with the snapshot callbacks.
    qjspp::ClassBuilder<Point> point(c(), "Point");
    qjspp::Value ctor = point_members(point).build().value();
    ASSERT_TRUE(ctx->global().set("Point", ctor).ok());
    ctor = qjspp::Value();
    ASSERT_TRUE(ctx->define_global_function("twice", [](int32_t x) { return 2 * x; }).ok());
    EXPECT_EQ(run("var p = new Point(3, 4); var alias = twice; p.norm() + twice(1)"), "7");
    char error[256] = "";
    size_t size = 0;
    uint8_t* written = JS_WriteSnapshot(rt.get(), &size, error, sizeof error);
    ASSERT_NE(written, nullptr) << error;
    std::vector<uint8_t> bytes(written, written + size);
    js_free_rt(rt.get(), written);

    {
        // Restored with the bindings registered again (here `twice` triples, to see which one runs).
        qjspp::Runtime rt2;
        rebind_point_and_twice(rt2.get(), 3, true);
        JSContext* c2 = JS_RestoreSnapshot(rt2.get(), bytes.data(), bytes.size(), error, sizeof error);
        ASSERT_NE(c2, nullptr) << error;
        {
            qjspp::Context ctx2 = qjspp::Context::adopt(c2);
            auto eval2 = [&](const char* src) {
                qjspp::Result<qjspp::Value> r = ctx2.eval(src);
                if (!r.ok()) return "throws " + r.error().message();
                return r->to_string().value();
            };
            EXPECT_EQ(eval2("[twice(7), alias === twice, twice.name, twice.length].join()"),
                      "21,true,twice,1");
            EXPECT_EQ(eval2("[p.norm(), p.x, p instanceof Point].join()"), "5,3,true");
            EXPECT_EQ(eval2("p.x = 6; new Point(0, 2).norm() + p.x"), "8");
            EXPECT_EQ(eval2("Object.getOwnPropertyNames(Point.prototype).sort().join()"),
                      "constructor,norm,x");
            // New objects made from C++ get the restored class prototype (JS_SetClassProto survived).
            qjspp::Value made = qjspp::wrap(c2, std::make_unique<Point>(5, 12)).value();
            ASSERT_TRUE(ctx2.global().set("made", made).ok());
            EXPECT_EQ(eval2("[made.norm(), made instanceof Point].join()"), "13,true");
            // And the restored runtime saves again.
            uint8_t* again = JS_WriteSnapshot(rt2.get(), &size, error, sizeof error);
            EXPECT_NE(again, nullptr) << error;
            js_free_rt(rt2.get(), again);
        }
        EXPECT_EQ(rt2.close(), 0u);
    }
    {
        // A binding the host did not register fails the restore with its key.
        qjspp::Runtime rt3;
        rebind_point_and_twice(rt3.get(), 2, false);
        EXPECT_EQ(JS_RestoreSnapshot(rt3.get(), bytes.data(), bytes.size(), error, sizeof error), nullptr);
        EXPECT_NE(std::string(error).find("C++ binding 'twice' is not registered"), std::string::npos)
            << error;
        // What the failed restore read (a Point, the constructor's callable) was freed at once, and the
        // runtime is fresh again: with the missing binding registered, the same restore succeeds.
        EXPECT_EQ(Point::alive, 1);
        ASSERT_TRUE(qjspp::rebind_function(rt3.get(), "twice", [](int32_t x) { return 4 * x; }));
        JSContext* c3 = JS_RestoreSnapshot(rt3.get(), bytes.data(), bytes.size(), error, sizeof error);
        ASSERT_NE(c3, nullptr) << error;
        {
            qjspp::Context ctx3 = qjspp::Context::adopt(c3);
            EXPECT_EQ(ctx3.eval("twice(p.norm())")->to_string().value(), "20");
        }
        EXPECT_EQ(rt3.close(), 0u);
        // Nothing registered at all: the first class met is named.
        qjspp::Runtime rt4;
        EXPECT_EQ(JS_RestoreSnapshot(rt4.get(), bytes.data(), bytes.size(), error, sizeof error), nullptr);
        EXPECT_NE(std::string(error).find("which is not registered in this runtime"), std::string::npos)
            << error;
        EXPECT_EQ(rt4.close(), 0u);
    }
    EXPECT_EQ(run("delete globalThis.p; delete globalThis.Point; 1"), "1");
}

TEST_F(CppLayer, EvalErrorsJobsAndAwait) {
    qjspp::Result<qjspp::Value> syntax = ctx->eval("let = ;", "bad.js");
    ASSERT_FALSE(syntax.ok());
    EXPECT_EQ(syntax.error().message().rfind("SyntaxError", 0), 0u);
    qjspp::Result<qjspp::Value> thrown = ctx->eval("throw 42");
    ASSERT_FALSE(thrown.ok());
    EXPECT_EQ(thrown.error().value().as<int32_t>().value(), 42);
    EXPECT_FALSE(JS_HasException(c()));

    // Jobs: run_jobs drains them; await settles one promise.
    EXPECT_EQ(run("var order = []; Promise.resolve().then(() => order.push('job')); order.push('sync'); 0"),
              "0");
    ASSERT_TRUE(rt.run_jobs().ok());
    EXPECT_EQ(run("order.join()"), "sync,job");
    qjspp::Value p = ctx->eval("(async () => { await null; return 'done'; })()").value();
    EXPECT_EQ(ctx->await(p)->as<std::string>().value(), "done");
    qjspp::Value rejected = ctx->eval("(async () => { await null; throw new Error('late'); })()").value();
    qjspp::Result<qjspp::Value> r = ctx->await(rejected);
    ASSERT_FALSE(r.ok());
    EXPECT_EQ(r.error().message(), "Error: late");
    EXPECT_EQ(ctx->await(ctx->make(5).value())->as<int32_t>().value(), 5); // not a promise
    qjspp::Value never = ctx->eval("new Promise(() => {})").value();
    EXPECT_FALSE(ctx->await(never).ok());
    // A job that throws stops run_jobs with its exception.
    EXPECT_EQ(run("Promise.resolve().then(() => { throw new Error('in job') }); 0"), "0");
    qjspp::Result<void> jobs = rt.run_jobs();
    EXPECT_TRUE(jobs.ok()); // a rejected reaction is a rejected promise, not a failed job
}

TEST_F(CppLayer, Modules) {
    // A C++ module with a value and a function, imported by a JS module.
    int greeted = 0;
    ASSERT_TRUE(ctx->define_module("host")
                    .add("version", std::string("1.2"))
                    .add("answer", 42)
                    .function("greet",
                              [&greeted](std::string who) {
                                  ++greeted;
                                  return "hello " + who;
                              })
                    .build()
                    .ok());
    qjspp::Value ns =
        ctx->eval_module("import { greet, version, answer } from 'host';\n"
                         "export const message = greet('module') + ' ' + version + ' ' + answer;\n"
                         "export default await Promise.resolve(7);",
                         "main.js")
            .value();
    EXPECT_EQ(ns.get("message")->as<std::string>().value(), "hello module 1.2 42");
    EXPECT_EQ(ns.get("default")->as<int32_t>().value(), 7);
    EXPECT_EQ(greeted, 1);
    // Errors: a module that throws (after a top-level await) and one that does not parse.
    qjspp::Result<qjspp::Value> failing =
        ctx->eval_module("await null; throw new TypeError('module failed');", "bad.js");
    ASSERT_FALSE(failing.ok());
    EXPECT_EQ(failing.error().message(), "TypeError: module failed");
    qjspp::Result<qjspp::Value> unparsable = ctx->eval_module("export let = 1;", "syntax.js");
    ASSERT_FALSE(unparsable.ok());
    EXPECT_EQ(unparsable.error().message().rfind("SyntaxError", 0), 0u);
    qjspp::Result<qjspp::Value> missing = ctx->eval_module("import { nope } from 'host';", "missing.js");
    ASSERT_FALSE(missing.ok());
    EXPECT_EQ(missing.error().message().rfind("SyntaxError", 0), 0u);
}

TEST_F(CppLayer, InterruptAndMemoryLimit) {
    int polls = 0;
    rt.set_interrupt_handler([&polls] { return ++polls > 3; });
    qjspp::Result<qjspp::Value> r = ctx->eval("for (;;) {}");
    ASSERT_FALSE(r.ok());
    EXPECT_NE(r.error().message().find("interrupted"), std::string::npos);
    EXPECT_GT(polls, 3);
    polls = 0;
    qjspp::Result<qjspp::Value> uncaught = ctx->eval("try { for (;;) {} } catch (e) { 'caught' }");
    EXPECT_FALSE(uncaught.ok()); // the interrupt cannot be caught by the script
    rt.set_interrupt_handler(nullptr);
    EXPECT_EQ(run("let n = 0; for (let i = 0; i < 100000; i++) n += i; n"), "4999950000");

    rt.set_memory_limit(16 * 1024 * 1024);
    qjspp::Result<qjspp::Value> oom = ctx->eval("let a = []; for (;;) a.push(new Array(100000).fill(1));");
    ASSERT_FALSE(oom.ok());
    EXPECT_NE(oom.error().message().find("out of memory"), std::string::npos);
    rt.set_memory_limit(static_cast<size_t>(-1)); // no limit
    EXPECT_EQ(run("1 + 1"), "2");
}

} // namespace
