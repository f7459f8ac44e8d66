// std.sprintf/printf: libc formats; integer formats truncate to 32 bits, `l` to 64; BigInts.
import * as std from "std";

assertEquals(std.sprintf("%d", 2 ** 32 + 5), "5");
assertEquals(std.sprintf("%d", -1), "-1");
assertEquals(std.sprintf("%u %x %X %o", -1, 255, 255, 8), "4294967295 ff FF 10");
assertEquals(std.sprintf("%ld", 2 ** 40 + 3), "1099511627779");
assertEquals(std.sprintf("%lx", 2n ** 64n - 1n), "ffffffffffffffff");
assertEquals(std.sprintf("%ld", -(2n ** 63n)), "-9223372036854775808");
assertEquals(std.sprintf("%d", 2n ** 32n + 7n), "7");
assertEquals(std.sprintf("%d", 1.9), "1");
assertEquals(std.sprintf("%5d|%-5d|%05d", 42, 42, 42), "   42|42   |00042");
assertEquals(std.sprintf("%+d % d", 3, 3), "+3  3");
assertEquals(std.sprintf("%*d|%.*f", 4, 7, 2, 3.14159), "   7|3.14");
assertEquals(std.sprintf("%5.2f|%e|%g", 3.14159, 12345.678, 0.0001), " 3.14|1.234568e+04|0.0001");
assertEquals(std.sprintf("%s and %s", "a", { toString() { return "b"; } }), "a and b");
assertEquals(std.sprintf("%10s|%-4s|", "right", "l"), "     right|l   |");
assertEquals(std.sprintf("%c%c", 65, 0x20ac), "A\u20ac");
assertEquals(std.sprintf("100%%"), "100%");
assertEquals(std.sprintf("%s", null), "null");
assertThrows(ReferenceError, () => std.sprintf("%d"));
assertThrows(TypeError, () => std.sprintf("%q", 1));
assertThrows(TypeError, () => std.sprintf("%lld", 1));
assertEquals(std.printf("%s\n", "printed"), 8);
