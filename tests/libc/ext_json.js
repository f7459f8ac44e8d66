// std.parseExtJSON: the documented extensions, and JSON's errors otherwise.
import * as std from "std";

const v = std.parseExtJSON(`{
  // a line comment
  a: 1, /* a block comment */
  'b': 'single \\'quoted\\' "text"',
  c: [0x10, 0o17, +2, -0x1, 1.5e2,],
  "d": { nested: true, },\f\v
  e: null,
}`);
assertEquals(v.a, 1);
assertEquals(v.b, "single 'quoted' \"text\"");
assertArrayEquals(v.c, [16, 15, 2, -1, 150]);
assertEquals(v.d.nested, true);
assertEquals(v.e, null);
assertArrayEquals(Object.keys(v), ["a", "b", "c", "d", "e"]);
assertEquals(std.parseExtJSON("[1,2,]").length, 2);
assertEquals(std.parseExtJSON("'x'"), "x");
assertEquals(std.parseExtJSON("  42  "), 42);
assertThrows(SyntaxError, () => std.parseExtJSON("{a: }"));
assertThrows(SyntaxError, () => std.parseExtJSON("{a: 1"));
assertThrows(SyntaxError, () => std.parseExtJSON("/* open"));
assertThrows(SyntaxError, () => std.parseExtJSON("[undefinedValue]"));
