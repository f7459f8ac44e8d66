// Compiled regexp programs are cached per runtime by pattern and flags (src/regexp/RegExpCache.h):
// every evaluation of a literal still makes a new, independent RegExp object, and the cache never
// hands out the program of another pattern or flag set.

// A literal evaluated again: a fresh object each time, with its own lastIndex.
function make() {
    return /a(b)?/g;
}
var r1 = make(), r2 = make();
assert(r1 !== r2, "a literal makes a new object per evaluation");
assertEquals(r1.exec("xab")[0], "ab");
assertEquals(r1.lastIndex, 3);
assertEquals(r2.lastIndex, 0, "the second object's lastIndex is its own");
r1.foo = 1;
assertEquals(r2.foo, undefined);

// Same pattern, different flags: separate programs.
var s = "aBc";
assertEquals(/b/.test(s), false);
assertEquals(/b/i.test(s), true);
assertEquals(/b/.test(s), false, "the case-sensitive program after the i one");
assertEquals(new RegExp("^b", "m").test("a\nb"), true);
assertEquals(new RegExp("^b").test("a\nb"), false);
assertEquals(new RegExp("^b", "m").test("a\nb"), true);

// Same code units, one string 8-bit and one 16-bit; and patterns differing in one unit.
var wide = "\u0100".slice(0, 0) + "x+";
assertEquals(new RegExp(wide).exec("axxb")[0], "xx");
assertEquals(new RegExp("x+").exec("axxb")[0], "xx");
assertEquals(new RegExp("\u0101+").exec("a\u0101\u0101b")[0], "\u0101\u0101");
assertEquals(new RegExp("\u0102+").exec("a\u0101\u0101b"), null);
assertEquals(new RegExp("\u0101+", "i").exec("a\u0100\u0101b")[0], "\u0100\u0101");

// More patterns than the table holds, twice around: each still matches only its own text.
for (var round = 0; round < 2; round++) {
    for (var i = 0; i < 300; i++) {
        var re = new RegExp("^k" + i + "$");
        assert(re.test("k" + i), "pattern " + i + " round " + round);
        assertEquals(re.test("k" + (i + 1)), false);
        assertEquals(re.source, "^k" + i + "$");
    }
}

// A syntax error is reported at every compilation (errors are not cached).
for (var j = 0; j < 3; j++) {
    var threw = false;
    try {
        new RegExp("(a", "");
    } catch (e) {
        threw = e instanceof SyntaxError;
    }
    assert(threw, "unterminated group throws, attempt " + j);
}
var flagThrew = false;
try {
    new RegExp("a", "gg");
} catch (e) {
    flagThrew = e instanceof SyntaxError;
}
assert(flagThrew, "repeated flag");

// RegExp.prototype.compile replaces the program of an existing object.
var rc = /abc/;
rc.compile("x(y)", "g");
assertEquals(rc.source, "x(y)");
assertEquals(rc.global, true);
assertEquals(rc.exec("axy")[1], "y");
rc.compile("abc");
assertEquals(rc.test("abc"), true);
assertEquals(rc.test("xy"), false);

// A long pattern (beyond what the table keeps) still compiles each time.
var long = "";
for (var k = 0; k < 1500; k++) long += "a";
for (var t = 0; t < 2; t++) assertEquals(new RegExp("^" + long + "$").test(long), true);

// A literal whose %RegExp.prototype% method was replaced still sees the replacement.
var savedExec = RegExp.prototype.exec;
RegExp.prototype.exec = function () {
    return null;
};
assertEquals(/a/.test("a"), false);
RegExp.prototype.exec = savedExec;
assertEquals(/a/.test("a"), true);
