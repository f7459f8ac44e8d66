var re1 = /(?m:)/;
assert(!re1.multiline, "RegExp instance multiline flag should not be set");

var re2 = new RegExp("(?m:)");
assert(!re2.multiline, "RegExp instance multiline flag should not be set");

var re3 = /(?m-:)/;
assert(!re3.multiline, "RegExp instance multiline flag should not be set");

var re4 = new RegExp("(?m-:)");
assert(!re4.multiline, "RegExp instance multiline flag should not be set");
