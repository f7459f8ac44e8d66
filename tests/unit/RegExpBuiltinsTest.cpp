// Unit tests of the RegExp builtins called through call() (no interpreter needed).
#include "BuiltinsTestSupport.h"
#include "builtins/RegExp.h"

using namespace qjs;

namespace {

struct RegExpBuiltins : test::BuiltinsFixture {
    Value re(const char* pattern, const char* flags) { return regexp_create(*ctx, str(pattern), str(flags)); }
    std::string s(const Value& v) {
        Value t = to_string(*ctx, v);
        EXPECT_FALSE(t.is_exception());
        return t.is_exception() ? "<exception>" : t.as_string()->to_utf8();
    }
    Value method(const Value& r, const char* name) { return prop(r, name); }
    Value sym_method(const Value& r, Atom sym) { return get(*ctx, r.as_object(), sym); }
};

TEST_F(RegExpBuiltins, ExecBuildsTheMatchArray) {
    Value r = re("(?<year>\\d{4})-(\\d\\d)", "d");
    Value m = call_fn(method(r, "exec"), r, {str("on 2024-05!")});
    ASSERT_TRUE(m.is_object());
    EXPECT_EQ(s(get_index(*ctx, m.as_object(), 0)), "2024-05");
    EXPECT_EQ(s(get_index(*ctx, m.as_object(), 2)), "05");
    EXPECT_EQ(get(*ctx, m.as_object(), atoms::index).as_int32(), 3);
    Value groups = get(*ctx, m.as_object(), atoms::groups);
    EXPECT_EQ(s(prop(groups, "year")), "2024");
    Value indices = get(*ctx, m.as_object(), atoms::indices);
    EXPECT_EQ(s(get_index(*ctx, indices.as_object(), 1)), "3,7");
}

TEST_F(RegExpBuiltins, GlobalLastIndexProtocol) {
    Value r = re("a", "g");
    Value exec = method(r, "exec");
    EXPECT_TRUE(call_fn(exec, r, {str("xaa")}).is_object());
    EXPECT_EQ(get(*ctx, r.as_object(), atoms::lastIndex).as_int32(), 2);
    EXPECT_TRUE(call_fn(exec, r, {str("xaa")}).is_object());
    EXPECT_TRUE(call_fn(exec, r, {str("xaa")}).is_null());
    EXPECT_EQ(get(*ctx, r.as_object(), atoms::lastIndex).as_int32(), 0);
}

TEST_F(RegExpBuiltins, ReplaceSplitMatchSearch) {
    Value r = re("(\\w)(\\d)", "g");
    Value out = call_fn(sym_method(r, atoms::sym_replace), r, {str("a1 b2 c"), str("[$2$1$&$$]")});
    EXPECT_EQ(s(out), "[1aa1$] [2bb2$] c");
    Value sp = re(",\\s*", "");
    Value parts = call_fn(sym_method(sp, atoms::sym_split), sp, {str("a, b,c")});
    EXPECT_EQ(s(parts), "a,b,c");
    Value cap = re("(-)", "");
    EXPECT_EQ(s(call_fn(sym_method(cap, atoms::sym_split), cap, {str("a-b")})), "a,-,b");
    Value g = re("o", "g");
    EXPECT_EQ(s(call_fn(sym_method(g, atoms::sym_match), g, {str("foo")})), "o,o");
    Value se = re("b", "");
    EXPECT_EQ(call_fn(sym_method(se, atoms::sym_search), se, {str("abc")}).as_int32(), 1);
}

TEST_F(RegExpBuiltins, SourceFlagsAndToString) {
    Value r = re("a/b\n", "gimsuyd");
    EXPECT_EQ(s(call_fn(method(r, "toString"), r)), "/a\\/b\\n/dgimsuy");
    Value empty = re("", "");
    EXPECT_EQ(s(prop(empty, "source")), "(?:)");
    EXPECT_TRUE(regexp_create(*ctx, str("("), str("")).is_exception());
    Value ex = rt->take_exception();
    EXPECT_TRUE(regexp_create(*ctx, str("a"), str("gg")).is_exception());
    ex = rt->take_exception();
}

TEST_F(RegExpBuiltins, Escape) {
    Value out = call_path("RegExp.escape", {str("1.5+a b")});
    EXPECT_EQ(s(out), "\\x31\\.5\\+a\\x20b");
}

} // namespace
