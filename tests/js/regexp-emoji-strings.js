// Properties of strings in v mode: the emoji sequence lists (src/regexp/EmojiSequences.inc).
var family = "\u{1F468}\u200D\u{1F469}\u200D\u{1F467}"; // a ZWJ sequence
var flag = "\u{1F1EB}\u{1F1F7}";
var keycap = "#\uFE0F\u20E3";
assert(/^\p{RGI_Emoji}$/v.test(family));
assert(/^\p{RGI_Emoji_ZWJ_Sequence}$/v.test(family));
assert(!/^\p{RGI_Emoji_Flag_Sequence}$/v.test(family));
assert(/^\p{RGI_Emoji_Flag_Sequence}$/v.test(flag));
assert(/^\p{Emoji_Keycap_Sequence}$/v.test(keycap));
assert(/^\p{Basic_Emoji}$/v.test("\u{1F600}"), "a single code point");
assert(/^[\p{RGI_Emoji}--\q{\u{1F600}}]$/v.test(flag));
assert(!/^[\p{RGI_Emoji}--\q{\u{1F600}}]$/v.test("\u{1F600}"));
// The longest string matches first.
assertEquals(family.match(/\p{RGI_Emoji}/v)[0], family);
assertThrows(SyntaxError, function () { new RegExp("\\P{RGI_Emoji}", "v"); });
assertThrows(SyntaxError, function () { new RegExp("[^\\p{RGI_Emoji}]", "v"); });
assertThrows(SyntaxError, function () { new RegExp("\\p{RGI_Emoji}", "u"); });
assertThrows(SyntaxError, function () { new RegExp("\\p{RGI_Emoji_Nope}", "v"); });
