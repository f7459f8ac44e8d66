// Objects, arrays and strings.
var point = { x: 1, y: 2 };
point.z = 3;
assertEquals(point.x + point.y + point.z, 6);
assertArrayEquals(Object.keys(point), ["x", "y", "z"]);
assertEquals("y" in point, true);
delete point.y;
assertEquals("y" in point, false);

var arr = [3, 1, 2];
arr.push(4);
assertEquals(arr.length, 4);
assertArrayEquals(arr.slice().sort(), [1, 2, 3, 4]);
assertArrayEquals(arr.map((v) => v * 2), [6, 2, 4, 8]);
assertEquals(arr.indexOf(2), 2);
assertEquals(arr.join("-"), "3-1-2-4");
arr.length = 1;
assertArrayEquals(arr, [3]);

var s = "Hello, world";
assertEquals(s.length, 12);
assertEquals(s.charAt(4), "o");
assertEquals(s.indexOf("world"), 7);
assertEquals(s.slice(-5), "world");
assertEquals(s.toUpperCase(), "HELLO, WORLD");
assertArrayEquals(s.split(", "), ["Hello", "world"]);
assertEquals(`${s}!`, "Hello, world!");
assertEquals(String(123), "123");
assertEquals(Number("42.5"), 42.5);
assertEquals(JSON.stringify({ a: [1, "b"] }), '{"a":[1,"b"]}');

var sum = 0;
for (var key in { a: 1, b: 2 })
    sum += key.length;
assertEquals(sum, 2);
for (var v of [1, 2, 3])
    sum += v;
assertEquals(sum, 8);

// 2^31 - 1 is the first index that is not stored as an immediate index key: every way of writing it is
// the same key (an int32 key once missed the string key of a literal).
{
    const key = 2147483647;
    const viaLiteral = { 2147483647: "lit" };
    assertEquals(viaLiteral[key], "lit");
    const viaInt = {};
    viaInt[key] = "int";
    assertEquals(viaInt["2147483647"], "int");
    assertEquals(Object.keys(viaInt).join(), "2147483647");
    assertEquals({ 2147483647n: "big" }[key], "big");
    const arr = [];
    arr[key] = 1;
    assertEquals(arr.length, 2147483648);
    assertEquals(arr.hasOwnProperty("2147483647"), true);
}

// RegExp source: an escaped line terminator becomes the escape sequence of the same character.
assertEquals(RegExp("\\\n").source, "\\n");
assertEquals(RegExp("\\\u2028").source, "\\u2028");
assertEquals(RegExp("\\\\\n").source, "\\\\\\n");
assertEquals(RegExp("\n").source, "\\n");
assert(RegExp(RegExp("\\\r").source).test("\r"), "the escaped source matches the same text");

// RegExpBuiltinExec reads the matcher after ToLength(lastIndex): a valueOf that recompiles the regexp
// (even to more capture groups) is matched with the new program, and its captures fit.
{
    const re = /a/g;
    re.lastIndex = {
        valueOf() {
            re.compile("(b)(c)(d)(e)(f)(g)(h)(i)(j)(k)(l)(m)(n)(o)(p)(q)(r)", "g");
            return 0;
        },
    };
    const m = re.exec("bcdefghijklmnopqr");
    assertEquals(m.length, 18);
    assertEquals(m[17], "r");
    assertEquals(re.lastIndex, 17);
    const re2 = /x/y;
    re2.lastIndex = {
        valueOf() {
            re2.compile("(?<w>y)(z)", "");
            return 5;
        },
    };
    assertEquals(re2[Symbol.replace]("yz", "[$2$1]"), "[zy]");
    re2.lastIndex = { valueOf: () => (re2.compile("(q)"), 0) };
    assertEquals(re2.test("q"), true);
}
