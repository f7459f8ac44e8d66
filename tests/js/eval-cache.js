// Direct eval keeps the compiled code of a source per caller and eval site (bytecode/EvalCache.h).
// Whatever comes from the cache must behave as a fresh parse of the string.

// Each evaluation creates new functions, objects and regexps; code and text are the same.
function makeMany(src) {
    var out = [];
    for (var i = 0; i < 3; i++) out.push(eval(src));
    return out;
}
var fns = makeMany("(function named() { return 7; })");
assert(fns[0] !== fns[1] && fns[1] !== fns[2], "fresh closures");
assertEquals(fns[2](), 7);
assertEquals(fns[1].toString(), "function named() { return 7; }");
fns[0].prototype.tag = 1;
assertEquals(fns[1].prototype.tag, undefined, "fresh prototype objects");
var objs = makeMany("({a: [1]})");
assert(objs[0] !== objs[1] && objs[0].a !== objs[1].a, "fresh literals");
var res = makeMany("/ab+/g");
assert(res[0] !== res[1], "fresh regexp objects");
res[0].lastIndex = 3;
assertEquals(res[1].lastIndex, 0);

// A template literal gets a new template object per parse, so per eval (such sources are not kept).
function tag(strings) { return strings; }
var templates = makeMany("tag`x${1}y`");
assert(templates[0] !== templates[1], "each eval parses its template anew");
assertArrayEquals(Array.from(templates[2]), ["x", "y"]);
// Without eval one site keeps one template object.
var same = [];
for (var k = 0; k < 2; k++) same.push(tag`x${1}y`);
assert(same[0] === same[1]);
// A backquote inside a string literal only prevents caching; results stay right.
assertEquals(makeMany("'`' + 1")[2], "`1");

// The same source sees the bindings of each closure and each call.
function counterOf(v) {
    return function (d) {
        eval("v += d");
        return eval("v");
    };
}
var c1 = counterOf(1), c2 = counterOf(100);
assertEquals(c1(1), 2);
assertEquals(c2(1), 101);
assertEquals(c1(5), 7);

// Different eval sites of one function resolve their own scopes.
function sites() {
    var r = [];
    { let x = "first"; r.push(eval("x")); }
    { let x = "second"; r.push(eval("x")); }
    r.push(eval("typeof x"));
    return r;
}
assertArrayEquals(sites(), ["first", "second", "undefined"]);
assertArrayEquals(sites(), ["first", "second", "undefined"]);

// Vars declared by eval go to each call's own variable environment.
function declares(n) {
    eval("var q = n * 2");
    return q;
}
assertEquals(declares(1), 2);
assertEquals(declares(5), 10);

// Names the eval code reads through the global object are looked up at each evaluation.
function readGlobal() { return eval("typeof evalCacheLater"); }
assertEquals(readGlobal(), "undefined");
globalThis.evalCacheLater = 1;
assertEquals(readGlobal(), "number");

// A syntax error is thrown at each evaluation.
function bad() { return eval("1 +"); }
assertThrows(SyntaxError, bad);
assertThrows(SyntaxError, bad);

// Strict caller: eval code is strict every time (its vars stay inside the eval).
function strictCaller() {
    "use strict";
    eval("var inner = 1");
    return typeof inner;
}
assertEquals(strictCaller(), "undefined");
assertEquals(strictCaller(), "undefined");

// More sources than the cache holds at one site (entries are replaced); a generator made by code that
// was replaced in the cache keeps running.
function many(i) { return eval("(function* () { yield " + i + "; yield " + i + " + 1; })"); }
var gens = [];
for (var j = 0; j < 40; j++) gens.push(many(j)());
for (var j = 0; j < 40; j++) gens.push(many(j)());
for (var j = 0; j < 80; j++) {
    var expect = j % 40;
    assertEquals(gens[j].next().value, expect);
    assertEquals(gens[j].next().value, expect + 1);
}

// Equal text from different string representations (concatenated, sliced, wide) finds the same code.
function viaText(s) { return eval(s); }
var wide = "'\u0100' + 1";
assertEquals(viaText(wide), "\u01001");
assertEquals(viaText(("'\u0100'" + " + 1").slice(0)), "\u01001");
assertEquals(viaText("1 +" + " 2"), 3);
assertEquals(viaText("1 + 2"), 3);
assertEquals(viaText(["1", "+", "2"].join(" ")), 3);
