// BigInt literals are constants of the function (not calls of the global BigInt): any length, every radix,
// and as property keys their decimal value.
const hex = 0xfffffffffffff800000000000000000000000000000000000000000000000000000000000000000000000000000000000000000000000000000000000000000000000000000000000000000000000000000000000000000000000000000000000000000000000000000000000000000000000000000000000000000000000001n;
assertEquals(hex.toString(16).length, 256);
assertEquals(hex - 1n, BigInt(Number.MAX_VALUE)); // one more than the largest double
assertEquals(hex > Number.MAX_VALUE, true);
assertEquals(hex - 1n == Number.MAX_VALUE, true);
assertEquals(hex - 2n < Number.MAX_VALUE, true);
const dec = 123456789012345678901234567890123456789012345678901234567890123456789012345678901234567890123456789012345678901234567890123456789012345678901234567890n;
assertEquals(dec.toString(), "123456789012345678901234567890123456789012345678901234567890123456789012345678901234567890123456789012345678901234567890123456789012345678901234567890");
assertEquals(0o777n, 511n);
assertEquals(0b1010n, 10n);
assertEquals(1_000_000n, 1000000n);

// Keys: the decimal string of the value.
const o = { 0x10n: "a", 0b11n: "b", 1_0n: "c", 0o10n: "d" };
assertEquals(Object.keys(o).join(), "3,8,10,16");
class C { static 0xffn = 1; }
assertEquals(C[255], 1);

// Replacing the global BigInt changes nothing for literals.
const saved = BigInt;
globalThis.BigInt = null;
assertEquals(typeof 5n, "bigint");
assertEquals(2n ** 70n, 1180591620717411303424n);
globalThis.BigInt = saved;
