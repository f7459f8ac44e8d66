// The packed Unicode tables (src/base/UnicodeTables.inc): ranges longer than 2048 code points are split
// into several words, case runs pack start, stride and count into one word, special casings hold 16-bit
// code points. These check the edges of each packing.

// Identifiers: CJK Unified Ideographs (U+4E00..U+9FFF) is a range split into 2048-long words; check its
// ends and the code points around each split. U+30000.. (CJK Extension G) is beyond the BMP.
function isIdentifier(cp) {
    try {
        new Function('var ' + String.fromCodePoint(cp) + ' = 1;');
        return true;
    } catch (e) {
        return false;
    }
}
for (const cp of [0x4e00, 0x4e00 + 2047, 0x4e00 + 2048, 0x4e00 + 4095, 0x4e00 + 4096, 0x9fff, 0x20000,
                  0x2a6df, 0x30000])
    assert(isIdentifier(cp), 'U+' + cp.toString(16) + ' starts an identifier');
for (const cp of [0x4dc0, 0xd7fc, 0x2fffe, 0x10ffff, 0xe0001])
    assert(!isIdentifier(cp), 'U+' + cp.toString(16) + ' does not start an identifier');
// ID_Continue only (a combining mark after a letter), and the last ID_Continue range (variation selectors).
assert(isIdentifier(0x61) && new Function('var a\u0301 = 1; return a\u0301;')() === 1,
       'combining mark continues');
assertEquals(eval('var x\u{E01EF} = 2; x\u{E01EF}'), 2, 'U+E01EF continues an identifier');

// Case runs: stride 1 (Cyrillic, Deseret beyond the BMP), stride 2 (Latin Extended-A), the largest deltas.
assertEquals('\u0430\u044f'.toUpperCase(), '\u0410\u042f');
assertEquals('\u{10428}\u{1044F}'.toUpperCase(), '\u{10400}\u{10427}');
assertEquals('\u0101\u017e'.toUpperCase(), '\u0100\u017d');
assertEquals('\u0100\u017d'.toLowerCase(), '\u0101\u017e');
assertEquals('\u0100\u0101'.toLowerCase(), '\u0101\u0101', 'a stride-2 run maps only its own code points');
assertEquals('\u1d79'.toUpperCase(), '\ua77d');
assertEquals('\ua77d'.toLowerCase(), '\u1d79');
assertEquals('\u2c00'.toLowerCase(), '\u2c30');
// Case folding through a regexp with /i.
assert(/\u{10400}/iu.test('\u{10428}'), 'Deseret folds');
assert(/\u1e9e/iu.test('\u00df'), 'capital sharp s folds to sharp s');

// Special casings: one, two and three code points out.
assertEquals('\u00df'.toUpperCase(), 'SS');
assertEquals('\u0149'.toUpperCase(), '\u02bcN');
assertEquals('\u0390'.toUpperCase(), '\u0399\u0308\u0301');
assertEquals('\ufb03'.toUpperCase(), 'FFI');
assertEquals('\ufb17'.toUpperCase(), '\u0544\u053d');
assertEquals('\u0130'.toLowerCase(), 'i\u0307');

// Final sigma uses the Cased and Case_Ignorable tables.
assertEquals('\u0391\u03a3'.toLowerCase(), '\u03b1\u03c2');
assertEquals('\u0391\u03a3\u0391'.toLowerCase(), '\u03b1\u03c3\u03b1');
assertEquals('\u0391\u00ad\u03a3'.toLowerCase(), '\u03b1\u00ad\u03c2', 'soft hyphen is case-ignorable');

// Space separators (White_Space Zs) beyond Latin-1.
assertEquals(eval('\u3000 1 \u2009+\u202f 2'), 3);
assertEquals('\u1680x\u205f'.trim(), 'x');
