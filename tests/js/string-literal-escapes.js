// String literals with escapes are decoded into a buffer sized from their source bytes (at most one
// UTF-16 unit per byte) that becomes the value: every kind of escape, line continuations that decode
// to nothing, astral characters written raw and escaped, long literals, and the error paths.
assertEquals("a\nb\tc\\d\'e\"f", "a" + String.fromCharCode(10) + "b" + String.fromCharCode(9) + "c\\d'e\"f");
assertEquals("\x41\u0042\u{43}\u{1F600}".length, 5);
assertEquals("\u{1F600}", String.fromCodePoint(0x1F600));
assertEquals("\u{10FFFF}".codePointAt(0), 0x10FFFF);
assertEquals("\0\7\101\377".split("").map(function (c) { return c.charCodeAt(0); }).join(), "0,7,65,255");
assertEquals("\8\9", "89");
assertEquals("\é\😀", "é😀");
assertEquals(eval("'a\\\nb'"), "ab");            // line continuation: LF
assertEquals(eval("'a\\\r\nb'"), "ab");          // CR LF
assertEquals(eval("'a\\\rb'"), "ab");            // CR
assertEquals(eval("'a\\\u2028b\\\u2029c'"), "abc"); // LS, PS
assertEquals(eval("'\\\n'"), "");                // only a continuation: the empty string
assertEquals(eval("'\\\n'").length, 0);
assertEquals(eval("'x\u2028y'"), "x\u2028y");     // LS and PS are allowed raw in strings
assertEquals("é\n😀".length, 4);

// Long literals with escapes throughout, built as source text.
var unit = "ab\\n\\u00e9\\u{1F600}\\x7a\\\\\\\"";
var source = "\"" + new Array(20001).join(unit) + "\"";
var value = eval(source);
assertEquals(value.length, 20000 * 9);
assertEquals(value.slice(0, 9), "ab\né\u{1F600}z\\\"");
assertEquals(value.slice(-9), "ab\né\u{1F600}z\\\"");
var plain = eval("'" + new Array(100001).join("q") + "\\n'");
assertEquals(plain.length, 100001);
assertEquals(plain.charCodeAt(100000), 10);

// Errors: unterminated (end of input, a raw line break after escapes), bad escapes, strict octal.
assertThrows(SyntaxError, function () { eval("'abc\\n"); });
assertThrows(SyntaxError, function () { eval("'abc\\n\nx'"); });
assertThrows(SyntaxError, function () { eval("'abc\\"); });
assertThrows(SyntaxError, function () { eval("'\\x4'"); });
assertThrows(SyntaxError, function () { eval("'\\u{110000}'"); });
assertThrows(SyntaxError, function () { eval("'use strict'; '\\07'"); });
assertThrows(SyntaxError, function () { eval("'use strict'; '\\8'"); });
assertEquals(eval("'\\07'"), "\x07");
