// BuiltinsTestSupport.h: a realm fixture for unit tests that call builtins through call(), before
// (and independently of) the interpreter.
#pragma once

#include "runtime/Call.h"
#include "runtime/Context.h"
#include "runtime/Conversions.h"
#include "runtime/String.h"
#include "runtime/Symbol.h"

#include <gtest/gtest.h>

#include <initializer_list>
#include <string>
#include <vector>

namespace qjs::test {

struct BuiltinsFixture : ::testing::Test {
    Runtime* rt = nullptr;
    Context* ctx = nullptr;

    void SetUp() override {
        rt = Runtime::create();
        ASSERT_NE(rt, nullptr);
        ctx = Context::create(*rt);
        ASSERT_NE(ctx, nullptr);
    }
    void TearDown() override { EXPECT_EQ(rt->destroy(), 0u); }

    Atom atom(const char* name) { return rt->intern_ascii(name); }
    Value str(const char* s) { return ctx->new_string(s); }

    // A property of an object value (or of the global object when `from` is omitted).
    Value prop(const Value& from, const char* name) {
        Value o = to_object(*ctx, from);
        EXPECT_FALSE(o.is_exception());
        return get(*ctx, o.as_object(), atom(name));
    }
    Value global(const char* name) { return get(*ctx, ctx->global_object(), atom(name)); }
    // Walks "a.b.c" from the global object.
    Value path(const std::string& dotted) {
        Value v = Value::object(ctx->global_object());
        size_t start = 0;
        while (start <= dotted.size()) {
            size_t end = dotted.find('.', start);
            if (end == std::string::npos) end = dotted.size();
            v = prop(v, dotted.substr(start, end - start).c_str());
            start = end + 1;
        }
        return v;
    }

    Value call_fn(const Value& fn, const Value& this_value, std::initializer_list<Value> args = {}) {
        std::vector<Value> list(args);
        return call(*ctx, fn, this_value, std::span<const Value>(list.data(), list.size()));
    }
    // Calls a function found by path (e.g. "Object.keys") with `this` = its holder.
    Value call_path(const std::string& dotted, std::initializer_list<Value> args = {}) {
        size_t dot = dotted.rfind('.');
        Value holder =
            dot == std::string::npos ? Value::object(ctx->global_object()) : path(dotted.substr(0, dot));
        Value fn = path(dotted);
        return call_fn(fn, holder, args);
    }
    Value construct_path(const std::string& dotted, std::initializer_list<Value> args = {}) {
        std::vector<Value> list(args);
        return construct(*ctx, path(dotted), std::span<const Value>(list.data(), list.size()));
    }

    // ToString of a value as UTF-8 ("<exception>" if that throws).
    std::string text(const Value& v) {
        if (v.is_exception()) return "<exception>";
        Value s = to_string(*ctx, v);
        if (s.is_exception()) {
            (void)rt->take_exception();
            return "<exception>";
        }
        return s.as_string()->to_utf8();
    }
    // Takes the pending exception and returns its "name" property ("" if none pending).
    std::string exception_name() {
        if (!rt->has_exception()) return "";
        Value e = rt->take_exception();
        if (!e.is_object()) return "<non-object>";
        return text(get(*ctx, e.as_object(), atoms::name));
    }
    // Elements of an array as strings, joined by ",".
    std::string join(const Value& array) {
        if (!array.is_object()) return "<not an object>";
        Value len = get(*ctx, array.as_object(), atoms::length);
        std::string out;
        for (int32_t i = 0; i < len.as_int32(); i++) {
            if (i) out += ",";
            out += text(get(*ctx, array.as_object(), atom_from_index(static_cast<uint32_t>(i))));
        }
        return out;
    }
};

} // namespace qjs::test
