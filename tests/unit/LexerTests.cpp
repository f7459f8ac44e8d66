// Lexer unit tests: numbers, strings, templates, regexp/division disambiguation, positions.
#include "lexer/Lexer.h"

#include <gtest/gtest.h>

#include <cstring>
#include <string>
#include <vector>

using namespace qjs;

namespace {

struct Lexed {
    Arena arena{Allocator::system()};
    Interner interner{arena};
    std::string src;
    Lexer lexer;
    explicit Lexed(const char* s) : src(s), lexer(arena, interner, src.data(), src.size(), false) {}
    Token next() {
        Token t;
        lexer.next(t);
        return t;
    }
};

std::u16string str(const AstString& s) {
    return std::u16string(s.data, s.length);
}

double number_of(const char* src) {
    Lexed l(src);
    Token t = l.next();
    EXPECT_EQ(t.type, Tok::Number) << src;
    return t.number;
}

bool lex_error(const char* src) {
    Lexed l(src);
    for (int i = 0; i < 100; i++) {
        Token t = l.next();
        if (t.type == Tok::Error) return true;
        if (t.type == Tok::EndOfInput) return false;
    }
    return false;
}

} // namespace

TEST(Lexer, Numbers) {
    EXPECT_EQ(number_of("0"), 0);
    EXPECT_EQ(number_of("123"), 123);
    EXPECT_EQ(number_of("1_000_000"), 1000000);
    EXPECT_EQ(number_of("1.5e3"), 1500);
    EXPECT_EQ(number_of(".5"), 0.5);
    EXPECT_EQ(number_of("5."), 5);
    EXPECT_EQ(number_of("0x1F"), 31);
    EXPECT_EQ(number_of("0o17"), 15);
    EXPECT_EQ(number_of("0b101"), 5);
    EXPECT_EQ(number_of("017"), 15);
    EXPECT_EQ(number_of("019"), 19);
    EXPECT_EQ(number_of("08.5"), 8.5);
    EXPECT_EQ(number_of("0.1"), 0.1);
    EXPECT_EQ(number_of("9007199254740993"), 9007199254740992.0);
    EXPECT_EQ(number_of("0x20000000000001"), 9007199254740992.0); // ties to even
    EXPECT_EQ(number_of("0x20000000000003"), 9007199254740996.0);
    EXPECT_EQ(number_of("1e400"), __builtin_inf());
    {
        Lexed l("017");
        EXPECT_TRUE(l.next().legacy_octal);
    }
    EXPECT_TRUE(lex_error("1_"));
    EXPECT_TRUE(lex_error("1__0"));
    EXPECT_TRUE(lex_error("0_1"));
    EXPECT_TRUE(lex_error("1._5"));
    EXPECT_TRUE(lex_error("0x"));
    EXPECT_TRUE(lex_error("3in x"));
    EXPECT_TRUE(lex_error("1e"));
    EXPECT_TRUE(lex_error("01n"));
    EXPECT_TRUE(lex_error("1.5n"));
}

TEST(Lexer, BigInt) {
    Lexed l("123n 0x1Fn");
    Token a = l.next();
    ASSERT_EQ(a.type, Tok::BigInt);
    EXPECT_EQ(std::string(a.bigint_digits, a.bigint_length), "123");
    Token b = l.next();
    ASSERT_EQ(b.type, Tok::BigInt);
    EXPECT_EQ(std::string(b.bigint_digits, b.bigint_length), "0x1F");
}

TEST(Lexer, Strings) {
    Lexed l(R"('a\n\x41\u0042\u{1F600}\
c' "\07" "\u2028")");
    Token t = l.next();
    ASSERT_EQ(t.type, Tok::String);
    EXPECT_EQ(str(t.value), u"a\nAB\U0001F600c");
    Token o = l.next();
    ASSERT_EQ(o.type, Tok::String);
    EXPECT_TRUE(o.legacy_octal);
    EXPECT_EQ(str(o.value), std::u16string(1, u'\007'));
    EXPECT_EQ(l.next().type, Tok::String);
    EXPECT_TRUE(lex_error("'abc"));
    EXPECT_TRUE(lex_error("'a\nb'"));
    EXPECT_TRUE(lex_error(R"('\x4')"));
    EXPECT_TRUE(lex_error(R"('\u{110000}')"));
    // Lone surrogates are kept.
    Lexed s(R"('\uD800')");
    Token st = s.next();
    ASSERT_EQ(st.value.length, 1u);
    EXPECT_EQ(st.value.data[0], 0xD800);
}

