// Tests for base/Unicode (tables generated from Unicode 14 by tools/gen/gen_unicode.py).
#include "base/Unicode.h"

#include <gtest/gtest.h>

#include <string>
#include <vector>

using namespace qjs::unicode;

namespace {

std::vector<uint32_t> upper(uint32_t c) {
    uint32_t out[3];
    int n = to_upper_full(c, out);
    return std::vector<uint32_t>(out, out + n);
}
std::vector<uint32_t> lower(uint32_t c) {
    uint32_t out[3];
    int n = to_lower_full(c, out);
    return std::vector<uint32_t>(out, out + n);
}
using V = std::vector<uint32_t>;

} // namespace

TEST(UnicodeId, Ascii) {
    for (uint32_t c = 'a'; c <= 'z'; c++)
        EXPECT_TRUE(is_id_start(c));
    for (uint32_t c = 'A'; c <= 'Z'; c++)
        EXPECT_TRUE(is_id_start(c));
    for (uint32_t c = '0'; c <= '9'; c++) {
        EXPECT_FALSE(is_id_start(c));
        EXPECT_TRUE(is_id_continue(c));
    }
    EXPECT_TRUE(is_id_start('$'));
    EXPECT_TRUE(is_id_start('_'));
    EXPECT_TRUE(is_id_continue('$'));
    EXPECT_TRUE(is_id_continue('_'));
    for (char c : std::string(" !\"#%&'()*+,-./:;<=>?@[\\]^`{|}~\t\n"))
        EXPECT_FALSE(is_id_continue(uint8_t(c))) << c;
}

TEST(UnicodeId, NonAscii) {
    EXPECT_TRUE(is_id_start(0xAA));   // FEMININE ORDINAL INDICATOR (Lo)
    EXPECT_TRUE(is_id_start(0xB5));   // MICRO SIGN (Ll)
    EXPECT_TRUE(is_id_start(0xC0));   // À
    EXPECT_FALSE(is_id_start(0xD7));  // ×
    EXPECT_FALSE(is_id_start(0xF7));  // ÷
    EXPECT_FALSE(is_id_start(0xA0));  // NBSP
    EXPECT_TRUE(is_id_start(0x2118)); // SCRIPT CAPITAL P (Other_ID_Start)
    EXPECT_TRUE(is_id_start(0x212E)); // ESTIMATED SYMBOL (Other_ID_Start)
    EXPECT_TRUE(is_id_start(0x1885)); // MONGOLIAN LETTER ALI GALI BALUDA (Other_ID_Start)
    EXPECT_TRUE(is_id_start(0x309B)); // KATAKANA-HIRAGANA VOICED SOUND MARK (Other_ID_Start)
    EXPECT_FALSE(is_id_start(0xB7));  // MIDDLE DOT: ID_Continue only
    EXPECT_TRUE(is_id_continue(0xB7));
    EXPECT_FALSE(is_id_start(0x387)); // GREEK ANO TELEIA: ID_Continue only
    EXPECT_TRUE(is_id_continue(0x387));
    EXPECT_TRUE(is_id_continue(0x1369)); // ETHIOPIC DIGIT ONE (Other_ID_Continue)
    EXPECT_TRUE(is_id_continue(0x19DA));
    EXPECT_FALSE(is_id_start(0x2E2F)); // VERTICAL TILDE: Lm but Pattern_Syntax
    EXPECT_FALSE(is_id_continue(0x2E2F));
    EXPECT_TRUE(is_id_start(0x3B1));  // α
    EXPECT_TRUE(is_id_start(0x4E00)); // CJK
    EXPECT_TRUE(is_id_start(0x16EE)); // RUNIC ARLAUG SYMBOL (Nl)
    EXPECT_TRUE(is_id_start(0x10400));
    EXPECT_TRUE(is_id_start(0x20000));  // CJK Ext B
    EXPECT_TRUE(is_id_start(0x2B738));  // CJK Ext C end
    EXPECT_FALSE(is_id_start(0x1F600)); // emoji
    EXPECT_FALSE(is_id_continue(0x1F600));
    EXPECT_TRUE(is_id_continue(0x300)); // combining grave (Mn)
    EXPECT_FALSE(is_id_start(0x300));
    EXPECT_TRUE(is_id_continue(0x660)); // ARABIC-INDIC DIGIT ZERO (Nd)
    EXPECT_FALSE(is_id_start(0x660));
    EXPECT_TRUE(is_id_continue(0x203F)); // UNDERTIE (Pc)
    EXPECT_TRUE(is_id_continue(0x200C));
    EXPECT_TRUE(is_id_continue(0x200D));
    EXPECT_FALSE(is_id_start(0x200C));
    EXPECT_TRUE(is_id_continue(0xE0100)); // VARIATION SELECTOR-17 (Mn)
    EXPECT_FALSE(is_id_start(0xD800));
    EXPECT_FALSE(is_id_start(0x110000));
    EXPECT_FALSE(is_id_continue(0x10FFFF));
}

