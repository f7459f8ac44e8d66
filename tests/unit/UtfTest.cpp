// Tests for base/Utf.
#include "base/Utf.h"

#include <gtest/gtest.h>

#include <cstring>
#include <string>

using namespace qjs::utf;

namespace {

std::u16string decode(const std::string& s) {
    const uint8_t* p = reinterpret_cast<const uint8_t*>(s.data());
    std::u16string out(utf8_to_utf16_length(p, s.size()), u'\0');
    size_t n = utf8_to_utf16(p, s.size(), out.data());
    EXPECT_EQ(n, out.size());
    return out;
}

std::string encode(const std::u16string& s, Surrogates mode) {
    std::string out(utf16_to_utf8_length(s.data(), s.size(), mode), '\0');
    size_t n = utf16_to_utf8(s.data(), s.size(), reinterpret_cast<uint8_t*>(out.data()), mode);
    EXPECT_EQ(n, out.size());
    return out;
}

} // namespace

TEST(Utf8Decode, WellFormed) {
    EXPECT_EQ(decode(""), u"");
    EXPECT_EQ(decode("abc"), u"abc");
    EXPECT_EQ(decode("\xC3\xA9"), u"\u00E9");
    EXPECT_EQ(decode("\xE2\x82\xAC"), u"\u20AC");
    EXPECT_EQ(decode("\xF0\x9F\x98\x80"), u"\U0001F600");
    EXPECT_EQ(decode("\xF4\x8F\xBF\xBF"), u"\U0010FFFF");
    EXPECT_EQ(decode("\xEF\xBB\xBF"), u"\uFEFF");
    EXPECT_EQ(decode(std::string("a\0b", 3)), std::u16string(u"a\0b", 3));
}

TEST(Utf8Decode, IllFormedUsesMaximalSubparts) {
    EXPECT_EQ(decode("\x80"), u"\uFFFD");
    EXPECT_EQ(decode("\xBF\x80"), u"\uFFFD\uFFFD");
    EXPECT_EQ(decode("\xC0\xAF"), u"\uFFFD\uFFFD"); // overlong '/'
    EXPECT_EQ(decode("\xC1\xBF"), u"\uFFFD\uFFFD");
    EXPECT_EQ(decode("\xE0\x80\xAF"), u"\uFFFD\uFFFD\uFFFD");           // overlong: E0 needs A0..BF
    EXPECT_EQ(decode("\xED\xA0\x80"), u"\uFFFD\uFFFD\uFFFD");           // encoded surrogate
    EXPECT_EQ(decode("\xF4\x90\x80\x80"), u"\uFFFD\uFFFD\uFFFD\uFFFD"); // > U+10FFFF
    EXPECT_EQ(decode("\xF5\x80"), u"\uFFFD\uFFFD");
    EXPECT_EQ(decode("\xFF"), u"\uFFFD");
    EXPECT_EQ(decode("\xE2\x82"), u"\uFFFD"); // truncated: one replacement
    EXPECT_EQ(decode("\xE2\x82x"), u"\uFFFDx");
    EXPECT_EQ(decode("\xF0\x9F\x98"), u"\uFFFD");
    EXPECT_EQ(decode("\xF0\x9F\x98"
                     "a"),
              u"\uFFFDa");
    EXPECT_EQ(decode("a\xC3"), u"a\uFFFD");
    EXPECT_EQ(decode("\xC3\xC3\xA9"), u"\uFFFD\u00E9");
    // The Unicode standard's example (Table 3-8): 61 F1 80 80 E1 80 C2 62 80 63 80 BF 64
    EXPECT_EQ(decode("\x61\xF1\x80\x80\xE1\x80\xC2\x62\x80\x63\x80\xBF\x64"),
              u"a\uFFFD\uFFFD\uFFFDb\uFFFDc\uFFFD\uFFFDd");
}

TEST(Utf8Decode, SingleCodePoint) {
    const uint8_t s[] = {0xF0, 0x9F, 0x98, 0x80, 'x', 0xE2};
    size_t pos = 0;
    EXPECT_EQ(decode_utf8(s, sizeof s, pos), 0x1F600u);
    EXPECT_EQ(pos, 4u);
    EXPECT_EQ(decode_utf8(s, sizeof s, pos), uint32_t('x'));
    EXPECT_EQ(decode_utf8(s, sizeof s, pos), kReplacementChar);
    EXPECT_EQ(pos, sizeof s);
}

TEST(Utf8Encode, CodePoints) {
    uint8_t b[4];
    EXPECT_EQ(encode_utf8(0x41, b), 1u);
    EXPECT_EQ(encode_utf8(0x7FF, b), 2u);
    EXPECT_EQ(encode_utf8(0x800, b), 3u);
    EXPECT_EQ(encode_utf8(0xFFFF, b), 3u);
    EXPECT_EQ(encode_utf8(0x10000, b), 4u);
    EXPECT_EQ(encode_utf8(0x10FFFF, b), 4u);
    EXPECT_EQ(b[0], 0xF4);
    EXPECT_EQ(b[3], 0xBF);
}