TEST(Lexer, Templates) {
    Lexed l("`a\\n${x}b\r\nc\\u{41}`");
    Token head = l.next();
    ASSERT_EQ(head.type, Tok::TemplateHead);
    EXPECT_EQ(str(head.value), u"a\n");
    EXPECT_EQ(str(head.raw), u"a\\n");
    Token x = l.next();
    EXPECT_EQ(x.type, Tok::Identifier);
    Token rbrace = l.next();
    ASSERT_EQ(rbrace.type, Tok::RBrace);
    l.lexer.rescan_template_continuation(rbrace);
    ASSERT_EQ(rbrace.type, Tok::Template);
    EXPECT_TRUE(rbrace.template_tail);
    EXPECT_EQ(str(rbrace.value), u"b\ncA");
    EXPECT_EQ(str(rbrace.raw), u"b\nc\\u{41}");
    // Invalid escapes make the cooked value undefined instead of an error.
    Lexed bad("`\\unicode`");
    Token b = bad.next();
    ASSERT_EQ(b.type, Tok::Template);
    EXPECT_FALSE(b.cooked_valid);
    EXPECT_EQ(str(b.raw), u"\\unicode");
}

TEST(Lexer, RegExpRescan) {
    Lexed l("/[/]a\\/b/gi x");
    Token t = l.next();
    ASSERT_EQ(t.type, Tok::Slash);
    l.lexer.rescan_as_regexp(t);
    ASSERT_EQ(t.type, Tok::RegExp);
    EXPECT_EQ(str(t.value), u"[/]a\\/b");
    EXPECT_EQ(str(t.raw), u"gi");
    EXPECT_EQ(l.next().type, Tok::Identifier);
    Lexed dup("/a/gg");
    Token d = dup.next();
    dup.lexer.rescan_as_regexp(d);
    EXPECT_EQ(d.type, Tok::Error);
    Lexed uv("/a/uv");
    Token u = uv.next();
    uv.lexer.rescan_as_regexp(u);
    EXPECT_EQ(u.type, Tok::Error);
}

TEST(Lexer, PunctuatorsAndPositions) {
    Lexed l("a ?.5 : b?.c ?\?= d >>>= e\n  /* x\n */ f");
    std::vector<Tok> types;
    Token t;
    Token f;
    while ((t = l.next()).type != Tok::EndOfInput) {
        types.push_back(t.type);
        f = t;
    }
    std::vector<Tok> expected = {Tok::Identifier, Tok::Question,
                                 Tok::Number,     Tok::Colon,
                                 Tok::Identifier, Tok::QuestionDot,
                                 Tok::Identifier, Tok::QuestionQuestionAssign,
                                 Tok::Identifier, Tok::ShiftRightUnsignedAssign,
                                 Tok::Identifier, Tok::Identifier};
    EXPECT_EQ(types, expected);
    EXPECT_EQ(f.line, 3u);
    EXPECT_EQ(f.column, 5u);
    EXPECT_TRUE(f.newline_before);
}

TEST(Lexer, IdentifiersAreInterned) {
    Lexed l("foo \\u0066oo bar if \\u0069f");
    Token a = l.next(), b = l.next(), c = l.next(), kw = l.next(), esc = l.next();
    EXPECT_EQ(a.value.data, b.value.data);
    EXPECT_TRUE(b.escaped);
    EXPECT_NE(a.value.data, c.value.data);
    EXPECT_EQ(kw.type, Tok::If);
    EXPECT_EQ(esc.type, Tok::Identifier);
    EXPECT_EQ(esc.keyword, Tok::If);
}

TEST(Lexer, Columns) {
    Lexed l("'\xC3\xA9\xF0\x9F\x98\x80' x"); // 'é😀' x
    l.next();
    Token x = l.next();
    EXPECT_EQ(x.column, 7u); // quote + 1 + 2 units + quote + space
}
