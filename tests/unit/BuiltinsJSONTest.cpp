// Unit tests of JSON.parse and JSON.stringify, called through call().
#include "BuiltinsTestSupport.h"
#include "builtins/JSON.h"
#include "runtime/NativeFunction.h"

#include <cmath>

using namespace qjs;
using qjs::test::BuiltinsFixture;

namespace {

struct JSONBuiltins : BuiltinsFixture {
    Value parse(const char* text) { return call_path("JSON.parse", {str(text)}); }
    Value parse16(const std::u16string& text) {
        Value s = Value::adopt(Tag::String, String::create_utf16(*rt, text.data(), text.size()));
        return call_path("JSON.parse", {s});
    }
    // stringify(x) as UTF-8, "<undefined>" or "<exception:Name>".
    std::string stringify(const Value& v, const Value& replacer = Value(), const Value& space = Value()) {
        Value r = call_path("JSON.stringify", {v, replacer, space});
        if (r.is_exception()) return "<exception:" + exception_name() + ">";
        if (r.is_undefined()) return "<undefined>";
        return r.as_string()->to_utf8();
    }
    std::string roundtrip(const char* text) {
        Value v = parse(text);
        if (v.is_exception()) return "<exception:" + exception_name() + ">";
        return stringify(v);
    }
    void set(const Value& o, const char* key, Value v) {
        ASSERT_FALSE(set_or_throw(*ctx, o.as_object(), atom(key), v).is_exception());
    }
};

TEST_F(JSONBuiltins, ParsesValues) {
    EXPECT_EQ(roundtrip(" {\"a\" : [1, -2.5e3, true, false, null, \"x\"], \"b\": {}} "),
              "{\"a\":[1,-2500,true,false,null,\"x\"],\"b\":{}}");
    EXPECT_EQ(roundtrip("[]"), "[]");
    EXPECT_EQ(roundtrip("\"\\u0041\\n\\\"\\\\\\/\""), "\"A\\n\\\"\\\\/\"");
    EXPECT_EQ(roundtrip("12345678901234567890"), "12345678901234567000");
    EXPECT_EQ(roundtrip("0.1"), "0.1");
    EXPECT_EQ(roundtrip("1e400"), "null");
    Value z = parse("-0");
    ASSERT_TRUE(z.is_number());
    EXPECT_TRUE(z.as_number() == 0 && std::signbit(z.as_number()));
    // Duplicate keys: the last wins, in the first key's position; __proto__ is an ordinary key.
    EXPECT_EQ(roundtrip("{\"a\":1,\"b\":2,\"a\":3}"), "{\"a\":3,\"b\":2}");
    Value p = parse("{\"__proto__\": 5}");
    EXPECT_EQ(prop(p, "__proto__").as_int32(), 5);
    // Integer-like keys become index properties and come first.
    EXPECT_EQ(roundtrip("{\"b\":1,\"1\":2,\"0\":3}"), "{\"0\":3,\"1\":2,\"b\":1}");
    // Wide input.
    EXPECT_EQ(parse16(u"[\"\u20ac\", \"a\\u20acb\"]").is_object(), true);
}

TEST_F(JSONBuiltins, RejectsMalformedText) {
    for (const char* bad :
         {"",        "{",      "[1,]", "{\"a\":1,}", "01",  "1.",  ".5",    "+1",        "-",   "1e",
          "\"\\x\"", "\"\t\"", "'a'",  "[1] x",      "tru", "nul", "{a:1}", "\"\\u12\"", "NaN", "\"abc"}) {
        EXPECT_TRUE(parse(bad).is_exception()) << bad;
        EXPECT_EQ(exception_name(), "SyntaxError") << bad;
    }
}

TEST_F(JSONBuiltins, Reviver) {
    // A reviver that doubles numbers and deletes the key "drop".
    auto reviver = [](Context& ctx, const CallArgs& args) -> Value {
        Value key = to_string(ctx, args.arg(0));
        if (key.as_string()->equals_ascii("drop")) return Value::undefined();
        if (args.arg(1).is_number()) return Value::number(args.arg(1).as_number() * 2);
        return args.arg(1);
    };
    Value fn = new_native_function(*ctx, reviver, "reviver", 2);
    Value r = call_path("JSON.parse", {str("{\"a\":1,\"drop\":2,\"c\":[3,{\"drop\":1,\"d\":4}]}"), fn});
    EXPECT_EQ(stringify(r), "{\"a\":2,\"c\":[6,{\"d\":8}]}");
}

TEST_F(JSONBuiltins, StringifyPrimitivesAndEscapes) {
    EXPECT_EQ(stringify(Value::undefined()), "<undefined>");
    EXPECT_EQ(stringify(Value::number(NAN)), "null");
    EXPECT_EQ(stringify(Value::number(-0.0)), "0");
    EXPECT_EQ(stringify(Value::number(1e21)), "1e+21");
    EXPECT_EQ(stringify(str("a\"b\\c\x01\x1f\b\f\n\r\t")), "\"a\\\"b\\\\c\\u0001\\u001f\\b\\f\\n\\r\\t\"");
    // Lone surrogates are escaped; pairs are kept.
    const char16_t lone[] = {u'x', 0xD800, u'y', 0xDC00, 0xD83D, 0xDE00};
    Value s = Value::adopt(Tag::String, String::create_utf16(*rt, lone, 6));
    EXPECT_EQ(stringify(s), "\"x\\ud800y\\udc00\xF0\x9F\x98\x80\"");
    EXPECT_EQ(stringify(Value::symbol(rt->well_known_symbol(WellKnownSymbol::iterator))), "<undefined>");
}

TEST_F(JSONBuiltins, StringifyObjectsArraysAndWrappers) {
    Value o = new_object(*ctx);
    set(o, "a", Value::int32(1));
    set(o, "f", path("Math.max")); // functions are skipped in objects
    set(o, "u", Value::undefined());
    Value arr = new_array(*ctx);
    ASSERT_TRUE(array_push_fast(*ctx, arr.as_object(), Value::undefined()));
    ASSERT_TRUE(array_push_fast(*ctx, arr.as_object(), path("Math.max")));
    // String and Number wrappers convert through toString/valueOf (installed by other families;
    // plain values stand in for them until then). Boolean wrappers are read directly.
    bool have_wrappers = global("String").is_object() && global("Number").is_object();
    ASSERT_TRUE(array_push_fast(*ctx, arr.as_object(), have_wrappers ? to_object(*ctx, str("s")) : str("s")));
    ASSERT_TRUE(array_push_fast(*ctx, arr.as_object(), to_object(*ctx, Value::boolean(false))));
    ASSERT_TRUE(array_push_fast(*ctx, arr.as_object(),
                                have_wrappers ? to_object(*ctx, Value::int32(7)) : Value::int32(7)));
    set(o, "b", arr);
    EXPECT_EQ(stringify(o), "{\"a\":1,\"b\":[null,null,\"s\",false,7]}");
    EXPECT_EQ(stringify(o, Value(), Value::int32(2)),
              "{\n  \"a\": 1,\n  \"b\": [\n    null,\n    null,\n    \"s\",\n    false,\n    7\n  ]\n}");
    EXPECT_EQ(stringify(o, Value(), str("--------------xx")).substr(0, 14), "{\n----------\"a");
    EXPECT_EQ(stringify(new_object(*ctx), Value(), Value::int32(2)), "{}");
    EXPECT_EQ(stringify(new_array(*ctx), Value(), Value::int32(2)), "[]");
}

TEST_F(JSONBuiltins, StringifyReplacerArrayAndFunction) {
    Value o = new_object(*ctx);
    set(o, "a", Value::int32(1));
    set(o, "b", Value::int32(2));
    set(o, "c", Value::int32(3));
    Value list = new_array(*ctx);
    ASSERT_TRUE(array_push_fast(*ctx, list.as_object(), str("c")));
    ASSERT_TRUE(array_push_fast(*ctx, list.as_object(), str("a")));
    ASSERT_TRUE(array_push_fast(*ctx, list.as_object(), str("c")));
    ASSERT_TRUE(array_push_fast(*ctx, list.as_object(), Value::boolean(true)));
    EXPECT_EQ(stringify(o, list), "{\"c\":3,\"a\":1}");
    auto replacer = [](Context& ctx, const CallArgs& args) -> Value {
        if (args.arg(1).is_number()) return Value::number(args.arg(1).as_number() + 10);
        return args.arg(1);
    };
    Value fn = new_native_function(*ctx, replacer, "replacer", 2);
    EXPECT_EQ(stringify(o, fn), "{\"a\":11,\"b\":12,\"c\":13}");
}

TEST_F(JSONBuiltins, ToJSONCyclesAndBigInt) {
    auto to_json = [](Context& ctx, const CallArgs& args) -> Value { return ctx.new_string("custom"); };
    Value o = new_object(*ctx);
    set(o, "toJSON", new_native_function(*ctx, to_json, "toJSON", 1));
    Value outer = new_object(*ctx);
    set(outer, "x", o);
    EXPECT_EQ(stringify(outer), "{\"x\":\"custom\"}");
    Value cyc = new_object(*ctx);
    Value inner = new_array(*ctx);
    ASSERT_TRUE(array_push_fast(*ctx, inner.as_object(), cyc));
    set(cyc, "self", inner);
    EXPECT_EQ(stringify(cyc), "<exception:TypeError>");
    // The same object twice (not a cycle) is fine.
    Value shared = new_object(*ctx);
    Value two = new_array(*ctx);
    ASSERT_TRUE(array_push_fast(*ctx, two.as_object(), shared));
    ASSERT_TRUE(array_push_fast(*ctx, two.as_object(), shared));
    EXPECT_EQ(stringify(two), "[{},{}]");
    Value big = call_path("BigInt", {Value::int32(5)});
    if (big.is_bigint()) {
        EXPECT_EQ(stringify(big), "<exception:TypeError>");
    }
    EXPECT_EQ(text(get(*ctx, global("JSON").as_object(), atoms::sym_toStringTag)), "JSON");
}

} // namespace