TEST(Utf16ToUtf8, PairsAndLoneSurrogates) {
    EXPECT_EQ(encode(u"abc", Surrogates::Replace), "abc");
    EXPECT_EQ(encode(u"\u00E9\u20AC", Surrogates::Replace), "\xC3\xA9\xE2\x82\xAC");
    EXPECT_EQ(encode(u"\U0001F600", Surrogates::Replace), "\xF0\x9F\x98\x80");
    std::u16string lone = u"a";
    lone += char16_t(0xD800);
    lone += u"b";
    lone += char16_t(0xDC00);
    EXPECT_EQ(encode(lone, Surrogates::Replace), "a\xEF\xBF\xBD"
                                                 "b\xEF\xBF\xBD");
    EXPECT_EQ(encode(lone, Surrogates::Preserve), "a\xED\xA0\x80"
                                                  "b\xED\xB0\x80");
    std::u16string reversed = {char16_t(0xDC00), char16_t(0xD800)};
    EXPECT_EQ(encode(reversed, Surrogates::Replace), "\xEF\xBF\xBD\xEF\xBF\xBD");
}

TEST(Utf16ToUtf8, RoundTrip) {
    std::u16string s = u"h\u00E9llo \u4E16\u754C \U0001F600 \U0010FFFF";
    std::string u8 = encode(s, Surrogates::Replace);
    EXPECT_EQ(decode(u8), s);
}

TEST(Latin1, Conversions) {
    const uint8_t l1[] = {'a', 0xE9, 0xFF, 0x80};
    EXPECT_EQ(latin1_to_utf8_length(l1, 4), 7u);
    uint8_t u8[8];
    EXPECT_EQ(latin1_to_utf8(l1, 4, u8), 7u);
    EXPECT_EQ(std::string(reinterpret_cast<char*>(u8), 7), "a\xC3\xA9\xC3\xBF\xC2\x80");
    EXPECT_TRUE(utf8_is_latin1(u8, 7));
    uint8_t back[4];
    EXPECT_EQ(utf8_to_latin1(u8, 7, back), 4u);
    EXPECT_EQ(std::memcmp(back, l1, 4), 0);
    const uint8_t euro[] = {0xE2, 0x82, 0xAC};
    EXPECT_FALSE(utf8_is_latin1(euro, 3));
    const uint8_t bad[] = {'a', 0xC3};
    EXPECT_FALSE(utf8_is_latin1(bad, 2));

    char16_t w[4];
    latin1_to_utf16(l1, 4, w);
    EXPECT_EQ(std::u16string(w, 4), u"a\u00E9\u00FF\u0080");
    EXPECT_TRUE(is_latin1_only(w, 4));
    uint8_t n[4];
    utf16_to_latin1(w, 4, n);
    EXPECT_EQ(std::memcmp(n, l1, 4), 0);
    std::u16string wide = u"ab\u0100";
    EXPECT_FALSE(is_latin1_only(wide.data(), wide.size()));
    EXPECT_TRUE(is_latin1_only(wide.data(), 2));
}

TEST(Utf16, Iteration) {
    std::u16string s = u"a\U0001F600";
    s += char16_t(0xD83D);                 // lone high at the end
    s.insert(s.begin(), char16_t(0xDE00)); // lone low at the start
    size_t pos = 0;
    EXPECT_EQ(next_code_point(s.data(), s.size(), pos), 0xDE00u);
    EXPECT_EQ(next_code_point(s.data(), s.size(), pos), uint32_t('a'));
    EXPECT_EQ(next_code_point(s.data(), s.size(), pos), 0x1F600u);
    EXPECT_EQ(pos, 4u);
    EXPECT_EQ(next_code_point(s.data(), s.size(), pos), 0xD83Du);
    EXPECT_EQ(pos, s.size());
    EXPECT_EQ(prev_code_point(s.data(), pos), 0xD83Du);
    EXPECT_EQ(prev_code_point(s.data(), pos), 0x1F600u);
    EXPECT_EQ(pos, 2u);
    EXPECT_EQ(prev_code_point(s.data(), pos), uint32_t('a'));
    EXPECT_EQ(prev_code_point(s.data(), pos), 0xDE00u);
    EXPECT_EQ(pos, 0u);

    char16_t u[2];
    EXPECT_EQ(encode_utf16(0x41, u), 1u);
    EXPECT_EQ(encode_utf16(0x1F600, u), 2u);
    EXPECT_EQ(u[0], 0xD83D);
    EXPECT_EQ(u[1], 0xDE00);
    EXPECT_EQ(combine_surrogates(0xDBFF, 0xDFFF), 0x10FFFFu);
}

TEST(Utf16, WellFormed) {
    std::u16string ok = u"a\U0001F600b";
    EXPECT_TRUE(is_well_formed_utf16(ok.data(), ok.size()));
    EXPECT_FALSE(is_well_formed_utf16(ok.data(), 2)); // cut inside the pair
    EXPECT_FALSE(is_well_formed_utf16(ok.data() + 2, 2));
    EXPECT_TRUE(is_well_formed_utf16(nullptr, 0));
}
