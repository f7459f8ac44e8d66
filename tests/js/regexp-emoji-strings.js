// Properties of strings in v mode: the emoji sequence lists (src/regexp/EmojiSequences.inc).
var family = "\u{1F468}\u200D\u{1F469}\u200D\u{1F467}"; // a ZWJ sequence
var flag = "\u{1F1EB}\u{1F1F7}";
var keycap = "#\uFE0F\u20E3";
// RGI_Emoji (the union, the largest list) is compiled once.
var rgi = /\p{RGI_Emoji}/v;
assertEquals(family.match(rgi)[0], family, "the longest string matches first");
assertEquals(("x" + flag).match(rgi)[0], flag);
assertEquals(rgi.exec("abc"), null);
assert(/^\p{RGI_Emoji_ZWJ_Sequence}$/v.test(family));
assert(!/^\p{RGI_Emoji_Flag_Sequence}$/v.test(family));
assert(/^\p{RGI_Emoji_Flag_Sequence}$/v.test(flag));
assert(/^\p{Emoji_Keycap_Sequence}$/v.test(keycap));
assert(/^\p{Basic_Emoji}$/v.test("\u{1F600}"), "a single code point");
assert(/^[\p{RGI_Emoji_Flag_Sequence}--\q{\u{1F1EB}\u{1F1F7}}]$/v.test("\u{1F1E9}\u{1F1EA}"));
assert(!/^[\p{RGI_Emoji_Flag_Sequence}--\q{\u{1F1EB}\u{1F1F7}}]$/v.test(flag));
assertThrows(SyntaxError, function () { new RegExp("\\P{RGI_Emoji_Flag_Sequence}", "v"); });
assertThrows(SyntaxError, function () { new RegExp("[^\\p{RGI_Emoji_Flag_Sequence}]", "v"); });
assertThrows(SyntaxError, function () { new RegExp("\\p{RGI_Emoji}", "u"); });
assertThrows(SyntaxError, function () { new RegExp("\\p{RGI_Emoji_Nope}", "v"); });
