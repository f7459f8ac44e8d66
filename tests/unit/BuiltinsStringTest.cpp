// Unit tests of String, String.prototype and %StringIteratorPrototype%, called through call().
#include "BuiltinsTestSupport.h"

#include "builtins/StringPrototype.h"
#include "runtime/NativeFunction.h"
#include "runtime/Object.h"
#include "runtime/PrimitiveWrapper.h"

#include <cmath>

using namespace qjs;
using qjs::test::BuiltinsFixture;

namespace {

struct StringBuiltins : BuiltinsFixture {
    // Calls String.prototype.<method> with the given this value.
    Value sp(const char* method, const Value& self, std::initializer_list<Value> args = {}) {
        return call_fn(path(std::string("String.prototype.") + method), self, args);
    }
    std::string s(const char* method, const char* self, std::initializer_list<Value> args = {}) {
        return text(sp(method, str(self), args));
    }
    Value i(int32_t n) { return Value::int32(n); }
    Value u16(std::u16string_view text) {
        return Value::adopt(Tag::String, String::create_utf16(*rt, text.data(), text.size()));
    }
    std::u16string utf16(const Value& v) {
        std::u16string out;
        if (!v.is_string()) return u"<not a string>";
        for (uint32_t k = 0; k < v.as_string()->length(); ++k)
            out += v.as_string()->at(k);
        return out;
    }
    // A plain object whose method under a well-known symbol returns "dispatched".
    Value with_symbol_method(Atom symbol) {
        Value o = new_object(*ctx);
        Value f = new_native_function(
            *ctx, [](Context& c, const CallArgs&) -> Value { return c.new_string("dispatched"); }, "f", 0);
        EXPECT_TRUE(define_fresh_property(*ctx, o.as_object(), symbol, f, prop::Default));
        return o;
    }
};

TEST_F(StringBuiltins, ConstructorAndWrappers) {
    EXPECT_EQ(text(call_path("String", {})), "");
    EXPECT_EQ(text(call_path("String", {i(42)})), "42");
    // String(symbol) gives the descriptive string; ToString(symbol) throws.
    Value sym = call_path("Symbol", {str("d")});
    EXPECT_EQ(text(call_path("String", {sym})), "Symbol(d)");
    EXPECT_TRUE(construct_path("String", {sym}).is_exception());
    EXPECT_EQ(exception_name(), "TypeError");
    Value w = construct_path("String", {str("abc")});
    ASSERT_TRUE(w.is_object());
    EXPECT_EQ(w.as_object()->class_id(), ClassId::String);
    EXPECT_EQ(text(prop(w, "length")), "3");
    EXPECT_EQ(text(prop(w, "1")), "b");
    EXPECT_EQ(text(sp("valueOf", w)), "abc");
    EXPECT_EQ(text(sp("toString", w)), "abc");
    EXPECT_TRUE(sp("toString", i(1)).is_exception());
    EXPECT_EQ(exception_name(), "TypeError");
    // String.prototype is a String wrapper of "".
    Value proto = path("String.prototype");
    EXPECT_EQ(proto.as_object()->class_id(), ClassId::String);
    EXPECT_EQ(text(sp("toString", proto)), "");
    EXPECT_EQ(text(prop(path("String"), "length")), "1");
}

TEST_F(StringBuiltins, FromCharCodeFromCodePointRaw) {
    EXPECT_EQ(text(call_path("String.fromCharCode", {i(72), i(105)})), "Hi");
    EXPECT_EQ(text(call_path("String.fromCharCode", {Value::float64(65536 + 65)})), "A");
    EXPECT_EQ(utf16(call_path("String.fromCodePoint", {i(0x1F600), i(97)})), u"\U0001F600a");
    EXPECT_TRUE(call_path("String.fromCodePoint", {Value::float64(1.5)}).is_exception());
    EXPECT_EQ(exception_name(), "RangeError");
    EXPECT_TRUE(call_path("String.fromCodePoint", {i(0x110000)}).is_exception());
    EXPECT_EQ(exception_name(), "RangeError");
    // String.raw({raw: ["a", "b", "c"]}, 1, 2, 3) === "a1b2c"
    Value raw = new_array(*ctx);
    for (const char* part : {"a", "b", "c"})
        ASSERT_TRUE(array_push_fast(*ctx, raw.as_object(), str(part)));
    Value tpl = new_object(*ctx);
    ASSERT_FALSE(set_or_throw(*ctx, tpl.as_object(), atoms::raw, raw).is_exception());
    EXPECT_EQ(text(call_path("String.raw", {tpl, i(1), i(2), i(3)})), "a1b2c");
    EXPECT_EQ(text(call_path("String.raw", {tpl})), "abc");
}

TEST_F(StringBuiltins, AccessMethods) {
    EXPECT_EQ(s("at", "abc", {i(-1)}), "c");
    EXPECT_TRUE(sp("at", str("abc"), {i(3)}).is_undefined());
    EXPECT_EQ(s("charAt", "abc", {i(1)}), "b");
    EXPECT_EQ(s("charAt", "abc", {i(5)}), "");
    EXPECT_EQ(sp("charCodeAt", str("abc"), {i(0)}).as_int32(), 97);
    EXPECT_TRUE(std::isnan(sp("charCodeAt", str("abc"), {i(9)}).as_number()));
    Value emoji = u16(u"\U0001F600");
    EXPECT_EQ(sp("codePointAt", emoji, {i(0)}).as_int32(), 0x1F600);
    EXPECT_EQ(sp("codePointAt", emoji, {i(1)}).as_int32(), 0xDE00);
    EXPECT_TRUE(sp("codePointAt", emoji, {i(2)}).is_undefined());
    EXPECT_EQ(s("concat", "a", {i(1), Value::null(), str("b")}), "a1nullb");
    // RequireObjectCoercible
    EXPECT_TRUE(sp("charAt", Value::undefined()).is_exception());
    EXPECT_EQ(exception_name(), "TypeError");
    // Numbers are converted
    EXPECT_EQ(text(sp("charAt", i(123), {i(1)})), "2");
}

TEST_F(StringBuiltins, SearchMethods) {
    EXPECT_EQ(text(sp("indexOf", str("abcabc"), {str("c"), i(3)})), "5");
    EXPECT_EQ(text(sp("indexOf", str("abc"), {str(""), i(10)})), "3");
    EXPECT_EQ(text(sp("lastIndexOf", str("abcabc"), {str("b")})), "4");
    EXPECT_EQ(text(sp("lastIndexOf", str("abcabc"), {str("b"), i(3)})), "1");
    EXPECT_EQ(text(sp("lastIndexOf", str("abc"), {str("")})), "3");
    EXPECT_EQ(text(sp("lastIndexOf", str("abc"), {str("abcd")})), "-1");
    EXPECT_EQ(text(sp("includes", str("hello"), {str("ell")})), "true");
    EXPECT_EQ(text(sp("includes", str("hello"), {str("ell"), i(2)})), "false");
    EXPECT_EQ(text(sp("startsWith", str("hello"), {str("he")})), "true");
    EXPECT_EQ(text(sp("startsWith", str("hello"), {str("l"), i(2)})), "true");
    EXPECT_EQ(text(sp("endsWith", str("hello"), {str("lo")})), "true");
    EXPECT_EQ(text(sp("endsWith", str("hello"), {str("l"), i(4)})), "true");
    EXPECT_EQ(text(sp("endsWith", str("hello"), {str("hello!")})), "false");
    // An object with a truthy Symbol.match is treated as a RegExp: TypeError.
    Value re_like = new_object(*ctx);
    ASSERT_TRUE(define_fresh_property(*ctx, re_like.as_object(), atoms::sym_match, Value::boolean(true),
                                      prop::Default));
    EXPECT_TRUE(sp("startsWith", str("x"), {re_like}).is_exception());
    EXPECT_EQ(exception_name(), "TypeError");
    EXPECT_EQ(text(sp("localeCompare", str("a"), {str("b")})), "-1");
    EXPECT_EQ(text(sp("localeCompare", str("b"), {str("a")})), "1");
    EXPECT_EQ(text(sp("localeCompare", str("a"), {str("a")})), "0");
}

TEST_F(StringBuiltins, SlicingMethods) {
    EXPECT_EQ(s("slice", "hello", {i(1), i(-1)}), "ell");
    EXPECT_EQ(s("slice", "hello", {i(-3)}), "llo");
    EXPECT_EQ(s("slice", "hello", {i(3), i(1)}), "");
    EXPECT_EQ(s("substring", "hello", {i(4), i(1)}), "ell");
    EXPECT_EQ(s("substring", "hello", {i(-5), Value::float64(INFINITY)}), "hello");
    EXPECT_EQ(s("substr", "hello", {i(-3), i(2)}), "ll");
    EXPECT_EQ(s("substr", "hello", {i(1)}), "ello");
    EXPECT_EQ(s("substr", "hello", {Value::float64(-INFINITY), i(2)}), "he");
}

TEST_F(StringBuiltins, TrimAndAliases) {
    EXPECT_EQ(s("trim", " \t\n\u00a0x y\u2028\ufeff "), "x y");
    EXPECT_EQ(s("trimStart", "  x  "), "x  ");
    EXPECT_EQ(s("trimEnd", "  x  "), "  x");
    Value proto = path("String.prototype");
    EXPECT_TRUE(prop(proto, "trimLeft").bits_equal(prop(proto, "trimStart")));
    EXPECT_TRUE(prop(proto, "trimRight").bits_equal(prop(proto, "trimEnd")));
    EXPECT_EQ(text(prop(prop(proto, "trimLeft"), "name")), "trimStart");
}

TEST_F(StringBuiltins, PadAndRepeat) {
    EXPECT_EQ(s("padStart", "5", {i(3), str("0")}), "005");
    EXPECT_EQ(s("padEnd", "ab", {i(7), str("xyz")}), "abxyzxy");
    EXPECT_EQ(s("padStart", "ab", {i(4)}), "  ab");
    EXPECT_EQ(s("padStart", "abc", {i(2), str("x")}), "abc");
    EXPECT_EQ(s("padEnd", "ab", {i(5), str("")}), "ab");
    EXPECT_EQ(utf16(sp("padEnd", str("a"), {i(4), u16(u"\u0100b")})), u"a\u0100b\u0100");
    EXPECT_EQ(s("repeat", "ab", {i(3)}), "ababab");
    EXPECT_EQ(s("repeat", "ab", {i(0)}), "");
    EXPECT_EQ(s("repeat", "", {Value::float64(1e9)}), "");
    EXPECT_TRUE(sp("repeat", str("a"), {i(-1)}).is_exception());
    EXPECT_EQ(exception_name(), "RangeError");
    EXPECT_TRUE(sp("repeat", str("a"), {Value::float64(INFINITY)}).is_exception());
    EXPECT_EQ(exception_name(), "RangeError");
    EXPECT_TRUE(sp("repeat", str("ab"), {Value::float64(1e9)}).is_exception());
    EXPECT_EQ(exception_name(), "RangeError");
    EXPECT_EQ(utf16(sp("repeat", u16(u"\u03a9x"), {i(3)})), u"\u03a9x\u03a9x\u03a9x");
}

TEST_F(StringBuiltins, CaseMapping) {
    EXPECT_EQ(s("toUpperCase", "abc\u00df\u00ff"), "ABCSS\u0178");
    EXPECT_EQ(s("toLowerCase", "ABC\u00c0"), "abc\u00e0");
    EXPECT_EQ(s("toLowerCase", "already lower"), "already lower");
    // Final sigma: ΟΔΟΣ -> οδος (final ς), Σ alone -> σ.
    EXPECT_EQ(utf16(sp("toLowerCase", u16(u"\u039f\u0394\u039f\u03a3"))), u"\u03bf\u03b4\u03bf\u03c2");
    EXPECT_EQ(utf16(sp("toLowerCase", u16(u"\u03a3"))), u"\u03c3");
    // U+0345 is cased and case-ignorable: it is skipped as case-ignorable on both sides.
    EXPECT_EQ(utf16(sp("toLowerCase", u16(u"\u0345\u03a3"))), u"\u0345\u03c3");
    EXPECT_EQ(utf16(sp("toLowerCase", u16(u"\u0391\u0345\u03a3"))), u"\u03b1\u0345\u03c2");
    EXPECT_EQ(utf16(sp("toLowerCase", u16(u"A\u03a3\u0345"))), u"a\u03c2\u0345");
    EXPECT_EQ(utf16(sp("toLowerCase", u16(u"A\u03a3\u0345\u0391"))), u"a\u03c3\u0345\u03b1");
    // İ lowers to i + combining dot above.
    EXPECT_EQ(utf16(sp("toLowerCase", u16(u"\u0130"))), u"i\u0307");
    EXPECT_EQ(s("toLocaleUpperCase", "abc"), "ABC");
    EXPECT_EQ(s("toLocaleLowerCase", "ABC"), "abc");
}

TEST_F(StringBuiltins, Normalize) {
    EXPECT_EQ(s("normalize", "abc"), "abc");
    EXPECT_EQ(utf16(sp("normalize", str("\u00e9"), {str("NFD")})), u"e\u0301");
    EXPECT_EQ(utf16(sp("normalize", str("\u00e9"), {str("NFC")})), u"\u00e9");
    EXPECT_EQ(utf16(sp("normalize", str("\u00bd\u00e9"), {str("NFKC")})), u"1\u20442\u00e9");
    EXPECT_EQ(utf16(sp("normalize", str("\u00bd\u00e9"), {str("NFKD")})), u"1\u20442e\u0301");
    EXPECT_TRUE(sp("normalize", str("a"), {str("nfc")}).is_exception());
    EXPECT_EQ(exception_name(), "RangeError");
}

TEST_F(StringBuiltins, WellFormed) {
    EXPECT_EQ(text(sp("isWellFormed", str("abc"))), "true");
    EXPECT_EQ(text(sp("isWellFormed", u16(u"a\U0001F600"))), "true");
    char16_t lone[] = {u'a', 0xd800, u'b'};
    Value bad = u16(std::u16string_view(lone, 3));
    EXPECT_EQ(text(sp("isWellFormed", bad)), "false");
    EXPECT_EQ(utf16(sp("toWellFormed", bad)), u"a\ufffdb");
}

TEST_F(StringBuiltins, SplitWithStrings) {
    EXPECT_EQ(join(sp("split", str("a,b,,c"), {str(",")})), "a,b,,c");
    EXPECT_EQ(text(prop(sp("split", str("a,b,,c"), {str(",")}), "length")), "4");
    EXPECT_EQ(join(sp("split", str("abc"), {str("")})), "a,b,c");
    EXPECT_EQ(join(sp("split", str("abc"), {str(""), i(2)})), "a,b");
    EXPECT_EQ(text(prop(sp("split", str("abc"), {str("b"), i(0)}), "length")), "0");
    EXPECT_EQ(text(prop(sp("split", str("abc")), "length")), "1");
    EXPECT_EQ(text(prop(sp("split", str(""), {str(",")}), "length")), "1");
    EXPECT_EQ(text(prop(sp("split", str(""), {str("")}), "length")), "0");
    EXPECT_EQ(join(sp("split", str("a1b1c"), {i(1)})), "a,b,c");
    EXPECT_EQ(join(sp("split", str("a--b--c"), {str("--"), i(2)})), "a,b");
    // Dispatch to separator[Symbol.split].
    Value splitter = with_symbol_method(atoms::sym_split);
    EXPECT_EQ(text(sp("split", str("abc"), {splitter})), "dispatched");
}

TEST_F(StringBuiltins, ReplaceWithStrings) {
    EXPECT_EQ(s("replace", "aXbXc", {str("X"), str("-")}), "a-bXc");
    EXPECT_EQ(s("replaceAll", "aXbXc", {str("X"), str("-")}), "a-b-c");
    EXPECT_EQ(s("replaceAll", "abc", {str(""), str("-")}), "-a-b-c-");
    EXPECT_EQ(s("replace", "abc", {str("z"), str("-")}), "abc");
    // GetSubstitution patterns.
    EXPECT_EQ(s("replace", "abc", {str("b"), str("[$&|$`|$'|$$|$1|$<x>|$")}), "a[b|a|c|$|$1|$<x>|$c");
    // A function replacer receives (match, position, string).
    // A function replacer receives (match, position, string): String(match) gives back the match.
    EXPECT_EQ(s("replace", "abc", {str("b"), path("String")}), "abc");
    EXPECT_EQ(s("replaceAll", "abab", {str("b"), path("String")}), "abab");
    Value replacer = with_symbol_method(atoms::sym_replace);
    EXPECT_EQ(text(sp("replace", str("abc"), {replacer, str("x")})), "dispatched");
    EXPECT_EQ(text(sp("replaceAll", str("abc"), {replacer, str("x")})), "dispatched");
}

TEST_F(StringBuiltins, GetSubstitutionCaptures) {
    Value captures[2] = {str("one"), Value()};
    Value r = get_substitution(*ctx, str("m").as_string(), str("xmy").as_string(), 1,
                               std::span<const Value>(captures, 2), Value(),
                               str("$1|$2|$3|$01|$10|$00").as_string());
    EXPECT_EQ(text(r), "one||$3|one|one0|$00");
}

TEST_F(StringBuiltins, RegExpMethodsWithoutRegExp) {
    // match/search/matchAll dispatch to the argument's symbol methods ...
    Value matcher = with_symbol_method(atoms::sym_match);
    EXPECT_EQ(text(sp("match", str("abc"), {matcher})), "dispatched");
    Value searcher = with_symbol_method(atoms::sym_search);
    EXPECT_EQ(text(sp("search", str("abc"), {searcher})), "dispatched");
    Value all = with_symbol_method(atoms::sym_matchAll);
    EXPECT_EQ(text(sp("matchAll", str("abc"), {all})), "dispatched");
    // ... and need a RegExp otherwise (none is installed yet in this build).
    if (!ctx->intrinsic(Intrinsic::RegExp)) {
        EXPECT_TRUE(sp("match", str("abc"), {str("b")}).is_exception());
        EXPECT_EQ(exception_name(), "InternalError");
    }
}

TEST_F(StringBuiltins, HtmlMethods) {
    EXPECT_EQ(s("anchor", "x", {str("a\"b")}), "<a name=\"a&quot;b\">x</a>");
    EXPECT_EQ(s("bold", "x"), "<b>x</b>");
    EXPECT_EQ(s("fixed", "x"), "<tt>x</tt>");
    EXPECT_EQ(s("link", "x", {str("u")}), "<a href=\"u\">x</a>");
    EXPECT_EQ(s("fontsize", "x", {i(7)}), "<font size=\"7\">x</font>");
    EXPECT_EQ(text(prop(path("String.prototype.anchor"), "length")), "1");
    EXPECT_EQ(text(prop(path("String.prototype.big"), "length")), "0");
}

TEST_F(StringBuiltins, Iterator) {
    char16_t units[] = {u'a', 0xd83d, 0xde00, 0xd800, u'b'};
    Value string = u16(std::u16string_view(units, 5));
    Value iter_fn = get(*ctx, path("String.prototype").as_object(), atoms::sym_iterator);
    Value iterator = call_fn(iter_fn, string);
    ASSERT_TRUE(iterator.is_object());
    EXPECT_EQ(iterator.as_object()->class_id(), ClassId::StringIterator);
    std::vector<std::u16string> parts;
    for (;;) {
        Value result = call_fn(prop(iterator, "next"), iterator);
        ASSERT_TRUE(result.is_object());
        if (to_boolean(prop(result, "done"))) break;
        parts.push_back(utf16(prop(result, "value")));
    }
    ASSERT_EQ(parts.size(), 4u);
    EXPECT_EQ(parts[1], u"\U0001F600");
    EXPECT_EQ(parts[2].size(), 1u);
    // Exhausted iterators stay done.
    Value again = call_fn(prop(iterator, "next"), iterator);
    EXPECT_TRUE(to_boolean(prop(again, "done")));
    // %StringIteratorPrototype%[@@toStringTag]
    Value proto = Value::object(ctx->intrinsic(Intrinsic::StringIteratorPrototype));
    EXPECT_EQ(text(get(*ctx, proto.as_object(), atoms::sym_toStringTag)), "String Iterator");
    EXPECT_TRUE(call_fn(prop(iterator, "next"), str("x")).is_exception());
    EXPECT_EQ(exception_name(), "TypeError");
}

} // namespace
