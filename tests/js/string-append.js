// Repeated string appends are amortised linear in every kind of binding (long concatenations are
// slices of a shared append buffer), and the strings they build behave like any other string.

const N = 20000; // (bench/micro/string-append.js times 1e6 appends per binding kind)

// local variable
(function () {
    let s = "";
    for (let i = 0; i < N; i++) s += "ab";
    assertEquals(s.length, 2 * N);
    assertEquals(s.charCodeAt(2 * N - 1), 98);
    assertEquals(s.slice(-4), "abab");
})();

// global var
var g = "";
for (var gi = 0; gi < N; gi++) g += "ab";
assertEquals(g.length, 2 * N);
assertEquals(g[2 * N - 2], "a");

// global lexical
let lex = "";
for (let i = 0; i < N; i++) lex = lex + "ab";
assertEquals(lex.length, 2 * N);

// closure variable
(function () {
    let c = "";
    const add = (x) => { c += x; };
    for (let i = 0; i < N; i++) add("ab");
    assertEquals(c.length, 2 * N);
    assertEquals(c.lastIndexOf("ab"), 2 * N - 2);
})();

// object property
(function () {
    const o = { s: "" };
    for (let i = 0; i < N; i++) o.s += "ab";
    assertEquals(o.s.length, 2 * N);
    assertEquals(o.s.indexOf("ba"), 1);
})();

// array element
(function () {
    const a = [""];
    for (let i = 0; i < N / 5; i++) a[0] += "ab";
    assertEquals(a[0].length, (2 * N) / 5);
})();

// Prefixes are shared but never changed by later appends.
(function () {
    let base = "x".repeat(300);
    base += "y"; // a slice of an append buffer
    const t = base + "1";
    const u = base + "2"; // base no longer ends the buffer's used part: copied
    const v = t + "3"; // appends in place after t
    assertEquals(base.length, 301);
    assertEquals(t.slice(-2), "y1");
    assertEquals(u.slice(-2), "y2");
    assertEquals(v.slice(-3), "y13");
    assertEquals(base.slice(-1), "y");
    assertEquals(t + t, t.repeat(2));
    const w = base + base; // the buffer appended to itself
    assertEquals(w, "x".repeat(300) + "y" + "x".repeat(300) + "y");
})();

// Mixed 8-bit and 16-bit pieces.
(function () {
    let s = "";
    const pieces = [];
    for (let i = 0; i < 2000; i++) {
        const piece = i % 97 === 50 ? "\u20ac" + i : i % 31 === 7 ? "\xe9" + i : "p" + i;
        s += piece;
        pieces.push(piece);
    }
    const joined = pieces.join("");
    assertEquals(s, joined);
    assertEquals(s.length, joined.length);
    for (let i = 0; i < s.length; i += 37) {
        assertEquals(s.charCodeAt(i), joined.charCodeAt(i));
        assertEquals(s[i], joined[i]);
    }
    assert(s.indexOf("\u20ac50") > 0);
    assertEquals(s.codePointAt(s.indexOf("\xe9")), 0xe9);
    // A wide slice extended with 8-bit pieces, and an 8-bit slice widened by one wide piece.
    let wide = "\u0100".repeat(300);
    wide += "abc";
    wide += "def";
    assertEquals(wide.slice(-6), "abcdef");
    assertEquals(wide.charCodeAt(0), 0x100);
    let narrow = "n".repeat(300);
    narrow += "o";
    const widened = narrow + "\u4e2d";
    assertEquals(widened.length, 302);
    assertEquals(widened.charCodeAt(301), 0x4e2d);
    assertEquals(narrow.length, 301);
    assertEquals(narrow.charCodeAt(300), 0x6f);
})();

// Comparisons, property keys, numbers, JSON, regexps on appended strings.
(function () {
    let k = "";
    for (let i = 0; i < 100; i++) k += "key" + i;
    const flat = Array.from({ length: 100 }, (_, i) => "key" + i).join("");
    assert(k === flat, "equality");
    assert(k < flat + "a" && !(k < flat), "relational comparison");
    const o = {};
    o[k] = 1;
    assertEquals(o[flat], 1, "a property key made by appends finds the same property");
    const m = new Map([[k, 2]]);
    assertEquals(m.get(flat), 2);
    let digits = "";
    for (let i = 0; i < 300; i++) digits += "0";
    digits += "42";
    assertEquals(Number(digits), 42);
    assertEquals(parseInt(digits, 10), 42);
    let json = "[";
    for (let i = 0; i < 200; i++) json += (i ? "," : "") + i;
    json += "]";
    assertEquals(JSON.parse(json).length, 200);
    assert(/key99$/.test(k));
    assertEquals(k.toUpperCase().slice(0, 4), "KEY0");
})();
