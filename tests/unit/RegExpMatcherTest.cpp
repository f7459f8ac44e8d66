// Unit tests of the regexp compiler and matcher (no interpreter needed).
#include "regexp/RegExpMatcher.h"
#include "regexp/RegExpCompiler.h"
#include "runtime/Context.h"

#include <gtest/gtest.h>

#include <string>

using namespace qjs;
using namespace qjs::regexp;

namespace {

std::u16string u16(const char* s) {
    std::u16string out;
    for (const char* p = s; *p; ++p)
        out.push_back(static_cast<unsigned char>(*p));
    return out;
}

struct RegExpFixture : ::testing::Test {
    Runtime* rt = nullptr;
    void SetUp() override {
        rt = Runtime::create();
        rt->make_current();
    }
    void TearDown() override { EXPECT_EQ(rt->destroy(), 0u); }

    // Returns "" for no match, else the captures as "s,e;s,e;..." (-1 for unmatched).
    std::string run(const std::u16string& pattern, const char* flags, const std::u16string& input,
                    uint32_t start = 0) {
        uint32_t f = 0;
        std::u16string fl = u16(flags);
        EXPECT_TRUE(parse_flags(fl.data(), fl.size(), &f));
        std::string result;
        {
            Program p;
            CompileError err;
            if (!compile(pattern.data(), pattern.size(), f, p, err))
                return std::string("error: ") + err.message;
            std::vector<int32_t> caps(2 * p.capture_count());
            bool narrow = true;
            for (char16_t c : input)
                if (c > 0xFF) narrow = false;
            MatchStatus st;
            if (narrow) {
                std::string l(input.begin(), input.end());
                st = exec_latin1(*rt, p.words.data(), reinterpret_cast<const uint8_t*>(l.data()),
                                 static_cast<uint32_t>(l.size()), start, caps.data());
            } else {
                st = exec_utf16(*rt, p.words.data(), input.data(), static_cast<uint32_t>(input.size()), start,
                                caps.data());
            }
            if (st == MatchStatus::NoMatch) return "";
            if (st != MatchStatus::Match) return "status";
            for (size_t i = 0; i < caps.size(); i += 2) {
                if (i) result += ";";
                result += std::to_string(caps[i]) + "," + std::to_string(caps[i + 1]);
            }
        }
        return result;
    }
    std::string run(const char* pattern, const char* flags, const char* input, uint32_t start = 0) {
        return run(u16(pattern), flags, u16(input), start);
    }
    std::string error(const char* pattern, const char* flags) {
        std::string r = run(pattern, flags, "");
        return r.rfind("error", 0) == 0 ? r : "no error";
    }
};

TEST_F(RegExpFixture, Literals) {
    EXPECT_EQ(run("abc", "", "xxabcxx"), "2,5");
    EXPECT_EQ(run("abc", "", "xxabxx"), "");
    EXPECT_EQ(run("", "", "abc"), "0,0");
    EXPECT_EQ(run("a|b|c", "", "zzc"), "2,3");
    EXPECT_EQ(run("abc", "y", "xabc", 1), "1,4");
    EXPECT_EQ(run("abc", "y", "xabc", 0), "");
}

TEST_F(RegExpFixture, Quantifiers) {
    EXPECT_EQ(run("a*", "", "aaab"), "0,3");
    EXPECT_EQ(run("a*?", "", "aaab"), "0,0");
    EXPECT_EQ(run("a+?b", "", "aaab"), "0,4");
    EXPECT_EQ(run("a{2,3}", "", "aaaa"), "0,3");
    EXPECT_EQ(run("a{2,3}?", "", "aaaa"), "0,2");
    EXPECT_EQ(run("(ab)+", "", "ababab"), "0,6;4,6");
    EXPECT_EQ(run("(a|ab)(c|bcd)(d*)", "", "abcd"), "0,4;0,1;1,4;4,4");
    EXPECT_EQ(run("(z)((a+)?(b+)?(c))*", "", "zaacbbbcac"), "0,10;0,1;8,10;8,9;-1,-1;9,10");
    EXPECT_EQ(run("(a*)*", "", "b"), "0,0;-1,-1");
    EXPECT_EQ(run("(a*)+", "", "b"), "0,0;0,0");
    EXPECT_EQ(run("(?:a|b)*c", "", "ababc"), "0,5");
    EXPECT_EQ(run(".*foo", "", "xfooyfoo"), "0,8");
    EXPECT_EQ(run("x{2}", "", "xxx"), "0,2");
    EXPECT_EQ(run("(a{0,2}){3}", "", "aaaaa"), "0,5;4,5");
}

TEST_F(RegExpFixture, ClassesAndEscapes) {
    EXPECT_EQ(run("[a-c]+", "", "xxabcz"), "2,5");
    EXPECT_EQ(run("[^a-c]+", "", "abxyc"), "2,4");
    EXPECT_EQ(run("\\d+", "", "ab123c"), "2,5");
    EXPECT_EQ(run("\\w+\\s\\W", "", "hi !"), "0,4");
    EXPECT_EQ(run("[\\d-z]+", "", "1-z"), "0,3");
    EXPECT_EQ(run("\\x41\\u0042\\103", "", "ABC"), "0,3");
    EXPECT_EQ(run("\\cJ", "", "\n"), "0,1");
    EXPECT_EQ(run("[\\b]", "", "\b"), "0,1");
    EXPECT_EQ(run("a.c", "", "a\nc"), "");
    EXPECT_EQ(run("a.c", "s", "a\nc"), "0,3");
    EXPECT_EQ(run("[]", "", "a"), "");
    EXPECT_EQ(run("[^]", "", "\n"), "0,1");
}

TEST_F(RegExpFixture, Assertions) {
    EXPECT_EQ(run("^b", "", "ab"), "");
    EXPECT_EQ(run("^b", "m", "a\nb"), "2,3");
    EXPECT_EQ(run("a$", "", "a\nb"), "");
    EXPECT_EQ(run("a$", "m", "a\nb"), "0,1");
    EXPECT_EQ(run("\\bfoo\\b", "", "a foo b"), "2,5");
    EXPECT_EQ(run("\\Boo", "", "foo"), "1,3");
    EXPECT_EQ(run("a(?=b)", "", "acab"), "2,3");
    EXPECT_EQ(run("a(?!b)", "", "abac"), "2,3");
    EXPECT_EQ(run("(?<=\\$)\\d+", "", "x$42"), "2,4");
    EXPECT_EQ(run("(?<!\\$)\\d+", "", "$42"), "2,3");
    EXPECT_EQ(run("(?<=(\\d+)(\\d+))$", "", "1053"), "4,4;0,1;1,4");
    EXPECT_EQ(run("(?=(a+))a*b\\1", "", "baaabac"), "3,6;3,4");
    EXPECT_EQ(run("(.*?)a(?!(a+)b\\2c)\\2(.*)", "", "baaabaac"), "0,8;0,2;-1,-1;3,8");
}

TEST_F(RegExpFixture, BackReferences) {
    EXPECT_EQ(run("(a)\\1", "", "aa"), "0,2;0,1");
    EXPECT_EQ(run("\\1(a)", "", "aa"), "0,1;0,1");
    EXPECT_EQ(run("(?<x>b)\\k<x>", "", "abb"), "1,3;1,2");
    EXPECT_EQ(run("(a)\\1", "i", "aA"), "0,2;0,1");
    EXPECT_EQ(run("(?<=\\1(a))b", "", "aab"), "2,3;1,2");
    EXPECT_EQ(run("(?:(?<a>x)|(?<a>y))\\k<a>", "", "yy"), "0,2;-1,-1;0,1");
}

TEST_F(RegExpFixture, IgnoreCase) {
    EXPECT_EQ(run("abc", "i", "xABC"), "1,4");
    EXPECT_EQ(run("[a-z]+", "i", "HeLLo1"), "0,5");
    EXPECT_EQ(run("\\u017f", "i", "s"), "");
    EXPECT_EQ(run("\\u017f", "iu", "s"), "0,1");
    EXPECT_EQ(run("\\w", "iu", "\xC5"), "");
    EXPECT_EQ(run("(?i:a)b", "", "Ab"), "0,2");
    EXPECT_EQ(run("(?i:a)b", "", "AB"), "");
    EXPECT_EQ(run("(?-i:a)b", "i", "aB"), "0,2");
    EXPECT_EQ(run("(?-i:a)b", "i", "AB"), "");
}

TEST_F(RegExpFixture, UnicodeMode) {
    std::u16string pile = u"\U0001F4A9";
    EXPECT_EQ(run(u".", "u", pile), "0,2");
    EXPECT_EQ(run(u".", "", pile), "0,1");
    EXPECT_EQ(run(u"^.$", "u", pile), "0,2");
    EXPECT_EQ(run(u"\\u{1F4A9}", "u", pile), "0,2");
    EXPECT_EQ(run(u"\\ud83d\\udca9", "u", pile), "0,2");
    EXPECT_EQ(run(u"\\udca9", "u", pile), "");
    EXPECT_EQ(run(u"\\udca9", "", pile), "1,2");
    EXPECT_EQ(run(u"[\U0001F4A9-\U0001F4AB]", "u", u"x\U0001F4AA"), "1,3");
    EXPECT_EQ(run(u"\\p{Lu}+", "u", u"abCDe"), "2,4");
    EXPECT_EQ(run(u"\\p{Script=Greek}", "u", u"a\u03B1"), "1,2");
    EXPECT_EQ(run(u"\\P{L}", "u", u"ab1"), "2,3");
    EXPECT_EQ(run(u".+?$", "u", u"a\U0001F4A9"), "0,3");
    EXPECT_EQ(run(u"(?<=.)b", "u", u"\U0001F4A9b"), "2,3");
}

TEST_F(RegExpFixture, UnicodeSets) {
    EXPECT_EQ(run("[\\w--\\d]+", "v", "12ab3"), "2,4");
    EXPECT_EQ(run("[\\w&&[a-c]]+", "v", "xxabcd"), "2,5");
    EXPECT_EQ(run("[\\q{abc|d}x]", "v", "zabc"), "1,4");
    EXPECT_EQ(run("[[a-z]--[aeiou]]+", "v", "aabcd"), "2,5");
    EXPECT_NE(error("[a-z&&b]", "v"), "no error");
    EXPECT_EQ(error("[[a-z]&&b]", "v"), "no error");
    EXPECT_NE(error("[a&&&b]", "v"), "no error");
    EXPECT_NE(error("[(]", "v"), "no error");
    EXPECT_NE(error("[^\\q{ab}]", "v"), "no error");
}

TEST_F(RegExpFixture, AnnexB) {
    EXPECT_EQ(run("{", "", "{"), "0,1");
    EXPECT_EQ(run("a{1", "", "a{1"), "0,3");
    EXPECT_EQ(run("]", "", "]"), "0,1");
    EXPECT_EQ(run("\\c", "", "\\c"), "0,2");
    EXPECT_EQ(run("[\\c_]", "", "\x1F"), "0,1");
    EXPECT_EQ(run("\\8", "", "8"), "0,1");
    EXPECT_EQ(run("(a)\\2", "", "a\x02"), "0,2;0,1");
    EXPECT_EQ(run("\\k", "", "k"), "0,1");
    EXPECT_EQ(run("(?=a)*", "", "a"), "0,0");
    EXPECT_EQ(run("[a-\\d]", "", "-"), "0,1");
}

TEST_F(RegExpFixture, SyntaxErrors) {
    EXPECT_NE(error("(", ""), "no error");
    EXPECT_NE(error(")", ""), "no error");
    EXPECT_NE(error("a**", ""), "no error");
    EXPECT_NE(error("{1}", ""), "no error");
    EXPECT_NE(error("a{2,1}", ""), "no error");
    EXPECT_NE(error("[b-a]", ""), "no error");
    EXPECT_NE(error("\\", ""), "no error");
    EXPECT_NE(error("{", "u"), "no error");
    EXPECT_NE(error("\\c", "u"), "no error");
    EXPECT_NE(error("\\1", "u"), "no error");
    EXPECT_NE(error("[\\d-z]", "u"), "no error");
    EXPECT_NE(error("(?<a>x)(?<a>y)", ""), "no error");
    EXPECT_EQ(error("(?<a>x)|(?<a>y)", ""), "no error");
    EXPECT_NE(error("\\k<b>(?<a>x)", ""), "no error");
    EXPECT_NE(error("(?<=a)*", ""), "no error");
    EXPECT_NE(error("\\p{Foo}", "u"), "no error");
    EXPECT_NE(error("(?ii:a)", ""), "no error");
    EXPECT_NE(error("(?i-i:a)", ""), "no error");
    EXPECT_NE(error("(?-:a)", ""), "no error");
    EXPECT_EQ(error("\\p{Foo}", ""), "no error");
}

TEST_F(RegExpFixture, CatastrophicPatternIsInterruptible) {
    rt->m_interrupt_requested = 1;
    EXPECT_EQ(run("(a*)*b", "", "aaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaa"), "status");
    rt->m_interrupt_requested = 0;
}

} // namespace