TEST(UnicodeSpace, WhiteSpaceAndTerminators) {
    for (uint32_t c :
         {0x9u, 0xBu, 0xCu, 0x20u, 0xA0u, 0xFEFFu, 0x1680u, 0x2000u, 0x200Au, 0x202Fu, 0x205Fu, 0x3000u})
        EXPECT_TRUE(is_space(c)) << std::hex << c;
    for (uint32_t c : {0xAu, 0xDu, 0x85u, 0x200Bu, 0x180Eu, 0x2028u, 0x2029u, uint32_t('a'), 0u})
        EXPECT_FALSE(is_space(c)) << std::hex << c;
    for (uint32_t c : {0xAu, 0xDu, 0x2028u, 0x2029u})
        EXPECT_TRUE(is_line_terminator(c));
    for (uint32_t c : {0x85u, 0x20u, 0xBu, 0xCu})
        EXPECT_FALSE(is_line_terminator(c));
}

TEST(UnicodeCase, AsciiAndLatin1) {
    EXPECT_EQ(upper('a'), V{'A'});
    EXPECT_EQ(upper('A'), V{'A'});
    EXPECT_EQ(upper('1'), V{'1'});
    EXPECT_EQ(lower('Z'), V{'z'});
    EXPECT_EQ(upper(0xE9), V{0xC9}); // é
    EXPECT_EQ(lower(0xC9), V{0xE9});
    EXPECT_EQ(upper(0xDF), (V{'S', 'S'})); // ß -> SS
    EXPECT_EQ(lower(0xDF), V{0xDF});
    EXPECT_EQ(upper(0xFF), V{0x178}); // ÿ -> Ÿ
    EXPECT_EQ(lower(0x178), V{0xFF});
    EXPECT_EQ(upper(0xB5), V{0x39C}); // µ -> Μ
    EXPECT_EQ(upper(0xF7), V{0xF7});
    EXPECT_EQ(lower(0xD7), V{0xD7});
}

TEST(UnicodeCase, Special) {
    EXPECT_EQ(lower(0x130), (V{'i', 0x307}));          // İ -> i̇
    EXPECT_EQ(upper(0x131), V{'I'});                   // ı -> I
    EXPECT_EQ(lower('I'), V{'i'});                     // no Turkish tailoring
    EXPECT_EQ(upper(0x149), (V{0x2BC, 'N'}));          // ŉ
    EXPECT_EQ(upper(0x390), (V{0x399, 0x308, 0x301})); // ΐ: three code points
    EXPECT_EQ(upper(0xFB00), (V{'F', 'F'}));           // ﬀ
    EXPECT_EQ(upper(0xFB03), (V{'F', 'F', 'I'}));
    EXPECT_EQ(upper(0x1F80), (V{0x1F08, 0x399})); // ᾀ -> ἈΙ
    EXPECT_EQ(upper(0x1F88), (V{0x1F08, 0x399})); // titlecase ᾈ uppers the same way
    EXPECT_EQ(lower(0x1F88), V{0x1F80});
    EXPECT_EQ(upper(0x1E9E), V{0x1E9E}); // ẞ stays
    EXPECT_EQ(lower(0x1E9E), V{0xDF});
}

TEST(UnicodeCase, GreekCyrillicDeseret) {
    EXPECT_EQ(upper(0x3B1), V{0x391}); // α -> Α
    EXPECT_EQ(lower(0x391), V{0x3B1});
    EXPECT_EQ(lower(0x3A3), V{0x3C3}); // Σ -> σ (final sigma is the String builtin's job)
    EXPECT_EQ(upper(0x3C2), V{0x3A3}); // ς -> Σ
    EXPECT_EQ(upper(0x3C3), V{0x3A3});
    EXPECT_EQ(upper(0x3AC), V{0x386});     // ά
    EXPECT_EQ(upper(0x430), V{0x410});     // а
    EXPECT_EQ(lower(0x400), V{0x450});     // Ѐ
    EXPECT_EQ(upper(0x10428), V{0x10400}); // Deseret
    EXPECT_EQ(lower(0x10400), V{0x10428});
    EXPECT_EQ(upper(0x1E922), V{0x1E900}); // Adlam
    EXPECT_EQ(upper(0x101), V{0x100});     // alternating Latin Extended-A
    EXPECT_EQ(lower(0x100), V{0x101});
    EXPECT_EQ(lower(0x101), V{0x101});
    EXPECT_EQ(upper(0x100), V{0x100});
    EXPECT_EQ(lower(0x212A), V{'k'});   // KELVIN SIGN
    EXPECT_EQ(lower(0x2126), V{0x3C9}); // OHM SIGN
    EXPECT_EQ(upper(0x1C4), V{0x1C4});  // Ǆ
    EXPECT_EQ(upper(0x1C5), V{0x1C4});  // ǅ titlecase
    EXPECT_EQ(lower(0x1C5), V{0x1C6});
    EXPECT_EQ(upper(0x4E00), V{0x4E00});
    EXPECT_EQ(upper(0x10FFFF), V{0x10FFFF});
    EXPECT_EQ(upper(0xD800), V{0xD800}); // lone surrogate unchanged
}

