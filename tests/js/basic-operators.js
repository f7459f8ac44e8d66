// Arithmetic, comparison, typeof and coercion basics.
assertEquals(1 + 2, 3);
assertEquals(7 - 10, -3);
assertEquals(6 * 7, 42);
assertEquals(1 / 4, 0.25);
assertEquals(7 % 3, 1);
assertEquals(-7 % 3, -1);
assertEquals(-6 % 3, -0);
assertEquals(2 ** 10, 1024);
assertEquals(0.1 + 0.2 === 0.3, false);
assertEquals(1 / 0, Infinity);
assertEquals(0 / 0, NaN);
assertEquals(5 & 3, 1);
assertEquals(5 | 3, 7);
assertEquals(5 ^ 3, 6);
assertEquals(~5, -6);
assertEquals(-1 >>> 28, 15);
assertEquals(1 << 31, -2147483648);

assertEquals("1" + 2, "12");
assertEquals("3" * "4", 12);
assertEquals(null == undefined, true);
assertEquals(null === undefined, false);
assertEquals("10" < "9", true);
assertEquals(10 < 9, false);

assertEquals(typeof 1, "number");
assertEquals(typeof "s", "string");
assertEquals(typeof undefined, "undefined");
assertEquals(typeof null, "object");
assertEquals(typeof {}, "object");
assertEquals(typeof function () {}, "function");

var x = 5;
x += 2;
x *= 3;
assertEquals(x, 21);
assertEquals(x++, 21);
assertEquals(++x, 23);
assertEquals(true ? "yes" : "no", "yes");
assertEquals(0 || "fallback", "fallback");
assertEquals(0 ?? "fallback", 0);

// Relational operators on two strings compare UTF-16 code units (Latin-1 and two-byte strings mixed).
(function () {
    const pairs = [["a", "b"], ["b", "a"], ["ab", "ab"], ["ab", "a"], ["", "a"], ["Z", "a"],
                   ["\u00e9", "\u0100"], ["\uD800", "\uFFFF"], ["\uFFFF", "\uD83D\uDE00"], ["a\u0101", "a\u00ff"]];
    const got = pairs.map(([x, y]) => [x < y, x <= y, x > y, x >= y].map(Number).join("")).join(",");
    assertEquals(got, "1100,0011,0101,0011,1100,1100,1100,1100,0011,0011");
    // A String object still goes through ToPrimitive.
    assertEquals(new String("a") < "b", true);
    assertEquals({ toString() { return "b"; } } > "a", true);
})();

// Bitwise operators on Numbers that are not int32 apply ToInt32 in the interpreter; other operands
// still convert through ToNumeric (valueOf runs, BigInts mix with Numbers only to throw).
(function () {
    const big = 2 ** 32 + 3, neg = -(2 ** 33) - 1;
    assertEquals([big | 0, 0x80000000 | 0, 3.7 ^ 1.2, 2 ** 31 >>> 0, 2 ** 31 >> 1, 1.5 << 31].join(),
                 "3,-2147483648,2,2147483648,-1073741824,-2147483648");
    assertEquals([NaN | 5, Infinity & 7, -Infinity ^ 1, big >>> 1, neg >> 2, 5.5 << 33.9, -0 | 0].join(),
                 "5,0,1,1,-1,10,0");
    assertEquals(Object.is(-0.5 & -1, 0), true);
    assertEquals({ valueOf() { return 2 ** 32 + 6; } } & 0.5 ** -2, 4);
    let threw = false;
    try { 1.5 | 1n; } catch (e) { threw = e instanceof TypeError; }
    assertEquals(threw, true);
    assertEquals(2n ** 64n | 1n, 18446744073709551617n);
})();
