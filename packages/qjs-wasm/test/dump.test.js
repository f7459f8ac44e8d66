import { test } from 'node:test';
import assert from 'node:assert/strict';
import { createVM } from './wasm-module.js';

test('dump is lossless for the structured kinds', async () => {
  const vm = await createVM();
  const v = vm.evalCode(`({
    num: 1.5, neg0: -0, nan: NaN, inf: -Infinity, str: 'a\\u{1F30D}\\uD800b', t: true, n: null, u: undefined,
    big: 2n ** 200n + 1n, negBig: -(2n ** 70n),
    map: new Map([[1, 'one'], ['k', { deep: [1, 2] }]]),
    set: new Set(['a', 3, 4n]),
    date: new Date(Date.UTC(2024, 1, 29, 12, 30)), badDate: new Date(NaN),
    re: /a+(?<name>b)/giu,
    sparse: [1, , 3],
    u8: new Uint8Array([1, 2, 255]), i16: new Int16Array([-2, 300]), f64: new Float64Array([Math.PI]),
    c8: new Uint8ClampedArray([9]), u16: new Uint16Array([65535]), i32: new Int32Array([-7]), u32: new Uint32Array([4e9]),
    f32: new Float32Array([0.5]), b64: new BigInt64Array([-5n]), ub64: new BigUint64Array([2n ** 64n - 1n]), i8: new Int8Array([-128]),
    view: new Uint8Array([0, 1, 2, 3, 4]).subarray(1, 3),
    ab: new Uint8Array([7, 8]).buffer, dv: new DataView(new Uint8Array([5, 6]).buffer),
    err: new RangeError('bad range', { cause: 'why' }),
  })`).consume((h) => vm.dump(h));
  assert.equal(v.num, 1.5);
  assert.ok(Object.is(v.neg0, -0));
  assert.ok(Number.isNaN(v.nan));
  assert.equal(v.inf, -Infinity);
  assert.equal(v.str, 'a\u{1F30D}\uD800b');
  assert.equal(v.t, true);
  assert.equal(v.n, null);
  assert.ok('u' in v && v.u === undefined);
  assert.equal(v.big, 2n ** 200n + 1n);
  assert.equal(v.negBig, -(2n ** 70n));
  assert.deepEqual(v.map, new Map([[1, 'one'], ['k', { deep: [1, 2] }]]));
  assert.deepEqual(v.set, new Set(['a', 3, 4n]));
  assert.equal(v.date.toISOString(), '2024-02-29T12:30:00.000Z');
  assert.ok(Number.isNaN(v.badDate.getTime()));
  assert.equal(v.re.source, 'a+(?<name>b)');
  assert.equal(v.re.flags, 'giu');
  assert.equal(v.sparse.length, 3);
  assert.ok(!(1 in v.sparse));
  assert.deepEqual(v.u8, new Uint8Array([1, 2, 255]));
  assert.deepEqual(v.i16, new Int16Array([-2, 300]));
  assert.deepEqual(v.f64, new Float64Array([Math.PI]));
  assert.deepEqual(v.c8, new Uint8ClampedArray([9]));
  assert.deepEqual(v.u16, new Uint16Array([65535]));
  assert.deepEqual(v.i32, new Int32Array([-7]));
  assert.deepEqual(v.u32, new Uint32Array([4e9]));
  assert.deepEqual(v.f32, new Float32Array([0.5]));
  assert.deepEqual(v.b64, new BigInt64Array([-5n]));
  assert.deepEqual(v.ub64, new BigUint64Array([2n ** 64n - 1n]));
  assert.deepEqual(v.i8, new Int8Array([-128]));
  assert.deepEqual(v.view, new Uint8Array([1, 2]));
  assert.deepEqual(new Uint8Array(v.ab), new Uint8Array([7, 8]));
  assert.equal(v.dv.getUint8(1), 6);
  assert.ok(v.err instanceof RangeError);
  assert.equal(v.err.message, 'bad range');
  assert.equal(v.err.cause, 'why');
  vm.dispose(true);
});

test('dump keeps cycles and shared references', async () => {
  const vm = await createVM();
  const v = vm.evalCode(`
    const shared = { s: 1 };
    const root = { a: shared, b: shared, list: [shared] };
    root.self = root;
    const m = new Map(); m.set(m, root); root.m = m;
    root`).consume((h) => vm.dump(h));
  assert.equal(v.self, v);
  assert.equal(v.a, v.b);
  assert.equal(v.list[0], v.a);
  assert.equal(v.m.get(v.m), v);
});

test('hostToHandle is the inverse of dump', async () => {
  const vm = await createVM();
  const shared = { s: 'shared' };
  const host = {
    x: 1, y: [2, 3], big: -(10n ** 30n), when: new Date(0), re: /x/y, m: new Map([[shared, shared]]), s: new Set([shared]),
    bytes: new Float32Array([1.5, -2]), neg0: -0, nan: NaN, lone: '\uDC00', nested: { deeper: { deepest: [null, undefined] } },
    err: new TypeError('typed'),
  };
  host.self = host;
  const h = vm.hostToHandle(host);
  vm.setProp(vm.global, 'fromHost', h);
  const checks = `[
    fromHost.self === fromHost, fromHost.big === -(10n ** 30n), fromHost.when instanceof Date && fromHost.when.getTime() === 0,
    fromHost.re.sticky, fromHost.m instanceof Map && [...fromHost.m.keys()][0] === [...fromHost.s][0],
    fromHost.bytes instanceof Float32Array && fromHost.bytes[1] === -2, Object.is(fromHost.neg0, -0), fromHost.nan !== fromHost.nan,
    fromHost.lone.length === 1 && fromHost.lone.charCodeAt(0) === 0xDC00, fromHost.err instanceof TypeError,
    fromHost.nested.deeper.deepest.length === 2,
  ].map((ok, i) => ok ? '' : i).join('')`;
  assert.equal(vm.evalCode(checks).consume((r) => r.toString()), '');
  const back = vm.dump(h);
  assert.deepEqual(back.y, [2, 3]);
  assert.equal(back.self, back);
  assert.equal(back.big, -(10n ** 30n));
  assert.equal(back.lone, '\uDC00');
  assert.throws(() => vm.hostToHandle({ f() {} }), /function/);
});

test('values that do not cross come back as handles', async () => {
  const vm = await createVM();
  const v = vm.evalCode('({ fn: (a) => a * 2, sym: Symbol("s"), p: Promise.resolve(1), wm: new WeakMap() })').consume((h) => vm.dump(h));
  assert.equal(v.fn.typeof, 'function');
  const two = vm.newNumber(2);
  assert.equal(vm.unwrapResult(vm.callFunction(v.fn, vm.undefined, two)).consume((h) => h.toNumber()), 4);
  two.dispose();
  assert.equal(v.sym.typeof, 'symbol');
  assert.equal(v.p.promiseState, 1);
  assert.equal(v.wm.typeof, 'object');
  for (const h of [v.fn, v.sym, v.p, v.wm]) h.dispose();
  // Replacing globals after creation does not change the exchange.
  vm.unwrapResult(vm.evalCode('Map.prototype.forEach = () => { throw new Error("tampered") }; JSON.stringify = () => "{}"')).dispose();
  assert.deepEqual(vm.evalCode('new Map([[1, 2]])').consume((h) => vm.dump(h)), new Map([[1, 2]]));
  vm.dispose(true);
});