TEST(UnicodeCase, SimpleFolding) {
    EXPECT_EQ(fold_case_simple('A'), uint32_t('a'));
    EXPECT_EQ(fold_case_simple('a'), uint32_t('a'));
    EXPECT_EQ(fold_case_simple(0xC0), 0xE0u);
    EXPECT_EQ(fold_case_simple(0xB5), 0x3BCu);  // µ -> μ
    EXPECT_EQ(fold_case_simple(0xDF), 0xDFu);   // ß: only a full folding exists
    EXPECT_EQ(fold_case_simple(0x1E9E), 0xDFu); // ẞ -> ß (status S)
    EXPECT_EQ(fold_case_simple(0x130), 0x130u); // İ: only F and T foldings
    EXPECT_EQ(fold_case_simple(0x131), 0x131u);
    EXPECT_EQ(fold_case_simple(0x3C2), 0x3C3u); // ς -> σ
    EXPECT_EQ(fold_case_simple(0x3A3), 0x3C3u);
    EXPECT_EQ(fold_case_simple(0x1F88), 0x1F80u); // S entry
    EXPECT_EQ(fold_case_simple(0x212A), uint32_t('k'));
    EXPECT_EQ(fold_case_simple(0x17F), uint32_t('s')); // ſ
    EXPECT_EQ(fold_case_simple(0x13F8), 0x13F0u);      // Cherokee folds to uppercase
    EXPECT_EQ(fold_case_simple(0xAB70), 0x13A0u);
    EXPECT_EQ(fold_case_simple(0x10400), 0x10428u);
    EXPECT_EQ(fold_case_simple(0x1E9B), 0x1E61u);
    EXPECT_EQ(fold_case_simple(0x4E00), 0x4E00u);
}

TEST(UnicodeCase, CasedAndIgnorable) {
    EXPECT_TRUE(is_cased('a'));
    EXPECT_TRUE(is_cased('Z'));
    EXPECT_FALSE(is_cased('1'));
    EXPECT_TRUE(is_cased(0xAA));   // Other_Lowercase
    EXPECT_TRUE(is_cased(0x1C5));  // Lt
    EXPECT_TRUE(is_cased(0x2160)); // ROMAN NUMERAL ONE (Other_Uppercase)
    EXPECT_TRUE(is_cased(0x2B0));  // MODIFIER LETTER SMALL H: cased and case-ignorable
    EXPECT_TRUE(is_case_ignorable(0x2B0));
    EXPECT_FALSE(is_cased(0x4E00));
    EXPECT_FALSE(is_cased(0x1BB)); // Lo
    EXPECT_TRUE(is_case_ignorable('\''));
    EXPECT_TRUE(is_case_ignorable('.'));
    EXPECT_TRUE(is_case_ignorable(':'));
    EXPECT_TRUE(is_case_ignorable('^'));
    EXPECT_FALSE(is_case_ignorable('a'));
    EXPECT_FALSE(is_case_ignorable(' '));
    EXPECT_TRUE(is_case_ignorable(0xAD));  // SOFT HYPHEN (Cf)
    EXPECT_TRUE(is_case_ignorable(0x300)); // Mn
    EXPECT_TRUE(is_case_ignorable(0x2019));
    EXPECT_TRUE(is_case_ignorable(0xE0001)); // LANGUAGE TAG (Cf)
    EXPECT_FALSE(is_case_ignorable(0x1F600));
}

TEST(UnicodeCase, FinalSigma) {
    auto final_at = [](const std::u16string& s) {
        return is_final_sigma(s.data(), s.size(), s.find(u'\u03A3'));
    };
    EXPECT_TRUE(final_at(u"A\u03A3"));
    EXPECT_FALSE(final_at(u"\u03A3"));
    EXPECT_FALSE(final_at(u"\u03A3A"));
    EXPECT_FALSE(final_at(u"A\u03A3B"));
    EXPECT_TRUE(final_at(u"A\u03A3 B"));
    EXPECT_TRUE(final_at(u"A.\u03A3"));   // case-ignorable between
    EXPECT_FALSE(final_at(u"A\u03A3.b")); // case-ignorable then cased after
    EXPECT_TRUE(final_at(u"A\u03A3."));
    EXPECT_FALSE(final_at(u"1\u03A3"));
    EXPECT_TRUE(final_at(u"\U00010400\u03A3")); // Deseret (surrogate pair) is cased
    EXPECT_TRUE(final_at(u"\u02B0\u03A3"));     // cased and case-ignorable counts as cased
    EXPECT_TRUE(final_at(u"A\u0300\u03A3\u0300"));
}
