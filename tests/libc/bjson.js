// The bjson module: round trips of values through write/read (with and without references), the
// pos/len window, bytecode with its flags, corrupted and truncated data as exceptions, and flags it
// refuses.
import * as bjson from "bjson";
import * as qbjson from "qjs:bjson";

assertEquals(typeof qbjson.write, "function", "qjs:bjson is the same module under its other name");
for (const k of ["WRITE_OBJ_BYTECODE", "WRITE_OBJ_REFERENCE", "WRITE_OBJ_SAB", "READ_OBJ_BYTECODE",
                 "READ_OBJ_REFERENCE", "READ_OBJ_SAB"])
    assertEquals(typeof bjson[k], "number", k);

function roundTrip(v, wflags, rflags) {
    const buf = bjson.write(v, wflags);
    assert(buf instanceof ArrayBuffer, "write gives an ArrayBuffer");
    return bjson.read(buf, 0, buf.byteLength, rflags);
}

// Primitives.
for (const v of [undefined, null, true, false, 0, -1, 2 ** 31, -0.25, NaN, Infinity, "", "abc",
                 "\u00e9\u{1F600}", 123n, -(2n ** 100n)]) {
    const r = roundTrip(v);
    assert(Object.is(r, v), "primitive " + String(v));
}
assert(Object.is(roundTrip(-0), -0), "-0 kept");

// Objects, arrays with holes, typed arrays, ArrayBuffers, Dates.
const o = roundTrip({ a: 1, b: [1, , "x", { c: null }], d: new Date(86400000), e: new Float64Array([1.5, -2]),
                      f: new Uint8Array([9, 8, 7]).buffer, g: { h: { i: [] } } });
assertEquals(o.a, 1);
assertEquals(o.b.length, 4);
assert(!(1 in o.b), "hole");
assertEquals(o.b[3].c, null);
assertEquals(o.d.getTime(), 86400000);
assert(o.e instanceof Float64Array && o.e[0] === 1.5 && o.e[1] === -2, "Float64Array");
assert(o.f instanceof ArrayBuffer && new Uint8Array(o.f).join() === "9,8,7", "ArrayBuffer");
assertEquals(JSON.stringify(o.g), '{"h":{"i":[]}}');

// Shared sub-objects and cycles need the reference flags.
const shared = { x: 1 };
const cyc = { a: shared, b: shared };
cyc.self = cyc;
assertThrows(TypeError, () => bjson.write(cyc), "a cycle without WRITE_OBJ_REFERENCE");
const r = roundTrip(cyc, bjson.WRITE_OBJ_REFERENCE, bjson.READ_OBJ_REFERENCE);
assert(r.self === r && r.a === r.b && r.a.x === 1, "references kept");
const refBuf = bjson.write(cyc, bjson.WRITE_OBJ_REFERENCE);
assertThrows(SyntaxError, () => bjson.read(refBuf, 0, refBuf.byteLength), "references need READ_OBJ_REFERENCE");

// Without references a repeated (acyclic) object is written twice.
const twice = roundTrip({ a: shared, b: shared });
assert(twice.a !== twice.b && twice.b.x === 1, "copies");

// pos and len select a window of the buffer; the defaults are the whole buffer.
const inner = new Uint8Array(bjson.write([1, 2, 3]));
const big = new Uint8Array(inner.length + 10);
big.set(inner, 5);
assertEquals(bjson.read(big.buffer, 5, inner.length).join(), "1,2,3");
assertEquals(bjson.read(inner.buffer).join(), "1,2,3");
assertThrows(RangeError, () => bjson.read(big.buffer, 5, big.length), "window past the end");
assertThrows(RangeError, () => bjson.read(big.buffer, big.length + 1), "pos past the end");
assertThrows(TypeError, () => bjson.read("not a buffer"), "not an ArrayBuffer");

// Functions and objects of other classes are refused as values (their contents would be lost).
assertThrows(TypeError, () => bjson.write(function f() {}), "function as a value");
for (const v of [new Map([[1, 2]]), new Set([1]), /x/g, new Error("e"), Promise.resolve(), new Proxy({}, {}),
                 new Number(1), { nested: [new WeakMap()] }])
    assertThrows(TypeError, () => bjson.write(v), "unsupported class " + Object.prototype.toString.call(v));
class Point { constructor() { this.x = 1; } }
assertEquals(JSON.stringify(roundTrip(new Point())), '{"x":1}', "class instances are plain objects");

// Corrupted input: every truncation and every single-byte change is an exception, never a crash.
const good = new Uint8Array(bjson.write({ k: [1, "two", 3.5, { n: null }], t: new Int16Array([1, -1]) }));
for (let n = 0; n < good.length; n++) {
    let threw = false;
    try {
        bjson.read(good.buffer, 0, n);
    } catch (e) {
        threw = e instanceof SyntaxError || e instanceof TypeError || e instanceof RangeError;
    }
    assert(threw, "truncated at " + n);
}
// A changed byte is caught by the checksum or the header checks; the one bit that may change
// harmlessly is the header's "references" flag.
const goodJson = JSON.stringify(bjson.read(good.buffer));
for (let i = 0; i < good.length; i++) {
    for (const x of [0x01, 0x80, 0xff]) {
        const bad = good.slice();
        bad[i] ^= x;
        let same = false;
        try {
            same = JSON.stringify(bjson.read(bad.buffer)) === goodJson;
        } catch (e) {
            // SyntaxError, or a TypeError when the magic no longer says "value" (then it would be code)
            assert(e instanceof SyntaxError || e instanceof TypeError, "corrupt data: " + e);
            continue;
        }
        assert(same && i === 6 && x === 0x01, "byte " + i + " ^ " + x + " not detected");
    }
}
assertThrows(SyntaxError, () => bjson.read(new Uint8Array([0x51, 0x4a, 0x53, 0x56, 1, 0]).buffer), "short header");

// SharedArrayBuffers: written only with WRITE_OBJ_SAB, and never read back from script data
// (READ_OBJ_SAB would trust addresses).
const sabImage = bjson.write(new SharedArrayBuffer(4), bjson.WRITE_OBJ_SAB);
assertThrows(TypeError, () => bjson.read(sabImage, 0, sabImage.byteLength, bjson.READ_OBJ_SAB));
assertThrows(SyntaxError, () => bjson.read(sabImage), "SAB tag without READ_OBJ_SAB");
const sabCopy = roundTrip(new SharedArrayBuffer(4));
assert(sabCopy instanceof ArrayBuffer || sabCopy instanceof SharedArrayBuffer, "SAB without the flag is copied");
assertThrows(RangeError, () => bjson.write(1, 1 << 12), "unknown write flag");
assertThrows(RangeError, () => bjson.read(bjson.write(1), 0, undefined, 1 << 12), "unknown read flag");
print("bjson: ok");
