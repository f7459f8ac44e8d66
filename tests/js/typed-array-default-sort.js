// %TypedArray%.prototype.sort without a comparator (23.2.4.7 CompareTypedArrayElements) sorts the raw
// elements, widened to a common type per kind (int64/uint64 for integers, double for floats): each
// element type keeps its extreme values, -0 sorts before +0 and NaN last, and the bytes round-trip.

function sorted(C, values) {
    return Array.from(new C(values).sort());
}

assertArrayEquals(sorted(Int8Array, [127, -128, 0, -1, 1]), [-128, -1, 0, 1, 127]);
assertArrayEquals(sorted(Uint8Array, [255, 0, 128, 127, 1]), [0, 1, 127, 128, 255]);
assertArrayEquals(sorted(Uint8ClampedArray, [255, 0, 200, 3]), [0, 3, 200, 255]);
assertArrayEquals(sorted(Int16Array, [32767, -32768, 0, -1]), [-32768, -1, 0, 32767]);
assertArrayEquals(sorted(Uint16Array, [65535, 0, 32768, 32767]), [0, 32767, 32768, 65535]);
assertArrayEquals(sorted(Int32Array, [2147483647, -2147483648, 0, -1]), [-2147483648, -1, 0, 2147483647]);
assertArrayEquals(sorted(Uint32Array, [4294967295, 0, 2147483648, 2147483647]), [0, 2147483647, 2147483648, 4294967295]);
assertArrayEquals(sorted(BigInt64Array, [2n ** 63n - 1n, -(2n ** 63n), 0n, -1n]), [-(2n ** 63n), -1n, 0n, 2n ** 63n - 1n]);
assertArrayEquals(sorted(BigUint64Array, [2n ** 64n - 1n, 0n, 2n ** 63n, 2n ** 63n - 1n]), [0n, 2n ** 63n - 1n, 2n ** 63n, 2n ** 64n - 1n]);

// Floats: -Infinity first, -0 before +0, NaN last, the smallest and largest magnitudes exact.
for (const C of [Float32Array, Float64Array].concat(typeof Float16Array === "function" ? [Float16Array] : [])) {
    const tiny = C === Float64Array ? 5e-324 : C === Float32Array ? 1.401298464324817e-45 : 5.960464477539063e-8;
    const big = C === Float64Array ? 1.7976931348623157e308 : C === Float32Array ? 3.4028234663852886e38 : 65504;
    const out = sorted(C, [NaN, 0, -0, Infinity, -Infinity, big, -big, tiny, -tiny, 1.5]);
    const expected = ["-Infinity", -big, -tiny, "0", "0", tiny, "1.5", big, "Infinity", "NaN"].map(String);
    assertArrayEquals(out.map(String), expected, C.name);
    assert(Object.is(out[3], -0) && Object.is(out[4], 0), C.name + ": -0 before +0");
}

// A larger array agrees with a comparator sort of the same values.
let seed = 7;
const random = () => (seed = (seed * 1103515245 + 12345) % 2147483648) / 2147483648;
for (const C of [Int8Array, Uint16Array, Int32Array, Float32Array, Float64Array]) {
    const a = new C(2000);
    for (let i = 0; i < a.length; i++) a[i] = (random() - 0.5) * 70000;
    const expected = Array.from(a).sort((x, y) => x - y);
    assertArrayEquals(Array.from(a.sort()), expected, C.name);
}
