// Unit tests of Promise (constructor, prototype, combinators, jobs), called through call() with
// native functions as executors and handlers.
#include "BuiltinsTestSupport.h"
#include "builtins/Promise.h"
#include "runtime/NativeFunction.h"

#include <string>
#include <vector>

using namespace qjs;
using qjs::test::BuiltinsFixture;

namespace {

std::vector<std::string> g_log;

std::string value_text(Context& ctx, const Value& v) {
    if (v.is_object() && v.as_object()->class_id() == ClassId::Error) {
        Value name = get(ctx, v.as_object(), atoms::name);
        Value s = to_string(ctx, name);
        return s.is_exception() ? "<error>" : s.as_string()->to_utf8();
    }
    Value s = to_string(ctx, v);
    if (s.is_exception()) {
        (void)ctx.rt().take_exception();
        return "<object>";
    }
    return s.as_string()->to_utf8();
}

// Logs "label:arg0"; magic 0 returns arg0, magic 1 throws it, magic 2 returns data[1].
Value recorder(Context& ctx, const CallArgs& args) {
    Value* data = static_cast<NativeFunctionObject*>(args.callee)->data();
    g_log.push_back(data[0].as_string()->to_utf8() + ":" + value_text(ctx, args.arg(0)));
    if (args.magic == 1) return ctx.throw_value(args.arg(0));
    if (args.magic == 2) return data[1];
    return args.arg(0);
}

// An executor calling resolve (magic 0) or reject (magic 1) with data[0], or throwing it (magic 2).
Value executor(Context& ctx, const CallArgs& args) {
    const Value& v = static_cast<NativeFunctionObject*>(args.callee)->data()[0];
    if (args.magic == 2) return ctx.throw_value(v);
    return call(ctx, args.arg(args.magic), Value::undefined(), {&v, 1});
}

// A Promise-like constructor: calls the executor with two recorder functions found in its data and
// returns a plain object (NewPromiseCapability's generic path).
Value fake_constructor(Context& ctx, const CallArgs& args) {
    Value* data = static_cast<NativeFunctionObject*>(args.callee)->data();
    Value fns[2] = {data[0], data[1]};
    Value r = call(ctx, args.arg(0), Value::undefined(), fns);
    if (r.is_exception()) return r;
    return new_object(ctx);
}

struct PromiseBuiltins : BuiltinsFixture {
    void SetUp() override {
        BuiltinsFixture::SetUp();
        g_log.clear();
    }
    Value handler(const char* label, int mode = 0, Value result = Value()) {
        Value f = new_native_function(*ctx, recorder, atom(label), 1, static_cast<int16_t>(mode), 2);
        Value* data = static_cast<NativeFunctionObject*>(f.as_object())->data();
        data[0] = str(label);
        data[1] = std::move(result);
        return f;
    }
    Value make(int mode, Value v) {
        Value f = new_native_function(*ctx, executor, atoms::empty_string, 2, static_cast<int16_t>(mode), 1);
        static_cast<NativeFunctionObject*>(f.as_object())->data()[0] = std::move(v);
        return construct_path("Promise", {f});
    }
    Value then(const Value& p, const Value& on_fulfilled, const Value& on_rejected = Value()) {
        return call_fn(prop(p, "then"), p, {on_fulfilled, on_rejected});
    }
    void run() { ASSERT_TRUE(rt->run_jobs()); }
    std::string log() {
        std::string out;
        for (auto& s : g_log)
            out += (out.empty() ? "" : " ") + s;
        return out;
    }
    std::string state(const Value& p) {
        if (!is_promise(p)) return "<not a promise>";
        switch (promise_state(p.as_object())) {
        case PromiseState::Pending: return "pending";
        case PromiseState::Fulfilled: return "fulfilled:" + value_text(*ctx, promise_result(p.as_object()));
        case PromiseState::Rejected: return "rejected:" + value_text(*ctx, promise_result(p.as_object()));
        }
        return "";
    }
    Value array(std::initializer_list<Value> xs) {
        Value a = new_array(*ctx);
        for (const Value& x : xs)
            EXPECT_TRUE(array_push_fast(*ctx, a.as_object(), x));
        return a;
    }
};

TEST_F(PromiseBuiltins, ConstructorAndThen) {
    Value p = make(0, Value::int32(42));
    EXPECT_EQ(state(p), "fulfilled:42");
    Value derived = then(p, handler("a", 2, Value::int32(7)));
    EXPECT_EQ(state(derived), "pending");
    EXPECT_EQ(log(), ""); // reactions run as jobs
    run();
    EXPECT_EQ(log(), "a:42");
    EXPECT_EQ(state(derived), "fulfilled:7");
    // Errors thrown by the executor reject; a throwing handler rejects the derived promise.
    Value bad = make(2, str("boom"));
    EXPECT_EQ(state(bad), "rejected:boom");
    Value d2 = then(p, handler("t", 1));
    run();
    EXPECT_EQ(state(d2), "rejected:42");
    // Without new, or without a callable executor: TypeError.
    EXPECT_TRUE(call_path("Promise", {handler("x")}).is_exception());
    EXPECT_EQ(exception_name(), "TypeError");
    EXPECT_TRUE(construct_path("Promise", {Value::int32(1)}).is_exception());
    EXPECT_EQ(exception_name(), "TypeError");
}

TEST_F(PromiseBuiltins, PassThroughCatchAndOrder) {
    Value rejected = make(1, str("r"));
    // then without handlers passes the reason through; catch handles it.
    Value chain = then(rejected, Value::undefined());
    Value caught = call_fn(prop(chain, "catch"), chain, {handler("c", 2, str("ok"))});
    Value p1 = make(0, Value::int32(1));
    (void)then(p1, handler("b1"));
    (void)then(p1, handler("b2"));
    run();
    EXPECT_EQ(log(), "b1:1 b2:1 c:r");
    EXPECT_EQ(state(caught), "fulfilled:ok");
}

TEST_F(PromiseBuiltins, ResolveWithThenableTakesTwoJobs) {
    Value inner = make(0, str("in"));
    Value outer = call_path("Promise.resolve", {Value::int32(0)});
    Value adopted = make(0, inner); // resolve(inner): NewPromiseResolveThenableJob
    EXPECT_EQ(state(adopted), "pending");
    (void)then(adopted, handler("adopted"));
    Value t1 = then(outer, handler("t1"));
    Value t2 = then(t1, handler("t2"));
    (void)then(t2, handler("t3"));
    run();
    EXPECT_EQ(log(), "t1:0 t2:0 adopted:in t3:0");
    EXPECT_EQ(state(adopted), "fulfilled:in");
}

TEST_F(PromiseBuiltins, SelfResolutionIsATypeError) {
    Value resolve;
    Value p = new_promise(*ctx, &resolve, nullptr);
    EXPECT_FALSE(call_fn(resolve, Value::undefined(), {p}).is_exception());
    EXPECT_EQ(state(p), "rejected:TypeError");
    // Resolving functions work once.
    EXPECT_FALSE(call_fn(resolve, Value::undefined(), {Value::int32(1)}).is_exception());
    EXPECT_EQ(state(p), "rejected:TypeError");
}

TEST_F(PromiseBuiltins, StaticResolveRejectWithResolversTry) {
    Value p = make(0, Value::int32(1));
    Value same = call_path("Promise.resolve", {p});
    EXPECT_EQ(same.as_object(), p.as_object());
    EXPECT_EQ(state(call_path("Promise.reject", {str("no")})), "rejected:no");
    Value wr = call_path("Promise.withResolvers");
    ASSERT_TRUE(wr.is_object());
    Value promise = prop(wr, "promise");
    EXPECT_EQ(state(promise), "pending");
    EXPECT_FALSE(call_fn(prop(wr, "resolve"), Value::undefined(), {str("done")}).is_exception());
    EXPECT_EQ(state(promise), "fulfilled:done");
    EXPECT_EQ(state(call_path("Promise.try", {handler("try", 0), Value::int32(5)})), "fulfilled:5");
    EXPECT_EQ(state(call_path("Promise.try", {handler("try2", 1), Value::int32(6)})), "rejected:6");
    EXPECT_EQ(log(), "try:5 try2:6");
    // A non-constructor `this` is a TypeError.
    EXPECT_TRUE(call_fn(path("Promise.reject"), Value::int32(1), {Value::int32(1)}).is_exception());
    EXPECT_EQ(exception_name(), "TypeError");
    EXPECT_EQ(path("Promise.prototype.then.length").as_int32(), 2);
    EXPECT_EQ(text(get(*ctx, path("Promise.prototype").as_object(), atoms::sym_toStringTag)), "Promise");
    Value species = get(*ctx, global("Promise").as_object(), atoms::sym_species);
    EXPECT_EQ(species.as_object(), global("Promise").as_object());
}

TEST_F(PromiseBuiltins, GenericCapabilityPath) {
    Value ctor = new_native_function(*ctx, fake_constructor, atom("Fake"), 1, 0, 2, true);
    Value* data = static_cast<NativeFunctionObject*>(ctor.as_object())->data();
    data[0] = handler("res");
    data[1] = handler("rej");
    Value r = call_fn(path("Promise.resolve"), ctor, {Value::int32(5)});
    ASSERT_TRUE(r.is_object());
    EXPECT_FALSE(is_promise(r));
    Value j = call_fn(path("Promise.reject"), ctor, {Value::int32(6)});
    ASSERT_TRUE(j.is_object());
    EXPECT_EQ(log(), "res:5 rej:6");
    // Non-callable resolving functions are a TypeError.
    data[0] = Value::int32(1);
    EXPECT_TRUE(call_fn(path("Promise.resolve"), ctor, {Value::int32(5)}).is_exception());
    EXPECT_EQ(exception_name(), "TypeError");
}

TEST_F(PromiseBuiltins, Finally) {
    Value p = make(0, str("v"));
    Value f = call_fn(prop(p, "finally"), p, {handler("fin", 2, str("ignored"))});
    Value r = make(1, str("why"));
    Value g = call_fn(prop(r, "finally"), r, {handler("fin2", 2, str("ignored"))});
    run();
    EXPECT_EQ(log(), "fin:undefined fin2:undefined");
    EXPECT_EQ(state(f), "fulfilled:v");
    EXPECT_EQ(state(g), "rejected:why");
}

TEST_F(PromiseBuiltins, Combinators) {
    if (!is_callable(get(*ctx, path("Array.prototype").as_object(), atoms::sym_iterator)))
        GTEST_SKIP() << "arrays are not iterable yet";
    Value all =
        call_path("Promise.all", {array({Value::int32(1), make(0, Value::int32(2)), Value::int32(3)})});
    Value all_rejected = call_path("Promise.all", {array({Value::int32(1), make(1, str("bad"))})});
    Value settled = call_path("Promise.allSettled", {array({Value::int32(1), make(1, str("bad"))})});
    Value any = call_path("Promise.any", {array({make(1, str("x")), make(0, Value::int32(9))})});
    Value none = call_path("Promise.any", {array({make(1, str("x")), make(1, str("y"))})});
    Value empty_any = call_path("Promise.any", {array({})});
    Value race = call_path("Promise.race", {array({make(0, str("first")), make(1, str("second"))})});
    Value empty_all = call_path("Promise.all", {array({})});
    Value not_iterable = call_path("Promise.all", {Value::int32(1)});
    run();
    EXPECT_EQ(state(all), "fulfilled:1,2,3");
    EXPECT_EQ(state(all_rejected), "rejected:bad");
    ASSERT_EQ(state(settled).substr(0, 9), "fulfilled");
    Value list = promise_result(settled.as_object());
    Value first = get(*ctx, list.as_object(), atom_from_index(0));
    Value second = get(*ctx, list.as_object(), atom_from_index(1));
    EXPECT_EQ(text(prop(first, "status")) + "/" + text(prop(first, "value")), "fulfilled/1");
    EXPECT_EQ(text(prop(second, "status")) + "/" + text(prop(second, "reason")), "rejected/bad");
    EXPECT_EQ(state(any), "fulfilled:9");
    EXPECT_EQ(state(none), "rejected:AggregateError");
    EXPECT_EQ(join(prop(promise_result(none.as_object()), "errors")), "x,y");
    EXPECT_EQ(state(empty_any), "rejected:AggregateError");
    EXPECT_EQ(state(race), "fulfilled:first");
    EXPECT_EQ(state(empty_all), "fulfilled:");
    EXPECT_EQ(state(not_iterable), "rejected:TypeError");
}

TEST_F(PromiseBuiltins, PerformPromiseThenWithoutResultPromise) {
    // The interpreter's await uses the operations directly.
    Value p = new_promise(*ctx, nullptr, nullptr);
    ASSERT_FALSE(
        perform_promise_then(*ctx, p.as_object(), handler("ok"), handler("err"), nullptr).is_exception());
    ASSERT_FALSE(resolve_promise(*ctx, p.as_object(), str("value")).is_exception());
    run();
    EXPECT_EQ(log(), "ok:value");
    Value q = new_promise(*ctx, nullptr, nullptr);
    Value result = new_promise(*ctx, nullptr, nullptr);
    reject_promise(*ctx, q.as_object(), str("e"));
    ASSERT_FALSE(
        perform_promise_then(*ctx, q.as_object(), Value(), Value(), result.as_object()).is_exception());
    run();
    EXPECT_EQ(state(result), "rejected:e");
    Value resolved = promise_resolve(*ctx, global("Promise").as_object(), Value::int32(3));
    EXPECT_EQ(state(resolved), "fulfilled:3");
}

} // namespace
